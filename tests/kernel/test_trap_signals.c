/*
 * Self-tests for the signal a CPU exception raised in user mode gives (kernel/signal.c's
 * trap_to_signal), as Linux 6.1 on i386 sends it, and for CR0.AM, without which an
 * alignment check never fires in ring 3.
 *
 * These are here, and not only as user programs in tests/linux-abi, because no program
 * can provoke #NP on this kernel (set_thread_area refuses not-present descriptors, as
 * Linux's does, and there is no LDT), and QEMU's TCG, which runs the tests, checks
 * neither segment limits on each access (#SS) nor alignment (#AC).
 */
#include <ktest.h>
#include <signal.h>
#include <asm/traps.h>
#include <asm/x86.h>

KTEST(trap_signals, segment_faults_are_sigbus)
{
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_NP), SIGBUS);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_SS), SIGBUS);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_AC), SIGBUS);
}

KTEST(trap_signals, others_are_as_on_linux)
{
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_GP), SIGSEGV);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_TS), SIGSEGV);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_BR), SIGSEGV);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_OF), SIGSEGV);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_UD), SIGILL);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_DE), SIGFPE);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_MF), SIGFPE);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_XF), SIGFPE);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_BP), SIGTRAP);
	KTEST_EXPECT_EQ(trap_to_signal(X86_TRAP_DB), SIGTRAP);
}

KTEST(trap_signals, cr0_am_lets_user_alignment_checks_fire)
{
	KTEST_EXPECT_TRUE(read_cr0() & X86_CR0_AM);
}

/*
 * What a CPU exception raised by user code means for the process: the signal Linux
 * would send. This kernel has no signal handlers in user space, so every such signal
 * is fatal and the process ends with status 128 + signal, as a shell reports it.
 */
#include <signal.h>
#include <kernel.h>
#include <asm/traps.h>
#include <asm/x86.h>

/* force_sig_fault(), which reports and kills, is in kernel/exit.c. */
int trap_to_signal(int vector)
{
	switch (vector) {
	case X86_TRAP_DE:
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return SIGFPE;
	case X86_TRAP_DB:
	case X86_TRAP_BP:
		return SIGTRAP;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_NP:	/* a not-present segment */
	case X86_TRAP_SS:	/* a stack-segment limit or presence fault */
	case X86_TRAP_AC:	/* a misaligned access with EFLAGS.AC set (BUS_ADRALN) */
		return SIGBUS;
	default:
		return SIGSEGV;	/* #GP (cli, hlt, bad selector), #TS, bounds, into... */
	}
}

void do_user_trap(struct pt_regs *regs, int vector)
{
	force_sig_fault(regs, trap_to_signal(vector), trap_name(vector));
}

/*
 * The return to user mode faulted on the process's own SS, CS or EIP (entry_32.asm's
 * iret_exc). Linux i386 answers with SIGILL (ILL_BADSTK), "iret exception".
 */
void do_iret_error(struct pt_regs *regs)
{
	force_sig_fault(regs, SIGILL, "iret exception");
}

/*
 * do_page_fault(): the CPU could not translate an address.
 *
 * CR2 holds the address, the error code says why (not present or protection, read or
 * write, user or kernel, instruction fetch). A fault in kernel mode is legitimate only
 * on an instruction listed in the exception table (copy_from_user and friends); any
 * other is a kernel bug and oopses. A fault in user mode kills the process with SIGSEGV.
 *
 * Relies on: fixup_exception (arch/x86/extable.c), die (arch/x86/traps.c), signals.
 */
#include <asm/traps.h>
#include <asm/x86.h>
#include <ktest.h>
#include <signal.h>
#include <vmalloc.h>

void do_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	(void)error_code;
	if (user_mode(regs))
		force_sig_fault(regs, SIGSEGV, "page fault");
	if (fixup_exception(regs))
		return;
	vmalloc_report_fault(address);	/* names a vmalloc guard-page hit */
	ktest_fault_recover(regs, X86_TRAP_PF, address);
	die("page fault", regs);
}

/*
 * Exception table: where a faulting instruction may resume.
 *
 * copy_from_user() and friends touch user memory that may not be there. Each such
 * instruction gets an entry (insn, fixup) in the __ex_table section; when it faults,
 * the page-fault handler finds the entry and moves eip to the fix-up code, which makes
 * the copy return -EFAULT. Any other kernel fault has no entry and is an oops.
 *
 * The way back to user mode (ret_from_trap in entry_32.asm) has entries too: its
 * segment pops and its iret reload selectors the process chose, which may name a TLS
 * descriptor it has since cleared or spoiled. A faulting iret goes to iret_exc, which
 * enters as Linux's "iret exception" of the process (SIGILL, kernel/signal.c).
 */
#include <asm/traps.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->eip) {
			regs->eip = e->fixup;
			return true;
		}
	}
	return false;
}

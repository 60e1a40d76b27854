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
 * re-enters as the same exception raised by the process; it needs the fault's vector
 * and error code, which are saved here because the nested fault frame that held them is
 * gone by then (the CPU is single, and interrupts are off from the fault to iret_exc).
 */
#include <asm/traps.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];
extern const char irq_return[];		/* the iret of ret_from_trap */

unsigned long iret_fault_vector, iret_fault_error;

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->eip) {
			if (e->insn == (unsigned long)irq_return) {
				iret_fault_vector = regs->vector;
				iret_fault_error = regs->error_code;
			}
			regs->eip = e->fixup;
			return true;
		}
	}
	return false;
}

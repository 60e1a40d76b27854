/*
 * The die chain (Linux's include/linux/kdebug.h and arch/x86/include/asm/kdebug.h): a
 * CPU exception in kernel mode that no exception-table fix-up handled is announced on
 * it before the kernel oopses, so a debugger, or the self-test runner catching a fault
 * it provoked on purpose, can take it over (return NOTIFY_STOP, or never return).
 *
 *	DIE_TRAP	an exception other than the two below (divide error, invalid
 *			opcode...), from do_trap (arch/x86/kernel/traps.c)
 *	DIE_GPF		a general-protection fault
 *	DIE_PAGE_FAULT	a page fault that neither the fault handler nor a fix-up could
 *			satisfy (arch/x86/mm/fault.c, no_context)
 *	DIE_OOPS	the oops itself, before its report (die())
 *
 * Relies on: notifier chains (notifier.h, kernel/notifier.c).
 */
#ifndef _KDEBUG_H
#define _KDEBUG_H

#include "notifier.h"

struct pt_regs;

enum die_val {
	DIE_OOPS = 1,
	DIE_TRAP,
	DIE_GPF,
	DIE_PAGE_FAULT,
};

struct die_args {
	struct pt_regs *regs;
	const char *str;	/* what happened, e.g. "general protection fault" */
	long err;		/* the CPU's error code */
	int trapnr;		/* the vector */
	int signr;		/* the signal a user-mode fault would have raised */
};

int register_die_notifier(struct notifier_block *nb);
int unregister_die_notifier(struct notifier_block *nb);
int notify_die(enum die_val val, const char *str, struct pt_regs *regs, long err,
	       int trap, int sig);

#endif /* _KDEBUG_H */

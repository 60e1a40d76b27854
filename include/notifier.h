/*
 * Notifier chains, as Linux has them (include/linux/notifier.h): a list of callbacks
 * that one part of the kernel calls when an event happens, without knowing who
 * listens. The die chain (a CPU exception in kernel mode), the panic list and the
 * report list (a WARNING, a "BUG:" line, a bad free) are the ones this kernel has;
 * the self-test runner is their main listener, so production code never calls it.
 *
 * Each callback returns NOTIFY_DONE (not interested), NOTIFY_OK (handled, go on) or
 * NOTIFY_STOP (handled, stop the chain: the caller then skips its default action,
 * e.g. the oops). Callbacks run in priority order, highest first.
 *
 * An "atomic" chain may be called with interrupts off, from an exception handler:
 * registering and unregistering keep interrupts off while they relink the list (on one
 * CPU that is all Linux's spinlock does), and the call walks it without a lock, reading
 * each block's next pointer before calling it, so a callback may unregister itself or
 * leave the chain with a longjmp (the test runner does).
 *
 * Relies on: local_irq_save/restore (asm/x86.h).
 */
#ifndef _NOTIFIER_H
#define _NOTIFIER_H

#include "types.h"

struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);

struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;			/* higher runs first */
};

struct atomic_notifier_head {
	struct notifier_block *head;
};

#define ATOMIC_NOTIFIER_INIT(name)	{ .head = NULL }
#define ATOMIC_NOTIFIER_HEAD(name)	\
	struct atomic_notifier_head name = ATOMIC_NOTIFIER_INIT(name)

#define NOTIFY_DONE		0x0000	/* don't care */
#define NOTIFY_OK		0x0001	/* suits me */
#define NOTIFY_STOP_MASK	0x8000	/* don't call further */
#define NOTIFY_BAD		(NOTIFY_STOP_MASK | 0x0002)	/* veto */
#define NOTIFY_STOP		(NOTIFY_OK | NOTIFY_STOP_MASK)

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh,
				     struct notifier_block *nb);
int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v);

/* The chains (kernel/panic.c). */
extern struct atomic_notifier_head panic_notifier_list;	/* data: the panic message */
extern struct atomic_notifier_head report_notifier_list; /* data: the report's first line */

#endif /* _NOTIFIER_H */

/*
 * Notifier chains (see include/notifier.h) and the die chain (include/kdebug.h).
 *
 * A chain is a singly linked list sorted by priority, highest first; blocks of equal
 * priority run in the order they registered. The list is changed with interrupts off,
 * so an exception or interrupt that calls the chain meanwhile sees it either before or
 * after the change, never half-linked; calling needs no lock (one CPU).
 *
 * Relies on: local_irq_save/restore (asm/x86.h).
 */
#include <notifier.h>
#include <kdebug.h>
#include <uapi/errno.h>
#include <asm/x86.h>

static int notifier_chain_register(struct notifier_block **nl, struct notifier_block *n)
{
	while (*nl) {
		if (*nl == n)
			return -EEXIST;		/* Linux WARNs; a double link would loop */
		if (n->priority > (*nl)->priority)
			break;
		nl = &(*nl)->next;
	}
	n->next = *nl;
	*nl = n;	/* one store publishes the block, with its next already set */
	return 0;
}

static int notifier_chain_unregister(struct notifier_block **nl, struct notifier_block *n)
{
	for (; *nl; nl = &(*nl)->next) {
		if (*nl == n) {
			*nl = n->next;
			return 0;
		}
	}
	return -ENOENT;
}

/*
 * Calls each block until one answers with NOTIFY_STOP_MASK set; returns the last
 * answer (NOTIFY_DONE for an empty chain). next is read before the call, so a callback
 * may unregister itself.
 */
static int notifier_call_chain(struct notifier_block **nl, unsigned long val, void *v)
{
	struct notifier_block *nb = *nl, *next;
	int ret = NOTIFY_DONE;

	while (nb) {
		next = nb->next;
		ret = nb->notifier_call(nb, val, v);
		if (ret & NOTIFY_STOP_MASK)
			break;
		nb = next;
	}
	return ret;
}

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *n)
{
	unsigned long flags = local_irq_save();
	int ret = notifier_chain_register(&nh->head, n);

	local_irq_restore(flags);
	return ret;
}

int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh,
				     struct notifier_block *n)
{
	unsigned long flags = local_irq_save();
	int ret = notifier_chain_unregister(&nh->head, n);

	local_irq_restore(flags);
	return ret;
}

int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v)
{
	return notifier_call_chain(&nh->head, val, v);
}

/* --- The die chain. --- */

static ATOMIC_NOTIFIER_HEAD(die_chain);

int register_die_notifier(struct notifier_block *nb)
{
	return atomic_notifier_chain_register(&die_chain, nb);
}

int unregister_die_notifier(struct notifier_block *nb)
{
	return atomic_notifier_chain_unregister(&die_chain, nb);
}

int notify_die(enum die_val val, const char *str, struct pt_regs *regs, long err,
	       int trap, int sig)
{
	struct die_args args = {
		.regs = regs, .str = str, .err = err, .trapnr = trap, .signr = sig,
	};

	return atomic_notifier_call_chain(&die_chain, val, &args);
}

/*
 * The reports of the debugging spinlock (include/spinlock.h): on one CPU a lock found
 * held can only be held by ourselves, so "recursion" is the bug, as Linux's
 * spin_dump() names it.
 *
 * Relies on: current, kallsyms (sprint_symbol).
 */
#include <spinlock.h>
#include <kallsyms.h>
#include <kernel.h>
#include <sched.h>

void spin_bug(spinlock_t *lock, const char *msg, unsigned long caller)
{
	struct task_struct *owner = lock->owner;
	char sym[64];

	sprint_symbol(sym, sizeof(sym), caller);
	pr_err("BUG: spinlock %s on CPU#0, %s/%d\n", msg, current->comm, current->pid);
	pr_err(" lock: %s, .owner: %s/%d, caller is %s\n", lock->name ? lock->name : "?",
	       owner ? owner->comm : "<none>", owner ? owner->pid : -1, sym);
}

/*
 * Spinlocks on one CPU (Linux's UP spinlock with CONFIG_DEBUG_SPINLOCK).
 *
 * With one CPU and a non-preemptive kernel nobody else can hold a lock while we run,
 * except an interrupt handler that arrived while we held it. So:
 *	spin_lock_irqsave()	saves eflags and disables interrupts: the lock for data an
 *				interrupt handler also touches (run queue, wait queues)
 *	spin_lock()		for data only process context touches; or inside a region
 *				that already has interrupts off
 * Taking a lock never waits. What a real spinlock would turn into a silent hang, taking
 * a lock that is already held (recursion: the holder is this CPU), is reported:
 *	BUG: spinlock recursion on CPU#0, prog/3
 *	 lock: rq_lock, .owner: prog/3, caller is func+0x12/0x40
 * and so is unlocking a lock that is not held. The report does not stop the kernel;
 * the lock stays held (by the first taker).
 *
 * Relies on: local_irq_save/restore (asm/x86.h), current; spin_bug is in kernel/spinlock.c.
 */
#ifndef _SPINLOCK_H
#define _SPINLOCK_H

#include "types.h"
#include "asm/x86.h"

struct task_struct;

typedef struct spinlock {
	unsigned int locked;
	const char *name;
	struct task_struct *owner;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)	{ .locked = 0, .name = #lockname, .owner = NULL }
#define DEFINE_SPINLOCK(x)		spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void spin_lock_init_named(spinlock_t *lock, const char *name)
{
	lock->locked = 0;
	lock->name = name;
	lock->owner = NULL;
}
#define spin_lock_init(lock)	spin_lock_init_named(lock, #lock)

void spin_bug(spinlock_t *lock, const char *msg, unsigned long caller);
extern struct task_struct *current;	/* include/sched.h */

static inline void __spin_lock(spinlock_t *lock, unsigned long caller)
{
	if (unlikely(lock->locked)) {
		spin_bug(lock, "recursion", caller);
		return;
	}
	lock->locked = 1;
	lock->owner = current;
}

static inline void __spin_unlock(spinlock_t *lock, unsigned long caller)
{
	if (unlikely(!lock->locked)) {
		spin_bug(lock, "already unlocked", caller);
		return;
	}
	lock->locked = 0;
	lock->owner = NULL;
}

/* Where the lock call is (Linux's _THIS_IP_): the report names that function. */
#define __CALLER	({ __label__ __here; __here: (unsigned long)&&__here; })
#define spin_lock(lock)		__spin_lock(lock, __CALLER)
#define spin_unlock(lock)	__spin_unlock(lock, __CALLER)
#define spin_lock_irqsave(lock, flags) do {					\
	(flags) = local_irq_save();						\
	__spin_lock(lock, __CALLER);						\
} while (0)
#define spin_unlock_irqrestore(lock, flags) do {				\
	__spin_unlock(lock, __CALLER);						\
	local_irq_restore(flags);						\
} while (0)
#define spin_lock_irq(lock) do {						\
	local_irq_disable();							\
	__spin_lock(lock, __CALLER);						\
} while (0)
#define spin_unlock_irq(lock) do {						\
	__spin_unlock(lock, __CALLER);						\
	local_irq_enable();							\
} while (0)

static inline bool spin_is_locked(const spinlock_t *lock)
{
	return lock->locked;
}

#endif /* _SPINLOCK_H */

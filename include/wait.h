/*
 * Wait queues (kernel/wait.c), after Linux's include/linux/wait.h.
 *
 * A wait queue head is a list of entries, one per sleeping task, under a spinlock
 * (taken with interrupts off: an interrupt handler may wake a queue). A task sleeps
 * until a condition holds with wait_event(wq, cond), which is, in Linux's order:
 *
 *	prepare_to_wait(wq, &wait, TASK_UNINTERRUPTIBLE)   queue ourselves, then set state
 *	if (cond) break;                                   checked after the state is set,
 *	schedule();                                        so a wake_up() between the test
 *	finish_wait(wq, &wait);                            and schedule() is not lost: it
 *                                                         made us TASK_RUNNING again and
 *                                                         schedule() keeps us on the CPU.
 *
 * The waker makes cond true first, then calls wake_up(wq): every entry's wake function
 * runs (for a task, try_to_wake_up(): TASK_RUNNING and onto the run queue); entries
 * added with add_wait_queue_exclusive() are woken one at a time.
 *
 * Relies on: spinlock.h, list.h, the scheduler (sched.h: schedule, try_to_wake_up).
 */
#ifndef _WAIT_H
#define _WAIT_H

#include "types.h"
#include "list.h"
#include "spinlock.h"
#include "preempt.h"

struct task_struct;
struct wait_queue_entry;

typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode);

#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the task, for the default wake functions */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)					\
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)						\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);

/* Wakes the task and leaves the entry queued (for add_wait_queue users). */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode);
/* Wakes the task and takes the entry off the queue (prepare_to_wait users). */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode);

extern struct task_struct *current;

#define DEFINE_WAIT_FUNC(name, function)					\
	struct wait_queue_entry name = {					\
		.private = current,						\
		.func = function,						\
		.entry = LIST_HEAD_INIT((name).entry),				\
	}
#define DEFINE_WAIT(name)	DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wake nr_exclusive exclusive waiters (0: all) and every non-exclusive one. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive);
bool waitqueue_active(struct wait_queue_head *wq_head);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0)

void schedule(void);

#define ___wait_event(wq_head, condition, state) do {				\
	DEFINE_WAIT(__wait);							\
	for (;;) {								\
		prepare_to_wait(&(wq_head), &__wait, state);			\
		if (condition)							\
			break;							\
		schedule();							\
	}									\
	finish_wait(&(wq_head), &__wait);					\
} while (0)

/* Sleep (uninterruptibly) until condition is true; it is checked after every wake-up. */
#define wait_event(wq_head, condition) do {					\
	might_sleep();								\
	if (condition)								\
		break;								\
	___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE);		\
} while (0)

/*
 * The same in TASK_INTERRUPTIBLE. There are no signals yet, so it always returns 0;
 * issue 14's signals make it return -ERESTARTSYS when one is pending.
 */
#define wait_event_interruptible(wq_head, condition) ({				\
	might_sleep();								\
	if (!(condition))							\
		___wait_event(wq_head, condition, TASK_INTERRUPTIBLE);		\
	0;									\
})

/* Last: the TASK_* states the macros above use, and task_struct, which holds a head. */
#include "sched.h"

#endif /* _WAIT_H */

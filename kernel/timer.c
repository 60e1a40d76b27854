/*
 * Timers driven by jiffies (Linux's kernel/time/timer.c, reduced to one sorted list):
 * add_timer(), del_timer(), and schedule_timeout(), which sleeps for a number of ticks.
 *
 * The list is kept sorted by expiry, so the timer interrupt looks only at its head:
 * run_timers() calls every timer whose expiry has come, in interrupt context (its
 * function may wake a task, nothing more: docs/concurrency.md, rule 4). The list is
 * touched by tasks and by the interrupt, hence timer_lock with interrupts off (rule 3).
 * Expiry is compared with time_after_eq(), so jiffies may wrap.
 *
 * Relies on: jiffies (arch/x86/kernel/i8253.c), the scheduler, spin_lock_irqsave.
 */
#include <timer.h>
#include <jiffies.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(timer_list);

void add_timer(struct timer_list *timer)
{
	struct timer_list *t;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	BUG_ON(timer->pending);
	list_for_each_entry(t, &timer_list, entry)
		if (time_after(t->expires, timer->expires))
			break;
	list_add_tail(&timer->entry, &t->entry);	/* before t: the list stays sorted */
	timer->pending = true;
	spin_unlock_irqrestore(&timer_lock, flags);
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was = 0;

	spin_lock_irqsave(&timer_lock, flags);
	if (timer->pending) {
		list_del(&timer->entry);
		timer->pending = false;
		was = 1;
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return was;
}

/* Timer interrupt, after jiffies moved. The function runs without the lock held. */
void run_timers(void)
{
	struct timer_list *t;

	spin_lock(&timer_lock);		/* interrupts are off in the handler */
	while (!list_empty(&timer_list)) {
		t = list_first_entry(&timer_list, struct timer_list, entry);
		if (time_before(jiffies, t->expires))
			break;
		list_del(&t->entry);
		t->pending = false;
		spin_unlock(&timer_lock);
		t->function(t);
		spin_lock(&timer_lock);
	}
	spin_unlock(&timer_lock);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *pt = container_of(t, struct process_timer, timer);

	wake_up_process(pt->task);
}

/*
 * Linux's schedule_timeout(): the caller has set its state (TASK_INTERRUPTIBLE or
 * UNINTERRUPTIBLE); sleep until timeout ticks have passed or someone wakes us. Returns
 * the ticks left (0 when the time is up).
 */
long schedule_timeout(long timeout)
{
	struct process_timer pt = { .task = current };
	unsigned long expire;

	if (timeout <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	pt.timer.expires = expire;
	pt.timer.function = process_timeout;
	add_timer(&pt.timer);
	schedule();
	del_timer(&pt.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

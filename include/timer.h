/*
 * Timers on jiffies (kernel/timer.c): a function called from the timer interrupt once
 * jiffies reaches expires; and schedule_timeout(), a sleep of so many ticks.
 */
#ifndef _TIMER_H
#define _TIMER_H

#include "types.h"
#include "list.h"

struct timer_list {
	struct list_head entry;		/* on the sorted timer list while pending */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *timer);	/* in interrupt context */
	bool pending;
};

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)

void add_timer(struct timer_list *timer);
int del_timer(struct timer_list *timer);	/* 1 if it was still pending */
void run_timers(void);				/* the timer interrupt */
long schedule_timeout(long timeout);		/* ticks; returns the ticks left */

#endif /* _TIMER_H */

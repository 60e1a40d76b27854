/*
 * Time in timer ticks. The PIT (arch/x86/kernel/i8253.c) interrupts HZ times a second and
 * each interrupt adds one to jiffies, as in Linux.
 */
#ifndef _JIFFIES_H
#define _JIFFIES_H

#include "types.h"

#define HZ 100

extern volatile unsigned long jiffies;

void time_init(void);		/* programs the PIT and enables its interrupt */
u64 tsc_khz_estimate(void);	/* TSC ticks per millisecond, measured against the PIT */

#endif /* _JIFFIES_H */

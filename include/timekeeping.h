/*
 * Time for user space (kernel/time.c): a monotonic clock in nanoseconds from the TSC
 * (scaled by the rate the PIT measured) or, until that rate is known, from jiffies;
 * and the wall clock, read once from the CMOS real-time clock and advanced by the
 * monotonic clock.
 */
#ifndef _TIMEKEEPING_H
#define _TIMEKEEPING_H

#include "types.h"

#define NSEC_PER_SEC	1000000000ULL

u64 ktime_get_ns(void);			/* since boot; never goes backwards */
u64 ktime_get_real_ns(void);		/* since 1970-01-01 00:00 UTC */

#endif /* _TIMEKEEPING_H */

/*
 * Clocks for clock_gettime (265) and clock_gettime64 (403), and sleeping on them:
 * nanosleep (162), clock_nanosleep (267) and clock_nanosleep_time64 (407).
 *
 * The monotonic clock counts TSC cycles since power-on, converted with the TSC rate
 * that arch/x86/kernel/i8253.c measures against the PIT during the first ten ticks (100 ms).
 * Before that rate is known it falls back to jiffies (10 ms steps). The switch from
 * one to the other must not make time run backwards, so the value returned is never
 * below the previous one. Under QEMU's TCG the TSC follows the host clock; with
 * -icount it counts instructions, which makes time deterministic.
 *
 * The wall clock is the CMOS real-time clock (QEMU sets it to the host's UTC time), read
 * once on first use, plus the monotonic time elapsed since.
 *
 * A sleep really sleeps: the task waits in TASK_INTERRUPTIBLE on a timer of whole ticks
 * (schedule_timeout, kernel/timer.c) and others run meanwhile. Ticks are 10 ms and the
 * clock is finer, so after each wake-up the time left is measured on the clock itself
 * and the task sleeps again if any is left: a sleep is never shorter than asked, as
 * clock_gettime sees it, and at most a tick longer. There are no signals yet, so a
 * sleep is never interrupted and rem is never written (Linux writes it only on EINTR).
 *
 * Relies on: rdtsc, tsc_khz_estimate, jiffies, port I/O, schedule_timeout.
 */
#include <timekeeping.h>
#include <uapi/errno.h>
#include <jiffies.h>
#include <sched.h>
#include <syscalls.h>
#include <uapi/time.h>
#include <uaccess.h>
#include <timer.h>
#include <asm/x86.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

static u64 last_ns;

u64 ktime_get_ns(void)
{
	u64 khz = tsc_khz_estimate(), ns;

	if (khz) {
		u64 tsc = rdtsc();

		/* Split so that tsc * 10^6 cannot overflow. */
		ns = tsc / khz * 1000000ULL + tsc % khz * 1000000ULL / khz;
	} else {
		ns = (u64)jiffies * (NSEC_PER_SEC / HZ);
	}
	if (ns < last_ns)
		ns = last_ns;
	last_ns = ns;
	return ns;
}

/* ---- the CMOS real-time clock (MC146818) ---- */

#define CMOS_ADDR	0x70
#define CMOS_DATA	0x71

static u8 cmos_read(u8 reg)
{
	outb(CMOS_ADDR, reg);
	return inb(CMOS_DATA);
}

static unsigned int bcd2bin(u8 v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to the given date (proleptic Gregorian), as Linux's mktime64(). */
static u64 days_since_epoch(int year, int mon, int day)
{
	/* 1..12 -> 11, 12, 1..10: the year starts in March so the leap day comes last. */
	mon -= 2;
	if (mon <= 0) {
		mon += 12;
		year--;
	}
	return (u64)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) +
	       (u64)year * 365 - 719499;
}

static u64 rtc_read_seconds(void)
{
	unsigned int sec, min, hour, day, mon, year, i;
	u8 status_b;

	/* Wait (briefly) for an update cycle to end so the fields are consistent. */
	for (i = 0; i < 100000 && (cmos_read(0x0a) & 0x80); i++)
		;
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	status_b = cmos_read(0x0b);
	if (!(status_b & 0x04)) {	/* BCD mode */
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f) | (hour & 0x80);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
	}
	if (!(status_b & 0x02) && (hour & 0x80))	/* 12-hour mode, PM */
		hour = ((hour & 0x7f) % 12) + 12;
	hour &= 0x7f;
	year += year < 70 ? 2000 : 1900;
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;
	return ((days_since_epoch(year, mon, day) * 24 + hour) * 60 + min) * 60 + sec;
}

static bool realtime_known;
static u64 realtime_base_ns;		/* wall clock minus monotonic clock */

u64 ktime_get_real_ns(void)
{
	u64 now = ktime_get_ns();

	if (!realtime_known) {
		realtime_base_ns = rtc_read_seconds() * NSEC_PER_SEC - now;
		realtime_known = true;
	}
	return realtime_base_ns + now;
}

static int clock_ns(int clk, u64 *ns)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		/* One process runs at a time: its CPU time is the time since it started. */
		*ns = ktime_get_ns() - current->start_time;
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_clock_gettime(int clk, struct old_timespec32 *tp)
{
	struct old_timespec32 ts;
	u64 ns;
	int err = clock_ns(clk, &ns);

	if (err)
		return err;
	ts.tv_sec = ns / NSEC_PER_SEC;	/* wraps in 2038, as the 32-bit call does */
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_gettime64(int clk, struct __kernel_timespec *tp)
{
	struct __kernel_timespec ts;
	u64 ns;
	int err = clock_ns(clk, &ns);

	if (err)
		return err;
	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* ---- sleeping ---- */

#define TIMER_ABSTIME	0x01
#define NSEC_PER_TICK	(NSEC_PER_SEC / HZ)

/* Sleep until clock clk reads at least end (ns). */
static void sleep_until(int clk, u64 end)
{
	u64 now;

	while (!clock_ns(clk, &now) && now < end) {
		u64 left = end - now;

		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout((long)((left + NSEC_PER_TICK - 1) / NSEC_PER_TICK));
	}
}

static long timespec_to_ns(s64 sec, long nsec, u64 *ns)
{
	if (sec < 0 || nsec < 0 || nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	/* Beyond 2^63 ns (292 years) a sleep is forever; keep the sum from wrapping. */
	if ((u64)sec > (~0ULL >> 1) / NSEC_PER_SEC)
		*ns = ~0ULL >> 1;
	else
		*ns = (u64)sec * NSEC_PER_SEC + nsec;
	return 0;
}

/*
 * Which clocks one may sleep on, with Linux's answers: the wall and monotonic clocks;
 * the thread CPU clock and the raw/coarse ones have no sleep in Linux either
 * (EOPNOTSUPP), unknown clocks are EINVAL, and the process CPU clock, which Linux
 * supports, is refused here (-EINVAL) until CPU time is really counted.
 */
static long clock_sleep_ok(int clk)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}

static long do_clock_nanosleep(int clk, int flags, s64 sec, long nsec)
{
	long err = clock_sleep_ok(clk);
	u64 ns, now;

	if (err)
		return err;
	err = timespec_to_ns(sec, nsec, &ns);
	if (err)
		return err;
	if (flags & TIMER_ABSTIME) {
		sleep_until(clk, ns);
		return 0;
	}
	clock_ns(clk, &now);
	sleep_until(clk, now + ns < now ? ~0ULL : now + ns);
	return 0;
}

long sys_nanosleep(const struct old_timespec32 *rqtp, struct old_timespec32 *rmtp)
{
	struct old_timespec32 ts;

	(void)rmtp;		/* written only when a signal interrupts: none yet */
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	return do_clock_nanosleep(CLOCK_MONOTONIC, 0, ts.tv_sec, ts.tv_nsec);
}

long sys_clock_nanosleep(int clk, int flags, const struct old_timespec32 *rqtp,
			 struct old_timespec32 *rmtp)
{
	struct old_timespec32 ts;

	(void)rmtp;
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	return do_clock_nanosleep(clk, flags, ts.tv_sec, ts.tv_nsec);
}

long sys_clock_nanosleep_time64(int clk, int flags, const struct __kernel_timespec *rqtp,
				struct __kernel_timespec *rmtp)
{
	struct __kernel_timespec ts;

	(void)rmtp;
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	/* A 64-bit tv_nsec: the upper half is ignored for 32-bit tasks, as Linux does. */
	return do_clock_nanosleep(clk, flags, ts.tv_sec, (long)(s32)ts.tv_nsec);
}

/*
 * Clocks for clock_gettime (265), clock_gettime64 (403), clock_getres (266),
 * gettimeofday (78) and time (13), the data the vDSO answers them from, and sleeping
 * on them: nanosleep (162), clock_nanosleep (267) and clock_nanosleep_time64 (407).
 *
 * The monotonic clock counts TSC cycles, converted with the TSC rate that
 * arch/x86/kernel/i8253.c measures against the PIT during the first ten ticks (100 ms).
 * Before that rate is known it falls back to jiffies (10 ms steps). From the tick the
 * rate is known, timekeeping_tick() keeps Linux's timekeeper form: the clocks' values
 * at the TSC reading cycle_last (a base), advanced at every tick by the cycles since,
 * scaled as cycles * mult >> shift, with no division; the time now is the base plus
 * the scaled cycles since cycle_last. The switch from jiffies must not make time run
 * backwards: the first base is the largest value returned so far. Under QEMU's TCG the
 * TSC follows the host clock; with -icount it counts instructions, which makes time
 * deterministic.
 *
 * The wall clock is the CMOS real-time clock (QEMU sets it to the host's UTC time), read
 * once (on first use, or when the TSC rate becomes known), plus the monotonic time
 * elapsed since. The _COARSE clocks are the bases themselves (tick resolution), as in
 * Linux.
 *
 * Every change to the bases is published to the vDSO's data page (include/asm/vvar.h,
 * mapped as [vvar] by arch/x86/kernel/vdso_map.c) by update_vsyscall(), under its
 * sequence counter, so that the vDSO computes exactly what ktime_get_ns() computes.
 * Nothing sets the clock yet (no settimeofday): when something does, it calls
 * update_vsyscall() too.
 *
 * A sleep really sleeps: the task waits in TASK_INTERRUPTIBLE on a timer of whole ticks
 * (schedule_timeout, kernel/timer.c) and others run meanwhile. Ticks are 10 ms and the
 * clock is finer, so after each wake-up the time left is measured on the clock itself
 * and the task sleeps again if any is left: a sleep is never shorter than asked, as
 * clock_gettime sees it, and at most a tick longer. There are no signals yet, so a
 * sleep is never interrupted and rem is never written (Linux writes it only on EINTR).
 *
 * Relies on: rdtsc, tsc_khz_estimate, jiffies, port I/O, schedule_timeout, vdso_data
 * (NULL until vdso_init() has its page).
 */
#include <timekeeping.h>
#include <uapi/errno.h>
#include <jiffies.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <uapi/time.h>
#include <uaccess.h>
#include <timer.h>
#include <vdso.h>
#include <asm/vvar.h>
#include <asm/x86.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

#define NSEC_PER_MSEC			1000000ULL

/* The kernel's own copy of the timekeeping state, in the vDSO's layout. */
static struct vdso_data tk;
static u64 last_ns;

static bool realtime_known;
static u64 realtime_base_ns;		/* wall clock minus monotonic clock */

static u64 rtc_read_seconds(void);


static inline u64 ts_ns(const struct vdso_timestamp *t)
{
	return t->sec * NSEC_PER_SEC + t->nsec;
}

static void ts_set(struct vdso_timestamp *t, u64 ns)
{
	t->sec = ns / NSEC_PER_SEC;
	t->nsec = ns % NSEC_PER_SEC;
}

/* Add ns (at most a few ticks' worth) to a base, carrying into seconds. */
static void ts_add(struct vdso_timestamp *t, u64 ns)
{
	t->nsec += ns;
	while (t->nsec >= NSEC_PER_SEC) {
		t->nsec -= NSEC_PER_SEC;
		t->sec++;
	}
}

/*
 * Copy the state to the vDSO's page: seq odd while the copy is made, so that a user
 * reader that saw an odd or changed count reads again. The timer interrupt is the only
 * writer and one CPU runs at a time, so the writer needs no lock.
 */
void update_vsyscall(void)
{
	struct vdso_data *vd = vdso_data;
	unsigned int seq;

	if (!vd)
		return;
	seq = vd->seq;
	vd->seq = seq + 1;
	barrier();
	vd->clock_mode = tk.clock_mode;
	vd->cycle_last = tk.cycle_last;
	vd->mult = tk.mult;
	vd->shift = tk.shift;
	memcpy(vd->base, tk.base, sizeof(vd->base));
	memcpy(vd->coarse, tk.coarse, sizeof(vd->coarse));
	vd->hrtimer_res = tk.hrtimer_res;
	vd->tick_ns = tk.tick_ns;
	barrier();
	vd->seq = seq + 2;
}

/* The TSC rate is known (khz cycles per ms): from now on time comes from the TSC. */
static void timekeeping_start(u64 khz)
{
	u64 mono = (u64)jiffies * (NSEC_PER_SEC / HZ);
	u32 shift = 32;

	if (mono < last_ns)
		mono = last_ns;
	if (!realtime_known) {
		realtime_base_ns = rtc_read_seconds() * NSEC_PER_SEC - mono;
		realtime_known = true;
	}
	while (shift > 1 && (NSEC_PER_MSEC << shift) / khz > 0xffffffffULL)
		shift--;
	tk.seq += 2;		/* a kernel reader interrupted by this starts again */
	tk.mult = (NSEC_PER_MSEC << shift) / khz;
	tk.shift = shift;
	tk.cycle_last = rdtsc();
	ts_set(&tk.base[VDSO_BASE_MONO], mono);
	ts_set(&tk.base[VDSO_BASE_REAL], mono + realtime_base_ns);
	memcpy(tk.coarse, tk.base, sizeof(tk.coarse));
	tk.hrtimer_res = 1;
	tk.tick_ns = NSEC_PER_SEC / HZ;
	barrier();
	tk.clock_mode = VCLOCK_TSC;
}

/* Every timer tick (arch/x86/kernel/i8253.c), interrupts off. */
void timekeeping_tick(void)
{
	u64 now, ns;
	int i;

	if (tk.clock_mode == VCLOCK_NONE) {
		u64 khz = tsc_khz_estimate();

		if (!khz)
			return;
		timekeeping_start(khz);
	} else {
		now = rdtsc();
		ns = vdso_cyc2ns(now - tk.cycle_last, tk.mult, tk.shift);
		tk.seq++;
		barrier();
		tk.cycle_last = now;
		for (i = 0; i < VDSO_BASES; i++)
			ts_add(&tk.base[i], ns);
		memcpy(tk.coarse, tk.base, sizeof(tk.coarse));
		barrier();
		tk.seq++;
	}
	update_vsyscall();
}

/*
 * A base plus the cycles since cycle_last, read again if a tick moved the base
 * meanwhile (the reader runs with interrupts on).
 */
static u64 tk_read(int b, bool coarse)
{
	unsigned int seq;
	u64 ns;

	do {
		seq = tk.seq;
		barrier();
		if (coarse)
			ns = ts_ns(&tk.coarse[b]);
		else
			ns = ts_ns(&tk.base[b]) +
			     vdso_cyc2ns(rdtsc() - tk.cycle_last, tk.mult, tk.shift);
		barrier();
	} while ((seq & 1) || seq != tk.seq);
	return ns;
}

u64 ktime_get_ns(void)
{
	u64 ns;

	if (tk.clock_mode == VCLOCK_TSC)
		ns = tk_read(VDSO_BASE_MONO, false);
	else
		ns = (u64)jiffies * (NSEC_PER_SEC / HZ);
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

u64 ktime_get_real_ns(void)
{
	u64 now;

	if (tk.clock_mode == VCLOCK_TSC)
		return tk_read(VDSO_BASE_REAL, false);
	now = ktime_get_ns();
	if (!realtime_known) {
		realtime_base_ns = rtc_read_seconds() * NSEC_PER_SEC - now;
		realtime_known = true;
	}
	return realtime_base_ns + now;
}

/* The _COARSE clocks: the last tick's base; before the TSC is known, the precise one. */
static u64 coarse_ns(int b)
{
	if (tk.clock_mode == VCLOCK_TSC)
		return tk_read(b, true);
	return b == VDSO_BASE_REAL ? ktime_get_real_ns() : ktime_get_ns();
}

static int clock_ns(int clk, u64 *ns)
{
	switch (clk) {
	case CLOCK_REALTIME:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = coarse_ns(VDSO_BASE_REAL);
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = coarse_ns(VDSO_BASE_MONO);
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
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

/* Linux's resolutions: 1 ns for the high-resolution clocks, a tick for the coarse ones. */
long sys_clock_getres(int clk, struct old_timespec32 *tp)
{
	struct old_timespec32 ts = { 0, 1 };
	u64 ns;
	int err = clock_ns(clk, &ns);

	if (err)
		return err;
	if (clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE)
		ts.tv_nsec = NSEC_PER_SEC / HZ;
	if (tp && copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/* The old 32-bit timeval; no time zone is kept, so tz reads as UTC (Linux's default). */
long sys_gettimeofday(struct old_timeval32 *tv, struct timezone *tz)
{
	static const struct timezone utc;
	u64 ns = ktime_get_real_ns();

	if (tv) {
		struct old_timeval32 t = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / 1000 };

		if (copy_to_user(tv, &t, sizeof(t)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &utc, sizeof(utc)))
		return -EFAULT;
	return 0;
}

long sys_time(s32 *tloc)
{
	s32 t = ktime_get_real_ns() / NSEC_PER_SEC;

	if (tloc && copy_to_user(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

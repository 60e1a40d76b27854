/*
 * The vDSO's clocks: clock_gettime, clock_gettime64, gettimeofday, time and
 * clock_getres answered in user mode from the [vvar] page (include/asm/vvar.h) and
 * the TSC, with no system call. This file is built into the vDSO only (vdso.mk:
 * gcc -m32 -fPIC, no libc, no libgcc), never into the kernel.
 *
 * A clock the page cannot answer (the CPU-time clocks, an unknown id, or any clock
 * before the kernel knows the TSC rate) is passed to the real system call, as
 * Linux's vDSO does, so the caller sees exactly the kernel's answer and errors.
 *
 * Relies on: vvar_page (the data page, one page below the vDSO's first byte, placed by
 * vdso32.lds), rdtsc, the i386 system-call numbers.
 */
#include <asm/vvar.h>

#define NSEC_PER_SEC	1000000000U

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

#define __NR_time		13
#define __NR_gettimeofday	78
#define __NR_clock_gettime	265
#define __NR_clock_getres	266
#define __NR_clock_gettime64	403

struct old_timespec32 { int tv_sec, tv_nsec; };
struct __kernel_timespec { long long tv_sec, tv_nsec; };
struct old_timeval32 { int tv_sec, tv_usec; };
struct timezone { int tz_minuteswest, tz_dsttime; };

extern const struct vdso_data vvar_page __attribute__((visibility("hidden")));

#define barrier()	__asm__ __volatile__("" ::: "memory")

static inline unsigned long long rdtsc_ordered(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

/* A two-argument system call by int $0x80 (the fallback is rare: no need for sysenter). */
static inline long syscall2(long nr, long a, long b)
{
	long ret;

	__asm__ __volatile__("int $0x80" : "=a"(ret) : "0"(nr), "b"(a), "c"(b) : "memory");
	return ret;
}


/* Which vvar base answers clk, or -1 for the system call. */
static inline int clock_base(int clk, int *coarse)
{
	*coarse = 0;
	switch (clk) {
	case CLOCK_REALTIME_COARSE:
		*coarse = 1;
		/* fall through */
	case CLOCK_REALTIME:
		return VDSO_BASE_REAL;
	case CLOCK_MONOTONIC_COARSE:
		*coarse = 1;
		/* fall through */
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		return VDSO_BASE_MONO;
	default:
		return -1;
	}
}

/*
 * Read base b (a coarse one without the TSC) consistently: 0, or -1 when the kernel
 * publishes no TSC scale yet. The nanoseconds past the base are at most a few ticks,
 * so carrying them into seconds takes a loop of one or two turns, not a division.
 */
static int do_hres(int b, int coarse, unsigned long long *sec, unsigned int *nsec)
{
	const struct vdso_data *vd = &vvar_page;
	unsigned long long s, ns;
	unsigned int seq;

	do {
		seq = vd->seq;
		barrier();
		if (vd->clock_mode == VCLOCK_NONE)
			return -1;
		if (coarse) {
			s = vd->coarse[b].sec;
			ns = vd->coarse[b].nsec;
		} else {
			s = vd->base[b].sec;
			ns = vd->base[b].nsec +
			     vdso_cyc2ns(rdtsc_ordered() - vd->cycle_last, vd->mult, vd->shift);
		}
		barrier();
	} while ((seq & 1) || seq != vd->seq);
	while (ns >= NSEC_PER_SEC) {
		ns -= NSEC_PER_SEC;
		s++;
	}
	*sec = s;
	*nsec = (unsigned int)ns;
	return 0;
}

int __vdso_clock_gettime(int clk, struct old_timespec32 *ts)
{
	unsigned long long sec;
	unsigned int nsec;
	int coarse, b = clock_base(clk, &coarse);

	if (b < 0 || do_hres(b, coarse, &sec, &nsec))
		return syscall2(__NR_clock_gettime, clk, (long)ts);
	ts->tv_sec = (int)sec;	/* wraps in 2038, as the 32-bit system call does */
	ts->tv_nsec = (int)nsec;
	return 0;
}

int __vdso_clock_gettime64(int clk, struct __kernel_timespec *ts)
{
	unsigned long long sec;
	unsigned int nsec;
	int coarse, b = clock_base(clk, &coarse);

	if (b < 0 || do_hres(b, coarse, &sec, &nsec))
		return syscall2(__NR_clock_gettime64, clk, (long)ts);
	ts->tv_sec = (long long)sec;
	ts->tv_nsec = nsec;
	return 0;
}

int __vdso_gettimeofday(struct old_timeval32 *tv, struct timezone *tz)
{
	unsigned long long sec;
	unsigned int nsec;

	if (do_hres(VDSO_BASE_REAL, 0, &sec, &nsec))
		return syscall2(__NR_gettimeofday, (long)tv, (long)tz);
	if (tv) {
		tv->tv_sec = (int)sec;
		tv->tv_usec = nsec / 1000;
	}
	if (tz) {		/* the kernel keeps no time zone: UTC, as Linux's default */
		tz->tz_minuteswest = 0;
		tz->tz_dsttime = 0;
	}
	return 0;
}

/* Seconds of the wall clock, from the coarse base as Linux's vDSO time() reads it. */
int __vdso_time(int *t)
{
	unsigned long long sec;
	unsigned int nsec;
	int r;

	if (do_hres(VDSO_BASE_REAL, 1, &sec, &nsec))
		return syscall2(__NR_time, (long)t, 0);
	r = (int)sec;
	if (t)
		*t = r;
	return r;
}

int __vdso_clock_getres(int clk, struct old_timespec32 *res)
{
	const struct vdso_data *vd = &vvar_page;
	int coarse, b = clock_base(clk, &coarse);

	if (b < 0 || vd->clock_mode == VCLOCK_NONE)
		return syscall2(__NR_clock_getres, clk, (long)res);
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = coarse ? vd->tick_ns : vd->hrtimer_res;
	}
	return 0;
}

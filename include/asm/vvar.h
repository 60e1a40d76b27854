/*
 * The vDSO's data page ([vvar]): what the kernel publishes for the vDSO's clock_gettime,
 * gettimeofday and time (arch/x86/entry/vdso/vclock_gettime.c) to read in user mode.
 *
 * One page, mapped read-only in every process just below [vdso], written by the kernel
 * only (kernel/time.c: at every timer tick, and when the clock is set). A reader takes
 * no lock: seq is odd while the kernel writes, and a reader that saw it odd, or saw it
 * change across its reads, reads again (a seqcount). The page is shared with user
 * space, so this header is included by the vDSO's own build too: fixed-width types
 * only, no kernel headers.
 *
 * The time at TSC value tsc, for a clock base b, is
 *	b.sec s + (b.nsec + ((tsc - cycle_last) * mult >> shift)) ns,
 * the same formula kernel/time.c uses for its own ktime_get_ns(), so the system call
 * and the vDSO agree to the nanosecond. clock_mode VCLOCK_NONE (before the TSC rate is
 * known, the first 100 ms of boot) sends every reader to the system call.
 */
#ifndef _ASM_VVAR_H
#define _ASM_VVAR_H

#define VCLOCK_NONE	0	/* no TSC scale yet: the vDSO makes the system call */
#define VCLOCK_TSC	1

#define VDSO_BASE_MONO	0	/* CLOCK_MONOTONIC, _RAW, _BOOTTIME */
#define VDSO_BASE_REAL	1	/* CLOCK_REALTIME */
#define VDSO_BASES	2

struct vdso_timestamp {
	unsigned long long sec;
	unsigned long long nsec;	/* below 10^9 */
};

struct vdso_data {
	volatile unsigned int seq;	/* odd while the kernel writes */
	unsigned int clock_mode;	/* VCLOCK_* */
	unsigned long long cycle_last;	/* TSC at the last update */
	unsigned int mult, shift;	/* ns = cycles * mult >> shift */
	struct vdso_timestamp base[VDSO_BASES];	/* the clocks at cycle_last */
	struct vdso_timestamp coarse[VDSO_BASES];	/* the same, for the _COARSE clocks */
	unsigned int hrtimer_res;	/* ns: the resolution clock_getres reports */
	unsigned int tick_ns;		/* ns per tick: the _COARSE resolution */
};

/*
 * cycles * mult >> shift for a 64-bit cycle count, in 32x32-bit multiplies and no
 * division (the vDSO has no libgcc), exact to the nanosecond: the product is split at
 * bit 32, whose upper part is shifted left by 32 - shift instead of right by shift.
 * shift must be in 1..32; the result is exact while cycles * mult < 2^(64 + shift).
 * kernel/time.c and the vDSO both use it, so both compute the same time.
 */
static inline unsigned long long vdso_cyc2ns(unsigned long long cyc, unsigned int mult,
					     unsigned int shift)
{
	unsigned long long lo = (unsigned long long)(unsigned int)cyc * mult;
	unsigned long long hi = (unsigned long long)(unsigned int)(cyc >> 32) * mult;

	return (lo >> shift) + (hi << (32 - shift));
}

#endif /* _ASM_VVAR_H */

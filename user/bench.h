/*
 * What the user-space benchmarks share (user/bench_mm.c, user/bench_fs.c): reading the
 * TSC, raw system calls through int $0x80, and the "bench NAME median N min M runs R"
 * line that tools/bench and tools/gen-bench-docs read. Under QEMU's -icount shift=0 the
 * TSC counts instructions, so a delta is an exact instruction count.
 *
 * Header-only (static inline), since each benchmark is one file built both with this
 * repo's libc and with glibc; it needs <stdint.h> and printf from either.
 */
#ifndef _USER_BENCH_H
#define _USER_BENCH_H

static inline uint32_t ticks(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return lo;	/* deltas are short: the low word is enough */
}

static inline long sc1(long nr, long a)
{
	long r;

	asm volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a) : "memory");
	return r;
}

static inline long sc2(long nr, long a, long b)
{
	long r;

	asm volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b) : "memory");
	return r;
}

static inline long sc3(long nr, long a, long b, long c)
{
	long r;

	asm volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

/* Insertion sort: a thousand samples, once per figure. */
static inline void bench_sort(uint32_t *a, unsigned n)
{
	unsigned i, j;
	uint32_t v;

	for (i = 1; i < n; i++) {
		v = a[i];
		for (j = i; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

static inline void report(const char *name, uint32_t *a, unsigned n)
{
	bench_sort(a, n);
	printf("bench %-22s median %8lu min %8lu runs %u\n", name,
	       (unsigned long)a[n / 2], (unsigned long)a[0], n);
}

#endif /* _USER_BENCH_H */

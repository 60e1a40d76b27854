/*
 * In-kernel benchmarks (tests/kernel/bench.c), run with "bench" on the command line.
 *
 *	BENCH(buddy_order0_pair)
 *	{
 *		u64 t[BENCH_SAMPLES];
 *		for (i = 0; i < BENCH_SAMPLES; i++) {
 *			u64 t0 = bench_start();
 *			... one operation ...
 *			t[i] = bench_end(t0);
 *		}
 *		bench_report("buddy: order-0 alloc+free pair", bench_median(t, BENCH_SAMPLES), "");
 *	}
 *
 * `make bench` boots with QEMU's -icount shift=0, where the guest's TSC advances by one
 * per instruction executed: rdtsc deltas are then exact instruction counts, the same
 * on every run and every machine. bench_end() subtracts the cost of the measurement
 * itself. Benchmarks run in process context with interrupts on, as the code they
 * measure does (a sleeping allocation with interrupts off is a bug: docs/concurrency.md);
 * the rare sample a timer tick lands in is dropped by the median.
 */
#ifndef _BENCH_H
#define _BENCH_H

#include "types.h"
#include "asm/x86.h"

#define BENCH_SAMPLES 101

struct kbench {
	const char *name;
	void (*run)(void);
};

#define BENCH(name)								\
	static void kbench_##name(void);					\
	static const struct kbench __kbench_##name				\
		__used __section(".kbench") __aligned(4) = { #name, kbench_##name }; \
	static void kbench_##name(void)

extern u64 bench_overhead;	/* instructions of an empty bench_start/bench_end pair */

static inline u64 bench_start(void)
{
	return rdtsc();
}

static inline u64 bench_end(u64 start)
{
	u64 d = rdtsc() - start;

	return d > bench_overhead ? d - bench_overhead : 0;
}

u64 bench_median(u64 *samples, int n);		/* sorts samples */
void bench_report(const char *what, u64 value, const char *unit);

#endif /* _BENCH_H */

/*
 * The benchmark runner: "bench" on the command line runs every BENCH() in the image
 * ("bench=NAME,..." some of them), each with interrupts off, then leaves QEMU. Only
 * the test image (build/kernel-test.elf) has it: its boot mode is defined below.
 *
 * Figures are printed, never asserted: tools/bench runs this under -icount shift=0
 * where rdtsc counts instructions, so the figures are exact and repeatable, and a
 * second time without it for wall-clock-like TSC figures under TCG.
 */
#include <bench.h>
#include <init.h>
#include <kernel.h>
#include <string.h>

extern const struct kbench __start_kbench[], __stop_kbench[];

u64 bench_overhead;

u64 bench_median(u64 *s, int n)
{
	int i, j;

	for (i = 1; i < n; i++) {	/* insertion sort: n is small */
		u64 v = s[i];

		for (j = i; j > 0 && s[j - 1] > v; j--)
			s[j] = s[j - 1];
		s[j] = v;
	}
	return s[n / 2];
}

void bench_report(const char *what, u64 value, const char *unit)
{
	printk(KERN_ERR "bench: %-52s %10llu %s\n", what, value, unit);
}

static void measure_overhead(void)
{
	u64 t[BENCH_SAMPLES];
	int i;

	bench_overhead = 0;
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		t[i] = bench_end(t0);
	}
	bench_overhead = bench_median(t, BENCH_SAMPLES);
}

static void bench_run_all(const char *which)
{
	const struct kbench *b;

	/*
	 * Interrupts stay on: the code measured runs that way (a sleeping allocation with
	 * interrupts off is a bug, docs/concurrency.md), and a timer tick lands in few of
	 * the samples, which the median drops.
	 */
	measure_overhead();
	printk(KERN_ERR "bench: (rdtsc overhead of %llu subtracted from every figure)\n",
	       bench_overhead);
	for (b = __start_kbench; b < __stop_kbench; b++)
		if (!which || name_in_list(which, b->name))
			b->run();
	printk(KERN_ERR "bench: done\n");
	machine_exit(QEMU_EXIT_PASS);
}
DEFINE_BOOT_MODE(bench, bench_run_all);

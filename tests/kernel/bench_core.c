/*
 * Benchmarks of the kernel's own basic paths, as a yardstick for the others: a null
 * function call through a pointer, a 4 KiB memset and clear_page (the cost of zeroing a
 * page: "rep stosl" counts as one instruction per word under -icount).
 */
#include <bench.h>
#include <string.h>
#include <asm/page.h>

static char page_buf[4096] __aligned(4096);

static __noinline void empty_fn(void)
{
	asm volatile("");
}

BENCH(core)
{
	void (*volatile fn)(void) = empty_fn;
	u64 t[BENCH_SAMPLES];
	int i;

	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		fn();
		t[i] = bench_end(t0);
	}
	bench_report("core: indirect call to an empty function", bench_median(t, BENCH_SAMPLES),
		     "instructions");
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		memset(page_buf, 0, sizeof(page_buf));
		t[i] = bench_end(t0);
	}
	bench_report("core: memset of one 4 KiB page", bench_median(t, BENCH_SAMPLES),
		     "instructions");
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		clear_page(page_buf);
		t[i] = bench_end(t0);
	}
	bench_report("core: clear_page (the zeroing in a demand-zero fault)",
		     bench_median(t, BENCH_SAMPLES), "instructions");
}

/*
 * Benchmarks of the buddy allocator (mm/page_alloc.c), for `make bench`.
 */
#include <bench.h>
#include <mm.h>
#include <mmzone.h>
#include <setup.h>

#define BATCH 10000

static struct page *batch[BATCH];

static u64 pair_cost(gfp_t gfp, unsigned int order)
{
	u64 t[BENCH_SAMPLES];
	int i;

	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();
		struct page *p = alloc_pages(gfp, order);

		__free_pages(p, order);
		t[i] = bench_end(t0);
	}
	return bench_median(t, BENCH_SAMPLES);
}

BENCH(buddy)
{
	u64 t0, alloc_total, free_total;
	int i, n;

	bench_report("buddy: order-0 alloc_pages+__free_pages pair", pair_cost(GFP_KERNEL, 0),
		     "instructions");
	bench_report("buddy: order-3 alloc_pages+__free_pages pair", pair_cost(GFP_KERNEL, 3),
		     "instructions");
	drain_all_pages();
	t0 = bench_start();
	for (n = 0; n < BATCH; n++) {
		batch[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);
		if (!batch[n])
			break;
	}
	alloc_total = bench_end(t0);
	t0 = bench_start();
	for (i = 0; i < n; i++)
		__free_pages(batch[i], 0);
	free_total = bench_end(t0);
	if (n) {
		bench_report("buddy: order-0 alloc, per op in a batch of 10000", alloc_total / n,
			     "instructions");
		bench_report("buddy: order-0 free, per op in a batch of 10000", free_total / n,
			     "instructions");
	}
	bench_report("buddy: build mem_map and free lists, per GiB of RAM",
		     mem_map_init_tsc * 1024 / ((u64)max_pfn >> 8), "instructions");
}

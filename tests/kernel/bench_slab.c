/*
 * Benchmarks of the slab allocator and kmalloc (mm/slab.c), for `make bench`. The
 * benchmark boot has no "slab_debug", so these are the fast paths.
 */
#include <bench.h>
#include <slab.h>

#define BATCH 10000

static void *objs[BATCH];

static u64 cache_pair(struct kmem_cache *c)
{
	u64 t[BENCH_SAMPLES];
	int i;

	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();
		void *p = kmem_cache_alloc(c, GFP_KERNEL);

		kmem_cache_free(c, p);
		t[i] = bench_end(t0);
	}
	return bench_median(t, BENCH_SAMPLES);
}

static u64 kmalloc_pair(size_t size)
{
	u64 t[BENCH_SAMPLES];
	int i;

	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();
		void *p = kmalloc(size, GFP_KERNEL);

		kfree(p);
		t[i] = bench_end(t0);
	}
	return bench_median(t, BENCH_SAMPLES);
}

BENCH(slab)
{
	struct kmem_cache *c = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	u64 t0, a, f;
	int i;

	if (!c)
		return;
	bench_report("slab: kmem_cache_alloc+free pair, 64-byte objects", cache_pair(c),
		     "instructions");
	bench_report("slab: kmalloc(64)+kfree pair", kmalloc_pair(64), "instructions");
	bench_report("slab: kmalloc(4096)+kfree pair", kmalloc_pair(4096), "instructions");
	t0 = bench_start();
	for (i = 0; i < BATCH; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	a = bench_end(t0);
	t0 = bench_start();
	for (i = 0; i < BATCH; i++)
		kmem_cache_free(c, objs[i]);
	f = bench_end(t0);
	bench_report("slab: kmem_cache_alloc, per op in a batch of 10000", a / BATCH,
		     "instructions");
	bench_report("slab: kmem_cache_free, per op in a batch of 10000", f / BATCH,
		     "instructions");
	kmem_cache_destroy(c);
}

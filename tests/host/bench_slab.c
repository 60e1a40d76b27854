/*
 * Host benchmark of the slab fast paths, counted in instructions by callgrind
 * (tools/bench-slab-host runs it; make bench-slab-host builds it 64-bit and i386).
 *
 * Each measurement is a loop of N iterations run with callgrind collecting, then
 * dumped under its name: the figures include the call and loop overhead, as a caller
 * would see them. "call_overhead_pair" measures that overhead alone (two calls to
 * empty functions with the same arguments) so it can be subtracted. glibc malloc is
 * measured the same way, on the same machine.
 *
 * Outside valgrind the client requests do nothing and the program just runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <valgrind/callgrind.h>
#include "slab.h"
#include "mm.h"
#include "slab_test.h"

#define N	10000
#define __noinline __attribute__((noinline))

static void *objs[N];

static __noinline void *nop_alloc(void *c, gfp_t gfp)
{
	asm volatile("" : : "r"(c), "r"(gfp) : "memory");
	return c;
}

static __noinline void nop_free(void *c, void *p)
{
	asm volatile("" : : "r"(c), "r"(p) : "memory");
}

static __noinline void call_overhead_pair(struct kmem_cache *c)
{
	for (int i = 0; i < N; i++)
		nop_free(c, nop_alloc(c, GFP_KERNEL));
}

static __noinline void kmem_cache_pair(struct kmem_cache *c)
{
	for (int i = 0; i < N; i++)
		kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));
}

static __noinline void kmalloc64_pair(struct kmem_cache *c)
{
	(void)c;
	for (int i = 0; i < N; i++)
		kfree(kmalloc(64, GFP_KERNEL));
}

static __noinline void kmalloc4096_pair(struct kmem_cache *c)
{
	(void)c;
	for (int i = 0; i < N; i++)
		kfree(kmalloc(4096, GFP_KERNEL));
}

/* The barrier keeps gcc from deleting a malloc/free pair it can see through. */
#define KEEP(p)	asm volatile("" : "+r"(p) : : "memory")

static __noinline void malloc64_pair(struct kmem_cache *c)
{
	(void)c;
	for (int i = 0; i < N; i++) {
		void *p = malloc(64);

		KEEP(p);
		free(p);
	}
}

/* 10,000 allocations, then 10,000 frees: slabs are created and given back. */
static __noinline void kmem_cache_burst(struct kmem_cache *c)
{
	for (int i = 0; i < N; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (int i = 0; i < N; i++)
		kmem_cache_free(c, objs[i]);
}

static __noinline void kmalloc64_burst(struct kmem_cache *c)
{
	(void)c;
	for (int i = 0; i < N; i++)
		objs[i] = kmalloc(64, GFP_KERNEL);
	for (int i = 0; i < N; i++)
		kfree(objs[i]);
}

static __noinline void malloc64_burst(struct kmem_cache *c)
{
	(void)c;
	for (int i = 0; i < N; i++) {
		objs[i] = malloc(64);
		KEEP(objs[i]);
	}
	for (int i = 0; i < N; i++)
		free(objs[i]);
}

struct bench {
	const char *name;
	void (*run)(struct kmem_cache *c);
	unsigned long ops;	/* what the count is divided by */
};

static const struct bench benches[] = {
	{ "call_overhead_pair", call_overhead_pair, N },
	{ "kmem_cache_pair", kmem_cache_pair, N },
	{ "kmalloc64_pair", kmalloc64_pair, N },
	{ "kmalloc4096_pair", kmalloc4096_pair, N },
	{ "malloc64_pair", malloc64_pair, N },
	{ "kmem_cache_burst_op", kmem_cache_burst, 2 * N },
	{ "kmalloc64_burst_op", kmalloc64_burst, 2 * N },
	{ "malloc64_burst_op", malloc64_burst, 2 * N },
};

int main(void)
{
	struct kmem_cache *c;
	unsigned int i;

	slab_test_boot(8192);
	fake_set_scribble(false);	/* the buddy allocator does not fill pages */
	slab_debug_enable(false);
	kmem_cache_init();
	c = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	if (!c)
		return 1;
	for (i = 0; i < sizeof(benches) / sizeof(benches[0]); i++) {
		benches[i].run(c);	/* warm up: the first slab, glibc's arena */
		CALLGRIND_ZERO_STATS;
		CALLGRIND_TOGGLE_COLLECT;
		benches[i].run(c);
		CALLGRIND_TOGGLE_COLLECT;
		CALLGRIND_DUMP_STATS_AT(benches[i].name);
		printf("bench %s %lu\n", benches[i].name, benches[i].ops);
	}
	return 0;
}

/*
 * Host unit tests of mm/mempool.c over the slab allocator and the fake page allocator.
 *
 * The point of a mempool is what happens when memory runs out, so most cases make
 * alloc_pages() fail (fail_page_alloc_set) and check that exactly min_nr elements are
 * still served, and that freed elements refill the reserve before anything else.
 */
#include <stdio.h>
#include <stdlib.h>
#include "mempool.h"
#include "slab.h"
#include "mm.h"
#include "string.h"
#include "slab_test.h"

static unsigned long active(struct kmem_cache *c)
{
	struct slabinfo si;

	get_slabinfo(c, &si);
	return si.active_objs;
}

static void test_mempool_create_rejects_bad_arguments(void)
{
	host_capture_start();
	CHECK(!mempool_create(-1, mempool_kmalloc, mempool_kfree, (void *)32));
	CHECK(!mempool_create(2, NULL, mempool_kfree, (void *)32));
	CHECK(!mempool_create(2, mempool_kmalloc, NULL, (void *)32));
	host_capture_stop();
	CHECK_LOGGED("mempool_create: bad arguments");
	mempool_destroy(NULL);
}

static void test_mempool_create_fails_cleanly_without_memory(void)
{
	fail_page_alloc_set(~0UL);
	CHECK(!mempool_create_page_pool(4, 0));
	CHECK(!mempool_create_kmalloc_pool(4, 64 << 10));
	fail_page_alloc_set(0);
}

static void test_mempool_preallocates_min_nr_elements(void)
{
	struct kmem_cache *c = kmem_cache_create("test_pool_pre", 200, 0, 0, NULL);
	mempool_t *pool;

	REQUIRE(c);
	pool = mempool_create_slab_pool(5, c);
	REQUIRE(pool);
	CHECK_EQ(pool->min_nr, 5);
	CHECK_EQ(pool->curr_nr, 5);
	CHECK_EQ(active(c), 5);
	mempool_destroy(pool);
	CHECK_EQ(active(c), 0);
	kmem_cache_destroy(c);
}

static void test_mempool_prefers_the_allocator_while_it_works(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(3, 100);
	void *p[6];
	unsigned int i;

	REQUIRE(pool);
	for (i = 0; i < 6; i++) {
		p[i] = mempool_alloc(pool, GFP_KERNEL);
		REQUIRE(p[i]);
		CHECK(ksize(p[i]) >= 100);
	}
	CHECK_EQ(pool->curr_nr, 3);		/* the reserve is untouched */
	for (i = 0; i < 6; i++)
		mempool_free(p[i], pool);
	CHECK_EQ(pool->curr_nr, 3);
	mempool_destroy(pool);
}

static void test_page_pool_serves_min_nr_while_page_allocator_fails(void)
{
	mempool_t *pool = mempool_create_page_pool(4, 1);
	struct page *pages[5];
	unsigned long free_before;
	unsigned int i;

	REQUIRE(pool);
	free_before = nr_free_pages();
	fail_page_alloc_set(~0UL);
	for (i = 0; i < 4; i++) {
		pages[i] = mempool_alloc(pool, GFP_KERNEL);
		CHECK(pages[i] != NULL);
	}
	CHECK_EQ(pool->curr_nr, 0);
	CHECK(mempool_alloc(pool, GFP_KERNEL) == NULL);
	CHECK(mempool_alloc(pool, GFP_ATOMIC) == NULL);

	mempool_free(pages[0], pool);		/* refills the reserve... */
	CHECK_EQ(pool->curr_nr, 1);
	pages[0] = mempool_alloc(pool, GFP_KERNEL);	/* ...which serves the next one */
	CHECK(pages[0] != NULL);
	fail_page_alloc_set(0);

	for (i = 0; i < 4; i++)
		mempool_free(pages[i], pool);
	CHECK_EQ(pool->curr_nr, 4);
	CHECK_EQ(nr_free_pages(), free_before);
	mempool_destroy(pool);
}

static void test_slab_pool_serves_min_nr_while_page_allocator_fails(void)
{
	struct kmem_cache *c = kmem_cache_create("test_pool_slab", 2000, 0, 0, NULL);
	unsigned long room, i;
	struct slabinfo si;
	mempool_t *pool;
	void *e[4], **fill;

	REQUIRE(c);
	pool = mempool_create_slab_pool(4, c);
	REQUIRE(pool);
	/* Use up whatever room the cache has left, while pages can still be had. */
	get_slabinfo(c, &si);
	room = si.num_objs - si.active_objs;
	fill = calloc(room + 1, sizeof(void *));
	for (i = 0; i < room; i++)
		fill[i] = kmem_cache_alloc(c, GFP_KERNEL);

	fail_page_alloc_set(~0UL);
	CHECK(!kmem_cache_alloc(c, GFP_KERNEL));	/* the cache itself is out */
	for (i = 0; i < 4; i++) {
		e[i] = mempool_alloc(pool, GFP_KERNEL);
		CHECK(e[i] != NULL);
	}
	CHECK(!mempool_alloc(pool, GFP_KERNEL));
	CHECK_EQ(pool->curr_nr, 0);

	mempool_free(e[0], pool);
	mempool_free(e[1], pool);
	CHECK_EQ(pool->curr_nr, 2);		/* refilled first, not given back */
	e[0] = mempool_alloc(pool, GFP_KERNEL);
	e[1] = mempool_alloc(pool, GFP_KERNEL);
	CHECK(e[0] && e[1]);
	fail_page_alloc_set(0);

	for (i = 0; i < 4; i++)
		mempool_free(e[i], pool);
	CHECK_EQ(pool->curr_nr, 4);
	for (i = 0; i < room; i++)
		kmem_cache_free(c, fill[i]);
	mempool_destroy(pool);
	CHECK_EQ(active(c), 0);
	kmem_cache_destroy(c);
	free(fill);
}

static void test_mempool_free_refills_reserve_before_freeing(void)
{
	struct kmem_cache *c = kmem_cache_create("test_pool_refill", 64, 0, 0, NULL);
	mempool_t *pool;
	void *e[3], *extra;

	REQUIRE(c);
	pool = mempool_create_slab_pool(2, c);
	REQUIRE(pool);
	fail_page_alloc_set(~0UL);
	/* The cache's first slab still has room: the allocator answers. */
	extra = mempool_alloc(pool, GFP_KERNEL);
	CHECK(extra != NULL);
	CHECK_EQ(pool->curr_nr, 2);
	fail_page_alloc_set(0);

	pool->curr_nr--;			/* simulate a reserve in use... */
	e[0] = pool->elements[pool->curr_nr];
	mempool_free(e[0], pool);		/* ...the free refills it */
	CHECK_EQ(pool->curr_nr, 2);
	CHECK_EQ(active(c), 3);
	mempool_free(extra, pool);		/* reserve full: back to the cache */
	CHECK_EQ(active(c), 2);
	mempool_free(NULL, pool);
	mempool_destroy(pool);
	CHECK_EQ(active(c), 0);
	kmem_cache_destroy(c);
}

static void test_mempool_resize_grows_and_shrinks_reserve(void)
{
	/* kmalloc-256: the pool and its array of pointers come from smaller caches. */
	mempool_t *pool = mempool_create_kmalloc_pool(2, 200);
	struct kmem_cache *c = kmalloc_slab(200);
	unsigned long base;

	REQUIRE(pool);
	base = active(c);
	CHECK_EQ(mempool_resize(pool, 6), 0);
	CHECK_EQ(pool->curr_nr, 6);
	CHECK_EQ(active(c), base + 4);
	CHECK_EQ(mempool_resize(pool, 1), 0);
	CHECK_EQ(pool->curr_nr, 1);
	CHECK_EQ(active(c), base - 1);
	CHECK_EQ(mempool_resize(pool, -1), -22);
	mempool_destroy(pool);
}

static void test_mempool_warns_on_gfp_zero(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(1, 32);
	void *p;

	REQUIRE(pool);
	host_capture_start();
	p = mempool_alloc(pool, GFP_KERNEL | __GFP_ZERO);
	host_capture_stop();
	CHECK(p != NULL);
	CHECK_LOGGED("WARNING");
	mempool_free(p, pool);
	mempool_destroy(pool);
}

static const struct tap_case cases[] = {
	SLAB_CASE(test_mempool_create_rejects_bad_arguments),
	SLAB_CASE(test_mempool_create_fails_cleanly_without_memory),
	SLAB_CASE(test_mempool_preallocates_min_nr_elements),
	SLAB_CASE(test_mempool_prefers_the_allocator_while_it_works),
	SLAB_CASE(test_page_pool_serves_min_nr_while_page_allocator_fails),
	SLAB_CASE(test_slab_pool_serves_min_nr_while_page_allocator_fails),
	SLAB_CASE(test_mempool_free_refills_reserve_before_freeing),
	SLAB_CASE(test_mempool_resize_grows_and_shrinks_reserve),
	SLAB_CASE(test_mempool_warns_on_gfp_zero),
};

int main(void)
{
	slab_test_boot(4096);
	slab_debug_enable(true);
	kmem_cache_init();
	return tap_run(cases, ARRAY_SIZE(cases), slab_case_before, slab_case_after);
}

/*
 * Host unit tests of mm/slab.c over the fake page allocator (fake_page_alloc.c).
 *
 * Built twice: test_slab runs with slab_debug on (every cache, kmalloc's included, is
 * a debug cache, as in the kernel's test boot); test_slab_nodebug (SLAB_TEST_NODEBUG)
 * runs the same cases with debug off, where the array of hot objects is in use, and
 * prints the overhead table of the general caches. Debug-report cases create their
 * caches with SLAB_DEBUG_FLAGS explicitly, so they run in both builds.
 *
 * Around every case the runner checks that no object and no page leaked
 * (nr_slab_objects(), nr_free_pages() + nr_slab_pages()) and that every cache passes
 * kmem_cache_validate().
 */
#include <stdio.h>
#include <stdlib.h>
#include "slab.h"
#include "mm.h"
#include "string.h"
#include "slab_test.h"

#ifdef SLAB_TEST_NODEBUG
#define DEBUG_BUILD	false
#else
#define DEBUG_BUILD	true
#endif

static const size_t kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768,
	65536, 131072,
};

static struct slabinfo info(struct kmem_cache *c)
{
	struct slabinfo si;

	get_slabinfo(c, &si);
	return si;
}

/* A cache without debugging whatever slab_debug says: the array fast path is used. */
static struct kmem_cache *create_nodebug(const char *name, size_t size, size_t align,
					 unsigned long flags, void (*ctor)(void *))
{
	bool saved = slab_debug;
	struct kmem_cache *c;

	slab_debug_enable(false);
	c = kmem_cache_create(name, size, align, flags, ctor);
	slab_debug_enable(saved);
	return c;
}

static bool logged_ptr(const void *p)
{
	char text[32];

	snprintf(text, sizeof(text), "object %p", p);
	return host_log_contains(text);
}

/* The caller a report names, which must lie in the function `fn` (within 16 KiB). */
static bool logged_caller_in(void *fn)
{
	const char *s = strstr(host_log_text(), "caller ");
	void *caller;

	if (!s || sscanf(s, "caller %p", &caller) != 1)
		return false;
	return (uintptr_t)caller > (uintptr_t)fn && (uintptr_t)caller - (uintptr_t)fn < 16384;
}

/* ---- caches and slabs ---- */

static void test_cache_create_rejects_bad_arguments(void)
{
	host_capture_start();
	CHECK(!kmem_cache_create(NULL, 32, 0, 0, NULL));
	CHECK_LOGGED("no name");
	CHECK(!kmem_cache_create("bad", 0, 0, 0, NULL));
	CHECK(!kmem_cache_create("bad", KMALLOC_MAX_CACHE_SIZE + 1, 0, 0, NULL));
	CHECK_LOGGED("object size must be");
	CHECK(!kmem_cache_create("bad", 32, 3, 0, NULL));
	CHECK(!kmem_cache_create("bad", 32, 2 * PAGE_SIZE, 0, NULL));
	CHECK_LOGGED("alignment must be");
	CHECK(!kmem_cache_create("bad", 32, 0, 0x1, NULL));
	CHECK_LOGGED("unknown flags");
	kmem_cache_destroy(NULL);
	host_capture_stop();
}

/* Checked in main() before kmem_cache_init(), reported by the case below. */
static bool created_before_init, refusal_reported;

static void test_create_before_init_and_second_init_are_refused(void)
{
	CHECK(!created_before_init);
	CHECK(refusal_reported);
	host_capture_start();
	kmem_cache_init();
	host_capture_stop();
	CHECK_LOGGED("kmem_cache_init: called twice");
	CHECK(kmalloc_slab(64) && !strcmp(kmem_cache_name(kmalloc_slab(64)), "kmalloc-64"));
}

static void test_slabs_move_between_full_partial_and_free_lists(void)
{
	struct kmem_cache *c = kmem_cache_create("test_lists", 256, 0, SLAB_DEBUG_FLAGS, NULL);
	struct slabinfo si;
	unsigned int n, i;
	void **objs;

	REQUIRE(c);
	si = info(c);
	n = si.objperslab;
	CHECK_EQ(si.num_slabs, 0);
	objs = calloc(2 * n, sizeof(void *));

	objs[0] = kmem_cache_alloc(c, GFP_KERNEL);
	si = info(c);
	CHECK_EQ(si.partial_slabs, 1);
	CHECK_EQ(si.full_slabs + si.free_slabs, 0);
	CHECK_EQ(si.active_objs, 1);

	for (i = 1; i < n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	si = info(c);
	CHECK_EQ(si.full_slabs, 1);
	CHECK_EQ(si.partial_slabs, 0);

	objs[n] = kmem_cache_alloc(c, GFP_KERNEL);
	si = info(c);
	CHECK_EQ(si.full_slabs, 1);
	CHECK_EQ(si.partial_slabs, 1);

	kmem_cache_free(c, objs[n]);
	si = info(c);
	CHECK_EQ(si.full_slabs, 1);
	CHECK_EQ(si.free_slabs, 1);
	CHECK_EQ(si.partial_slabs, 0);

	kmem_cache_free(c, objs[0]);
	si = info(c);
	CHECK_EQ(si.partial_slabs, 1);
	CHECK_EQ(si.full_slabs, 0);
	CHECK_EQ(si.free_slabs, 1);

	for (i = 1; i < n; i++)
		kmem_cache_free(c, objs[i]);
	si = info(c);
	CHECK_EQ(si.free_slabs, 2);
	CHECK_EQ(si.active_objs, 0);
	CHECK_EQ(kmem_cache_validate(c), 0);

	CHECK_EQ(kmem_cache_shrink(c), si.pagesperslab);
	CHECK_EQ(info(c).free_slabs, 1);
	kmem_cache_destroy(c);
	free(objs);
}

static void test_allocation_prefers_partial_slab_over_free_slab(void)
{
	struct kmem_cache *c = kmem_cache_create("test_partial", 128, 0, SLAB_DEBUG_FLAGS, NULL);
	unsigned int n, i;
	void **objs, *p;

	REQUIRE(c);
	n = info(c).objperslab;
	objs = calloc(2 * n, sizeof(void *));
	for (i = 0; i < 2 * n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (i = n; i < 2 * n; i++)		/* second slab: free */
		kmem_cache_free(c, objs[i]);
	kmem_cache_free(c, objs[3]);		/* first slab: partial */
	CHECK_EQ(info(c).free_slabs, 1);
	CHECK_EQ(info(c).partial_slabs, 1);

	p = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(p == objs[3]);
	CHECK_EQ(info(c).free_slabs, 1);
	CHECK_EQ(info(c).full_slabs, 1);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	free(objs);
}

#define CTOR_MAGIC	0xc0ffee11u
static unsigned int ctor_calls;

static void count_ctor(void *obj)
{
	*(unsigned int *)obj = CTOR_MAGIC;
	ctor_calls++;
}

static void check_ctor_once_per_object(struct kmem_cache *c)
{
	unsigned int n, i;
	void **objs, *p;

	ctor_calls = 0;
	n = info(c).objperslab;
	objs = calloc(n + 1, sizeof(void *));
	p = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK_EQ(ctor_calls, n);
	CHECK_EQ(*(unsigned int *)p, CTOR_MAGIC);
	kmem_cache_free(c, p);

	p = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK_EQ(ctor_calls, n);		/* not run again */
	CHECK_EQ(*(unsigned int *)p, CTOR_MAGIC);	/* still constructed */
	kmem_cache_free(c, p);

	for (i = 0; i <= n; i++) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		CHECK_EQ(*(unsigned int *)objs[i], CTOR_MAGIC);
	}
	CHECK_EQ(ctor_calls, 2 * n);		/* one new slab */
	for (i = 0; i <= n; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	free(objs);
}

static void test_constructor_runs_once_per_object_when_slab_is_created(void)
{
	struct kmem_cache *c = kmem_cache_create("test_ctor", 64, 0, SLAB_DEBUG_FLAGS, count_ctor);

	REQUIRE(c);
	check_ctor_once_per_object(c);
	c = create_nodebug("test_ctor_fast", 64, 0, 0, count_ctor);
	REQUIRE(c);
	check_ctor_once_per_object(c);
}

/* Linux SLAB's count: leftover / colour_off colours, 0 when less than a line is left. */
static void test_colour_count_is_leftover_over_colour_off(void)
{
	struct kmem_cache *wide = kmem_cache_create("test_colour280", 280, 0, 0, NULL);
	struct kmem_cache *tight = kmem_cache_create("test_colour64", 64, 0, 0, NULL);
	struct slabinfo si;
	void *objs[3 * 64];
	unsigned int i, n;

	REQUIRE(wide && tight);
	si = info(wide);
	CHECK_EQ(si.colours, si.waste_per_slab / si.colour_off);
	si = info(tight);
	CHECK(si.waste_per_slab < si.colour_off);
	CHECK_EQ(si.colours, 0);
	n = si.objperslab * 3 <= 3 * 64 ? si.objperslab * 3 : 3 * 64;
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(tight, GFP_KERNEL);
	for (i = 0; i < n; i++)
		CHECK_EQ(slab_colour_of(objs[i]), 0);
	for (i = 0; i < n; i++)
		kmem_cache_free(tight, objs[i]);
	kmem_cache_destroy(tight);
	kmem_cache_destroy(wide);
}

static void test_colour_offsets_differ_between_consecutive_slabs(void)
{
	struct kmem_cache *c = kmem_cache_create("test_colour", 280, 0, 0, NULL);
	unsigned int n, i, slabs;
	struct slabinfo si;
	uintptr_t base = 0;
	void **objs;

	REQUIRE(c);
	si = info(c);
	REQUIRE(si.colours >= 2);
	CHECK_EQ(si.colour_off, SLAB_CACHE_LINE);
	n = si.objperslab;
	slabs = si.colours + 2;
	objs = calloc(n * slabs, sizeof(void *));
	for (i = 0; i < n * slabs; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);

	for (i = 0; i < slabs; i++) {
		void *first = objs[i * n];
		long colour = slab_colour_of(first);
		uintptr_t off = ((uintptr_t)first & (PAGE_SIZE - 1)) - colour;

		/* Successive slabs step through the colours and wrap around. */
		CHECK_EQ(colour, (long)(i % si.colours) * si.colour_off);
		if (i > 0)
			CHECK(colour != slab_colour_of(objs[(i - 1) * n]));
		/* The objects really moved: the first one sits `colour` bytes further. */
		if (i == 0)
			base = off;
		CHECK_EQ(off, base);
	}
	CHECK_EQ(slab_colour_of(objs), -1);	/* not a slab object */
	for (i = 0; i < n * slabs; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	free(objs);
}

static size_t expected_align(size_t size, size_t align, unsigned long flags)
{
	size_t a = align > sizeof(void *) ? align : sizeof(void *);

	if (flags & SLAB_HWCACHE_ALIGN) {
		size_t line = SLAB_CACHE_LINE;

		while (size <= line / 2)
			line /= 2;
		if (line > a)
			a = line;
	}
	return a;
}

static void test_objects_are_aligned_for_every_size_and_alignment(void)
{
	static const size_t sizes[] = {
		1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 48, 63, 64, 65,
		96, 100, 127, 128, 129, 200, 255, 256, 257, 500, 511, 512, 513, 1000,
		2047, 2048, 3000, 4095, 4096, 4097, 10000, 65536,
	};
	static const size_t aligns[] = { 0, 8, 16, 32, 64, 128, 512, 4096 };
	static const unsigned long flags[] = { 0, SLAB_HWCACHE_ALIGN };
	unsigned int s, a, f, i;

	for (f = 0; f < 2; f++) {
		for (a = 0; a < ARRAY_SIZE(aligns); a++) {
			for (s = 0; s < ARRAY_SIZE(sizes); s++) {
				size_t want = expected_align(sizes[s], aligns[a], flags[f]);
				struct kmem_cache *c;
				void *p[3];

				c = kmem_cache_create("test_align", sizes[s], aligns[a], flags[f],
						      NULL);
				REQUIRE(c);
				for (i = 0; i < 3; i++) {
					p[i] = kmem_cache_alloc(c, GFP_KERNEL);
					REQUIRE(p[i]);
					if ((uintptr_t)p[i] % want)
						tap_fail(__FILE__, __LINE__,
							 "size %zu align %zu flags %lx: %p "
							 "not aligned to %zu", sizes[s],
							 aligns[a], flags[f], p[i], want);
					memset(p[i], 0x5c, sizes[s]);
				}
				for (i = 0; i < 3; i++)
					kmem_cache_free(c, p[i]);
				kmem_cache_destroy(c);
			}
		}
	}
}

static void test_slab_pages_point_at_their_cache_and_slab(void)
{
	struct kmem_cache *c = kmem_cache_create("test_pages", 5000, 0, 0, NULL);
	struct slabinfo si;
	void *p[3];
	unsigned int i;

	REQUIRE(c);
	si = info(c);
	CHECK(si.pagesperslab > 1);
	for (i = 0; i < 3; i++) {
		struct page *first, *last;

		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
		REQUIRE(p[i]);
		first = virt_to_page(p[i]);
		last = virt_to_page((char *)p[i] + 4999);
		CHECK(PageSlab(first) && PageSlab(last));
		CHECK(first->slab_cache == c && last->slab_cache == c);
		CHECK(first->slab == last->slab);
	}
	for (i = 0; i < 3; i++)
		kmem_cache_free(c, p[i]);
	kmem_cache_destroy(c);
}

static void test_array_cache_returns_hot_objects_first(void)
{
	struct kmem_cache *c = create_nodebug("test_array", 64, 0, 0, NULL);
	struct slabinfo si;
	unsigned int i, n;
	void *a, *b, **objs;

	REQUIRE(c);
	si = info(c);
	REQUIRE(si.limit > 0);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, a);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(a == b);				/* LIFO: the hottest object comes back */
	kmem_cache_free(c, b);

	n = 3 * si.limit + si.objperslab;
	objs = calloc(n, sizeof(void *));
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK_EQ(info(c).active_objs, n);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	si = info(c);
	CHECK(si.avail <= si.limit);
	CHECK(si.avail > 0);			/* the last ones stay hot */
	CHECK_EQ(si.active_objs, 0);		/* cached objects are not in use */
	CHECK_EQ(kmem_cache_validate(c), 0);

	CHECK(kmem_cache_shrink(c) > 0);
	si = info(c);
	CHECK_EQ(si.avail, 0);
	CHECK_EQ(si.free_slabs, 1);
	kmem_cache_destroy(c);
	free(objs);
}

static void test_zalloc_returns_zeroed_objects(void)
{
	struct kmem_cache *fast = create_nodebug("test_zero_fast", 72, 0, 0, NULL);
	struct kmem_cache *dbg = kmem_cache_create("test_zero_dbg", 72, 0, SLAB_DEBUG_FLAGS, NULL);
	struct kmem_cache *caches[] = { fast, dbg };
	unsigned int i, j;

	REQUIRE(fast && dbg);
	for (i = 0; i < 2; i++) {
		unsigned char *p = kmem_cache_alloc(caches[i], GFP_KERNEL);

		memset(p, 0xff, 72);
		kmem_cache_free(caches[i], p);
		p = kmem_cache_zalloc(caches[i], GFP_KERNEL);
		REQUIRE(p);
		for (j = 0; j < 72; j++)
			if (p[j])
				break;
		CHECK_EQ(j, 72);
		kmem_cache_free(caches[i], p);
		kmem_cache_destroy(caches[i]);
	}
}

static void test_shrink_and_destroy_give_pages_back(void)
{
	struct kmem_cache *c;
	unsigned long start, n, i;
	void **objs;

	/* Warm cache_cache up so that creating a cache takes no new page. */
	kmem_cache_destroy(kmem_cache_create("test_warm", 100, 0, 0, NULL));
	start = nr_free_pages();

	c = kmem_cache_create("test_shrink", 100, 0, 0, NULL);
	REQUIRE(c);
	n = 3 * info(c).objperslab;
	objs = calloc(n, sizeof(void *));
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK_EQ(nr_free_pages(), start - 3 * info(c).pagesperslab);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	CHECK(nr_free_pages() < start);		/* free slabs are kept for reuse */

	CHECK(kmem_cache_shrink(c) > 0);
	CHECK_EQ(info(c).free_slabs, 1);	/* the reserve */
	CHECK_EQ(nr_free_pages(), start - info(c).pagesperslab);
	kmem_cache_destroy(c);
	CHECK_EQ(nr_free_pages(), start);
	free(objs);
}

static void test_destroy_with_live_objects_is_refused(void)
{
	struct kmem_cache *c = kmem_cache_create("test_busy", 48, 0, 0, NULL);
	void *p, *q;

	REQUIRE(c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	host_capture_start();
	kmem_cache_destroy(c);
	host_capture_stop();
	CHECK_LOGGED("kmem_cache_destroy(test_busy)");
	CHECK_LOGGED("still hold objects");
	q = kmem_cache_alloc(c, GFP_KERNEL);	/* the cache still works */
	CHECK(q && q != p);
	kmem_cache_free(c, q);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);

	host_capture_start();
	kmem_cache_destroy(kmalloc_slab(64));
	host_capture_stop();
	CHECK_LOGGED("boot cache cannot be destroyed");
}

static void test_allocation_failure_returns_null_and_keeps_cache_sane(void)
{
	struct kmem_cache *c = kmem_cache_create("test_nomem", 200, 0, 0, NULL);
	struct kmem_cache *f = create_nodebug("test_nomem_fast", 200, 0, 0, NULL);

	REQUIRE(c && f);
	fail_page_alloc_set(~0UL);
	CHECK(!kmem_cache_alloc(c, GFP_KERNEL));
	CHECK(!kmem_cache_alloc(f, GFP_KERNEL));
	CHECK(!kmalloc(KMALLOC_MAX_CACHE_SIZE + 1, GFP_KERNEL));
	fail_page_alloc_set(0);
	CHECK_EQ(info(c).num_slabs, 0);
	CHECK_EQ(kmem_cache_validate(c), 0);
	kmem_cache_destroy(c);
	kmem_cache_destroy(f);
}

static void test_shrinker_reaps_free_slabs_when_pages_run_out(void)
{
	struct kmem_cache *c = kmem_cache_create("test_reap", 1024, 0, 0, NULL);
	unsigned long n, i, npages = 0;
	struct page **pages, *page;
	void **objs;

	REQUIRE(c);
	n = 3 * info(c).objperslab;
	objs = calloc(n, sizeof(void *));
	pages = calloc(fake_total_pages(), sizeof(*pages));
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	CHECK_EQ(info(c).num_slabs, 3);		/* all free, some objects maybe in the array */

	/* Use up every page without reclaim... */
	while ((page = alloc_pages(GFP_ATOMIC, 0)))
		pages[npages++] = page;
	CHECK_EQ(nr_free_pages(), 0);
	/* ...then ask with reclaim: the shrinker must find pages in free slabs. */
	page = alloc_pages(GFP_KERNEL, 0);
	CHECK(page != NULL);
	CHECK_EQ(info(c).free_slabs, 1);
	CHECK_EQ(info(c).avail, 0);
	if (page)
		__free_pages(page, 0);
	for (i = 0; i < npages; i++)
		__free_pages(pages[i], 0);
	kmem_cache_destroy(c);
	free(objs);
	free(pages);
}

static void test_slabinfo_prints_linux_columns(void)
{
	struct kmem_cache *c = kmem_cache_create("test_chain", 40, 0, 0, NULL);
	unsigned long active, num, aslabs, nslabs;
	unsigned int objsize, perslab, pages, limit, batch, shared, savail, ovh, waste;
	struct slabinfo si;
	const char *line;
	char name[32];
	void *p;

	REQUIRE(c);
	p = kmalloc(64, GFP_KERNEL);
	si = info(kmalloc_slab(64));
	host_capture_start();
	show_slabinfo();
	host_capture_stop();
	CHECK_LOGGED("slabinfo - version: 2.1\n");
	CHECK_LOGGED("# name            <active_objs> <num_objs> <objsize> <objperslab> "
		     "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
		     "slabdata <active_slabs> <num_slabs> <sharedavail>");
	CHECK_LOGGED("\ntest_chain ");
	CHECK_LOGGED("\nkmem_cache ");
	line = strstr(host_log_text(), "\nkmalloc-64 ");
	REQUIRE(line);
	CHECK_EQ(sscanf(line + 1, "%31s %lu %lu %u %u %u : tunables %u %u %u : slabdata %lu %lu "
			"%u : overhead %u %u", name, &active, &num, &objsize, &perslab, &pages,
			&limit, &batch, &shared, &aslabs, &nslabs, &savail, &ovh, &waste), 14);
	CHECK_EQ(active, si.active_objs);
	CHECK(active >= 1);
	CHECK_EQ(num, si.num_objs);
	CHECK_EQ(objsize, si.chunk);
	CHECK_EQ(perslab, si.objperslab);
	CHECK_EQ(pages, si.pagesperslab);
	CHECK_EQ(limit, si.limit);
	CHECK_EQ(aslabs, si.active_slabs);
	CHECK_EQ(nslabs, si.num_slabs);
	CHECK_EQ(ovh, si.overhead_per_obj);
	CHECK_EQ(waste, si.waste_per_slab);
	kfree(p);

	kmem_cache_destroy(c);
	host_capture_start();
	show_slabinfo();
	host_capture_stop();
	CHECK(!host_log_contains("\ntest_chain "));
}

/* Linux SLAB's target: under 2 % of a slab lost to metadata and leftover for 64 bytes. */
static void test_64_byte_objects_lose_under_2_percent(void)
{
	struct kmem_cache *c = create_nodebug("test_64", 64, 0, 0, NULL);
	struct slabinfo si;
	unsigned long bytes, lost;

	REQUIRE(c);
	si = info(c);
	bytes = si.pagesperslab * PAGE_SIZE;
	lost = bytes - si.objperslab * 64;
	CHECK(lost * 50 < bytes);
	CHECK_EQ(si.objperslab, 63);
	printf("# 64-byte cache: %u objects per %lu-byte slab, %lu bytes lost (%lu.%02lu %%)\n",
	       si.objperslab, bytes, lost, lost * 100 / bytes, lost * 10000 / bytes % 100);
	kmem_cache_destroy(c);
}

/* ---- debug reports ---- */

static void test_poison_catches_write_after_free(void)
{
	struct kmem_cache *c = kmem_cache_create("test_poison", 40, 0, SLAB_DEBUG_FLAGS, NULL);
	unsigned char *p, *q;

	REQUIRE(c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	CHECK_EQ(p[0], POISON_FREE);
	CHECK_EQ(p[39], POISON_END);
	p[5] = 0x42;				/* the bug: a write after free */
	host_capture_start();
	q = kmem_cache_alloc(c, GFP_KERNEL);
	host_capture_stop();
	CHECK(q == p);
	CHECK_LOGGED("slab test_poison: use after free: byte 5 is 0x42");
	CHECK(logged_ptr(p));
	CHECK(logged_caller_in((void *)test_poison_catches_write_after_free));
	CHECK_LOGGED("last freed by");
	kmem_cache_free(c, q);
	kmem_cache_destroy(c);
}

static void test_red_zone_catches_overrun_and_underrun(void)
{
	struct kmem_cache *c = kmem_cache_create("test_redzone", 24, 0, SLAB_DEBUG_FLAGS, NULL);
	char *p;

	REQUIRE(c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[24] = 'X';				/* one byte too far */
	host_capture_start();
	kmem_cache_free(c, p);
	host_capture_stop();
	CHECK_LOGGED("slab test_redzone: red zone overwritten at offset 24 (overrun past the object)");
	CHECK(logged_ptr(p));
	CHECK_EQ(info(c).active_objs, 0);	/* freed, zone repaired */
	CHECK_EQ(kmem_cache_validate(c), 0);

	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[-1] = 'X';
	host_capture_start();
	kmem_cache_free(c, p);
	host_capture_stop();
	CHECK_LOGGED("red zone overwritten at offset -1 (underrun before the object)");
	kmem_cache_destroy(c);
}

static void test_double_free_is_reported_and_refused(void)
{
	struct kmem_cache *c = kmem_cache_create("test_double", 32, 0, SLAB_DEBUG_FLAGS, NULL);
	void *a, *b, *a2, *c2;

	REQUIRE(c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, a);
	host_capture_start();
	kmem_cache_free(c, a);
	host_capture_stop();
	CHECK_LOGGED("slab test_double: double free");
	CHECK(logged_ptr(a));
	CHECK(logged_caller_in((void *)test_double_free_is_reported_and_refused));
	CHECK_EQ(info(c).active_objs, 1);	/* b only: nothing freed twice */
	CHECK_EQ(kmem_cache_validate(c), 0);
	/* Had the free been accepted, a would now come back twice. */
	a2 = kmem_cache_alloc(c, GFP_KERNEL);
	c2 = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(a2 == a);
	CHECK(c2 != a && c2 != b);
	kmem_cache_free(c, a2);
	kmem_cache_free(c, b);
	kmem_cache_free(c, c2);
	kmem_cache_destroy(c);
}

static void test_free_into_wrong_cache_is_reported_and_refused(void)
{
	struct kmem_cache *a = kmem_cache_create("test_wrong_a", 32, 0, SLAB_DEBUG_FLAGS, NULL);
	struct kmem_cache *b = kmem_cache_create("test_wrong_b", 32, 0, SLAB_DEBUG_FLAGS, NULL);
	void *p;

	REQUIRE(a && b);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	host_capture_start();
	kmem_cache_free(b, p);
	host_capture_stop();
	CHECK_LOGGED("slab test_wrong_b: wrong cache: object belongs to test_wrong_a");
	CHECK(logged_ptr(p));
	CHECK_EQ(info(a).active_objs, 1);
	CHECK_EQ(info(b).num_slabs, 0);
	kmem_cache_free(a, p);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void test_free_of_non_objects_is_reported_and_refused(void)
{
	struct kmem_cache *c = kmem_cache_create("test_nonobj", 64, 0, SLAB_DEBUG_FLAGS, NULL);
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	int local;
	char *p;

	REQUIRE(c && page);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	host_capture_start();
	kmem_cache_free(c, p + 8);
	CHECK_LOGGED("not an object start");
	kmem_cache_free(c, page_address(page));
	CHECK_LOGGED("not a slab object");
	kmem_cache_free(c, &local);
	CHECK_LOGGED("outside the direct map");
	host_capture_stop();
	CHECK_EQ(info(c).active_objs, 1);
	kmem_cache_free(c, p);
	__free_pages(page, 0);
	kmem_cache_destroy(c);
}

/* ---- kmalloc ---- */

static void test_kmalloc_size_classes_and_boundaries(void)
{
	unsigned int i;
	size_t s;

	for (s = 1; s <= 8; s++)
		CHECK(kmalloc_slab(s) == kmalloc_slab(8));
	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		size_t n = kmalloc_sizes[i];
		struct kmem_cache *c = kmalloc_slab(n);
		char name[32];
		void *p, *q;

		snprintf(name, sizeof(name), "kmalloc-%zu", n);
		REQUIRE(c);
		if (strcmp(kmem_cache_name(c), name))
			tap_fail(__FILE__, __LINE__, "size %zu in %s", n, kmem_cache_name(c));
		if (i > 0)
			CHECK(kmalloc_slab(kmalloc_sizes[i - 1] + 1) == c);
		if (i + 1 < ARRAY_SIZE(kmalloc_sizes))
			CHECK(kmalloc_slab(n + 1) == kmalloc_slab(kmalloc_sizes[i + 1]));
		else
			CHECK(kmalloc_slab(n + 1) == NULL);

		p = kmalloc(n, GFP_KERNEL);
		q = kmalloc(n + 1, GFP_KERNEL);
		REQUIRE(p && q);
		CHECK_EQ(ksize(p), n);
		CHECK(virt_to_page(p)->slab_cache == c);
		CHECK_EQ(ksize(q), i + 1 < ARRAY_SIZE(kmalloc_sizes) ? kmalloc_sizes[i + 1] :
			 PAGE_SIZE << 6);
		memset(p, 0x3c, n);
		memset(q, 0x3c, n + 1);
		kfree(p);
		kfree(q);
	}
}

static void test_kmalloc_power_of_two_sizes_are_naturally_aligned(void)
{
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		size_t n = kmalloc_sizes[i];
		size_t want = (n & (n - 1)) ? 8 : n > PAGE_SIZE ? PAGE_SIZE : n;
		void *p[4];

		for (j = 0; j < 4; j++) {
			p[j] = kmalloc(n, GFP_KERNEL);
			REQUIRE(p[j]);
			if ((uintptr_t)p[j] % want)
				tap_fail(__FILE__, __LINE__, "kmalloc(%zu) = %p", n, p[j]);
		}
		for (j = 0; j < 4; j++)
			kfree(p[j]);
	}
}

static void test_kmalloc_zero_and_kfree_null(void)
{
	void *p = kmalloc(0, GFP_KERNEL);

	CHECK(p == ZERO_SIZE_PTR);
	CHECK(ZERO_OR_NULL_PTR(p));
	CHECK(ZERO_OR_NULL_PTR(NULL));
	CHECK_EQ(ksize(p), 0);
	CHECK_EQ(ksize(NULL), 0);
	kfree(p);
	kfree(NULL);
	p = krealloc(ZERO_SIZE_PTR, 10, GFP_KERNEL);
	CHECK(p && !ZERO_OR_NULL_PTR(p));
	kfree(p);
}

static void test_kmalloc_above_128k_uses_compound_pages(void)
{
	unsigned long start = nr_free_pages();
	unsigned char *p;
	struct page *page;
	size_t i;

	p = kmalloc(KMALLOC_MAX_CACHE_SIZE + 1, GFP_KERNEL);
	REQUIRE(p);
	page = virt_to_page(p);
	CHECK(PageHead(page));
	CHECK(!PageSlab(page));
	CHECK_EQ(page->private, 6);
	CHECK_EQ(nr_free_pages(), start - 64);
	CHECK_EQ(ksize(p), 64 * PAGE_SIZE);
	kfree(p);
	CHECK_EQ(nr_free_pages(), start);

	p = kzalloc(KMALLOC_MAX_SIZE, GFP_KERNEL);
	REQUIRE(p);
	CHECK_EQ(virt_to_page(p)->private, KMALLOC_MAX_ORDER);
	for (i = 0; i < KMALLOC_MAX_SIZE && !p[i]; i++)
		;
	CHECK_EQ(i, KMALLOC_MAX_SIZE);
	kfree(p);
	CHECK_EQ(nr_free_pages(), start);

	host_capture_start();
	CHECK(!kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	host_capture_stop();
	CHECK_LOGGED("is more than KMALLOC_MAX_SIZE");
	host_capture_start();
	CHECK(!kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
	CHECK(!kmalloc((size_t)-1, GFP_KERNEL | __GFP_NOWARN));
	host_capture_stop();
	CHECK(!host_log_contains("KMALLOC_MAX_SIZE"));
}

static void test_kcalloc_overflow_returns_null(void)
{
	unsigned char *p;
	unsigned int i;

	CHECK(!kcalloc(SIZE_MAX / 2 + 1, 2, GFP_KERNEL));
	CHECK(!kmalloc_array(SIZE_MAX, 16, GFP_KERNEL));
	p = kmalloc(128, GFP_KERNEL);
	memset(p, 0xff, 128);
	kfree(p);
	p = kcalloc(16, 8, GFP_KERNEL);
	REQUIRE(p);
	for (i = 0; i < 128 && !p[i]; i++)
		;
	CHECK_EQ(i, 128);
	kfree(p);
}

static void test_krealloc_keeps_contents(void)
{
	unsigned char *p, *q;
	unsigned int i;

	p = kmalloc(20, GFP_KERNEL);
	REQUIRE(p);
	for (i = 0; i < 20; i++)
		p[i] = i;
	q = krealloc(p, 24, GFP_KERNEL);	/* fits in kmalloc-32 */
	CHECK(q == p);
	q = krealloc(p, 100, GFP_KERNEL);
	REQUIRE(q);
	CHECK(q != p);
	CHECK_EQ(ksize(q), 128);
	for (i = 0; i < 20 && q[i] == i; i++)
		;
	CHECK_EQ(i, 20);
	p = krealloc(q, 1 << 20, GFP_KERNEL);	/* to a compound block */
	REQUIRE(p);
	for (i = 0; i < 20 && p[i] == i; i++)
		;
	CHECK_EQ(i, 20);

	fail_page_alloc_set(~0UL);		/* growing fails: the old block stays */
	CHECK(!krealloc(p, 2 << 20, GFP_KERNEL));
	fail_page_alloc_set(0);
	CHECK_EQ(p[19], 19);

	q = krealloc(p, 0, GFP_KERNEL);		/* frees */
	CHECK(q == ZERO_SIZE_PTR);
	q = krealloc(NULL, 50, GFP_KERNEL);
	CHECK(q && ksize(q) == 64);
	kfree(q);
}

#ifndef SLAB_TEST_NODEBUG
/* kmalloc's caches are debug caches only when slab_debug was on at boot. */
static void test_kmalloc_reports_use_after_free(void)
{
	unsigned char *p, *q;

	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[3] = 1;
	host_capture_start();
	q = kmalloc(64, GFP_KERNEL);
	host_capture_stop();
	CHECK(q == p);
	CHECK_LOGGED("slab kmalloc-64: use after free: byte 3 is 0x01");
	CHECK(logged_caller_in((void *)test_kmalloc_reports_use_after_free));
	kfree(q);
}

static void test_kfree_of_bad_pointers_is_reported_and_refused(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	char *p = kmalloc(64, GFP_KERNEL), *big = kmalloc(256 << 10, GFP_KERNEL);
	unsigned long free_before = nr_free_pages();
	int local;

	REQUIRE(page && p && big);
	host_capture_start();
	kfree(&local);
	CHECK_LOGGED("kfree: ");
	CHECK_LOGGED("is not a kmalloc address");
	kfree(p + 1);
	CHECK_LOGGED("slab kmalloc-64: free of a pointer that is not an object start");
	kfree(page_address(page));
	CHECK_LOGGED("is not a live kmalloc object");
	kfree(big + PAGE_SIZE);
	kfree(p);
	host_capture_start();
	kfree(p);
	CHECK_LOGGED("slab kmalloc-64: double free");
	host_capture_stop();
	CHECK_EQ(nr_free_pages(), free_before);
	kfree(big);
	__free_pages(page, 0);
}

#endif

static void test_kzalloc_zeroes_and_kmalloc_does_not_need_to(void)
{
	unsigned char *p;
	unsigned int i;

	p = kmalloc(100, GFP_KERNEL);
	memset(p, 0xee, 100);
	kfree(p);
	p = kzalloc(100, GFP_KERNEL);
	REQUIRE(p);
	for (i = 0; i < 100 && !p[i]; i++)
		;
	CHECK_EQ(i, 100);
	kfree(p);
}

/* The overhead table of docs/slab.md, printed as TAP comments. */
static void test_general_caches_report_their_overhead(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		struct slabinfo si = info(kmalloc_slab(kmalloc_sizes[i]));
		unsigned long bytes = si.pagesperslab * PAGE_SIZE;
		unsigned long lost = si.lost_per_slab;

		CHECK(si.objperslab >= 1);
		CHECK(lost <= si.overhead_per_obj * si.objperslab + si.waste_per_slab);
		if (!DEBUG_BUILD)
			CHECK(lost * 8 <= bytes);	/* Linux's 1/8 rule holds */
		printf("# %-15s objs/slab %4u pages %2u off-slab %d overhead/obj %3u B "
		       "waste/slab %5u B lost %lu.%02lu %%\n", kmem_cache_name(kmalloc_slab(
		       kmalloc_sizes[i])), si.objperslab, si.pagesperslab, si.off_slab,
		       si.overhead_per_obj, si.waste_per_slab, lost * 100 / bytes,
		       lost * 10000 / bytes % 100);
	}
	if (!DEBUG_BUILD) {
		struct slabinfo si = info(kmalloc_slab(64));

		CHECK((PAGE_SIZE - si.objperslab * 64) * 50 < PAGE_SIZE);
	}
}

static const struct tap_case cases[] = {
	SLAB_CASE(test_cache_create_rejects_bad_arguments),
	SLAB_CASE(test_create_before_init_and_second_init_are_refused),
	SLAB_CASE(test_slabs_move_between_full_partial_and_free_lists),
	SLAB_CASE(test_allocation_prefers_partial_slab_over_free_slab),
	SLAB_CASE(test_constructor_runs_once_per_object_when_slab_is_created),
	SLAB_CASE(test_colour_count_is_leftover_over_colour_off),
	SLAB_CASE(test_colour_offsets_differ_between_consecutive_slabs),
	SLAB_CASE(test_objects_are_aligned_for_every_size_and_alignment),
	SLAB_CASE(test_slab_pages_point_at_their_cache_and_slab),
	SLAB_CASE(test_array_cache_returns_hot_objects_first),
	SLAB_CASE(test_zalloc_returns_zeroed_objects),
	SLAB_CASE(test_shrink_and_destroy_give_pages_back),
	SLAB_CASE(test_destroy_with_live_objects_is_refused),
	SLAB_CASE(test_allocation_failure_returns_null_and_keeps_cache_sane),
	SLAB_CASE(test_shrinker_reaps_free_slabs_when_pages_run_out),
	SLAB_CASE(test_slabinfo_prints_linux_columns),
	SLAB_CASE(test_64_byte_objects_lose_under_2_percent),
	SLAB_CASE(test_poison_catches_write_after_free),
	SLAB_CASE(test_red_zone_catches_overrun_and_underrun),
	SLAB_CASE(test_double_free_is_reported_and_refused),
	SLAB_CASE(test_free_into_wrong_cache_is_reported_and_refused),
	SLAB_CASE(test_free_of_non_objects_is_reported_and_refused),
	SLAB_CASE(test_kmalloc_size_classes_and_boundaries),
	SLAB_CASE(test_kmalloc_power_of_two_sizes_are_naturally_aligned),
	SLAB_CASE(test_kmalloc_zero_and_kfree_null),
	SLAB_CASE(test_kmalloc_above_128k_uses_compound_pages),
	SLAB_CASE(test_kcalloc_overflow_returns_null),
	SLAB_CASE(test_krealloc_keeps_contents),
	SLAB_CASE(test_kzalloc_zeroes_and_kmalloc_does_not_need_to),
	SLAB_CASE(test_general_caches_report_their_overhead),
#ifndef SLAB_TEST_NODEBUG
	SLAB_CASE(test_kmalloc_reports_use_after_free),
	SLAB_CASE(test_kfree_of_bad_pointers_is_reported_and_refused),
#endif
};

int main(void)
{
	if (!DEBUG_BUILD)
		tap_name_suffix = "_nodebug";
	slab_test_boot(4096);		/* 16 MiB */
	slab_debug_enable(DEBUG_BUILD);
	host_capture_start();
	created_before_init = kmem_cache_create("early", 32, 0, 0, NULL) != NULL;
	refusal_reported = host_log_contains("called before kmem_cache_init()");
	host_capture_stop();
	kmem_cache_init();
	return tap_run(cases, ARRAY_SIZE(cases), slab_case_before, slab_case_after);
}

/*
 * Self-tests of the slab allocator, kmalloc and mempools (mm/slab.c, mm/mempool.c),
 * run in the kernel over the real buddy allocator. They mirror the host tests in
 * tests/host/test_slab.c and test_mempool.c.
 *
 * Debug-report tests create their caches with SLAB_DEBUG_FLAGS, so they run whatever
 * the boot options; the kmalloc ones need kmalloc's caches to be debug caches (boot
 * with slab_debug) and are skipped otherwise. Every test checks that it leaked
 * nothing: the objects handed out (nr_slab_objects()) and the pages outside both the
 * buddy allocator and the slabs (nr_free_pages() + nr_slab_pages()) are unchanged.
 */
#include "ktest.h"
#include "slab.h"
#include "mempool.h"
#include "mm.h"
#include "string.h"
#include "printk.h"

struct leak_check {
	unsigned long objs, pages;
};

static struct leak_check leak_start(void)
{
	struct leak_check lc = { nr_slab_objects(), nr_free_pages() + nr_slab_pages() };

	return lc;
}

#define LEAK_END(lc) do {							\
	KTEST_EXPECT_EQ(nr_slab_objects(), (lc).objs);				\
	KTEST_EXPECT_EQ(nr_free_pages() + nr_slab_pages(), (lc).pages);		\
	KTEST_EXPECT_EQ(slab_validate_all(), 0);				\
} while (0)

static struct slabinfo info(struct kmem_cache *c)
{
	struct slabinfo si;

	get_slabinfo(c, &si);
	return si;
}

static bool logged_object(const void *p)
{
	char text[32];

	snprintf(text, sizeof(text), "object %p", p);
	return ktest_capture_contains(text);
}

static bool kmalloc_is_debug(void)
{
	return info(kmalloc_slab(64)).flags & SLAB_POISON;
}

/* ---- slab ---- */

KTEST(slab, create_rejects_bad_arguments)
{
	struct leak_check lc = leak_start();

	ktest_capture_start();
	KTEST_EXPECT_NULL(kmem_cache_create(NULL, 32, 0, 0, NULL));
	KTEST_EXPECT_NULL(kmem_cache_create("bad", 0, 0, 0, NULL));
	KTEST_EXPECT_NULL(kmem_cache_create("bad", KMALLOC_MAX_CACHE_SIZE + 1, 0, 0, NULL));
	KTEST_EXPECT_NULL(kmem_cache_create("bad", 32, 3, 0, NULL));
	KTEST_EXPECT_NULL(kmem_cache_create("bad", 32, 0, 0x1, NULL));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("no name");
	KTEST_EXPECT_LOGGED("object size must be");
	KTEST_EXPECT_LOGGED("alignment must be");
	KTEST_EXPECT_LOGGED("unknown flags");
	LEAK_END(lc);
}

KTEST(slab, slabs_move_between_full_partial_and_free_lists)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_lists", 256, 0, SLAB_DEBUG_FLAGS, NULL);
	void *objs[64];
	unsigned int n, i;
	struct slabinfo si;

	KTEST_ASSERT_NOT_NULL(c);
	n = info(c).objperslab;
	KTEST_ASSERT_LT(n, 63);
	for (i = 0; i <= n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	si = info(c);
	KTEST_EXPECT_EQ(si.full_slabs, 1);
	KTEST_EXPECT_EQ(si.partial_slabs, 1);

	kmem_cache_free(c, objs[n]);
	si = info(c);
	KTEST_EXPECT_EQ(si.full_slabs, 1);
	KTEST_EXPECT_EQ(si.free_slabs, 1);

	kmem_cache_free(c, objs[0]);
	si = info(c);
	KTEST_EXPECT_EQ(si.partial_slabs, 1);
	KTEST_EXPECT_EQ(si.full_slabs, 0);

	for (i = 1; i < n; i++)
		kmem_cache_free(c, objs[i]);
	si = info(c);
	KTEST_EXPECT_EQ(si.free_slabs, 2);
	KTEST_EXPECT_EQ(si.active_objs, 0);
	KTEST_EXPECT_EQ(kmem_cache_shrink(c), si.pagesperslab);
	KTEST_EXPECT_EQ(info(c).free_slabs, 1);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

static unsigned int ctor_calls;

static void count_ctor(void *obj)
{
	*(unsigned int *)obj = 0xc0ffee11u;
	ctor_calls++;
}

KTEST(slab, constructor_runs_once_per_object_when_slab_is_created)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_ctor", 64, 0, 0, count_ctor);
	unsigned int n;
	void *p;

	KTEST_ASSERT_NOT_NULL(c);
	ctor_calls = 0;
	n = info(c).objperslab;
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_EQ(ctor_calls, n);
	kmem_cache_free(c, p);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_EQ(ctor_calls, n);
	KTEST_EXPECT_EQ(*(unsigned int *)p, 0xc0ffee11u);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(slab, colour_offsets_differ_between_consecutive_slabs)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_colour", 280, 0, 0, NULL);
	void *first[8], *objs[8 * 16];
	unsigned int n, i, j, slabs;
	struct slabinfo si;

	KTEST_ASSERT_NOT_NULL(c);
	si = info(c);
	n = si.objperslab;
	KTEST_ASSERT_GE(si.colours, 2);
	KTEST_ASSERT_LE(n, 16);
	slabs = si.colours + 1 < 8 ? si.colours + 1 : 8;
	for (i = 0; i < slabs; i++)
		for (j = 0; j < n; j++)
			objs[i * n + j] = kmem_cache_alloc(c, GFP_KERNEL);
	for (i = 0; i < slabs; i++) {
		first[i] = objs[i * n];
		KTEST_EXPECT_EQ(slab_colour_of(first[i]), (long)(i % si.colours) * si.colour_off);
		if (i)
			KTEST_EXPECT_NE(slab_colour_of(first[i]), slab_colour_of(first[i - 1]));
	}
	for (i = 0; i < slabs * n; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

/*
 * Linux SLAB's colour count: leftover / colour_off, rounded down (not one more). A cache
 * whose leftover is smaller than a cache line has none, and all its slabs start at 0.
 */
KTEST(slab, colour_count_is_leftover_over_colour_off)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *wide = kmem_cache_create("ktest_colour280", 280, 0, 0, NULL);
	struct kmem_cache *tight = kmem_cache_create("ktest_colour64", 64, 0, 0, NULL);
	struct slabinfo si;
	void *objs[3 * 64];
	unsigned int i, n;

	KTEST_ASSERT_NOT_NULL(wide);
	KTEST_ASSERT_NOT_NULL(tight);
	si = info(wide);
	KTEST_EXPECT_EQ(si.colours, si.waste_per_slab / si.colour_off);
	si = info(tight);
	KTEST_EXPECT_LT(si.waste_per_slab, si.colour_off);
	KTEST_EXPECT_EQ(si.colours, 0);
	n = si.objperslab * 3 <= 3 * 64 ? si.objperslab * 3 : 3 * 64;
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(tight, GFP_KERNEL);
	for (i = 0; i < n; i++) {
		KTEST_ASSERT_NOT_NULL(objs[i]);
		KTEST_EXPECT_EQ(slab_colour_of(objs[i]), 0);
	}
	for (i = 0; i < n; i++)
		kmem_cache_free(tight, objs[i]);
	kmem_cache_destroy(tight);
	kmem_cache_destroy(wide);
	LEAK_END(lc);
}

KTEST(slab, objects_are_aligned)
{
	static const size_t sizes[] = { 1, 3, 8, 13, 24, 33, 64, 100, 129, 500, 1000, 4097 };
	static const size_t aligns[] = { 0, 8, 16, 64, 256, 4096 };
	struct leak_check lc = leak_start();
	unsigned int s, a, i;

	for (a = 0; a < ARRAY_SIZE(aligns); a++) {
		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			size_t want = aligns[a] > sizeof(void *) ? aligns[a] : sizeof(void *);
			struct kmem_cache *c, *hw;
			void *p[3];

			c = kmem_cache_create("ktest_align", sizes[s], aligns[a], 0, NULL);
			hw = kmem_cache_create("ktest_hwalign", sizes[s] < 64 ? 64 : sizes[s],
					       aligns[a], SLAB_HWCACHE_ALIGN, NULL);
			KTEST_ASSERT_NOT_NULL(c);
			KTEST_ASSERT_NOT_NULL(hw);
			for (i = 0; i < 3; i++) {
				p[i] = kmem_cache_alloc(c, GFP_KERNEL);
				KTEST_EXPECT_EQ((uintptr_t)p[i] % want, 0);
				memset(p[i], 0x5c, sizes[s]);
			}
			for (i = 0; i < 3; i++)
				kmem_cache_free(c, p[i]);
			p[0] = kmem_cache_alloc(hw, GFP_KERNEL);
			KTEST_EXPECT_EQ((uintptr_t)p[0] % SLAB_CACHE_LINE, 0);
			kmem_cache_free(hw, p[0]);
			kmem_cache_destroy(c);
			kmem_cache_destroy(hw);
		}
	}
	LEAK_END(lc);
}

KTEST(slab, shrink_and_destroy_give_pages_back)
{
	struct leak_check lc;
	struct kmem_cache *c;
	unsigned long start, n, i;
	void *objs[3 * 64];

	kmem_cache_destroy(kmem_cache_create("ktest_warm", 100, 0, 0, NULL));
	lc = leak_start();
	start = nr_free_pages();
	c = kmem_cache_create("ktest_shrink", 100, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(c);
	n = 3 * info(c).objperslab;
	KTEST_ASSERT_LE(n, ARRAY_SIZE(objs));
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	KTEST_EXPECT_LT(nr_free_pages(), start);
	KTEST_EXPECT_GT(kmem_cache_shrink(c), 0);
	KTEST_EXPECT_EQ(info(c).free_slabs, 1);
	kmem_cache_destroy(c);
	KTEST_EXPECT_EQ(nr_free_pages(), start);
	LEAK_END(lc);
}

KTEST(slab, destroy_with_live_objects_is_refused)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_busy", 48, 0, 0, NULL);
	void *p;

	KTEST_ASSERT_NOT_NULL(c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_REPORT("kmem_cache_destroy(ktest_busy): 1 slabs still hold objects");
	ktest_capture_start();
	kmem_cache_destroy(c);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("still hold objects");
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(slab, allocation_failure_returns_null)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_nomem", 200, 0, 0, NULL);

	KTEST_ASSERT_NOT_NULL(c);
	fail_page_alloc_set(~0UL);
	KTEST_EXPECT_NULL(kmem_cache_alloc(c, GFP_KERNEL));
	fail_page_alloc_set(0);
	KTEST_EXPECT_EQ(info(c).num_slabs, 0);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(slab, shrinker_reaps_free_slabs_when_pages_run_out)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_reap", 1024, 0, 0, NULL);
	struct page *head = NULL, *page;
	void *objs[3 * 8];
	unsigned int n, i;

	KTEST_ASSERT_NOT_NULL(c);
	n = 3 * info(c).objperslab;
	KTEST_ASSERT_LE(n, ARRAY_SIZE(objs));
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	/* Take every page without reclaim, chained through the pages themselves. */
	while ((page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0))) {
		*(struct page **)page_address(page) = head;
		head = page;
	}
	page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);	/* reclaim finds slab pages */
	KTEST_EXPECT_NOT_NULL(page);
	KTEST_EXPECT_EQ(info(c).free_slabs, 1);
	if (page)
		__free_pages(page, 0);
	while (head) {
		page = head;
		head = *(struct page **)page_address(page);
		__free_pages(page, 0);
	}
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(slab, poison_catches_write_after_free)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_poison", 40, 0, SLAB_DEBUG_FLAGS, NULL);
	unsigned char *p, *q;

	KTEST_ASSERT_NOT_NULL(c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	KTEST_EXPECT_EQ(p[0], POISON_FREE);
	p[5] = 0x42;
	KTEST_EXPECT_REPORT("slab ktest_poison: use after free");
	ktest_capture_start();
	q = kmem_cache_alloc(c, GFP_KERNEL);
	ktest_capture_stop();
	KTEST_EXPECT_TRUE(q == p);
	KTEST_EXPECT_LOGGED("slab ktest_poison: use after free: byte 5 is 0x42");
	KTEST_EXPECT_LOGGED("caller");
	KTEST_EXPECT_TRUE(logged_object(p));
	kmem_cache_free(c, q);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(slab, red_zone_catches_overrun)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_redzone", 24, 0, SLAB_DEBUG_FLAGS, NULL);
	char *p;

	KTEST_ASSERT_NOT_NULL(c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[24] = 'X';
	KTEST_EXPECT_REPORT("slab ktest_redzone: red zone overwritten");
	ktest_capture_start();
	kmem_cache_free(c, p);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("red zone overwritten at offset 24 (overrun past the object)");
	KTEST_EXPECT_TRUE(logged_object(p));
	KTEST_EXPECT_EQ(info(c).active_objs, 0);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(slab, double_free_is_reported_and_refused)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_double", 32, 0, SLAB_DEBUG_FLAGS, NULL);
	void *a, *b, *a2, *c2;

	KTEST_ASSERT_NOT_NULL(c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, a);
	KTEST_EXPECT_REPORT("slab ktest_double: double free");
	ktest_capture_start();
	kmem_cache_free(c, a);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("slab ktest_double: double free");
	KTEST_EXPECT_TRUE(logged_object(a));
	KTEST_EXPECT_EQ(info(c).active_objs, 1);
	a2 = kmem_cache_alloc(c, GFP_KERNEL);
	c2 = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_TRUE(a2 == a);
	KTEST_EXPECT_TRUE(c2 != a);
	kmem_cache_free(c, a2);
	kmem_cache_free(c, b);
	kmem_cache_free(c, c2);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(slab, free_into_wrong_cache_is_reported_and_refused)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *a = kmem_cache_create("ktest_wrong_a", 32, 0, SLAB_DEBUG_FLAGS, NULL);
	struct kmem_cache *b = kmem_cache_create("ktest_wrong_b", 32, 0, SLAB_DEBUG_FLAGS, NULL);
	void *p;

	KTEST_ASSERT_NOT_NULL(a);
	KTEST_ASSERT_NOT_NULL(b);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	KTEST_EXPECT_REPORT("slab ktest_wrong_b: wrong cache");
	ktest_capture_start();
	kmem_cache_free(b, p);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("slab ktest_wrong_b: wrong cache: object belongs to ktest_wrong_a");
	KTEST_EXPECT_EQ(info(a).active_objs, 1);
	kmem_cache_free(a, p);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	LEAK_END(lc);
}

KTEST(slab, slabinfo_prints_linux_columns)
{
	ktest_capture_start();
	show_slabinfo();
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("slabinfo - version: 2.1");
	KTEST_EXPECT_LOGGED("<active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>");
	KTEST_EXPECT_LOGGED("\nkmalloc-64 ");
	KTEST_EXPECT_LOGGED("\nkmem_cache ");
}

KTEST(slab, objects_of_64_bytes_lose_under_2_percent)
{
	struct leak_check lc = leak_start();
	bool saved = slab_debug;
	struct kmem_cache *c;
	struct slabinfo si;

	slab_debug_enable(false);
	c = kmem_cache_create("ktest_64", 64, 0, 0, NULL);
	slab_debug_enable(saved);
	KTEST_ASSERT_NOT_NULL(c);
	si = info(c);
	KTEST_EXPECT_EQ(si.objperslab, 63);
	KTEST_EXPECT_LT(si.lost_per_slab * 50, si.pagesperslab * PAGE_SIZE);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

/* ---- kmalloc ---- */

KTEST(kmalloc, size_classes_and_boundaries)
{
	static const size_t sizes[] = {
		8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192, 16384,
		32768, 65536, 131072,
	};
	struct leak_check lc = leak_start();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *c = kmalloc_slab(sizes[i]);
		char name[32];
		void *p, *q;

		snprintf(name, sizeof(name), "kmalloc-%u", (unsigned int)sizes[i]);
		KTEST_ASSERT_NOT_NULL(c);
		KTEST_EXPECT_STREQ(kmem_cache_name(c), name);
		if (i + 1 < ARRAY_SIZE(sizes))
			KTEST_EXPECT_TRUE(kmalloc_slab(sizes[i] + 1) == kmalloc_slab(sizes[i + 1]));
		p = kmalloc(sizes[i], GFP_KERNEL);
		q = kmalloc(sizes[i] + 1, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(p);
		KTEST_ASSERT_NOT_NULL(q);
		KTEST_EXPECT_EQ(ksize(p), sizes[i]);
		KTEST_EXPECT_TRUE(virt_to_page(p)->slab_cache == c);
		KTEST_EXPECT_GT(ksize(q), sizes[i]);
		memset(p, 0x3c, sizes[i]);
		kfree(p);
		kfree(q);
	}
	LEAK_END(lc);
}

KTEST(kmalloc, zero_size_and_null)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KTEST_EXPECT_TRUE(p == ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(ksize(p), 0);
	kfree(p);
	kfree(NULL);
}

KTEST(kmalloc, above_128k_uses_compound_pages)
{
	unsigned long start = nr_free_pages();
	void *p = kmalloc(KMALLOC_MAX_CACHE_SIZE + 1, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(p);
	KTEST_EXPECT_TRUE(PageHead(virt_to_page(p)));
	KTEST_EXPECT_EQ(virt_to_page(p)->private, 6);
	KTEST_EXPECT_EQ(nr_free_pages(), start - 64);
	kfree(p);
	KTEST_EXPECT_EQ(nr_free_pages(), start);

	p = kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL | __GFP_NOWARN);
	if (p) {
		KTEST_EXPECT_EQ(virt_to_page(p)->private, KMALLOC_MAX_ORDER);
		kfree(p);
	}
	ktest_capture_start();
	KTEST_EXPECT_NULL(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("is more than KMALLOC_MAX_SIZE");
	KTEST_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(kmalloc, kcalloc_overflow_returns_null)
{
	unsigned char *p;
	unsigned int i;

	KTEST_EXPECT_NULL(kcalloc(SIZE_MAX / 2 + 1, 2, GFP_KERNEL));
	p = kcalloc(16, 8, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(p);
	for (i = 0; i < 128; i++)
		if (p[i])
			break;
	KTEST_EXPECT_EQ(i, 128);
	kfree(p);
}

KTEST(kmalloc, krealloc_keeps_contents)
{
	struct leak_check lc = leak_start();
	unsigned char *p, *q;
	unsigned int i;

	p = kmalloc(20, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(p);
	for (i = 0; i < 20; i++)
		p[i] = i;
	q = krealloc(p, 100, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(q);
	for (i = 0; i < 20; i++)
		if (q[i] != i)
			break;
	KTEST_EXPECT_EQ(i, 20);
	p = krealloc(q, 1 << 20, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(p);
	KTEST_EXPECT_EQ(p[19], 19);
	KTEST_EXPECT_TRUE(krealloc(p, 0, GFP_KERNEL) == ZERO_SIZE_PTR);
	LEAK_END(lc);
}

KTEST(kmalloc, reports_use_after_free_and_bad_frees)
{
	unsigned char *p, *q;
	int local;

	if (!kmalloc_is_debug()) {
		ktest_skip("kmalloc caches are not debug caches (boot with slab_debug)");
		return;
	}
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[3] = 1;
	KTEST_EXPECT_REPORT("slab kmalloc-64: use after free");
	KTEST_EXPECT_REPORT("slab kmalloc-64: free of a pointer that is not an object start");
	KTEST_EXPECT_REPORT("slab kmalloc-64: double free");
	KTEST_EXPECT_REPORT("kfree: ");		/* the stack address */
	ktest_capture_start();
	q = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_TRUE(q == p);
	KTEST_EXPECT_LOGGED("slab kmalloc-64: use after free: byte 3 is 0x01");
	kfree(q + 1);
	KTEST_EXPECT_LOGGED("not an object start");
	/*
	 * A stack address: outside the direct map on the host ("not a kmalloc address"),
	 * inside it in the kernel, whose boot stack is in .bss ("not a live kmalloc object").
	 */
	kfree(&local);
	KTEST_EXPECT_TRUE(ktest_capture_contains("is not a kmalloc address") ||
			  ktest_capture_contains("is not a live kmalloc object"));
	kfree(q);
	kfree(q);
	KTEST_EXPECT_LOGGED("slab kmalloc-64: double free");
	ktest_capture_stop();
}

/*
 * With slab_debug off (tests/run-ktests boots "slab_debug=0" for this), kmalloc's
 * caches keep an array of hot objects: a free lands on it and the next allocation of
 * that size takes the same object back (last in, first out) without the slab lists.
 */
KTEST(kmalloc, fast_path_recycles_through_the_array)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmalloc_slab(64);
	unsigned int avail;
	void *p, *q;

	if (kmalloc_is_debug()) {
		ktest_skip("kmalloc caches are debug caches, without arrays (boot slab_debug=0)");
		return;
	}
	KTEST_EXPECT_GT(info(c).limit, 0);
	p = kmalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(p);
	kfree(p);
	avail = info(c).avail;
	KTEST_EXPECT_GE(avail, 1);
	q = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_TRUE(q == p);
	KTEST_EXPECT_EQ(info(c).avail, avail - 1);
	kfree(q);
	KTEST_EXPECT_EQ(info(c).avail, avail);
	LEAK_END(lc);
}

/* ---- mempool ---- */

KTEST(mempool, page_pool_serves_min_nr_while_page_allocator_fails)
{
	struct leak_check lc = leak_start();
	mempool_t *pool = mempool_create_page_pool(4, 1);
	struct page *pages[4];
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(pool);
	fail_page_alloc_set(~0UL);
	for (i = 0; i < 4; i++) {
		pages[i] = mempool_alloc(pool, GFP_KERNEL);
		KTEST_EXPECT_NOT_NULL(pages[i]);
	}
	KTEST_EXPECT_NULL(mempool_alloc(pool, GFP_KERNEL | __GFP_NOWARN));
	mempool_free(pages[0], pool);
	KTEST_EXPECT_EQ(pool->curr_nr, 1);
	pages[0] = mempool_alloc(pool, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(pages[0]);
	fail_page_alloc_set(0);
	for (i = 0; i < 4; i++)
		mempool_free(pages[i], pool);
	KTEST_EXPECT_EQ(pool->curr_nr, 4);
	mempool_destroy(pool);
	LEAK_END(lc);
}

KTEST(mempool, slab_pool_serves_min_nr_while_page_allocator_fails)
{
	struct leak_check lc = leak_start();
	struct kmem_cache *c = kmem_cache_create("ktest_pool", 2000, 0, 0, NULL);
	void *e[4], *fill[16];
	unsigned long room, i;
	struct slabinfo si;
	mempool_t *pool;

	KTEST_ASSERT_NOT_NULL(c);
	pool = mempool_create_slab_pool(4, c);
	KTEST_ASSERT_NOT_NULL(pool);
	si = info(c);
	room = si.num_objs - si.active_objs;
	KTEST_ASSERT_LE(room, ARRAY_SIZE(fill));
	for (i = 0; i < room; i++)
		fill[i] = kmem_cache_alloc(c, GFP_KERNEL);

	fail_page_alloc_set(~0UL);
	KTEST_EXPECT_NULL(kmem_cache_alloc(c, GFP_KERNEL));
	for (i = 0; i < 4; i++) {
		e[i] = mempool_alloc(pool, GFP_KERNEL);
		KTEST_EXPECT_NOT_NULL(e[i]);
	}
	KTEST_EXPECT_NULL(mempool_alloc(pool, GFP_KERNEL));
	mempool_free(e[0], pool);
	KTEST_EXPECT_EQ(pool->curr_nr, 1);
	e[0] = mempool_alloc(pool, GFP_KERNEL);
	fail_page_alloc_set(0);

	for (i = 0; i < 4; i++)
		mempool_free(e[i], pool);
	for (i = 0; i < room; i++)
		kmem_cache_free(c, fill[i]);
	mempool_destroy(pool);
	kmem_cache_destroy(c);
	LEAK_END(lc);
}

KTEST(mempool, create_rejects_bad_arguments)
{
	struct leak_check lc = leak_start();

	ktest_capture_start();
	KTEST_EXPECT_NULL(mempool_create(-1, mempool_kmalloc, mempool_kfree, (void *)32));
	KTEST_EXPECT_NULL(mempool_create(2, NULL, mempool_kfree, (void *)32));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("mempool_create: bad arguments");
	mempool_destroy(NULL);
	LEAK_END(lc);
}

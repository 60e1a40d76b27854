/*
 * Self-tests for kmap/kmap_atomic (mm/highmem.c): low memory needs no mapping; a
 * HighMem page is reachable through kmap, reference counted, and the window recovers
 * from exhaustion; kmap_atomic slots nest as a stack and an out-of-order unmap is
 * reported; clear_highpage/copy_highpage and __GFP_ZERO work on HighMem.
 *
 * HighMem exists only with more RAM than the direct map holds (896 MiB): the tests that
 * need it skip themselves below that. Run: make run-kernel CMDLINE="test=highmem" MEM=1G
 */
#include <ktest.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <string.h>
#include <asm/fixmap.h>

#define NEED_HIGHMEM() do {						\
	if (!nr_highmem_pages()) {					\
		ktest_skip("no HighMem: boot with -m 1G or more");	\
		return;							\
	}								\
} while (0)

static struct page *alloc_highmem_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	if (page && !PageHighMem(page)) {	/* HighMem exists but is all taken */
		__free_page(page);
		return NULL;
	}
	return page;
}

static bool in_pkmap(const void *p)
{
	return (unsigned long)p >= PKMAP_BASE &&
	       (unsigned long)p < PKMAP_BASE + LAST_PKMAP * PAGE_SIZE;
}

static bool in_kmap_slots(const void *p)
{
	return (unsigned long)p >= __fix_to_virt(FIX_KMAP_END) &&
	       (unsigned long)p <= __fix_to_virt(FIX_KMAP_BEGIN);
}

static bool all_bytes(const void *p, unsigned char c)
{
	const unsigned char *b = p;
	unsigned long i;

	for (i = 0; i < PAGE_SIZE; i++)
		if (b[i] != c)
			return false;
	return true;
}

KTEST(highmem, lowmem_page_needs_no_mapping)
{
	struct page *page = alloc_page(GFP_KERNEL);
	void *direct;

	KTEST_ASSERT_NOT_NULL(page);
	direct = __va(page_to_phys(page));
	KTEST_EXPECT_FALSE(PageHighMem(page));
	KTEST_EXPECT_EQ((unsigned long)(kmap(page)), (unsigned long)direct);
	KTEST_EXPECT_EQ(kmap_users(page), 0);
	kunmap(page);
	KTEST_EXPECT_EQ((unsigned long)(kmap_atomic(page)), (unsigned long)direct);
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 0);
	kunmap_atomic(direct);
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 0);
	__free_page(page);
}

KTEST(highmem, kmap_write_kunmap_kmap_again_and_read)
{
	struct page *page;
	char *p, *q;

	NEED_HIGHMEM();
	page = alloc_highmem_page();
	KTEST_ASSERT_NOT_NULL(page);
	KTEST_EXPECT_EQ(kmap_users(page), 0);
	p = kmap(page);
	KTEST_ASSERT_NOT_NULL(p);
	KTEST_EXPECT_TRUE(in_pkmap(p));
	KTEST_EXPECT_EQ((unsigned long)(page_address(page)), (unsigned long)p);
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)p), page_to_phys(page));
	memset(p, 0x3c, PAGE_SIZE);
	strlcpy(p, "written through kmap", 32);
	kunmap(page);

	q = kmap(page);
	KTEST_ASSERT_NOT_NULL(q);
	KTEST_EXPECT_EQ((unsigned long)q, (unsigned long)p);		/* the unused entry was kept: no new mapping */
	KTEST_EXPECT_STREQ(q, "written through kmap");
	KTEST_EXPECT_EQ(q[PAGE_SIZE - 1], 0x3c);
	kunmap(page);
	__free_page(page);
}

KTEST(highmem, kmap_is_reference_counted)
{
	struct page *page;
	void *a, *b;

	NEED_HIGHMEM();
	page = alloc_highmem_page();
	KTEST_ASSERT_NOT_NULL(page);
	a = kmap(page);
	b = kmap(page);
	KTEST_ASSERT_NOT_NULL(a);
	KTEST_EXPECT_EQ((unsigned long)a, (unsigned long)b);
	KTEST_EXPECT_EQ(kmap_users(page), 2);
	kunmap(page);
	KTEST_EXPECT_EQ(kmap_users(page), 1);
	KTEST_EXPECT_EQ((unsigned long)(page_address(page)), (unsigned long)a);
	kunmap(page);
	KTEST_EXPECT_EQ(kmap_users(page), 0);

	KTEST_EXPECT_REPORT("BUG: unbalanced kunmap");
	ktest_capture_start();
	kunmap(page);				/* one kunmap too many */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("unbalanced kunmap");
	KTEST_EXPECT_LOGGED("called from ktest_highmem_kmap_is_reference_counted+0x");
	KTEST_EXPECT_EQ(kmap_users(page), 0);
	__free_page(page);
}

/*
 * Fill every one of the LAST_PKMAP entries: the next kmap must fail with a report
 * (there is no sleeping), and succeed again once one page is kunmapped, by flushing
 * the unused entries; the flushed page loses its address.
 */
KTEST(highmem, full_kmap_window_is_reported_and_recovers)
{
	static struct page *pages[LAST_PKMAP + 1];
	unsigned long n, i;
	void *extra;

	NEED_HIGHMEM();
	for (n = 0; n < ARRAY_SIZE(pages); n++) {
		pages[n] = alloc_highmem_page();
		if (!pages[n])
			break;
	}
	if (n < ARRAY_SIZE(pages)) {
		for (i = 0; i < n; i++)
			__free_page(pages[i]);
		ktest_skip("only %lu free HighMem pages, %d needed", n, LAST_PKMAP + 1);
		return;
	}
	for (i = 0; i < LAST_PKMAP; i++) {
		if (!kmap(pages[i])) {
			KTEST_EXPECT_EQ(i, LAST_PKMAP);	/* names the first that failed */
			break;
		}
	}
	KTEST_EXPECT_EQ(i, LAST_PKMAP);

	ktest_capture_start();
	extra = kmap(pages[LAST_PKMAP]);
	ktest_capture_stop();
	KTEST_EXPECT_NULL(extra);
	KTEST_EXPECT_LOGGED("kmap: all 1024 pkmap entries are in use");

	kunmap(pages[7]);
	extra = kmap(pages[LAST_PKMAP]);
	KTEST_EXPECT_NOT_NULL(extra);
	KTEST_EXPECT_EQ((unsigned long)extra, (unsigned long)(page_address(pages[LAST_PKMAP])));
	KTEST_EXPECT_NULL(page_address(pages[7]));	/* its entry was flushed and reused */

	for (i = 0; i <= LAST_PKMAP; i++) {
		if (i != 7)
			kunmap(pages[i]);
		__free_page(pages[i]);
	}
}

KTEST(highmem, kmap_atomic_slots_nest_as_a_stack)
{
	struct page *p1 = alloc_page(GFP_KERNEL), *p2 = alloc_page(GFP_KERNEL);
	char *a, *b;

	KTEST_ASSERT_NOT_NULL(p1);
	KTEST_ASSERT_NOT_NULL(p2);
	strlcpy(page_address(p1), "page one", 16);
	strlcpy(page_address(p2), "page two", 16);

	/* kmap_atomic_pfn maps through a slot even for low memory: testable at any size. */
	a = kmap_atomic_pfn(page_to_pfn(p1));
	b = kmap_atomic_pfn(page_to_pfn(p2));
	KTEST_ASSERT_NOT_NULL(a);
	KTEST_ASSERT_NOT_NULL(b);
	KTEST_EXPECT_NE((unsigned long)a, (unsigned long)b);
	KTEST_EXPECT_TRUE(in_kmap_slots(a));
	KTEST_EXPECT_TRUE(in_kmap_slots(b));
	KTEST_EXPECT_EQ((unsigned long)a, __fix_to_virt(FIX_KMAP_BEGIN));
	KTEST_EXPECT_EQ((unsigned long)b, __fix_to_virt(FIX_KMAP_BEGIN + 1));
	KTEST_EXPECT_STREQ(a, "page one");
	KTEST_EXPECT_STREQ(b, "page two");
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 2);

	KTEST_EXPECT_REPORT("BUG: kunmap_atomic");	/* three times, all refused */
	ktest_capture_start();
	kunmap_atomic(a);			/* not the top: refused */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("out of order");
	KTEST_EXPECT_LOGGED("called from ktest_highmem_kmap_atomic_slots_nest_as_a_stack+0x");
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 2);
	KTEST_EXPECT_STREQ(a, "page one");	/* still mapped */

	kunmap_atomic(b);
	kunmap_atomic(a);
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 0);
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)a), (phys_addr_t)-1);

	ktest_capture_start();
	kunmap_atomic(a);			/* nothing mapped any more */
	kunmap_atomic((void *)0x1000);		/* never a kmap_atomic address */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("no kmap_atomic mapping is active");
	KTEST_EXPECT_LOGGED("not an address kmap_atomic returned");
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 0);
	__free_page(p1);
	__free_page(p2);
}

KTEST(highmem, kmap_atomic_nests_up_to_km_type_nr)
{
	struct page *page = alloc_page(GFP_KERNEL);
	void *slot[KM_TYPE_NR], *extra;
	int i;

	KTEST_ASSERT_NOT_NULL(page);
	for (i = 0; i < KM_TYPE_NR; i++) {
		slot[i] = kmap_atomic_pfn(page_to_pfn(page));
		KTEST_EXPECT_NOT_NULL(slot[i]);
	}
	for (i = 1; i < KM_TYPE_NR; i++)
		KTEST_EXPECT_EQ((char *)slot[i - 1] - (char *)slot[i], PAGE_SIZE);
	KTEST_EXPECT_REPORT("BUG: kmap_atomic nested deeper than KM_TYPE_NR");
	ktest_capture_start();
	extra = kmap_atomic_pfn(page_to_pfn(page));
	ktest_capture_stop();
	KTEST_EXPECT_NULL(extra);
	KTEST_EXPECT_LOGGED("kmap_atomic nested deeper than KM_TYPE_NR");
	for (i = KM_TYPE_NR - 1; i >= 0; i--)
		kunmap_atomic(slot[i]);
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 0);
	__free_page(page);
}

KTEST(highmem, kmap_atomic_sees_what_kmap_wrote)
{
	struct page *page;
	char *p, *a;

	NEED_HIGHMEM();
	page = alloc_highmem_page();
	KTEST_ASSERT_NOT_NULL(page);
	p = kmap(page);
	KTEST_ASSERT_NOT_NULL(p);
	strlcpy(p, "HighMem page", 16);
	a = kmap_atomic(page);
	KTEST_EXPECT_TRUE(in_kmap_slots(a));
	KTEST_EXPECT_NE((unsigned long)a, (unsigned long)p);			/* two mappings of one frame */
	KTEST_EXPECT_STREQ(a, "HighMem page");
	a[0] = 'h';
	KTEST_EXPECT_EQ(p[0], 'h');
	kunmap_atomic(a);
	kunmap(page);
	__free_page(page);
}

static void check_clear_copy(struct page *x, struct page *y)
{
	void *v;

	v = kmap_atomic(x);
	memset(v, 0x77, PAGE_SIZE);
	kunmap_atomic(v);
	copy_highpage(y, x);
	v = kmap_atomic(y);
	KTEST_EXPECT_TRUE(all_bytes(v, 0x77));
	kunmap_atomic(v);
	clear_highpage(x);
	v = kmap_atomic(x);
	KTEST_EXPECT_TRUE(all_bytes(v, 0));
	kunmap_atomic(v);
	KTEST_EXPECT_EQ(kmap_atomic_depth(), 0);
}

KTEST(highmem, clear_and_copy_work_in_every_zone)
{
	struct page *lo1 = alloc_page(GFP_KERNEL), *lo2 = alloc_page(GFP_KERNEL);
	struct page *hi1, *hi2;

	KTEST_ASSERT_NOT_NULL(lo1);
	KTEST_ASSERT_NOT_NULL(lo2);
	check_clear_copy(lo1, lo2);
	__free_page(lo1);
	__free_page(lo2);
	NEED_HIGHMEM();
	hi1 = alloc_highmem_page();
	hi2 = alloc_highmem_page();
	KTEST_ASSERT_NOT_NULL(hi1);
	KTEST_ASSERT_NOT_NULL(hi2);
	check_clear_copy(hi1, hi2);
	lo1 = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(lo1);
	check_clear_copy(hi1, lo1);		/* across zones */
	check_clear_copy(lo1, hi2);
	__free_page(lo1);
	__free_page(hi1);
	__free_page(hi2);
}

/* The buddy allocator zeroes HighMem pages through the hook highmem_init() registered. */
KTEST(highmem, gfp_zero_works_for_highmem_pages)
{
	struct page *page, *again;
	void *v;

	NEED_HIGHMEM();
	page = alloc_highmem_page();
	KTEST_ASSERT_NOT_NULL(page);
	v = kmap_atomic(page);
	memset(v, 0xee, PAGE_SIZE);
	kunmap_atomic(v);
	__free_page(page);
	again = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	KTEST_ASSERT_NOT_NULL(again);
	KTEST_EXPECT_TRUE(PageHighMem(again));
	v = kmap_atomic(again);
	KTEST_EXPECT_TRUE(all_bytes(v, 0));
	kunmap_atomic(v);
	printk(KERN_ERR "    # __GFP_ZERO gave %s page back\n", again == page ? "the same" : "another");
	__free_page(again);
}

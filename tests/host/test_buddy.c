/*
 * Host unit tests for the buddy allocator (mm/page_alloc.c) and memblock (mm/memblock.c).
 *
 * Each test runs on a freshly booted fake machine (host_buddy.c: 8150 pages, DMA
 * 0-16 MiB, Normal to pfn 5844, HighMem above, a few holes and reservations). After
 * each test the harness drains the pcp stacks, runs check_page_alloc() and checks that
 * every page the machine booted with is free again: a test that leaks fails.
 *
 * Output: TAP, one "ok N - name" / "not ok N - name" line per test, details as "#" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include "host_buddy.h"
#include "tap.h"
#include "memblock.h"
#include "shrinker.h"
#include "gfp.h"
#include "string.h"
#include "meminfo.h"
#include "seq_file.h"

/* ---------------------------------------------------------------------------------
 * Helpers
 */

#define NOWARN	__GFP_NOWARN

static struct zone *zone_nr(enum zone_type z)
{
	return &contig_page_data.node_zones[z];
}

/* Blocks a test holds, chained through page->lru (free for the owner to use). */
struct held {
	struct list_head list;
	unsigned long pages;
};

static void held_init(struct held *h)
{
	INIT_LIST_HEAD(&h->list);
	h->pages = 0;
}

static void hold(struct held *h, struct page *page)
{
	list_add_tail(&page->lru, &h->list);
	h->pages += 1UL << page->private;	/* the allocator records the order there */
}

static void release_all(struct held *h)
{
	struct page *page, *n;

	list_for_each_entry_safe(page, n, &h->list, lru) {
		list_del(&page->lru);
		__free_pages(page, page->private);
	}
	h->pages = 0;
}

/* Take every page gfp can get, biggest blocks first. */
static unsigned long exhaust(struct held *h, gfp_t gfp)
{
	unsigned long before = h->pages;
	int order;

	for (order = MAX_ORDER - 1; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(gfp | NOWARN, order)))
			hold(h, page);
	}
	return h->pages - before;
}

/* The exact content of every free list, as sorted (zone, order, pfn) keys. */
struct free_snapshot {
	unsigned long n;
	u64 key[8192];
};

static u64 block_key(enum zone_type z, unsigned int order, unsigned long pfn)
{
	return ((u64)z << 48) | ((u64)order << 40) | pfn;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static void take_snapshot(struct free_snapshot *s)
{
	struct zone *zone;

	drain_all_pages();
	s->n = 0;
	for_each_zone(zone) {
		unsigned int order;

		for (order = 0; order < MAX_ORDER; order++) {
			struct page *page;

			list_for_each_entry(page, &zone->free_area[order].free_list, lru)
				if (s->n < ARRAY_SIZE(s->key))
					s->key[s->n++] = block_key(zone_idx(zone), order,
								   page_to_pfn(page));
		}
	}
	qsort(s->key, s->n, sizeof(s->key[0]), cmp_u64);
}

static bool same_free_lists(const struct free_snapshot *before)
{
	static struct free_snapshot now;

	take_snapshot(&now);
	return now.n == before->n && !memcmp(now.key, before->key, now.n * sizeof(u64));
}

static bool all_bytes(const void *p, int byte, size_t n)
{
	const unsigned char *c = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i] != (unsigned char)byte)
			return false;
	return true;
}

/* Host only: every page, HighMem included, is reachable through the arena. */
static void *arena_page(struct page *page)
{
	return host_arena + (page_to_pfn(page) << PAGE_SHIFT);
}

static char pfn_text[32];

static const char *pfn_str(unsigned long pfn)
{
	snprintf(pfn_text, sizeof(pfn_text), "pfn 0x%lx", pfn);
	return pfn_text;
}

/* ---------------------------------------------------------------------------------
 * Boot, zones
 */

static void buddy_boot_releases_every_unreserved_page(void)
{
	unsigned long present = 0, pfn, mm_pfn, mm_pages;
	struct zone *zone;

	for_each_zone(zone)
		present += zone->present_pages;
	CHECK_EQ(present, 8037);	/* 8150 pages minus the BIOS hole and the 18 MiB hole */
	CHECK_EQ(totalram_pages(), present - (memblock_reserved_size() >> PAGE_SHIFT));
	CHECK_EQ(nr_free_pages(), totalram_pages());

	/* page 0, the "kernel image", holes and mem_map itself stay reserved */
	CHECK(PageReserved(pfn_to_page(0)));
	for (pfn = 0x9f; pfn < 0x180; pfn++)
		CHECK(PageReserved(pfn_to_page(pfn)));
	mm_pfn = __pa(mem_map) >> PAGE_SHIFT;
	mm_pages = PAGE_ALIGN(max_pfn * sizeof(struct page)) >> PAGE_SHIFT;
	for (pfn = mm_pfn; pfn < mm_pfn + mm_pages; pfn++)
		CHECK(PageReserved(pfn_to_page(pfn)));
	CHECK(mm_pfn + mm_pages <= max_low_pfn);	/* mem_map is in low memory */
	CHECK(PageReserved(pfn_to_page((18UL << 20) >> PAGE_SHIFT)));
	CHECK(!PageReserved(pfn_to_page(mm_pfn + mm_pages)));
	CHECK(check_page_alloc());
}

static void buddy_zones_cover_dma_normal_highmem(void)
{
	CHECK_EQ(max_low_pfn, 5844);
	CHECK_EQ(max_pfn, 8150);
	CHECK(high_memory == __va(PFN_PHYS(5844)));
	CHECK_EQ(zone_nr(ZONE_DMA)->zone_start_pfn, 0);
	CHECK_EQ(zone_nr(ZONE_DMA)->spanned_pages, MAX_DMA_PFN);
	CHECK_EQ(zone_nr(ZONE_NORMAL)->zone_start_pfn, MAX_DMA_PFN);
	CHECK_EQ(zone_end_pfn(zone_nr(ZONE_NORMAL)), 5844);
	CHECK_EQ(zone_nr(ZONE_HIGHMEM)->zone_start_pfn, 5844);
	CHECK_EQ(zone_end_pfn(zone_nr(ZONE_HIGHMEM)), 8150);
	CHECK_EQ(zone_nr(ZONE_DMA)->present_pages, 3999);
	CHECK_EQ(zone_nr(ZONE_NORMAL)->present_pages, 1732);
	CHECK_EQ(zone_nr(ZONE_HIGHMEM)->present_pages, 2306);
	CHECK_EQ(page_zonenum(pfn_to_page(4095)), ZONE_DMA);
	CHECK_EQ(page_zonenum(pfn_to_page(4096)), ZONE_NORMAL);
	CHECK_EQ(page_zonenum(pfn_to_page(5843)), ZONE_NORMAL);
	CHECK_EQ(page_zonenum(pfn_to_page(5844)), ZONE_HIGHMEM);
	CHECK(!PageHighMem(pfn_to_page(5843)));
	CHECK(PageHighMem(pfn_to_page(5844)));
	CHECK(page_zone(pfn_to_page(100)) == zone_nr(ZONE_DMA));
}

/* ---------------------------------------------------------------------------------
 * Split and merge
 */

static void buddy_split_takes_smallest_block_and_merge_restores_free_lists(void)
{
	static struct free_snapshot before;
	struct zone *dma = zone_nr(ZONE_DMA);
	unsigned long nr[MAX_ORDER], expect_pfn;
	unsigned int order, k;
	struct page *page;

	take_snapshot(&before);
	for (order = 0; order < MAX_ORDER; order++)
		nr[order] = dma->free_area[order].nr_free;
	for (k = 1; k < MAX_ORDER && !nr[k]; k++)
		;
	REQUIRE(k < MAX_ORDER);
	expect_pfn = page_to_pfn(list_first_entry(&dma->free_area[k].free_list, struct page, lru));

	page = alloc_pages(GFP_DMA, 1);
	REQUIRE(page);
	CHECK_EQ(page_to_pfn(page), expect_pfn);	/* first pages of the split block */
	CHECK_EQ(page->private, 1);
	CHECK_EQ(page_count(page), 1);
	CHECK_EQ(dma->free_area[k].nr_free, nr[k] - 1);
	for (order = 1; order < k; order++)
		CHECK_EQ(dma->free_area[order].nr_free, nr[order] + 1);
	CHECK(check_page_alloc());

	__free_pages(page, 1);
	CHECK(check_page_alloc());
	CHECK(same_free_lists(&before));
}

static void buddy_many_allocations_merge_back_to_exact_free_lists(void)
{
	static struct free_snapshot before;
	static struct page *pages[600];
	unsigned int i, n = 0;
	u32 seed = 7;

	take_snapshot(&before);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		struct page *page = alloc_pages(i % 3 ? GFP_DMA : GFP_KERNEL, i % 5);

		REQUIRE(page);
		pages[n++] = page;
	}
	CHECK(check_page_alloc());
	/* free in a shuffled order: merging must not depend on it */
	for (i = n - 1; i > 0; i--) {
		unsigned int j = host_rand(&seed) % (i + 1);
		struct page *t = pages[i];

		pages[i] = pages[j];
		pages[j] = t;
	}
	for (i = 0; i < n; i++)
		__free_pages(pages[i], pages[i]->private);
	CHECK(check_page_alloc());
	CHECK(same_free_lists(&before));
}

static void buddy_every_block_is_aligned_to_its_order(void)
{
	static const gfp_t gfps[] = { GFP_DMA, GFP_KERNEL, GFP_HIGHUSER };
	unsigned int order, g, i;
	struct held h;

	held_init(&h);
	for (order = 0; order < MAX_ORDER; order++) {
		for (g = 0; g < ARRAY_SIZE(gfps); g++) {
			for (i = 0; i < 3; i++) {
				struct page *page = alloc_pages(gfps[g] | NOWARN, order);
				unsigned long pfn;

				if (!page)
					break;
				pfn = page_to_pfn(page);
				CHECK(IS_ALIGNED(pfn, 1UL << order));
				/* the block never straddles a zone boundary */
				CHECK_EQ(page_zonenum(pfn_to_page(pfn + (1UL << order) - 1)),
					 page_zonenum(page));
				if (!PageHighMem(page))
					CHECK(IS_ALIGNED(__pa(page_address(page)), PAGE_SIZE << order));
				hold(&h, page);
			}
		}
	}
	CHECK(check_page_alloc());
	release_all(&h);
}

/* ---------------------------------------------------------------------------------
 * Exhaustion and zone fallback
 */

static void buddy_exhaustion_returns_null_and_freeing_restores(void)
{
	static struct free_snapshot before;
	struct held h;

	take_snapshot(&before);
	held_init(&h);
	CHECK_EQ(exhaust(&h, GFP_HIGHUSER), host_boot_free_pages);
	CHECK_EQ(nr_free_pages(), 0);
	CHECK(alloc_pages(GFP_KERNEL | NOWARN, 0) == NULL);
	CHECK(alloc_pages(GFP_DMA | NOWARN, 0) == NULL);
	CHECK(alloc_pages(GFP_HIGHUSER | NOWARN, 0) == NULL);
	CHECK(alloc_pages(GFP_KERNEL | NOWARN, 3) == NULL);
	CHECK_EQ(__get_free_pages(GFP_KERNEL | NOWARN, 0), 0);
	CHECK(check_page_alloc());
	release_all(&h);
	CHECK_EQ(nr_free_pages(), host_boot_free_pages);
	CHECK(same_free_lists(&before));
}

static void buddy_failure_warns_once_unless_nowarn(void)
{
	struct held h;

	held_init(&h);
	exhaust(&h, GFP_DMA);
	host_log_reset();
	CHECK(alloc_pages(GFP_DMA, 0) == NULL);
	CHECK_LOGGED("page allocation failure: order:0");
	host_log_reset();
	CHECK(alloc_pages(GFP_DMA | NOWARN, 2) == NULL);
	CHECK_EQ(strlen(host_log_text()), 0);
	release_all(&h);
}

static void buddy_fallback_goes_highmem_normal_dma_never_up(void)
{
	unsigned long want[MAX_NR_ZONES], got[MAX_NR_ZONES] = { 0 };
	int z, last = ZONE_HIGHMEM;
	bool ordered = true;
	struct page *page;
	struct held h;

	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++)
		want[z] = zone_free_pages(zone_nr(z));
	held_init(&h);
	while ((page = alloc_pages(GFP_HIGHUSER | NOWARN, 0))) {
		z = page_zonenum(page);
		ordered &= z <= last;	/* never back up to a higher zone */
		last = z;
		got[z]++;
		hold(&h, page);
	}
	CHECK(ordered);
	for (z = 0; z < MAX_NR_ZONES; z++)
		CHECK_EQ(got[z], want[z]);
	release_all(&h);
}

static void buddy_gfp_kernel_never_gets_highmem(void)
{
	unsigned long high_free;
	bool low = true, ordered = true;
	struct page *page;
	int last = ZONE_NORMAL;
	struct held h;

	drain_all_pages();
	high_free = zone_free_pages(zone_nr(ZONE_HIGHMEM));
	REQUIRE(high_free > 0);
	held_init(&h);
	while ((page = alloc_pages(GFP_KERNEL | NOWARN, 0))) {
		low &= page_to_pfn(page) < max_low_pfn;
		ordered &= (int)page_zonenum(page) <= last;
		last = page_zonenum(page);
		hold(&h, page);
	}
	CHECK(low);
	CHECK(ordered);
	CHECK_EQ(last, ZONE_DMA);
	CHECK_EQ(zone_free_pages(zone_nr(ZONE_HIGHMEM)), high_free);
	CHECK(alloc_pages(GFP_KERNEL | NOWARN, 0) == NULL);	/* HighMem still free */
	release_all(&h);
}

static void buddy_gfp_dma_pages_are_below_16mib(void)
{
	unsigned long normal, high;
	bool below = true;
	struct page *page;
	struct held h;
	int order;

	drain_all_pages();
	normal = zone_free_pages(zone_nr(ZONE_NORMAL));
	high = zone_free_pages(zone_nr(ZONE_HIGHMEM));
	held_init(&h);
	for (order = MAX_ORDER - 1; order >= 0; order--) {
		while ((page = alloc_pages(GFP_DMA | NOWARN, order))) {
			below &= page_to_pfn(page) + (1UL << order) <= MAX_DMA_PFN;
			hold(&h, page);
		}
	}
	CHECK(below);
	CHECK_EQ(zone_free_pages(zone_nr(ZONE_DMA)), 0);
	CHECK_EQ(zone_free_pages(zone_nr(ZONE_NORMAL)), normal);
	CHECK_EQ(zone_free_pages(zone_nr(ZONE_HIGHMEM)), high);
	release_all(&h);
}

/* ---------------------------------------------------------------------------------
 * __GFP_ZERO
 */

static void buddy_gfp_zero_zeroes_lowmem_and_highmem(void)
{
	struct page *plain, *zeroed, *big, *high;
	unsigned long addr;

	plain = alloc_pages(GFP_KERNEL, 0);
	REQUIRE(plain);
	CHECK(all_bytes(page_address(plain), HOST_ARENA_FILL, PAGE_SIZE));	/* not by luck */

	zeroed = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	big = alloc_pages(GFP_KERNEL | __GFP_ZERO, 3);
	high = alloc_pages(GFP_HIGHUSER | __GFP_ZERO, 2);
	addr = get_zeroed_page(GFP_KERNEL);
	REQUIRE(zeroed && big && high && addr);
	CHECK(all_bytes(page_address(zeroed), 0, PAGE_SIZE));
	CHECK(all_bytes(page_address(big), 0, PAGE_SIZE << 3));
	CHECK(all_bytes((void *)addr, 0, PAGE_SIZE));
	CHECK(PageHighMem(high));
	CHECK(all_bytes(arena_page(high), 0, PAGE_SIZE << 2));
	CHECK_EQ(host_clear_highpage_calls, 4);

	__free_page(plain);
	__free_page(zeroed);
	__free_pages(big, 3);
	__free_pages(high, 2);
	free_page(addr);
}

static void buddy_gfp_zero_without_highmem_hook_uses_lowmem(void)
{
	struct page *page, *high;

	page_alloc_set_clear_highpage(NULL);
	page = alloc_pages(GFP_HIGHUSER | __GFP_ZERO, 0);
	high = alloc_pages(GFP_HIGHUSER, 0);
	page_alloc_set_clear_highpage(host_clear_highpage);
	REQUIRE(page && high);
	CHECK(!PageHighMem(page));
	CHECK(all_bytes(page_address(page), 0, PAGE_SIZE));
	CHECK(PageHighMem(high));	/* without __GFP_ZERO HighMem is still preferred */
	__free_page(page);
	__free_page(high);
}

/* ---------------------------------------------------------------------------------
 * Bad frees: reported with the pfn, lists untouched
 */

static void buddy_double_free_is_reported_and_changes_nothing(void)
{
	struct page *page, *big;
	unsigned long pfn, free;

	/* second free while the page sits on the pcp stack */
	page = alloc_page(GFP_KERNEL);
	REQUIRE(page);
	pfn = page_to_pfn(page);
	__free_page(page);
	free = nr_free_pages();
	host_log_reset();
	__free_page(page);
	CHECK_LOGGED("double free");
	CHECK_LOGGED(pfn_str(pfn));
	CHECK_EQ(nr_free_pages(), free);
	CHECK(check_page_alloc());

	/* ... and once it is back on a buddy list */
	drain_all_pages();
	host_log_reset();
	__free_page(page);
	CHECK_LOGGED("double free");
	CHECK_EQ(nr_free_pages(), free);
	CHECK(check_page_alloc());

	/* a higher-order block */
	big = alloc_pages(GFP_KERNEL, 3);
	REQUIRE(big);
	pfn = page_to_pfn(big);
	__free_pages(big, 3);
	free = nr_free_pages();
	host_log_reset();
	__free_pages(big, 3);
	CHECK_LOGGED("double free");
	CHECK_LOGGED(pfn_str(pfn));
	put_page(big);
	CHECK_EQ(nr_free_pages(), free);
	CHECK(check_page_alloc());
}

static void buddy_wrong_order_free_is_reported_and_changes_nothing(void)
{
	struct page *page, *comp;
	unsigned long free, pfn;

	page = alloc_pages(GFP_KERNEL, 2);
	REQUIRE(page);
	pfn = page_to_pfn(page);
	free = nr_free_pages();
	host_log_reset();
	__free_pages(page, 3);
	CHECK_LOGGED("bad order");
	CHECK_LOGGED(pfn_str(pfn));
	host_log_reset();
	__free_pages(page, 1);
	CHECK_LOGGED("bad order");
	host_log_reset();
	__free_pages(page, 11);
	CHECK_LOGGED("bad order");
	host_log_reset();
	__free_page(page + 1);		/* a tail page is not a block of its own */
	CHECK_LOGGED(pfn_str(pfn + 1));
	host_log_reset();
	get_page(page + 3);		/* a tail used as a page of its own */
	__free_pages(page, 2);
	CHECK_LOGGED("not all allocated");
	page[3]._refcount = 0;
	CHECK_EQ(nr_free_pages(), free);
	CHECK_EQ(page_count(page), 1);
	CHECK(check_page_alloc());
	__free_pages(page, 2);		/* the right order still works */
	CHECK_EQ(nr_free_pages(), free + 4);

	/* misaligned: an order-0 page freed as order 1 */
	page = alloc_page(GFP_KERNEL);
	REQUIRE(page);
	if (!(page_to_pfn(page) & 1)) {
		struct page *other = alloc_page(GFP_KERNEL);

		__free_page(page);
		page = other;
	}
	REQUIRE(page);
	host_log_reset();
	__free_pages(page, 1);
	CHECK_LOGGED("bad order");
	__free_page(page);

	/* compound page: the head knows its order */
	comp = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	REQUIRE(comp);
	CHECK(PageHead(comp));
	CHECK_EQ(comp->private, 2);
	host_log_reset();
	__free_pages(comp, 1);
	CHECK_LOGGED("bad order");
	CHECK(PageHead(comp));
	__free_pages(comp, 2);
	CHECK(!PageHead(comp));
	CHECK(check_page_alloc());
}

static void buddy_reserved_page_free_is_reported(void)
{
	unsigned long free = nr_free_pages();

	host_log_reset();
	__free_page(pfn_to_page(0));
	CHECK_LOGGED("reserved page");
	CHECK_LOGGED("pfn 0x0 ");
	host_log_reset();
	free_page((unsigned long)__va(0x100000));	/* the "kernel image" */
	CHECK_LOGGED("reserved page");
	CHECK_LOGGED("pfn 0x100 ");
	CHECK(PageReserved(pfn_to_page(0)));
	CHECK_EQ(page_count(pfn_to_page(0x100)), 1);
	CHECK_EQ(nr_free_pages(), free);
	CHECK(check_page_alloc());
}

static void buddy_free_outside_mem_map_or_direct_map_is_reported(void)
{
	unsigned long free = nr_free_pages();

	host_log_reset();
	__free_page(mem_map + max_pfn);
	CHECK_LOGGED("outside mem_map");
	CHECK_LOGGED(pfn_str(max_pfn));
	host_log_reset();
	free_pages((unsigned long)high_memory + PAGE_SIZE, 0);
	CHECK_LOGGED("not a page in the direct map");
	host_log_reset();
	free_pages(0, 0);		/* like kfree(NULL): nothing */
	CHECK_EQ(strlen(host_log_text()), 0);
	CHECK_EQ(nr_free_pages(), free);
}

static void buddy_slab_or_mapped_page_free_is_reported(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free = nr_free_pages();

	REQUIRE(page);
	__SetPageSlab(page);
	host_log_reset();
	__free_page(page);
	CHECK_LOGGED("slab");
	__ClearPageSlab(page);
	page->_mapcount = 0;		/* one mapping */
	host_log_reset();
	__free_page(page);
	CHECK_LOGGED("still mapped");
	page->_mapcount = -1;
	CHECK_EQ(nr_free_pages(), free);
	__free_page(page);
}

static void buddy_order_above_10_returns_null(void)
{
	host_log_reset();
	CHECK(alloc_pages(GFP_KERNEL, MAX_ORDER) == NULL);
	CHECK_LOGGED("page allocation failure: order:11");
	host_log_reset();
	CHECK(alloc_pages(GFP_KERNEL | NOWARN, MAX_ORDER) == NULL);
	CHECK(alloc_pages(GFP_KERNEL | NOWARN, 1000) == NULL);
	CHECK(alloc_pages(GFP_HIGHUSER | __GFP_ZERO | NOWARN, ~0u) == NULL);
	CHECK_EQ(strlen(host_log_text()), 0);
	CHECK_EQ(__get_free_pages(GFP_KERNEL | NOWARN, 12), 0);
	CHECK_EQ(nr_free_pages(), host_boot_free_pages);
}

/* ---------------------------------------------------------------------------------
 * pcp, refcounts, compound pages, addresses
 */

static void buddy_pcp_pages_count_as_free_until_drained(void)
{
	struct zone *normal = zone_nr(ZONE_NORMAL);
	struct page *pages[200];
	unsigned int i;

	drain_all_pages();
	CHECK_EQ(normal->pcp.count, 0);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		REQUIRE(pages[i]);
		CHECK_EQ(page_zonenum(pages[i]), ZONE_NORMAL);
	}
	CHECK_EQ(nr_free_pages(), host_boot_free_pages - ARRAY_SIZE(pages));
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		__free_page(pages[i]);
	CHECK(normal->pcp.count > 0);
	CHECK(normal->pcp.count < normal->pcp.high);	/* bounded */
	CHECK_EQ(nr_free_pages(), host_boot_free_pages);
	CHECK(check_page_alloc());
	drain_all_pages();
	CHECK_EQ(normal->pcp.count, 0);
	CHECK_EQ(nr_free_pages(), host_boot_free_pages);
}

static void buddy_shared_page_is_freed_by_last_reference(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free = nr_free_pages();

	REQUIRE(page);
	get_page(page);
	__free_page(page);
	CHECK_EQ(page_count(page), 1);
	CHECK_EQ(nr_free_pages(), free);
	put_page(page);
	CHECK_EQ(page_count(page), 0);
	CHECK_EQ(nr_free_pages(), free + 1);
}

static void buddy_put_page_frees_whole_compound_page(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);
	unsigned long free = nr_free_pages();

	REQUIRE(page);
	CHECK(PageHead(page));
	put_page(page);
	CHECK_EQ(nr_free_pages(), free + 8);
	CHECK(check_page_alloc());
}

static void buddy_get_free_pages_returns_direct_map_address(void)
{
	unsigned long addr = __get_free_pages(GFP_HIGHUSER, 2);

	REQUIRE(addr);
	CHECK(virt_addr_valid(addr));
	CHECK(IS_ALIGNED(__pa(addr), PAGE_SIZE << 2));
	CHECK_EQ(virt_to_page(addr)->private, 2);
	free_pages(addr, 2);
	CHECK_EQ(nr_free_pages(), host_boot_free_pages);
}

static void buddy_page_address_of_highmem_is_its_kmap_address(void)
{
	struct page *low = alloc_page(GFP_KERNEL), *high = alloc_page(GFP_HIGHUSER);
	int dummy;

	REQUIRE(low && high);
	CHECK(page_address(low) == __va(page_to_phys(low)));
	CHECK(PageHighMem(high));
	CHECK(page_address(high) == NULL);
	high->virtual = &dummy;		/* what kmap() will do */
	CHECK(page_address(high) == (void *)&dummy);
	high->virtual = NULL;
	__free_page(low);
	__free_page(high);
}

/* ---------------------------------------------------------------------------------
 * Shrinkers and fault injection
 */

static struct held shrink_cache;
static unsigned long shrink_calls;

static unsigned long test_shrink(struct shrinker *s)
{
	unsigned long freed = shrink_cache.pages;

	(void)s;
	shrink_calls++;
	release_all(&shrink_cache);
	return freed;
}

static void buddy_shrinker_runs_before_allocation_fails(void)
{
	struct shrinker shrinker = { .name = "test", .scan = test_shrink };
	struct page *page;
	struct held h;
	int i;

	held_init(&shrink_cache);
	held_init(&h);
	shrink_calls = 0;
	for (i = 0; i < 4; i++)
		hold(&shrink_cache, alloc_page(GFP_KERNEL));
	exhaust(&h, __GFP_HIGHMEM);
	register_shrinker(&shrinker);

	CHECK(alloc_page(GFP_ATOMIC | NOWARN) == NULL);	/* no __GFP_RECLAIM: no shrinking */
	CHECK_EQ(shrink_calls, 0);
	page = alloc_page(GFP_KERNEL | NOWARN);
	CHECK(page != NULL);
	CHECK_EQ(shrink_calls, 1);
	if (page)
		hold(&h, page);
	exhaust(&h, __GFP_HIGHMEM);		/* what the shrinker freed, without reclaim */
	CHECK(alloc_page(GFP_KERNEL | NOWARN) == NULL);	/* shrinker had nothing left */
	CHECK_EQ(shrink_calls, 2);

	unregister_shrinker(&shrinker);
	CHECK(alloc_page(GFP_KERNEL | NOWARN) == NULL);
	CHECK_EQ(shrink_calls, 2);
	release_all(&h);
}

static void buddy_fail_page_alloc_injects_failures(void)
{
	struct page *page;
	int i;

	host_log_reset();
	fail_page_alloc_set(3);
	for (i = 0; i < 3; i++)
		CHECK(alloc_page(GFP_KERNEL) == NULL);
	page = alloc_page(GFP_KERNEL);
	CHECK(page != NULL);
	if (page)
		__free_page(page);
	fail_page_alloc_set(~0UL);
	for (i = 0; i < 10; i++)
		CHECK(alloc_pages(GFP_KERNEL, i % 4) == NULL);
	fail_page_alloc_set(0);
	page = alloc_page(GFP_KERNEL);
	CHECK(page != NULL);
	if (page)
		__free_page(page);
	CHECK_NOT_LOGGED("page allocation failure");	/* injected failures are silent */
}

/* ---------------------------------------------------------------------------------
 * Randomized run
 */

static void buddy_random_alloc_free_run_restores_counts(void)
{
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_HIGHUSER, GFP_DMA, GFP_ATOMIC,
				      GFP_KERNEL | __GFP_ZERO, GFP_HIGHUSER | __GFP_COMP };
	static struct free_snapshot before;
	static struct page *slot[256];
	unsigned long held = 0;
	u32 seed = 12345;
	int op, i;

	take_snapshot(&before);
	memset(slot, 0, sizeof(slot));
	for (op = 0; op < 20000; op++) {
		u32 r = host_rand(&seed);
		unsigned int s = r % ARRAY_SIZE(slot), pick = (r >> 8) % 100, order;

		if (slot[s]) {
			held -= 1UL << slot[s]->private;
			__free_pages(slot[s], slot[s]->private);
			slot[s] = NULL;
		} else {
			order = pick < 70 ? 0 : pick < 85 ? 1 + (r >> 16) % 3 :
				pick < 95 ? 4 + (r >> 16) % 4 : 8 + (r >> 16) % 3;
			slot[s] = alloc_pages(gfps[(r >> 24) % ARRAY_SIZE(gfps)] | NOWARN, order);
			if (slot[s]) {
				CHECK(IS_ALIGNED(page_to_pfn(slot[s]), 1UL << order));
				held += 1UL << order;
			}
		}
		if (op % 1000 == 999) {
			CHECK(check_page_alloc());
			CHECK_EQ(nr_free_pages(), host_boot_free_pages - held);
		}
		if (tap_failed())
			return;
	}
	for (i = 0; i < (int)ARRAY_SIZE(slot); i++)
		if (slot[i])
			__free_pages(slot[i], slot[i]->private);
	CHECK_EQ(nr_free_pages(), host_boot_free_pages);
	CHECK(same_free_lists(&before));
}

/* ---------------------------------------------------------------------------------
 * Other machines, introspection, the checker itself
 */

static void buddy_machine_without_highmem_serves_highuser_from_normal(void)
{
	struct page *page;

	host_mm_boot(6144, 6144);
	CHECK_EQ(zone_nr(ZONE_HIGHMEM)->spanned_pages, 0);
	page = alloc_page(GFP_HIGHUSER);
	REQUIRE(page);
	CHECK_EQ(page_zonenum(page), ZONE_NORMAL);
	CHECK(page_address(page) != NULL);
	__free_page(page);
	show_buddyinfo();
	CHECK_NOT_LOGGED("HighMem");
	CHECK(check_page_alloc());
}

static void buddy_16mib_machine_has_only_dma(void)
{
	struct page *page;
	struct held h;

	host_mm_boot(4096, 4096);
	CHECK_EQ(zone_nr(ZONE_NORMAL)->spanned_pages, 0);
	page = alloc_page(GFP_KERNEL);
	REQUIRE(page);
	CHECK_EQ(page_zonenum(page), ZONE_DMA);
	__free_page(page);
	held_init(&h);
	CHECK_EQ(exhaust(&h, GFP_HIGHUSER), host_boot_free_pages);
	release_all(&h);
	CHECK(check_page_alloc());
}

static unsigned long number_after(const char *text, const char *label)
{
	const char *p = strstr(text, label);

	return p ? strtoul(p + strlen(label), NULL, 10) : ~0UL;
}

static void buddy_introspection_prints_linux_formats(void)
{
	struct zone *dma = zone_nr(ZONE_DMA);
	const char *line;
	unsigned long n[MAX_ORDER];
	int order, got;

	drain_all_pages();
	host_log_reset();
	show_buddyinfo();
	CHECK_LOGGED("Node 0, zone      DMA ");
	CHECK_LOGGED("Node 0, zone   Normal ");
	CHECK_LOGGED("Node 0, zone  HighMem ");
	line = strstr(host_log_text(), "zone      DMA");
	REQUIRE(line);
	got = sscanf(line + 13, "%lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu", &n[0], &n[1],
		     &n[2], &n[3], &n[4], &n[5], &n[6], &n[7], &n[8], &n[9], &n[10]);
	CHECK_EQ(got, MAX_ORDER);
	for (order = 0; order < got; order++)
		CHECK_EQ(n[order], dma->free_area[order].nr_free);

	/* The formatters print into a buffer too (what /proc will read). */
	{
		static char text[16384];
		struct mem_counts c = {
			.anon_pages = 3, .slab_pages = 5, .slab_reclaimable = 1,
			.kernel_stack_kb = 16, .pagetable_pages = 2, .committed_pages = 7,
			.commit_limit = totalram_pages() * 50 / 100,
			.vmalloc_total_kb = 1024, .vmalloc_used_pages = 4,
			.direct_map_4k_kb = 8192, .huge_page_kb = 4096,
		};
		struct seq_file m;
		char small[32];

		seq_init(&m, text, sizeof(text));
		zoneinfo_show(&m, &c);
		CHECK(!seq_has_overflowed(&m));
		CHECK(strstr(text, "        spanned  4096\n") != NULL);
		CHECK(strstr(text, "        present  3999\n") != NULL);
		CHECK(strstr(text, "\n      nr_slab_unreclaimable 4\n") != NULL);
		CHECK(strstr(text, "\n      nr_anon_pages 3\n") != NULL);
		CHECK(strstr(text, "\n      nr_page_table_pages 2\n") != NULL);
		CHECK(strstr(text, "\n  pagesets\n    cpu: 0\n              count: ") != NULL);

		meminfo_set_kernel_image(512UL << 10);
		seq_init(&m, text, sizeof(text));
		meminfo_show(&m, &c);
		meminfo_extras_show(&m);
		meminfo_set_kernel_image(0);
		CHECK(!seq_has_overflowed(&m));
		CHECK_EQ(number_after(text, "MemTotal:"), totalram_pages() * 4);
		CHECK_EQ(number_after(text, "MemFree:"), nr_free_pages() * 4);
		CHECK_EQ(number_after(text, "MemAvailable:"), nr_free_pages() * 4 + 4);
		CHECK_EQ(number_after(text, "HighTotal:"), zone_nr(ZONE_HIGHMEM)->managed_pages * 4);
		CHECK_EQ(number_after(text, "LowTotal:"),
			 (totalram_pages() - zone_nr(ZONE_HIGHMEM)->managed_pages) * 4);
		CHECK_EQ(number_after(text, "AnonPages:"), 12);
		CHECK_EQ(number_after(text, "Slab:"), 20);
		CHECK_EQ(number_after(text, "SReclaimable:"), 4);
		CHECK_EQ(number_after(text, "SUnreclaim:"), 16);
		CHECK_EQ(number_after(text, "KernelStack:"), 16);
		CHECK_EQ(number_after(text, "PageTables:"), 8);
		/* Linux's vm_commit_limit(): half of RAM with overcommit_ratio 50, no swap */
		CHECK_EQ(number_after(text, "CommitLimit:"), totalram_pages() * 50 / 100 * 4);
		CHECK_EQ(number_after(text, "Committed_AS:"), 28);
		CHECK_EQ(number_after(text, "VmallocTotal:"), 1024);
		CHECK_EQ(number_after(text, "VmallocUsed:"), 16);
		CHECK_EQ(number_after(text, "DirectMap4k:"), 8192);
		CHECK(strstr(text, "HardwareCorrupted:     0 kB\nAnonHugePages:") != NULL);
		CHECK(strstr(text, "HugePages_Total:       0\n") != NULL);
		/* the extras come after Linux's last field, under their own heading */
		CHECK(strstr(text, "DirectMap4M:") < strstr(text, "teachkernel extras"));
		CHECK(strstr(text, "teachkernel extras") < strstr(text, "KernelImage:"));
		CHECK_EQ(number_after(text, "KernelImage:"), 512);
		CHECK_EQ(number_after(text, "MemMap:"), max_pfn * sizeof(struct page) / 1024);

		/* a buffer too small keeps a terminated prefix and says it overflowed */
		seq_init(&m, small, sizeof(small));
		meminfo_show(&m, &c);
		CHECK(seq_has_overflowed(&m));
		CHECK_EQ(strlen(small), sizeof(small) - 1);
		CHECK(strncmp(small, "MemTotal:", 9) == 0);
	}
}

static void buddy_free_pages_range_releases_reserved_and_refuses_free_pages(void)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();

	/* a range that is already free is refused page by page */
	host_log_reset();
	CHECK_EQ(free_pages_range(0x1000, 0x1004), 0);
	CHECK_LOGGED("not reserved");
	CHECK_LOGGED("pfn 0x1000 ");
	CHECK_EQ(nr_free_pages(), free);
	CHECK(check_page_alloc());

	/* the "kernel image" given back, as free_initmem() would */
	CHECK_EQ(free_pages_range(0x100, 0x180), 0x80);
	CHECK_EQ(totalram_pages(), total + 0x80);
	CHECK_EQ(nr_free_pages(), free + 0x80);
	CHECK(!PageReserved(pfn_to_page(0x100)));
	CHECK(check_page_alloc());
	host_boot_free_pages += 0x80;
}

static void check_page_alloc_detects_corruption(void)
{
	struct zone *dma = zone_nr(ZONE_DMA);
	struct page *page;

	drain_all_pages();
	host_log_reset();
	dma->free_area[3].nr_free++;
	CHECK(!check_page_alloc());
	CHECK_LOGGED("check_page_alloc: zone DMA");
	dma->free_area[3].nr_free--;

	page = alloc_page(GFP_DMA);
	REQUIRE(page);
	page->flags |= 1UL << PG_buddy;		/* an allocated page posing as free */
	host_log_reset();
	CHECK(!check_page_alloc());
	CHECK_LOGGED(pfn_str(page_to_pfn(page)));
	page->flags &= ~(1UL << PG_buddy);
	CHECK(check_page_alloc());
	__free_page(page);
}

/* ---------------------------------------------------------------------------------
 * memblock
 */

static void memblock_add_merges_overlapping_and_adjacent_ranges(void)
{
	host_memblock_reset();
	memblock_add(0x1000, 0x2000);
	memblock_add(0x5000, 0x1000);
	CHECK_EQ(memblock.memory.cnt, 2);
	memblock_add(0x2000, 0x3000);		/* overlaps the first, touches the second */
	CHECK_EQ(memblock.memory.cnt, 1);
	CHECK_EQ(memblock.memory.regions[0].base, 0x1000);
	CHECK_EQ(memblock.memory.regions[0].size, 0x5000);
	memblock_add(0x10000, 0x1000);
	memblock_add(0x1800, 0x100);		/* inside: no change */
	memblock_add(0x100, 0x100);		/* below everything */
	CHECK_EQ(memblock.memory.cnt, 3);
	CHECK_EQ(memblock.memory.regions[0].base, 0x100);
	CHECK_EQ(memblock.memory.regions[2].base, 0x10000);
	CHECK_EQ(memblock_phys_mem_size(), 0x100 + 0x5000 + 0x1000);
	memblock_add(0, 0x20000);		/* swallows all */
	CHECK_EQ(memblock.memory.cnt, 1);
	CHECK_EQ(memblock_end_of_DRAM(), 0x20000);
	memblock_add(0x30000, 0);		/* empty: ignored */
	CHECK_EQ(memblock.memory.cnt, 1);
	host_memblock_reset();
}

static void memblock_ignores_memory_at_or_above_4gib(void)
{
	host_memblock_reset();
	memblock_add(1ULL << 32, 1ULL << 30);
	CHECK_EQ(memblock.memory.cnt, 0);
	memblock_add(3ULL << 30, 2ULL << 30);	/* straddles 4 GiB: clipped */
	CHECK_EQ(memblock.memory.cnt, 1);
	CHECK_EQ(memblock_end_of_DRAM(), 1ULL << 32);
	memblock_add(0xfffff000ULL, ~0ULL);	/* size wraps around */
	CHECK_EQ(memblock_end_of_DRAM(), 1ULL << 32);
	CHECK_EQ(memblock_start_of_DRAM(), 3ULL << 30);
	host_memblock_reset();
}

static void memblock_reserve_merges_and_answers_lookups(void)
{
	host_memblock_reset();
	memblock_add(0, 1 << 20);
	memblock_reserve(0x2000, 0x1000);
	memblock_reserve(0x2800, 0x1000);
	memblock_reserve(0x8000, 0x10);
	CHECK_EQ(memblock.reserved.cnt, 2);
	CHECK_EQ(memblock_reserved_size(), 0x1800 + 0x10);
	CHECK(memblock_is_reserved(0x37ff));
	CHECK(!memblock_is_reserved(0x3800));
	CHECK(!memblock_is_reserved(0x1fff));
	host_memblock_reset();
}

static void memblock_alloc_top_down_aligned_below_limit(void)
{
	phys_addr_t a, b;

	host_memblock_reset();
	memblock_add(0, 64 << 20);
	memblock_reserve(0, PAGE_SIZE);
	memblock_set_limit(32 << 20);
	a = memblock_alloc(0x2000, PAGE_SIZE);
	CHECK_EQ(a, (32 << 20) - 0x2000);
	b = memblock_alloc(1 << 20, 1 << 20);
	CHECK_EQ(b, 30 << 20);
	CHECK(memblock_is_reserved(a));
	CHECK(memblock_is_reserved(b + (1 << 20) - 1));
	CHECK_EQ(memblock_alloc(32 << 20, PAGE_SIZE), 0);	/* more than is left below */
	CHECK_EQ(memblock_alloc(0, PAGE_SIZE), 0);
	host_memblock_reset();
}

static void memblock_alloc_bottom_up_skips_reserved(void)
{
	host_memblock_reset();
	memblock_add(0, 16 << 20);
	memblock_reserve(0, 0x10000);
	memblock_reserve(0x11000, 0x1000);
	memblock_set_bottom_up(true);
	CHECK_EQ(memblock_alloc(0x1000, 0x1000), 0x10000);
	CHECK_EQ(memblock_alloc(0x1000, 0x1000), 0x12000);	/* 0x11000 is reserved */
	CHECK_EQ(memblock_alloc(0x2000, 0x4000), 0x14000);
	host_memblock_reset();
}

static void memblock_alloc_fails_cleanly_and_never_returns_page_0(void)
{
	bool panicked;

	host_memblock_reset();
	memblock_add(0, 0x2000);
	memblock_set_bottom_up(true);
	CHECK_EQ(memblock_alloc(0x1000, 0x1000), 0x1000);	/* page 0 is never used */
	CHECK_EQ(memblock_alloc(0x1000, 0x1000), 0);
	CHECK_EQ(memblock_alloc(0, 0x1000), 0);
	host_log_reset();
	panicked = HOST_CATCH_PANIC(memblock_alloc(0x10, 3));
	CHECK(panicked);
	CHECK_LOGGED("not a power of two");
	host_memblock_reset();
}

static void memblock_too_many_regions_panics_clearly(void)
{
	bool panicked;
	int i;

	host_memblock_reset();
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		memblock_add((u64)i * 0x2000, 0x1000);
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	memblock_add(0x1000, 0x800);		/* merges: still fits */
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	host_log_reset();
	panicked = HOST_CATCH_PANIC(memblock_add(1ULL << 30, 0x1000));
	CHECK(panicked);
	CHECK_LOGGED("INIT_MEMBLOCK_REGIONS");
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);	/* unchanged */
	host_memblock_reset();
}

static void memblock_free_all_releases_whole_unreserved_pages(void)
{
	unsigned long zones[MAX_NR_ZONES] = { 4096, 5120, 5120 };
	unsigned long released, mm_pages;

	host_memblock_reset();
	mem_map = NULL;
	memblock_add(0, 20 << 20);
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(0x200800, 0x1000);	/* half of page 0x200, half of 0x201 */
	free_area_init(zones);
	mm_pages = PAGE_ALIGN(5120 * sizeof(struct page)) >> PAGE_SHIFT;
	released = memblock_free_all();
	CHECK_EQ(released, 5120 - 1 - 2 - mm_pages);
	CHECK_EQ(nr_free_pages(), released);
	CHECK(PageReserved(pfn_to_page(0x200)));
	CHECK(PageReserved(pfn_to_page(0x201)));
	CHECK(!PageReserved(pfn_to_page(0x1ff)));
	CHECK(!PageReserved(pfn_to_page(0x202)));
	CHECK(check_page_alloc());
	host_boot_free_pages = nr_free_pages();
}

static void memblock_alloc_after_free_all_panics(void)
{
	bool panicked;

	host_log_reset();
	panicked = HOST_CATCH_PANIC(memblock_alloc(PAGE_SIZE, PAGE_SIZE));
	CHECK(panicked);
	CHECK_LOGGED("after memblock_free_all");
}

static void memblock_dump_prints_both_lists(void)
{
	host_log_reset();
	memblock_dump();
	CHECK_LOGGED("MEMBLOCK configuration:");
	CHECK_LOGGED(" memory.cnt  = 0x3");
	CHECK_LOGGED(" memory[0x0]\t[0x00000000-0x0009efff], 0x0009f000 bytes");
	CHECK_LOGGED(" reserved.cnt  = 0x2");	/* page 0 + mem_map, "kernel image" */
	CHECK_LOGGED(" reserved[0x1]\t[0x00100000-0x0017ffff], 0x00080000 bytes");
}

/* ---------------------------------------------------------------------------------
 * main
 */

#define T(fn)	TAP_CASE(fn)
static const struct tap_case tests[] = {
	T(buddy_boot_releases_every_unreserved_page),
	T(buddy_zones_cover_dma_normal_highmem),
	T(buddy_split_takes_smallest_block_and_merge_restores_free_lists),
	T(buddy_many_allocations_merge_back_to_exact_free_lists),
	T(buddy_every_block_is_aligned_to_its_order),
	T(buddy_exhaustion_returns_null_and_freeing_restores),
	T(buddy_failure_warns_once_unless_nowarn),
	T(buddy_fallback_goes_highmem_normal_dma_never_up),
	T(buddy_gfp_kernel_never_gets_highmem),
	T(buddy_gfp_dma_pages_are_below_16mib),
	T(buddy_gfp_zero_zeroes_lowmem_and_highmem),
	T(buddy_gfp_zero_without_highmem_hook_uses_lowmem),
	T(buddy_double_free_is_reported_and_changes_nothing),
	T(buddy_wrong_order_free_is_reported_and_changes_nothing),
	T(buddy_reserved_page_free_is_reported),
	T(buddy_free_outside_mem_map_or_direct_map_is_reported),
	T(buddy_slab_or_mapped_page_free_is_reported),
	T(buddy_order_above_10_returns_null),
	T(buddy_pcp_pages_count_as_free_until_drained),
	T(buddy_shared_page_is_freed_by_last_reference),
	T(buddy_put_page_frees_whole_compound_page),
	T(buddy_get_free_pages_returns_direct_map_address),
	T(buddy_page_address_of_highmem_is_its_kmap_address),
	T(buddy_shrinker_runs_before_allocation_fails),
	T(buddy_fail_page_alloc_injects_failures),
	T(buddy_random_alloc_free_run_restores_counts),
	T(buddy_machine_without_highmem_serves_highuser_from_normal),
	T(buddy_16mib_machine_has_only_dma),
	T(buddy_introspection_prints_linux_formats),
	T(buddy_free_pages_range_releases_reserved_and_refuses_free_pages),
	T(check_page_alloc_detects_corruption),
	T(memblock_add_merges_overlapping_and_adjacent_ranges),
	T(memblock_ignores_memory_at_or_above_4gib),
	T(memblock_reserve_merges_and_answers_lookups),
	T(memblock_alloc_top_down_aligned_below_limit),
	T(memblock_alloc_bottom_up_skips_reserved),
	T(memblock_alloc_fails_cleanly_and_never_returns_page_0),
	T(memblock_too_many_regions_panics_clearly),
	T(memblock_free_all_releases_whole_unreserved_pages),
	T(memblock_alloc_after_free_all_panics),
	T(memblock_dump_prints_both_lists),
};

/* Whatever a test did, everything must be free again and the lists sound. */
static void check_nothing_leaked(void)
{
	drain_all_pages();
	if (!check_page_alloc())
		tap_fail(__FILE__, __LINE__, "free lists corrupt after the test");
	if (nr_free_pages() != host_boot_free_pages)
		tap_fail(__FILE__, __LINE__, "leak: %lu pages free after the test, %lu at boot",
			 nr_free_pages(), host_boot_free_pages);
}

static void boot(void)
{
	host_mm_boot_default();
}

int main(void)
{
	return tap_run(tests, ARRAY_SIZE(tests), boot, check_nothing_leaked);
}

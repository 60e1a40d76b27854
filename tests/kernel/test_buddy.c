/*
 * Self-tests of the buddy allocator against the running kernel's real zones
 * (boot with "test=buddy"). They must pass on every machine size: with -m 16M all
 * memory is ZONE_DMA, and HighMem checks skip when there is no HighMem.
 *
 * Tests hold their blocks on a list through page->lru (the owner of an allocated page
 * may use it), so even "allocate everything" needs no memory of its own; every test
 * gives back all it took and checks that the free counts are exactly as before.
 */
#include "ktest.h"
#include "mm.h"
#include "mmzone.h"
#include "gfp.h"
#include "string.h"

#define NOWARN	__GFP_NOWARN

static struct zone *zone_nr(enum zone_type z)
{
	return &NODE_DATA(0)->node_zones[z];
}

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

/*
 * The exact state of a zone's free lists, as a hash of its free blocks in pfn order
 * (walking mem_map gives them sorted, so list order does not matter) and their count.
 */
struct zone_state {
	u64 hash;
	unsigned long blocks;
	unsigned long free;
};

static void zone_state(struct zone *zone, struct zone_state *st)
{
	unsigned long pfn;

	st->hash = 14695981039346656037ULL;	/* FNV-1a */
	st->blocks = 0;
	st->free = zone->free_pages;
	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!PageBuddy(page))
			continue;
		st->hash = (st->hash ^ ((u64)pfn << 4 | page->private)) * 1099511628211ULL;
		st->blocks++;
	}
}

static struct zone_state saved[MAX_NR_ZONES];

static void save_free_lists(void)
{
	int z;

	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++)
		zone_state(zone_nr(z), &saved[z]);
}

static bool free_lists_as_saved(void)
{
	struct zone_state now;
	int z;

	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++) {
		zone_state(zone_nr(z), &now);
		if (now.hash != saved[z].hash || now.blocks != saved[z].blocks ||
		    now.free != saved[z].free)
			return false;
	}
	return true;
}

/* The zone GFP_KERNEL allocates from first: Normal, or DMA on a 16 MiB machine. */
static enum zone_type kernel_zone(void)
{
	return zone_nr(ZONE_NORMAL)->managed_pages ? ZONE_NORMAL : ZONE_DMA;
}

static u32 next_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

KTEST(buddy, free_lists_consistent_after_boot)
{
	unsigned long managed = 0;
	struct zone *zone;

	KTEST_EXPECT_TRUE(check_page_alloc());
	for_each_zone(zone) {
		KTEST_EXPECT_LE(zone->managed_pages, zone->present_pages);
		KTEST_EXPECT_LE(zone->present_pages, zone->spanned_pages);
		managed += zone->managed_pages;
	}
	KTEST_EXPECT_EQ(managed, totalram_pages());
	KTEST_EXPECT_GT(nr_free_pages(), 0);
	KTEST_EXPECT_TRUE(PageReserved(pfn_to_page(0)));
}

KTEST(buddy, split_and_merge_restore_exact_free_lists)
{
	static struct page *pages[300];
	enum zone_type z = kernel_zone();
	struct zone *zone = zone_nr(z);
	unsigned long before[MAX_ORDER], want_pfn;
	unsigned int order, k, i, n = 0;
	struct page *page;

	save_free_lists();
	for (order = 0; order < MAX_ORDER; order++)
		before[order] = zone->free_area[order].nr_free;
	for (k = 1; k < MAX_ORDER && !before[k]; k++)
		;
	KTEST_ASSERT_LT(k, MAX_ORDER);

	/* one order-1 request splits the first block of the smallest order k >= 1 */
	want_pfn = page_to_pfn(list_first_entry(&zone->free_area[k].free_list, struct page, lru));
	page = alloc_pages(z == ZONE_DMA ? GFP_DMA : GFP_KERNEL, 1);
	KTEST_ASSERT_NOT_NULL(page);
	KTEST_EXPECT_EQ(page_to_pfn(page), want_pfn);
	KTEST_EXPECT_EQ(zone->free_area[k].nr_free, before[k] - 1);
	for (order = 1; order < k; order++)
		KTEST_EXPECT_EQ(zone->free_area[order].nr_free, before[order] + 1);
	__free_pages(page, 1);
	KTEST_EXPECT_TRUE(free_lists_as_saved());

	/* many mixed blocks, freed in a different order than allocated */
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_pages(GFP_KERNEL | NOWARN, i % 6);
		if (pages[i])
			n = i + 1;
	}
	KTEST_EXPECT_TRUE(check_page_alloc());
	for (i = 0; i < n; i += 2)
		if (pages[i])
			__free_pages(pages[i], i % 6);
	for (i = 1; i < n; i += 2)
		if (pages[i])
			__free_pages(pages[i], i % 6);
	KTEST_EXPECT_TRUE(check_page_alloc());
	KTEST_EXPECT_TRUE(free_lists_as_saved());
}

KTEST(buddy, every_block_aligned_to_its_order)
{
	static const gfp_t gfps[] = { GFP_DMA, GFP_KERNEL, GFP_HIGHUSER };
	unsigned int order, g, i, misaligned = 0, straddling = 0;
	struct held h;

	held_init(&h);
	for (order = 0; order < MAX_ORDER; order++) {
		for (g = 0; g < ARRAY_SIZE(gfps); g++) {
			for (i = 0; i < 2; i++) {
				struct page *page = alloc_pages(gfps[g] | NOWARN, order);
				unsigned long pfn;

				if (!page)
					break;
				pfn = page_to_pfn(page);
				misaligned += !IS_ALIGNED(pfn, 1UL << order);
				straddling += page_zonenum(pfn_to_page(pfn + (1UL << order) - 1)) !=
					      page_zonenum(page);
				hold(&h, page);
			}
		}
	}
	KTEST_EXPECT_TRUE(check_page_alloc());
	release_all(&h);
	KTEST_EXPECT_EQ(misaligned, 0);
	KTEST_EXPECT_EQ(straddling, 0);
}

KTEST(buddy, zone_exhaustion_returns_null_and_freeing_restores)
{
	unsigned long dma_free, others, got;
	struct page *page, *extra;
	struct held h;
	int order;

	save_free_lists();
	dma_free = zone_free_pages(zone_nr(ZONE_DMA));
	others = nr_free_pages() - dma_free;
	held_init(&h);
	for (order = MAX_ORDER - 1; order >= 0; order--)
		while ((page = alloc_pages(GFP_DMA | NOWARN, order)))
			hold(&h, page);
	got = h.pages;
	extra = alloc_pages(GFP_DMA | NOWARN, 0);
	if (extra)
		__free_page(extra);
	KTEST_EXPECT_EQ(zone_free_pages(zone_nr(ZONE_DMA)), 0);
	KTEST_EXPECT_EQ(nr_free_pages(), others);	/* the other zones untouched */
	release_all(&h);

	KTEST_EXPECT_NULL(extra);
	KTEST_EXPECT_EQ(got, dma_free);
	KTEST_EXPECT_TRUE(free_lists_as_saved());
	KTEST_EXPECT_TRUE(check_page_alloc());
}

/*
 * Take every block of zone z that gfp reaches, largest first. When an allocation
 * comes from another zone, the preferred zone must have had no block left of that
 * order or above (fallback only when needed), and the other zone must be lower.
 */
static unsigned int exhaust_zone(struct held *h, gfp_t gfp, enum zone_type z)
{
	unsigned int bad = 0;
	int order;

	for (order = MAX_ORDER - 1; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(gfp | NOWARN, order))) {
			unsigned int o;

			if (page_zonenum(page) == z) {
				hold(h, page);
				continue;
			}
			bad += page_zonenum(page) > z;
			for (o = order; o < MAX_ORDER; o++)
				bad += zone_nr(z)->free_area[o].nr_free != 0;
			__free_pages(page, order);
			break;
		}
	}
	return bad;
}

KTEST(buddy, fallback_highmem_normal_dma_never_upwards)
{
	unsigned long high_free;
	unsigned int bad = 0;
	struct page *page;
	enum zone_type next;
	struct held h;

	if (!zone_nr(ZONE_HIGHMEM)->managed_pages) {
		ktest_skip("no HighMem on this machine (boot with -m 1G or more)");
		return;
	}
	held_init(&h);
	drain_all_pages();

	/* GFP_HIGHUSER empties HighMem first, then moves to Normal */
	bad += exhaust_zone(&h, __GFP_HIGHMEM, ZONE_HIGHMEM);
	drain_all_pages();
	high_free = zone_free_pages(zone_nr(ZONE_HIGHMEM));
	page = alloc_pages(__GFP_HIGHMEM | NOWARN, 0);
	next = page ? page_zonenum(page) : MAX_NR_ZONES;
	if (page)
		hold(&h, page);

	/* then Normal empties (GFP_KERNEL, which must never take HighMem) and DMA is next */
	bad += exhaust_zone(&h, GFP_NOWAIT, ZONE_NORMAL);	/* GFP_KERNEL's zones */
	page = alloc_pages(__GFP_HIGHMEM | NOWARN, 0);
	if (page) {
		bad += page_zonenum(page) != ZONE_DMA;
		hold(&h, page);
	}
	release_all(&h);

	KTEST_EXPECT_EQ(bad, 0);
	KTEST_EXPECT_EQ(high_free, 0);
	KTEST_EXPECT_EQ(next, ZONE_NORMAL);
	KTEST_EXPECT_TRUE(check_page_alloc());
}

KTEST(buddy, gfp_kernel_never_gets_highmem)
{
	unsigned long high_before, high_after;
	unsigned int high_pages = 0;
	struct page *page;
	struct held h;
	int order;

	drain_all_pages();
	high_before = zone_free_pages(zone_nr(ZONE_HIGHMEM));
	held_init(&h);
	for (order = MAX_ORDER - 1; order >= 0; order--) {
		/* GFP_KERNEL's zones, without calling the shrinkers at each failure */
		while ((page = alloc_pages(GFP_NOWAIT | NOWARN, order))) {
			high_pages += PageHighMem(page);
			hold(&h, page);
		}
	}
	drain_all_pages();
	high_after = zone_free_pages(zone_nr(ZONE_HIGHMEM));
	page = alloc_pages(GFP_NOWAIT | NOWARN, 0);
	if (page)
		hold(&h, page);
	release_all(&h);

	KTEST_EXPECT_EQ(high_pages, 0);
	KTEST_EXPECT_EQ(high_after, high_before);
	KTEST_EXPECT_NULL(page);
}

KTEST(buddy, gfp_dma_pages_are_below_16mib)
{
	unsigned int i, above = 0;
	unsigned long addr;
	struct held h;

	held_init(&h);
	for (i = 0; i < 64; i++) {
		struct page *page = alloc_pages(GFP_DMA | NOWARN, i % 5);

		if (!page)
			break;
		above += page_to_pfn(page) + (1UL << (i % 5)) > MAX_DMA_PFN;
		hold(&h, page);
	}
	KTEST_EXPECT_GT(h.pages, 0);
	release_all(&h);
	KTEST_EXPECT_EQ(above, 0);

	addr = get_zeroed_page(GFP_DMA);
	KTEST_EXPECT_NE(addr, 0);
	KTEST_EXPECT_LT(__pa(addr), MAX_DMA_ADDRESS);
	free_page(addr);
}

static bool page_is_zero(struct page *page, unsigned int order)
{
	const u32 *p = page_address(page);
	unsigned long i;

	for (i = 0; i < (PAGE_SIZE << order) / sizeof(*p); i++)
		if (p[i])
			return false;
	return true;
}

KTEST(buddy, gfp_zero_returns_zeroed_pages)
{
	struct page *page, *big, *high;
	unsigned long addr;

	/* dirty a page and a block, free them: LIFO lists hand them out again */
	page = alloc_page(GFP_KERNEL);
	big = alloc_pages(GFP_KERNEL, 2);
	KTEST_ASSERT_NOT_NULL(page);
	KTEST_ASSERT_NOT_NULL(big);
	memset(page_address(page), 0xa5, PAGE_SIZE);
	memset(page_address(big), 0xa5, PAGE_SIZE << 2);
	__free_page(page);
	__free_pages(big, 2);

	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	big = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	addr = get_zeroed_page(GFP_KERNEL);
	KTEST_EXPECT_TRUE(page && page_is_zero(page, 0));
	KTEST_EXPECT_TRUE(big && page_is_zero(big, 2));
	KTEST_EXPECT_TRUE(addr && page_is_zero(virt_to_page(addr), 0));

	/* HighMem is zeroed through the highmem hook, or the page comes from low memory */
	high = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	KTEST_EXPECT_NOT_NULL(high);
	if (high && !PageHighMem(high))
		KTEST_EXPECT_TRUE(page_is_zero(high, 0));

	if (page)
		__free_page(page);
	if (big)
		__free_pages(big, 2);
	free_page(addr);
	if (high)
		__free_page(high);
}

KTEST(buddy, bad_frees_are_reported_and_change_nothing)
{
	struct page *page, *block;
	unsigned long free;

	page = alloc_page(GFP_KERNEL);
	block = alloc_pages(GFP_KERNEL, 2);
	KTEST_ASSERT_NOT_NULL(page);
	KTEST_ASSERT_NOT_NULL(block);
	__free_page(page);
	free = nr_free_pages();

	KTEST_EXPECT_REPORT("BUG: Bad page free: double free");
	KTEST_EXPECT_REPORT("BUG: Bad page free: bad order");
	KTEST_EXPECT_REPORT("BUG: Bad page free: reserved page");
	ktest_capture_start();
	__free_page(page);			/* double free */
	KTEST_EXPECT_LOGGED("double free");
	__free_pages(block, 3);			/* allocated as order 2 */
	KTEST_EXPECT_LOGGED("bad order");
	__free_page(pfn_to_page(0));		/* the first page is always reserved */
	KTEST_EXPECT_LOGGED("reserved page");
	KTEST_EXPECT_LOGGED("pfn 0x0 ");
	ktest_capture_stop();

	KTEST_EXPECT_EQ(nr_free_pages(), free);
	KTEST_EXPECT_EQ(page_count(block), 1);
	KTEST_EXPECT_TRUE(check_page_alloc());
	__free_pages(block, 2);
	KTEST_EXPECT_EQ(nr_free_pages(), free + 4);
}

KTEST(buddy, order_above_10_returns_null)
{
	unsigned long free = nr_free_pages();

	KTEST_EXPECT_NULL(alloc_pages(GFP_KERNEL | NOWARN, MAX_ORDER));
	KTEST_EXPECT_NULL(alloc_pages(GFP_KERNEL | NOWARN, 1000));
	KTEST_EXPECT_EQ(__get_free_pages(GFP_KERNEL | NOWARN, 12), 0);
	KTEST_EXPECT_EQ(nr_free_pages(), free);
}

KTEST(buddy, random_alloc_free_run_restores_counts)
{
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_HIGHUSER, GFP_DMA, GFP_ATOMIC,
				      GFP_KERNEL | __GFP_ZERO, GFP_KERNEL | __GFP_COMP };
	static struct page *slot[128];
	unsigned long start, held = 0, miscounts = 0, misaligned = 0;
	u32 seed = 20240601;
	unsigned int i;
	int op;

	save_free_lists();
	start = nr_free_pages();
	memset(slot, 0, sizeof(slot));
	for (op = 0; op < 5000; op++) {
		u32 r = next_rand(&seed);
		unsigned int s = r % ARRAY_SIZE(slot), pick = (r >> 8) % 100, order;

		if (slot[s]) {
			held -= 1UL << slot[s]->private;
			__free_pages(slot[s], slot[s]->private);
			slot[s] = NULL;
		} else {
			order = pick < 70 ? 0 : pick < 90 ? 1 + (r >> 16) % 3 : 4 + (r >> 16) % 7;
			slot[s] = alloc_pages(gfps[(r >> 24) % ARRAY_SIZE(gfps)] | NOWARN, order);
			if (slot[s]) {
				misaligned += !IS_ALIGNED(page_to_pfn(slot[s]), 1UL << order);
				held += 1UL << order;
			}
		}
		miscounts += nr_free_pages() != start - held;
	}
	for (i = 0; i < ARRAY_SIZE(slot); i++)
		if (slot[i])
			__free_pages(slot[i], slot[i]->private);

	KTEST_EXPECT_EQ(miscounts, 0);
	KTEST_EXPECT_EQ(misaligned, 0);
	KTEST_EXPECT_EQ(nr_free_pages(), start);
	KTEST_EXPECT_TRUE(free_lists_as_saved());
	KTEST_EXPECT_TRUE(check_page_alloc());
}

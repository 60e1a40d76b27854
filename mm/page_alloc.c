/*
 * The buddy page allocator: every physical page the kernel hands out comes from here.
 *
 * Problem. Callers want runs of 2^order physically contiguous pages (a page table, a
 * slab, a 16 KiB DMA buffer) and give them back in any order. A bitmap or a single
 * free list makes finding a contiguous run slow and lets free memory crumble into
 * pieces nobody can use.
 *
 * Data structure. Free memory is kept as blocks of 2^order pages, order 0..10, one
 * free list per order in each zone (zone->free_area[order]). A block of order k starts
 * at a pfn that is a multiple of 2^k, so its "buddy" (the other half of the block of
 * order k+1 that contains it) is at pfn ^ (1 << k): no search, one XOR.
 *  - alloc_pages(order) takes the first block of the smallest order >= order that is
 *    not empty and splits it, putting the unused halves back on the lower lists
 *    (expand()).
 *  - __free_pages() merges the block with its buddy while the buddy is free
 *    (PG_buddy), of the same order (page->private) and in the same zone, then puts the
 *    result on its list (__free_one_page()).
 * The head page of every free block has PG_buddy set and its order in page->private;
 * the lists link the head pages through page->lru. Nothing else is stored: the free
 * lists live inside mem_map.
 *
 * Single pages. Most requests are order 0, and splitting/merging for each of them is
 * wasted work: a page freed now is typically allocated again soon. As in Linux, each
 * zone keeps a small stack of hot single pages (zone->pcp): freeing pushes, allocating
 * pops, and only every "batch" operations does the buddy code run (rmqueue_bulk(),
 * free_pcppages_bulk()). The cost: pages on the pcp stack do not merge until drained,
 * so a failing allocation first calls drain_all_pages() and tries again.
 *
 * Checks. A bad free must be reported, never allowed to corrupt the lists, so every
 * free is checked against the page's state: refcount 1 (0 means already free),
 * not PG_reserved/PG_buddy/PG_slab, and page->private equal to the order, because
 * allocation records the order of every block it hands out in its first page's
 * private field (the same field a free block and a compound page keep it in). The
 * common, clean order-0 case costs one combined test; anything unusual goes to
 * free_pages_checked(), which reports and returns without touching a list.
 *
 * Rejected: a bitmap per order (Linux before 2.6.x) needs extra memory and a search
 * for the lowest set bit; a plain free-list allocator per zone cannot give contiguous
 * runs. Lists are LIFO (hot pages first) rather than sorted: sorting would cost a walk.
 *
 * Concurrency: one CPU; lists are only changed with interrupts off (zone_lock()).
 *
 * Relies on: struct page and mem_map (mm_types.h, mm.h), zones (mmzone.h), memblock
 * (for mem_map itself at boot). Used by: slab, vmalloc, page tables, page faults.
 */
#include "mm.h"
#include "mmzone.h"
#include "gfp.h"
#include "shrinker.h"
#include "memblock.h"
#include "kernel.h"
#include "printk.h"
#include "string.h"
#ifndef HOST_TEST
#include "asm/x86.h"
#endif

#ifndef HOST_TEST
/* mem_map costs sizeof(struct page) per 4 KiB: keep it at 32 bytes (0.8 % of RAM). */
_Static_assert(sizeof(struct page) <= 32, "struct page must not grow beyond 32 bytes");
#endif

struct page *mem_map;
unsigned long max_pfn;
unsigned long max_low_pfn;
void *high_memory;

struct pglist_data contig_page_data;

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem" };

/* Flags that must be clear for the fast free path; PG_head, PG_dirty take the slow one. */
#define PAGE_FLAGS_MASK		((1UL << NR_PAGEFLAGS) - 1)
/* Flags that make a free a bug. */
#define PAGE_FLAGS_BAD_AT_FREE	((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_slab))

static unsigned long fail_page_alloc_nr;	/* fault injection, see gfp.h */
static void (*clear_highpage_fn)(struct page *page);
static unsigned long kernel_image_bytes;
static bool in_reclaim;

/*
 * Fast-path zone per gfp zone bits (__GFP_DMA | __GFP_HIGHMEM): the first zone with
 * memory in the fallback order. Until memory is released they all point at an empty
 * stack, so early calls fall through to the slow path and fail cleanly.
 */
static struct per_cpu_pages empty_pcp;
static struct per_cpu_pages *fast_pcp[4] = { &empty_pcp, &empty_pcp, &empty_pcp, &empty_pcp };

/* The free path finds a page's pcp from the zone bits of its flags with one load. */
static struct per_cpu_pages *const zone_pcp[1 << ZONES_SHIFT] = {
	&contig_page_data.node_zones[ZONE_DMA].pcp,
	&contig_page_data.node_zones[ZONE_NORMAL].pcp,
	&contig_page_data.node_zones[ZONE_HIGHMEM].pcp,
	&empty_pcp,
};

/*
 * One CPU, but an interrupt (or a task switch it causes) may arrive in the middle of a
 * list update and allocate itself: lists and counters change only with interrupts
 * off. Host tests have no interrupts.
 */
#ifdef HOST_TEST
static inline unsigned long zone_lock(void)
{
	return 0;
}

static inline void zone_unlock(unsigned long flags)
{
	(void)flags;
}
#else
static inline unsigned long zone_lock(void)
{
	return local_irq_save();
}

static inline void zone_unlock(unsigned long flags)
{
	local_irq_restore(flags);
}
#endif

/* Highest zone a request may use; the fallback walks down from it, never up. */
static inline enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	if (gfp & __GFP_HIGHMEM)
		return ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

/* ---------------------------------------------------------------------------------
 * The buddy lists
 */

static inline void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	page->private = order;
	set_page_flag(page, PG_buddy);
	list_add(&page->lru, &area->free_list);
	area->nr_free++;
	zone->free_pages += 1UL << order;
}

static inline void del_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	clear_page_flag(page, PG_buddy);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->free_pages -= 1UL << order;
}

/* Is the page at buddy_pfn the head of a free block we may merge with? */
static inline bool page_is_buddy(struct zone *zone, unsigned long buddy_pfn, unsigned int order)
{
	struct page *buddy;

	if (!zone_spans_pfn(zone, buddy_pfn))	/* also keeps us inside mem_map */
		return false;
	buddy = pfn_to_page(buddy_pfn);
	return PageBuddy(buddy) && buddy->private == order;
}

/*
 * Put a block of 2^order pages starting at pfn on the free lists, merging it with its
 * buddy for as long as the buddy is a free block of the same order. The merged block
 * starts at the lower of the two pfns: pfn & buddy_pfn clears bit "order".
 */
static void __free_one_page(struct zone *zone, unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);

		if (!page_is_buddy(zone, buddy_pfn, order))
			break;
		del_from_free_list(pfn_to_page(buddy_pfn), zone, order);
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), zone, order);
}

/*
 * A block of order high was taken for a request of order low: give back the upper
 * halves, largest first. What stays is the first 2^low pages of the block.
 */
static inline void expand(struct zone *zone, struct page *page, unsigned int low,
			  unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(page + size, zone, high);
	}
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	unsigned int cur;

	for (cur = order; cur < MAX_ORDER; cur++) {
		struct free_area *area = &zone->free_area[cur];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(page, zone, cur);
		expand(zone, page, order, cur);
		return page;
	}
	return NULL;
}

/* ---------------------------------------------------------------------------------
 * The pcp stack of hot single pages
 */

/* Refill: move up to count single pages from the buddy lists to the pcp stack. */
static void rmqueue_bulk(struct zone *zone, unsigned int count)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	struct page *page;

	while (count-- && (page = __rmqueue_smallest(zone, 0)))
		pcp->pages[pcp->count++] = page;
}

/* Drain: give count pages from the top of the stack back to the buddy lists. */
static void free_pcppages_bulk(struct zone *zone, unsigned int count)
{
	struct per_cpu_pages *pcp = &zone->pcp;

	while (count-- && pcp->count) {
		struct page *page = pcp->pages[--pcp->count];

		__free_one_page(zone, page_to_pfn(page), 0);
	}
}

static inline void free_unref_page(struct page *page)
{
	struct per_cpu_pages *pcp = zone_pcp[page_zonenum(page)];
	unsigned long flags = zone_lock();

	pcp->pages[pcp->count++] = page;
	if (unlikely(pcp->count >= pcp->high))
		free_pcppages_bulk(container_of(pcp, struct zone, pcp), pcp->batch);
	zone_unlock(flags);
}

void drain_all_pages(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long flags = zone_lock();

		free_pcppages_bulk(zone, zone->pcp.count);
		zone_unlock(flags);
	}
}

/* ---------------------------------------------------------------------------------
 * Allocation
 */

static void zero_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	if (!PageHighMem(page)) {
		memset(page_address(page), 0, PAGE_SIZE << order);
		return;
	}
	for (i = 0; i < (1UL << order); i++)
		clear_highpage_fn(page + i);
}

/* A block leaves the allocator: refcount 1, its order recorded for the free check. */
static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	page->_refcount = 1;
	page->private = order;
	if (order && (gfp & __GFP_COMP))
		set_page_flag(page, PG_head);
	if (gfp & __GFP_ZERO)
		zero_pages(page, order);
}

static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	struct page *page = NULL;
	unsigned long flags = zone_lock();

	if (order) {
		page = __rmqueue_smallest(zone, order);
	} else {
		if (!pcp->count)
			rmqueue_bulk(zone, pcp->batch);
		if (pcp->count)
			page = pcp->pages[--pcp->count];
	}
	zone_unlock(flags);
	return page;
}

/* Walk the zones from the highest allowed one down: HighMem -> Normal -> DMA. */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order)
{
	int z;

	for (z = gfp_zone(gfp); z >= 0; z--) {
		struct zone *zone = &contig_page_data.node_zones[z];
		struct page *page;

		if (!zone->managed_pages)
			continue;
		if (z == ZONE_HIGHMEM && (gfp & __GFP_ZERO) && !clear_highpage_fn)
			continue;
		page = rmqueue(zone, order);
		if (page) {
			prep_new_page(page, order, gfp);
			return page;
		}
	}
	return NULL;
}

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	if (gfp & __GFP_NOWARN)
		return;
	if (order >= MAX_ORDER)
		pr_warn("page allocation failure: order:%u (largest is %d), mode:0x%x\n",
			order, MAX_ORDER - 1, gfp);
	else
		pr_warn("page allocation failure: order:%u, mode:0x%x, %lu pages free\n",
			order, gfp, nr_free_pages());
}

static __attribute__((noinline)) struct page *__alloc_pages_slowpath(gfp_t gfp,
								  unsigned int order)
{
	struct page *page;

	if (order >= MAX_ORDER) {
		warn_alloc(gfp, order);
		return NULL;
	}
	if (fail_page_alloc_nr) {		/* injected failures stay silent */
		if (fail_page_alloc_nr != ~0UL)
			fail_page_alloc_nr--;
		return NULL;
	}

	page = get_page_from_freelist(gfp, order);
	if (page)
		return page;

	/* Pages sitting on pcp stacks may complete the block we need. */
	drain_all_pages();
	page = get_page_from_freelist(gfp, order);

	/* Last resort: ask the caches to give pages back, once (no recursion). */
	if (!page && (gfp & __GFP_RECLAIM) && !in_reclaim) {
		in_reclaim = true;
		if (shrink_all()) {
			drain_all_pages();
			page = get_page_from_freelist(gfp, order);
		}
		in_reclaim = false;
	}
	if (!page)
		warn_alloc(gfp, order);
	return page;
}

/*
 * The fast path: a plain order-0 request is served from the first zone's pcp stack in a
 * few instructions. Everything else (higher orders, __GFP_ZERO, an empty list, fault
 * injection) takes the slow path, which also handles the zone fallback.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	if (likely(order == 0 && !(gfp & __GFP_ZERO) && !fail_page_alloc_nr)) {
		struct per_cpu_pages *pcp = fast_pcp[gfp & (__GFP_DMA | __GFP_HIGHMEM)];
		unsigned long flags = zone_lock();

		if (likely(pcp->count)) {
			struct page *page = pcp->pages[--pcp->count];

			page->_refcount = 1;	/* private is already 0 on a pcp page */
			zone_unlock(flags);
			return page;
		}
		zone_unlock(flags);
	}
	return __alloc_pages_slowpath(gfp, order);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	/* The caller wants an address: HighMem pages have none. */
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void fail_page_alloc_set(unsigned long nr)
{
	fail_page_alloc_nr = nr;
}

void page_alloc_set_clear_highpage(void (*clear_highpage)(struct page *page))
{
	clear_highpage_fn = clear_highpage;
}

/* ---------------------------------------------------------------------------------
 * Freeing
 */

static void bad_free(unsigned long pfn, unsigned int order, const char *what)
{
	pr_err("BUG: Bad page free: %s, pfn 0x%lx order %u\n", what, pfn, order);
	dump_stack();
}

/*
 * Are all the other pages of the block allocated with it? A tail that is free, reserved,
 * or used on its own means the order is wrong (or memory is corrupt): freeing would
 * put pages on two lists at once.
 */
static bool block_tails_ok(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 1; i < (1UL << order); i++) {
		struct page *tail = page + i;

		if ((tail->flags & (PAGE_FLAGS_BAD_AT_FREE | (1UL << PG_head))) ||
		    tail->_refcount)
			return false;
	}
	return true;
}

/*
 * Why may this block, whose last reference is being dropped, not be freed? NULL if it
 * may. A wrong order is caught by the order recorded at allocation in page->private,
 * by alignment (a block of order k starts at a multiple of 2^k), and by the tails.
 */
static const char *free_page_problem(struct page *page, unsigned long pfn,
				     unsigned int order, char *buf, size_t size)
{
	if (PageReserved(page))
		return "reserved page";
	if (PageSlab(page))
		return "page still belongs to a slab";
	if (page->_mapcount)
		return "page still mapped in a page table";
	if (order >= MAX_ORDER || !IS_ALIGNED(pfn, 1UL << order) || page->private != order) {
		snprintf(buf, size, "bad order (block was allocated with order %lu)",
			 page->private);
		return buf;
	}
	if (order && !block_tails_ok(page, order))
		return "bad order (pages of the block are not all allocated)";
	return NULL;
}

/*
 * Every check, for the frees the fast path does not take: higher orders, compound and
 * dirty pages, shared pages (refcount > 1) and all the mistakes. A mistake is reported
 * and the page left exactly as it was.
 */
static __attribute__((noinline)) void free_pages_checked(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long flags;
	const char *why;
	char buf[64];

	if (pfn >= max_pfn) {
		pr_err("BUG: Bad page free: pfn 0x%lx outside mem_map (max_pfn 0x%lx), order %u\n",
		       pfn, max_pfn, order);
		dump_stack();
		return;
	}
	if (PageBuddy(page) || page->_refcount <= 0) {
		bad_free(pfn, order, "double free (page is already free)");
		return;
	}
	if (page->_refcount > 1) {		/* still shared: drop our reference */
		page->_refcount--;
		return;
	}
	why = free_page_problem(page, pfn, order, buf, sizeof(buf));
	if (why) {
		bad_free(pfn, order, why);
		return;
	}

	page->flags &= ~PAGE_FLAGS_MASK;	/* drops PG_head, PG_dirty; keeps the zone */
	page->_refcount = 0;
	if (!order) {
		free_unref_page(page);
		return;
	}
	flags = zone_lock();
	__free_one_page(page_zone(page), pfn, order);
	zone_unlock(flags);
}

/*
 * The fast path: a clean order-0 page with refcount 1 (the test below is what
 * free_pages_checked() would find) goes straight onto the pcp stack.
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	if (likely(order == 0 && pfn < max_pfn && page->_refcount == 1 &&
		   !((page->flags & PAGE_FLAGS_MASK) | page->private | (unsigned int)page->_mapcount))) {
		page->_refcount = 0;
		free_unref_page(page);
		return;
	}
	free_pages_checked(page, order);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid(addr) || (addr & ~PAGE_MASK)) {
		pr_err("BUG: Bad page free: free_pages(0x%lx, %u) is not a page in the direct map\n",
		       addr, order);
		dump_stack();
		return;
	}
	__free_pages(virt_to_page(addr), order);
}

/* Drop a reference; the last one frees the page (a compound page frees all of it). */
void put_page(struct page *page)
{
	unsigned int order = 0;

	if (page_to_pfn(page) < max_pfn && PageHead(page))
		order = page->private;
	__free_pages(page, order);
}

/* ---------------------------------------------------------------------------------
 * Counters and addresses
 */

unsigned long nr_free_pages(void)
{
	const struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone_free_pages(zone);
	return sum;
}

unsigned long totalram_pages(void)
{
	const struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone->managed_pages;
	return sum;
}

void *page_address(const struct page *page)
{
	unsigned long pfn = page_to_pfn(page);

	if (pfn < max_low_pfn)
		return __va(PFN_PHYS(pfn));
	return page->virtual;		/* set by kmap() while the HighMem page is mapped */
}

/* ---------------------------------------------------------------------------------
 * Shrinkers (Linux's vmscan.c in miniature)
 */

static LIST_HEAD(shrinker_list);

void register_shrinker(struct shrinker *s)
{
	list_add_tail(&s->list, &shrinker_list);
}

void unregister_shrinker(struct shrinker *s)
{
	list_del_init(&s->list);
}

unsigned long shrink_all(void)
{
	struct shrinker *s, *n;
	unsigned long freed = 0;

	list_for_each_entry_safe(s, n, &shrinker_list, list)
		freed += s->scan(s);
	return freed;
}

/* ---------------------------------------------------------------------------------
 * Boot: zones, mem_map, releasing free memory
 */

static void build_fast_zones(void)
{
	unsigned int bits;

	for (bits = 0; bits < ARRAY_SIZE(fast_pcp); bits++) {
		int z;

		fast_pcp[bits] = &empty_pcp;
		for (z = gfp_zone(bits); z >= 0; z--) {
			struct zone *zone = &contig_page_data.node_zones[z];

			if (zone->managed_pages) {
				fast_pcp[bits] = &zone->pcp;
				break;
			}
		}
	}
}

static void zone_init(struct zone *zone, enum zone_type z, unsigned long start,
		      unsigned long end)
{
	unsigned int order;
	unsigned long batch;

	zone->name = zone_names[z];
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = memblock_present_pages(start, end);
	for (order = 0; order < MAX_ORDER; order++)
		INIT_LIST_HEAD(&zone->free_area[order].free_list);

	/* About 1/1024 of the zone per refill, at most 31 pages (Linux's batch size). */
	batch = zone->present_pages >> 10;
	batch = batch < 1 ? 1 : min(batch, (unsigned long)PCP_BATCH_MAX);
	zone->pcp.batch = batch;
	zone->pcp.high = 6 * batch;
}

/* Every page starts reserved, in use once (refcount 1), with its zone in its flags. */
static void memmap_init_zone(enum zone_type z, unsigned long start, unsigned long end)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_page(pfn);

		page->flags = ((unsigned long)z << ZONES_PGSHIFT) | (1UL << PG_reserved);
		page->_refcount = 1;
		page->_mapcount = 0;
		page->private = 0;
		INIT_LIST_HEAD(&page->lru);
		page->slab_cache = NULL;
		page->slab = NULL;
	}
}

static void alloc_node_mem_map(void)
{
	unsigned long size = PAGE_ALIGN(max_pfn * sizeof(struct page));
	phys_addr_t phys = memblock_alloc(size, PAGE_SIZE);

	if (!phys)
		panic("Not enough low memory for mem_map: %lu KiB for %lu pages",
		      size >> 10, max_pfn);
	mem_map = __va(phys);
}

static void print_zone_ranges(const unsigned long *max_zone_pfns)
{
	unsigned long start = 0;
	int z;

	pr_info("Zone ranges:\n");
	for (z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long end = max_zone_pfns[z];

		if (end > start)
			pr_info("  %-8s [mem 0x%08llx-0x%08llx]\n", zone_names[z],
			       (unsigned long long)start << PAGE_SHIFT,
			       ((unsigned long long)end << PAGE_SHIFT) - 1);
		else
			pr_info("  %-8s empty\n", zone_names[z]);
		start = end;
	}
}

/*
 * Zone z covers [max_zone_pfns[z-1], max_zone_pfns[z]). Sets max_pfn, max_low_pfn and
 * high_memory from the bounds, takes mem_map from memblock and marks every page
 * reserved: nothing is free until free_pages_range() says so.
 */
void free_area_init(unsigned long max_zone_pfns[MAX_NR_ZONES])
{
	unsigned long start = 0;
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++)
		if (max_zone_pfns[z] < (z ? max_zone_pfns[z - 1] : 0))
			panic("free_area_init: zone ends must not decrease");
	if (max_zone_pfns[ZONE_DMA] > MAX_DMA_PFN || max_zone_pfns[ZONE_NORMAL] > MAXMEM_PFN)
		panic("free_area_init: DMA ends above 16 MiB or Normal above MAXMEM");

	max_low_pfn = max_zone_pfns[ZONE_NORMAL];
	max_pfn = max_zone_pfns[ZONE_HIGHMEM];
	high_memory = __va(PFN_PHYS(max_low_pfn));
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	build_fast_zones();
	alloc_node_mem_map();
	print_zone_ranges(max_zone_pfns);

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &contig_page_data.node_zones[z];

		zone_init(zone, z, start, max_zone_pfns[z]);
		memmap_init_zone(z, start, max_zone_pfns[z]);
		contig_page_data.node_present_pages += zone->present_pages;
		start = max_zone_pfns[z];
	}
	contig_page_data.node_spanned_pages = max_pfn;
}

void zone_sizes_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = {
		[ZONE_DMA] = min(MAX_DMA_PFN, max_low_pfn),
		[ZONE_NORMAL] = max_low_pfn,
		[ZONE_HIGHMEM] = max_pfn,
	};

	free_area_init(max_zone_pfns);
}

/* Largest order whose aligned block starts at pfn and ends by limit. */
static unsigned int max_order_at(unsigned long pfn, unsigned long limit)
{
	unsigned int order = MAX_ORDER - 1;

	if (pfn)
		order = min((unsigned int)__builtin_ctzl(pfn), order);
	while (pfn + (1UL << order) > limit)
		order--;
	return order;
}

static bool block_all_reserved(unsigned long pfn, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++)
		if (!PageReserved(pfn_to_page(pfn + i)))
			return false;
	return true;
}

/* __free_pages_core: hand a reserved block to the buddy allocator for the first time. */
static void __free_pages_core(struct zone *zone, unsigned long pfn, unsigned int order)
{
	unsigned long i, flags;

	for (i = 0; i < (1UL << order); i++) {
		struct page *page = pfn_to_page(pfn + i);

		clear_page_flag(page, PG_reserved);
		page->_refcount = 0;
	}
	zone->managed_pages += 1UL << order;
	flags = zone_lock();
	__free_one_page(zone, pfn, order);
	zone_unlock(flags);
}

/*
 * Release [start_pfn, end_pfn) to the buddy allocator in the largest aligned blocks
 * that fit, never across a zone boundary. Only PG_reserved pages are released; a page
 * that is not reserved is already the allocator's and is reported, not freed twice.
 * Returns the number of pages released.
 */
unsigned long free_pages_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn, count = 0;

	end_pfn = min(end_pfn, max_pfn);
	while (pfn < end_pfn) {
		struct zone *zone = page_zone(pfn_to_page(pfn));
		unsigned int order = max_order_at(pfn, min(end_pfn, zone_end_pfn(zone)));

		if (!block_all_reserved(pfn, order)) {
			order = 0;
			if (!PageReserved(pfn_to_page(pfn))) {
				bad_free(pfn, 0, "free_pages_range: page is not reserved (double free)");
				pfn++;
				continue;
			}
		}
		__free_pages_core(zone, pfn, order);
		count += 1UL << order;
		pfn += 1UL << order;
	}
	build_fast_zones();
	return count;
}

/* ---------------------------------------------------------------------------------
 * Invariant checker: used by the self-tests, the host tests and the fuzz target
 */

static __printf(2, 3) bool check_fail(const struct zone *zone, const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pr_err("check_page_alloc: zone %s: %s\n", zone->name, buf);
	return false;
}

/* Every list entry: inside the zone, flagged, right order, aligned, not mergeable. */
static bool check_free_area(struct zone *zone, unsigned int order, unsigned long *pages)
{
	struct free_area *area = &zone->free_area[order];
	unsigned long n = 0;
	struct page *page;

	list_for_each_entry(page, &area->free_list, lru) {
		unsigned long pfn = page_to_pfn(page);

		if (++n > zone->spanned_pages)
			return check_fail(zone, "order-%u list loops", order);
		if (!zone_spans_pfn(zone, pfn) || page_zonenum(page) != zone_idx(zone))
			return check_fail(zone, "pfn 0x%lx on the list is not in the zone", pfn);
		if (!PageBuddy(page) || page->private != order || page->_refcount)
			return check_fail(zone, "pfn 0x%lx on the order-%u list: flags 0x%lx order %lu refcount %d",
					  pfn, order, page->flags, page->private, page->_refcount);
		if (!IS_ALIGNED(pfn, 1UL << order) || pfn + (1UL << order) > zone_end_pfn(zone))
			return check_fail(zone, "order-%u block at pfn 0x%lx misaligned or past the zone",
					  order, pfn);
		if (order < MAX_ORDER - 1 && page_is_buddy(zone, pfn ^ (1UL << order), order))
			return check_fail(zone, "free buddies pfn 0x%lx and pfn 0x%lx not merged",
					  pfn, pfn ^ (1UL << order));
	}
	if (n != area->nr_free)
		return check_fail(zone, "order %u: %lu blocks listed, nr_free says %lu",
				  order, n, area->nr_free);
	*pages += n << order;
	return true;
}

/* mem_map walk: free blocks do not overlap and contain no page in use. */
static bool check_free_blocks_disjoint(struct zone *zone, unsigned long nr_blocks)
{
	unsigned long pfn, covered = 0, heads = 0;

	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (PageBuddy(page)) {
			if (pfn < covered)
				return check_fail(zone, "free block at pfn 0x%lx overlaps another", pfn);
			if (page->private >= MAX_ORDER)
				return check_fail(zone, "free pfn 0x%lx has order %lu", pfn, page->private);
			covered = pfn + (1UL << page->private);
			heads++;
		} else if (pfn < covered && (page->_refcount ||
					     (page->flags & (PAGE_FLAGS_BAD_AT_FREE | (1UL << PG_head))))) {
			return check_fail(zone, "pfn 0x%lx inside a free block is in use", pfn);
		}
	}
	if (heads != nr_blocks)
		return check_fail(zone, "%lu PG_buddy pages but %lu blocks on the lists",
				  heads, nr_blocks);
	return true;
}

static bool pfn_in_free_block(struct zone *zone, unsigned long pfn)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long head = pfn & ~((1UL << order) - 1);

		if (page_is_buddy(zone, head, order))
			return true;
	}
	return false;
}

static bool check_pcp(struct zone *zone)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	unsigned int i, j;

	if (pcp->count > pcp->high || pcp->high > PCP_HIGH_MAX)
		return check_fail(zone, "pcp count %u, high %u", pcp->count, pcp->high);
	for (i = 0; i < pcp->count; i++) {
		struct page *page = pcp->pages[i];
		unsigned long pfn = page_to_pfn(page);

		if (!zone_spans_pfn(zone, pfn) || page->_refcount || page->private ||
		    (page->flags & PAGE_FLAGS_MASK))
			return check_fail(zone, "pcp page pfn 0x%lx: flags 0x%lx refcount %d private %lu",
					  pfn, page->flags, page->_refcount, page->private);
		if (pfn_in_free_block(zone, pfn))
			return check_fail(zone, "pcp page pfn 0x%lx is inside a free block", pfn);
		for (j = 0; j < i; j++)
			if (pcp->pages[j] == page)
				return check_fail(zone, "pfn 0x%lx twice on the pcp stack", pfn);
	}
	return true;
}

static bool check_zone(struct zone *zone)
{
	unsigned long pages = 0, blocks = 0;
	unsigned int order;

	if (!zone->free_area[0].free_list.next)		/* never initialised */
		return true;
	for (order = 0; order < MAX_ORDER; order++) {
		if (!check_free_area(zone, order, &pages))
			return false;
		blocks += zone->free_area[order].nr_free;
	}
	if (pages != zone->free_pages)
		return check_fail(zone, "%lu pages on the lists, free_pages says %lu",
				  pages, zone->free_pages);
	if (zone->free_pages + zone->pcp.count > zone->managed_pages)
		return check_fail(zone, "more free pages than managed ones");
	return check_free_blocks_disjoint(zone, blocks) && check_pcp(zone);
}

bool check_page_alloc(void)
{
	struct zone *zone;
	bool ok = true;

	for_each_zone(zone) {
		unsigned long flags = zone_lock();

		ok = check_zone(zone) && ok;
		zone_unlock(flags);
	}
	return ok;
}

/* ---------------------------------------------------------------------------------
 * Introspection: /proc/buddyinfo, /proc/zoneinfo, /proc/meminfo
 */

void show_buddyinfo(void)
{
	const struct zone *zone;

	for_each_zone(zone) {
		char line[160];
		int len, order;

		if (!populated_zone(zone))
			continue;
		len = snprintf(line, sizeof(line), "Node 0, zone %8s ", zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			len += snprintf(line + len, sizeof(line) - len, "%6lu ",
					zone->free_area[order].nr_free);
		printk("%s\n", line);
	}
}

void show_zoneinfo(void)
{
	const struct zone *zone;

	for_each_zone(zone) {
		printk("Node 0, zone %8s\n", zone->name);
		printk("  pages free     %lu\n", zone->free_pages);
		printk("        pcp      %u (batch %u, high %u)\n",
		       zone->pcp.count, zone->pcp.batch, zone->pcp.high);
		printk("        spanned  %lu\n", zone->spanned_pages);
		printk("        present  %lu\n", zone->present_pages);
		printk("        managed  %lu\n", zone->managed_pages);
		printk("  start_pfn:     %lu\n", zone->zone_start_pfn);
	}
}

void meminfo_set_kernel_image(unsigned long bytes)
{
	kernel_image_bytes = bytes;
}

static void meminfo_line(const char *name, unsigned long kib)
{
	printk("%-15s %8lu kB\n", name, kib);
}

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

void show_meminfo(void)
{
	const struct zone *high = &contig_page_data.node_zones[ZONE_HIGHMEM];
	unsigned long high_free = zone_free_pages(high);

	meminfo_line("MemTotal:", K(totalram_pages()));
	meminfo_line("MemFree:", K(nr_free_pages()));
	meminfo_line("HighTotal:", K(high->managed_pages));
	meminfo_line("HighFree:", K(high_free));
	meminfo_line("LowTotal:", K(totalram_pages() - high->managed_pages));
	meminfo_line("LowFree:", K(nr_free_pages() - high_free));
	if (kernel_image_bytes)
		meminfo_line("KernelImage:", kernel_image_bytes >> 10);
	meminfo_line("MemMap:", (max_pfn * sizeof(struct page)) >> 10);
}

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
 * Concurrency: one CPU; lists are only changed with interrupts off (zone_lock()), since
 * an interrupt handler may allocate with GFP_ATOMIC; a GFP_KERNEL request with
 * interrupts off is reported (alloc_might_sleep, mm/internal.h).
 *
 * Relies on: struct page and mem_map (mm_types.h, mm.h), zones (mmzone.h), the helpers
 * it shares with its neighbours (mm/internal.h). Zones and mem_map are set up at boot
 * by mm/mm_init.c, the free lists are verified by mm/page_alloc_check.c and reported
 * by mm/show_mem.c. Used by: slab, vmalloc, page tables, page faults.
 */
#include "mm.h"
#include "mmzone.h"
#include "gfp.h"
#include "shrinker.h"
#include "kernel.h"
#include "printk.h"
#include "string.h"
#include "internal.h"

#ifndef HOST_TEST
/* mem_map costs sizeof(struct page) per 4 KiB: keep it at 32 bytes (0.8 % of RAM). */
_Static_assert(sizeof(struct page) <= 32, "struct page must not grow beyond 32 bytes");
#endif

static unsigned long fail_page_alloc_nr;	/* fault injection, see gfp.h */
static void (*clear_highpage_fn)(struct page *page);
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
		char *addr = __va(page_to_phys(page));

		for (i = 0; i < (1UL << order); i++)
			clear_page(addr + i * PAGE_SIZE);
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

static __noinline struct page *__alloc_pages_slowpath(gfp_t gfp,
								  unsigned int order)
{
	struct page *page;

	alloc_might_sleep_slow(gfp);
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
 * The fast path: an order-0 request is served from the first zone's pcp stack in a few
 * instructions, then zeroed if asked (the page-fault path asks for every user page).
 * Everything else (higher orders, an empty list, fault injection, zeroing a HighMem page
 * before kmap exists) takes the slow path, which also handles the zone fallback.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	if (likely(order == 0 && !fail_page_alloc_nr &&
		   (!(gfp & __GFP_ZERO) || clear_highpage_fn))) {
		struct per_cpu_pages *pcp = fast_pcp[gfp & (__GFP_DMA | __GFP_HIGHMEM)];
		unsigned long flags = zone_lock();

		alloc_might_sleep(gfp, flags);

		if (likely(pcp->count)) {
			struct page *page = pcp->pages[--pcp->count];

			page->_refcount = 1;	/* private is already 0 on a pcp page */
			zone_unlock(flags);
			if (gfp & __GFP_ZERO)
				zero_pages(page, 0);
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

void bad_free(unsigned long pfn, unsigned int order, const char *what)
{
	pr_report(KERN_ERR "BUG: Bad page free: %s, pfn 0x%lx order %u\n", what, pfn, order);
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
	if (page_mapped(page))
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
static __noinline void free_pages_checked(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long flags;
	const char *why;
	char buf[64];

	if (pfn >= max_pfn) {
		pr_report(KERN_ERR "BUG: Bad page free: pfn 0x%lx outside mem_map "
			  "(max_pfn 0x%lx), order %u\n", pfn, max_pfn, order);
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

	page->flags &= ~PAGE_FLAGS_MASK;	/* drops PG_head; keeps the zone */
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
		   !((page->flags & PAGE_FLAGS_MASK) | page->private |
		     (unsigned int)(page->_mapcount + 1)))) {
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
		pr_report(KERN_ERR "BUG: Bad page free: free_pages(0x%lx, %u) is not a page "
			  "in the direct map\n", addr, order);
		dump_stack();
		return;
	}
	__free_pages(virt_to_page(addr), order);
}

/* Drop a reference; the last one frees the page (a compound page frees all of it). */
void __put_page(struct page *page)
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
 * The allocator's side of boot (mm/mm_init.c lays out the zones and calls these)
 */

void build_fast_zones(void)
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

/*
 * __free_pages_core: hand a reserved block to the buddy allocator for the first time.
 * Here rather than in mm/mm_init.c (as in Linux) so that __free_one_page() stays
 * static to this file and the free paths keep their inlining.
 */
void __free_pages_core(struct zone *zone, unsigned long pfn, unsigned int order)
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

/*
 * check_page_alloc(): the buddy allocator's invariant checker, for the kernel
 * self-tests, the host unit tests and the fuzz target; no normal path calls it.
 *
 * It verifies everything mm/page_alloc.c promises about a zone: every free-list entry
 * is a PG_buddy head of the right order, aligned, inside its zone and not mergeable with
 * its buddy; nr_free and free_pages agree with the lists; free blocks never overlap and
 * hold no page in use; pcp pages are clean, distinct and outside every free block. The
 * first broken rule is reported with the pfn and the function returns false.
 *
 * Relies on: the free-list helpers and zone lock shared in mm/internal.h, mem_map and
 * zones (mm.h, mmzone.h). Reads only: it never repairs what it finds.
 */
#include "mm.h"
#include "mmzone.h"
#include "kernel.h"
#include "printk.h"
#include "internal.h"

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

/*
 * Zones and the buddy allocator's free lists (mm/page_alloc.c), with Linux's names.
 *
 * Physical memory is one node (Linux's "contig_page_data") cut into three zones by
 * what the hardware and the 3G/1G split allow a page to be used for:
 *
 *	ZONE_DMA	[0, 16 MiB)		ISA DMA can only reach the first 16 MiB
 *	ZONE_NORMAL	[16 MiB, max_low_pfn)	direct-mapped at PAGE_OFFSET (at most 896 MiB)
 *	ZONE_HIGHMEM	[max_low_pfn, max_pfn)	no permanent kernel address: kmap it
 *
 * The zone number of every page is kept in the top ZONES_SHIFT bits of page->flags, so
 * page_zone() costs a shift, and the free path never searches.
 *
 * Each zone keeps MAX_ORDER free lists (free_area[order], blocks of 2^order pages) and
 * one list of hot single pages (pcp, Linux's per-cpu pages: this kernel has one CPU).
 */
#ifndef _MMZONE_H
#define _MMZONE_H

#include "types.h"
#include "list.h"
#include "mm_types.h"
#include "asm/page.h"

enum zone_type {
	ZONE_DMA,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	MAX_NR_ZONES
};

/* Orders 0..MAX_ORDER-1: blocks of 1..1024 pages (4 KiB..4 MiB). */
#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

#define MAX_DMA_ADDRESS		(16UL << 20)
#define MAX_DMA_PFN		(MAX_DMA_ADDRESS >> PAGE_SHIFT)	/* end of ZONE_DMA */
#define MAXMEM_PFN		(MAXMEM >> PAGE_SHIFT)		/* low memory ends here at most */

struct free_area {
	struct list_head free_list;	/* heads of free blocks of this order (PG_buddy) */
	unsigned long nr_free;		/* blocks on free_list, not pages */
};

/*
 * Hot order-0 pages kept out of the buddy lists (Linux's per-cpu pages; one CPU here).
 * Freeing pushes on the stack, allocating pops from it: no split, no merge. When it is
 * empty, batch pages are taken from the buddy lists at once; when it reaches high,
 * batch pages are given back. An array rather than Linux's list: push and pop touch
 * only the array and the count, never the neighbours' struct page.
 * Pages here have refcount 0, private 0 and no PG_buddy: for the buddy lists they are
 * in use (nothing merges with them), for nr_free_pages() they are free.
 */
#define PCP_BATCH_MAX	31
#define PCP_HIGH_MAX	(6 * PCP_BATCH_MAX)

struct per_cpu_pages {
	unsigned int count;		/* pages[0..count), the hottest on top */
	unsigned int high;
	unsigned int batch;
	struct page *pages[PCP_HIGH_MAX];
};

struct zone {
	const char *name;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end pfn - start pfn, holes included */
	unsigned long present_pages;	/* RAM pages in the zone (from memblock) */
	unsigned long managed_pages;	/* pages handed to the buddy allocator */
	unsigned long free_pages;	/* pages on the free_area lists (not the pcp) */
	struct per_cpu_pages pcp;
	struct free_area free_area[MAX_ORDER];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	unsigned long node_start_pfn;
	unsigned long node_spanned_pages;
	unsigned long node_present_pages;
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)(page->flags >> ZONES_PGSHIFT);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline enum zone_type zone_idx(const struct zone *zone)
{
	return (enum zone_type)(zone - contig_page_data.node_zones);
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return pfn >= zone->zone_start_pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

/* Free pages of a zone as nr_free_pages() counts them: buddy lists plus pcp. */
static inline unsigned long zone_free_pages(const struct zone *zone)
{
	return zone->free_pages + zone->pcp.count;
}

#define for_each_zone(zone)						\
	for (zone = contig_page_data.node_zones;			\
	     zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)

/*
 * Boot-time set-up, in this order (after memblock knows RAM and reservations, and
 * max_pfn/max_low_pfn are set):
 *	zone_sizes_init();	or free_area_init(max_zone_pfns) with explicit bounds
 *	memblock_free_all();	releases every page memblock did not keep
 * free_area_init() takes mem_map from memblock and marks every page PG_reserved; only
 * pages later given to free_pages_range() ever reach the free lists. mm_core_init()
 * does both for the kernel and times them; then start_kernel prints the reports with
 * mem_init_print_info() (mm/meminfo.c).
 */
void free_area_init(unsigned long max_zone_pfns[MAX_NR_ZONES]);
void zone_sizes_init(void);
void mm_core_init(void);
extern u64 mem_map_init_tsc;	/* TSC ticks to build mem_map and the free lists (make bench) */
unsigned long free_pages_range(unsigned long start_pfn, unsigned long end_pfn);

/*
 * HighMem pages have no kernel address, so __GFP_ZERO cannot memset them here. The
 * highmem layer registers a function that zeroes one page through a temporary mapping
 * (kmap_atomic). Until one is registered, __GFP_ZERO allocations skip ZONE_HIGHMEM.
 */
void page_alloc_set_clear_highpage(void (*clear_highpage)(struct page *page));

void drain_all_pages(void);		/* give every pcp page back to the buddy lists */
bool check_page_alloc(void);		/* verify every free list; reports and returns false */

/* Introspection, in the format of Linux's /proc files. */
void show_buddyinfo(void);
void show_zoneinfo(void);
void show_meminfo(void);
void mem_init_print_info(void);	/* zoneinfo, buddyinfo and meminfo, at boot */
void meminfo_set_kernel_image(unsigned long bytes);	/* boot code: _end - _text */

#endif /* _MMZONE_H */

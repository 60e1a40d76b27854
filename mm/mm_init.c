/*
 * Zones and mem_map at boot (Linux's mm/mm_init.c): from "RAM ends at pfn N" to a
 * buddy allocator holding every free page.
 *
 * free_area_init() cuts the frames into ZONE_DMA, ZONE_NORMAL and ZONE_HIGHMEM, takes
 * mem_map (one struct page per frame, holes included) from memblock and marks every
 * page PG_reserved with refcount 1: nothing is free until free_pages_range() releases
 * it, in the largest aligned blocks that fit, through __free_pages_core(). So a frame
 * the boot code forgot to release is lost, never handed out twice.
 *
 * mm_core_init() is the generic half of memory set-up, after setup_arch() (the boot
 * loader's map into memblock, arch/x86/kernel/setup.c) and paging_init() (the kernel
 * page tables, arch/x86/mm/init_32.c): zones, mem_map, the hand-over, the reports.
 *
 * Relies on: memblock (for mem_map itself), the buddy allocator's boot entry points
 * and zone lock (mm/internal.h), zones (mmzone.h). Runs once, before any allocation.
 */
#include "mm.h"
#include "mmzone.h"
#include "memblock.h"
#include "kernel.h"
#include "printk.h"
#include "string.h"
#include "internal.h"
#include "asm/x86.h"

struct page *mem_map;
unsigned long max_pfn;
unsigned long max_low_pfn;
void *high_memory;

struct pglist_data contig_page_data;

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem" };

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
		page->_mapcount = -1;	/* no mapping: page_mapcount() is 0 */
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

u64 mem_map_init_tsc;

void mm_core_init(void)
{
	u64 t0 = rdtsc();

	zone_sizes_init();		/* mem_map from memblock, every page reserved */
	memblock_free_all();		/* ... until memblock releases what is free */
	mem_map_init_tsc = rdtsc() - t0;
}

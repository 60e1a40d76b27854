/*
 * The fake machine of the buddy allocator tests (see host_buddy.h): "physical memory"
 * is a malloc'ed arena, laid out like a small PC's and booted through memblock as the
 * kernel boots. Relies on libc and host_env.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include "host_buddy.h"
#include "memblock.h"
#include "kernel.h"
#include "string.h"

unsigned char *host_arena;
unsigned long host_boot_free_pages;
unsigned long host_clear_highpage_calls;

void host_clear_highpage(struct page *page)
{
	/* The arena maps all of "physical memory", HighMem included. */
	memset(__va(page_to_phys(page)), 0, PAGE_SIZE);
	host_clear_highpage_calls++;
}

void host_memblock_reset(void)
{
	static struct memblock pristine;
	static bool saved;

	if (!saved) {
		pristine = memblock;
		saved = true;
	}
	memblock = pristine;
}

unsigned long host_mm_boot(unsigned long mem_pfns, unsigned long low_pfns)
{
	u64 mem = (u64)mem_pfns << PAGE_SHIFT;
	unsigned long max_zone_pfns[MAX_NR_ZONES];

	if (mem > HOST_ARENA_SIZE || low_pfns > mem_pfns) {
		fprintf(stderr, "host_mm_boot: bad layout\n");
		abort();
	}
	if (!host_arena) {
		host_arena = aligned_alloc(4UL << 20, HOST_ARENA_SIZE);
		if (!host_arena)
			abort();
		host_page_offset = (uintptr_t)host_arena;
	}
	memset(host_arena, HOST_ARENA_FILL, mem);
	host_log_reset();
	host_memblock_reset();
	fail_page_alloc_set(0);
	page_alloc_set_clear_highpage(host_clear_highpage);
	host_clear_highpage_calls = 0;
	mem_map = NULL;

	/* RAM as a PC's firmware reports it: a BIOS hole, and one more hole at 18 MiB. */
	memblock_add(0, 0x9f000);
	if (mem > (19UL << 20)) {
		memblock_add(0x100000, (18UL << 20) - 0x100000);
		memblock_add((18UL << 20) + 0x10000, mem - (18UL << 20) - 0x10000);
	} else {
		memblock_add(0x100000, mem - 0x100000);
	}
	memblock_reserve(0, PAGE_SIZE);			/* the first page, as Linux */
	memblock_reserve(0x100000, 512UL << 10);	/* "kernel image" */
	memblock_set_limit((u64)low_pfns << PAGE_SHIFT);
	/* mem_map goes low, so the pages on both sides of each zone boundary are free */
	memblock_set_bottom_up(true);

	max_zone_pfns[ZONE_DMA] = min(MAX_DMA_PFN, low_pfns);
	max_zone_pfns[ZONE_NORMAL] = low_pfns;
	max_zone_pfns[ZONE_HIGHMEM] = mem_pfns;
	free_area_init(max_zone_pfns);
	memblock_free_all();
	host_log_reset();
	host_boot_free_pages = nr_free_pages();
	return host_boot_free_pages;
}

/*
 * DMA 0-16 MiB, Normal 16 MiB to pfn 5844, HighMem to pfn 8150 (about 31.8 MiB).
 * Neither 5844 nor 8150 is a multiple of 1024: merging must stop at the zone
 * boundary and at the end of mem_map.
 */
unsigned long host_mm_boot_default(void)
{
	return host_mm_boot(8150, 5844);
}

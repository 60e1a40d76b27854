/*
 * Memory reports in the format of Linux's /proc/buddyinfo, /proc/zoneinfo and
 * /proc/meminfo, printed to the console (there is no /proc): at the end of boot
 * (mm_core_init() in mm/mm_init.c) and by the tests, to show where memory went.
 *
 * Relies on: zones and their counters (mmzone.h), nr_free_pages(), totalram_pages()
 * and max_pfn (mm.h). Only reads counters, without the zone lock: a report taken while
 * memory changes may be a moment out of date, never harmful.
 */
#include "mm.h"
#include "mmzone.h"
#include "printk.h"

static unsigned long kernel_image_bytes;

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

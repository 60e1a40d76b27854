/*
 * Memory reports in the formats of Linux 6.1's /proc/buddyinfo, /proc/zoneinfo and
 * /proc/meminfo: the same fields in the same order, with this kernel's values, and 0
 * for what this kernel has no mechanism for yet (page cache, LRU lists, swap, huge
 * pages, watermarks, ...). They print into a seq_file (include/seq_file.h), so the
 * boot report (at the end of mm_core_init(), to the console: show_buddyinfo(), and show_zoneinfo()/show_meminfo() in
 * mm/meminfo.c) and a later /proc file system share one formatter.
 * tests/check-proc-formats compares the field names and their order with what Linux
 * printed (tests/reference/linux-6.1-i386-proc.txt). What only this kernel reports
 * (the kernel image's and mem_map's sizes) is a separate, labelled block:
 * meminfo_extras_show().
 *
 * Relies on: the zones and their counters (mmzone.h), nr_free_pages(), totalram_pages()
 * and max_pfn (mm.h), and the kernel-wide figures passed in a struct mem_counts. Only
 * reads counters, without the zone lock: a report taken while memory changes may be a
 * moment out of date, never harmful.
 */
#include "meminfo.h"
#include "mm.h"
#include "mmzone.h"
#include "printk.h"
#include "seq_file.h"
#include "string.h"

static unsigned long kernel_image_bytes;

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/* ---- /proc/buddyinfo ---- */

void buddyinfo_show(struct seq_file *m)
{
	const struct zone *zone;
	int order;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		seq_printf(m, "Node 0, zone %8s ", zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			seq_printf(m, "%6lu ", zone->free_area[order].nr_free);
		seq_puts(m, "\n");
	}
}

void show_buddyinfo(void)
{
	struct seq_file m = SEQ_CONSOLE;

	buddyinfo_show(&m);
}

/* ---- /proc/zoneinfo ---- */

/* Linux's node_stat_item names, in its order; the values this kernel can give. */
static unsigned long node_stat(const char *name, const struct mem_counts *c)
{
	if (!strcmp(name, "nr_slab_reclaimable"))
		return c->slab_reclaimable;
	if (!strcmp(name, "nr_slab_unreclaimable"))
		return c->slab_pages - c->slab_reclaimable;
	if (!strcmp(name, "nr_anon_pages"))
		return c->anon_pages;
	if (!strcmp(name, "nr_kernel_stack"))
		return c->kernel_stack_kb;
	if (!strcmp(name, "nr_page_table_pages"))
		return c->pagetable_pages;
	return 0;		/* LRU lists, page cache, writeback, swap: none yet */
}

static const char *const node_stat_names[] = {
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
	"nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
	"nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
	"workingset_refault_anon", "workingset_refault_file", "workingset_activate_anon",
	"workingset_activate_file", "workingset_restore_anon", "workingset_restore_file",
	"workingset_nodereclaim", "nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_dirty",
	"nr_writeback", "nr_writeback_temp", "nr_shmem", "nr_shmem_hugepages",
	"nr_shmem_pmdmapped", "nr_file_hugepages", "nr_file_pmdmapped",
	"nr_anon_transparent_hugepages", "nr_vmscan_write", "nr_vmscan_immediate_reclaim",
	"nr_dirtied", "nr_written", "nr_throttled_written", "nr_kernel_misc_reclaimable",
	"nr_foll_pin_acquired", "nr_foll_pin_released", "nr_kernel_stack",
	"nr_page_table_pages", "nr_sec_page_table_pages", "nr_swapcached",
};

/* Linux's zone_stat_item names after nr_free_pages: all 0 here (no LRU, mlock, ...). */
static const char *const zone_stat_names[] = {
	"nr_zone_inactive_anon", "nr_zone_active_anon", "nr_zone_inactive_file",
	"nr_zone_active_file", "nr_zone_unevictable", "nr_zone_write_pending", "nr_mlock",
	"nr_bounce", "nr_zspages", "nr_free_cma",
};

static bool first_populated_zone(const struct zone *zone)
{
	const struct zone *z;

	for_each_zone(z)
		if (populated_zone(z))
			return z == zone;
	return false;
}

static void zoneinfo_show_zone(struct seq_file *m, const struct zone *zone,
			       const struct mem_counts *c)
{
	unsigned int i;

	seq_printf(m, "Node 0, zone %8s", zone->name);
	if (first_populated_zone(zone)) {
		seq_puts(m, "\n  per-node stats");
		for (i = 0; i < ARRAY_SIZE(node_stat_names); i++)
			seq_printf(m, "\n      %-12s %lu", node_stat_names[i],
				   node_stat(node_stat_names[i], c));
	}
	/* No watermarks, boosts, CMA or lowmem reserves yet: 0 as Linux shows none. */
	seq_printf(m, "\n  pages free     %lu\n        boost    0\n        min      0"
		   "\n        low      0\n        high     0\n        spanned  %lu"
		   "\n        present  %lu\n        managed  %lu\n        cma      0",
		   zone_free_pages(zone), zone->spanned_pages, zone->present_pages,
		   zone->managed_pages);
	seq_puts(m, "\n        protection: (0");
	for (i = 1; i < MAX_NR_ZONES; i++)
		seq_puts(m, ", 0");
	seq_puts(m, ")");
	if (!populated_zone(zone)) {
		seq_puts(m, "\n");
		return;
	}
	seq_printf(m, "\n      %-12s %lu", "nr_free_pages", zone_free_pages(zone));
	for (i = 0; i < ARRAY_SIZE(zone_stat_names); i++)
		seq_printf(m, "\n      %-12s %lu", zone_stat_names[i], 0UL);
	/* One CPU; its per-cpu page list, and no per-cpu vmstat deltas (threshold 0). */
	seq_printf(m, "\n  pagesets\n    cpu: 0\n              count: %u\n              high:  %u"
		   "\n              batch: %u\n  vm stats threshold: 0",
		   zone->pcp.count, zone->pcp.high, zone->pcp.batch);
	seq_printf(m, "\n  node_unreclaimable:  0\n  start_pfn:           %lu\n",
		   zone->zone_start_pfn);
}

void zoneinfo_show(struct seq_file *m, const struct mem_counts *c)
{
	const struct zone *zone;

	for_each_zone(zone)
		zoneinfo_show_zone(m, zone, c);
}

/* ---- /proc/meminfo ---- */

void meminfo_set_kernel_image(unsigned long bytes)
{
	kernel_image_bytes = bytes;
}

/* "Name:" in 16 columns, the value in 8, as Linux's show_val_kb(). */
static void val_kb(struct seq_file *m, const char *name, unsigned long kb)
{
	seq_printf(m, "%-15s %8lu kB\n", name, kb);
}

void meminfo_show(struct seq_file *m, const struct mem_counts *c)
{
	const struct zone *high = &contig_page_data.node_zones[ZONE_HIGHMEM];
	unsigned long free = nr_free_pages(), high_free = zone_free_pages(high);
	unsigned long total = totalram_pages();

	val_kb(m, "MemTotal:", K(total));
	val_kb(m, "MemFree:", K(free));
	/* Linux's estimate: free memory plus reclaimable slab (no page cache, reserves). */
	val_kb(m, "MemAvailable:", K(free + c->slab_reclaimable));
	val_kb(m, "Buffers:", 0);
	val_kb(m, "Cached:", 0);
	val_kb(m, "SwapCached:", 0);
	val_kb(m, "Active:", 0);		/* no LRU lists yet */
	val_kb(m, "Inactive:", 0);
	val_kb(m, "Active(anon):", 0);
	val_kb(m, "Inactive(anon):", 0);
	val_kb(m, "Active(file):", 0);
	val_kb(m, "Inactive(file):", 0);
	val_kb(m, "Unevictable:", K(c->mlocked_pages));	/* mlocked pages are unevictable */
	val_kb(m, "Mlocked:", K(c->mlocked_pages));
	val_kb(m, "HighTotal:", K(high->managed_pages));
	val_kb(m, "HighFree:", K(high_free));
	val_kb(m, "LowTotal:", K(total - high->managed_pages));
	val_kb(m, "LowFree:", K(free - high_free));
	val_kb(m, "SwapTotal:", 0);
	val_kb(m, "SwapFree:", 0);
	val_kb(m, "Zswap:", 0);
	val_kb(m, "Zswapped:", 0);
	val_kb(m, "Dirty:", 0);
	val_kb(m, "Writeback:", 0);
	val_kb(m, "AnonPages:", K(c->anon_pages));
	val_kb(m, "Mapped:", 0);		/* file pages mapped: no files */
	val_kb(m, "Shmem:", 0);
	val_kb(m, "KReclaimable:", K(c->slab_reclaimable));
	val_kb(m, "Slab:", K(c->slab_pages));
	val_kb(m, "SReclaimable:", K(c->slab_reclaimable));
	val_kb(m, "SUnreclaim:", K(c->slab_pages - c->slab_reclaimable));
	val_kb(m, "KernelStack:", c->kernel_stack_kb);
	val_kb(m, "PageTables:", K(c->pagetable_pages));
	val_kb(m, "SecPageTables:", 0);
	val_kb(m, "NFS_Unstable:", 0);
	val_kb(m, "Bounce:", 0);
	val_kb(m, "WritebackTmp:", 0);
	val_kb(m, "CommitLimit:", K(c->commit_limit));
	val_kb(m, "Committed_AS:", K(c->committed_pages));
	val_kb(m, "VmallocTotal:", c->vmalloc_total_kb);
	val_kb(m, "VmallocUsed:", K(c->vmalloc_used_pages));
	val_kb(m, "VmallocChunk:", 0);		/* Linux prints 0 since 4.1 */
	val_kb(m, "Percpu:", 0);		/* no per-cpu allocator */
	seq_printf(m, "HardwareCorrupted: %5lu kB\n", 0UL);
	val_kb(m, "AnonHugePages:", 0);
	val_kb(m, "ShmemHugePages:", 0);
	val_kb(m, "ShmemPmdMapped:", 0);
	val_kb(m, "FileHugePages:", 0);
	val_kb(m, "FilePmdMapped:", 0);
	seq_printf(m, "HugePages_Total:   %5lu\nHugePages_Free:    %5lu\n"
		   "HugePages_Rsvd:    %5lu\nHugePages_Surp:    %5lu\n", 0UL, 0UL, 0UL, 0UL);
	val_kb(m, "Hugepagesize:", c->huge_page_kb);
	val_kb(m, "Hugetlb:", 0);
	val_kb(m, "DirectMap4k:", c->direct_map_4k_kb);
	val_kb(m, "DirectMap4M:", c->direct_map_4m_kb);
}

void meminfo_extras_show(struct seq_file *m)
{
	seq_puts(m, "teachkernel extras (not in Linux's /proc/meminfo):\n");
	if (kernel_image_bytes)
		val_kb(m, "  KernelImage:", kernel_image_bytes >> 10);
	val_kb(m, "  MemMap:", (max_pfn * sizeof(struct page)) >> 10);
}

/* ---- show_mem(): the Mem-Info block of an OOM report ---- */

static unsigned long free_pcp_pages(void)
{
	const struct zone *zone;
	unsigned long n = 0;

	for_each_zone(zone)
		n += zone->pcp.count;
	return n;
}

static void show_zone_free_areas(struct seq_file *m, const struct zone *zone)
{
	unsigned long total = 0;
	int order;

	/* In pieces: the console sink formats at most a few hundred bytes at a time. */
	seq_printf(m, "%s free:%lukB boost:0kB min:0kB low:0kB high:0kB "
		   "reserved_highatomic:0KB", zone->name, K(zone_free_pages(zone)));
	seq_puts(m, " active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB"
		 " unevictable:0kB writepending:0kB");
	seq_printf(m, " present:%lukB managed:%lukB mlocked:0kB bounce:0kB free_pcp:%lukB"
		   " local_pcp:%ukB free_cma:0kB\n", K(zone->present_pages),
		   K(zone->managed_pages), K((unsigned long)zone->pcp.count),
		   (unsigned int)K(zone->pcp.count));
	seq_puts(m, "lowmem_reserve[]:");
	for (order = 0; order < MAX_NR_ZONES; order++)
		seq_puts(m, " 0");
	seq_puts(m, "\n");
	/*
	 * The free blocks by order. Without grouping by mobility every block is of one
	 * type, which Linux shows as (U), unmovable, when that grouping is off.
	 */
	seq_printf(m, "%s: ", zone->name);
	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long nr = zone->free_area[order].nr_free;

		seq_printf(m, "%lu*%lukB ", nr, K(1UL) << order);
		if (nr)
			seq_puts(m, "(U) ");
		total += nr << order;
	}
	seq_printf(m, "= %lukB\n", K(total));
}

void show_mem_print(struct seq_file *m, const struct mem_counts *c)
{
	unsigned long slab_unreclaimable = c->slab_pages - c->slab_reclaimable;
	unsigned long total = 0, reserved = 0, highmem = 0;
	const struct zone *zone;

	seq_puts(m, "Mem-Info:\n");
	seq_puts(m, "active_anon:0 inactive_anon:0 isolated_anon:0\n"
		 " active_file:0 inactive_file:0 isolated_file:0\n"
		 " unevictable:0 dirty:0 writeback:0\n");
	seq_printf(m, " slab_reclaimable:%lu slab_unreclaimable:%lu\n"
		   " mapped:0 shmem:0 pagetables:%lu\n"
		   " sec_pagetables:0 bounce:0\n"
		   " kernel_misc_reclaimable:0\n"
		   " free:%lu free_pcp:%lu free_cma:0\n",
		   c->slab_reclaimable, slab_unreclaimable, c->pagetable_pages, nr_free_pages(),
		   free_pcp_pages());
	seq_puts(m, "Node 0 active_anon:0kB inactive_anon:0kB active_file:0kB"
		 " inactive_file:0kB unevictable:0kB isolated(anon):0kB isolated(file):0kB"
		 " mapped:0kB dirty:0kB writeback:0kB shmem:0kB");
	seq_printf(m, " shmem_thp: 0kB shmem_pmdmapped: 0kB anon_thp: 0kB writeback_tmp:0kB"
		   " kernel_stack:%lukB pagetables:%lukB sec_pagetables:0kB"
		   " all_unreclaimable? no\n", c->kernel_stack_kb, K(c->pagetable_pages));
	for_each_zone(zone)
		if (populated_zone(zone))
			show_zone_free_areas(m, zone);
	seq_printf(m, "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 "
		   "hugepages_size=%lukB\n", c->huge_page_kb);
	seq_puts(m, "0 total pagecache pages\n0 pages in swap cache\n"
		 "Free swap  = 0kB\nTotal swap = 0kB\n");
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		total += zone->present_pages;
		reserved += zone->present_pages - zone->managed_pages;
		if (zone_idx(zone) == ZONE_HIGHMEM)
			highmem += zone->present_pages;
	}
	seq_printf(m, "%lu pages RAM\n%lu pages HighMem/MovableOnly\n%lu pages reserved\n",
		   total, highmem, reserved);
}

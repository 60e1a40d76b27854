/*
 * The /proc-format memory reports (mm/show_mem.c) and the kernel-wide figures they
 * need besides the zones' own (mm/meminfo.c collects them): Linux's /proc/meminfo,
 * /proc/zoneinfo and /proc/buddyinfo, in Linux 6.1's field order, into a seq_file.
 *
 * The show functions take the figures as a struct so that they are pure formatting
 * over the zones: the host tests (tests/host/test_buddy.c) call them with their own.
 */
#ifndef _MEMINFO_H
#define _MEMINFO_H

#include "types.h"

struct seq_file;

/* Everything in pages unless the name says kB. 0 where the mechanism does not exist. */
struct mem_counts {
	unsigned long anon_pages;	/* user pages mapped by processes (their rss) */
	unsigned long mlocked_pages;	/* Mlocked: pages present in VM_LOCKED areas */
	unsigned long slab_pages;	/* pages held by the slab allocator */
	unsigned long slab_reclaimable;	/* of them, in SLAB_RECLAIM_ACCOUNT caches */
	unsigned long kernel_stack_kb;	/* the tasks' kernel stacks */
	unsigned long pagetable_pages;	/* user page tables (the directories not counted) */
	unsigned long committed_pages;	/* Committed_AS: vm_memory_committed() (mm/util.c) */
	unsigned long commit_limit;	/* CommitLimit: vm_commit_limit() */
	unsigned long vmalloc_total_kb;	/* VMALLOC_END - VMALLOC_START */
	unsigned long vmalloc_used_pages; /* pages vmalloc() owns */
	unsigned long direct_map_4k_kb;	/* low memory mapped with 4 KiB pages */
	unsigned long direct_map_4m_kb;	/* ... with 4 MiB pages */
	unsigned long huge_page_kb;	/* the MMU's large page (Hugepagesize) */
};

void buddyinfo_show(struct seq_file *m);
void zoneinfo_show(struct seq_file *m, const struct mem_counts *c);
void meminfo_show(struct seq_file *m, const struct mem_counts *c);
/* The teaching extras, a block of their own after meminfo on the console. */
void meminfo_extras_show(struct seq_file *m);

/*
 * Linux's show_mem(): the "Mem-Info:" block of an OOM report (page counts, per-node and
 * per-zone figures, the free blocks of each zone by order, the RAM totals).
 */
void show_mem_print(struct seq_file *m, const struct mem_counts *c);

/* mm/meminfo.c: the kernel-wide figures, now; show_mem() to the console. */
struct mm_struct;
void mem_counts_collect(struct mem_counts *c);
void show_mem(void);
unsigned long mm_pgtables_pages(const struct mm_struct *mm);	/* user page-table pages */

#endif /* _MEMINFO_H */

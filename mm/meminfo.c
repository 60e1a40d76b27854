/*
 * The kernel-wide figures of the memory reports (include/meminfo.h), gathered from the
 * layers that own them, and the console versions of /proc/zoneinfo and /proc/meminfo
 * that the boot report and the tests print (the formats are in mm/show_mem.c).
 *
 * With one process at a time, "every process" is current: its rss is AnonPages, its
 * user page tables are PageTables, its writable mappings are Committed_AS.
 *
 * Relies on: current (sched.h), nr_threads, nr_slab_pages(), vmalloc_nr_pages(), the
 * layout constants of asm/pgtable.h.
 */
#include <meminfo.h>
#include <mm.h>
#include <mmzone.h>
#include <pgtable.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <vmalloc.h>

/*
 * Linux charges a private writable mapping to vm_committed_as when it is made (and the
 * data, bss, heap and stack are such mappings); this kernel shares anonymous MAP_SHARED
 * memory as private, which Linux charges through shmem too. So: the pages of every
 * writable area of the process.
 */
unsigned long meminfo_committed_pages(void)
{
	const struct vm_area_struct *vma;
	unsigned long pages = 0;

	if (!current || !current->mm)
		return 0;
	list_for_each_entry(vma, &current->mm->mmap_list, vm_list)
		if (vma->vm_flags & VM_WRITE)
			pages += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	return pages;
}

/* Page tables of the user half: one page per present directory entry below TASK_SIZE. */
unsigned long mm_pgtables_pages(const struct mm_struct *mm)
{
	const pgd_t *pgd;
	unsigned long n = 0;
	unsigned int i;

	if (!mm || !mm->pgd)
		return 0;
	pgd = (const pgd_t *)mm->pgd;
	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		if (pgd_present(pgd[i]))
			n++;
	return n;
}

void mem_counts_collect(struct mem_counts *c)
{
	c->anon_pages = current && current->mm ? current->mm->rss : 0;
	c->slab_pages = nr_slab_pages();
	c->slab_reclaimable = 0;	/* no cache is SLAB_RECLAIM_ACCOUNT (dentries, inodes) */
	c->kernel_stack_kb = (unsigned long)nr_threads * (THREAD_SIZE >> 10);
	c->pagetable_pages = current ? mm_pgtables_pages(current->mm) : 0;
	c->committed_pages = meminfo_committed_pages();
	c->vmalloc_total_kb = (VMALLOC_END - VMALLOC_START) >> 10;
	c->vmalloc_used_pages = vmalloc_nr_pages();
	c->direct_map_4k_kb = max_low_pfn << (PAGE_SHIFT - 10);	/* 4 KiB ptes only */
	c->direct_map_4m_kb = 0;
	c->huge_page_kb = PGDIR_SIZE >> 10;	/* a PSE page, without PAE */
}

void show_zoneinfo(void)
{
	struct seq_file m = SEQ_CONSOLE;
	struct mem_counts c;

	mem_counts_collect(&c);
	zoneinfo_show(&m, &c);
}

void show_mem(void)
{
	struct seq_file m = SEQ_CONSOLE;
	struct mem_counts c;

	mem_counts_collect(&c);
	show_mem_print(&m, &c);
}

void show_meminfo(void)
{
	struct seq_file m = SEQ_CONSOLE;
	struct mem_counts c;

	mem_counts_collect(&c);
	meminfo_show(&m, &c);
	meminfo_extras_show(&m);
}

/* The boot's memory report, once the buddy allocator has every free page (start_kernel). */
void mem_init_print_info(void)
{
	show_zoneinfo();
	show_buddyinfo();
	show_meminfo();
}

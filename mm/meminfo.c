/*
 * The kernel-wide figures of the memory reports (include/meminfo.h), gathered from the
 * layers that own them, and the console versions of /proc/zoneinfo and /proc/meminfo
 * that the boot report and the tests print (the formats are in mm/show_mem.c).
 *
 * AnonPages and PageTables add up every address space's rss and user page tables;
 * Committed_AS and CommitLimit are the overcommit accounting's (mm/util.c).
 *
 * Relies on: the task list (sched.h), nr_threads, vm_memory_committed(), nr_slab_pages(), vmalloc_nr_pages(), the
 * layout constants of asm/pgtable.h.
 */
#include <meminfo.h>
#include <mm.h>
#include <mmap.h>
#include <mmzone.h>
#include <pagewalk.h>
#include <pgtable.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <vmalloc.h>

/*
 * Each address space once, over every task (a vfork child shares its parent's): the
 * sum of what count() says of it. Linux keeps global counters instead (NR_ANON_MAPPED,
 * NR_PAGETABLE); with a handful of tasks the walk costs nothing that matters.
 */
static unsigned long sum_over_mms(unsigned long (*count)(const struct mm_struct *mm))
{
	struct task_struct *p, *q;
	unsigned long total = 0;

	list_for_each_entry(p, &init_task.tasks, tasks) {
		bool seen = false;

		if (!p->mm)
			continue;
		list_for_each_entry(q, &init_task.tasks, tasks) {
			if (q == p)
				break;
			if (q->mm == p->mm) {
				seen = true;
				break;
			}
		}
		if (!seen)
			total += count(p->mm);
	}
	return total;
}

static unsigned long mm_rss(const struct mm_struct *mm)
{
	return mm->rss;
}

/* One more resident page of a locked area (the zero page is nobody's). */
static int count_locked_pte(pte_t *pte, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	(void)addr;
	(void)next;
	if (pte_present(*pte) && !is_zero_pfn(pte_pfn(*pte)))
		(*(unsigned long *)walk->private)++;
	return 0;
}

static const struct mm_walk_ops count_locked_ops = {
	.pte_entry = count_locked_pte,
};

/*
 * Mlocked: the pages present in VM_LOCKED areas (an MLOCK_ONFAULT area counts only what
 * has been touched), as Linux's NR_MLOCK counts pages, not areas (that is VmLck).
 */
static unsigned long mm_locked(const struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long pages = 0;

	list_for_each_entry(vma, &mm->mmap_list, vm_list)
		if (vma->vm_flags & VM_LOCKED)
			walk_page_range((struct mm_struct *)mm, vma->vm_start, vma->vm_end,
					&count_locked_ops, &pages);
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
	c->anon_pages = sum_over_mms(mm_rss);
	c->mlocked_pages = sum_over_mms(mm_locked);
	c->slab_pages = nr_slab_pages();
	c->slab_reclaimable = 0;	/* no cache is SLAB_RECLAIM_ACCOUNT (dentries, inodes) */
	c->kernel_stack_kb = (unsigned long)nr_threads * (THREAD_SIZE >> 10);
	c->pagetable_pages = sum_over_mms(mm_pgtables_pages);
	c->committed_pages = vm_memory_committed();
	c->commit_limit = vm_commit_limit();
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

/*
 * Self-tests of the memory reports' figures (mm/meminfo.c, mm/show_mem.c): the values
 * come from the kernel's own counters and follow them, and the report prints into a
 * buffer as a /proc file will read it. The layout against Linux's is checked on the
 * boot log by tests/check-proc-formats.
 */
#include <ktest.h>
#include <mmap.h>
#include <uapi/mman.h>
#include <meminfo.h>
#include <mm.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include <vmalloc.h>
#include <asm/pgtable.h>

static char text[8192];

static unsigned long field_kb(const char *name)
{
	const char *p = strstr(text, name);

	if (!p)
		return ~0UL;
	for (p += strlen(name); *p == ' '; p++)
		;
	return simple_strtoul(p, NULL, 10);
}

KTEST(meminfo, figures_come_from_the_kernel_counters)
{
	struct mem_counts c;

	mem_counts_collect(&c);
	KTEST_EXPECT_EQ(c.slab_pages, nr_slab_pages());
	KTEST_EXPECT_EQ(c.kernel_stack_kb, (unsigned long)nr_threads * (THREAD_SIZE >> 10));
	KTEST_EXPECT_EQ(c.vmalloc_total_kb, (VMALLOC_END - VMALLOC_START) >> 10);
	KTEST_EXPECT_EQ(c.direct_map_4k_kb, max_low_pfn * (PAGE_SIZE >> 10));
	KTEST_EXPECT_EQ(c.huge_page_kb, 4096);
	KTEST_EXPECT_EQ(c.commit_limit, totalram_pages() / 2);	/* overcommit_ratio 50, no swap */
	KTEST_EXPECT_EQ(c.committed_pages, vm_memory_committed());
}

KTEST(meminfo, vmalloc_used_follows_vmalloc)
{
	struct mem_counts a, b;
	void *p;

	mem_counts_collect(&a);
	p = vmalloc(3 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(p);
	mem_counts_collect(&b);
	vfree(p);
	KTEST_EXPECT_EQ(b.vmalloc_used_pages - a.vmalloc_used_pages, 3);
	mem_counts_collect(&b);
	KTEST_EXPECT_EQ(b.vmalloc_used_pages, a.vmalloc_used_pages);
}

KTEST(meminfo, report_in_a_buffer_has_the_counters)
{
	struct seq_file m;
	struct mem_counts c;

	mem_counts_collect(&c);
	seq_init(&m, text, sizeof(text));
	meminfo_show(&m, &c);
	KTEST_ASSERT_FALSE(seq_has_overflowed(&m));
	KTEST_EXPECT_EQ(field_kb("MemTotal:"), totalram_pages() * 4);
	KTEST_EXPECT_EQ(field_kb("MemFree:"), nr_free_pages() * 4);
	KTEST_EXPECT_EQ(field_kb("Slab:"), c.slab_pages * 4);
	KTEST_EXPECT_EQ(field_kb("CommitLimit:"), totalram_pages() * 50 / 100 * 4);
	KTEST_EXPECT_EQ(field_kb("VmallocUsed:"), c.vmalloc_used_pages * 4);
	KTEST_EXPECT_NULL(strstr(text, "KernelImage"));
	KTEST_EXPECT_EQ(text[m.count - 1], '\n');
}

/*
 * Mlocked counts pages present in locked areas: every page of an mlock()ed range (it is
 * populated), only the touched ones of an MLOCK_ONFAULT one. The mm is lent to the
 * runner's task for the count, as the figures add up the address spaces of all tasks.
 */
KTEST(meminfo, mlocked_counts_the_pages_present_in_locked_areas)
{
	struct mm_struct *mm = mm_alloc(), *saved = current->mm;
	struct mem_counts base, c;
	unsigned long m;

	KTEST_ASSERT_NOT_NULL(mm);
	mem_counts_collect(&base);
	m = do_mmap(mm, 0, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	KTEST_EXPECT_FALSE(IS_ERR_VALUE(m));
	KTEST_EXPECT_EQ(do_mlock(mm, m, 3 * PAGE_SIZE, VM_LOCKED), 0);
	KTEST_EXPECT_EQ(do_mlock(mm, m + 4 * PAGE_SIZE, 4 * PAGE_SIZE,
				 VM_LOCKED | VM_LOCKONFAULT), 0);
	KTEST_EXPECT_EQ(handle_mm_fault(mm, find_vma(mm, m + 5 * PAGE_SIZE),
					m + 5 * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	current->mm = mm;
	mem_counts_collect(&c);
	current->mm = saved;
	KTEST_EXPECT_EQ(c.mlocked_pages - base.mlocked_pages, 4);	/* 3 + 1 touched */
	KTEST_EXPECT_EQ(mm->locked_vm, 7);				/* VmLck: the areas */
	mmput(mm);
}

/*
 * Self-tests of the memory reports' figures (mm/meminfo.c, mm/show_mem.c): the values
 * come from the kernel's own counters and follow them, and the report prints into a
 * buffer as a /proc file will read it. The layout against Linux's is checked on the
 * boot log by tests/check-proc-formats.
 */
#include <ktest.h>
#include <mmap.h>
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

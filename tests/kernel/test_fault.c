/*
 * Self-tests of the page-fault handler (suite "fault").
 *
 * fault_decide() is the handler's judgement without its actions, so most decisions are
 * checked on an mm that no process runs in: demand-zero inside an area, stack growth
 * allowed within the 8 MiB limit and refused beyond it or into the guard gap, a write to
 * a read-only area, an access outside every area or to a kernel address. Then the real
 * path: with the mm's directory loaded and a stand-in current owning it, kernel code
 * touches user addresses and do_page_fault() maps zero pages, grows the stack, or, for a
 * bad address, finds no fix-up (the test's ktest_catch() sees the fault). The reports
 * (segfault line, OOM line) are checked for Linux's format.
 */
#include <ktest.h>
#include <kernel.h>
#include <mm.h>
#include <uapi/mman.h>
#include <mmap.h>
#include <mmzone.h>
#include <pgtable.h>
#include <sched.h>
#include <string.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include "mm_test.h"

#define UR	X86_PF_USER			/* user read, page not present */
#define UW	(X86_PF_USER | X86_PF_WRITE)	/* user write, page not present */
#define TOP	TASK_SIZE

static unsigned long anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
			  unsigned long prot)
{
	return do_mmap(mm, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0);
}

/* An mm with a stack at the top, and RW, RO, PROT_NONE and write-only areas. */
static struct mm_struct *test_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	if (setup_stack_vma(mm, TOP, 32 * P) ||
	    anon(mm, 0x40000000, 4 * P, RW) != 0x40000000 ||
	    anon(mm, 0x41000000, P, PROT_READ) != 0x41000000 ||
	    anon(mm, 0x42000000, P, PROT_NONE) != 0x42000000 ||
	    anon(mm, 0x43000000, P, PROT_WRITE) != 0x43000000) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

KTEST(fault, demand_zero_inside_an_area)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *v;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x40000000, UR, &v), FAULT_HANDLE);
	KTEST_EXPECT_TRUE(v && v->vm_start == 0x40000000);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x40003fff, UW, &v), FAULT_HANDLE);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x41000000, UR, &v), FAULT_HANDLE);
	/* PROT_WRITE alone is readable: the page table has no write-only. */
	KTEST_EXPECT_EQ(fault_decide(mm, 0x43000000, UR, &v), FAULT_HANDLE);
	/* Kernel-mode faults on user memory (copy_to_user) are judged the same way. */
	KTEST_EXPECT_EQ(fault_decide(mm, 0x40000000, X86_PF_WRITE, &v), FAULT_HANDLE);
	KTEST_EXPECT_EQ(mm->rss, 0);		/* deciding allocates nothing */
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(fault, write_to_read_only_and_any_access_to_prot_none_refused)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *v;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x41000000, UW, &v), FAULT_BAD_ACCESS);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x41000000, UW | X86_PF_PROT, &v), FAULT_BAD_ACCESS);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x41000000, X86_PF_WRITE, &v), FAULT_BAD_ACCESS);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x42000000, UR, &v), FAULT_BAD_ACCESS);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x42000000, UW, &v), FAULT_BAD_ACCESS);
	/* A read fault on a present page is a protection problem no area can fix. */
	KTEST_EXPECT_EQ(fault_decide(mm, 0x40000000, UR | X86_PF_PROT, &v), FAULT_BAD_ACCESS);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(fault, outside_every_area_and_kernel_addresses_refused)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *v;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(fault_decide(mm, 0, UR, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_NULL(v);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x40004000, UR, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_EQ(fault_decide(mm, 0x3fffffff, UW, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_EQ(fault_decide(mm, TASK_SIZE, UR, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_EQ(fault_decide(mm, 0xC0100000, UW, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_EQ(fault_decide(mm, 0xFFFFFFFF, UR, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(fault, stack_grows_within_limit_and_guard_gap)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *v, *stack;

	KTEST_ASSERT_NOT_NULL(mm);
	stack = find_vma(mm, TOP - 1);
	KTEST_EXPECT_EQ(fault_decide(mm, TOP - 32 * P - 4, UW, &v), FAULT_EXPAND_STACK);
	KTEST_EXPECT_TRUE(v == stack);
	KTEST_EXPECT_EQ(stack->vm_start, TOP - 32 * P);	/* not grown by deciding */
	KTEST_EXPECT_EQ(fault_decide(mm, TOP - STACK_RLIMIT, UW, &v), FAULT_EXPAND_STACK);
	KTEST_EXPECT_EQ(fault_decide(mm, TOP - STACK_RLIMIT - 1, UW, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_EQ(expand_stack(mm, stack, TOP - STACK_RLIMIT - 1), -ENOMEM);
	KTEST_EXPECT_EQ(expand_stack(mm, stack, TOP - 64 * P + 8), 0);
	KTEST_EXPECT_EQ(stack->vm_start, TOP - 64 * P);
	KTEST_EXPECT_EQ(mm->stack_vm, 64);

	/* An accessible area 4 MiB below the top: the stack stops 1 MiB above it. */
	KTEST_EXPECT_EQ(anon(mm, TOP - (4UL << 20), P, RW), TOP - (4UL << 20));
	KTEST_EXPECT_EQ(fault_decide(mm, TOP - (3UL << 20) + P, UR, &v), FAULT_EXPAND_STACK);
	KTEST_EXPECT_EQ(fault_decide(mm, TOP - (3UL << 20) - 1, UR, &v), FAULT_BAD_AREA);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

/* ---- The real handler, from kernel mode ---- */

static struct task_struct fault_test_task = { .pid = 77, .comm = "faulttest" };
static struct task_struct *saved_current;

static void enter_mm(struct mm_struct *mm)
{
	saved_current = current;
	fault_test_task.mm = mm;
	current = &fault_test_task;
	switch_pgd(mm->pgd);
}

static void leave_mm(void)
{
	switch_pgd(swapper_pg_dir);
	current = saved_current;
}

static void read_byte(void *arg)
{
	*(u8 *)arg = *(volatile u8 *)*(unsigned long *)arg;
}

static void write_byte(void *arg)
{
	*(volatile u8 *)*(unsigned long *)arg = 0x5e;
}

KTEST(fault, handler_maps_zero_pages_and_grows_stack)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *stack;
	unsigned long addr;
	struct ktest_fault f;
	bool faulted;

	KTEST_ASSERT_NOT_NULL(mm);
	stack = find_vma(mm, TOP - 1);
	enter_mm(mm);
	addr = 0x40001234;
	faulted = ktest_catch(read_byte, &addr, NULL);
	KTEST_EXPECT_FALSE(faulted);
	KTEST_EXPECT_EQ(addr & 0xff, 0);	/* read_byte stored the byte read: zero */
	KTEST_EXPECT_EQ(mm->rss, 0);		/* the shared zero page, not counted */
	addr = 0x40002000;
	KTEST_EXPECT_FALSE(ktest_catch(write_byte, &addr, NULL));
	KTEST_EXPECT_EQ(*(volatile u8 *)0x40002000, 0x5e);
	KTEST_EXPECT_EQ(mm->rss, 1);
	addr = 0x40001234;			/* the page read before: now written */
	KTEST_EXPECT_FALSE(ktest_catch(write_byte, &addr, NULL));
	KTEST_EXPECT_EQ(mm->rss, 2);
	addr = TOP - 40 * P;				/* below the stack area */
	KTEST_EXPECT_FALSE(ktest_catch(write_byte, &addr, NULL));
	KTEST_EXPECT_EQ(stack->vm_start, TOP - 40 * P);
	KTEST_EXPECT_EQ(mm->rss, 3);

	/* Bad accesses: no fix-up here, so the fault comes back to ktest_catch(). */
	addr = 0x41000000;
	faulted = ktest_catch(write_byte, &addr, &f);
	KTEST_EXPECT_TRUE(faulted);
	KTEST_EXPECT_EQ(f.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(f.cr2, 0x41000000);
	KTEST_EXPECT_EQ(f.error_code & (X86_PF_WRITE | X86_PF_USER), X86_PF_WRITE);
	addr = 0x42000000;
	KTEST_EXPECT_TRUE(ktest_catch(read_byte, &addr, NULL));
	addr = 0x50000000;
	KTEST_EXPECT_TRUE(ktest_catch(read_byte, &addr, NULL));
	addr = TOP - STACK_RLIMIT - P;
	KTEST_EXPECT_TRUE(ktest_catch(write_byte, &addr, NULL));
	KTEST_EXPECT_EQ(mm->rss, 3);
	leave_mm();
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

/* ---- The shared zero page ---- */

static bool maps_zero_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_lookup(mm->pgd, addr);

	return pte && pte_present(*pte) && is_zero_pfn(pte_pfn(*pte)) && !pte_write(*pte);
}

static bool has_entry(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_lookup(mm->pgd, addr);

	return pte && !pte_none(*pte);
}

static bool reads_zero(unsigned long addr, unsigned long len)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		if (*(volatile u8 *)(addr + i))
			return false;
	return true;
}

/* The zero page's counts must never move: it is not refcounted, mapped or freed. */
struct zero_counts {
	int refcount, mapcount;
};

static struct zero_counts zero_counts(void)
{
	struct page *zp = ZERO_PAGE(0);

	return (struct zero_counts){ zp->_refcount, zp->_mapcount };
}

/* The end of a zero-page test: mm valid, then freed whole; the zero page's counts kept. */
static void expect_freed_and_zero_page_untouched(struct mm_struct *mm, unsigned long before,
						 struct zero_counts zc)
{
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
	KTEST_EXPECT_EQ(zero_counts().refcount, zc.refcount);
	KTEST_EXPECT_EQ(zero_counts().mapcount, zc.mapcount);
}

KTEST(fault, read_maps_the_zero_page_and_the_first_write_allocates)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = test_mm();
	struct zero_counts zc = zero_counts();
	unsigned long addr, free0;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_TRUE(PageReserved(ZERO_PAGE(0)));
	enter_mm(mm);
	*(volatile u8 *)0x40000000 = 1;		/* the page table, so only pages count */
	KTEST_EXPECT_EQ(mm->rss, 1);
	drain_all_pages();
	free0 = nr_free_pages();
	/* Reading three untouched pages takes no page at all. */
	KTEST_EXPECT_TRUE(reads_zero(0x40001000, 3 * P));
	KTEST_EXPECT_EQ(nr_free_pages(), free0);
	KTEST_EXPECT_EQ(mm->rss, 1);
	KTEST_EXPECT_TRUE(maps_zero_page(mm, 0x40001000) && maps_zero_page(mm, 0x40003000));
	KTEST_EXPECT_EQ(virt_to_phys_walk(mm->pgd, 0x40002000), page_to_phys(ZERO_PAGE(0)));
	/* A write to one of them: a page of its own, zero but for the byte written. */
	addr = 0x40002010;
	KTEST_EXPECT_FALSE(ktest_catch(write_byte, &addr, NULL));
	drain_all_pages();
	KTEST_EXPECT_EQ(nr_free_pages(), free0 - 1);
	KTEST_EXPECT_EQ(mm->rss, 2);
	KTEST_EXPECT_FALSE(maps_zero_page(mm, 0x40002000));
	KTEST_EXPECT_EQ(*(volatile u8 *)0x40002010, 0x5e);
	KTEST_EXPECT_TRUE(reads_zero(0x40002000, 0x10) && reads_zero(0x40002011, P - 0x11));
	KTEST_EXPECT_EQ(page_mapcount(pfn_to_page(PFN_DOWN(virt_to_phys_walk(mm->pgd,
								0x40002000)))), 1);
	/* The neighbours still share the zero page, which still reads zero. */
	KTEST_EXPECT_TRUE(maps_zero_page(mm, 0x40001000) && reads_zero(0x40001000, P));
	KTEST_EXPECT_EQ(mm->hiwater_rss, 2);
	/* A read-only area reads zero too, and a write there is still refused. */
	KTEST_EXPECT_TRUE(reads_zero(0x41000000, P) && maps_zero_page(mm, 0x41000000));
	addr = 0x41000000;
	KTEST_EXPECT_TRUE(ktest_catch(write_byte, &addr, NULL));
	KTEST_EXPECT_EQ(mm->rss, 2);
	leave_mm();
	expect_freed_and_zero_page_untouched(mm, before, zc);
}

/*
 * Every operation that walks ptes meets zero-page entries: none may put_page() the zero
 * page (it is PG_reserved, so that would be a "Bad page" report), count it in rss, or
 * make its entry writable.
 */
KTEST(fault, zero_page_entries_survive_mprotect_mremap_madvise_and_munmap)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	struct zero_counts zc = zero_counts();
	unsigned long m = 0x50000000, n;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_ASSERT_EQ(anon(mm, m, 8 * P, RW), m);
	KTEST_ASSERT_EQ(anon(mm, m + 8 * P, P, PROT_READ), m + 8 * P);	/* blocks growth */
	ktest_capture_start();
	enter_mm(mm);
	KTEST_EXPECT_TRUE(reads_zero(m, 8 * P));
	KTEST_EXPECT_EQ(mm->rss, 0);
	/* mprotect: read-only and back; the zero page's entry never becomes writable. */
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 8 * P, PROT_READ), 0);
	KTEST_EXPECT_TRUE(maps_zero_page(mm, m + 3 * P));
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 8 * P, RW), 0);
	KTEST_EXPECT_TRUE(maps_zero_page(mm, m + 3 * P));
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 8 * P, PROT_NONE), 0);
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 8 * P, RW), 0);
	KTEST_EXPECT_TRUE(maps_zero_page(mm, m + 3 * P) && reads_zero(m + 3 * P, P));
	*(volatile u8 *)(m + 3 * P) = 3;		/* the write still faults, and allocates */
	KTEST_EXPECT_EQ(mm->rss, 1);
	/* madvise(DONTNEED) drops zero-page entries without counting anything. */
	KTEST_EXPECT_EQ(do_madvise(mm, m, 2 * P, MADV_DONTNEED), 0);
	KTEST_EXPECT_FALSE(has_entry(mm, m) || has_entry(mm, m + P));
	KTEST_EXPECT_EQ(mm->rss, 1);
	KTEST_EXPECT_TRUE(reads_zero(m, 2 * P));
	/* mremap moves the zero-page entries with the real page. */
	n = do_mremap(mm, m, 8 * P, 16 * P, MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_FALSE(IS_ERR_VALUE(n));
	KTEST_EXPECT_NE(n, m);
	KTEST_EXPECT_TRUE(maps_zero_page(mm, n + 4 * P));
	KTEST_EXPECT_EQ(*(volatile u8 *)(n + 3 * P), 3);
	KTEST_EXPECT_EQ(mm->rss, 1);
	KTEST_EXPECT_TRUE(reads_zero(n + 4 * P, 12 * P));
	/* munmap of a range that is mostly zero page. */
	KTEST_EXPECT_EQ(do_munmap(mm, n, 16 * P), 0);
	KTEST_EXPECT_EQ(mm->rss, 0);
	leave_mm();
	ktest_capture_stop();
	KTEST_EXPECT_FALSE(ktest_capture_contains("BUG"));
	expect_freed_and_zero_page_untouched(mm, before, zc);
}

KTEST(fault, no_memory_in_kernel_mode_fails_the_access_and_leaks_nothing)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = test_mm();
	unsigned long addr = 0x40003000, free_before;

	KTEST_ASSERT_NOT_NULL(mm);
	enter_mm(mm);
	/* Fault the page table in first, so only the page itself is missing. */
	*(volatile u8 *)0x40000000 = 1;
	free_before = nr_free_pages();
	fail_page_alloc_set(~0UL);
	KTEST_EXPECT_TRUE(ktest_catch(write_byte, &addr, NULL));
	fail_page_alloc_set(0);
	KTEST_EXPECT_EQ(nr_free_pages(), free_before);
	KTEST_EXPECT_FALSE(ktest_catch(write_byte, &addr, NULL));	/* memory is back */
	leave_mm();
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(fault, segfault_report_has_linux_format)
{
	struct mm_struct *mm = mm_alloc();
	struct pt_regs regs;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x08048000, P, VM_READ | VM_EXEC, "prog"), 0);
	saved_current = current;
	fault_test_task.mm = mm;
	current = &fault_test_task;
	memset(&regs, 0, sizeof(regs));
	regs.eip = 0x08048123;
	regs.esp = 0xbff0f000;
	ktest_capture_start();
	show_signal_msg(&regs, 4, 0);
	regs.eip = 0x12345678;		/* outside the program: no "in" part */
	show_signal_msg(&regs, 6, 0xc0000000);
	ktest_capture_stop();
	current = saved_current;
	KTEST_EXPECT_LOGGED("faulttest[77]: segfault at 0 ip 08048123 sp bff0f000 error 4 "
			    "in prog[8048000+1000]\n");
	KTEST_EXPECT_LOGGED("faulttest[77]: segfault at c0000000 ip 12345678 sp bff0f000 "
			    "error 6\n");
	mmput(mm);
}

KTEST(fault, oom_report_has_linux_format)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(anon(mm, 0x40000000, 256 * P, RW), 0x40000000);
	KTEST_EXPECT_EQ(handle_mm_fault(mm, find_vma(mm, 0x40000000), 0x40000000,
					FAULT_FLAG_WRITE), 0);
	fault_test_task.mm = mm;
	ktest_capture_start();
	oom_kill_report(&fault_test_task);
	ktest_capture_stop();
	/* Linux 6.1's OOM report: header, Mem-Info, task table, summary, kill line */
	KTEST_EXPECT_LOGGED("faulttest invoked oom-killer: gfp_mask=0x1d2"
			    "(GFP_HIGHUSER|__GFP_ZERO), order=0, oom_score_adj=0\n");
	KTEST_EXPECT_LOGGED("Mem-Info:\nactive_anon:0 inactive_anon:0 isolated_anon:0\n");
	KTEST_EXPECT_LOGGED(" free:");
	KTEST_EXPECT_LOGGED("\nlowmem_reserve[]: 0 0 0\n");
	KTEST_EXPECT_LOGGED("\nDMA: ");		/* the zone every machine has */
	KTEST_EXPECT_LOGGED("kB (U) ");
	KTEST_EXPECT_LOGGED(" pages RAM\n");
	KTEST_EXPECT_LOGGED("Tasks state (memory values in pages):\n[  pid  ]   uid  tgid "
			    "total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	KTEST_EXPECT_LOGGED("[     77]     0    77      256        1     4096        0"
			    "             0 faulttest\n");
	KTEST_EXPECT_LOGGED("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),"
			    "task=faulttest,pid=77,uid=0\n");
	KTEST_EXPECT_LOGGED("Out of memory: Killed process 77 (faulttest) total-vm:1024kB, "
			    "anon-rss:4kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:4kB "
			    "oom_score_adj:0\n");
	mmput(mm);
}

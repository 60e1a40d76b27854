/*
 * Self-tests for fork's memory side and for the life of processes (kernel/fork.c,
 * kernel/exit.c, kernel/pid.c, mm/mmap.c's dup_mmap, mm/memory.c's copy-on-write).
 *
 * The address-space tests build an mm with mm_alloc() that no process runs in, fault
 * its pages in with handle_mm_fault() as a program's touches would, and fork it with
 * dup_mm() directly: the page counts are then exact, with nothing else running. The
 * process tests use kernel threads (children of init, which runs the tests) and the
 * wait machinery itself (do_wait, kernel_wait), with statuses in Linux's encoding.
 */
#include <ktest.h>
#include <highmem.h>
#include <mm.h>
#include <mmap.h>
#include <pgtable.h>
#include <resource.h>
#include <rmap.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <timer.h>
#include <wait.h>
#include <uapi/errno.h>
#include <uapi/mman.h>
#include "mm_test.h"

#define AREA		0x10000000UL
#define AREA_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_ACCOUNT)
#define __WALL		0x40000000
#define WNOHANG		0x00000001

static struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_lookup(mm->pgd, addr);

	if (!pte || !pte_present(*pte) || is_zero_pfn(pte_pfn(*pte)))
		return NULL;
	return pte_page(*pte);
}

static bool pte_writable(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_lookup(mm->pgd, addr);

	return pte && pte_write(*pte);
}

static int touch(struct mm_struct *mm, unsigned long addr, bool write)
{
	return handle_mm_fault(mm, find_vma(mm, addr), addr, write ? FAULT_FLAG_WRITE : 0);
}

/* An mm with one private writable area of pages pages, every one written. */
static struct mm_struct *touched_mm(unsigned long pages)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long i;

	if (!mm)
		return NULL;
	if (vm_map_fixed(mm, AREA, pages * P, AREA_FLAGS, "heap")) {
		mmput(mm);
		return NULL;
	}
	for (i = 0; i < pages; i++)
		if (touch(mm, AREA + i * P, true)) {
			mmput(mm);
			return NULL;
		}
	return mm;
}

static void poke(struct page *page, u32 v)
{
	u32 *p = kmap_atomic(page);

	*p = v;
	kunmap_atomic(p);
}

static u32 peek(struct page *page)
{
	u32 *p = kmap_atomic(page), v = *p;

	kunmap_atomic(p);
	return v;
}

/*
 * The count: after forking 64 MiB touched, free memory drops only by the page
 * tables (16 tables of 4 MiB, the directory, perhaps a slab page for the new mm and
 * area); every page is mapped twice and write-protected in both. Writes then copy
 * exactly the pages written, and a page mapped once again is reused without a copy.
 */
KTEST(fork, cow_64mib_costs_only_page_tables_and_writes_copy_exactly_the_pages_written)
{
	unsigned long pages = (64UL << 20) / P, base, before, after_fork, i, tables;
	struct mm_struct *mm, *child;
	struct page *pp, *cp;

	base = mm_pages_baseline();
	/* A small machine (the 16 MiB run) forks what half its memory holds, in 4 MiB steps. */
	if (base < pages + 2048)
		pages = (base / 2) & ~(PTRS_PER_PTE - 1UL);
	if (pages < PTRS_PER_PTE) {
		ktest_skip("%lu free pages: not even 4 MiB to fork", base);
		return;
	}
	tables = pages / PTRS_PER_PTE;
	mm = touched_mm(pages);
	KTEST_ASSERT_NOT_NULL(mm);
	poke(page_at(mm, AREA + 5 * P), 0x5eed);
	before = nr_free_pages();
	child = dup_mm(NULL, mm);
	KTEST_ASSERT_NOT_NULL(child);
	after_fork = nr_free_pages();
	pr_info("fork of %lu MiB touched: %lu pages taken (%lu page tables, a directory)\n",
		pages * P >> 20, before - after_fork, tables);
	KTEST_EXPECT_GE(before - after_fork, tables + 1);
	KTEST_EXPECT_LE(before - after_fork, tables + 3);
	KTEST_EXPECT_EQ(child->rss, pages);
	KTEST_EXPECT_EQ(mm->rss, pages);
	KTEST_EXPECT_EQ(page_mapcount(page_at(mm, AREA)), 2);
	KTEST_EXPECT_EQ(page_count(page_at(mm, AREA)), 2);
	KTEST_EXPECT_TRUE(page_at(mm, AREA + 7 * P) == page_at(child, AREA + 7 * P));
	KTEST_EXPECT_FALSE(pte_writable(mm, AREA + 7 * P));
	KTEST_EXPECT_FALSE(pte_writable(child, AREA + 7 * P));

	/* The child writes 100 pages: 100 copies, the parent's keep their contents. */
	for (i = 0; i < 100; i++)
		KTEST_EXPECT_EQ(touch(child, AREA + i * P, true), 0);
	KTEST_EXPECT_EQ(after_fork - nr_free_pages(), 100UL);
	pp = page_at(mm, AREA + 5 * P);
	cp = page_at(child, AREA + 5 * P);
	KTEST_EXPECT_TRUE(pp != cp);
	KTEST_EXPECT_EQ(peek(cp), 0x5eedU);	/* a copy of the parent's bytes */
	KTEST_EXPECT_EQ(page_mapcount(pp), 1);
	KTEST_EXPECT_EQ(page_mapcount(cp), 1);
	KTEST_EXPECT_TRUE(pte_writable(child, AREA + 5 * P));
	poke(cp, 42);
	KTEST_EXPECT_EQ(peek(pp), 0x5eedU);

	/* The parent writes the same pages: mapped once now, reused, no page taken. */
	for (i = 0; i < 100; i++)
		KTEST_EXPECT_EQ(touch(mm, AREA + i * P, true), 0);
	KTEST_EXPECT_EQ(after_fork - nr_free_pages(), 100UL);
	KTEST_EXPECT_TRUE(page_at(mm, AREA + 5 * P) == pp);

	/* The parent writes 10 others: still shared, so 10 copies; the child then reuses. */
	for (i = 200; i < 210; i++)
		KTEST_EXPECT_EQ(touch(mm, AREA + i * P, true), 0);
	for (i = 200; i < 210; i++)
		KTEST_EXPECT_EQ(touch(child, AREA + i * P, true), 0);
	KTEST_EXPECT_EQ(after_fork - nr_free_pages(), 110UL);

	/* A read fault on a shared page leaves it read-only. */
	KTEST_EXPECT_EQ(touch(mm, AREA + 300 * P, false), 0);
	KTEST_EXPECT_FALSE(pte_writable(mm, AREA + 300 * P));

	mmput(child);
	KTEST_EXPECT_EQ(page_mapcount(page_at(mm, AREA + 300 * P)), 1);
	KTEST_EXPECT_EQ(mm_pages_after(mm), base);
}

/* The zero page stays shared and uncounted; a write on either side gets a fresh page. */
KTEST(fork, zero_page_ptes_stay_shared)
{
	unsigned long base = mm_pages_baseline(), before;
	struct mm_struct *mm = mm_alloc(), *child;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_ASSERT_EQ(vm_map_fixed(mm, AREA, 4 * P, AREA_FLAGS, "zero"), 0);
	KTEST_ASSERT_EQ(touch(mm, AREA, false), 0);
	child = dup_mm(NULL, mm);
	KTEST_ASSERT_NOT_NULL(child);
	pte = pte_lookup(child->pgd, AREA);
	KTEST_ASSERT_NOT_NULL(pte);
	KTEST_EXPECT_TRUE(is_zero_pfn(pte_pfn(*pte)));
	KTEST_EXPECT_EQ(child->rss, 0UL);
	before = nr_free_pages();
	KTEST_EXPECT_EQ(touch(child, AREA, true), 0);
	KTEST_EXPECT_EQ(before - nr_free_pages(), 1UL);
	KTEST_EXPECT_EQ(child->rss, 1UL);
	KTEST_EXPECT_TRUE(is_zero_pfn(pte_pfn(*pte_lookup(mm->pgd, AREA))));
	mmput(child);
	KTEST_EXPECT_EQ(mm_pages_after(mm), base);
}

/* Overcommit: the child's private writable areas are charged again; locks not inherited. */
KTEST(fork, charges_are_copied_and_locks_are_not_inherited)
{
	unsigned long base = mm_pages_baseline(), committed;
	struct mm_struct *mm = mm_alloc(), *child;
	struct vm_area_struct *cvma;
	int saved = sysctl_overcommit_memory;

	KTEST_ASSERT_NOT_NULL(mm);
	/* Anonymous private writable memory (charged), 4 pages of it locked. */
	KTEST_ASSERT_EQ(do_mmap(mm, AREA, 8 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				-1, 0), AREA);
	KTEST_ASSERT_EQ(do_mmap(mm, AREA + 64 * P, 4 * P, RW,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_LOCKED, -1, 0),
			AREA + 64 * P);
	KTEST_EXPECT_EQ(mm->locked_vm, 4UL);
	committed = vm_memory_committed();
	child = dup_mm(NULL, mm);
	KTEST_ASSERT_NOT_NULL(child);
	KTEST_EXPECT_EQ(vm_memory_committed() - committed, 12UL);
	cvma = find_vma(child, AREA + 64 * P);
	KTEST_ASSERT_NOT_NULL(cvma);
	KTEST_EXPECT_FALSE(cvma->vm_flags & VM_LOCKED);
	KTEST_EXPECT_EQ(child->locked_vm, 0UL);
	KTEST_EXPECT_EQ(child->total_vm, mm->total_vm);
	mmput(child);
	KTEST_EXPECT_EQ(vm_memory_committed(), committed);

	/* Under OVERCOMMIT_NEVER with nothing left to promise, fork fails and undoes. */
	sysctl_overcommit_memory = OVERCOMMIT_NEVER;
	vm_acct_memory(vm_commit_limit());
	child = dup_mm(NULL, mm);
	vm_acct_memory(-(long)vm_commit_limit());
	sysctl_overcommit_memory = saved;
	KTEST_EXPECT_NULL(child);
	KTEST_EXPECT_EQ(vm_memory_committed(), committed);
	KTEST_EXPECT_EQ(mm_pages_after(mm), base);
}

/*
 * A fork that runs out of memory half-way undoes everything: for k = 0, 1, 2, ... free
 * pages, dup_mm() fails at each allocation in turn (directory, mm, areas, page tables)
 * until it succeeds; after each failure the free pages, slab objects, overcommit charge
 * and the parent's mapcounts are back where they were.
 */
KTEST(fork, a_fork_out_of_memory_half_way_undoes_everything)
{
	unsigned long base = mm_pages_baseline(), free0, objs0, committed, k;
	struct mm_struct *mm = touched_mm(1100), *child = NULL;	/* 2 page tables */
	int failures = 0, bad = 0;
	LIST_HEAD(hog);

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_ASSERT_EQ(vm_map_fixed(mm, AREA + (16UL << 20), 8 * P, AREA_FLAGS, "second"), 0);
	KTEST_ASSERT_EQ(touch(mm, AREA + (16UL << 20), true), 0);
	mm_caches_shrink();
	free0 = nr_free_pages();
	objs0 = nr_slab_objects();
	committed = vm_memory_committed();
	for (k = 0; k < 64 && !child; k++) {
		hog_all_but(&hog, k);
		child = dup_mm(NULL, mm);
		hog_release(&hog);
		if (child)
			break;
		failures++;
		mm_caches_shrink();
		bad += nr_free_pages() != free0 || nr_slab_objects() != objs0 ||
		       vm_memory_committed() != committed ||
		       page_mapcount(page_at(mm, AREA)) != 1 ||
		       page_mapcount(page_at(mm, AREA + (16UL << 20))) != 1;
	}
	pr_info("fork under memory pressure: %d failures undone, success with %lu pages free\n",
		failures, k);
	KTEST_EXPECT_GT(failures, 3);
	KTEST_EXPECT_EQ(bad, 0);
	KTEST_ASSERT_NOT_NULL(child);
	KTEST_EXPECT_EQ(child->rss, mm->rss);
	mmput(child);
	KTEST_EXPECT_EQ(mm_pages_after(mm), base);
}

/* ---- processes: pids, reparenting, wait statuses, limits ---- */

static int return_arg(void *arg)
{
	return (int)(unsigned long)arg;
}

static int die_by_signal(void *arg)
{
	do_exit((long)(unsigned long)arg);	/* a wait status: the signal number alone */
}

KTEST(fork, pids_follow_the_last_one_wrap_and_skip_those_in_use)
{
	int saved = last_pid;
	struct task_struct *a, *b, *c;

	last_pid = RESERVED_PIDS - 1;
	a = kthread_create(return_arg, NULL, "pid-a");
	KTEST_ASSERT_NOT_NULL(a);
	KTEST_EXPECT_EQ(a->pid, RESERVED_PIDS);
	last_pid = pid_max - 2;
	b = kthread_create(return_arg, NULL, "pid-b");
	c = kthread_create(return_arg, NULL, "pid-c");
	KTEST_ASSERT_NOT_NULL(b);
	KTEST_ASSERT_NOT_NULL(c);
	KTEST_EXPECT_EQ(b->pid, pid_max - 1);
	KTEST_EXPECT_EQ(c->pid, RESERVED_PIDS + 1);	/* wrapped, 300 is a's */
	wake_up_new_task(a);
	wake_up_new_task(b);
	wake_up_new_task(c);
	KTEST_EXPECT_EQ(kernel_wait(a), 0);
	KTEST_EXPECT_EQ(kernel_wait(b), 0);
	KTEST_EXPECT_EQ(kernel_wait(c), 0);
	/* 300 is free again: the next wrap takes it. */
	last_pid = pid_max - 1;
	a = kthread_run(return_arg, NULL, "pid-again");
	KTEST_ASSERT_NOT_NULL(a);
	KTEST_EXPECT_EQ(a->pid, RESERVED_PIDS);
	KTEST_EXPECT_EQ(kernel_wait(a), 0);
	last_pid = saved;
}

static DECLARE_WAIT_QUEUE_HEAD(orphan_wq);
static volatile int orphan_go;
static struct task_struct *orphan;

static int orphan_fn(void *arg)
{
	(void)arg;
	wait_event(orphan_wq, orphan_go);
	return 9;
}

static int orphan_parent(void *arg)
{
	(void)arg;
	orphan = kthread_run(orphan_fn, NULL, "orphan");
	return orphan ? 0 : 1;		/* exits without reaping it */
}

KTEST(fork, an_orphan_goes_to_init_which_reaps_it)
{
	struct task_struct *p;

	KTEST_ASSERT_EQ(current->pid, 1);	/* the tests run in init */
	orphan_go = 0;
	p = kthread_run(orphan_parent, NULL, "parent");
	KTEST_ASSERT_NOT_NULL(p);
	KTEST_EXPECT_EQ(kernel_wait(p), 0);
	KTEST_ASSERT_NOT_NULL(orphan);
	KTEST_EXPECT_TRUE(orphan->parent == current);
	orphan_go = 1;
	wake_up_all(&orphan_wq);
	KTEST_EXPECT_EQ(kernel_wait(orphan), 9);
}

KTEST(fork, wait_statuses_are_linux_s_and_the_run_protocol_keeps_shell_statuses)
{
	struct task_struct *t;
	int status = -1, pid;

	t = kthread_run(return_arg, (void *)42, "exit42");
	KTEST_ASSERT_NOT_NULL(t);
	pid = t->pid;
	KTEST_EXPECT_EQ(do_wait(pid, __WALL, &status), pid);
	KTEST_EXPECT_EQ(status, 42 << 8);
	KTEST_EXPECT_EQ(wait_status_to_shell(status), 42);

	t = kthread_run(die_by_signal, (void *)11, "segv");
	KTEST_ASSERT_NOT_NULL(t);
	pid = t->pid;
	KTEST_EXPECT_EQ(do_wait(-1, __WALL, &status), pid);
	KTEST_EXPECT_EQ(status, 11);
	KTEST_EXPECT_EQ(wait_status_to_shell(status), 139);

	/* Kernel threads have no exit signal: a wait without __WALL does not see them. */
	t = kthread_create(return_arg, NULL, "later");
	KTEST_ASSERT_NOT_NULL(t);
	KTEST_EXPECT_EQ(do_wait(t->pid, 0, &status), -ECHILD);
	KTEST_EXPECT_EQ(do_wait(t->pid, __WALL | WNOHANG, &status), 0);	/* not exited */
	wake_up_new_task(t);
	KTEST_EXPECT_EQ(kernel_wait(t), 0);
	KTEST_EXPECT_EQ(do_wait(-1, __WALL | WNOHANG, &status), -ECHILD);
	KTEST_EXPECT_EQ(do_wait(12345, __WALL, &status), -ECHILD);
}

KTEST(fork, beyond_max_threads_copy_process_refuses)
{
	int saved = max_threads;
	unsigned long free0 = nr_free_pages(), objs0 = nr_slab_objects();
	struct task_struct *t;

	max_threads = nr_threads;
	t = copy_process(return_arg, NULL, "too-many");
	max_threads = saved;
	KTEST_EXPECT_NULL(t);
	KTEST_EXPECT_EQ(nr_free_pages(), free0);
	KTEST_EXPECT_EQ(nr_slab_objects(), objs0);
}

/* ---- the scheduler's tick and timers ---- */

KTEST(fork, the_tick_asks_for_a_switch_when_the_slice_is_used_up)
{
	struct task_struct *t = kthread_create(return_arg, NULL, "other");
	unsigned long flags;
	int i, alone;

	KTEST_ASSERT_NOT_NULL(t);
	flags = local_irq_save();	/* no real tick meanwhile */
	need_resched = 0;
	current->time_slice = RR_TIMESLICE;
	for (i = 0; i < RR_TIMESLICE; i++)
		scheduler_tick();
	alone = need_resched;		/* nobody else runnable: keep running */
	wake_up_new_task(t);
	for (i = 0; i < RR_TIMESLICE - 1; i++)
		scheduler_tick();
	KTEST_EXPECT_EQ(need_resched, 0);	/* one tick of the slice left */
	scheduler_tick();
	KTEST_EXPECT_EQ(need_resched, 1);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(alone, 0);
	KTEST_EXPECT_EQ(kernel_wait(t), 0);	/* the switch clears the flag */
	KTEST_EXPECT_EQ(need_resched, 0);
}

KTEST(fork, schedule_timeout_sleeps_the_ticks_asked)
{
	unsigned long start = jiffies;
	long left;

	set_current_state(TASK_INTERRUPTIBLE);
	left = schedule_timeout(5);
	KTEST_EXPECT_EQ(left, 0L);
	KTEST_EXPECT_GE(jiffies - start, 5UL);
	KTEST_EXPECT_LE(jiffies - start, 7UL);
}

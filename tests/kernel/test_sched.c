/*
 * Self-tests for tasks and the scheduler (kernel/fork.c, kernel/sched/core.c,
 * kernel/exit.c, arch/x86/kernel/process_32.c): kernel threads run on their own stacks
 * round robin, the switch gives each its own TSS.esp0, page directory and callee-saved
 * registers, exit makes a zombie that the parent reaps, and the concurrency rule's
 * checks (might_sleep, the spinlock's held flag) report what they must.
 *
 * The tests run in init (pid 1), a kernel thread; the threads they create are its
 * children and are reaped before each test ends.
 */
#include <ktest.h>
#include <mm.h>
#include <pgtable.h>
#include <preempt.h>
#include <sched.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>
#include <mmap.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/tls.h>

struct mem_count {
	unsigned long pages, objects;
};

static void count_memory(struct mem_count *m)
{
	m->pages = nr_free_pages() + nr_slab_pages();
	m->objects = nr_slab_objects();
}

/* Give the CPU to every other runnable task once (we stay runnable). */
static void yield(void)
{
	schedule();
}

static char order_log[64];
static int order_len;

static int log_thread(void *arg)
{
	int i;

	for (i = 0; i < 3; i++) {
		order_log[order_len++] = *(const char *)arg;
		yield();
	}
	return *(const char *)arg;
}

KTEST(sched, kernel_threads_run_round_robin_and_are_reaped)
{
	static const char ids[3] = { 'a', 'b', 'c' };
	struct task_struct *t[3];
	struct mem_count before, after;
	int i, tasks = nr_tasks();

	count_memory(&before);
	order_len = 0;
	for (i = 0; i < 3; i++) {
		t[i] = kthread_run(log_thread, (void *)&ids[i], "logger");
		KTEST_ASSERT_NOT_NULL(t[i]);
		KTEST_EXPECT_TRUE(t[i]->parent == current);
	}
	KTEST_EXPECT_EQ(nr_tasks(), tasks + 3);
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(kernel_wait(t[i]), ids[i]);
	order_log[order_len] = 0;
	/* We sleep in kernel_wait(); the three take turns at each yield. */
	KTEST_EXPECT_STREQ(order_log, "abcabcabc");
	KTEST_EXPECT_EQ(nr_tasks(), tasks);
	KTEST_EXPECT_EQ(nr_running(), 1);		/* only us */
	count_memory(&after);
	KTEST_EXPECT_EQ(after.pages, before.pages);
	KTEST_EXPECT_EQ(after.objects, before.objects);
}

struct seen {
	unsigned long esp, esp0, cr3, stack;
	int pid;
	bool stack_ok;
};

static int look_around(void *arg)
{
	struct seen *s = arg;
	unsigned long here = (unsigned long)&s;

	s->esp = here;
	s->stack = (unsigned long)current->stack;
	s->stack_ok = here > s->stack + PAGE_SIZE && here < s->stack + THREAD_SIZE;
	s->esp0 = init_tss.esp0;
	s->cr3 = (unsigned long)current_pgd();
	s->pid = current->pid;
	return 0;
}

KTEST(sched, a_thread_runs_on_its_own_stack_with_its_esp0)
{
	struct seen s;
	struct task_struct *t;
	unsigned long my_esp0 = init_tss.esp0;

	memset(&s, 0, sizeof(s));
	t = kthread_run(look_around, &s, "looker");
	KTEST_ASSERT_NOT_NULL(t);
	KTEST_EXPECT_EQ(kernel_wait(t), 0);
	KTEST_EXPECT_TRUE(s.stack_ok);
	KTEST_EXPECT_EQ(s.esp0, s.stack + THREAD_SIZE);
	KTEST_EXPECT_EQ(s.cr3, (unsigned long)swapper_pg_dir);	/* a kernel thread: no mm */
	KTEST_EXPECT_GT(s.pid, 1);
	/* and ours came back with us */
	KTEST_EXPECT_EQ(init_tss.esp0, my_esp0);
	KTEST_EXPECT_EQ(init_tss.esp0, (unsigned long)current->stack + THREAD_SIZE);
}

/* Callee-saved registers hold known values across a switch to another task and back. */
static int clobber(void *arg)
{
	(void)arg;
	asm volatile("mov $0xdead, %%ebx; mov $0xdead, %%esi; mov $0xdead, %%edi"
		     : : : "ebx", "esi", "edi");
	return 0;
}

KTEST(sched, callee_saved_registers_survive_a_switch)
{
	struct task_struct *t = kthread_run(clobber, NULL, "clobber");
	unsigned long b, si, di;

	KTEST_ASSERT_NOT_NULL(t);
	asm volatile("mov $0x1111, %%ebx\n\t"
		     "mov $0x2222, %%esi\n\t"
		     "mov $0x3333, %%edi\n\t"
		     "call schedule\n\t"
		     "mov %%ebx, %0\n\t"
		     "mov %%esi, %1\n\t"
		     "mov %%edi, %2"
		     : "=m"(b), "=m"(si), "=m"(di)
		     : : "eax", "ebx", "ecx", "edx", "esi", "edi", "memory");
	KTEST_EXPECT_EQ(t->exit_state, EXIT_ZOMBIE);	/* it ran while we were away */
	KTEST_EXPECT_EQ(kernel_wait(t), 0);
	KTEST_EXPECT_EQ(b, 0x1111);
	KTEST_EXPECT_EQ(si, 0x2222);
	KTEST_EXPECT_EQ(di, 0x3333);
}

static int exit_early(void *arg)
{
	do_exit((int)(unsigned long)arg << 8);
}

KTEST(sched, exit_leaves_a_zombie_until_the_parent_reaps_it)
{
	struct task_struct *t = kthread_run(exit_early, (void *)42UL, "zombie");
	int pid;

	KTEST_ASSERT_NOT_NULL(t);
	pid = t->pid;
	while (!t->exit_state)
		yield();
	KTEST_EXPECT_EQ(t->exit_state, EXIT_ZOMBIE);
	KTEST_EXPECT_EQ(t->state, TASK_DEAD);
	KTEST_EXPECT_FALSE(t->on_rq);
	KTEST_EXPECT_EQ((unsigned long)find_task_by_pid(pid), (unsigned long)t);
	KTEST_EXPECT_EQ(kernel_wait(t), 42);
	KTEST_EXPECT_NULL(find_task_by_pid(pid));
}

KTEST(sched, idle_is_pid_0_and_the_tests_run_in_init)
{
	KTEST_EXPECT_EQ((unsigned long)find_task_by_pid(0), (unsigned long)&init_task);
	KTEST_EXPECT_STREQ(init_task.comm, "swapper");
	KTEST_EXPECT_EQ(current->pid, 1);
	KTEST_EXPECT_STREQ(current->comm, "init");
	KTEST_EXPECT_TRUE(current->parent == &init_task);
	KTEST_EXPECT_FALSE(init_task.on_rq);		/* idle runs only when nothing else can */
	KTEST_EXPECT_TRUE(current->on_rq);
}

KTEST(sched, tasks_cannot_be_made_without_memory)
{
	struct mem_count before, after;
	int tasks = nr_tasks();

	count_memory(&before);
	fail_page_alloc_set(~0UL);
	KTEST_EXPECT_NULL(kthread_run(exit_early, NULL, "nomem"));
	KTEST_EXPECT_EQ(kernel_thread(exit_early, NULL, "nomem"), -12);
	fail_page_alloc_set(0);
	KTEST_EXPECT_EQ(nr_tasks(), tasks);
	count_memory(&after);
	KTEST_EXPECT_EQ(after.pages, before.pages);
	KTEST_EXPECT_EQ(after.objects, before.objects);
}

/* The concurrency rule's checks (docs/concurrency.md). */

static void __attribute__((noinline)) schedule_with_irqs_off(void)
{
	local_irq_disable();
	schedule();
	local_irq_enable();
}

KTEST(sched, schedule_with_interrupts_off_is_reported)
{
	ktest_capture_start();
	schedule_with_irqs_off();
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("BUG: sleeping function called from invalid context at kernel/sched/core.c");
	KTEST_EXPECT_LOGGED("in_atomic(): 0, irqs_disabled(): 1, pid: 1, name: init");
	KTEST_EXPECT_LOGGED("caller is schedule_with_irqs_off+");
	KTEST_EXPECT_FALSE(irqs_disabled());
}

static void *__attribute__((noinline)) kmalloc_with_irqs_off(gfp_t gfp)
{
	unsigned long flags = local_irq_save();
	void *p = kmalloc(40, gfp);

	local_irq_restore(flags);
	return p;
}

static struct page *__attribute__((noinline)) alloc_page_with_irqs_off(gfp_t gfp)
{
	unsigned long flags = local_irq_save();
	struct page *page = alloc_page(gfp);

	local_irq_restore(flags);
	return page;
}

KTEST(sched, sleeping_allocation_with_interrupts_off_is_reported)
{
	struct page *page;
	void *p;

	ktest_capture_start();
	p = kmalloc_with_irqs_off(GFP_ATOMIC);
	page = alloc_page_with_irqs_off(GFP_ATOMIC);
	KTEST_EXPECT_FALSE(ktest_capture_contains("BUG:"));	/* GFP_ATOMIC is fine */
	kfree(p);
	__free_page(page);

	p = kmalloc_with_irqs_off(GFP_KERNEL);
	KTEST_EXPECT_LOGGED("BUG: sleeping function called from invalid context at mm/slab.c");
	KTEST_EXPECT_LOGGED("caller is kmalloc_with_irqs_off+");
	page = alloc_page_with_irqs_off(GFP_KERNEL);
	KTEST_EXPECT_LOGGED("BUG: sleeping function called from invalid context at mm/page_alloc.c");
	KTEST_EXPECT_LOGGED("caller is alloc_page_with_irqs_off+");
	ktest_capture_stop();
	/* The report does not refuse the allocation. */
	KTEST_EXPECT_NOT_NULL(p);
	KTEST_EXPECT_NOT_NULL(page);
	kfree(p);
	if (page)
		__free_page(page);
}

static DEFINE_SPINLOCK(test_lock);

static void __attribute__((noinline)) take_twice(void)
{
	unsigned long flags;

	spin_lock_irqsave(&test_lock, flags);
	spin_lock(&test_lock);		/* on one CPU: a deadlock on a real spinlock */
	spin_unlock(&test_lock);
	spin_unlock_irqrestore(&test_lock, flags);	/* now one unlock too many */
}

KTEST(sched, spinlock_recursion_and_double_unlock_are_reported)
{
	unsigned long flags;

	spin_lock_irqsave(&test_lock, flags);
	KTEST_EXPECT_TRUE(irqs_disabled());
	KTEST_EXPECT_TRUE(spin_is_locked(&test_lock));
	spin_unlock_irqrestore(&test_lock, flags);
	KTEST_EXPECT_FALSE(irqs_disabled());
	KTEST_EXPECT_FALSE(spin_is_locked(&test_lock));

	ktest_capture_start();
	take_twice();
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("BUG: spinlock recursion on CPU#0, init/1");
	KTEST_EXPECT_LOGGED(" lock: test_lock, .owner: init/1, caller is take_twice+");
	KTEST_EXPECT_LOGGED("BUG: spinlock already unlocked on CPU#0, init/1");
	KTEST_EXPECT_FALSE(spin_is_locked(&test_lock));
	KTEST_EXPECT_FALSE(irqs_disabled());		/* the flags were still restored */
}

/*
 * __switch_to for tasks with a user mm: two threads that pretend to be processes (an mm
 * each, a TLS descriptor each, their own value in XMM0) take turns; after every switch
 * back each must find its own page directory in CR3, its own descriptor in GDT entry 6
 * and its own XMM0. The kernel never uses SSE itself, so only the switch can keep them.
 */
#define FXSAVE_XMM0	160		/* offset of XMM0 in the FXSAVE image */

struct switch_probe {
	struct mm_struct *mm;
	u64 tls;
	u32 xmm0;
	int rounds_ok;
};

static u8 probe_area[2][FPU_STATE_SIZE] __aligned(FPU_STATE_ALIGN);

static int switch_probe_thread(void *arg)
{
	struct switch_probe *p = arg;
	u8 *area = probe_area[p->xmm0 & 1];
	unsigned long flags;
	int i;

	flags = local_irq_save();	/* become a "process", as exec_mmap() does */
	current->mm = p->mm;
	switch_pgd(p->mm->pgd);
	local_irq_restore(flags);
	current->tls_array[0] = p->tls;
	load_TLS(current);
	fpu_state_init(area);
	memcpy(area + FXSAVE_XMM0, &p->xmm0, sizeof(p->xmm0));
	fpu_restore(area);

	for (i = 0; i < 4; i++) {
		schedule();
		fpu_save(area);
		if (current_pgd() == p->mm->pgd && gdt_table[GDT_ENTRY_TLS_MIN] == p->tls &&
		    !memcmp(area + FXSAVE_XMM0, &p->xmm0, sizeof(p->xmm0)))
			p->rounds_ok++;
	}

	flags = local_irq_save();	/* a kernel thread again, before anyone frees the mm */
	switch_pgd(swapper_pg_dir);
	current->mm = NULL;
	local_irq_restore(flags);
	tls_exit(current);
	fpu_reset();
	return 0;
}

KTEST(sched, a_switch_gives_each_process_its_cr3_tls_and_fpu_registers)
{
	struct user_desc desc = { .entry_number = 6, .limit = 0xfffff, .seg_32bit = 1,
				  .limit_in_pages = 1, .useable = 1 };
	struct switch_probe p[2];
	struct task_struct *t[2];
	int i;

	if (!fpu_has_fxsr()) {
		ktest_skip("no FXSR: the XMM0 check needs fxsave");
		return;
	}
	for (i = 0; i < 2; i++) {
		desc.base_addr = 0x10000000 * (i + 1);
		p[i] = (struct switch_probe){ .mm = mm_alloc(), .tls = tls_desc_encode(&desc),
					      .xmm0 = 0x5eed0000 + i };
		KTEST_ASSERT_NOT_NULL(p[i].mm);
	}
	KTEST_ASSERT_NE(p[0].tls, p[1].tls);
	for (i = 0; i < 2; i++) {
		t[i] = kthread_run(switch_probe_thread, &p[i], "probe");
		KTEST_ASSERT_NOT_NULL(t[i]);
	}
	for (i = 0; i < 2; i++) {
		KTEST_EXPECT_EQ(kernel_wait(t[i]), 0);
		KTEST_EXPECT_EQ(p[i].rounds_ok, 4);
		mmput(p[i].mm);
	}
	KTEST_EXPECT_EQ(gdt_table[GDT_ENTRY_TLS_MIN], 0);
	KTEST_EXPECT_EQ((unsigned long)current_pgd(), (unsigned long)swapper_pg_dir);
}

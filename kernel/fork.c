/*
 * Making tasks (Linux's kernel/fork.c): the task_struct cache, pids, kernel stacks,
 * copy_process() and the kernel-thread helpers built on it.
 *
 * A task is a task_struct (a slab object, 16-byte aligned for the FXSAVE area in its
 * thread_struct) and a kernel stack of THREAD_SIZE = 16 KiB, one order-2 block, so
 * 16 KiB aligned (kallsyms finds a stack's base from esp). Its top holds the struct
 * pt_regs of the task's user mode. Its lowest page is taken out of the direct map while
 * the task lives: a guard page, as below the boot stack. A kernel stack overflow then
 * faults on it, the CPU cannot push the page-fault frame either, and the double-fault
 * task (arch/x86/kernel/doublefault_32.c) reports "kernel stack overflow" instead of
 * the stack silently eating whatever lies below it. That leaves 12 KiB of stack, half
 * again what Linux i386 gives a task (8 KiB).
 *
 * Pids are 1, 2, 3, ... and never reused (issue 14 brings pid_max and reuse). The idle
 * task is pid 0. Every task is on init_task.tasks and on its parent's children list until
 * release_task() (kernel/exit.c) takes it off; a task cannot free the stack it runs on,
 * so the parent frees it when it reaps the zombie.
 *
 * Relies on: alloc_pages, kmem_cache_*, fpu_state_init, copy_thread (process_32.c),
 * wake_up_new_task (kernel/sched/core.c), do_exit (kernel/exit.c).
 */
#include <sched.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <pgtable.h>
#include <resource.h>
#include <fdtable.h>
#include <string.h>
#include <timekeeping.h>
#include <uapi/errno.h>
#include <asm/fpu.h>
#include <asm/x86.h>

static int next_pid = 1;
static struct kmem_cache *task_cachep;
int nr_threads;			/* every task but init_task (Linux's count) */

/* The guard: the stack's lowest page, unmapped (its frame is still ours, unused). */
static void stack_guard_set(void *stack)
{
	unmap_kernel_page((unsigned long)stack);
}

/* Back into the direct map as paging_init() maps it, before the block is freed. */
static void stack_guard_clear(void *stack)
{
	u32 global = (read_cr4() & X86_CR4_PGE) ? _PAGE_GLOBAL : 0;

	if (map_kernel_page((unsigned long)stack, __pa(stack), PAGE_KERNEL | global))
		panic("cannot map the guard page of a kernel stack back");
}

struct task_struct *stack_guard_hit(unsigned long esp)
{
	unsigned long base = (unsigned long)current->stack;

	if (current != &init_task && esp >= base && esp < base + PAGE_SIZE + 64)
		return current;
	return NULL;
}

void set_task_comm(struct task_struct *tsk, const char *path)
{
	const char *base = path, *s;

	for (s = path; *s; s++)
		if (*s == '/' && s[1])
			base = s + 1;
	strlcpy(tsk->comm, base, sizeof(tsk->comm));
}

/* At boot, once the slab allocator is up (Linux's proc_caches_init()). */
void proc_caches_init(void)
{
	task_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct),
					FPU_STATE_ALIGN, SLAB_PANIC, NULL);
}

static struct task_struct *alloc_task_struct(void)
{
	struct task_struct *tsk;
	struct page *page;

	BUG_ON(!task_cachep);
	tsk = kmem_cache_zalloc(task_cachep, GFP_KERNEL);
	if (!tsk)
		return NULL;
	page = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!page || copy_signal(tsk)) {
		if (page)
			__free_pages(page, THREAD_SIZE_ORDER);
		kmem_cache_free(task_cachep, tsk);
		return NULL;
	}
	BUG_ON((unsigned long)tsk->thread.fpu_state & (FPU_STATE_ALIGN - 1));
	tsk->stack = page_address(page);
	stack_guard_set(tsk->stack);
	fpu_state_init(tsk->thread.fpu_state);
	return tsk;
}

/* What a task owns, and the task: for free_task() and a copy_process() that failed. */
static void free_task_struct_only(struct task_struct *tsk)
{
	stack_guard_clear(tsk->stack);
	free_pages((unsigned long)tsk->stack, THREAD_SIZE_ORDER);
	exit_files(tsk);		/* if exit did not (a task that never ran) */
	exit_fs(tsk);
	exit_creds(&tsk->cred);
	exit_signal(tsk);
	kmem_cache_free(task_cachep, tsk);
}

void free_task(struct task_struct *tsk)
{
	free_task_struct_only(tsk);
	nr_threads--;
}

struct task_struct *copy_process(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *p = alloc_task_struct();

	if (!p)
		return NULL;
	if (copy_files(0, p) || copy_fs(0, p)) {
		free_task_struct_only(p);
		return NULL;
	}
	p->state = TASK_UNINTERRUPTIBLE;	/* until wake_up_new_task() */
	p->flags = PF_KTHREAD;			/* until an exec gives it an mm */
	p->pid = next_pid++;
	set_task_comm(p, comm);
	/* Every task starts as root, as init (fork will copy the parent's, issue 14). */
	cred_init_root(&p->cred);
	p->start_time = ktime_get_ns();
	p->parent = current;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->run_list);
	init_waitqueue_head(&p->wait_chldexit);
	copy_thread(p, fn, arg);

	/* Task lists: only tasks touch them, so no lock (docs/concurrency.md, rule 1). */
	list_add_tail(&p->tasks, &init_task.tasks);
	list_add_tail(&p->sibling, &current->children);
	nr_threads++;
	return p;
}

int kernel_thread(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *p = copy_process(fn, arg, comm);

	if (!p)
		return -ENOMEM;
	wake_up_new_task(p);
	return p->pid;
}

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
};

/*
 * Every kthread starts here. The info block is copied to the stack first: it was
 * allocated by the creator, and the thread owns it from its first instruction.
 */
static int kthread(void *_create)
{
	struct kthread_create_info create = *(struct kthread_create_info *)_create;

	kfree(_create);
	do_exit(create.threadfn(create.data));
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char *name)
{
	struct kthread_create_info *create = kmalloc(sizeof(*create), GFP_KERNEL);
	struct task_struct *p;

	if (!create)
		return NULL;
	create->threadfn = threadfn;
	create->data = data;
	p = copy_process(kthread, create, name);
	if (!p)
		kfree(create);
	return p;
}

struct task_struct *kthread_run(int (*threadfn)(void *data), void *data, const char *name)
{
	struct task_struct *p = kthread_create(threadfn, data, name);

	if (p)
		wake_up_new_task(p);
	return p;
}

struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *p;

	if (pid == 0)
		return &init_task;
	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->pid == pid)
			return p;
	return NULL;
}

int nr_tasks(void)
{
	return nr_threads + 1;	/* and init_task */
}

/*
 * Making tasks (Linux's kernel/fork.c): the task_struct cache, kernel stacks,
 * copy_process() for kernel threads and for fork/vfork/clone, and the kernel-thread
 * helpers built on it.
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
 * Pids come from alloc_pid() (kernel/pid.c: Linux's order, pid_max, reuse). The idle
 * task is pid 0. Every task is on init_task.tasks and on its parent's children list until
 * release_task() (kernel/exit.c) takes it off; a task cannot free the stack it runs on,
 * so the parent (or init, once it is orphaned) frees it when it reaps the zombie.
 *
 * fork copies, as Linux: the credentials (the group list too: it is copied, not shared,
 * since nothing here counts references to it), the limits, process group and session
 * (signal_struct), the TLS descriptors, the FPU registers, the user registers (the child
 * returns 0 in eax) and the address space (dup_mm: areas copied, private pages shared
 * read-only until written, mm/memory.c). vfork shares the mm instead (mm_users) and the
 * parent sleeps until the child gives it back (exit, or exec's mm_release). Limits:
 * max_threads tasks in all and RLIMIT_NPROC per real uid (root exempt, as Linux's
 * INIT_USER), both -EAGAIN. Any failure undoes everything it did, in reverse.
 *
 * Relies on: alloc_pages, kmem_cache_*, fpu_save/fpu_state_init, copy_thread and
 * copy_thread_user (process_32.c), dup_mmap (mm/mmap.c), wake_up_new_task
 * (kernel/sched/core.c), do_exit (kernel/exit.c), copy_creds (kernel/cred.c),
 * copy_signal_from (kernel/resource.c), tls_pick_entry/tls_install (tls.c).
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
#include <err.h>
#include <mmap.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <asm/fpu.h>
#include <asm/tls.h>
#include <asm/x86.h>

static struct kmem_cache *task_cachep;
int nr_threads;			/* every task but init_task (Linux's count) */
int max_threads = 20;		/* fork_init() sizes it from RAM */

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
	max_threads = fork_max_threads();	/* Linux's fork_init() */
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
	if (!page || copy_signal_from(tsk, current)) {
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

/* Tasks whose real uid is uid, zombies included (Linux's ucounts of RLIMIT_NPROC). */
static unsigned long nr_processes_of(uid_t uid)
{
	struct task_struct *p;
	unsigned long n = 0;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->cred.uid == uid && p->exit_state != EXIT_DEAD)
			n++;
	return n;
}

/* Linux's order: the process count of the user, then the task count, both -EAGAIN. */
static int fork_limits_ok(bool user)
{
	if (user && current->cred.uid != 0 &&
	    nr_processes_of(current->cred.uid) >= rlimit(RLIMIT_NPROC) &&
	    !cred_capable(&current->cred))
		return -EAGAIN;
	if (nr_threads >= max_threads)
		return -EAGAIN;
	return 0;
}

/*
 * CLONE_SETTLS: the child starts with one descriptor set from a struct user_desc. As
 * Linux's do_set_thread_area(..., can_allocate = 0), the entry must be named: -1 (pick
 * one) is -EINVAL here, since there is nowhere to tell the caller which was picked.
 */
static int copy_tls(struct task_struct *p, unsigned long tls)
{
	struct user_desc info;
	int idx;

	if (copy_from_user(&info, (const void *)tls, sizeof(info)))
		return -EFAULT;
	if ((int)info.entry_number == -1)
		return -EINVAL;
	idx = tls_pick_entry(p, &info);
	if (idx < 0)
		return idx;
	tls_install(p, idx, &info);	/* p is not current: only its array changes */
	return 0;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *p)
{
	struct mm_struct *oldmm = current->mm;

	p->mm = NULL;
	if (!oldmm)
		return 0;
	if (clone_flags & CLONE_VM) {
		oldmm->mm_users++;	/* vfork: the same mm, one more user */
		p->mm = oldmm;
		return 0;
	}
	p->mm = dup_mm(p, oldmm);
	return p->mm ? 0 : -ENOMEM;
}

struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	(void)tsk;
	if (!mm)
		return NULL;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	mm->mmap_base = oldmm->mmap_base;
	mm->task_size = oldmm->task_size;
	/* def_flags' VM_LOCKED (mlockall MCL_FUTURE) is not inherited, as in Linux. */
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);	/* every area, pte and page reference taken so far */
		return NULL;
	}
	mm->hiwater_rss = mm->rss;
	return mm;
}

/*
 * The common part of every new task. args NULL: a kernel thread that runs fn(arg) (the
 * run loop's child, kthreads); else a fork/vfork/clone of current, which returns to user
 * mode with current's registers. Returns the task or an ERR_PTR.
 */
static struct task_struct *__copy_process(int (*fn)(void *), void *arg, const char *comm,
					  struct kernel_clone_args *args)
{
	unsigned long clone_flags = args ? args->flags : 0;
	struct task_struct *p;
	int err, pid;

	err = fork_limits_ok(args != NULL);
	if (err)
		return ERR_PTR(err);
	pid = alloc_pid();
	if (pid < 0)
		return ERR_PTR(pid);
	p = alloc_task_struct();
	if (!p)
		return ERR_PTR(-ENOMEM);
	/* The descriptor table and the root and cwd: copied, or shared with CLONE_FILES/FS. */
	if (copy_files(clone_flags, p) || copy_fs(clone_flags, p)) {
		free_task_struct_only(p);
		return ERR_PTR(-ENOMEM);
	}
	p->state = TASK_UNINTERRUPTIBLE;	/* until wake_up_new_task() */
	p->pid = p->tgid = pid;
	p->time_slice = RR_TIMESLICE;
	p->start_time = ktime_get_ns();
	p->parent = current;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->run_list);
	init_waitqueue_head(&p->wait_chldexit);
	if (!args) {
		p->flags = PF_KTHREAD;		/* until an exec gives it an mm */
		set_task_comm(p, comm);
		/* Kernel threads start as root, as init. */
		cred_init_root(&p->cred);
		copy_thread(p, fn, arg);
		goto link;
	}

	p->flags = PF_FORKNOEXEC;
	p->exit_signal = clone_flags & CSIGNAL;
	memcpy(p->comm, current->comm, sizeof(p->comm));
	err = copy_creds(&p->cred, &current->cred);
	if (err)
		goto bad_fork_free;
	err = copy_mm(clone_flags, p);
	if (err)
		goto bad_fork_free;
	memcpy(p->tls_array, current->tls_array, sizeof(p->tls_array));
	if (clone_flags & CLONE_SETTLS) {
		err = copy_tls(p, args->tls);
		if (err)
			goto bad_fork_cleanup_mm;
	}
	/* The parent's FPU registers are live (only a switch saves them): store a copy. */
	fpu_save(p->thread.fpu_state);
	copy_thread_user(p, args->stack);
	if (clone_flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (clone_flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	if (clone_flags & CLONE_VFORK) {
		p->vfork_pending = true;
		p->vfork_parent = current;
	}

link:
	/* Task lists: only tasks touch them, so no lock (docs/concurrency.md, rule 1). */
	list_add_tail(&p->tasks, &init_task.tasks);
	list_add_tail(&p->sibling, &current->children);
	nr_threads++;
	return p;

bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_free:
	/*
	 * free_task() gives back the stack, the creds' group list and the signal_struct, and
	 * counts the task out: count it in first, nothing else saw it.
	 */
	nr_threads++;
	free_task(p);
	return ERR_PTR(err);
}

struct task_struct *copy_process(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *p = __copy_process(fn, arg, comm, NULL);

	return IS_ERR(p) ? NULL : p;
}

int kernel_thread(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *p = copy_process(fn, arg, comm);

	if (!p)
		return -ENOMEM;
	wake_up_new_task(p);
	return p->pid;
}

/* The flags fork, vfork and posix_spawn use; threads (CLONE_THREAD...) come later. */
#define CLONE_SUPPORTED	(CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_SETTLS | \
			 CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)

long kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *p;
	int pid;

	if (args->flags & ~CLONE_SUPPORTED)
		return -EINVAL;
	/* Sharing the mm without vfork's wait is a thread's business: not yet. */
	if ((args->flags & CLONE_VM) && !(args->flags & CLONE_VFORK))
		return -EINVAL;
	if (!current->mm)
		return -EINVAL;		/* a kernel thread has nothing to fork */
	p = __copy_process(NULL, NULL, NULL, args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	/* In the parent's memory, once the child exists; a fault is ignored, as in Linux. */
	if (args->flags & CLONE_PARENT_SETTID)
		(void)copy_to_user((void *)args->parent_tid, &pid, sizeof(pid));
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)	/* until the child exits or execs (mm_release) */
		wait_event(current->wait_chldexit, !p->vfork_pending);
	return pid;
}

long sys_fork(void)
{
	struct kernel_clone_args args = { .flags = SIGCHLD };

	return kernel_clone(&args);
}

long sys_vfork(void)
{
	struct kernel_clone_args args = { .flags = CLONE_VFORK | CLONE_VM | SIGCHLD };

	return kernel_clone(&args);
}

/* i386 is CONFIG_CLONE_BACKWARDS: flags, newsp, parent_tidptr, tls, child_tidptr. */
long sys_clone(unsigned long clone_flags, unsigned long newsp, unsigned long parent_tidptr,
	       unsigned long tls, unsigned long child_tidptr)
{
	struct kernel_clone_args args = {
		.flags = clone_flags, .stack = newsp, .parent_tid = parent_tidptr,
		.child_tid = child_tidptr, .tls = tls,
	};

	return kernel_clone(&args);
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
	do_exit((create.threadfn(create.data) & 0xff) << 8);	/* its exit code */
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

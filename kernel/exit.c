/*
 * The end of a task: exit, exit_group, death by a CPU exception, reparenting, reaping,
 * and the waits that reap: wait4, waitpid, waitid.
 *
 * do_exit() runs on the dying task's own kernel stack (from a system call, a trap, or a
 * kernel thread that is done). It gives back what only the task used: the address space
 * (every VMA, page and page table, through mmput() after switching to the kernel's page
 * directory, since freeing the directory in CR3 would pull the floor from under us),
 * its TLS descriptors in the GDT, the FPU registers' contents. Its children go to init
 * (forget_original_parent). Then it becomes a zombie
 * (exit_state EXIT_ZOMBIE), wakes its parent, who sleeps on wait_chldexit, and calls
 * schedule() for the last time in state TASK_DEAD. The kernel stack and the task_struct
 * are left: a task cannot free the stack it runs on. The parent frees both when it reaps
 * the zombie (kernel_wait(), release_task()); on one CPU it cannot run before the zombie
 * has switched away, since the zombie holds the CPU until its last schedule().
 *
 * Exit status: task->exit_code is Linux's wait status, what wait4 stores: (code & 0xff)
 * << 8 for exit(code), the signal number S for a task killed by S (no core dumps, so
 * never the 0x80 bit). kernel_wait() and the run-elf line show it as a shell does:
 * code, or 128 + S (wait_status_to_shell). There are no signal handlers yet, so every
 * signal a CPU exception raises (SIGSEGV, SIGILL, SIGFPE, SIGTRAP, SIGBUS) kills;
 * force_sig_fault() first prints a line in the format of Linux's show_signal()/segfault reports, e.g.
 *	hello[2] trap invalid opcode ip:8049000 sp:bfffefd0 error:0 in hello[8049000+1000]
 *	hello[2] general protection fault ip:8049003 sp:bfffefd0 error:0 in hello[...]
 * Page faults are reported by the fault handler itself ("segfault at ..."), which then
 * calls force_sig_fault(); so is an out-of-memory kill (it calls do_exit directly).
 *
 * Relies on: mmput, find_vma (the mm layer), switch_pgd, tls_exit, fpu_reset, the
 * scheduler and wait queues, copy_to_user, task_pgrp (kernel/pid.c).
 */
#include <sched.h>
#include <kernel.h>
#include <mmap.h>
#include <pgtable.h>
#include <preempt.h>
#include <signal.h>
#include <fdtable.h>
#include <syscalls.h>
#include <wait.h>
#include <resource.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/sections.h>
#include <asm/tls.h>
#include <asm/traps.h>
#include <asm/x86.h>

/*
 * The task gives its mm back (Linux's mm_release, at exit and at exec): a vfork parent
 * waiting for it wakes; CLONE_CHILD_CLEARTID's word is zeroed, but only if another task
 * still uses the mm, as Linux does (nobody else could read it otherwise). The futex wake
 * that goes with it comes with threads.
 */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	u32 zero = 0;

	if (tsk->clear_child_tid) {
		if (mm && mm->mm_users > 1)
			(void)copy_to_user((void *)tsk->clear_child_tid, &zero, sizeof(zero));
		tsk->clear_child_tid = 0;
	}
	if (tsk->vfork_pending) {
		tsk->vfork_pending = false;
		wake_up_all(&tsk->vfork_parent->wait_chldexit);
	}
}

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	mm_release(tsk, mm);
	if (!mm)
		return;
	/* "maps" on the command line: the address space as the program leaves it. */
	if (cmdline_has("maps")) {
		printk(KERN_ERR "%s[%d]: memory map at exit (rss %lu pages, peak %lu):\n",
		       tsk->comm, tsk->pid, mm->rss, mm->hiwater_rss);
		show_maps(mm);
	}
	/* Off the directory first, then free it; an interrupt meanwhile sees no mm. */
	local_irq_disable();
	switch_pgd(swapper_pg_dir);
	tsk->mm = NULL;
	local_irq_enable();
	mmput(mm);
	/* The registers held this task's user state: nobody may see it. */
	fpu_reset();
}

/* Who adopts the orphans: init (pid 1), or the idle task before init exists. */
static struct task_struct *find_child_reaper(struct task_struct *father)
{
	struct task_struct *init = find_task_by_pid(1);

	return init && init != father ? init : &init_task;
}

/*
 * Linux's forget_original_parent(): every child of the dying task goes to init, which
 * reaps it (reap_all_children for the run loop's programs). A child already a zombie
 * wakes its new parent, as Linux notifies init for it.
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *reaper = find_child_reaper(father), *p, *n;
	bool zombie = false;

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->parent = reaper;
		list_move_tail(&p->sibling, &reaper->children);
		zombie |= p->exit_state == EXIT_ZOMBIE;
	}
	if (zombie)
		wake_up_all(&reaper->wait_chldexit);
}

__noreturn void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (in_interrupt())
		panic("Aiee, killing interrupt handler!");
	if (tsk == &init_task)
		panic("Attempted to kill the idle task!");
	if (tsk->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	/* Exceptions arrive through interrupt gates; a task's own context takes interrupts. */
	local_irq_enable();
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	exit_mm(tsk);
	exit_files(tsk);	/* closes them: a pipe's reader sees end of file now */
	exit_fs(tsk);
	/* Interrupts return through our %fs/%gs: they must not name a cleared descriptor. */
	asm volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
	tls_exit(tsk);

	/* exit_notify(): orphans to init; a zombie until the parent reaps it. */
	forget_original_parent(tsk);
	tsk->exit_state = EXIT_ZOMBIE;
	wake_up_all(&tsk->parent->wait_chldexit);	/* SIGCHLD once signals exist */

	set_current_state(TASK_DEAD);
	schedule();
	panic("do_exit: %s[%d] ran again after its last schedule()", tsk->comm, tsk->pid);
}

void release_task(struct task_struct *p)
{
	BUG_ON(p->exit_state != EXIT_ZOMBIE || p == current);
	p->exit_state = EXIT_DEAD;
	list_del(&p->tasks);
	list_del(&p->sibling);
	free_task(p);
}

int wait_status_to_shell(int wstatus)
{
	if (!(wstatus & 0x7f))
		return (wstatus >> 8) & 0xff;	/* WIFEXITED: WEXITSTATUS */
	return 128 + (wstatus & 0x7f);		/* WIFSIGNALED: 128 + WTERMSIG */
}

int kernel_wait(struct task_struct *p)
{
	int code;

	BUG_ON(p->parent != current);
	wait_event(current->wait_chldexit, p->exit_state == EXIT_ZOMBIE);
	code = wait_status_to_shell(p->exit_code);
	release_task(p);
	return code;
}

/* A user process among current's children that has not exited yet. */
static bool user_child_running(void)
{
	struct task_struct *p;

	list_for_each_entry(p, &current->children, sibling)
		if (!(p->flags & PF_KTHREAD) && !p->exit_state)
			return true;
	return false;
}

void reap_all_children(void)
{
	struct task_struct *p, *n;

	for (;;) {
		list_for_each_entry_safe(p, n, &current->children, sibling)
			if (!(p->flags & PF_KTHREAD) && p->exit_state == EXIT_ZOMBIE)
				release_task(p);
		if (!user_child_running())
			return;
		wait_event(current->wait_chldexit, !user_child_running());
	}
}

/* ---- wait4, waitpid, waitid ---- */

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

#define P_ALL		0
#define P_PID		1
#define P_PGID		2

/* Linux's eligible_pid() and eligible_child(): which children a wait may pick. */
static bool eligible_child(struct task_struct *p, int pid, int options)
{
	if (pid > 0 && p->pid != pid)
		return false;
	if (pid == 0 && task_pgrp(p) != task_pgrp(current))
		return false;
	if (pid < -1 && task_pgrp(p) != -pid)
		return false;
	/* A "clone" child (exit signal other than SIGCHLD) only with __WCLONE or __WALL. */
	if (!(options & __WALL) && ((p->exit_signal != SIGCHLD) ^ !!(options & __WCLONE)))
		return false;
	return true;
}

/*
 * The zombie to reap, or NULL with *any saying whether an eligible child exists at all.
 * Stopped and continued children (WUNTRACED, WCONTINUED) need signals: none yet.
 */
static struct task_struct *find_zombie(int pid, int options, bool *any)
{
	struct task_struct *p;

	*any = false;
	list_for_each_entry(p, &current->children, sibling) {
		if (!eligible_child(p, pid, options))
			continue;
		*any = true;
		if (p->exit_state == EXIT_ZOMBIE)
			return p;
	}
	return NULL;
}

static long __do_wait(int pid, int options, int *wstatus, uid_t *uid)
{
	DEFINE_WAIT(wait);
	struct task_struct *p;
	bool any;
	long ret;

	for (;;) {
		prepare_to_wait(&current->wait_chldexit, &wait, TASK_INTERRUPTIBLE);
		p = find_zombie(pid, options, &any);
		if (p || !any || (options & WNOHANG))
			break;
		schedule();
	}
	finish_wait(&current->wait_chldexit, &wait);
	if (!p)
		return any ? 0 : -ECHILD;
	*wstatus = p->exit_code;
	*uid = p->cred.uid;
	ret = p->pid;
	if (!(options & WNOWAIT))
		release_task(p);
	return ret;
}

long do_wait(int pid, int options, int *wstatus)
{
	uid_t uid;

	return __do_wait(pid, options, wstatus, &uid);
}

/* struct rusage of i386 (18 longs): no CPU times are kept yet, so it is all zero. */
struct rusage32 {
	long fields[18];
};

long sys_wait4(int pid, int *stat_addr, int options, struct rusage32 *ru)
{
	struct rusage32 zero = { { 0 } };
	int status = 0;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (pid == (-2147483647 - 1))
		return -ESRCH;		/* -INT_MIN cannot be negated (Linux's check) */
	ret = do_wait(pid, options | WEXITED, &status);
	/* As Linux: the child is reaped even if the status cannot be stored. */
	if (ret > 0 && stat_addr && copy_to_user(stat_addr, &status, sizeof(status)))
		return -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, &zero, sizeof(zero)))
		return -EFAULT;
	return ret;
}

long sys_waitpid(int pid, int *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}

/* The part of i386's siginfo_t that waitid fills (Linux writes only these fields). */
struct waitid_info {
	int si_signo, si_errno, si_code;
	int si_pid;
	u32 si_uid;
	int si_status;
};

#define CLD_EXITED	1
#define CLD_KILLED	2

long sys_waitid(int which, int upid, struct waitid_info *infop, int options,
		struct rusage32 *ru)
{
	struct rusage32 zero = { { 0 } };
	struct waitid_info info = { 0 };
	int pid, status = 0;
	uid_t uid = 0;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	/*
	 * Linux also accepts WSTOPPED or WCONTINUED alone; without signals no child can stop
	 * or continue, so such a wait could only sleep forever: refused until signals exist.
	 */
	if (!(options & WEXITED))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		pid = -1;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		pid = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		pid = upid ? -upid : 0;
		if (pid == -1)
			return -EINVAL;	/* group 1 is P_PGID 1, not "any": no such group */
		break;
	default:
		return -EINVAL;
	}
	ret = __do_wait(pid, options, &status, &uid);
	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.si_pid = ret;
		info.si_uid = uid;
		if (status & 0x7f) {
			info.si_code = CLD_KILLED;
			info.si_status = status & 0x7f;
		} else {
			info.si_code = CLD_EXITED;
			info.si_status = (status >> 8) & 0xff;
		}
		ret = 0;
	}
	if (ret < 0)
		return ret;
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	if (ru && copy_to_user(ru, &zero, sizeof(zero)))
		return -EFAULT;
	return 0;
}

long sys_getppid(void)
{
	return current->parent->pid;
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

/* One thread per process: the same as exit. */
long sys_exit_group(int code)
{
	do_exit((code & 0xff) << 8);
}

/* " in prog[8048000+1000]" when ip is inside one of the program's own areas. */
static void print_vma_of(unsigned long ip, char *buf, size_t len)
{
	struct vm_area_struct *vma;

	buf[0] = 0;
	if (!current->mm)
		return;
	vma = find_vma(current->mm, ip);
	if (vma && vma->vm_start <= ip && !vma_is_anonymous(vma) && vma->vm_name)
		snprintf(buf, len, " in %s[%lx+%lx]", vma->vm_name, vma->vm_start,
			 vma->vm_end - vma->vm_start);
}

__noreturn void force_sig_fault(struct pt_regs *regs, int sig, const char *what)
{
	char where[TASK_COMM_LEN + 32];

	if (!current->mm || !user_mode(regs)) {
		/* Only user code gets signals: anything else is a kernel bug. */
		pr_emerg("signal %d (%s) outside a user process\n", sig, what);
		die(what, regs);
		machine_halt();
	}
	if (regs->vector != X86_TRAP_PF) {
		print_vma_of(regs->eip, where, sizeof(where));
		if (regs->vector == X86_TRAP_GP)
			pr_info("%s[%d] general protection fault ip:%x sp:%x error:%x%s\n",
				current->comm, current->pid, regs->eip, regs->esp,
				regs->error_code, where);
		else
			pr_info("%s[%d] trap %s ip:%x sp:%x error:%x%s\n", current->comm,
				current->pid, what, regs->eip, regs->esp, regs->error_code, where);
	}
	do_exit(sig);
}

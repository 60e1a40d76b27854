/*
 * The end of a task: exit, exit_group, death by a CPU exception, and reaping.
 *
 * do_exit() runs on the dying task's own kernel stack (from a system call, a trap, or a
 * kernel thread that is done). It gives back what only the task used: the address space
 * (every VMA, page and page table, through mmput() after switching to the kernel's page
 * directory, since freeing the directory in CR3 would pull the floor from under us),
 * its TLS descriptors in the GDT, the FPU registers' contents. Then it becomes a zombie
 * (exit_state EXIT_ZOMBIE), wakes its parent, who sleeps on wait_chldexit, and calls
 * schedule() for the last time in state TASK_DEAD. The kernel stack and the task_struct
 * are left: a task cannot free the stack it runs on. The parent frees both when it reaps
 * the zombie (kernel_wait(), release_task()); on one CPU it cannot run before the zombie
 * has switched away, since the zombie holds the CPU until its last schedule().
 *
 * Exit status as a shell reports it: exit(code) gives code & 0xff; a task killed by
 * signal S gives 128 + S. There are no signal handlers yet, so every signal a CPU
 * exception raises (SIGSEGV, SIGILL, SIGFPE, SIGTRAP, SIGBUS) kills; force_sig_fault()
 * first prints a line in the format of Linux's show_signal()/segfault reports, e.g.
 *	hello[2] trap invalid opcode ip:8049000 sp:bfffefd0 error:0 in hello[8049000+1000]
 *	hello[2] general protection fault ip:8049003 sp:bfffefd0 error:0 in hello[...]
 * Page faults are reported by the fault handler itself ("segfault at ..."), which then
 * calls force_sig_fault(); so is an out-of-memory kill (it calls do_exit directly).
 *
 * Relies on: mmput, find_vma (the mm layer), switch_pgd, tls_exit, fpu_reset, the
 * scheduler and wait queues.
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
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/sections.h>
#include <asm/tls.h>
#include <asm/traps.h>
#include <asm/x86.h>

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

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

__noreturn void do_exit(int code)
{
	struct task_struct *tsk = current;

	if (in_interrupt())
		panic("Aiee, killing interrupt handler!");
	if (tsk == &init_task)
		panic("Attempted to kill the idle task!");
	if (tsk->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08x", code);
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

	/* exit_notify(): a zombie until the parent reaps it. */
	tsk->exit_state = EXIT_ZOMBIE;
	wake_up(&tsk->parent->wait_chldexit);

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

int kernel_wait(struct task_struct *p)
{
	int code;

	BUG_ON(p->parent != current);
	wait_event(current->wait_chldexit, p->exit_state == EXIT_ZOMBIE);
	code = p->exit_code;
	release_task(p);
	return code;
}

long sys_exit(int code)
{
	do_exit(code & 0xff);
}

/* One thread per process: the same as exit. */
long sys_exit_group(int code)
{
	do_exit(code & 0xff);
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
	do_exit(128 + sig);
}

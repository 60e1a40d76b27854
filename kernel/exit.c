/*
 * The end of a process: exit, exit_group, and death by a CPU exception.
 *
 * do_exit() runs on the dying process's kernel stack (from a system call or a trap) or,
 * if loading failed, on the run loop's own stack. It gives back what only the process
 * used: the address space (every VMA, page and page table, through mmput() after
 * switching to the kernel's page directory, since freeing the directory in CR3 would
 * pull the floor from under us), its TLS descriptors in the GDT, the FPU registers'
 * contents. Then it longjmps to the run loop (exit_env, set in run_program()), which
 * frees the kernel stack and the task_struct: they cannot be freed here because we are
 * still running on the one and pointed to by the other.
 *
 * Exit status as a shell reports it: exit(code) gives code & 0xff; a process killed by
 * signal S gives 128 + S. There are no signal handlers yet, so every signal a CPU
 * exception raises (SIGSEGV, SIGILL, SIGFPE, SIGTRAP, SIGBUS) kills; force_sig_fault()
 * first prints a line in the format of Linux's show_signal()/segfault reports, e.g.
 *	hello[1] trap invalid opcode ip:8049000 sp:bfffefd0 error:0 in hello[8049000+1000]
 *	hello[1] general protection fault ip:8049003 sp:bfffefd0 error:0 in hello[...]
 * Page faults are reported by the fault handler itself ("segfault at ..."), which then
 * calls force_sig_fault(); so is an out-of-memory kill (it calls do_exit directly).
 *
 * Relies on: mmput, find_vma (the mm layer), switch_pgd, tls_exit, fpu_reset,
 * longjmp, tss_set_kernel_stack.
 */
#include <sched.h>
#include <kernel.h>
#include <mmap.h>
#include <pgtable.h>
#include <signal.h>
#include <syscalls.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/sections.h>
#include <asm/tls.h>
#include <asm/traps.h>
#include <asm/x86.h>

__noreturn void do_exit(int code)
{
	struct task_struct *tsk = current;

	if (!tsk)
		panic("do_exit(%d) with no process running", code);
	local_irq_disable();
	tsk->exit_code = code;
	switch_pgd(swapper_pg_dir);
	if (tsk->mm) {
		/* "maps" on the command line: the address space as the program leaves it. */
		if (cmdline_has("maps")) {
			printk(KERN_ERR "%s[%d]: memory map at exit (rss %lu pages, peak %lu):\n",
			       tsk->comm, tsk->pid, tsk->mm->rss, tsk->mm->hiwater_rss);
			show_maps(tsk->mm);
		}
		mmput(tsk->mm);
		tsk->mm = NULL;
	}
	tls_exit(tsk);
	fpu_reset();
	/* Until the next process, a trap from ring 3 is impossible; point esp0 home anyway. */
	tss_set_kernel_stack((unsigned long)boot_stack_top);
	asm volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
	longjmp(tsk->exit_env, 1);
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

	if (!current || !user_mode(regs)) {
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

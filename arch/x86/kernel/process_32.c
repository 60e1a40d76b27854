/*
 * The x86 half of tasks: entering ring 3 (start_thread), a new task's first switch
 * (copy_thread for a kernel function, copy_thread_user for fork's child) and the switch itself (switch_to, __switch_to).
 *
 * Entering user mode is a return from a trap that never happened: the task's struct
 * pt_regs, at the top of its kernel stack exactly where the CPU and entry_32.asm put one
 * when the program traps in, is filled with cs/ss/ds/es the user selectors, eflags 0x202
 * (interrupts on), every general register 0 (glibc registers edx with atexit), and
 * esp/eip from the loader. The task then leaves the kernel through ret_from_trap: for a
 * task created by the run loop, ret_from_fork jumps there once its kernel function (the
 * exec) has returned.
 *
 * switch_to(prev, next) runs with interrupts off (schedule() holds the run-queue lock).
 * __switch_to() gives the CPU next's per-task state:
 *	TSS.esp0	next's stack top, where the next trap from ring 3 will land
 *	FPU/SSE		prev's registers saved into its FXSAVE area, next's loaded (eager,
 *			as Linux since 4.x); only tasks with a user mm own FPU state, so a
 *			switch to or from a kernel thread skips that side
 *	TLS		next's three descriptors into GDT 6..8 (load_TLS)
 *	%fs, %gs	cleared: the kernel does not use them, each task's user values are in
 *			its pt_regs, and a selector naming a descriptor another task has just
 *			changed must not be reloaded by an interrupt's return
 * and __switch_to_asm (switch_to_32.asm) changes stacks. CR3 is switched by the
 * scheduler before (switch_mm, kernel/sched/core.c).
 *
 * Relies on: tss_set_kernel_stack, load_TLS, fpu_save/fpu_restore, __switch_to_asm,
 * ret_from_fork.
 */
#include <sched.h>
#include <kernel.h>
#include <string.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/tls.h>
#include <asm/x86.h>

#define EFLAGS_FIXED		0x2UL	/* bit 1 of eflags always reads 1 */

struct task_struct *__switch_to_asm(unsigned long *prev_sp, unsigned long next_sp,
				    struct task_struct *prev);

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->eip = ip;
	regs->cs = __USER_CS;
	regs->eflags = X86_EFLAGS_IF | EFLAGS_FIXED;
	regs->esp = sp;
	regs->ss = __USER_DS;
	regs->ds = __USER_DS;
	regs->es = __USER_DS;
	regs->fs = 0;
	regs->gs = 0;
}

void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct pt_regs *regs = task_pt_regs(p);
	struct inactive_task_frame *frame = (struct inactive_task_frame *)regs - 1;

	/* Until an exec fills them, a return to user mode would fault on cs 0: visibly. */
	memset(regs, 0, sizeof(*regs));
	memset(frame, 0, sizeof(*frame));
	frame->ebx = (unsigned long)fn;
	frame->edi = (unsigned long)arg;
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;
	p->thread.sp0 = (unsigned long)p->stack + THREAD_SIZE;
}

/*
 * fork's child: the parent's user registers (the struct pt_regs its system call saved)
 * at the top of the child's stack, with eax = 0, the child's return value, and esp =
 * sp when clone gave a stack. The first switch returns into ret_from_fork with ebx = 0:
 * no kernel function, straight to ret_from_trap and user mode.
 */
void copy_thread_user(struct task_struct *p, unsigned long sp)
{
	struct pt_regs *regs = task_pt_regs(p);
	struct inactive_task_frame *frame = (struct inactive_task_frame *)regs - 1;

	*regs = *task_pt_regs(current);
	regs->eax = 0;
	if (sp)
		regs->esp = sp;
	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;
	p->thread.sp0 = (unsigned long)p->stack + THREAD_SIZE;
}

static void __switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm)
		fpu_save(prev->thread.fpu_state);
	if (next->mm) {
		fpu_restore(next->thread.fpu_state);
		load_TLS(next);
	}
	tss_set_kernel_stack(next->thread.sp0);
	asm volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
}

struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next)
{
	__switch_to(prev, next);
	return __switch_to_asm(&prev->thread.sp, next->thread.sp, prev);
}

/*
 * What the CPU needs to switch to a task and to start it in ring 3
 * (arch/x86/kernel/process_32.c, arch/x86/kernel/switch_to_32.asm).
 *
 * A task that is not running is frozen inside switch_to(): its kernel stack holds a
 * struct inactive_task_frame (the callee-saved registers and where to return), and
 * thread.sp points at it. Switching to it loads that esp, pops the frame and returns,
 * which resumes it in the middle of its own switch_to() call. A new task gets a hand-made
 * frame from copy_thread() whose return address is ret_from_fork.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include "../types.h"
#include "fpu.h"

struct task_struct;
struct pt_regs;

struct thread_struct {
	unsigned long sp;	/* kernel esp while switched out: an inactive_task_frame */
	unsigned long sp0;	/* top of the kernel stack: TSS.esp0 while it runs */
	/* The task's FPU/SSE registers while it is switched out (FXSAVE image). */
	u8 fpu_state[FPU_STATE_SIZE] __aligned(FPU_STATE_ALIGN);
};

/*
 * The order in which __switch_to_asm pushes (lowest address first) and pops. A new task's
 * frame uses ebx and edi to carry the kernel thread's function and argument into
 * ret_from_fork (ebx = 0: no function, return straight to user mode).
 */
struct inactive_task_frame {
	unsigned long edi;
	unsigned long esi;
	unsigned long ebx;
	unsigned long ebp;
	unsigned long ret_addr;
};

/* Set the user registers so that the return to ring 3 enters the program at ip, sp. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
/* A new task's first switch: frame under its pt_regs, running fn(arg) first if fn. */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg);
/* fork: current's user registers, eax 0, esp = sp if not 0; ret_from_fork to user mode. */
void copy_thread_user(struct task_struct *p, unsigned long sp);
/* Switch CPU state from prev to next; returns, in next, the task it came from. */
struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next);
/* Start a new task's life on its own stack (switch_to_32.asm). */
void ret_from_fork(void);

#endif /* _ASM_PROCESSOR_H */

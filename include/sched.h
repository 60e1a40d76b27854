/*
 * Processes (kernel/process.c, kernel/exit.c, kernel/exec.c).
 *
 * One process runs at a time, to completion: the kernel's run loop starts it, and when
 * it exits (or is killed) everything it owned is freed before the next one starts.
 * There is no scheduler yet; "current" is the process running now, or NULL.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include "types.h"
#include "mm_types.h"
#include "setjmp.h"

#define TASK_COMM_LEN	16

struct pt_regs;

struct task_struct {
	int pid;
	char comm[TASK_COMM_LEN];	/* program name (basename), for reports */
	struct mm_struct *mm;
	void *stack;			/* kernel stack, THREAD_SIZE bytes, aligned */
	int exit_code;			/* status as a shell shows it: code, or 128 + signal */
	u64 tls_array[3];		/* set_thread_area descriptors (GDT entries 6..8) */
	unsigned long clear_child_tid;
	void *fpu_state;		/* 512-byte FXSAVE area, 16-byte aligned */
	jmp_buf exit_env;		/* do_exit() returns to the run loop through this */
};

extern struct task_struct *current;

/* End the current process with this status (kernel/exit.c): frees everything it owned. */
__noreturn void do_exit(int code);

#endif /* _SCHED_H */

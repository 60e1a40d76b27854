/*
 * Processes (kernel/process.c, kernel/exit.c, fs/binfmt_elf.c).
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
#include "asm/ptrace.h"
#include "asm/sections.h"	/* THREAD_SIZE */

#define TASK_COMM_LEN	16

struct pt_regs;

struct task_struct {
	int pid;
	char comm[TASK_COMM_LEN];	/* program name (basename), for reports */
	struct mm_struct *mm;
	struct signal_struct *signal;	/* resource limits (include/resource.h) */
	void *stack;			/* kernel stack, THREAD_SIZE bytes, aligned */
	int exit_code;			/* status as a shell shows it: code, or 128 + signal */
	u64 tls_array[3];		/* set_thread_area descriptors (GDT entries 6..8) */
	unsigned long clear_child_tid;
	u64 start_time;			/* ktime_get_ns() when it entered user mode */
	void *fpu_state;		/* 512-byte FXSAVE area, 16-byte aligned */
	jmp_buf exit_env;		/* do_exit() returns to the run loop through this */
};

extern struct task_struct *current;

/*
 * The kernel stack is THREAD_SIZE bytes, THREAD_SIZE aligned (an order-2 buddy block).
 * Its top holds the user registers while the process is in the kernel (the CPU and
 * entry.asm push them there, starting at TSS.esp0); its bottom holds the FXSAVE area
 * and a canary word that catches a stack overflow (kernel/process.c).
 */
#define THREAD_SIZE_ORDER	2

static inline struct pt_regs *task_pt_regs(const struct task_struct *tsk)
{
	return (struct pt_regs *)((char *)tsk->stack + THREAD_SIZE) - 1;
}

/*
 * Run one program to completion: "PATH ARG..." is its command line (argv[0] = PATH,
 * comm = basename), image/size its ELF file in kernel memory. Returns the status a
 * shell would show: the exit code & 0xff, 128 + signal when killed, or
 * EXIT_STATUS_NOEXEC when the file could not be loaded (kernel/process.c).
 */
#define EXIT_STATUS_NOEXEC	126
int run_program(const char *path_and_args, const void *image, size_t size);
/* The task_struct cache; at boot, after the slab allocator. */
void proc_caches_init(void);
/* "run" on the command line: every Multiboot module, one after another. */
void run_boot_modules(void);

/* Ends the current process with a shell status; returns to run_program (kernel/exit.c). */
__noreturn void do_exit(int code);

#endif /* _SCHED_H */

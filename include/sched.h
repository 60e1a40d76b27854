/*
 * Tasks and the scheduler: task_struct, task states, the run queue, kernel threads,
 * exit and reaping (kernel/fork.c, kernel/sched/core.c, kernel/exit.c,
 * arch/x86/kernel/process_32.c; the run-elf protocol is kernel/run_elf.c).
 *
 * Every task has its own kernel stack and a saved CPU context (thread); schedule()
 * switches between the runnable ones round robin. The boot thread becomes the idle task,
 * pid 0 ("swapper"); "init" (pid 1) is a kernel thread that runs the self-tests or the
 * programs. The kernel is not preemptive (docs/concurrency.md): a task in the kernel
 * runs until it sleeps, exits or yields; user mode is preempted when its time slice
 * (RR_TIMESLICE ticks) is used up.
 *
 * "current" is the running task, never NULL. Self-tests may point it at a stand-in task
 * for a while, as long as they do not sleep meanwhile.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include "types.h"
#include "list.h"
#include "mm_types.h"
#include "asm/processor.h"
#include "asm/ptrace.h"
#include "asm/sections.h"	/* THREAD_SIZE */
#include "cred.h"
#include "jiffies.h"

/*
 * Task states, Linux's values. state says whether the task may run; exit_state what is
 * left of it once it has exited.
 */
#define TASK_RUNNING		0x0000	/* on the run queue (running or ready) */
#define TASK_INTERRUPTIBLE	0x0001	/* asleep; a wake-up or (later) a signal wakes it */
#define TASK_UNINTERRUPTIBLE	0x0002	/* asleep; only a wake-up wakes it */
#define __TASK_STOPPED		0x0004	/* reserved for SIGSTOP (issue 14) */
#define EXIT_DEAD		0x0010	/* exit_state: reaped, about to be freed */
#define EXIT_ZOMBIE		0x0020	/* exit_state: exited, waiting for its parent */
#define TASK_DEAD		0x0080	/* state of a task past its last schedule() */
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* flags */
#define PF_EXITING		0x00000004	/* in do_exit() */
#define PF_FORKNOEXEC		0x00000040	/* forked but did not exec (Linux's) */
#define PF_KTHREAD		0x00200000	/* a kernel thread (no user mm) */

#define TASK_COMM_LEN	16

#include "wait.h"

struct pt_regs;

struct task_struct {
	struct thread_struct thread;	/* saved esp, esp0: arch/x86/kernel/process_32.c */
	volatile long state;		/* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
	int exit_state;			/* 0, EXIT_ZOMBIE, EXIT_DEAD */
	unsigned int flags;		/* PF_* */
	bool on_rq;			/* on the run queue (state may already say asleep) */
	int pid;
	int tgid;			/* = pid: one thread per process */
	int exit_signal;		/* clone's CSIGNAL byte: SIGCHLD for fork (0 for kthreads) */
	int time_slice;			/* ticks left of its round-robin slice */
	char comm[TASK_COMM_LEN];	/* program name (basename), for reports */
	struct mm_struct *mm;		/* user address space; NULL for kernel threads */
	struct signal_struct *signal;	/* resource limits (include/resource.h) */
	void *stack;			/* kernel stack, THREAD_SIZE bytes, aligned */
	int exit_code;			/* status as a shell shows it: code, or 128 + signal */
	u64 tls_array[3];		/* set_thread_area descriptors (GDT entries 6..8) */
	unsigned long clear_child_tid;	/* CLONE_CHILD_CLEARTID, set_tid_address */
	unsigned long set_child_tid;	/* CLONE_CHILD_SETTID: written by the child first */
	/* CLONE_VFORK: the parent sleeps on its wait_chldexit until this is cleared. */
	bool vfork_pending;
	struct task_struct *vfork_parent;
	u64 start_time;			/* ktime_get_ns() when it was created */
	struct list_head tasks;		/* on the list of every task (init_task's) */
	struct list_head run_list;	/* on the run queue while on_rq */
	struct task_struct *parent;	/* who reaps it: its creator, or init once orphaned */
	struct list_head children;	/* tasks this one created, not yet reaped */
	struct list_head sibling;	/* on parent->children */
	/* The parent sleeps here for a child to exit (Linux: signal->wait_chldexit). */
	wait_queue_head_t wait_chldexit;
	struct cred cred;		/* ids and root's privilege (kernel/cred.c) */
	struct files_struct *files;	/* open files (include/fdtable.h) */
	struct fs_struct *fs;		/* root, cwd, umask (include/fdtable.h) */
};

extern struct task_struct *current;
extern struct task_struct init_task;	/* the idle task, pid 0, on the boot stack */
extern int nr_threads;		/* tasks created and not yet freed, idle not counted (Linux's) */

#define set_current_state(s)	do { current->state = (s); asm volatile("" : : : "memory"); } while (0)
#define __set_current_state(s)	(current->state = (s))

/*
 * The kernel stack is THREAD_SIZE bytes, THREAD_SIZE aligned (an order-2 buddy block).
 * Its top holds the user registers while the task is in the kernel (the CPU and
 * entry.asm push them there, starting at TSS.esp0); its lowest page is unmapped, a guard
 * that turns an overflow into a double fault with a report (kernel/fork.c), so 12 KiB
 * are usable.
 */
#define THREAD_SIZE_ORDER	2

static inline struct pt_regs *task_pt_regs(const struct task_struct *tsk)
{
	return (struct pt_regs *)((char *)tsk->stack + THREAD_SIZE) - 1;
}

/* kernel/pid.c: Linux's pid allocation, pid_max 32768 */
#define PID_MAX_DEFAULT		0x8000
#define RESERVED_PIDS		300	/* a wrap restarts above the daemons' pids */
extern int pid_max;
extern int last_pid;			/* the last pid handed out */
int alloc_pid(void);			/* a free pid after last_pid, or -EAGAIN */
/* Process group and session, kept in signal_struct (include/resource.h). */
int task_pgrp(const struct task_struct *tsk);
int task_session(const struct task_struct *tsk);

/* kernel/fork.c */
extern int max_threads;			/* fork refuses with -EAGAIN beyond this many tasks */
void proc_caches_init(void);		/* the task_struct cache; at boot, after slab */
/*
 * A new task, not yet runnable, child of current: task_struct, pid, kernel stack, and a
 * first switch that runs fn(arg) in the kernel. When fn returns, the task returns to
 * user mode with the registers in task_pt_regs() (which exec has set): a function that
 * does not exec must call do_exit() instead. NULL if out of memory.
 */
struct task_struct *copy_process(int (*fn)(void *), void *arg, const char *comm);

/* Linux's clone flags that fork and vfork use; the others are refused (-EINVAL). */
#define CSIGNAL			0x000000ff	/* the signal sent to the parent at exit */
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

struct kernel_clone_args {
	unsigned long flags;		/* CLONE_* | exit signal */
	unsigned long stack;		/* the child's user esp, 0: the parent's */
	unsigned long parent_tid;	/* user pointers for the SETTID/CLEARTID flags */
	unsigned long child_tid;
	unsigned long tls;		/* CLONE_SETTLS: a struct user_desc * (i386) */
};
/* fork/vfork/clone from a system call: the new pid or -errno (-EAGAIN, -ENOMEM, -EINVAL). */
long kernel_clone(struct kernel_clone_args *args);
/* A copy of mm with every area; private writable pages shared read-only (COW). */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);
/* copy_process() and wake_up_new_task(): returns the pid, or -ENOMEM. */
int kernel_thread(int (*fn)(void *), void *arg, const char *comm);
/* A kernel thread that exits with threadfn(data) as its exit code; created asleep. */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *name);
struct task_struct *kthread_run(int (*threadfn)(void *data), void *data, const char *name);
void free_task(struct task_struct *tsk);	/* kernel stack and task_struct */
/* The task whose stack guard page esp is in (current's or the boot stack's), or NULL. */
struct task_struct *stack_guard_hit(unsigned long esp);
void set_task_comm(struct task_struct *tsk, const char *path);	/* basename, 15 chars */
struct task_struct *find_task_by_pid(int pid);
int nr_tasks(void);			/* tasks in existence, the idle task included */

/* kernel/sched/core.c */
#define RR_TIMESLICE		(100 * HZ / 1000)	/* 100 ms, Linux's SCHED_RR slice */
extern volatile int need_resched;	/* set by the tick: switch on the way to user mode */
void scheduler_tick(void);		/* from the timer interrupt */
void schedule_user(void);		/* entry_32.asm, before returning to user mode */
void sched_init(void);			/* current = init_task, the run queue */
void schedule(void);
void wake_up_new_task(struct task_struct *p);
int wake_up_process(struct task_struct *p);	/* 1 if it was asleep */
int try_to_wake_up(struct task_struct *p, unsigned int state);
void schedule_tail(struct task_struct *prev);	/* a new task's first instructions */
__noreturn void cpu_idle(void);		/* the idle task's loop */
int nr_running(void);			/* tasks on the run queue */
extern unsigned long nr_context_switches;

/* kernel/exit.c */
/*
 * Ends the current task; never returns. code is Linux's wait status: (status & 0xff) << 8
 * for an exit, the signal number for a death by signal.
 */
__noreturn void do_exit(long code);
/* The status a shell shows for a wait status: the exit code, or 128 + signal. */
int wait_status_to_shell(int wstatus);
/* Wait for child p to exit, reap it (release_task); returns the shell status. */
int kernel_wait(struct task_struct *p);
/* Reap every child of current, waiting for those still running (orphans of a program). */
void reap_all_children(void);
/*
 * wait4's core: pid > 0 that child, -1 any, 0 current's process group, < -1 group -pid.
 * Stores the wait status; returns the pid reaped, 0 (WNOHANG, none ready) or -ECHILD.
 */
long do_wait(int pid, int options, int *wstatus);
void release_task(struct task_struct *p);
/* tsk gives its mm back (exit, exec): wakes a vfork parent, CLONE_CHILD_CLEARTID. */
void mm_release(struct task_struct *tsk, struct mm_struct *mm);

/* kernel/run_elf.c: run one program to completion, print the exit status and leaks. */
#define EXIT_STATUS_NOEXEC	126
/*
 * "PATH ARG..." is its command line (argv[0] = PATH, comm = basename), image/size its
 * ELF file in kernel memory. Returns the status a shell would show: the exit code &
 * 0xff, 128 + signal when killed, or EXIT_STATUS_NOEXEC when the file could not be
 * loaded. The program runs as a child task of current, which sleeps until it exits,
 * with the environment Linux gives init (HOME=/, TERM=linux).
 */
int run_program(const char *path_and_args, const void *image, size_t size);
/* The same with argv and envp already made (kernel/run_args.c). */
struct run_args;
int run_program_args(const struct run_args *ra, const void *image, size_t size);
/* "run" on the command line: every Multiboot module, one after another. */
void run_boot_modules(void);

#endif /* _SCHED_H */

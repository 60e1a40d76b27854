/*
 * Resource limits inside the kernel (kernel/resource.c): each process's rlimits, as in
 * Linux kept in its signal_struct, and the capability test that lets root past them.
 *
 * rlimit(RLIMIT_X) is the calling process's soft limit, in bytes or a count; the mm
 * code asks it where Linux does (RLIMIT_AS, DATA, STACK, MEMLOCK). A task made without
 * a signal_struct (the self-tests' stand-ins for a process) has the boot defaults.
 */
#ifndef _RESOURCE_H
#define _RESOURCE_H

#include "types.h"
#include "uapi/resource.h"
#include "sched.h"

struct task_struct;

struct signal_struct {
	struct rlimit rlim[RLIM_NLIMITS];
	int pgrp;			/* process group id (Linux: pids[PIDTYPE_PGID]) */
	int session;			/* session id (pids[PIDTYPE_SID]) */
};

/* Linux's capability numbers for the checks made here and in mm/. */
#define CAP_IPC_LOCK		14	/* mlock beyond RLIMIT_MEMLOCK */
#define CAP_SYS_ADMIN		21	/* the overcommit admin reserve */
#define CAP_SYS_RESOURCE	24	/* raise a hard limit */

/*
 * Every process is root with every capability, as Linux's init is. A self-test may
 * drop capabilities (cap_drop_for_test) to run the unprivileged path, then restore.
 */
bool capable(int cap);
void cap_drop_for_test(u32 caps);	/* bit N drops capability N; 0 restores all */

/*
 * A task's limits: tsk->signal, or the boot defaults when it has none. Inline, since
 * mmap and brk read them on every call; the host tests supply their own.
 */
#ifndef HOST_TEST
extern const struct rlimit init_rlimits[RLIM_NLIMITS];

static inline const struct rlimit *task_rlim(const struct task_struct *tsk)
{
	return tsk && tsk->signal ? tsk->signal->rlim : init_rlimits;
}

static inline unsigned long rlimit(unsigned int limit)	/* current's soft limit */
{
	return task_rlim(current)[limit].rlim_cur;
}

static inline unsigned long rlimit_max(unsigned int limit)	/* current's hard limit */
{
	return task_rlim(current)[limit].rlim_max;
}
#else
const struct rlimit *task_rlim(const struct task_struct *tsk);
unsigned long rlimit(unsigned int limit);
unsigned long rlimit_max(unsigned int limit);
#endif

/*
 * A new process's limits: Linux's INIT_RLIMITS, with RLIMIT_NPROC and RLIMIT_SIGPENDING
 * computed from RAM as fork_init() does. 0 or -ENOMEM. exit_signal() frees them.
 */
/* fork_init()'s max_threads: kernel stacks may take at most an eighth of RAM. */
unsigned long fork_max_threads(void);
int copy_signal(struct task_struct *tsk);
/* fork: tsk gets a copy of the parent's limits, process group and session. */
int copy_signal_from(struct task_struct *tsk, const struct task_struct *parent);
void exit_signal(struct task_struct *tsk);

/* Linux's do_prlimit(): read and/or set one limit of tsk (0 or -errno). */
int do_prlimit(struct task_struct *tsk, unsigned int resource, const struct rlimit *new_rlim,
	       struct rlimit *old_rlim);

#endif /* _RESOURCE_H */

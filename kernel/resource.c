/*
 * Resource limits: each process's rlimits and the system calls that read and set them
 * (getrlimit 76, setrlimit 75, ugetrlimit 191, prlimit64 340), with Linux's semantics.
 *
 * A process starts with Linux's INIT_RLIMITS, the limits init gets: no core dumps, an
 * 8 MiB stack (hard limit infinity), 1024/4096 open files, 8 MiB of locked memory,
 * 819200 bytes of message queues, nice and rtprio 0, and as many processes and pending
 * signals as fork_init() allows for this much RAM; everything else unlimited. Each
 * program run from the boot command line is such an init, so each gets them afresh.
 *
 * Any process may lower a limit, soft or hard; raising a hard limit needs
 * CAP_SYS_RESOURCE, which root has (every process here is root). The mm code enforces
 * RLIMIT_AS, RLIMIT_DATA, RLIMIT_STACK and RLIMIT_MEMLOCK where Linux does (mm/mmap.c,
 * mm/mlock.c); the others are kept and reported only.
 *
 * The i386 ABI has three shapes: prlimit64 with 64-bit values (RLIM64_INFINITY is
 * ~0ULL), ugetrlimit/setrlimit with 32-bit values (RLIM_INFINITY is ~0UL), and the old
 * getrlimit that clips every value to 0x7fffffff. A 64-bit value that does not fit in
 * 32 bits becomes infinity, as on a 32-bit Linux kernel.
 *
 * Relies on: current (sched.h), kmalloc, totalram_pages, uaccess.
 */
#include <resource.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

#define _STK_LIM	(8UL << 20)
#define MLOCK_LIMIT	(8UL << 20)
#define MQ_BYTES_MAX	819200
#define INR_OPEN_CUR	1024
#define INR_OPEN_MAX	4096
#define NR_OPEN		(1024 * 1024)	/* sysctl fs.nr_open */
#define MIN_THREADS	20
#define MAX_THREADS	0x3fffffff	/* FUTEX_TID_MASK */

#define INF		RLIM_INFINITY

/* Linux's INIT_RLIMITS (include/asm-generic/resource.h); NPROC and SIGPENDING: see below. */
const struct rlimit init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU]		= { INF, INF },
	[RLIMIT_FSIZE]		= { INF, INF },
	[RLIMIT_DATA]		= { INF, INF },
	[RLIMIT_STACK]		= { _STK_LIM, INF },
	[RLIMIT_CORE]		= { 0, INF },
	[RLIMIT_RSS]		= { INF, INF },
	[RLIMIT_NPROC]		= { 0, 0 },
	[RLIMIT_NOFILE]		= { INR_OPEN_CUR, INR_OPEN_MAX },
	[RLIMIT_MEMLOCK]	= { MLOCK_LIMIT, MLOCK_LIMIT },
	[RLIMIT_AS]		= { INF, INF },
	[RLIMIT_LOCKS]		= { INF, INF },
	[RLIMIT_SIGPENDING]	= { 0, 0 },
	[RLIMIT_MSGQUEUE]	= { MQ_BYTES_MAX, MQ_BYTES_MAX },
	[RLIMIT_NICE]		= { 0, 0 },
	[RLIMIT_RTPRIO]		= { 0, 0 },
	[RLIMIT_RTTIME]		= { INF, INF },
};

static u32 caps_dropped;

bool capable(int cap)
{
	return !(caps_dropped & (1U << cap));
}

void cap_drop_for_test(u32 caps)
{
	caps_dropped = caps;
}

/*
 * fork_init()'s max_threads: the kernel stacks of all threads may take at most an
 * eighth of RAM. NPROC and SIGPENDING default to half of it.
 */
unsigned long fork_max_threads(void)
{
	u64 threads = (u64)totalram_pages() * PAGE_SIZE / ((u64)THREAD_SIZE * 8);

	if (threads < MIN_THREADS)
		threads = MIN_THREADS;
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	return threads;
}

int copy_signal(struct task_struct *tsk)
{
	struct signal_struct *sig = kmalloc(sizeof(*sig), GFP_KERNEL);
	unsigned long half = fork_max_threads() / 2;

	if (!sig)
		return -ENOMEM;
	memcpy(sig->rlim, init_rlimits, sizeof(sig->rlim));
	sig->rlim[RLIMIT_NPROC].rlim_cur = sig->rlim[RLIMIT_NPROC].rlim_max = half;
	sig->rlim[RLIMIT_SIGPENDING].rlim_cur = sig->rlim[RLIMIT_SIGPENDING].rlim_max = half;
	sig->pgrp = sig->session = 0;	/* init's: it is set by whoever makes the task */
	tsk->signal = sig;
	return 0;
}

/*
 * Linux's copy_signal() for fork: the limits are the parent's (setrlimit before fork
 * binds the child), and the child is in the parent's process group and session.
 */
int copy_signal_from(struct task_struct *tsk, const struct task_struct *parent)
{
	struct signal_struct *sig;

	if (!parent->signal)
		return copy_signal(tsk);
	sig = kmalloc(sizeof(*sig), GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	*sig = *parent->signal;
	tsk->signal = sig;
	return 0;
}

void exit_signal(struct task_struct *tsk)
{
	kfree(tsk->signal);
	tsk->signal = NULL;
}

int do_prlimit(struct task_struct *tsk, unsigned int resource, const struct rlimit *new_rlim,
	       struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN)
			return -EPERM;
	}
	if (!tsk->signal)
		return -ESRCH;	/* not a real process: nothing to change */
	rlim = &tsk->signal->rlim[resource];
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

/* ---- The system calls ---- */

static unsigned long rlim64_to_rlim(u64 v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static u64 rlim_to_rlim64(unsigned long v)
{
	return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit r;
	int err = do_prlimit(current, resource, NULL, &r);

	if (err)
		return err;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

/* getrlimit (76): the pre-2.4 call, which clips at 0x7fffffff. */
long sys_old_getrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit r;
	int err = do_prlimit(current, resource, NULL, &r);

	if (err)
		return err;
	if (r.rlim_cur > 0x7fffffff)
		r.rlim_cur = 0x7fffffff;
	if (r.rlim_max > 0x7fffffff)
		r.rlim_max = 0x7fffffff;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_setrlimit(unsigned int resource, const struct rlimit *rlim)
{
	struct rlimit r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(current, resource, &r, NULL);
}

/* One process, so only pid 0 or our own pid names a process (Linux: -ESRCH else). */
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit64 *new_rlim,
		   struct rlimit64 *old_rlim)
{
	struct rlimit64 n64, o64;
	struct rlimit n, o;
	int err;

	if (new_rlim) {
		if (copy_from_user(&n64, new_rlim, sizeof(n64)))
			return -EFAULT;
		n.rlim_cur = rlim64_to_rlim(n64.rlim_cur);
		n.rlim_max = rlim64_to_rlim(n64.rlim_max);
	}
	if (pid != 0 && pid != current->pid)
		return -ESRCH;
	err = do_prlimit(current, resource, new_rlim ? &n : NULL, old_rlim ? &o : NULL);
	if (err || !old_rlim)
		return err;
	o64.rlim_cur = rlim_to_rlim64(o.rlim_cur);
	o64.rlim_max = rlim_to_rlim64(o.rlim_max);
	return copy_to_user(old_rlim, &o64, sizeof(o64)) ? -EFAULT : 0;
}

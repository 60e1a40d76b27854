/*
 * The process's view of itself and of the system: pids, uname, resource limits, and
 * the thread calls a static libc makes at start-up (see docs/syscalls.md for each
 * one's number and how it differs from Linux).
 *
 * Relies on: current (sched.h), uaccess.
 */
#include <uapi/errno.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/resource.h>
#include <uapi/utsname.h>

/* ---- identity ---- */

long sys_getpid(void)
{
	return current->pid;
}

/* One thread per process: its thread id is its pid. */
long sys_gettid(void)
{
	return current->pid;
}

long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

/* No threads, no futexes, no restartable sequences: libcs accept -ENOSYS for these. */
long sys_set_robust_list(void *head, size_t len)
{
	(void)head;
	(void)len;
	return -ENOSYS;
}

long sys_rseq(void *rseq, u32 len, int flags, u32 sig)
{
	(void)rseq;
	(void)len;
	(void)flags;
	(void)sig;
	return -ENOSYS;
}

long sys_uname(struct new_utsname *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));
	strlcpy(u.nodename, "teachkernel", sizeof(u.sysname));
	strlcpy(u.release, "6.1.0", sizeof(u.sysname));	/* glibc refuses to start below 3.2.0 */
	strlcpy(u.version, "#1", sizeof(u.sysname));
	strlcpy(u.machine, "i686", sizeof(u.sysname));
	strlcpy(u.domainname, "(none)", sizeof(u.sysname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* ---- resource limits ---- */

/* Fixed limits: an 8 MiB stack (what the fault handler lets the stack grow to). */
static void get_limit(unsigned int resource, struct rlimit64 *r)
{
	r->rlim_cur = r->rlim_max = RLIM64_INFINITY;
	if (resource == RLIMIT_STACK) {
		r->rlim_cur = 8UL << 20;
	} else if (resource == RLIMIT_NOFILE) {
		r->rlim_cur = 1024;	/* Linux's defaults; nobody should loop to infinity */
		r->rlim_max = 4096;
	}
}

long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit64 r;
	struct rlimit r32;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	get_limit(resource, &r);
	r32.rlim_cur = r.rlim_cur > RLIM_INFINITY ? RLIM_INFINITY : r.rlim_cur;
	r32.rlim_max = r.rlim_max > RLIM_INFINITY ? RLIM_INFINITY : r.rlim_max;
	return copy_to_user(rlim, &r32, sizeof(r32)) ? -EFAULT : 0;
}

/*
 * The limits cannot change: setting them to what they are is accepted (a no-op),
 * anything else is -EPERM, and then the old values are not reported, as Linux reports
 * them only on success.
 */
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit64 *new_rlim,
		   struct rlimit64 *old_rlim)
{
	struct rlimit64 cur, req;

	if (pid != 0 && pid != current->pid)
		return -ESRCH;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	get_limit(resource, &cur);
	if (new_rlim) {
		if (copy_from_user(&req, new_rlim, sizeof(req)))
			return -EFAULT;
		if (req.rlim_cur > req.rlim_max)
			return -EINVAL;
		if (req.rlim_cur != cur.rlim_cur || req.rlim_max != cur.rlim_max)
			return -EPERM;
	}
	if (old_rlim && copy_to_user(old_rlim, &cur, sizeof(cur)))
		return -EFAULT;
	return 0;
}

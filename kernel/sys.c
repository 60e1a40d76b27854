/*
 * The process's view of itself and of the system: pids, uname, and
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

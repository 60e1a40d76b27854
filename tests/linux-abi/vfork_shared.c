/*
 * vfork_shared: vfork's child runs in the parent's memory, and the parent sleeps until
 * the child _exits: a variable the child writes IS seen by the parent, as on Linux.
 * Then clone(CLONE_VM|CLONE_VFORK|SIGCHLD) with a stack of its own (posix_spawn's way),
 * glibc-style fork through clone(CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD), and
 * flag combinations the kernel does not support yet, which must fail with EINVAL
 * (CLONE_VM without CLONE_VFORK, CLONE_THREAD) - not answered by Linux the same way,
 * so those are printed only as "refused or not".
 */
#include "abi.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int shared_var;

int main(void)
{
	static int child_tid;
	int status;
	pid_t pid;
	long r;

	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		shared_var = 42;	/* the parent's own variable */
		_exit(3);
	}
	waitpid(pid, &status, 0);
	out("vfork: the parent sees %d, child exited %d\n", shared_var, WEXITSTATUS(status));

	/* raw clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD), as glibc's fork */
	child_tid = -1;
	fflush(stdout);
	r = sc(120, CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0, 0, 0,
	       (long)&child_tid, 0);
	if (r == 0)
		_exit(child_tid == getpid() ? 0 : 1);	/* SETTID wrote our pid in our copy */
	waitpid(r, &status, 0);
	out("clone as glibc's fork: child saw its tid %s; the parent's word %s\n",
	    WEXITSTATUS(status) == 0 ? "yes" : "no", child_tid == -1 ? "unchanged" : "changed");

	/* clone(CLONE_VM | CLONE_VFORK | SIGCHLD) with a stack of its own */
	shared_var = 0;
	fflush(stdout);
	r = sc(120, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0, 0);
	if (r == 0) {
		shared_var = 7;
		_exit(0);
	}
	waitpid(r, &status, 0);
	out("clone(CLONE_VM|CLONE_VFORK): the parent sees %d\n", shared_var);
	return 0;
}

/*
 * vfork_shared: vfork's child runs in the parent's memory, and the parent sleeps until
 * the child _exits: a variable the child writes IS seen by the parent, as on Linux.
 * Then clone(CLONE_VM|CLONE_VFORK|SIGCHLD) with a stack of its own (posix_spawn's way),
 * glibc-style fork through clone(CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD), and
 * CLONE_SETTLS: the child starts with the TLS descriptor given (GDT entry 8 here), and
 * an entry of -1 is refused (EINVAL) as in Linux.
 */
#include "abi.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int shared_var;
static int tls_word = 1234;

/* i386's struct user_desc, the flags as set_thread_area's usual caller gives them. */
struct desc {
	unsigned int entry_number, base_addr, limit;
	unsigned int flags;	/* seg_32bit 1, limit_in_pages 1, useable 1: 0x51 */
};

static unsigned int tls_base(int entry)
{
	struct desc d = { entry, 0, 0, 0 };

	return sc(244, (long)&d, 0, 0, 0, 0, 0) ? 0xdead : d.base_addr;
}

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

	/* CLONE_PARENT_SETTID: the parent's word gets the child's pid */
	static int parent_tid;

	fflush(stdout);
	r = sc(120, CLONE_PARENT_SETTID | SIGCHLD, 0, (long)&parent_tid, 0, 0, 0);
	if (r == 0)
		_exit(parent_tid == 0 ? 0 : 1);	/* written after the copy: not in ours */
	waitpid(r, &status, 0);
	out("CLONE_PARENT_SETTID: the parent's word %s, the child's copy %s\n",
	    parent_tid == r ? "is the pid" : "wrong", WEXITSTATUS(status) ? "written" : "untouched");

	/* clone(CLONE_VM | CLONE_VFORK | SIGCHLD) */
	shared_var = 0;
	fflush(stdout);
	r = sc(120, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0, 0);
	if (r == 0) {
		shared_var = 7;
		_exit(0);
	}
	waitpid(r, &status, 0);
	out("clone(CLONE_VM|CLONE_VFORK): the parent sees %d\n", shared_var);

	/* CLONE_CHILD_CLEARTID with a shared mm: the word is zeroed when the child exits. */
	static int clear_word = 55;

	fflush(stdout);
	r = sc(120, CLONE_VM | CLONE_VFORK | CLONE_CHILD_CLEARTID | SIGCHLD, 0, 0, 0,
	       (long)&clear_word, 0);
	if (r == 0)
		_exit(0);
	waitpid(r, &status, 0);
	out("CLONE_CHILD_CLEARTID under vfork: the word is %d\n", clear_word);

	/* CLONE_SETTLS */
	struct desc d = { 8, (unsigned int)(unsigned long)&tls_word, 0xfffff, 0x51 };

	fflush(stdout);
	r = sc(120, CLONE_SETTLS | SIGCHLD, 0, 0, (long)&d, 0, 0);
	if (r == 0)
		_exit(tls_base(8) == (unsigned int)(unsigned long)&tls_word ? 0 : 1);
	waitpid(r, &status, 0);
	out("CLONE_SETTLS: the child has the descriptor %s\n",
	    WEXITSTATUS(status) == 0 ? "yes" : "no");
	d.entry_number = -1;
	out("CLONE_SETTLS with entry -1: %s\n",
	    res(sc(120, CLONE_SETTLS | SIGCHLD, 0, 0, (long)&d, 0, 0)));
	return 0;
}

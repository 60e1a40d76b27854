/*
 * orphans: a child whose parent exits first is adopted by init, and its getppid()
 * changes from the parent's pid to init's (1, here and in a PID namespace-free Linux
 * run as long as no subreaper is set; the oracle's init may be another reaper, so the
 * case prints only whether the parent changed). The grandchild tells its story through
 * a shared anonymous mapping the grandparent reads after a pause.
 * Also: setsid, getsid, setpgid, getpgid, getpgrp basics in the child.
 */
#include "abi.h"
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct story {
	volatile int parent_before_ok, parent_after_changed, done, started;
	volatile int sid_ok, pgid_ok, setsid_again, setpgid_ok;
};

int main(void)
{
	struct story *s = (struct story *)anon(0, 4096, PROT_READ | PROT_WRITE, 0);
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	pid_t child, grand;
	int status, i;

	/* A shared mapping, so the grandchild's words reach us. */
	sys_munmap((unsigned long)s, 4096);
	s = (struct story *)sys_mmap2((unsigned long)s, 4096, PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (is_err((long)s))
		return 1;
	fflush(stdout);
	child = fork();
	if (child == 0) {
		pid_t me = getpid();

		/* setsid: a new session and group, led by the caller. */
		s->sid_ok = setsid() == me && getsid(0) == me && getpgrp() == me &&
			    getpgid(0) == me;
		s->setsid_again = sc(66, 0, 0, 0, 0, 0, 0) == -1;	/* -EPERM */
		fflush(stdout);
		grand = fork();
		if (grand == 0) {
			pid_t p0 = getppid();

			s->parent_before_ok = p0 == me;
			s->pgid_ok = getpgid(0) == me && getsid(0) == me;
			/* a group of its own within the session */
			s->setpgid_ok = setpgid(0, 0) == 0 && getpgrp() == getpid();
			s->started = 1;		/* now the child may exit */
			while (getppid() == p0)
				nanosleep(&ts, NULL);
			s->parent_after_changed = 1;
			s->done = 1;
			_exit(0);
		}
		while (!s->started)
			nanosleep(&ts, NULL);
		_exit(4);	/* without waiting: the grandchild is orphaned */
	}
	waitpid(child, &status, 0);
	for (i = 0; i < 500 && !s->done; i++)
		nanosleep(&ts, NULL);
	out("child exit %d\n", WEXITSTATUS(status));
	out("setsid/getsid/getpgrp/getpgid: %s, setsid again EPERM: %s\n", yesno(s->sid_ok),
	    yesno(s->setsid_again));
	out("grandchild: parent was the child %s, group and session inherited %s, "
	    "setpgid(0,0) %s\n", yesno(s->parent_before_ok), yesno(s->pgid_ok),
	    yesno(s->setpgid_ok));
	out("grandchild adopted after its parent exited: %s\n", yesno(s->parent_after_changed));
	out("wait for the orphan: %s\n", res(sc(114, -1, 0, WNOHANG, 0, 0, 0)));
	return 0;
}

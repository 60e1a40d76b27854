/*
 * fork_bomb: a process limited by RLIMIT_NPROC (as an unprivileged user, since root is
 * exempt, as in Linux) forks until fork fails: the failure is EAGAIN, after the number
 * of processes the limit allows; every child is then reaped and the machine is fine
 * (one more fork works). The limit counts every process of the user, the parent too.
 * Running as root natively is needed to drop to uid 54321 (the oracle runs as root; if
 * not, the case prints what it could not do and the comparison shows it).
 */
#include "abi.h"
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define LIMIT 24

int main(void)
{
	struct rlimit rl = { LIMIT, LIMIT };
	int n = 0, status, reaped = 0;
	long pid, err = 0;

	if (setresgid(54321, 54321, 54321) || setresuid(54321, 54321, 54321)) {
		out("cannot drop to uid 54321\n");
		return 1;
	}
	if (setrlimit(RLIMIT_NPROC, &rl)) {
		out("setrlimit failed\n");
		return 1;
	}
	for (;;) {
		fflush(stdout);
		pid = sc(2, 0, 0, 0, 0, 0, 0);		/* the raw fork */
		if (pid == 0)
			_exit(0);	/* a zombie until reaped: it still counts, as in Linux */
		if (pid < 0) {
			err = pid;
			break;
		}
		n++;
		if (n > 1000)
			break;
	}
	out("fork failed with %s after %d children\n", res(err), n);
	while (wait(&status) > 0)
		reaped++;
	out("reaped %d\n", reaped);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(5);
	waitpid(pid, &status, 0);
	out("one more fork afterwards: exit %d\n", WEXITSTATUS(status));
	return 0;
}

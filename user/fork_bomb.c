/*
 * fork_bomb: a root process forks until the kernel says no. Root is exempt from
 * RLIMIT_NPROC (as Linux's init user), so the limit that stops it is the kernel's task
 * count, max_threads (kernel stacks at most an eighth of RAM): fork must fail with
 * -EAGAIN, the kernel must stay alive, and after every child is reaped one more fork
 * must work and every page come back (the run loop's leak check says "no leak").
 * Each child exits at once and stays a zombie until reaped, still holding its task.
 * Not run natively: Linux's max_threads on the host is far larger.
 */
#include "ulib.h"

#define __NR_fork	2
#define __NR_wait4	114
#define ECHILD		10
#define EAGAIN		11

int main(void)
{
	long pid, err = 0, r;
	int n = 0, reaped = 0, status;

	for (;;) {
		pid = __syscall6(__NR_fork, 0, 0, 0, 0, 0, 0);
		if (pid == 0)
			__syscall6(__NR_exit, 0, 0, 0, 0, 0, 0);
		if (pid < 0) {
			err = pid;
			break;
		}
		if (++n > 100000)
			break;
	}
	printf("fork refused with %ld after %d children\n", err, n);
	while ((r = __syscall6(__NR_wait4, -1, (long)&status, 0, 0, 0, 0)) > 0)
		reaped += status == 0;
	printf("reaped %d children with status 0, then %ld\n", reaped, r);
	pid = __syscall6(__NR_fork, 0, 0, 0, 0, 0, 0);
	if (pid == 0)
		__syscall6(__NR_exit, 7, 0, 0, 0, 0, 0);
	r = __syscall6(__NR_wait4, pid, (long)&status, 0, 0, 0, 0);
	printf("one more fork afterwards: %s, exit %d\n", r == pid ? "reaped" : "lost",
	       (status >> 8) & 0xff);
	return err == -EAGAIN && reaped == n ? 0 : 1;
}

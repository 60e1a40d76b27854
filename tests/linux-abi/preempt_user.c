/*
 * preempt_user: two processes that never make a system call while they wait for each
 * other, each spinning on a word of a shared mapping. Only preemption of user mode
 * (time slices from the timer tick) lets the second one run on one CPU: the parent
 * spins until the child has written, the child spins until the parent has answered.
 * A few rounds of it, then the child exits and the parent reaps it.
 */
#include "abi.h"
#include <sys/wait.h>

#define ROUNDS 3

int main(void)
{
	volatile int *w = (volatile int *)sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
						    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status, i;
	pid_t pid;

	if (is_err((long)w))
		return 1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (i = 1; i <= ROUNDS; i++) {
			w[0] = i;		/* the child's turn is done */
			while (w[1] != i)	/* until the parent answers, no system call */
				;
		}
		_exit(0);
	}
	for (i = 1; i <= ROUNDS; i++) {
		while (w[0] != i)
			;
		w[1] = i;
	}
	waitpid(pid, &status, 0);
	out("%d rounds of spinning in turn, child exit %d\n", ROUNDS, WEXITSTATUS(status));
	return 0;
}

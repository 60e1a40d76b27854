/*
 * wait_statuses: what wait4, waitpid and waitid report, with Linux's encoding.
 * Children that exit with 0, 1, 42 and 255, and one killed by a CPU exception (a null
 * write: SIGSEGV, WIFSIGNALED with WTERMSIG 11); WNOHANG with a child still running
 * (0) and with none (-ECHILD); waiting for a given pid while another child exits
 * first; waitid's siginfo (si_code CLD_EXITED / CLD_KILLED, si_status, si_pid);
 * wait4 with a bad status pointer (-EFAULT, and the child is reaped all the same, as in
 * Linux); unknown option bits (-EINVAL); 100 children reaped in any order; getppid in
 * the child is the parent's pid. Output only after the children are reaped.
 */
#include "abi.h"
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t spawn_exit(int code)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(code);
	return pid;
}

static void describe(const char *what, int status)
{
	if (WIFEXITED(status))
		out("%s: exited %d\n", what, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		out("%s: killed by signal %d\n", what, WTERMSIG(status));
	else
		out("%s: status 0x%x\n", what, status);
}

static long raw_wait4(long pid, long status, long options)
{
	return sc(114, pid, status, options, 0, 0, 0);
}

int main(void)
{
	int codes[] = { 0, 1, 42, 255 }, status, i, n;
	pid_t pid, other, self = getpid();
	siginfo_t si;
	long r;

	for (i = 0; i < 4; i++) {
		char what[32];

		pid = spawn_exit(codes[i]);
		if (wait4(pid, &status, 0, NULL) != pid)
			out("wait4 did not return the child\n");
		snprintf(what, sizeof(what), "exit(%d)", codes[i]);
		describe(what, status);
	}

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		*(volatile int *)0 = 1;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	describe("null write", status);

	/* A child that waits for its parent's word: WNOHANG finds it running. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		_exit(getppid() == self ? 7 : 8);
	}
	r = raw_wait4(-1, 0, WNOHANG);
	out("WNOHANG with a child: %s\n", r == 0 || r == pid ? "0 or the child" : res(r));
	if (r == 0)
		waitpid(pid, &status, 0);
	else
		status = 0x700;		/* it was reaped above; its status is not ours to see */
	r = raw_wait4(-1, 0, WNOHANG);
	out("WNOHANG without children: %s\n", res(r));
	r = raw_wait4(-1, 0, 0);
	out("wait without children: %s\n", res(r));
	out("getppid in the child: %s\n", WEXITSTATUS(status) == 7 ? "the parent" : "wrong");

	/* A given pid, while another child exits first. */
	other = spawn_exit(5);
	pid = spawn_exit(6);
	waitpid(pid, &status, 0);
	describe("waitpid(second)", status);
	waitpid(-1, &status, 0);
	describe("waitpid(-1)", status);
	out("waitpid(first) again: %s\n", res(raw_wait4(other, 0, 0)));

	/* waitid */
	pid = spawn_exit(3);
	memset(&si, 0, sizeof(si));
	r = waitid(P_PID, pid, &si, WEXITED);
	out("waitid: %ld si_signo %d si_code %d si_status %d pid %s\n", r, si.si_signo,
	    si.si_code, si.si_status, si.si_pid == pid ? "right" : "wrong");
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		__builtin_trap();
	memset(&si, 0, sizeof(si));
	r = waitid(P_ALL, 0, &si, WEXITED);
	out("waitid killed: %ld si_code %d si_status %d\n", r, si.si_code, si.si_status);
	r = sc(284, P_ALL, 0, 0, 0, 0, 0);
	out("waitid without WEXITED: %s\n", res(r));

	/* Bad input. */
	pid = spawn_exit(9);
	out("wait4 bad pointer: %s\n", res(raw_wait4(pid, 16, 0)));
	out("then: %s\n", res(raw_wait4(pid, 0, 0)));
	out("wait4 bad options: %s\n", res(raw_wait4(-1, 0, 0x100)));
	pid = spawn_exit(9);
	out("waitid bad siginfo pointer: %s\n", res(sc(284, P_PID, pid, 16, WEXITED, 0, 0)));
	out("then: %s\n", res(raw_wait4(pid, 0, 0)));

	/* 100 children, reaped in whatever order they end. */
	for (i = 0; i < 100; i++)
		if (spawn_exit(i) < 0)
			out("fork %d failed\n", i);
	n = 0;
	int sum = 0;
	while ((pid = wait(&status)) > 0) {
		n++;
		sum += WEXITSTATUS(status);
	}
	out("reaped %d children, exit codes adding up to %d, then %s\n", n, sum,
	    res(raw_wait4(-1, 0, 0)));
	return 0;
}

/*
 * sleep_yield: nanosleep, clock_nanosleep (relative and TIMER_ABSTIME) and the 64-bit
 * clock_nanosleep_time64 sleep at least the time asked, measured with clock_gettime
 * (CLOCK_MONOTONIC), and not absurdly longer (2 s slack, for a loaded host); bad
 * arguments give EINVAL and EFAULT; sched_yield returns 0. While a child sleeps, the
 * parent keeps running (the child's sleep does not hold the CPU): the parent counts
 * its own loops until the child is reaped.
 */
#include "abi.h"
#include <sched.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void report(const char *what, long long asked, long long took)
{
	out("%s: %s\n", what, took >= asked && took < asked + 2000000000LL ? "long enough" :
	    took < asked ? "TOO SHORT" : "too long");
}

int main(void)
{
	struct timespec ts = { 0, 30 * 1000 * 1000 }, abs_ts;
	struct { long long sec, nsec; } ts64 = { 0, 25 * 1000 * 1000 };
	long long t0, t;
	int status;
	pid_t pid;
	long r;

	t0 = now_ns();
	r = nanosleep(&ts, NULL);
	report("nanosleep 30 ms", 30000000, now_ns() - t0);
	ts.tv_nsec = 15 * 1000 * 1000;
	t0 = now_ns();
	r |= clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	report("clock_nanosleep 15 ms", 15000000, now_ns() - t0);
	clock_gettime(CLOCK_MONOTONIC, &abs_ts);
	t0 = abs_ts.tv_sec * 1000000000LL + abs_ts.tv_nsec;
	abs_ts.tv_nsec += 40 * 1000 * 1000;
	if (abs_ts.tv_nsec >= 1000000000) {
		abs_ts.tv_nsec -= 1000000000;
		abs_ts.tv_sec++;
	}
	r |= clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs_ts, NULL);
	report("clock_nanosleep absolute +40 ms", 40000000, now_ns() - t0);
	t0 = now_ns();
	r |= sc(407, CLOCK_MONOTONIC, 0, (long)&ts64, 0, 0, 0);
	report("clock_nanosleep_time64 25 ms", 25000000, now_ns() - t0);
	out("results: %ld\n", r);

	ts.tv_nsec = 1000000000;
	out("nanosleep tv_nsec 1e9: %s\n", res(sc(162, (long)&ts, 0, 0, 0, 0, 0)));
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	out("nanosleep tv_sec -1: %s\n", res(sc(162, (long)&ts, 0, 0, 0, 0, 0)));
	out("nanosleep bad pointer: %s\n", res(sc(162, 16, 0, 0, 0, 0, 0)));
	ts.tv_sec = 0;
	out("clock_nanosleep bad clock: %s\n", res(sc(267, 12345, 0, (long)&ts, 0, 0, 0)));
	out("clock_nanosleep thread CPU clock: %s\n",
	    res(sc(267, CLOCK_THREAD_CPUTIME_ID, 0, (long)&ts, 0, 0, 0)));
	out("sched_yield: %ld\n", sc(158, 0, 0, 0, 0, 0, 0));

	/* The parent runs while its child sleeps 200 ms. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct timespec c = { 0, 200 * 1000 * 1000 };

		nanosleep(&c, NULL);
		_exit(0);
	}
	t0 = now_ns();
	long loops = 0;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		loops++;
		sched_yield();
	}
	t = now_ns() - t0;
	out("the parent ran while the child slept: %s; the child slept long enough: %s\n",
	    loops > 10 ? "yes" : "no", t >= 200000000 ? "yes" : "no");
	return 0;
}

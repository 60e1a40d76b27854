/*
 * startup_calls: the calls a static libc makes while starting, answered the way a libc
 * accepts: thread ids, uname, getrandom, the clocks, the stack limit, and reading
 * standard input (the runner gives an empty one: end of input at once).
 */
#include <string.h>
#include <sys/utsname.h>
#include "abi.h"

int main(void)
{
	long pid = sc(SYS_getpid, 0, 0, 0, 0, 0, 0), r;
	struct utsname u;
	unsigned char rnd[16];
	uint32_t ts1[2], ts2[2], ts64[4], lim[2];
	uint64_t lim64[2];
	char buf[16];
	int tid_word;

	out("set_tid_address returns the pid: %s\n",
	    yesno(sc(SYS_set_tid_address, (long)&tid_word, 0, 0, 0, 0, 0) == pid));
	out("gettid is the pid: %s\n", yesno(sc(SYS_gettid, 0, 0, 0, 0, 0, 0) == pid));
	r = sc(SYS_uname, (long)&u, 0, 0, 0, 0, 0);
	out("uname: %s, sysname %s, release has a dot: %s\n", res(r), u.sysname,
	    yesno(strchr(u.release, '.') != NULL));
	out("getrandom(16): %ld\n", sc(SYS_getrandom, (long)rnd, 16, 0, 0, 0, 0));
	r = sc(SYS_clock_gettime, 1 /* CLOCK_MONOTONIC */, (long)ts1, 0, 0, 0, 0);
	sc(SYS_clock_gettime, 1, (long)ts2, 0, 0, 0, 0);
	out("clock_gettime(CLOCK_MONOTONIC): %s, nanoseconds in range %s, not going back %s\n",
	    res(r), yesno(ts1[1] < 1000000000u),
	    yesno(ts2[0] > ts1[0] || (ts2[0] == ts1[0] && ts2[1] >= ts1[1])));
	r = sc(SYS_clock_gettime64, 0 /* CLOCK_REALTIME */, (long)ts64, 0, 0, 0, 0);
	out("clock_gettime64(CLOCK_REALTIME): %s, nanoseconds in range %s\n", res(r),
	    yesno(ts64[2] < 1000000000u && ts64[3] == 0));
	r = sc(SYS_ugetrlimit, 3 /* RLIMIT_STACK */, (long)lim, 0, 0, 0, 0);
	out("ugetrlimit(RLIMIT_STACK): %s, soft limit %lu KiB\n", res(r), (unsigned long)lim[0] / 1024);
	r = sc(SYS_prlimit64, 0, 3, 0, (long)lim64, 0, 0);
	out("prlimit64(RLIMIT_STACK): %s, soft limit %llu KiB\n", res(r),
	    (unsigned long long)lim64[0] / 1024);
	out("read(0) on an empty standard input: %ld\n", sc(SYS_read, 0, (long)buf, sizeof(buf), 0, 0, 0));
	return 0;
}

/*
 * mlock_semantics: mlock, mlock2, munlock, mlockall and munlockall, seen through
 * mincore: a locked range is populated at once (MLOCK_ONFAULT, MCL_ONFAULT: not), the
 * answers to bad ranges and flags are Linux's, and the process (root) is not held back
 * by RLIMIT_MEMLOCK, even at 0, because it has CAP_IPC_LOCK.
 */
#include "mm_residency.h"

static long call(long nr, long a, long b)
{
	return sc(nr, a, b, 0, 0, 0, 0);
}

/* One line: what a call returned, then the residency of n pages at m after it. */
static void show(const char *what, long r, unsigned long m, unsigned long n)
{
	out("%-36s %-8s %s\n", what, res(r), resident(m, n));
}

int main(void)
{
	unsigned long lim[2] = { 0, 0 };
	long m, n, r, hole;

	m = anon(0, 8 * PAGE, RW, 0);
	show("fresh mapping", 0, m, 8);
	show("mlock pages 1-2", call(SYS_mlock, m + PAGE, 2 * PAGE), m, 8);
	show("mlock 10 bytes inside page 4", call(SYS_mlock, m + 4 * PAGE + 100, 10), m, 8);
	out("the locked pages read zero: %s\n", yesno(all_bytes((void *)(m + PAGE), 0, 2 * PAGE)));
	show("munlock pages 1-4 (pages stay)", call(SYS_munlock, m + PAGE, 4 * PAGE), m, 8);
	show("mlock2 MLOCK_ONFAULT pages 6-7", sc(SYS_mlock2, m + 6 * PAGE, 2 * PAGE,
						    MLOCK_ONFAULT_, 0, 0, 0), m, 8);
	*(volatile char *)(m + 7 * PAGE) = 1;
	show("after touching page 7", 0, m, 8);
	out("mlock2 flags 2: %s\n", res(sc(SYS_mlock2, m, PAGE, 2, 0, 0, 0)));
	out("mlock length 0: %s\n", res(call(SYS_mlock, m, 0)));

	/* A hole: page 3 unmapped. The range up to it is locked before the error. */
	r = sys_munmap(m + 3 * PAGE, PAGE);
	hole = m + 3 * PAGE;
	out("unmapping page 3: %s\n", res(r));
	show("mlock of the hole alone", call(SYS_mlock, hole, PAGE), m, 3);
	show("mlock of pages 0-7 across the hole", call(SYS_mlock, m, 8 * PAGE), m, 3);
	out("munlock of pages 0-7 across the hole: %s\n", res(call(SYS_munlock, m, 8 * PAGE)));
	sys_munmap(m, 8 * PAGE);

	m = anon(0, 2 * PAGE, PROT_NONE, 0);
	show("mlock of PROT_NONE", call(SYS_mlock, m, 2 * PAGE), m, 2);
	sys_munmap(m, 2 * PAGE);
	m = anon(0, 2 * PAGE, PROT_READ, 0);
	show("mlock of PROT_READ", call(SYS_mlock, m, 2 * PAGE), m, 2);
	out("it reads zero: %s\n", yesno(all_bytes((void *)m, 0, 2 * PAGE)));
	sys_munmap(m, 2 * PAGE);

	out("mlockall(0): %s\n", res(call(SYS_mlockall, 0, 0)));
	out("mlockall(MCL_ONFAULT): %s\n", res(call(SYS_mlockall, MCL_ONFAULT, 0)));
	out("mlockall(8): %s\n", res(call(SYS_mlockall, 8, 0)));
	out("mlockall(MCL_FUTURE): %s\n", res(call(SYS_mlockall, MCL_FUTURE, 0)));
	m = anon(0, 4 * PAGE, RW, 0);
	show("a mapping made after MCL_FUTURE", 0, m, 4);
	sys_munmap(m, 4 * PAGE);
	r = call(SYS_mlockall, MCL_FUTURE | MCL_ONFAULT, 0);
	out("mlockall(MCL_FUTURE | MCL_ONFAULT): %s\n", res(r));
	m = anon(0, 4 * PAGE, RW, 0);
	show("a mapping made after MCL_ONFAULT", 0, m, 4);
	out("munlockall: %s\n", res(call(SYS_munlockall, 0, 0)));
	n = anon(0, 4 * PAGE, RW, 0);
	show("a mapping made after munlockall", 0, n, 4);
	r = call(SYS_mlockall, MCL_CURRENT, 0);
	show("mlockall(MCL_CURRENT): the first", r, m, 4);
	show("and the second", r, n, 4);
	out("munlockall: %s\n", res(call(SYS_munlockall, 0, 0)));
	sys_munmap(m, 4 * PAGE);
	sys_munmap(n, 4 * PAGE);

	m = anon(0, 2 * PAGE, RW, MAP_LOCKED);
	show("mmap MAP_LOCKED", m, m, 2);
	sys_munmap(m, 2 * PAGE);

	/* RLIMIT_MEMLOCK 0: root still locks (CAP_IPC_LOCK). */
	out("RLIMIT_MEMLOCK set to 0: %s\n", res(call(SYS_setrlimit, 8, (long)lim)));
	m = anon(0, 2 * PAGE, RW, 0);
	show("mlock under it", call(SYS_mlock, m, 2 * PAGE), m, 2);
	r = anon(0, PAGE, RW, MAP_LOCKED);
	show("MAP_LOCKED under it", r, r, 1);
	return 0;
}

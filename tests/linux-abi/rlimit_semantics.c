/*
 * rlimit_semantics: soft limits can be lowered and raised up to the hard limit, hard
 * limits lowered, with Linux's errors for bad requests (raising a hard limit needs
 * CAP_SYS_RESOURCE, which the oracle's sandbox may lack: the self-tests check it), and RLIMIT_AS and RLIMIT_DATA are enforced where Linux
 * enforces them: mmap, brk, mremap, mprotect, and malloc above them.
 */
#include "mm_residency.h"

#define SYS_ugetrlimit_	191
#define RLIMIT_DATA_	2
#define RLIMIT_NOFILE_	7
#define RLIMIT_AS_	9
#define MIB		(1024UL * 1024)

struct rlim64 {
	unsigned long long cur, max;
};

static long prlimit(int res, const struct rlim64 *n, struct rlim64 *o)
{
	return sc(SYS_prlimit64, 0, res, (long)n, (long)o, 0, 0);
}

static long set_limit(int res, unsigned long long cur, unsigned long long max)
{
	struct rlim64 n = { cur, max };

	return prlimit(res, &n, NULL);
}

static const char *mib(unsigned long long v)
{
	static char s[2][24];
	static int i;

	i ^= 1;
	if (v == ~0ULL)
		return "unlimited";
	snprintf(s[i], sizeof(s[i]), "%llu MiB", v / MIB);
	return s[i];
}

static void show_as(const char *what)
{
	struct rlim64 o = { 1, 1 };
	long r = prlimit(RLIMIT_AS_, NULL, &o);

	out("%s: %s, soft %s, hard %s\n", what, res(r), mib(o.cur), mib(o.max));
}

int main(void)
{
	unsigned long u[2], b0;
	struct rlim64 n;
	long m, r;
	void *p;

	show_as("RLIMIT_AS at start");
	out("set RLIMIT_AS 64 MiB, hard unlimited: %s\n", res(set_limit(RLIMIT_AS_, 64 * MIB, ~0ULL)));
	show_as("read back");
	r = sc(SYS_ugetrlimit_, RLIMIT_AS_, (long)u, 0, 0, 0, 0);
	out("ugetrlimit: %s, soft %lu MiB, hard 0x%lx\n", res(r), u[0] / MIB, u[1]);
	r = sc(SYS_getrlimit, RLIMIT_AS_, (long)u, 0, 0, 0, 0);
	out("old getrlimit: %s, soft %lu MiB, hard 0x%lx\n", res(r), u[0] / MIB, u[1]);

	p = malloc(100 * MIB);
	out("malloc(100 MiB) under it: %s\n", p ? "a block" : "NULL");
	free(p);
	p = malloc(16 * MIB);
	out("malloc(16 MiB) under it: %s\n", p ? "a block" : "NULL");
	if (p)
		memset(p, 1, 16 * MIB);
	free(p);
	out("mmap 80 MiB read-write: %s\n", res(anon(0, 80 * MIB, RW, 0)));
	out("mmap 80 MiB PROT_NONE: %s\n", res(anon(0, 80 * MIB, PROT_NONE, 0)));
	out("mmap 80 MiB MAP_NORESERVE: %s\n", res(anon(0, 80 * MIB, RW, MAP_NORESERVE)));
	b0 = sys_brk(0);
	out("brk up by 80 MiB moves the break: %s\n", yesno(sys_brk(b0 + 80 * MIB) != (long)b0));
	out("brk up by 64 KiB moves the break: %s\n", yesno(sys_brk(b0 + 65536) != (long)b0));
	sys_brk(b0);
	m = anon(0, MIB, RW, 0);
	out("mremap 1 MiB -> 100 MiB: %s\n", res(sys_mremap(m, MIB, 100 * MIB, 1, 0)));
	out("mremap 1 MiB -> 2 MiB: %s\n", res(r = sys_mremap(m, MIB, 2 * MIB, 1, 0)));
	sys_munmap(is_err(r) ? m : r, is_err(r) ? MIB : 2 * MIB);

	out("soft raised back to unlimited: %s\n", res(set_limit(RLIMIT_AS_, ~0ULL, ~0ULL)));
	out("mmap 80 MiB read-write again: %s\n", res(m = anon(0, 80 * MIB, RW, 0)));
	sys_munmap(m, 80 * MIB);
	out("soft above hard: %s\n", res(set_limit(RLIMIT_AS_, ~0ULL, 128 * MIB)));
	out("resource 16: %s\n", res(set_limit(16, 1, 1)));
	out("resource 16, read: %s\n", res(prlimit(16, NULL, &n)));
	out("RLIMIT_NOFILE hard 2^20 + 1: %s\n", res(set_limit(RLIMIT_NOFILE_, 64, 1048577)));
	out("new limit at address 0 (none): %s\n", res(prlimit(RLIMIT_AS_, (void *)0, NULL)));
	out("new limit at address 4: %s\n", res(prlimit(RLIMIT_AS_, (void *)4, NULL)));
	u[0] = 1234 * 4096;
	u[1] = ~0UL;
	out("setrlimit AS 1234 pages: %s\n", res(sc(SYS_setrlimit, RLIMIT_AS_, (long)u, 0, 0, 0, 0)));
	show_as("then");
	set_limit(RLIMIT_AS_, ~0ULL, ~0ULL);

	out("RLIMIT_DATA 1 MiB: %s\n", res(set_limit(RLIMIT_DATA_, MIB, ~0ULL)));
	out("mmap 2 MiB private read-write: %s\n", res(anon(0, 2 * MIB, RW, 0)));
	m = anon(0, 2 * MIB, PROT_READ, 0);
	out("mmap 2 MiB private read-only: %s\n", res(m));
	out("mprotect it read-write: %s\n", res(sys_mprotect(m, 2 * MIB, RW)));
	sys_munmap(m, 2 * MIB);
	m = sys_mmap2(0, 2 * MIB, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	out("mmap 2 MiB shared read-write: %s\n", res(m));
	sys_munmap(m, 2 * MIB);
	m = anon(0, 64 * 1024, RW, 0);
	out("mmap 64 KiB private read-write: %s\n", res(m));
	sys_munmap(m, 64 * 1024);
	b0 = sys_brk(0);
	out("brk up by 2 MiB moves the break: %s\n", yesno(sys_brk(b0 + 2 * MIB) != (long)b0));
	out("brk up by 64 KiB moves the break: %s\n", yesno(sys_brk(b0 + 65536) != (long)b0));
	sys_brk(b0);
	out("RLIMIT_DATA soft 0, hard 1 MiB: %s\n", res(set_limit(RLIMIT_DATA_, 0, MIB)));
	m = anon(0, 64 * 1024, RW, 0);
	out("mmap 64 KiB private read-write: %s\n", res(m));
	sys_munmap(m, 64 * 1024);
	out("mmap 2 MiB private read-write: %s\n", res(anon(0, 2 * MIB, RW, 0)));

	/* Lowering hard limits last: raising them again needs CAP_SYS_RESOURCE. */
	out("RLIMIT_AS hard 128 MiB: %s\n", res(set_limit(RLIMIT_AS_, 64 * MIB, 128 * MIB)));
	show_as("now");
	out("soft up to the hard limit: %s\n", res(set_limit(RLIMIT_AS_, 128 * MIB, 128 * MIB)));
	show_as("now");
	m = anon(0, 80 * MIB, PROT_NONE, 0);
	out("mmap 80 MiB PROT_NONE under it: %s\n", res(m));
	out("and 80 MiB more: %s\n", res(anon(0, 80 * MIB, PROT_NONE, 0)));
	return 0;
}

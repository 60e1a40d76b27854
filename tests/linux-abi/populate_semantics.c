/*
 * populate_semantics: MAP_POPULATE and MADV_POPULATE_READ/WRITE fault pages in ahead of
 * the first touch (seen through mincore), and MADV_POPULATE_* refuse what the mapping
 * does not allow with Linux's errors.
 */
#include "mm_residency.h"

static void show(const char *what, long r, unsigned long m, unsigned long n)
{
	out("%-44s %-8s %s\n", what, res(r), resident(m, n));
}

int main(void)
{
	long m, r;

	m = anon(0, 4 * PAGE, RW, MAP_POPULATE);
	show("MAP_POPULATE, read-write", m, m, 4);
	out("its pages read zero: %s\n", yesno(all_bytes((void *)m, 0, 4 * PAGE)));
	sys_munmap(m, 4 * PAGE);
	m = anon(0, 4 * PAGE, PROT_READ, MAP_POPULATE);
	show("MAP_POPULATE, read-only", m, m, 4);
	sys_munmap(m, 4 * PAGE);
	m = anon(0, 4 * PAGE, PROT_NONE, MAP_POPULATE);
	show("MAP_POPULATE, PROT_NONE (nothing to fault)", m, m, 4);
	sys_munmap(m, 4 * PAGE);
	m = anon(0, 4 * PAGE, RW, MAP_POPULATE | MAP_NONBLOCK);
	show("MAP_POPULATE | MAP_NONBLOCK", m, m, 4);
	sys_munmap(m, 4 * PAGE);
	m = sys_mmap2(0, 4 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	show("MAP_POPULATE, shared", m, m, 4);
	sys_munmap(m, 4 * PAGE);

	m = anon(0, 6 * PAGE, RW, 0);
	show("MADV_POPULATE_READ pages 1-2", sys_madvise(m + PAGE, 2 * PAGE, MADV_POPULATE_READ),
	     m, 6);
	show("MADV_POPULATE_WRITE pages 4-5", sys_madvise(m + 4 * PAGE, 2 * PAGE,
							   MADV_POPULATE_WRITE), m, 6);
	out("they read zero: %s\n", yesno(all_bytes((void *)m, 0, 6 * PAGE)));
	memset((void *)(m + 4 * PAGE), 0x33, PAGE);
	show("MADV_POPULATE_WRITE over written data", sys_madvise(m + 4 * PAGE, PAGE,
							   MADV_POPULATE_WRITE), m, 6);
	out("the data is kept: %s\n", yesno(all_bytes((void *)(m + 4 * PAGE), 0x33, PAGE)));
	show("MADV_POPULATE_READ, unaligned start", sys_madvise(m + 1, PAGE, MADV_POPULATE_READ),
	     m, 6);
	show("MADV_POPULATE_READ, length 0", sys_madvise(m, 0, MADV_POPULATE_READ), m, 6);
	r = sys_munmap(m + 3 * PAGE, PAGE);
	out("page 3 unmapped: %s\n", res(r));
	show("MADV_POPULATE_WRITE of the hole", sys_madvise(m + 3 * PAGE, PAGE,
							     MADV_POPULATE_WRITE), m, 3);
	sys_munmap(m, 6 * PAGE);

	m = anon(0, 2 * PAGE, PROT_READ, 0);
	show("MADV_POPULATE_WRITE of PROT_READ", sys_madvise(m, 2 * PAGE, MADV_POPULATE_WRITE),
	     m, 2);
	show("MADV_POPULATE_READ of PROT_READ", sys_madvise(m, 2 * PAGE, MADV_POPULATE_READ),
	     m, 2);
	sys_munmap(m, 2 * PAGE);
	m = anon(0, 2 * PAGE, PROT_NONE, 0);
	show("MADV_POPULATE_READ of PROT_NONE", sys_madvise(m, 2 * PAGE, MADV_POPULATE_READ),
	     m, 2);
	show("MADV_POPULATE_WRITE of PROT_NONE", sys_madvise(m, 2 * PAGE, MADV_POPULATE_WRITE),
	     m, 2);
	sys_munmap(m, 2 * PAGE);
	m = anon(0, 2 * PAGE, PROT_WRITE, 0);
	show("MADV_POPULATE_WRITE of PROT_WRITE", sys_madvise(m, 2 * PAGE, MADV_POPULATE_WRITE),
	     m, 2);
	sys_munmap(m, 2 * PAGE);
	return 0;
}

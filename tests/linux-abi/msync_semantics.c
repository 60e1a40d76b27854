/*
 * msync_semantics: on anonymous memory there is nothing to write back, so msync only
 * checks, as Linux: its flags, the alignment, the range (-ENOMEM for holes, but only
 * after looking at the mapped part unless the flags are exactly MS_ASYNC), and
 * MS_INVALIDATE of locked memory (-EBUSY).
 */
#include "mm_residency.h"

static long sys_msync(unsigned long addr, unsigned long len, long flags)
{
	return sc(SYS_msync, addr, len, flags, 0, 0, 0);
}

int main(void)
{
	long m, hole;

	m = anon(0, 4 * PAGE, RW, 0);
	memset((void *)m, 0x21, 4 * PAGE);
	out("MS_SYNC: %s\n", res(sys_msync(m, 4 * PAGE, MS_SYNC)));
	out("MS_ASYNC: %s\n", res(sys_msync(m, 4 * PAGE, MS_ASYNC)));
	out("MS_INVALIDATE: %s\n", res(sys_msync(m, 4 * PAGE, MS_INVALIDATE)));
	out("flags 0: %s\n", res(sys_msync(m, PAGE, 0)));
	out("the data is kept: %s\n", yesno(all_bytes((void *)m, 0x21, 4 * PAGE)));
	out("MS_ASYNC | MS_SYNC: %s\n", res(sys_msync(m, PAGE, MS_ASYNC | MS_SYNC)));
	out("flags 8: %s\n", res(sys_msync(m, PAGE, 8)));
	out("unaligned start: %s\n", res(sys_msync(m + 1, PAGE, MS_SYNC)));
	out("length 0: %s\n", res(sys_msync(m, 0, MS_SYNC)));
	out("length 1: %s\n", res(sys_msync(m, 1, MS_SYNC)));
	out("a length that wraps: %s\n", res(sys_msync(m, -(unsigned long)m + PAGE, MS_SYNC)));
	sys_munmap(m + 2 * PAGE, PAGE);
	hole = m + 2 * PAGE;
	out("hole alone, MS_SYNC: %s\n", res(sys_msync(hole, PAGE, MS_SYNC)));
	out("hole alone, MS_ASYNC: %s\n", res(sys_msync(hole, PAGE, MS_ASYNC)));
	out("across the hole, MS_SYNC: %s\n", res(sys_msync(m, 4 * PAGE, MS_SYNC)));
	out("across the hole, MS_ASYNC: %s\n", res(sys_msync(m, 4 * PAGE, MS_ASYNC)));
	out("across the hole, MS_ASYNC | MS_INVALIDATE: %s\n",
	    res(sys_msync(m, 4 * PAGE, MS_ASYNC | MS_INVALIDATE)));
	out("ending in the hole, MS_SYNC: %s\n", res(sys_msync(m, 3 * PAGE, MS_SYNC)));
	out("mlock of page 0: %s\n", res(sc(SYS_mlock, m, PAGE, 0, 0, 0, 0)));
	out("MS_INVALIDATE of the locked page: %s\n", res(sys_msync(m, PAGE, MS_INVALIDATE)));
	out("MS_SYNC of the locked page: %s\n", res(sys_msync(m, PAGE, MS_SYNC)));
	sys_munmap(m, 4 * PAGE);
	return 0;
}

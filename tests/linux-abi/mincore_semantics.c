/*
 * mincore_semantics: one byte per page, 1 where a page of anonymous memory is in
 * memory (touched, populated, or hidden by PROT_NONE after a touch), 0 where it was
 * never touched or was dropped; and Linux's errors for a bad start, range or vector.
 */
#include "mm_residency.h"

int main(void)
{
	unsigned char vec[8];
	long m, ro, r;

	m = anon(0, 4 * PAGE, RW, 0);
	*(volatile char *)m = 1;
	*(volatile char *)(m + 2 * PAGE + 5) = 1;
	out("pages 0 and 2 touched: %s\n", resident(m, 4));
	r = sys_madvise(m, PAGE, MADV_DONTNEED);
	out("page 0 dropped (%s): %s\n", res(r), resident(m, 4));
	r = sys_mprotect(m, 4 * PAGE, PROT_NONE);
	out("all made PROT_NONE (%s): %s\n", res(r), resident(m, 4));
	sys_mprotect(m, 4 * PAGE, RW);
	memset(vec, 0xee, sizeof(vec));
	r = sys_mincore(m, 2 * PAGE + 1, vec);
	out("length 2 pages + 1 byte: %s, %d %d %d, byte 3 untouched %s\n", res(r), vec[0], vec[1],
	    vec[2], yesno(vec[3] == 0xee));
	out("the bytes use bit 0 only: %s\n", yesno(!((vec[0] | vec[1] | vec[2]) & ~1)));
	out("length 0: %s\n", res(sys_mincore(m, 0, vec)));
	out("unaligned start: %s\n", res(sys_mincore(m + 1, PAGE, vec)));
	out("vector at address 0: %s\n", res(sys_mincore(m, PAGE, NULL)));
	ro = anon(0, PAGE, PROT_READ, 0);
	out("vector in a read-only page: %s\n", res(sys_mincore(m, PAGE, (unsigned char *)ro)));
	sys_munmap(ro, PAGE);
	r = sys_munmap(m + 3 * PAGE, PAGE);
	out("page 3 unmapped (%s): pages 2-3 %s\n", res(r), resident(m + 2 * PAGE, 2));
	out("the hole alone: %s\n", resident(m + 3 * PAGE, 1));
	sys_munmap(m, 4 * PAGE);
	out("the text of the program is resident: %s\n", resident((unsigned long)main & ~(PAGE - 1), 1));
	out("the stack page in use: %s\n", resident((unsigned long)vec & ~(PAGE - 1), 1));
	return 0;
}

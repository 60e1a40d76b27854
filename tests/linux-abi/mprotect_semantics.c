/*
 * mprotect_semantics: changing protection splits a mapping and keeps its data; bad
 * arguments and holes are refused. (A write to the read-only page is a killed case:
 * see killed.c mprotect-write.)
 */
#include "abi.h"

#define RW	(PROT_READ | PROT_WRITE)

int main(void)
{
	unsigned long hole;
	unsigned char *a;
	long m, r;
	int kept;

	m = anon(0, 3 * PAGE, RW, 0);
	a = (unsigned char *)m;
	memset(a, 0x21, 3 * PAGE);
	hole = free_range(2);
	out("middle page read-only: %s\n", res(sys_mprotect(m + PAGE, PAGE, PROT_READ)));
	a[0] = 0x22;
	a[2 * PAGE] = 0x22;
	out("outer pages still writable: yes; middle readable and kept: %s\n",
	    yesno(all_bytes(a + PAGE, 0x21, PAGE)));
	out("whole range PROT_NONE: %s\n", res(sys_mprotect(m, 3 * PAGE, PROT_NONE)));
	r = sys_mprotect(m, 3 * PAGE, RW);
	kept = a[0] == 0x22 && a[2 * PAGE] == 0x22 && all_bytes(a + 1, 0x21, 2 * PAGE - 1);
	out("back to read-write: %s; data kept: %s\n", res(r), yesno(kept));
	out("unaligned address: %s\n", res(sys_mprotect(m + 1, PAGE, PROT_READ)));
	out("length 0: %s\n", res(sys_mprotect(m, 0, PROT_READ)));
	out("unknown prot bit 0x10: %s\n", res(sys_mprotect(m, PAGE, PROT_READ | 0x10)));
	out("an unmapped range: %s\n", res(sys_mprotect(hole, 2 * PAGE, PROT_READ)));
	sys_munmap(m + PAGE, PAGE);
	out("a range with a hole in it: %s\n", res(sys_mprotect(m, 3 * PAGE, PROT_READ)));
	out("unaligned length rounds up: %s\n", res(sys_mprotect(m, 10, PROT_READ)));
	a[2 * PAGE] = 0x23;
	out("the last page, beyond the hole, is still writable: %s\n", yesno(a[2 * PAGE] == 0x23));
	sys_munmap(m, 3 * PAGE);
	return 0;
}

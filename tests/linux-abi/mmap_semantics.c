/*
 * mmap_semantics: anonymous mappings are zero-filled and placed top-down; MAP_FIXED
 * replaces what it overlaps; a free hint is honoured (an unaligned one is rounded down
 * to its page on x86), an occupied one is not; lengths round up to whole pages;
 * PROT_WRITE alone is readable on x86.
 */
#include "abi.h"

#define RW	(PROT_READ | PROT_WRITE)

int main(void)
{
	unsigned char *a;
	unsigned long h;
	long m, r, b1, b2;

	m = anon(0, 4 * PAGE, RW, 0);
	a = (unsigned char *)m;
	out("4 pages: %s, page aligned %s, read zero %s\n", res(m), yesno((m & (PAGE - 1)) == 0),
	    yesno(all_bytes(a, 0, 4 * PAGE)));
	memset(a, 0xaa, 4 * PAGE);
	r = anon(m + PAGE, 2 * PAGE, RW, MAP_FIXED);
	out("MAP_FIXED over pages 1-2: at the address %s; they read zero %s; pages 0 and 3 kept %s\n",
	    yesno(r == m + (long)PAGE), yesno(all_bytes(a + PAGE, 0, 2 * PAGE)),
	    yesno(all_bytes(a, 0xaa, PAGE) && all_bytes(a + 3 * PAGE, 0xaa, PAGE)));
	sys_munmap(m, 4 * PAGE);

	h = free_range(4);
	r = anon(h, 4 * PAGE, RW, 0);
	out("free hint honoured: %s\n", yesno((unsigned long)r == h));
	m = anon(h, PAGE, RW, 0);
	out("occupied hint: placed elsewhere %s, outside the occupant %s\n",
	    yesno((unsigned long)m != h),
	    yesno((unsigned long)m + PAGE <= h || (unsigned long)m >= h + 4 * PAGE));
	sys_munmap(m, PAGE);
	sys_munmap(r, 4 * PAGE);
	h = free_range(2);
	r = anon(h + 5, PAGE, RW, 0);
	out("unaligned free hint (page + 5): result is that page %s\n", yesno((unsigned long)r == h));
	sys_munmap(r, PAGE);

	b1 = anon(0, 2 * PAGE, RW, 0);
	b2 = anon(0, 2 * PAGE, RW, 0);
	out("top-down: the next mapping ends where the previous one starts: %s\n",
	    yesno(b2 + 2 * (long)PAGE == b1));
	sys_munmap(b1, 2 * PAGE);
	sys_munmap(b2, 2 * PAGE);

	m = anon(0, 5000, RW, 0);
	a = (unsigned char *)m;
	a[2 * PAGE - 1] = 1;
	out("len 5000: the whole second page is usable, mprotect of 2 pages: %s\n",
	    res(sys_mprotect(m, 2 * PAGE, PROT_READ)));
	sys_munmap(m, 2 * PAGE);

	m = anon(0, PAGE, PROT_WRITE, 0);
	a = (unsigned char *)m;
	a[10] = 42;
	out("PROT_WRITE-only page reads back what was written: %s\n", yesno(a[10] == 42));
	sys_munmap(m, PAGE);
	m = anon(0, PAGE, PROT_READ, 0);
	out("PROT_READ page reads zero: %s\n", yesno(all_bytes((void *)m, 0, PAGE)));
	sys_munmap(m, PAGE);
	return 0;
}

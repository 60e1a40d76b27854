/*
 * munmap_semantics: unmapping checks its address but not whether anything is there;
 * unmapping the middle of a mapping splits it; an unaligned length rounds up.
 */
#include "abi.h"

#define RW	(PROT_READ | PROT_WRITE)

int main(void)
{
	unsigned long hole;
	unsigned char *a;
	long m, r;
	int mid, first, last, ends;

	m = anon(0, 3 * PAGE, RW, 0);
	a = (unsigned char *)m;
	memset(a, 0x33, 3 * PAGE);
	hole = free_range(3);	/* after m: the next mmap would have taken this very spot */
	out("unaligned address: %s\n", res(sys_munmap(m + 1, PAGE)));
	out("length 0: %s\n", res(sys_munmap(m, 0)));
	out("a range with nothing mapped: %s\n", res(sys_munmap(hole, 3 * PAGE)));
	out("a range past the top of user space: %s\n", res(sys_munmap(0xfffff000UL, 2 * PAGE)));
	out("the mapping is intact after all that: %s\n", yesno(all_bytes(a, 0x33, 3 * PAGE)));

	r = sys_munmap(m + PAGE, PAGE);
	mid = mapped(m + PAGE, PAGE);
	ends = all_bytes(a, 0x33, PAGE) && all_bytes(a + 2 * PAGE, 0x33, PAGE);
	out("unmap the middle page: %s; middle mapped: %s; first and last keep their data: %s\n",
	    res(r), yesno(mid), yesno(ends));
	r = sys_munmap(m, 1);
	first = mapped(m, PAGE);
	last = mapped(m + 2 * PAGE, PAGE);
	out("unmap 1 byte of the first page: %s; first page mapped: %s; last mapped: %s\n",
	    res(r), yesno(first), yesno(last));
	r = sys_munmap(m, 3 * PAGE);
	out("unmap a range over both holes and the last page: %s; anything left: %s\n",
	    res(r), yesno(mapped(m, 3 * PAGE)));
	return 0;
}

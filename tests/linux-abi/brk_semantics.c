/*
 * brk_semantics: the break moves exactly where asked, by any amount, page granular
 * underneath. brk(0) reads it; an unaligned break is returned exactly and the whole page
 * containing it is usable; new pages are zero; shrinking unmaps, regrowing gives zero
 * pages again, pages kept keep their data; growth stops one page short of the next
 * mapping. No malloc here: the libc's heap must not move under our feet.
 */
#include "abi.h"

int main(void)
{
	unsigned long b0 = sys_brk(0), top = PAGE_UP(b0), want;
	unsigned char *base = (unsigned char *)top;
	long r, m;

	out("brk(0) twice gives the same break: %s\n", yesno((unsigned long)sys_brk(0) == b0));
	want = top + 3 * PAGE + 123;
	r = sys_brk(want);
	out("brk(start + 3 pages + 123): returned exactly: %s\n", yesno((unsigned long)r == want));
	out("brk(0) now gives the same unaligned value: %s\n",
	    yesno((unsigned long)sys_brk(0) == want));
	out("new heap pages read zero: %s\n", yesno(all_bytes(base, 0, 4 * PAGE)));
	memset(base, 0x5c, 4 * PAGE);	/* up to the end of the page holding the break */
	out("the page holding the break is usable to its end: yes\n");
	out("the page after it is mapped: %s\n", yesno(mapped(top + 4 * PAGE, PAGE)));

	r = sys_brk(top + PAGE);
	out("shrink to start + 1 page: %s\n", yesno((unsigned long)r == top + PAGE));
	out("pages above the new break are mapped: %s\n", yesno(mapped(top + PAGE, 3 * PAGE)));
	out("the kept page keeps its data: %s\n", yesno(all_bytes(base, 0x5c, PAGE)));
	r = sys_brk(top + 4 * PAGE);
	out("regrow to start + 4 pages: %s; the regrown pages read zero: %s\n",
	    yesno((unsigned long)r == top + 4 * PAGE), yesno(all_bytes(base + PAGE, 0, 3 * PAGE)));
	out("the kept page still keeps its data: %s\n", yesno(all_bytes(base, 0x5c, PAGE)));

	m = anon(top + 8 * PAGE, PAGE, PROT_READ, MAP_FIXED_NOREPLACE);
	out("a mapping placed 8 pages above the start: %s\n", yesno((unsigned long)m == top + 8 * PAGE));
	r = sys_brk(top + 7 * PAGE);
	out("brk to one page below it: %s\n", yesno((unsigned long)r == top + 7 * PAGE));
	r = sys_brk(top + 7 * PAGE + 1);
	out("brk to one page + 1 byte below it: refused %s (break unchanged %s)\n",
	    yesno((unsigned long)r != top + 7 * PAGE + 1), yesno((unsigned long)r == top + 7 * PAGE));
	r = sys_brk(top + 8 * PAGE);
	out("brk up to the mapping: refused %s\n", yesno((unsigned long)r == top + 7 * PAGE));
	r = sys_brk(top + 12 * PAGE);
	out("brk past the mapping: refused %s\n", yesno((unsigned long)r == top + 7 * PAGE));
	sys_munmap(m, PAGE);
	r = sys_brk(top + 12 * PAGE);
	out("after munmap of the mapping, brk past it: %s\n", yesno((unsigned long)r == top + 12 * PAGE));

	r = sys_brk(b0);
	out("back to the initial break: %s\n", yesno((unsigned long)r == b0));
	out("everything above it unmapped: %s\n", yesno(!mapped(top, 12 * PAGE)));
	return 0;
}

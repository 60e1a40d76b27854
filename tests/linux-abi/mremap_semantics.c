/*
 * mremap_semantics: shrink in place, grow in place when the space above is free,
 * refuse to grow into a neighbour unless allowed to move, move keeping the contents,
 * and the error answers.
 */
#include "abi.h"

#define RW	(PROT_READ | PROT_WRITE)

static void fill(long m, unsigned long len)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		((unsigned char *)m)[i] = (unsigned char)(i / 7);
}

static int kept(long m, unsigned long len)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		if (((unsigned char *)m)[i] != (unsigned char)(i / 7))
			return 0;
	return 1;
}

int main(void)
{
	unsigned long t;
	long a, x, y, z, r;

	a = anon(0, 4 * PAGE, RW, 0);
	fill(a, 4 * PAGE);
	r = sys_mremap(a, 4 * PAGE, 2 * PAGE, 0, 0);
	out("shrink 4 -> 2 pages: in place %s; tail unmapped %s; data kept %s\n",
	    yesno(r == a), yesno(!mapped(a + 2 * PAGE, 2 * PAGE)), yesno(kept(a, 2 * PAGE)));
	r = sys_mremap(a, 2 * PAGE, 4 * PAGE, 0, 0);
	out("grow 2 -> 4 pages into the freed space: in place %s; new pages zero %s; data kept %s\n",
	    yesno(r == a), yesno(all_bytes((void *)(a + 2 * PAGE), 0, 2 * PAGE)),
	    yesno(kept(a, 2 * PAGE)));

	x = anon(0, 2 * PAGE, RW, 0);
	fill(x, PAGE);
	sys_mprotect(x + PAGE, PAGE, PROT_READ);	/* two mappings now, side by side */
	out("grow into the next mapping without MREMAP_MAYMOVE: %s\n",
	    res(sys_mremap(x, PAGE, 3 * PAGE, 0, 0)));
	y = sys_mremap(x, PAGE, 3 * PAGE, MREMAP_MAYMOVE, 0);
	out("with MREMAP_MAYMOVE: %s, moved %s, data kept %s, tail zero %s, old page mapped %s\n",
	    res(y), yesno(y != x), yesno(kept(y, PAGE)),
	    yesno(all_bytes((void *)(y + PAGE), 0, 2 * PAGE)), yesno(mapped(x, PAGE)));
	out("the neighbour is untouched: %s\n", yesno(mapped(x + PAGE, PAGE)));

	t = free_range(3);
	r = sys_mremap(y, 3 * PAGE, 3 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, t);
	out("MREMAP_MAYMOVE|MREMAP_FIXED to a chosen address: there %s, data kept %s\n",
	    yesno((unsigned long)r == t), yesno(kept(r, PAGE)));
	sys_munmap(t, 3 * PAGE);

	z = anon(0, 2 * PAGE, RW, 0);
	sys_mprotect(z + PAGE, PAGE, PROT_READ);
	out("old range spanning two mappings: %s\n",
	    res(sys_mremap(z, 2 * PAGE, 4 * PAGE, MREMAP_MAYMOVE, 0)));
	t = free_range(1);
	out("old range not mapped: %s\n", res(sys_mremap(t, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0)));
	out("unaligned old address: %s\n", res(sys_mremap(a + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0)));
	out("new length 0: %s\n", res(sys_mremap(a, PAGE, 0, MREMAP_MAYMOVE, 0)));
	out("unknown flag 0x10: %s\n", res(sys_mremap(a, PAGE, 2 * PAGE, 0x10, 0)));
	out("MREMAP_FIXED without MREMAP_MAYMOVE: %s\n",
	    res(sys_mremap(a, PAGE, PAGE, MREMAP_FIXED, t)));
	out("the first mapping is intact: %s\n", yesno(kept(a, 2 * PAGE)));
	sys_munmap(a, 4 * PAGE);
	sys_munmap(x + PAGE, PAGE);
	sys_munmap(z, 2 * PAGE);
	return 0;
}

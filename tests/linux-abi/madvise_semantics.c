/*
 * madvise_semantics: MADV_DONTNEED drops the pages of a private anonymous mapping (or
 * of the brk heap), so they read back as zero; the neighbours keep their data.
 */
#include "abi.h"

#define RW	(PROT_READ | PROT_WRITE)

int main(void)
{
	unsigned long hole, b0, top;
	unsigned char *a;
	long m, r;
	int zero, kept;

	m = anon(0, 4 * PAGE, RW, 0);
	a = (unsigned char *)m;
	memset(a, 0x5a, 4 * PAGE);
	hole = free_range(1);
	r = sys_madvise(m + PAGE, 2 * PAGE, MADV_DONTNEED);
	zero = all_bytes(a + PAGE, 0, 2 * PAGE);
	kept = all_bytes(a, 0x5a, PAGE) && all_bytes(a + 3 * PAGE, 0x5a, PAGE);
	out("DONTNEED on pages 1-2: %s; they read zero %s; pages 0 and 3 keep their data %s\n",
	    res(r), yesno(zero), yesno(kept));
	a[PAGE] = 7;
	out("the dropped page is writable again: %s\n", yesno(a[PAGE] == 7));
	out("unaligned address: %s\n", res(sys_madvise(m + 1, PAGE, MADV_DONTNEED)));
	out("unmapped range: %s\n", res(sys_madvise(hole, PAGE, MADV_DONTNEED)));
	out("unknown advice 12345: %s\n", res(sys_madvise(m, PAGE, 12345)));
	out("length 0: %s\n", res(sys_madvise(m, 0, MADV_DONTNEED)));
	sys_munmap(m, 4 * PAGE);

	b0 = sys_brk(0);
	top = PAGE_UP(b0);
	sys_brk(top + 2 * PAGE);
	memset((void *)top, 0x66, 2 * PAGE);
	r = sys_madvise(top, PAGE, MADV_DONTNEED);
	zero = all_bytes((void *)top, 0, PAGE);
	kept = all_bytes((void *)(top + PAGE), 0x66, PAGE);
	out("DONTNEED on a brk heap page: %s; it reads zero %s; the other keeps data %s\n",
	    res(r), yesno(zero), yesno(kept));
	sys_brk(b0);
	return 0;
}

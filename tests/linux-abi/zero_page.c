/*
 * zero_page: reading private anonymous memory that was never written costs no memory
 * (Linux maps its one shared zero page, read-only), and the first write to such a page
 * gets a page of its own without disturbing the zero page everyone else reads.
 *
 * A 1 GiB PROT_READ mapping, read one byte a page, is more than the kernel's RAM under
 * the test (256 MiB): without the zero page the read would run out of memory. Then a
 * 16 MiB read-write mapping is read whole, every other page written, and everything
 * read back through mprotect, MADV_DONTNEED, mremap and munmap.
 */
#include "abi.h"

#define BIG	(1024UL << 20)
#define SMALL	(16UL << 20)
#define RW	(PROT_READ | PROT_WRITE)

/* Every page of [p, p + len) at byte off: zero, or (odd pages written) its tag. */
static int pages_ok(const unsigned char *p, unsigned long len, unsigned long off, int tagged)
{
	unsigned long i;

	for (i = 0; i < len / PAGE; i++) {
		unsigned char want = tagged && (i & 1) ? (unsigned char)(i >> 1 | 1) : 0;

		if (p[i * PAGE + off] != want)
			return 0;
	}
	return 1;
}

static void write_odd_pages(unsigned char *p, unsigned long len)
{
	unsigned long i;

	for (i = 1; i < len / PAGE; i += 2)
		p[i * PAGE] = (unsigned char)(i >> 1 | 1);
}

int main(void)
{
	unsigned char *a;
	long m, n;

	m = anon(0, BIG, PROT_READ, 0);
	out("mmap of 1 GiB PROT_READ: %s\n", res(m));
	if (is_err(m))
		return 1;
	a = (unsigned char *)m;
	out("every page of it reads zero: %s\n", yesno(pages_ok(a, BIG, 123, 0)));
	out("its first and last pages read zero throughout: %s\n",
	    yesno(all_bytes(a, 0, PAGE) && all_bytes(a + BIG - PAGE, 0, PAGE)));
	out("munmap: %s\n", res(sys_munmap(m, BIG)));

	m = anon(0, SMALL, RW, 0);
	a = (unsigned char *)m;
	out("mmap of 16 MiB read-write: %s\n", res(m));
	if (is_err(m))
		return 1;
	out("read whole, it is zero: %s\n", yesno(all_bytes(a, 0, SMALL)));
	write_odd_pages(a, SMALL);
	out("odd pages written after the read: they hold their tags, even pages still zero: %s\n",
	    yesno(pages_ok(a, SMALL, 0, 1) && all_bytes(a + 2 * PAGE, 0, PAGE)));
	out("the rest of a written page is zero: %s\n", yesno(all_bytes(a + PAGE + 1, 0, PAGE - 1)));

	out("mprotect PROT_READ: %s; ", res(sys_mprotect(m, SMALL, PROT_READ)));
	out("contents kept: %s\n", yesno(pages_ok(a, SMALL, 0, 1)));
	out("mprotect back to read-write: %s; ", res(sys_mprotect(m, SMALL, RW)));
	a[4 * PAGE + 9] = 0x44;		/* an even page, until now the zero page */
	out("an unwritten page is writable again: %s; others unchanged: %s\n",
	    yesno(a[4 * PAGE + 9] == 0x44), yesno(all_bytes(a + 6 * PAGE, 0, PAGE)));
	a[4 * PAGE + 9] = 0;

	out("MADV_DONTNEED on the first 4 MiB: %s; ", res(sys_madvise(m, 4UL << 20, MADV_DONTNEED)));
	out("it reads zero: %s; the rest kept: %s\n", yesno(all_bytes(a, 0, 4UL << 20)),
	    yesno(pages_ok(a + (4UL << 20), SMALL - (4UL << 20), 0, 1)));

	n = sys_mremap(m, SMALL, 2 * SMALL, MREMAP_MAYMOVE, 0);
	out("mremap to 32 MiB: %s; ", res(n));
	if (is_err(n))
		return 1;
	a = (unsigned char *)n;
	out("contents kept: %s; the new half reads zero: %s\n",
	    yesno(all_bytes(a, 0, 4UL << 20) &&
		  pages_ok(a + (4UL << 20), SMALL - (4UL << 20), 0, 1)),
	    yesno(all_bytes(a + SMALL, 0, SMALL)));
	write_odd_pages(a, 2 * SMALL);
	out("written again after the move: %s\n", yesno(pages_ok(a, 2 * SMALL, 0, 1)));
	out("munmap: %s\n", res(sys_munmap(n, 2 * SMALL)));
	return 0;
}

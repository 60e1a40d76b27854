/*
 * calloc_zero: calloc returns zeros even where malloc recycled dirty memory, for small
 * and mmapped sizes, and refuses a size whose multiplication overflows.
 */
#include "abi.h"

int main(void)
{
	static const size_t sizes[] = { 1, 100, 1000, 30000, 128 * 1024, 200 * 1024, 1 << 20 };
	volatile size_t huge_n = (size_t)-1 / 2, huge = (size_t)-4096;	/* unseen by gcc */
	unsigned i;
	void *p, *q;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = malloc(sizes[i]);
		memset(p, 0xff, sizes[i]);
		free(p);
		q = calloc(1, sizes[i]);
		out("calloc(1, %7zu) after a dirty free: all zero %s\n", sizes[i],
		    yesno(q && all_bytes(q, 0, sizes[i])));
		free(q);
	}
	p = calloc(100, 1000);
	out("calloc(100, 1000): all zero %s\n", yesno(p && all_bytes(p, 0, 100000)));
	free(p);
	p = calloc(huge_n, 4);
	out("calloc overflowing size_t: NULL %s\n", yesno(p == NULL));
	p = malloc(huge);
	out("malloc(4 GiB - 4096): NULL %s\n", yesno(p == NULL));
	return 0;
}

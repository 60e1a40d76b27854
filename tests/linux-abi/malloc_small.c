/*
 * malloc_small: small blocks come from the brk heap (glibc) or from the libc's own
 * groups (musl), 16-byte aligned, distinct, keeping their contents, and reused after
 * free. Also whether the first malloc in main moved the break: glibc has set its heap up
 * before main, musl grows its metadata area.
 */
#include "abi.h"

static const size_t sizes[] = { 1, 7, 16, 24, 100, 500, 1000, 4000, 20000 };

int main(void)
{
	unsigned long b0 = sys_brk(0), b1;
	unsigned char *p[sizeof(sizes) / sizeof(sizes[0])];
	unsigned i, j, n = sizeof(sizes) / sizeof(sizes[0]);
	int aligned = 1, disjoint = 1, kept = 1;
	void *a, *b;

	a = malloc(1);
	b1 = sys_brk(0);
	out("malloc(1) moved the break: %s\n", yesno(b1 != b0));
	free(a);
	for (i = 0; i < n; i++) {
		p[i] = malloc(sizes[i]);
		aligned &= ((unsigned long)p[i] & 15) == 0;
		memset(p[i], 0x40 + i, sizes[i]);
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (i != j && p[i] < p[j] + sizes[j] && p[j] < p[i] + sizes[i])
				disjoint = 0;
	for (i = 0; i < n; i++)
		kept &= all_bytes(p[i], 0x40 + i, sizes[i]);
	out("%u blocks: 16-byte aligned %s, disjoint %s, contents kept %s\n", n,
	    yesno(aligned), yesno(disjoint), yesno(kept));
	for (i = 0; i < n; i++)
		out("malloc(%zu) on the brk heap: %s\n", sizes[i], yesno(on_heap(p[i])));
	for (i = 0; i < n; i++)
		free(p[i]);
	a = malloc(24);
	free(a);
	b = malloc(24);
	out("malloc(24) after free(malloc(24)) reuses the block: %s\n", yesno(a == b));
	free(b);
	a = malloc(0);
	out("malloc(0) returns a block: %s\n", yesno(a != NULL));
	free(a);
	return 0;
}

/*
 * heap_trim: freeing the blocks at the top of the heap lowers the break (glibc trims
 * when more than M_TRIM_THRESHOLD, 128 KiB, is free at the top); a free block in the
 * middle cannot be returned. musl's malloc never shrinks the break: that is its answer.
 * Blocks of 4000 bytes avoid glibc's per-thread cache, which would hold on to them.
 * The break is shown in pages relative to where it was when main started.
 */
#include "abi.h"

#define N	200
#define SIZE	4000

static unsigned long b0;

static void show(const char *what)
{
	long pages = ((long)PAGE_UP(sys_brk(0)) - (long)PAGE_UP(b0)) / (long)PAGE;

	out("%-28s break = start %+ld pages\n", what, pages);
}

int main(void)
{
	char *p[N];
	int i;

	b0 = sys_brk(0);
	for (i = 0; i < N; i++) {
		p[i] = malloc(SIZE);
		memset(p[i], i, SIZE);
	}
	show("after 200 x malloc(4000):");
	for (i = N / 2; i < N; i++)
		free(p[i]);
	show("after freeing the top half:");
	for (i = 0; i < N / 2 - 1; i++)
		free(p[i]);
	show("after freeing all but one:");
	free(p[N / 2 - 1]);
	show("after freeing the last:");
	return 0;
}

/*
 * heap_trim: free() can give heap memory back to the kernel only from the top.
 *
 * Three 100 KiB blocks come from the brk heap (they are under the 128 KiB mmap
 * threshold). Freeing the topmost one leaves more than TRIM_THRESHOLD free at the top,
 * so malloc lowers the break (keeping TOP_PAD). Freeing the bottom one leaves a hole in
 * the middle: the break cannot move past the block still in use above it. Freeing the
 * middle one merges everything into the top and the heap shrinks back to 132 KiB.
 * Offsets are printed relative to the break at start-up, so they are the same on any
 * kernel that starts the heap on a page boundary.
 */
#include "ulib.h"

static unsigned long b0;

static void show(const char *what)
{
	printf("%-24s break = start + 0x%lx\n", what, (unsigned long)sys_brk(0) - b0);
}

int main(void)
{
	char *a, *b, *c;

	b0 = sys_brk(0);
	malloc_trace = 1;
	a = malloc(100 * 1024);
	b = malloc(100 * 1024);
	show("after malloc a, b:");
	c = malloc(100 * 1024);
	show("after malloc c:");
	memset(a, 1, 100 * 1024);
	memset(b, 2, 100 * 1024);
	memset(c, 3, 100 * 1024);
	free(c);
	show("after free(c) (top):");
	free(a);
	show("after free(a) (bottom):");
	free(b);
	show("after free(b) (middle):");
	return 0;
}

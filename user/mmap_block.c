/*
 * mmap_block: a 200 KiB malloc does not come from the heap.
 *
 * Requests of MMAP_THRESHOLD (128 KiB) or more get their own anonymous mapping from
 * mmap2, placed top-down below mmap_base, far above the break and below the stack.
 * The break does not move. free() returns the whole region at once with munmap, so
 * the next 200 KiB request gets the very same addresses back.
 */
#include "ulib.h"

int main(void)
{
	unsigned long brk_small, brk_big, stack = (unsigned long)&brk_small;
	char *small, *p, *q;

	malloc_trace = 1;
	small = malloc(16);
	brk_small = sys_brk(0);
	p = malloc(200 * 1024);
	brk_big = sys_brk(0);
	printf("small block %p, heap break %p\n", small, (void *)brk_big);
	printf("200 KiB block %p, stack near %p\n", p, (void *)stack);
	printf("200 KiB block lies above the break: %s (by %lu MiB), below the stack: %s\n",
	       (unsigned long)p > brk_big ? "yes" : "no",
	       ((unsigned long)p - brk_big) >> 20, (unsigned long)p < stack ? "yes" : "no");
	printf("break moved for the 200 KiB block: %s\n", brk_big != brk_small ? "yes" : "no");
	p[0] = 1;
	p[200 * 1024 - 1] = 2;
	free(p);
	q = malloc(200 * 1024);
	printf("after free, a new 200 KiB block gets the same address: %s\n",
	       q == p ? "yes" : "no");
	free(q);
	free(small);
	return 0;
}

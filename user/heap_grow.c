/*
 * heap_grow: what malloc(1) does to the program break.
 *
 * The first malloc finds the heap empty and raises the break with brk: not by one byte
 * but by 132 KiB, the request plus TOP_PAD (128 KiB) rounded up to a page, so that the
 * next small mallocs need no system call at all. Only address space is reserved: the
 * pages are allocated by the page-fault handler when first touched.
 */
#include "ulib.h"

int main(void)
{
	unsigned long b0, b1, b2;
	char *p, *q;

	b0 = sys_brk(0);
	printf("break before malloc(1): %p\n", (void *)b0);
	malloc_trace = 1;
	p = malloc(1);
	b1 = sys_brk(0);
	printf("malloc(1) = %p\n", p);
	printf("break after malloc(1):  %p\n", (void *)b1);
	printf("heap grew by %lu bytes (%lu pages): 1 byte + TOP_PAD, rounded up to a page\n",
	       b1 - b0, (b1 - b0) / PAGE_SIZE);
	printf("the block is inside the new heap: %s\n",
	       (unsigned long)p >= b0 && (unsigned long)p < b1 ? "yes" : "no");
	*p = 42;	/* the first touch: one page fault, one page */
	q = malloc(1000);
	b2 = sys_brk(0);
	printf("malloc(1000) = %p, break moved again: %s\n", q, b2 != b1 ? "yes" : "no");
	return 0;
}

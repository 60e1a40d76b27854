/*
 * lazy_touch: address space is not memory.
 *
 * malloc(64 MiB) takes one mmap2 call and no page of memory: the kernel only records a
 * VMA. Then the program writes one byte in every 16th page, 1024 pages in all; each
 * first write is a page fault that allocates one zeroed page. At exit the kernel's own
 * report (its log line with the process's rss) shows about 4 MiB resident, not 64 MiB.
 * Reading a page back before writing it shows the zero fill.
 */
#include "ulib.h"

#define SIZE	(64UL << 20)
#define STRIDE	16

int main(void)
{
	unsigned long pages = SIZE / PAGE_SIZE, i, touched = 0, nonzero = 0;
	char *p;

	malloc_trace = 1;
	p = malloc(SIZE);
	if (!p) {
		printf("malloc(64 MiB) failed\n");
		return 1;
	}
	printf("reserved %lu pages at %p; none is allocated yet\n", pages, p);
	for (i = 0; i < pages; i += STRIDE) {
		nonzero += p[i * PAGE_SIZE + 100] != 0;	/* first access: a fresh zero page */
		p[i * PAGE_SIZE + 100] = (char)i | 1;
		touched++;
	}
	printf("touched %lu of %lu pages (%lu KiB of %lu KiB), nonzero on first read: %lu\n",
	       touched, pages, touched * PAGE_SIZE / 1024, SIZE / 1024, nonzero);
	printf("expect the kernel to report rss of about %lu pages more than at start\n",
	       touched);
	return 0;
}

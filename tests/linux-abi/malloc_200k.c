/*
 * malloc_200k: a 200 KiB block lives outside the heap and free() returns it to the
 * kernel at once (munmap). glibc then raises its mmap threshold (the "dynamic threshold"),
 * so its next 200 KiB request is served from the heap; musl keeps using mmap.
 */
#include "abi.h"

#define SIZE (200 * 1024)

int main(void)
{
	unsigned long before, after, page;
	int first, last;
	char *p, *q;

	free(malloc(16));
	before = sys_brk(0);
	p = malloc(SIZE);
	after = sys_brk(0);
	page = (unsigned long)p & ~(PAGE - 1);
	out("malloc(200 KiB) on the brk heap: %s; break moved: %s\n", yesno(on_heap(p)),
	    yesno(after != before));
	out("fresh block reads zero: %s\n", yesno(all_bytes(p, 0, SIZE)));
	memset(p, 0x77, SIZE);
	out("block mapped: %s; contents kept: %s\n", yesno(mapped(page, PAGE)),
	    yesno(all_bytes(p, 0x77, SIZE)));
	free(p);
	first = mapped(page, PAGE);
	last = mapped((page + SIZE) & ~(PAGE - 1), PAGE);
	out("after free: first page mapped: %s, last page mapped: %s\n", yesno(first),
	    yesno(last));
	q = malloc(SIZE);
	memset(q, 0x11, SIZE);
	out("second malloc(200 KiB) on the brk heap: %s\n", yesno(on_heap(q)));
	free(q);
	return 0;
}

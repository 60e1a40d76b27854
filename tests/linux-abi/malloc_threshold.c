/*
 * malloc_threshold: which requests go to the brk heap and which to their own mmap.
 * Around 128 KiB (glibc's M_MMAP_THRESHOLD; musl's is a little below it) the answer
 * changes; an mmapped block leaves the break alone and is unmapped by free().
 */
#include "abi.h"

static const size_t sizes[] = {
	64 * 1024, 100000, 128 * 1024 - 4096, 128 * 1024 - 64, 128 * 1024 - 16,
	128 * 1024, 128 * 1024 + 16, 140000, 200 * 1024, 1 << 20,
};

int main(void)
{
	unsigned long before, page;
	int heap, moved, still;
	unsigned i;
	char *p;

	free(malloc(16));	/* let the libc set its heap up first */
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		before = sys_brk(0);
		p = malloc(sizes[i]);
		memset(p, 1, sizes[i]);
		heap = on_heap(p);
		moved = (unsigned long)sys_brk(0) != before;
		if (heap) {
			out("malloc(%7zu): heap, break moved %s\n", sizes[i], yesno(moved));
			continue;
		}
		page = (unsigned long)p & ~(PAGE - 1);
		free(p);
		still = mapped(page, PAGE);
		out("malloc(%7zu): mmap, break moved %s, offset in its page 0x%03lx, "
		    "mapped after free %s\n", sizes[i], yesno(moved),
		    (unsigned long)p & (PAGE - 1), yesno(still));
	}
	return 0;
}

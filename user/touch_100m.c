/*
 * touch_100m: 100 MiB of heap, touched page by page, checked by a checksum.
 *
 * One malloc (an mmap2 region), then 25600 page faults as every page is written with
 * words derived from its index, then a second pass that reads everything back into a
 * checksum. The checksum is the same on any correct kernel; a page mapped twice, lost,
 * or not zeroed changes it. Needs a little over 100 MiB of free memory.
 */
#include "ulib.h"

#define SIZE	(100UL << 20)

int main(void)
{
	unsigned long pages = SIZE / PAGE_SIZE, i, j;
	uint32_t *p, sum = 2166136261u, bad = 0;

	p = malloc(SIZE);
	if (!p) {
		printf("malloc(100 MiB) failed\n");
		return 1;
	}
	for (i = 0; i < pages; i++) {
		uint32_t *page = p + i * (PAGE_SIZE / 4);

		bad += page[0] != 0 || page[1023] != 0;	/* fresh pages read zero */
		page[0] = (uint32_t)i * 2654435761u;
		page[512] = (uint32_t)i ^ 0xa5a5a5a5u;
		page[1023] = ~(uint32_t)i;
	}
	for (i = 0; i < pages; i++)
		for (j = 0; j < PAGE_SIZE / 4; j += 511)
			sum = (sum ^ p[i * (PAGE_SIZE / 4) + j]) * 16777619u;
	printf("touched %lu pages (%lu MiB), %lu not zero at first touch, checksum 0x%08x\n",
	       pages, SIZE >> 20, (unsigned long)bad, sum);
	free(p);
	return bad ? 1 : 0;
}

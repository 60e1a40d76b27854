/*
 * oom: allocate and touch memory until the kernel kills the process.
 *
 * Each round mallocs 1 MiB (an mmap2 region) and writes every page of it, so every page
 * is really allocated by a page fault. When no free page is left and nothing can be
 * reclaimed, the kernel's out-of-memory path kills the process with SIGKILL: exit status
 * 128 + 9 = 137, as Linux's OOM killer does, and the kernel carries on with the next
 * program. If malloc fails instead, the kernel refused the mapping rather than running
 * out of pages; the program says so and exits with 1. Do not run it natively on a
 * machine you care about; run it with a small --mem.
 */
#include "ulib.h"

#define CHUNK	(1UL << 20)

int main(void)
{
	unsigned long mib, off;
	char *p;

	for (mib = 0;; mib++) {
		p = malloc(CHUNK);
		if (!p) {
			printf("malloc failed after %lu MiB without the process being killed\n",
			       mib);
			return 1;
		}
		for (off = 0; off < CHUNK; off += PAGE_SIZE)
			p[off] = (char)mib;
		if (mib % 8 == 0)
			printf("%lu MiB allocated and touched\n", mib + 1);
	}
}

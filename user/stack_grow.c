/*
 * stack_grow: the stack VMA grows down on demand.
 *
 * The kernel maps only the top of the stack at exec. Each recursion level below uses a
 * 1 KiB frame and touches it; when the frames cross into the unmapped page under the
 * stack VMA, the page-fault handler extends the VMA downwards (it is VM_GROWSDOWN) and
 * maps a zeroed page, up to the 8 MiB stack limit. The default depth (4096 levels, a
 * little over 4 MiB) stays well inside it; "stack_grow N" picks another depth.
 */
#include "ulib.h"

static unsigned long lowest;

static unsigned descend(unsigned depth)
{
	volatile unsigned char frame[1024];
	unsigned i;

	for (i = 0; i < sizeof(frame); i += 256)
		frame[i] = (unsigned char)(depth + i);
	if (depth == 0) {
		lowest = (unsigned long)frame;
		return frame[0];
	}
	return descend(depth - 1) + frame[256];	/* not a tail call: the frame stays */
}

int main(int argc, char **argv)
{
	unsigned depth = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 4096;
	unsigned long top = (unsigned long)&depth;
	unsigned sum = descend(depth);

	printf("recursed %u levels of 1 KiB frames, sum %u\n", depth, sum);
	printf("stack grew by about %lu KiB: from %p down to %p\n", (top - lowest) >> 10,
	       (void *)top, (void *)lowest);
	return 0;
}

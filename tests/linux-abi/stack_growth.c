/*
 * stack_growth: the stack grows on demand down to about 6 MiB, inside the usual 8 MiB
 * limit. Each level has a 1 KiB frame that it writes from the top down; the sum proves
 * every frame kept its data while the deeper ones were being added.
 */
#include "abi.h"

#define DEPTH 6000

static unsigned descend(unsigned depth)
{
	volatile unsigned char frame[1024];
	int i;

	for (i = sizeof(frame) - 1; i >= 0; i -= 128)
		frame[i] = (unsigned char)(depth * 3 + i);
	if (depth == 0)
		return frame[1023];
	return descend(depth - 1) + frame[1023] + frame[127];	/* not a tail call */
}

int main(void)
{
	out("recursed %u levels of 1 KiB frames, sum %u\n", DEPTH, descend(DEPTH));
	out("and once more, over the pages now present: sum %u\n", descend(DEPTH));
	return 0;
}

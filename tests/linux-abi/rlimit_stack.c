/*
 * rlimit_stack: RLIMIT_STACK lowered at run time limits the stack's growth from then
 * on: under a 1 MiB limit, 512 KiB of frames still fit, 2 MiB do not (SIGSEGV, 139).
 */
#include "mm_residency.h"

static unsigned descend(unsigned depth)
{
	volatile unsigned char frame[1024];
	int i;

	for (i = sizeof(frame) - 1; i >= 0; i -= 128)
		frame[i] = (unsigned char)(depth + i);
	if (depth == 0)
		return frame[1023];
	return descend(depth - 1) + frame[1023];	/* not a tail call */
}

int main(void)
{
	unsigned long lim[2] = { 1024 * 1024, ~0UL };

	out("RLIMIT_STACK 1 MiB: %s\n", res(sc(SYS_setrlimit, 3, (long)lim, 0, 0, 0, 0)));
	out("512 levels of 1 KiB: sum %u\n", descend(512));
	out("2048 levels of 1 KiB: about to\n");
	out("sum %u\n", descend(2048));
	return 0;
}

/*
 * stdio_printf: the libc's own buffered stdio on top of write/writev (musl's stdout
 * writes with writev and may pass an empty {NULL, 0} vector), number formatting that
 * uses the FPU, an atexit handler, and an exit status of 3 passed through exit_group.
 */
#include <stdio.h>
#include <stdlib.h>

static void bye(void)
{
	printf("atexit handler ran\n");
}

int main(void)
{
	int i;

	atexit(bye);
	printf("%d %u %x %o %c %s|%-6s|%6s|\n", -42, 42u, 0xbeef, 8, 'z', "str", "ab", "cd");
	printf("%08.3f %e %g %.0f\n", 3.14159, 12345.678, 0.0001, 2.5);
	printf("%lld %llx %zu %p\n", -1234567890123LL, 0xfedcba9876ULL, sizeof(long), (void *)0);
	for (i = 0; i < 200; i++)
		printf("%s%d", i ? "," : "line of numbers: ", i);
	putchar('\n');
	fputs("fputs to stdout\n", stdout);
	fprintf(stderr, "this goes to stderr\n");
	fflush(stdout);
	printf("exiting with status 3\n");
	exit(3);
}

/*
 * hello: the smallest ulib program. Prints its arguments on fd 1 and one line on fd 2,
 * then exits with status 0, or with N when run as "hello --exit N".
 *
 * It checks the plumbing before any memory experiment: the initial stack (argc, argv)
 * as the kernel laid it out, write to both consoles, and the exit status reaching the
 * caller of tools/run-elf.
 */
#include "ulib.h"

int main(int argc, char **argv)
{
	int i;

	printf("hello: argc %d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	printf("pid %ld, page size %lu\n", sys_getpid(), getauxval(6 /* AT_PAGESZ */));
	dprintf(2, "hello: this line went to fd 2\n");
	if (argc == 3 && strcmp(argv[1], "--exit") == 0)
		return (int)strtoul(argv[2], NULL, 0);
	return 0;
}

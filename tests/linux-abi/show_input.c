/*
 * show_input: prints what a program is given: each argument in brackets (any bytes:
 * spaces, commas, empty strings), each environment string, and the number and a
 * checksum (FNV-1a) of the bytes of standard input, read to its end.
 *
 * Not a differential case (tests/linux-abi/cases does not list it): tests/run-user runs
 * it through tools/run-linux to check that the runner passes argv, --env and stdin byte
 * for byte, as run-elf's contract says.
 */
#include "abi.h"

extern char **environ;

int main(int argc, char **argv)
{
	unsigned long n = 0, hash = 2166136261UL;
	unsigned char buf[4096];
	char **e;
	long r;
	int i;

	out("argc %d\n", argc);
	for (i = 1; i < argc; i++)
		out("argv[%d] = [%s]\n", i, argv[i]);
	for (e = environ; *e; e++)
		out("env [%s]\n", *e);
	while ((r = sc(SYS_read, 0, (long)buf, sizeof(buf), 0, 0, 0)) > 0) {
		for (i = 0; i < r; i++)
			hash = (hash ^ buf[i]) * 16777619UL;
		n += r;
	}
	out("stdin: %lu bytes, fnv1a %08lx, last read %s\n", n, hash & 0xffffffffUL, res(r));
	return argc > 2 ? 7 : 0;
}

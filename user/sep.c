/*
 * sep TOKEN: the separator tools/run-elf puts between programs when it runs several in
 * one boot. The kernel sends every program's fd 1 and fd 2 to the same two serial
 * ports, one after another; this program writes the marker "<<run-elf:TOKEN>>" on both,
 * so that the byte streams can be cut back into one piece per program.
 */
#include "ulib.h"

int main(int argc, char **argv)
{
	char mark[128];
	int n;

	if (argc != 2)
		return 2;
	n = snprintf(mark, sizeof(mark), "<<run-elf:%s>>", argv[1]);
	if (n >= (int)sizeof(mark))
		return 2;
	sys_write(1, mark, n);
	sys_write(2, mark, n);
	return 0;
}

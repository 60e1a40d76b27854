/*
 * auxv_startup: what the kernel left on the initial stack, as far as it is the same on
 * every kernel: the arguments, the end of argv and envp, and the auxiliary vector entries
 * that describe the program itself. Run with the arguments "alpha beta".
 */
#include <elf.h>
#include <sys/auxv.h>
#include "abi.h"

extern char **environ;
extern const Elf32_Ehdr __ehdr_start;	/* the ELF header, mapped with the first segment */
extern char _start[];

int main(int argc, char **argv)
{
	const Elf32_Phdr *phdr = (const void *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
	const unsigned char *rnd = (const void *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	unsigned long *av;
	char **e;
	int i, pagesz_seen = 0, n = 0;

	out("argc %d\n", argc);
	for (i = 1; i < argc; i++)
		out("argv[%d] = %s\n", i, argv[i]);
	out("argv[argc] is NULL: %s\n", yesno(argv[argc] == NULL));
	out("envp starts right after argv: %s\n", yesno(environ == argv + argc + 1));
	for (e = environ; *e; e++)
		;
	for (av = (unsigned long *)(e + 1); av[0] != AT_NULL; av += 2, n++)
		pagesz_seen |= av[0] == AT_PAGESZ && av[1] == 4096;
	out("the auxiliary vector follows envp and holds AT_PAGESZ 4096: %s\n", yesno(pagesz_seen));
	out("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
	out("AT_PHDR is the program header table: %s\n", yesno((const Elf32_Phdr *)getauxval(AT_PHDR) == phdr));
	out("AT_PHENT %lu, AT_PHNUM is e_phnum: %s\n", getauxval(AT_PHENT),
	    yesno(getauxval(AT_PHNUM) == __ehdr_start.e_phnum));
	out("AT_ENTRY is _start: %s\n", yesno(getauxval(AT_ENTRY) == (unsigned long)_start));
	out("AT_SECURE %lu\n", getauxval(AT_SECURE));
	out("AT_RANDOM points at 16 readable bytes: %s\n",
	    yesno(rnd && (rnd[0] | rnd[15] | 1)));
	out("AT_EXECFN is argv[0]: %s\n", yesno(execfn && strcmp(execfn, argv[0]) == 0));
	out("argument strings lie above the vectors: %s\n",
	    yesno((unsigned long)argv[0] > (unsigned long)av));
	return 0;
}

/*
 * Loading a program into the current process (fs/binfmt_elf.c), after Linux's
 * linux_binprm and load_elf_binary().
 *
 * The program is a static ELF32 i386 executable (ET_EXEC) already in kernel memory (a
 * Multiboot module). The loader checks it completely before touching the process, so a
 * malformed file is refused with a message and no side effect; then it builds the
 * address space (segments, break, stack with argv and auxv) in current->mm.
 */
#ifndef _BINFMTS_H
#define _BINFMTS_H

#include "types.h"

struct linux_binprm {
	const void *image;		/* the ELF file */
	size_t size;
	const char *comm;		/* for messages: "exec: COMM: ..." */
	int argc;
	char *const *argv;		/* argv[0] is the path, also AT_EXECFN */
	unsigned long entry;		/* out: where the program starts */
	unsigned long p;		/* out: initial user esp, pointing at argc */
};

/* Largest argument area accepted (strings and pointers), well inside the first stack. */
#define MAX_ARG_BYTES		(32UL << 10)
#define STACK_TOP		TASK_SIZE
#define STACK_INIT_SIZE		(128UL << 10)	/* the stack area at exec; grows on faults */

/*
 * Check an ELF image without loading it: 0 if it is a static i386 executable this
 * kernel can load, else -ENOEXEC (or -E2BIG) with the reason written to why.
 */
int elf_check_image(const void *image, size_t size, char *why, size_t why_len);

/*
 * Load the image into a new address space for current (which must have no mm yet) and
 * set bprm->entry and bprm->p. On failure prints "exec: COMM: reason" and returns
 * -errno; current->mm may then hold a partial address space, which do_exit() frees.
 */
int load_elf_binary(struct linux_binprm *bprm);

#endif /* _BINFMTS_H */

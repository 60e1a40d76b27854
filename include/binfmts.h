/*
 * Executing a program (fs/exec.c) and loading an ELF file (fs/binfmt_elf.c), after
 * Linux's linux_binprm, do_execve() and load_elf_binary().
 *
 * The program is a static ELF32 i386 executable (ET_EXEC) already in kernel memory (a
 * Multiboot module). The new address space is built aside, in bprm->mm, while the task
 * keeps its old one (or none): the loader checks the file completely, maps the segments,
 * copies their bytes and builds the stack into bprm->mm through the kernel's mapping of
 * its pages, never through CR3. Only then begin_new_exec() passes the point of no return:
 * exec_mmap() makes bprm->mm the task's and frees the old one. A failure before that
 * point leaves the task exactly as it was, and do_execve() frees every bit of the new mm.
 */
#ifndef _BINFMTS_H
#define _BINFMTS_H

#include "types.h"

struct mm_struct;

struct linux_binprm {
	const void *image;		/* the ELF file */
	size_t size;
	const char *filename;		/* the path: comm is its basename */
	const char *comm;		/* for messages: "exec: COMM: ..." */
	int argc, envc;
	char *const *argv;		/* argv[0] is the path, also AT_EXECFN */
	char *const *envp;		/* envc strings ("NAME=VALUE"); may be NULL if envc is 0 */
	struct mm_struct *mm;		/* the new address space, until exec_mmap() */
	unsigned long entry;		/* out: where the program starts */
	unsigned long p;		/* out: initial user esp, pointing at argc */
};

/*
 * As Linux: the strings and pointers of argv and envp together may take a quarter of
 * RLIMIT_STACK (2 MiB with the default 8 MiB), at most 6 MiB (3/4 of _STK_LIM) and at
 * least ARG_MAX (32 pages); one string at most 32 pages, and at most this many.
 */
#define ARG_MAX_MIN		(32UL * 4096)
#define ARG_MAX_CAP		(6UL << 20)
#define MAX_ARG_STRLEN		(32UL * 4096)
#define MAX_ARG_STRINGS		0x7fffffffU
#define STACK_TOP		TASK_SIZE
#define STACK_INIT_SIZE		(128UL << 10)	/* the stack area at exec; grows on faults */

/*
 * Check an ELF image without loading it: 0 if it is a static i386 executable this
 * kernel can load, else -ENOEXEC (or -E2BIG) with the reason written to why.
 */
int elf_check_image(const void *image, size_t size, char *why, size_t why_len);

/*
 * Replace current's program: a new mm with the image loaded, current's user registers
 * set to enter it (the task returns to user mode there). On failure prints
 * "exec: COMM: reason", returns -errno and leaves current untouched (fs/exec.c).
 */
int do_execve(struct linux_binprm *bprm);

/* fs/binfmt_elf.c: build bprm->mm from the ELF image, then begin_new_exec(). */
int load_elf_binary(struct linux_binprm *bprm);

/* fs/exec.c, for the loader */
int begin_new_exec(struct linux_binprm *bprm);	/* the point of no return */
/* Copy into bprm->mm at a user address, faulting its pages in: 0 or -EFAULT/-ENOMEM. */
int copy_to_bprm(struct linux_binprm *bprm, unsigned long addr, const void *src, size_t len);

#endif /* _BINFMTS_H */

/*
 * System call wrappers and process start-up for ulib.
 *
 * Each wrapper is one __syscall6 call with Linux's i386 number; the result is returned
 * unchanged (a value, or -errno in -4095..-1). __ulib_start is called by crt0.S with
 * the initial stack pointer and lays out argc/argv/envp/auxv as the kernel left them.
 */
#include "ulib.h"

char **environ;
unsigned long *__auxv;

int main(int argc, char **argv, char **envp);
void __ulib_start(long *sp) __noreturn;

long sys_write(int fd, const void *buf, size_t len)
{
	return __syscall6(__NR_write, fd, (long)buf, (long)len, 0, 0, 0);
}

long sys_brk(unsigned long addr)
{
	return __syscall6(__NR_brk, (long)addr, 0, 0, 0, 0, 0);
}

long sys_mmap2(unsigned long addr, size_t len, int prot, int flags, int fd,
	       unsigned long pgoff)
{
	return __syscall6(__NR_mmap2, (long)addr, (long)len, prot, flags, fd,
			  (long)pgoff);
}

long sys_munmap(unsigned long addr, size_t len)
{
	return __syscall6(__NR_munmap, (long)addr, (long)len, 0, 0, 0, 0);
}

long sys_mprotect(unsigned long addr, size_t len, int prot)
{
	return __syscall6(__NR_mprotect, (long)addr, (long)len, prot, 0, 0, 0);
}

long sys_mremap(unsigned long old, size_t old_len, size_t new_len, int flags,
		unsigned long new_addr)
{
	return __syscall6(__NR_mremap, (long)old, (long)old_len, (long)new_len,
			  flags, (long)new_addr, 0);
}

long sys_madvise(unsigned long addr, size_t len, int advice)
{
	return __syscall6(__NR_madvise, (long)addr, (long)len, advice, 0, 0, 0);
}

long sys_getpid(void)
{
	return __syscall6(__NR_getpid, 0, 0, 0, 0, 0, 0);
}

void sys_exit_group(int status)
{
	for (;;)
		__syscall6(__NR_exit_group, status, 0, 0, 0, 0, 0);
}

/* No stdio buffers to flush: printf writes through at once (see printf.c). */
void exit(int status)
{
	sys_exit_group(status);
}

unsigned long getauxval(unsigned long type)
{
	unsigned long *av;

	for (av = __auxv; av && av[0] != 0; av += 2)
		if (av[0] == type)
			return av[1];
	return 0;
}

void __ulib_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	environ = envp;
	__auxv = (unsigned long *)(p + 1);
	exit(main(argc, argv, envp));
}

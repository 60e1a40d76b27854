/*
 * ulib: the tiny C library of the teaching programs in user/.
 *
 * Everything a demo needs and nothing more: the start-up code (crt0.S), Linux i386 system
 * calls through int $0x80 (syscall.S, sys.c), string functions, a printf that writes to a
 * file descriptor, and a malloc built the way glibc's is described in the seeds (malloc.c).
 *
 * The system call wrappers are raw on purpose: sys_brk(), sys_mmap2() and friends return
 * what the kernel put in eax, a value or -errno, so a program can print exactly what the
 * kernel answered. There is no errno variable.
 *
 * Relies on: only the compiler's freestanding headers (stddef.h, stdint.h, stdarg.h).
 * The same binaries run on Linux itself, which is how their output is checked.
 */
#ifndef _ULIB_H
#define _ULIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;

#define PAGE_SIZE	4096UL
#define PAGE_ALIGN(x)	(((unsigned long)(x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define __noreturn	__attribute__((noreturn))
#define __printf(a, b)	__attribute__((format(printf, a, b)))

/* Linux i386 system call numbers (arch/x86/entry/syscalls/syscall_32.tbl). */
#define __NR_exit		1
#define __NR_write		4
#define __NR_getpid		20
#define __NR_brk		45
#define __NR_munmap		91
#define __NR_mprotect		125
#define __NR_mremap		163
#define __NR_mmap2		192
#define __NR_madvise		219
#define __NR_exit_group		252

#define PROT_NONE		0x0
#define PROT_READ		0x1
#define PROT_WRITE		0x2
#define PROT_EXEC		0x4
#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_FIXED_NOREPLACE	0x100000
#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MADV_DONTNEED		4

#define EBADF		9
#define ENOMEM		12
#define EFAULT		14
#define EEXIST		17
#define EINVAL		22
#define ENOSYS		38
#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

/* The one system call entry: eax = nr, ebx..ebp = a1..a6; returns eax. */
long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

long sys_write(int fd, const void *buf, size_t len);
long sys_brk(unsigned long addr);
long sys_mmap2(unsigned long addr, size_t len, int prot, int flags, int fd,
	       unsigned long pgoff);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long addr, size_t len, int prot);
long sys_mremap(unsigned long old, size_t old_len, size_t new_len, int flags,
		unsigned long new_addr);
long sys_madvise(unsigned long addr, size_t len, int advice);
long sys_getpid(void);
void sys_exit_group(int status) __noreturn;
void exit(int status) __noreturn;

/* Set by the start-up code. */
extern char **environ;
extern unsigned long *__auxv;	/* the (type, value) pairs after envp, AT_NULL-terminated */
unsigned long getauxval(unsigned long type);

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
unsigned long strtoul(const char *s, char **end, int base);

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vdprintf(int fd, const char *fmt, va_list ap);
int dprintf(int fd, const char *fmt, ...) __printf(2, 3);
int printf(const char *fmt, ...) __printf(1, 2);
int puts(const char *s);

void *malloc(size_t n);
void free(void *p);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *p, size_t n);

/*
 * When non-zero, malloc prints every system call it makes ("malloc: brk ...") on fd 1,
 * so a demo shows which requests reach the kernel and which are served from the heap.
 */
extern int malloc_trace;

/* The thresholds of malloc.c, the same defaults as glibc's. */
#define MMAP_THRESHOLD	(128 * 1024)	/* requests this big or bigger get their own mmap */
#define TRIM_THRESHOLD	(128 * 1024)	/* free space above this at the heap top is returned */
#define TOP_PAD		(128 * 1024)	/* extra asked of brk each time, and kept when trimming */

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#endif /* _ULIB_H */

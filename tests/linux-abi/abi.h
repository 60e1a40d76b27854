/*
 * Helpers shared by the differential ABI tests in tests/linux-abi.
 *
 * Each test is a small C program built twice, against glibc and against musl, and run
 * both on Linux i386 (the oracle) and on the teaching kernel; tests/run-user
 * compares stdout and exit status byte for byte. So a test must print only facts that do
 * not depend on where things landed: errno names, yes/no answers, sizes, distances
 * between two addresses that the kernel's rules fix, checksums. Never a raw address.
 * The oracle is Linux i386 (3 GiB/1 GiB, as the teaching kernel); when it cannot be had
 * the x86-64 host stands in, whose 32-bit processes see almost 4 GiB of user space. A
 * case that tests the split itself is listed in tests/linux-abi/i386-only; no other case
 * may depend on it.
 *
 * Output goes through out(): vsnprintf into a stack buffer and one write(2) per line,
 * without stdio buffering, so a line printed just before a deliberate crash is never
 * lost, and without malloc, so printing does not move the heap under a brk test.
 *
 * Arguments of out() are evaluated in no fixed order (gcc on i386 goes right to left), so
 * a call with a side effect is never an argument next to a check that depends on it.
 *
 * System calls are made with int $0x80 directly (sc()), not through the libc, so the
 * kernel's raw answer (a value or -errno) is what gets printed.
 */
#ifndef ABI_H
#define ABI_H

#define _GNU_SOURCE
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/uio.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PAGE 4096UL
#define PAGE_UP(x) (((unsigned long)(x) + PAGE - 1) & ~(PAGE - 1))

/* Linux i386 system call numbers (syscall_32.tbl); not taken from <sys/syscall.h>, which
 * needs the kernel headers of the right architecture installed. */
#define SYS_read		3
#define SYS_write		4
#define SYS_getpid		20
#define SYS_brk			45
#define SYS_ioctl		54
#define SYS_old_mmap		90
#define SYS_munmap		91
#define SYS_uname		122
#define SYS_mprotect		125
#define SYS_writev		146
#define SYS_mremap		163
#define SYS_ugetrlimit		191
#define SYS_mmap2		192
#define SYS_madvise		219
#define SYS_gettid		224
#define SYS_set_tid_address	258
#define SYS_clock_gettime	265
#define SYS_prlimit64		340
#define SYS_getrandom		355
#define SYS_clock_gettime64	403

static inline void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void out(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	if (write(1, buf, n) != n)
		_exit(99);
}

/* int $0x80 with up to six arguments; ebp (the sixth) is loaded from memory. */
static inline long sc(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long regs[2] = { nr, a6 };
	long r;

	asm volatile("push %%ebp\n\t"
		     "movl 4(%%eax), %%ebp\n\t"
		     "movl 0(%%eax), %%eax\n\t"
		     "int $0x80\n\t"
		     "pop %%ebp"
		     : "=a"(r)
		     : "a"(regs), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
		     : "memory");
	return r;
}

static inline long sys_brk(unsigned long a)
{
	return sc(SYS_brk, a, 0, 0, 0, 0, 0);
}

static inline long sys_mmap2(unsigned long addr, unsigned long len, long prot, long flags,
			     long fd, unsigned long pgoff)
{
	return sc(SYS_mmap2, addr, len, prot, flags, fd, pgoff);
}

static inline long anon(unsigned long addr, unsigned long len, long prot, long extra_flags)
{
	return sys_mmap2(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | extra_flags, -1, 0);
}

static inline long sys_munmap(unsigned long addr, unsigned long len)
{
	return sc(SYS_munmap, addr, len, 0, 0, 0, 0);
}

static inline long sys_mprotect(unsigned long addr, unsigned long len, long prot)
{
	return sc(SYS_mprotect, addr, len, prot, 0, 0, 0);
}

static inline long sys_mremap(unsigned long old, unsigned long old_len,
			      unsigned long new_len, long flags, unsigned long new_addr)
{
	return sc(SYS_mremap, old, old_len, new_len, flags, new_addr, 0);
}

static inline long sys_madvise(unsigned long addr, unsigned long len, long advice)
{
	return sc(SYS_madvise, addr, len, advice, 0, 0, 0);
}

static inline int is_err(long r)
{
	return (unsigned long)r >= (unsigned long)-4095;
}

/* The answer of a call as a string: "-EINVAL" and the like, or "ok". */
static inline const char *res(long r)
{
	static char other[16];

	if (!is_err(r))
		return "ok";
	switch (-r) {
	case 1: return "-EPERM";
	case 3: return "-ESRCH";
	case 9: return "-EBADF";
	case 10: return "-ECHILD";
	case 11: return "-EAGAIN";
	case 12: return "-ENOMEM";
	case 14: return "-EFAULT";
	case 17: return "-EEXIST";
	case 22: return "-EINVAL";
	case 25: return "-ENOTTY";
	case 38: return "-ENOSYS";
	case 95: return "-EOPNOTSUPP";
	}
	snprintf(other, sizeof(other), "-%ld", -r);
	return other;
}

static inline const char *yesno(int b)
{
	return b ? "yes" : "no";
}

/*
 * Is any page of [addr, addr + len) mapped? A MAP_FIXED_NOREPLACE probe: -EEXIST if
 * something is there; otherwise the probe mapping is made and removed again.
 */
static inline int mapped(unsigned long addr, unsigned long len)
{
	long r = anon(addr, len, PROT_NONE, MAP_FIXED_NOREPLACE);

	if (is_err(r))
		return r == -17;
	sys_munmap(r, len);
	return (unsigned long)r != addr;	/* a kernel that took the flag as a hint */
}

/* A free range of n pages, found by mapping it and unmapping it again. */
static inline unsigned long free_range(unsigned long pages)
{
	long r = anon(0, pages * PAGE, PROT_NONE, 0);

	if (is_err(r)) {
		out("cannot find %lu free pages: %s\n", pages, res(r));
		_exit(98);
	}
	sys_munmap(r, pages * PAGE);
	return r;
}

static inline int all_bytes(const void *p, int c, unsigned long n)
{
	const unsigned char *b = p;
	unsigned long i;

	for (i = 0; i < n; i++)
		if (b[i] != (unsigned char)c)
			return 0;
	return 1;
}

/*
 * Is p on the brk heap: between the end of the program's bss and the current break?
 * (Linux may start the heap a random distance above the bss; nothing else lives there.)
 */
extern char end[];

static inline int on_heap(const void *p)
{
	unsigned long a = (unsigned long)p;

	return a >= (unsigned long)end && a < (unsigned long)sys_brk(0);
}

#endif /* ABI_H */

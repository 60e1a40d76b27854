/*
 * bench_mm: the cost of the memory-management paths, in rdtsc ticks.
 *
 * Measured, each as the median (and minimum) of many runs:
 *   rdtsc          two back-to-back rdtsc: the measuring overhead, not subtracted below
 *   null_syscall   getpid through int $0x80: the kernel entry/exit round trip
 *   brk_page       brk up by one page and back down (no page touched)
 *   mmap_page      mmap2 of one anonymous page and its munmap (no page touched)
 *   first_touch    the first write to a fresh page: one demand-zero page fault
 *   retouch        a write to a page already present: no fault (the baseline)
 *   zero_read      the first read of a fresh page: one fault that maps the shared zero
 *                  page (no page allocated)
 *   zero_write     the first write to a page that was only read: one fault that
 *                  allocates its own page in place of the zero page
 *   touch_64m      writing one byte in every page of a fresh 64 MiB mapping (16384 faults),
 *                  for the whole mapping; also given per page
 *   fork_exit_wait fork + the child's _exit + the parent's waitpid, with a 1 MiB heap
 *                  (brk) touched: the copy of the address space, two switches, the
 *                  child's exit and its reaping
 *   cow_fault      in a forked child, the first write to a page the parent still maps:
 *                  one copy-on-write fault (the child prints this line itself)
 *   vsyscall_null  getpid through the vDSO's __kernel_vsyscall (AT_SYSINFO): sysenter
 *                  and sysexit where the CPU has them
 *   vdso_clock_gettime  clock_gettime64(CLOCK_MONOTONIC) through the vDSO's
 *                  __vdso_clock_gettime64 (found in the object at AT_SYSINFO_EHDR, as a
 *                  libc finds it): no system call. Measured once CLOCK_MONOTONIC has
 *                  passed 0.15 s, when this kernel's vDSO reads the TSC (before the
 *                  kernel has measured the TSC rate, at 0.11 s, it makes the system call)
 * Output: one line per measurement,
 *   "bench NAME median N min M runs R"
 * then, for touch_64m, "bench touch_64m_per_page median N ...". In QEMU with
 * -icount shift=0 a tick is one guest instruction; on Linux it is a TSC cycle.
 *
 * The program is built twice: with ulib for the teaching kernel (-DULIB) and with glibc
 * (gcc -m32 -static) to run natively on Linux for a side-by-side table. System calls go
 * through inline int $0x80 in both builds so that the same path is measured.
 */
#ifdef ULIB
#include "ulib.h"
#else
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
#include <sys/auxv.h>
#define PAGE_SIZE	4096UL
#define __NR_exit	1
#define __NR_getpid	20
#define __NR_brk	45
#define __NR_munmap	91
#define __NR_mmap2	192
#endif

#ifndef __NR_fork
#define __NR_fork	2
#define __NR_waitpid	7
#endif

#ifndef AT_SYSINFO
#define AT_SYSINFO	32		/* __kernel_vsyscall */
#define AT_SYSINFO_EHDR	33		/* the vDSO's ELF header */
#endif

#define RUNS		1001
#define TOUCH_PAGES	1024
#define BIG		(64UL << 20)
#define BIG_RUNS	3
#define FORK_RUNS	101
#define FORK_HEAP	(1UL << 20)

static uint32_t samples[RUNS > TOUCH_PAGES ? RUNS : TOUCH_PAGES];

#include "bench.h"

/* mmap2(0, len, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) */
static inline long anon_map(unsigned long len)
{
	long r;

	asm volatile("push %%ebp\n\t"
		     "xorl %%ebp, %%ebp\n\t"
		     "int $0x80\n\t"
		     "pop %%ebp"
		     : "=a"(r)
		     : "a"(__NR_mmap2), "b"(0), "c"(len), "d"(3), "S"(0x22), "D"(-1)
		     : "memory");
	return r;
}

static int mapped(long r)
{
	return (unsigned long)r < (unsigned long)-4095;
}

static void bench_rdtsc(void)
{
	unsigned i;
	uint32_t t;

	for (i = 0; i < RUNS; i++) {
		t = ticks();
		samples[i] = ticks() - t;
	}
	report("rdtsc", samples, RUNS);
}

static void bench_null_syscall(void)
{
	unsigned i;
	uint32_t t;

	for (i = 0; i < RUNS; i++) {
		t = ticks();
		sc1(__NR_getpid, 0);
		samples[i] = ticks() - t;
	}
	report("null_syscall", samples, RUNS);
}

/* getpid through __kernel_vsyscall, the entry the libcs use for every system call. */
static void bench_vsyscall(unsigned long vsyscall)
{
	unsigned i;
	uint32_t t;
	long r;

	for (i = 0; i < RUNS; i++) {
		t = ticks();
		asm volatile("call *%2" : "=a"(r) : "a"(__NR_getpid), "r"(vsyscall) : "memory");
		samples[i] = ticks() - t;
	}
	(void)r;
	report("vsyscall_null", samples, RUNS);
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/*
 * A symbol's address in the vDSO at base (an ELF32 shared object), through its program
 * headers, PT_DYNAMIC, DT_HASH (for the symbol count), DT_SYMTAB and DT_STRTAB; 0 if
 * absent. Versions are not checked: the vDSO defines each name once.
 */
static unsigned long vdso_sym(unsigned long base, const char *name)
{
	const uint8_t *eh = (const uint8_t *)base;
	const uint32_t *ph = (const uint32_t *)(base + *(const uint32_t *)(eh + 28));
	unsigned phnum = *(const uint16_t *)(eh + 44), i;
	unsigned long load = 0, nsyms = 0;
	const int32_t *dyn = NULL;
	const uint32_t *sym = NULL;
	const char *str = NULL;

	for (i = 0; i < phnum; i++, ph += 8) {
		if (ph[0] == 1 && !load)		/* PT_LOAD: p_offset - p_vaddr */
			load = base + ph[1] - ph[2];
		if (ph[0] == 2)				/* PT_DYNAMIC */
			dyn = (const int32_t *)(base + ph[1]);
	}
	if (!dyn || !load)
		return 0;
	for (; dyn[0]; dyn += 2) {
		if (dyn[0] == 4)
			nsyms = ((const uint32_t *)(load + dyn[1]))[1];
		else if (dyn[0] == 5)
			str = (const char *)(load + dyn[1]);
		else if (dyn[0] == 6)
			sym = (const uint32_t *)(load + dyn[1]);
	}
	for (i = 1; sym && str && i < nsyms; i++)	/* Elf32_Sym: 4 words */
		if (streq(str + sym[4 * i], name) && sym[4 * i + 3] >> 16)
			return load + sym[4 * i + 1];
	return 0;
}

struct timespec64 {
	long long tv_sec, tv_nsec;
};

static int bench_vdso_clock(unsigned long ehdr)
{
	int (*cgt)(int, struct timespec64 *) =
		(int (*)(int, struct timespec64 *))vdso_sym(ehdr, "__vdso_clock_gettime64");
	struct timespec64 ts;
	unsigned i;
	uint32_t t;

	if (!cgt)
		return -1;
	do
		if (cgt(1, &ts))			/* CLOCK_MONOTONIC */
			return -1;
	while (ts.tv_sec == 0 && ts.tv_nsec < 150000000);
	for (i = 0; i < RUNS; i++) {
		t = ticks();
		cgt(1, &ts);
		samples[i] = ticks() - t;
	}
	report("vdso_clock_gettime", samples, RUNS);
	return 0;
}

static int bench_brk(void)
{
	unsigned long b = sc1(__NR_brk, 0);
	unsigned long up = ((b + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) + PAGE_SIZE;
	unsigned i;
	uint32_t t;

	for (i = 0; i < RUNS; i++) {
		t = ticks();
		if ((unsigned long)sc1(__NR_brk, up) != up)
			return -1;
		sc1(__NR_brk, b);
		samples[i] = ticks() - t;
	}
	report("brk_page", samples, RUNS);
	return 0;
}

static int bench_mmap(void)
{
	unsigned i;
	uint32_t t;
	long p;

	for (i = 0; i < RUNS; i++) {
		t = ticks();
		p = anon_map(PAGE_SIZE);
		if (!mapped(p))
			return -1;
		sc2(__NR_munmap, p, PAGE_SIZE);
		samples[i] = ticks() - t;
	}
	report("mmap_page", samples, RUNS);
	return 0;
}

/*
 * One access to each of TOUCH_PAGES pages from p (at offset off in each), each timed.
 * Always inlined with a constant write, so each copy times the access alone.
 */
static inline __attribute__((always_inline)) void touch_pages(long p, unsigned long off,
							      int write, const char *name)
{
	volatile char *c;
	unsigned i;
	uint32_t t;

	for (i = 0; i < TOUCH_PAGES; i++) {
		c = (volatile char *)(p + i * PAGE_SIZE + off);
		t = ticks();
		if (write)
			*c = 1;
		else
			(void)*c;
		samples[i] = ticks() - t;
	}
	report(name, samples, TOUCH_PAGES);
}

/*
 * Two passes over fresh pages: the first writes (first_touch) or reads (zero_read) each
 * page, the second writes each again (retouch: no fault; zero_write: the write that
 * replaces the zero page).
 */
static int bench_touch(int first_write, const char *first, const char *second)
{
	long p = anon_map(TOUCH_PAGES * PAGE_SIZE);

	if (!mapped(p))
		return -1;
	if (first_write)
		touch_pages(p, 0, 1, first);
	else
		touch_pages(p, 0, 0, first);
	touch_pages(p, 64, 1, second);
	sc2(__NR_munmap, p, TOUCH_PAGES * PAGE_SIZE);
	return 0;
}

static int bench_touch_big(void)
{
	uint32_t per_page[BIG_RUNS];
	unsigned long off;
	unsigned i;
	uint32_t t;
	long p;

	for (i = 0; i < BIG_RUNS; i++) {
		p = anon_map(BIG);
		if (!mapped(p))
			return -1;
		t = ticks();
		for (off = 0; off < BIG; off += PAGE_SIZE)
			*(volatile char *)(p + off) = 1;
		samples[i] = ticks() - t;
		per_page[i] = samples[i] / (BIG / PAGE_SIZE);
		sc2(__NR_munmap, p, BIG);
	}
	report("touch_64m", samples, BIG_RUNS);
	report("touch_64m_per_page", per_page, BIG_RUNS);
	return 0;
}

static void flush(void)
{
#ifndef ULIB
	fflush(stdout);
#endif
}

/* The break raised by FORK_HEAP and every page written: the heap fork copies. */
static long grow_heap(unsigned long *old)
{
	unsigned long b = sc1(__NR_brk, 0), top = b + FORK_HEAP, off;

	if ((unsigned long)sc1(__NR_brk, top) != top)
		return -1;
	for (off = 0; off < FORK_HEAP; off += PAGE_SIZE)
		*(volatile char *)(b + off) = 1;
	*old = b;
	return 0;
}

static int bench_fork(void)
{
	unsigned long b;
	unsigned i;
	uint32_t t;
	long pid;

	if (grow_heap(&b) < 0)
		return -1;
	flush();
	for (i = 0; i < FORK_RUNS; i++) {
		t = ticks();
		pid = sc1(__NR_fork, 0);
		if (pid == 0)
			sc1(__NR_exit, 0);
		if (pid < 0 || sc3(__NR_waitpid, pid, 0, 0) != pid)
			return -1;
		samples[i] = ticks() - t;
	}
	report("fork_exit_wait", samples, FORK_RUNS);
	sc1(__NR_brk, b);
	return 0;
}

/* The child writes pages its parent (asleep in waitpid) still maps: each write copies. */
static int bench_cow(void)
{
	long p = anon_map(TOUCH_PAGES * PAGE_SIZE), pid;
	unsigned i;

	if (!mapped(p))
		return -1;
	for (i = 0; i < TOUCH_PAGES; i++)
		*(volatile char *)(p + i * PAGE_SIZE) = 1;
	flush();
	pid = sc1(__NR_fork, 0);
	if (pid == 0) {
		touch_pages(p, 128, 1, "cow_fault");
		flush();
		sc1(__NR_exit, 0);
	}
	if (pid < 0 || sc3(__NR_waitpid, pid, 0, 0) != pid)
		return -1;
	sc2(__NR_munmap, p, TOUCH_PAGES * PAGE_SIZE);
	return 0;
}

int main(void)
{
	printf("bench_mm: rdtsc ticks per operation (median and minimum)\n");
	bench_rdtsc();
	bench_null_syscall();
	if (bench_brk() < 0)
		printf("bench brk_page: brk refused\n");
	if (bench_mmap() < 0)
		printf("bench mmap_page: mmap2 failed\n");
	if (bench_touch(1, "first_touch", "retouch") < 0)
		printf("bench first_touch: mmap2 failed\n");
	if (bench_touch(0, "zero_read", "zero_write") < 0)
		printf("bench zero_read: mmap2 failed\n");
	if (bench_touch_big() < 0)
		printf("bench touch_64m: mmap2 failed\n");
	if (bench_fork() < 0)
		printf("bench fork_exit_wait: fork or waitpid failed\n");
	if (bench_cow() < 0)
		printf("bench cow_fault: fork or waitpid failed\n");
	if (getauxval(AT_SYSINFO))
		bench_vsyscall(getauxval(AT_SYSINFO));
	else
		printf("bench vsyscall_null: no AT_SYSINFO\n");
	if (!getauxval(AT_SYSINFO_EHDR) || bench_vdso_clock(getauxval(AT_SYSINFO_EHDR)) < 0)
		printf("bench vdso_clock_gettime: no vDSO clock_gettime64\n");
	return 0;
}

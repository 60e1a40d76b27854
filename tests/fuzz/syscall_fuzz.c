/*
 * syscall_fuzz SEED CALLS: a seeded system-call fuzzer, run as an ordinary program.
 *
 * It makes CALLS system calls through int $0x80 with numbers and arguments drawn from a
 * xorshift generator seeded with SEED, so a run is repeatable: the same seed on the same
 * kernel makes the same calls. Arguments mix small values, -1, sign and size edges,
 * pointers into the program's own memory (a writable window it maps for the purpose,
 * and its own read-only text), unmapped and kernel addresses, and huge lengths. Most calls
 * go to the calls this kernel implements, each with arguments of the right kind (an fd,
 * a pointer, a length, mmap flags...); the rest use any number below 512 outside that
 * table, and a few numbers far beyond, which must answer -ENOSYS.
 *
 * What the kernel must do, checked here: come back from every call with every register
 * but eax unchanged, answer an unknown number with -ENOSYS, keep munmap of a hole and
 * mmap of the window working. What it must not do (panic, oops, hang, leak a page or a
 * slab object) is checked outside, by tests/run-fuzz through tools/run-elf: a kernel
 * failure has its own status, and the kernel compares its free pages and slab objects
 * before and after the program.
 *
 * Left out, because they would end the fuzzer or block it, not because the kernel might
 * mishandle them (each is named in DENIED with its reason): exit, exit_group; calls that
 * sleep or wait (pause, nanosleep, poll, select, futex, wait4...); calls that would kill
 * it or replace it by its own request (kill, tkill, tgkill, alarm, setitimer, execve,
 * sigreturn, rt_sigreturn); fork, vfork and clone (no generator that keeps the child harmless yet);
 * reboot. Calls kept, but with arguments steered away from the program's own text, data
 * and stack, which it needs to go on: munmap, mprotect, madvise, mremap and MAP_FIXED
 * mmaps. write and writev to fd 1 go to fd 2 with short lengths (fd 1 is the report);
 * getrandom and the populating madvise/mmap flags get lengths of at most 1 MiB (more
 * would fill memory on purpose and end in the OOM killer). The id-changing calls keep
 * root (ids 0 or -1), limits lowered by setrlimit/prlimit64 are put back after the call,
 * and mlockall is followed by munlockall, so that the fuzzer's own mappings keep working. When fork, pipes, files and
 * signals land, they join the table with generators of their own (a child it can lose).
 *
 * Arguments the kernel reads from memory (iovecs, old mmap's block, a user_desc) are built
 * in a buffer of its own that no generated pointer reaches. Now and then FS or GS is
 * loaded with one of the TLS selectors, so that set_thread_area changes a slot a register
 * holds and the way back to user mode must cope (entry_32.asm's fix-ups).
 *
 * Every 256 calls it unmaps everything outside its image, window and stack, and maps the
 * window again, so that memory does not fill with the mappings it made.
 *
 * Output (fd 1): a line per call name with counts, then "fuzz: seed S: N calls, ok".
 * With a third argument N, every call from the N-th on is printed before it is made
 * (to find the call that hurt, once a run has failed).
 * Exit status: 0, or 3 when a check above failed (the line says which call).
 *
 * Relies on: ulib (user/lib), the linker's __executable_start, etext and _end.
 */
#include "ulib.h"

#define WINDOW_START	0x40000000UL
#define WINDOW_PAGES	1024UL
#define WINDOW_SIZE	(WINDOW_PAGES * PAGE_SIZE)
#define WINDOW_END	(WINDOW_START + WINDOW_SIZE)
#define TASK_TOP	0xc0000000UL
#define STACK_KEEP	(2UL << 20)	/* below the first esp: the stack it may use */
#define CLEANUP_EVERY	256
#define FILL_CAP	(1UL << 20)

#define MAP_FIXED_BIT	0x10
#define MAP_GROWSDOWN	0x100
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23

extern const char __executable_start[], etext[], _end[];

static unsigned long image_lo, image_hi, text_hi, stack_lo;
static unsigned long last_map = WINDOW_START;	/* the last address mmap gave */
static uint64_t rng;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static uint32_t below(uint32_t n)
{
	return n ? rnd() % n : 0;
}

/* ---- argument generators ---- */

static unsigned long gen_int(void)
{
	switch (below(8)) {
	case 0: return below(67) - 2;			/* -2..64 */
	case 1: return -1UL;
	case 2: return 1UL << below(32);
	case 3: return 0x7fffffff;
	case 4: return 0x80000000;
	case 5: return 0;
	default: return rnd();
	}
}

static unsigned long gen_fd(void)
{
	switch (below(8)) {
	case 0: return 0;
	case 1: return 1;
	case 2: return 2;
	case 3: return -1UL;
	case 4: return 3 + below(60);
	case 5: return 1024 + below(4);
	case 6: return 0x7fffffff;
	default: return rnd();
	}
}

static unsigned long gen_ptr(void)
{
	switch (below(12)) {
	case 0: return 0;
	case 1: return 1 + below(4095);			/* the null page */
	case 2: return -1UL - below(16);		/* the top of the address space */
	case 3: return TASK_TOP + (rnd() & 0x3fffffff);	/* kernel space */
	case 4: return TASK_TOP - below(64);		/* straddles the user/kernel split */
	case 5: return 0x20000000 + (rnd() & 0x0fffffff);	/* most likely unmapped */
	case 6: return WINDOW_END - below(64);		/* runs off the window's end */
	case 7: return image_lo + below(text_hi - image_lo);	/* own read-only text */
	case 8: return last_map + below(64);
	default: return WINDOW_START + below(WINDOW_SIZE);	/* own writable memory */
	}
}

static unsigned long gen_len(void)
{
	switch (below(11)) {
	case 0: return 0;
	case 1: return 1 + below(16);
	case 2: return PAGE_SIZE * (1 + below(32));
	case 3: return 1 + below(PAGE_SIZE);
	case 4: return 0x7fffffff;
	case 5: return 0xffffffff;
	case 6: return 0x80000000;
	case 7: return -PAGE_SIZE;
	case 8: return WINDOW_SIZE;
	case 9: return rnd();
	default: return PAGE_SIZE * below(WINDOW_PAGES) + below(2) * below(PAGE_SIZE);
	}
}

/* An address for the mm calls: mostly page-aligned, where things are. */
static unsigned long gen_addr(void)
{
	switch (below(10)) {
	case 0: return 0;
	case 1: return WINDOW_START + below(WINDOW_SIZE);	/* unaligned */
	case 2: return TASK_TOP + PAGE_SIZE * below(16);
	case 3: return -PAGE_SIZE * (1 + below(4));	/* wraps with most lengths */
	case 4: return last_map;
	case 5: return rnd() & ~(PAGE_SIZE - 1);
	default: return WINDOW_START + PAGE_SIZE * below(WINDOW_PAGES);
	}
}

static unsigned long gen_prot(void)
{
	return below(8) ? below(8) : rnd();
}

static unsigned long gen_mmap_flags(void)
{
	static const unsigned long extra[] = {
		0, 0, 0, MAP_FIXED_BIT, MAP_FIXED_BIT, MAP_FIXED_NOREPLACE, MAP_GROWSDOWN,
		MAP_NORESERVE, MAP_POPULATE, MAP_LOCKED,
	};
	unsigned long f;

	if (!below(10))
		return rnd();
	f = below(4) ? MAP_PRIVATE : below(2) ? MAP_SHARED : MAP_SHARED | MAP_PRIVATE;
	if (below(8))
		f |= MAP_ANONYMOUS;
	return f | extra[below(ARRAY_SIZE(extra))] | extra[below(ARRAY_SIZE(extra))];
}

/* ---- keeping the fuzzer alive ---- */

static int overlaps(unsigned long a, unsigned long b, unsigned long lo, unsigned long hi)
{
	return a < hi && lo < b;
}

/*
 * Would [addr, addr + len) as a page range touch the program's own image or stack? A
 * range that wraps is let through: the kernel must refuse it, and if it does not, the
 * fuzzer's death is the report.
 */
static int hits_self(unsigned long addr, unsigned long len)
{
	unsigned long a = addr & ~(PAGE_SIZE - 1), b = addr + len;

	if (b < addr)
		return 0;
	b = PAGE_ALIGN(b);
	if (b == 0)
		b = -PAGE_SIZE;
	if (b == a)
		b = a + PAGE_SIZE;
	return overlaps(a, b, image_lo, image_hi) || overlaps(a, b, stack_lo, TASK_TOP);
}

/* Steer a range that would hit the fuzzer into the window, keeping its length's kind. */
static void keep_off(unsigned long *addr, unsigned long *len)
{
	if (!hits_self(*addr, *len))
		return;
	*addr = WINDOW_START + PAGE_SIZE * below(WINDOW_PAGES);
	if (*addr + *len < *addr || hits_self(*addr, *len))
		*len = below(WINDOW_END - *addr);
}

static void fix_mmap(unsigned long *a)
{
	if (a[3] & MAP_FIXED_BIT)
		keep_off(&a[0], &a[1]);
	if (a[1] > FILL_CAP)
		a[3] &= ~(MAP_POPULATE | MAP_LOCKED);
}

/* ---- the calls ---- */

enum kind { NONE, INT, FD, PTR, LEN, ADDR, PROT, MFLAGS };

struct call {
	unsigned long nr;
	const char *name;
	enum kind arg[6];
	void (*fix)(unsigned long *a);
	unsigned long count, ok;
};

static void fix_write(unsigned long *a)
{
	if (a[0] == 1)
		a[0] = 2;
	if (a[0] == 2)
		a[2] %= 65;
}

/*
 * Arguments the kernel reads from memory (an iovec array, old mmap's six words) are built
 * in argbuf, in the fuzzer's own bss, which no generated pointer reaches: contents read
 * from anywhere else could say MAP_FIXED over the fuzzer, or make it write megabytes.
 * The rest of the time the pointer is one the kernel must refuse.
 */
static unsigned long argbuf[32];

static unsigned long bad_ptr(void)
{
	switch (below(4)) {
	case 0: return 0;
	case 1: return 1 + below(4095);
	case 2: return TASK_TOP + (rnd() & 0x3fffffff);
	default: return -1UL - below(16);
	}
}

static void fix_writev(unsigned long *a)
{
	unsigned long i;

	if (a[0] == 1)
		a[0] = 2;
	if (a[0] == 2)
		a[2] %= 5;
	if (!below(5)) {
		a[1] = bad_ptr();
		return;
	}
	a[1] = (unsigned long)argbuf;
	for (i = 0; i < ARRAY_SIZE(argbuf) / 2; i++) {
		argbuf[2 * i] = gen_ptr();
		argbuf[2 * i + 1] = a[0] == 2 ? below(33) : gen_len();
	}
}

static void fix_old_mmap(unsigned long *a)
{
	if (!below(5)) {
		a[0] = bad_ptr();
		return;
	}
	a[0] = (unsigned long)argbuf;
	argbuf[0] = gen_addr();
	argbuf[1] = gen_len();
	argbuf[2] = gen_prot();
	argbuf[3] = gen_mmap_flags();
	argbuf[4] = gen_fd();
	argbuf[5] = below(2) ? 0 : gen_len();
	fix_mmap(argbuf);
}

/*
 * set_thread_area reads a struct user_desc: often a plausible one here (entry -1 or a
 * TLS slot, random base, limit and flag bits), so that slots really change under the
 * FS and GS the fuzzer loads from them (load_tls_selector()).
 */
static void fix_set_thread_area(unsigned long *a)
{
	static const unsigned long entries[] = { -1UL, 6, 7, 8, 12, 0, 5, 9 };

	if (!below(5))
		return;
	a[0] = (unsigned long)argbuf;
	argbuf[0] = entries[below(ARRAY_SIZE(entries))];
	argbuf[1] = below(2) ? 0 : rnd();
	argbuf[2] = below(2) ? 0xfffff : rnd();
	argbuf[3] = below(2) ? 0x51 : below(4) ? rnd() & 0x7f : rnd();	/* 0x51: the libcs' */
	if (!below(4))
		argbuf[3] = 0x28;	/* "LDT_empty": clears the slot */
}

static void fix_get_thread_area(unsigned long *a)
{
	if (!below(2))
		return;
	a[0] = (unsigned long)argbuf;
	argbuf[0] = 5 + below(5);	/* around the TLS slots, 6..8 */
}

/* Mostly this process (0 or its pid) and a real resource, so that the checks run. */
static void fix_prlimit64(unsigned long *a)
{
	if (below(2))
		a[0] = below(2) ? 0 : sys_getpid();
	if (below(2))
		a[1] = below(17);
	if (below(2))
		a[2] = 0;
}

/*
 * Now and then FS or GS is loaded with a TLS selector (6..8), when the slot holds a
 * segment it may load (verr), so that clearing or spoiling that slot happens while a
 * register the kernel reloads on the way out holds it. ulib uses neither register.
 */
static void load_tls_selector(void)
{
	unsigned long sel = (6 + below(3)) << 3 | 3;

	if (below(2))
		asm volatile("verr %w0\n\tjnz 1f\n\tmov %w0, %%fs\n1:" : : "r"(sel) : "cc");
	else
		asm volatile("verr %w0\n\tjnz 1f\n\tmov %w0, %%gs\n1:" : : "r"(sel) : "cc");
}

static void fix_mmap2(unsigned long *a)
{
	fix_mmap(a);
}

static void fix_range(unsigned long *a)
{
	keep_off(&a[0], &a[1]);
}

static void fix_madvise(unsigned long *a)
{
	if (a[2] >= 32)
		a[2] = below(2) ? below(26) : a[2];
	if ((a[2] == MADV_POPULATE_READ || a[2] == MADV_POPULATE_WRITE) && a[1] > FILL_CAP)
		a[1] = below(FILL_CAP);
	keep_off(&a[0], &a[1]);
}

/*
 * An old range that wraps past the top of the address space, e.g. mremap(0x40000000,
 * 0xfffff000, 0xc4b62b73, 0, 0), is a shrink whose arithmetic wraps too:
 * do_munmap(addr + new_len, old_len - new_len) unmaps a range far below addr, the
 * fuzzer's own text with it. Linux i386 does exactly the same (tests/linux-abi's
 * mremap_wrap case checks it against the oracle; a 64-bit kernel computes in 64 bits
 * and answers -EINVAL), so such old ranges are steered like any other.
 */
static int mremap_wraps(const unsigned long *a)
{
	return PAGE_ALIGN(a[1]) && a[0] + PAGE_ALIGN(a[1]) < a[0];
}

static void fix_mremap(unsigned long *a)
{
	unsigned long span;

	span = a[1] > a[2] ? a[1] : a[2];
	keep_off(&a[0], &span);
	if (span < a[1])
		a[1] = span;
	if (span < a[2])
		a[2] = span;
	if (mremap_wraps(a)) {
		a[0] = WINDOW_START + PAGE_SIZE * below(WINDOW_PAGES);
		a[1] = below(WINDOW_END - a[0]);
	}
	if (a[3] & MREMAP_FIXED)
		keep_off(&a[4], &a[2]);
	if (!below(4))
		a[3] &= MREMAP_MAYMOVE | MREMAP_FIXED;
}

/*
 * The id-changing calls keep root: every id argument is 0 or -1 ("unchanged"). A
 * fuzzer that gave its root away could no longer restore the limits it lowered
 * (restore_limits()); dropping root is the identity differential case's job.
 */
static void fix_ids(unsigned long *a)
{
	unsigned int i;

	for (i = 0; i < 3; i++)
		a[i] = below(2) ? 0 : -1UL;
}

/* setgroups: a short list of small gids in argbuf, or a pointer it must refuse. */
static void fix_setgroups(unsigned long *a)
{
	unsigned int i;

	a[0] = below(8) ? below(5) : a[0];
	a[1] = below(5) ? (unsigned long)argbuf : bad_ptr();
	for (i = 0; i < 8; i++)
		argbuf[i] = below(3);
}

/* mlockall: never MCL_FUTURE without MCL_ONFAULT, or every later big mmap would be filled. */
static void fix_mlockall(unsigned long *a)
{
	if ((a[0] & 2) && !(a[0] & 4) && below(8))
		a[0] &= ~2UL;
}

/* mincore: a range in the window (or anywhere), its vector in argbuf or a bad pointer. */
static void fix_mincore(unsigned long *a)
{
	fix_range(a);
	if (a[1] > sizeof(argbuf) * PAGE_SIZE)
		a[1] = below(sizeof(argbuf) * PAGE_SIZE);
	a[2] = below(4) ? (unsigned long)argbuf : bad_ptr();
}

static void fix_getrandom(unsigned long *a)
{
	if (a[1] > FILL_CAP)
		a[1] = below(FILL_CAP);
}

/* The fuzzer's report is fd 1 and its errors fd 2: never close or replace them. */
static void fix_close(unsigned long *a)
{
	if (a[0] == 1 || a[0] == 2)
		a[0] += 100;
}

static void fix_dup2(unsigned long *a)
{
	if (a[1] == 1 || a[1] == 2)
		a[1] += 100;
}

static void fix_pwrite(unsigned long *a)
{
	fix_write(a);
}

static struct call calls[] = {
	{ 6, "close", { FD }, fix_close, 0, 0 },
	{ 10, "unlink", { PTR }, NULL, 0, 0 },
	{ 12, "chdir", { PTR }, NULL, 0, 0 },
	{ 15, "chmod", { PTR, INT }, NULL, 0, 0 },
	{ 19, "lseek", { FD, INT, INT }, NULL, 0, 0 },
	{ 33, "access", { PTR, INT }, NULL, 0, 0 },
	{ 36, "sync", { NONE }, NULL, 0, 0 },
	{ 38, "rename", { PTR, PTR }, NULL, 0, 0 },
	{ 40, "rmdir", { PTR }, NULL, 0, 0 },
	{ 41, "dup", { FD }, NULL, 0, 0 },
	{ 55, "fcntl", { FD, INT, INT }, NULL, 0, 0 },
	{ 60, "umask", { INT }, NULL, 0, 0 },
	{ 63, "dup2", { FD, FD }, fix_dup2, 0, 0 },
	{ 94, "fchmod", { FD, INT }, NULL, 0, 0 },
	{ 118, "fsync", { FD }, NULL, 0, 0 },
	{ 133, "fchdir", { FD }, NULL, 0, 0 },
	{ 140, "_llseek", { FD, INT, INT, PTR, INT }, NULL, 0, 0 },
	{ 141, "getdents", { FD, PTR, LEN }, NULL, 0, 0 },
	{ 145, "readv", { FD, PTR, INT }, NULL, 0, 0 },
	{ 148, "fdatasync", { FD }, NULL, 0, 0 },
	{ 180, "pread64", { FD, PTR, LEN, INT, INT }, NULL, 0, 0 },
	{ 181, "pwrite64", { FD, PTR, LEN, INT, INT }, fix_pwrite, 0, 0 },
	{ 183, "getcwd", { PTR, LEN }, NULL, 0, 0 },
	{ 193, "truncate64", { PTR, INT, INT }, NULL, 0, 0 },
	{ 194, "ftruncate64", { FD, INT, INT }, NULL, 0, 0 },
	{ 195, "stat64", { PTR, PTR }, NULL, 0, 0 },
	{ 196, "lstat64", { PTR, PTR }, NULL, 0, 0 },
	{ 198, "lchown32", { PTR, INT, INT }, NULL, 0, 0 },
	{ 207, "fchown32", { FD, INT, INT }, NULL, 0, 0 },
	{ 212, "chown32", { PTR, INT, INT }, NULL, 0, 0 },
	{ 220, "getdents64", { FD, PTR, LEN }, NULL, 0, 0 },
	{ 221, "fcntl64", { FD, INT, INT }, NULL, 0, 0 },
	{ 268, "statfs64", { PTR, LEN, PTR }, NULL, 0, 0 },
	{ 269, "fstatfs64", { FD, LEN, PTR }, NULL, 0, 0 },
	{ 298, "fchownat", { FD, PTR, INT, INT, INT }, NULL, 0, 0 },
	{ 301, "unlinkat", { FD, PTR, INT }, NULL, 0, 0 },
	{ 302, "renameat", { FD, PTR, FD, PTR }, NULL, 0, 0 },
	{ 305, "readlinkat", { FD, PTR, PTR, LEN }, NULL, 0, 0 },
	{ 306, "fchmodat", { FD, PTR, INT }, NULL, 0, 0 },
	{ 307, "faccessat", { FD, PTR, INT }, NULL, 0, 0 },
	{ 320, "utimensat", { FD, PTR, PTR, INT }, NULL, 0, 0 },
	{ 330, "dup3", { FD, FD, INT }, fix_dup2, 0, 0 },
	{ 353, "renameat2", { FD, PTR, FD, PTR, INT }, NULL, 0, 0 },
	{ 412, "utimensat_time64", { FD, PTR, PTR, INT }, NULL, 0, 0 },
	{ 439, "faccessat2", { FD, PTR, INT, INT }, NULL, 0, 0 },
	{ 3, "read", { FD, PTR, LEN }, NULL, 0, 0 },
	{ 4, "write", { FD, PTR, LEN }, fix_write, 0, 0 },
	{ 20, "getpid", { NONE }, NULL, 0, 0 },
	{ 45, "brk", { ADDR }, NULL, 0, 0 },
	{ 54, "ioctl", { FD, INT, PTR }, NULL, 0, 0 },
	{ 85, "readlink", { PTR, PTR, LEN }, NULL, 0, 0 },
	{ 90, "old_mmap", { PTR }, fix_old_mmap, 0, 0 },
	{ 91, "munmap", { ADDR, LEN }, fix_range, 0, 0 },
	{ 122, "uname", { PTR }, NULL, 0, 0 },
	{ 125, "mprotect", { ADDR, LEN, PROT }, fix_range, 0, 0 },
	{ 146, "writev", { FD, PTR, INT }, fix_writev, 0, 0 },
	{ 163, "mremap", { ADDR, LEN, LEN, INT, ADDR }, fix_mremap, 0, 0 },
	{ 191, "ugetrlimit", { INT, PTR }, NULL, 0, 0 },
	{ 192, "mmap2", { ADDR, LEN, PROT, MFLAGS, FD, LEN }, fix_mmap2, 0, 0 },
	{ 197, "fstat64", { FD, PTR }, NULL, 0, 0 },
	{ 219, "madvise", { ADDR, LEN, INT }, fix_madvise, 0, 0 },
	{ 224, "gettid", { NONE }, NULL, 0, 0 },
	{ 243, "set_thread_area", { PTR }, fix_set_thread_area, 0, 0 },
	{ 244, "get_thread_area", { PTR }, fix_get_thread_area, 0, 0 },
	{ 258, "set_tid_address", { PTR }, NULL, 0, 0 },
	{ 265, "clock_gettime", { INT, PTR }, NULL, 0, 0 },
	{ 300, "fstatat64", { FD, PTR, PTR, INT }, NULL, 0, 0 },
	{ 311, "set_robust_list", { PTR, LEN }, NULL, 0, 0 },
	{ 340, "prlimit64", { INT, INT, PTR, PTR }, fix_prlimit64, 0, 0 },
	{ 355, "getrandom", { PTR, LEN, INT }, fix_getrandom, 0, 0 },
	{ 383, "statx", { FD, PTR, INT, INT, PTR }, NULL, 0, 0 },
	{ 386, "rseq", { PTR, LEN, INT, INT }, NULL, 0, 0 },
	{ 403, "clock_gettime64", { INT, PTR }, NULL, 0, 0 },
	{ 23, "setuid", { INT }, fix_ids, 0, 0 },
	{ 24, "getuid", { NONE }, NULL, 0, 0 },
	{ 46, "setgid", { INT }, fix_ids, 0, 0 },
	{ 47, "getgid", { NONE }, NULL, 0, 0 },
	{ 49, "geteuid", { NONE }, NULL, 0, 0 },
	{ 50, "getegid", { NONE }, NULL, 0, 0 },
	{ 70, "setreuid", { INT, INT }, fix_ids, 0, 0 },
	{ 71, "setregid", { INT, INT }, fix_ids, 0, 0 },
	{ 74, "sethostname", { PTR, LEN }, NULL, 0, 0 },
	{ 75, "setrlimit", { INT, PTR }, NULL, 0, 0 },
	{ 76, "getrlimit", { INT, PTR }, NULL, 0, 0 },
	{ 80, "getgroups", { INT, PTR }, NULL, 0, 0 },
	{ 81, "setgroups", { INT, PTR }, fix_setgroups, 0, 0 },
	{ 116, "sysinfo", { PTR }, NULL, 0, 0 },
	{ 121, "setdomainname", { PTR, LEN }, NULL, 0, 0 },
	{ 138, "setfsuid", { INT }, fix_ids, 0, 0 },
	{ 139, "setfsgid", { INT }, fix_ids, 0, 0 },
	{ 144, "msync", { ADDR, LEN, INT }, fix_range, 0, 0 },
	{ 150, "mlock", { ADDR, LEN }, fix_range, 0, 0 },
	{ 151, "munlock", { ADDR, LEN }, fix_range, 0, 0 },
	{ 152, "mlockall", { INT }, fix_mlockall, 0, 0 },
	{ 153, "munlockall", { NONE }, NULL, 0, 0 },
	{ 164, "setresuid", { INT, INT, INT }, fix_ids, 0, 0 },
	{ 165, "getresuid", { PTR, PTR, PTR }, NULL, 0, 0 },
	{ 170, "setresgid", { INT, INT, INT }, fix_ids, 0, 0 },
	{ 171, "getresgid", { PTR, PTR, PTR }, NULL, 0, 0 },
	{ 199, "getuid32", { NONE }, NULL, 0, 0 },
	{ 200, "getgid32", { NONE }, NULL, 0, 0 },
	{ 201, "geteuid32", { NONE }, NULL, 0, 0 },
	{ 202, "getegid32", { NONE }, NULL, 0, 0 },
	{ 203, "setreuid32", { INT, INT }, fix_ids, 0, 0 },
	{ 204, "setregid32", { INT, INT }, fix_ids, 0, 0 },
	{ 205, "getgroups32", { INT, PTR }, NULL, 0, 0 },
	{ 206, "setgroups32", { INT, PTR }, fix_setgroups, 0, 0 },
	{ 208, "setresuid32", { INT, INT, INT }, fix_ids, 0, 0 },
	{ 209, "getresuid32", { PTR, PTR, PTR }, NULL, 0, 0 },
	{ 210, "setresgid32", { INT, INT, INT }, fix_ids, 0, 0 },
	{ 211, "getresgid32", { PTR, PTR, PTR }, NULL, 0, 0 },
	{ 213, "setuid32", { INT }, fix_ids, 0, 0 },
	{ 214, "setgid32", { INT }, fix_ids, 0, 0 },
	{ 215, "setfsuid32", { INT }, fix_ids, 0, 0 },
	{ 216, "setfsgid32", { INT }, fix_ids, 0, 0 },
	{ 218, "mincore", { ADDR, LEN, PTR }, fix_mincore, 0, 0 },
	{ 376, "mlock2", { ADDR, LEN, INT }, fix_range, 0, 0 },
	{ 57, "setpgid", { INT, INT }, NULL, 0, 0 },
	{ 64, "getppid", { NONE }, NULL, 0, 0 },
	{ 65, "getpgrp", { NONE }, NULL, 0, 0 },
	{ 66, "setsid", { NONE }, NULL, 0, 0 },
	{ 132, "getpgid", { INT }, NULL, 0, 0 },
	{ 147, "getsid", { INT }, NULL, 0, 0 },
	{ 158, "sched_yield", { NONE }, NULL, 0, 0 },
};

/* Linux i386 numbers never made with random arguments, and why. */
static const struct {
	unsigned long nr;
	const char *why;
} DENIED[] = {
	{ 1, "exit: ends the fuzzer" }, { 252, "exit_group: ends the fuzzer" },
	{ 2, "fork: a child that would fuzz too; no generator yet" },
	{ 190, "vfork: the child would run on the fuzzer's own stack" },
	{ 120, "clone: as fork and vfork" }, { 11, "execve: replaces the fuzzer" },
	{ 7, "waitpid: blocks" }, { 114, "wait4: blocks" }, { 284, "waitid: blocks" },
	{ 29, "pause: blocks forever" }, { 72, "sigsuspend: blocks" },
	{ 179, "rt_sigsuspend: blocks" }, { 162, "nanosleep: sleeps" },
	{ 267, "clock_nanosleep: sleeps" }, { 407, "clock_nanosleep_time64: sleeps" },
	{ 82, "select: blocks" }, { 142, "_newselect: blocks" }, { 168, "poll: blocks" },
	{ 308, "pselect6: blocks" }, { 309, "ppoll: blocks" }, { 413, "pselect6_time64: blocks" },
	{ 414, "ppoll_time64: blocks" }, { 240, "futex: FUTEX_WAIT blocks" },
	{ 422, "futex_time64: blocks" }, { 256, "epoll_wait: blocks" },
	{ 319, "epoll_pwait: blocks" }, { 441, "epoll_pwait2: blocks" },
	{ 37, "kill: would kill itself" }, { 238, "tkill: would kill itself" },
	{ 270, "tgkill: would kill itself" }, { 27, "alarm: SIGALRM ends it" },
	{ 104, "setitimer: a timer signal ends it" }, { 259, "timer_create: a signal ends it" },
	{ 119, "sigreturn: jumps to a random context" },
	{ 173, "rt_sigreturn: jumps to a random context" },
	{ 88, "reboot: ends the machine" },
	{ 5, "open: O_CREAT would leave files behind, which the leak check counts" },
	{ 8, "creat: leaves files behind" }, { 9, "link: leaves names behind" },
	{ 39, "mkdir: leaves directories behind" }, { 83, "symlink: leaves links behind" },
	{ 295, "openat: O_CREAT leaves files behind" }, { 296, "mkdirat: leaves directories" },
	{ 303, "linkat: leaves names behind" }, { 304, "symlinkat: leaves links behind" },
};

static int denied(unsigned long nr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(DENIED); i++)
		if (DENIED[i].nr == nr)
			return 1;
	for (i = 0; i < ARRAY_SIZE(calls); i++)
		if (calls[i].nr == nr)
			return 1;	/* fuzzed through the table, with its fix-ups */
	return 0;
}

static unsigned long gen(enum kind k)
{
	switch (k) {
	case INT: return gen_int();
	case FD: return gen_fd();
	case PTR: return gen_ptr();
	case LEN: return gen_len();
	case ADDR: return gen_addr();
	case PROT: return gen_prot();
	case MFLAGS: return gen_mmap_flags();
	default: return below(4) ? gen_int() : 0;
	}
}

/*
 * The call itself: regs[0] = eax (number), regs[1..6] = ebx, ecx, edx, esi, edi, ebp.
 * Afterwards regs[] holds what the registers were after int $0x80.
 */
static void do_syscall(unsigned long *regs)
{
	asm volatile("push %%ebp\n\t"
		     "push %%eax\n\t"			/* regs, for the way back */
		     "movl 4(%%eax), %%ebx\n\t"
		     "movl 8(%%eax), %%ecx\n\t"
		     "movl 12(%%eax), %%edx\n\t"
		     "movl 16(%%eax), %%esi\n\t"
		     "movl 20(%%eax), %%edi\n\t"
		     "movl 24(%%eax), %%ebp\n\t"
		     "movl 0(%%eax), %%eax\n\t"
		     "int $0x80\n\t"
		     "xchg %%eax, (%%esp)\n\t"		/* eax = regs, the result on the stack */
		     "movl %%ebx, 4(%%eax)\n\t"
		     "movl %%ecx, 8(%%eax)\n\t"
		     "movl %%edx, 12(%%eax)\n\t"
		     "movl %%esi, 16(%%eax)\n\t"
		     "movl %%edi, 20(%%eax)\n\t"
		     "movl %%ebp, 24(%%eax)\n\t"
		     "popl 0(%%eax)\n\t"
		     "pop %%ebp"
		     : "+a"(regs) : : "ebx", "ecx", "edx", "esi", "edi", "memory", "cc");
}

static __noreturn void fail(const char *what, unsigned long *a, unsigned long nr, long r)
{
	printf("fuzz: FAILED: %s: nr %lu (0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx) -> %ld\n",
	       what, nr, a[0], a[1], a[2], a[3], a[4], a[5], r);
	exit(3);
}

static unsigned long trace_from = -1UL, call_index;

/* One call with a check of the registers; returns eax. */
static long fuzz_one(unsigned long nr, unsigned long *a)
{
	unsigned long regs[7];
	unsigned int i;

	if (call_index >= trace_from)
		printf("%lu: nr %lu (0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx)\n", call_index, nr,
		       a[0], a[1], a[2], a[3], a[4], a[5]);
	regs[0] = nr;
	for (i = 0; i < 6; i++)
		regs[i + 1] = a[i];
	do_syscall(regs);
	for (i = 0; i < 6; i++)
		if (regs[i + 1] != a[i])
			fail("a register other than eax changed", a, nr, (long)regs[0]);
	return (long)regs[0];
}

static void map_window(void)
{
	long r = sys_mmap2(WINDOW_START, WINDOW_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	unsigned long z[6] = { WINDOW_START, WINDOW_SIZE };

	if ((unsigned long)r != WINDOW_START)
		fail("mapping the window", z, __NR_mmap2, r);
}

/* Unmap everything outside the image, the window and the stack: each must say 0. */
static void cleanup(void)
{
	unsigned long holes[3][2] = {
		{ 0x10000, image_lo }, { image_hi, WINDOW_START }, { WINDOW_END, stack_lo },
	};
	unsigned int i;
	long r;

	for (i = 0; i < 3; i++) {
		unsigned long z[6] = { holes[i][0], holes[i][1] - holes[i][0] };

		r = sys_munmap(z[0], z[1]);
		if (r)
			fail("munmap of the space around the fuzzer", z, __NR_munmap, r);
	}
	map_window();
	last_map = WINDOW_START;
}

/* Pre-touch the stack the fuzzer will use, so that it never needs to grow. */
static void __attribute__((noinline)) touch_stack(void)
{
	volatile char buf[64 * 1024];
	unsigned int i;

	for (i = 0; i < sizeof(buf); i += PAGE_SIZE)
		buf[i] = 0;
}

/*
 * Limits the fuzzer lowered (setrlimit, prlimit64) would make its own mappings fail
 * later: they are put back after each such call, which root may always do. mlockall's
 * MCL_FUTURE is undone the same way, so later huge mappings are not filled.
 */
static unsigned long saved_limits[16][4];	/* struct rlimit64: cur, max (u64 each) */

static void save_limits(void)
{
	unsigned int i;

	for (i = 0; i < 16; i++)
		__syscall6(340, 0, i, 0, (long)saved_limits[i], 0, 0);
}

static void restore_limits(void)
{
	unsigned long z[6] = { 0 };
	unsigned int i;

	for (i = 0; i < 16; i++)
		if (__syscall6(340, 0, i, (long)saved_limits[i], 0, 0, 0))
			fail("restoring a resource limit", z, 340, i);
}

static void after_call(unsigned long nr)
{
	if (nr == 75 || nr == 340)
		restore_limits();
	else if (nr == 152)
		__syscall6(153, 0, 0, 0, 0, 0, 0);	/* munlockall */
}

int main(int argc, char **argv)
{
	unsigned long seed, n, i, unknown = 0, unknown_answered = 0, a[6];
	unsigned int c, k;
	long r;

	if (argc != 3 && argc != 4) {
		printf("usage: syscall_fuzz SEED CALLS [TRACE-FROM]\n");
		return 2;
	}
	if (argc == 4)
		trace_from = strtoul(argv[3], NULL, 0);
	seed = strtoul(argv[1], NULL, 0);
	n = strtoul(argv[2], NULL, 0);
	rng = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)seed << 1 | 1);
	image_lo = (unsigned long)__executable_start & ~(PAGE_SIZE - 1);
	image_hi = PAGE_ALIGN((unsigned long)_end);
	text_hi = (unsigned long)etext;
	stack_lo = (((unsigned long)&seed) & ~(PAGE_SIZE - 1)) - STACK_KEEP;
	touch_stack();
	save_limits();
	cleanup();

	for (i = 0; i < n; i++) {
		call_index = i;
		if (trace_from != -1UL && i < trace_from && i % 4096 == 0)
			printf("%lu: ...\n", i);	/* where to start tracing next time */
		if (i % CLEANUP_EVERY == 0)
			cleanup();
		if (!below(16))
			load_tls_selector();
		if (below(10) < 8) {
			struct call *cl = &calls[below(ARRAY_SIZE(calls))];

			for (k = 0; k < 6; k++)
				a[k] = gen(cl->arg[k]);
			if (cl->fix)
				cl->fix(a);
			r = fuzz_one(cl->nr, a);
			after_call(cl->nr);
			cl->count++;
			cl->ok += !IS_ERR_VALUE(r);
			if ((cl->nr == 192 || cl->nr == 90) && !IS_ERR_VALUE(r))
				last_map = r;
			continue;
		}
		/* any other number, generic arguments */
		unsigned long nr = below(16) ? below(512) : 512 + rnd();

		if (denied(nr)) {
			i--;		/* not a call: draw again */
			continue;
		}
		for (k = 0; k < 6; k++)
			a[k] = gen(below(8));
		r = fuzz_one(nr, a);
		unknown++;
		if (r != -ENOSYS) {
			if (nr >= 512)
				fail("a number beyond the table did not give -ENOSYS", a, nr, r);
			unknown_answered++;	/* a call added since: give it a table entry */
			if (unknown_answered <= 5)
				printf("fuzz: note: nr %lu answered %ld; add it to the table\n",
				       nr, r);
		}
	}
	cleanup();
	for (c = 0; c < ARRAY_SIZE(calls); c++)
		printf("%-16s %6lu calls, %6lu succeeded\n", calls[c].name, calls[c].count,
		       calls[c].ok);
	printf("%-16s %6lu calls, %6lu not -ENOSYS\n", "other numbers", unknown,
	       unknown_answered);
	printf("fuzz: seed %lu: %lu calls, ok\n", seed, n);
	return 0;
}

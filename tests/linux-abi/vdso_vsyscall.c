/*
 * vdso_vsyscall [CASE]: system calls through __kernel_vsyscall, the vDSO entry (sysenter
 * on this kernel and on Linux) that glibc and musl call for every system call once
 * their thread pointer is set (call *%gs:0x10, loaded from AT_SYSINFO).
 *
 * Without CASE: the libc's own calls (getpid, a six-argument mmap2 through syscall())
 * agree with int $0x80; a direct call of AT_SYSINFO returns the same answers as int
 * $0x80 for calls of one to six arguments (mmap2's sixth, the page offset, decides
 * between success and EOVERFLOW on i386, so it must arrive), and gives every register but
 * eax back unchanged.
 *
 *   REG-cleared   (REG = ds es fs gs) as bad_segment's case, but the call that clears
 *                 the slot while REG holds it goes through __kernel_vsyscall: the kernel's
 *                 way back (sysexit) must not oops. Linux i386's sysexit path gives DS
 *                 and ES back as __USER_DS whatever they held, and FS or GS as the null
 *                 selector; loading the cleared selector again then faults (SIGSEGV,
 *                 status 139).
 */
#include <sys/auxv.h>
#include "abi.h"

#define SYS_set_thread_area	243

static unsigned long vsyscall;

/* A call through AT_SYSINFO with all six argument registers (ebp the sixth). */
static long vcall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long regs[3] = { nr, a6, (long)vsyscall };
	long r;

	asm volatile("push %%ebp\n\t"
		     "push 8(%%eax)\n\t"
		     "movl 4(%%eax), %%ebp\n\t"
		     "movl 0(%%eax), %%eax\n\t"
		     "call *(%%esp)\n\t"
		     "add $4, %%esp\n\t"
		     "pop %%ebp"
		     : "=a"(r)
		     : "a"(regs), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
		     : "memory");
	return r;
}

/* Does every register but eax survive a call through AT_SYSINFO? */
static int registers_kept(void)
{
	/* in[0..5] go into ebx, ecx, edx, esi, edi, ebp; in[6..11] get what came back */
	unsigned long in[12] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555,
				 0x66666666 };

	asm volatile("push %%ebp\n\t"
		     "push %%eax\n\t"		/* &in */
		     "movl 0(%%eax), %%ebx\n\t"
		     "movl 4(%%eax), %%ecx\n\t"
		     "movl 8(%%eax), %%edx\n\t"
		     "movl 12(%%eax), %%esi\n\t"
		     "movl 16(%%eax), %%edi\n\t"
		     "movl 20(%%eax), %%ebp\n\t"
		     "movl $20, %%eax\n\t"	/* getpid */
		     "call *%[vs]\n\t"
		     "xchg %%eax, (%%esp)\n\t"	/* eax = &in again, the result on the stack */
		     "movl %%ebx, 24(%%eax)\n\t"
		     "movl %%ecx, 28(%%eax)\n\t"
		     "movl %%edx, 32(%%eax)\n\t"
		     "movl %%esi, 36(%%eax)\n\t"
		     "movl %%edi, 40(%%eax)\n\t"
		     "movl %%ebp, 44(%%eax)\n\t"
		     "pop %%eax\n\t"
		     "pop %%ebp"
		     : : "a"(in), [vs] "m"(vsyscall)
		     : "ebx", "ecx", "edx", "esi", "edi", "memory");
	return !memcmp(in, in + 6, 6 * sizeof(in[0]));
}

struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

/* A new flat TLS slot; returns its selector. */
static unsigned int new_flat_segment(void)
{
	struct user_desc d = { .entry_number = -1, .limit = 0xfffff, .seg_32bit = 1,
			       .limit_in_pages = 1, .useable = 1 };

	if (sc(SYS_set_thread_area, (long)&d, 0, 0, 0, 0, 0)) {
		out("set_thread_area failed\n");
		_exit(97);
	}
	return d.entry_number << 3 | 3;
}

#define DATA_CASE(reg)								\
static void reg##_case(void)							\
{										\
	unsigned int sel = new_flat_segment(), after, orig;			\
	struct user_desc d = { .entry_number = sel >> 3, .read_exec_only = 1,	\
			       .seg_not_present = 1 };				\
	long r;									\
										\
	asm volatile("mov %%" #reg ", %0" : "=r"(orig));			\
	out("loading " #reg " with a TLS selector, then emptying its slot "	\
	    "through __kernel_vsyscall\n");					\
	asm volatile("push %%" #reg "\n\t"					\
		     "mov %%dx, %%" #reg "\n\t"					\
		     "call *%%edi\n\t"						\
		     "mov %%" #reg ", %%ecx\n\t"				\
		     "pop %%" #reg						\
		     : "=a"(r), "=c"(after)					\
		     : "a"(SYS_set_thread_area), "b"(&d), "d"(sel), "D"(vsyscall) \
		     : "memory");						\
	out("set_thread_area: %s\n", res(r));					\
	out(#reg " is null after its slot was cleared: %s\n",			\
	    yesno((after & 0xfffc) == 0));					\
	out("loading " #reg " with the cleared selector again\n");		\
	asm volatile("mov %%dx, %%" #reg "\n\t"					\
		     "mov %%cx, %%" #reg					\
		     : : "d"(sel), "c"(orig));					\
	out(#reg ": no fault: wrong\n");					\
}

DATA_CASE(ds)
DATA_CASE(es)
DATA_CASE(fs)
DATA_CASE(gs)

int main(int argc, char **argv)
{
	static const struct { const char *name; void (*fn)(void); } cases[] = {
		{ "ds-cleared", ds_case }, { "es-cleared", es_case },
		{ "fs-cleared", fs_case }, { "gs-cleared", gs_case },
	};
	static const unsigned long offsets[] = { 0, 1, 0xfffff, 0xffffffff };
	long a, b;
	unsigned int i;

	vsyscall = getauxval(AT_SYSINFO);
	out("AT_SYSINFO is nonzero: %s\n", yesno(vsyscall != 0));
	if (!vsyscall)
		return 1;
	if (argc == 2) {
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			if (!strcmp(argv[1], cases[i].name)) {
				cases[i].fn();
				return 1;
			}
		}
		out("unknown case %s\n", argv[1]);
		return 2;
	}

	out("getpid() through the libc equals int $0x80's: %s\n",
	    yesno(getpid() == sc(SYS_getpid, 0, 0, 0, 0, 0, 0)));
	a = syscall(SYS_mmap2, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		    -1, 0);
	out("mmap2 through the libc's syscall(): %s\n", a == -1 ? "failed" : "a page");
	if (a != -1) {
		*(volatile int *)a = 1;
		sys_munmap(a, PAGE);
	}
	out("getpid through AT_SYSINFO equals int $0x80's: %s\n",
	    yesno(vcall(SYS_getpid, 0, 0, 0, 0, 0, 0) == sc(SYS_getpid, 0, 0, 0, 0, 0, 0)));
	out("registers but eax kept across AT_SYSINFO: %s\n", yesno(registers_kept()));
	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		a = sc(SYS_mmap2, 0, 2 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       offsets[i]);
		b = vcall(SYS_mmap2, 0, 2 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			  offsets[i]);
		/*
		 * The answers only, not the values: pgoff 0xffffffff overflows on i386 Linux
		 * (EOVERFLOW) and here, but not under an x86-64 kernel's 64-bit offsets.
		 */
		out("mmap2 of anonymous memory at page offset %#lx: the same answer by int "
		    "$0x80 and AT_SYSINFO: %s\n", offsets[i],
		    yesno(is_err(a) ? a == b : !is_err(b)));
		if (!is_err(a))
			sys_munmap(a, 2 * PAGE);
		if (!is_err(b))
			sys_munmap(b, 2 * PAGE);
	}
	/* a file-less MAP_SHARED|MAP_FIXED at a bad address: the fourth and fifth arguments */
	a = sc(SYS_mmap2, 0x1001, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	b = vcall(SYS_mmap2, 0x1001, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
		  0);
	out("mmap2 MAP_FIXED at an unaligned address: int $0x80 %s, AT_SYSINFO %s\n", res(a),
	    res(b));
	return 0;
}

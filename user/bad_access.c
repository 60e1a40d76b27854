/*
 * bad_access CASE: make one kind of bad access and be killed for it.
 *
 * Each case prints what it is about to do, then does it. A correct kernel kills the
 * process and reports it (Linux logs "segfault at ADDR ip EIP error CODE"); the exit
 * status is 128 + the signal: SIGSEGV 139 for a bad memory access and for privileged
 * instructions (cli, hlt, in/out raise #GP), SIGILL 132 (ud2), SIGTRAP 133 (int3),
 * SIGFPE 136 (divide error). If the program survives it says so and exits with 1.
 * Without arguments it lists the cases. A fetch from a non-executable heap page is not
 * a case: without NX (PAE) paging the i386 cannot refuse it.
 */
#include "ulib.h"

static const char rodata[16] = "read-only";

static void null_read(void)
{
	printf("read %d\n", *(volatile int *)0);
}

static void null_write(void)
{
	*(volatile int *)0 = 1;
}

static void write_text(void)
{
	*(volatile unsigned char *)(unsigned long)&write_text = 0xc3;
}

static void write_rodata(void)
{
	*(volatile char *)&rodata[0] = 'R';
}

static void after_munmap(void)
{
	long p = sys_mmap2(0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	*(volatile char *)p = 1;
	sys_munmap(p, PAGE_SIZE);
	printf("read %d\n", *(volatile char *)p);
}

static void after_brk_shrink(void)
{
	unsigned long b = sys_brk(0), top = PAGE_ALIGN(b);

	sys_brk(top + 2 * PAGE_SIZE);
	*(volatile char *)(top + PAGE_SIZE) = 1;
	sys_brk(b);
	printf("read %d\n", *(volatile char *)(top + PAGE_SIZE));
}

static void mprotect_write(void)
{
	long p = sys_mmap2(0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	*(volatile char *)p = 1;
	sys_mprotect(p, PAGE_SIZE, PROT_READ);
	*(volatile char *)p = 2;
}

static void prot_none_read(void)
{
	long p = sys_mmap2(0, PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	printf("read %d\n", *(volatile char *)p);
}

static void kernel_read(void)
{
	printf("read %d\n", *(volatile int *)0xC0000000UL);
}

static void kernel_write(void)
{
	*(volatile int *)0xC0100000UL = 0;
}

static void do_cli(void)
{
	asm volatile("cli");
}

static void do_hlt(void)
{
	asm volatile("hlt");
}

static void do_outb(void)
{
	asm volatile("outb %%al, $0x80" : : "a"(0));
}

static void do_ud2(void)
{
	asm volatile("ud2");
}

static void do_int3(void)
{
	asm volatile("int3");
}

static void divide_by_zero(void)
{
	unsigned lo = 1, hi = 0, zero = 0;

	/* in asm: gcc would turn a C division by a known divisor into no division */
	asm volatile("divl %2" : "+a"(lo), "+d"(hi) : "r"(zero));
	printf("result %u\n", lo);
}

static volatile unsigned never = ~0u;

static unsigned runaway(unsigned n)
{
	volatile char frame[4096];

	frame[0] = (char)n;
	if (n == never)	/* never true: the stack limit ends the recursion */
		return 0;
	return runaway(n + 1) + frame[0];
}

static void runaway_recursion(void)
{
	printf("result %u\n", runaway(0));
}

static const struct bad_case {
	const char *name;
	void (*fn)(void);
	int status;
	const char *what;
} cases[] = {
	{ "null-read", null_read, 139, "read address 0" },
	{ "null-write", null_write, 139, "write address 0" },
	{ "write-text", write_text, 139, "write into the program's own code" },
	{ "write-rodata", write_rodata, 139, "write a const string" },
	{ "after-munmap", after_munmap, 139, "read a page after munmap" },
	{ "after-brk-shrink", after_brk_shrink, 139, "read a heap page after brk shrank" },
	{ "mprotect-write", mprotect_write, 139, "write a page made read-only" },
	{ "prot-none-read", prot_none_read, 139, "read a PROT_NONE page" },
	{ "kernel-read", kernel_read, 139, "read kernel address 0xC0000000" },
	{ "kernel-write", kernel_write, 139, "write kernel address 0xC0100000" },
	{ "cli", do_cli, 139, "execute cli (privileged: #GP)" },
	{ "hlt", do_hlt, 139, "execute hlt (privileged: #GP)" },
	{ "outb", do_outb, 139, "write I/O port 0x80 (no IOPL: #GP)" },
	{ "ud2", do_ud2, 132, "execute ud2 (#UD)" },
	{ "int3", do_int3, 133, "execute int3 (#BP)" },
	{ "divide-by-zero", divide_by_zero, 136, "divide by zero (#DE)" },
	{ "runaway-recursion", runaway_recursion, 139, "recurse until the stack limit" },
};

int main(int argc, char **argv)
{
	unsigned i;

	for (i = 0; argc == 2 && i < ARRAY_SIZE(cases); i++) {
		if (strcmp(argv[1], cases[i].name) != 0)
			continue;
		printf("bad_access %s: about to %s; expect exit status %d\n",
		       cases[i].name, cases[i].what, cases[i].status);
		cases[i].fn();
		printf("bad_access %s: survived\n", cases[i].name);
		return 1;
	}
	printf("usage: bad_access CASE, one of:\n");
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		printf("  %-18s %-40s exit %d\n", cases[i].name, cases[i].what,
		       cases[i].status);
	return 2;
}

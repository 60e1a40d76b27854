/*
 * killed CASE: one bad access per case, which the kernel must answer by killing the
 * process with the same signal as Linux: exit status 128 + signal, SIGSEGV 139 for bad
 * memory accesses and for privileged instructions (#GP), SIGILL 132, SIGTRAP 133,
 * SIGFPE 136. The line printed before the access must arrive; nothing after it.
 * Without a known case name it lists the cases and exits with 2.
 */
#include "abi.h"

static const char rodata[16] = "read-only";
static volatile unsigned never = ~0u;

static void null_read(void)
{
	out("read %d\n", *(volatile int *)0);
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
	long p = anon(0, PAGE, PROT_READ | PROT_WRITE, 0);

	*(volatile char *)p = 1;
	sys_munmap(p, PAGE);
	out("read %d\n", *(volatile char *)p);
}

static void after_brk_shrink(void)
{
	unsigned long b = sys_brk(0), top = PAGE_UP(b);

	sys_brk(top + 2 * PAGE);
	*(volatile char *)(top + PAGE) = 1;
	sys_brk(b);
	out("read %d\n", *(volatile char *)(top + PAGE));
}

static void mprotect_write(void)
{
	long p = anon(0, PAGE, PROT_READ | PROT_WRITE, 0);

	*(volatile char *)p = 1;
	sys_mprotect(p, PAGE, PROT_READ);
	*(volatile char *)p = 2;
}

static void prot_none_read(void)
{
	long p = anon(0, PAGE, PROT_NONE, 0);

	out("read %d\n", *(volatile char *)p);
}

static void kernel_read(void)
{
	out("read %d\n", *(volatile int *)0xc0000000UL);
}

static void kernel_write(void)
{
	*(volatile int *)0xc0100000UL = 0;
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

	asm volatile("divl %2" : "+a"(lo), "+d"(hi) : "r"(zero));
	out("result %u\n", lo);
}

static void divide_overflow(void)
{
	int lo = (int)0x80000000u, hi = -1, d = -1;

	asm volatile("idivl %2" : "+a"(lo), "+d"(hi) : "r"(d));	/* INT_MIN / -1 */
	out("result %d\n", lo);
}

static unsigned runaway(unsigned n)
{
	volatile char frame[4096];

	frame[0] = (char)n;
	if (n == never)
		return 0;
	return runaway(n + 1) + frame[0];
}

static void runaway_recursion(void)
{
	out("result %u\n", runaway(0));
}

static const struct {
	const char *name;
	void (*fn)(void);
} cases[] = {
	{ "null-read", null_read },
	{ "null-write", null_write },
	{ "write-text", write_text },
	{ "write-rodata", write_rodata },
	{ "after-munmap", after_munmap },
	{ "after-brk-shrink", after_brk_shrink },
	{ "mprotect-write", mprotect_write },
	{ "prot-none-read", prot_none_read },
	{ "kernel-read", kernel_read },
	{ "kernel-write", kernel_write },
	{ "cli", do_cli },
	{ "hlt", do_hlt },
	{ "outb", do_outb },
	{ "ud2", do_ud2 },
	{ "int3", do_int3 },
	{ "divide-by-zero", divide_by_zero },
	{ "divide-overflow", divide_overflow },
	{ "runaway-recursion", runaway_recursion },
};

int main(int argc, char **argv)
{
	unsigned i;

	for (i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			out("killed %s: here it comes\n", cases[i].name);
			cases[i].fn();
			out("killed %s: survived\n", cases[i].name);
			return 1;
		}
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		out("%s\n", cases[i].name);
	return 2;
}

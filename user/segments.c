/*
 * segments: prints the segment selectors a Linux i386 program runs with, as gdb's
 * `info registers` shows them.
 *
 * On 32-bit Linux, and on this kernel, user code runs with %cs = __USER_CS = 0x73 and
 * %ds = %es = %ss = __USER_DS = 0x7b (GDT entries 14 and 15). A 32-bit program on a
 * 64-bit Linux gets the compat selectors 0x23/0x2b instead, so the output depends on
 * the kernel: tests/run-user checks it on the teaching kernel only.
 */
#include "ulib.h"

static unsigned int read_seg(int which)
{
	unsigned int v = 0;

	switch (which) {
	case 0: asm volatile("mov %%cs, %0" : "=r"(v)); break;
	case 1: asm volatile("mov %%ds, %0" : "=r"(v)); break;
	case 2: asm volatile("mov %%es, %0" : "=r"(v)); break;
	case 3: asm volatile("mov %%ss, %0" : "=r"(v)); break;
	}
	return v & 0xffff;
}

int main(void)
{
	printf("cs 0x%04x ds 0x%04x es 0x%04x ss 0x%04x\n", read_seg(0), read_seg(1),
	       read_seg(2), read_seg(3));
	/* Index, table (0: GDT) and privilege level, decoded as a student would. */
	printf("cs: GDT entry %u, RPL %u; ss: GDT entry %u, RPL %u\n", read_seg(0) >> 3,
	       read_seg(0) & 3, read_seg(3) >> 3, read_seg(3) & 3);
	return 0;
}

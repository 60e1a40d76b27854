/*
 * mremap_wrap: an old range that wraps past the top of the 32-bit address space is
 * taken as a shrink, and the part "past" the new length, computed modulo 2^32, is
 * unmapped: here that is where the program's own text lies, so it dies of SIGSEGV when
 * it returns to it. Linux i386 does this (its do_mremap computes in 32 bits); a 64-bit
 * kernel running the same binary answers -EINVAL instead, hence tests/linux-abi/i386-only.
 * Found by the system-call fuzzer (tests/fuzz/syscall_fuzz.c).
 */
#include "abi.h"

int main(void)
{
	long p = sc(SYS_mmap2, 0x40000000, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	long r;

	out("mmap2 at 0x40000000: %s\n", p == 0x40000000 ? "ok" : "failed");
	/* new end 0x40000000 + 0xc4b63000 wraps to 0x04b63000: the text is below 0x40000000 */
	r = sc(SYS_mremap, 0x40000000, 0xfffff000, 0xc4b62b73, 0, 0, 0);
	out("mremap returned %s: the text is still mapped\n", res(r));
	return 0;
}

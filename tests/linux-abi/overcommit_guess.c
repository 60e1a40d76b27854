/*
 * overcommit_guess: Linux's default overcommit heuristic (OVERCOMMIT_GUESS) charges
 * private writable memory when it is mapped or made writable, and refuses one charge
 * larger than RAM + swap. The suite runs with 256 MiB of RAM on both kernels, so 1 GiB
 * is refused: as a private writable mmap, as mprotect of a read-only mapping to
 * writable, and as brk; 1 GiB read-only (not charged) and 64 MiB writable are fine.
 * A 64-bit host with more RAM than that answers differently: tests/linux-abi/i386-only.
 */
#include "abi.h"

#define GIB	(1UL << 30)

int main(void)
{
	long ro, rw, small, r;

	rw = anon(0, GIB, PROT_READ | PROT_WRITE, 0);
	out("mmap 1 GiB private writable: %s\n", res(rw < 0 ? rw : 0));
	ro = anon(0, GIB, PROT_READ, 0);
	out("mmap 1 GiB private read-only: %s\n", res(ro < 0 ? ro : 0));
	if (ro >= 0) {
		r = sc(SYS_mprotect, ro, GIB, PROT_READ | PROT_WRITE, 0, 0, 0);
		out("mprotect it writable: %s\n", res(r));
		r = sc(SYS_mprotect, ro, 64UL << 20, PROT_READ | PROT_WRITE, 0, 0, 0);
		out("mprotect its first 64 MiB writable: %s\n", res(r));
		sc(SYS_munmap, ro, GIB, 0, 0, 0, 0);
	}
	small = anon(0, 64UL << 20, PROT_READ | PROT_WRITE, 0);
	out("mmap 64 MiB private writable: %s\n", res(small < 0 ? small : 0));
	r = sc(SYS_brk, 0, 0, 0, 0, 0, 0);
	out("brk up 1 GiB: %s\n", sc(SYS_brk, r + GIB, 0, 0, 0, 0, 0) == r ? "refused" : "moved");
	return 0;
}

/*
 * regs_preserved: after int $0x80 every register but eax holds what it held before
 * (glibc's own code relies on it: its malloc keeps a pointer in ebx across brk), and
 * so do the SSE registers. Each call gets known values in ebx, ecx, edx, esi, edi, ebp
 * and xmm0..xmm1, chosen so that the call fails harmlessly or changes nothing.
 */
#include <stddef.h>
#include "abi.h"

struct frame {
	unsigned long nr, ebx;		/* in */
	unsigned long after[6];		/* ebx, ecx, edx, esi, edi, ebp after the call */
	unsigned long eax, pad;
	unsigned xin[8], xout[8];	/* xmm0, xmm1 before and after */
};

_Static_assert(offsetof(struct frame, after) == 8, "frame layout");
_Static_assert(offsetof(struct frame, eax) == 32, "frame layout");
_Static_assert(offsetof(struct frame, xin) == 40, "frame layout");
_Static_assert(offsetof(struct frame, xout) == 72, "frame layout");

/* sse2: clobbering xmm registers needs the target to have them */
__attribute__((target("sse2"))) static void call(struct frame *f)
{
	asm volatile("push %%ebp\n\t"
		     "push %%eax\n\t"
		     "movdqu 40(%%eax), %%xmm0\n\t"
		     "movdqu 56(%%eax), %%xmm1\n\t"
		     "movl 4(%%eax), %%ebx\n\t"
		     "movl $0x22222222, %%ecx\n\t"
		     "movl $0x33333333, %%edx\n\t"
		     "movl $0x44444444, %%esi\n\t"
		     "movl $0x55555555, %%edi\n\t"
		     "movl $0x66666666, %%ebp\n\t"
		     "movl 0(%%eax), %%eax\n\t"
		     "int $0x80\n\t"
		     "xchg %%eax, (%%esp)\n\t"	/* eax = f again, the result on the stack */
		     "movl %%ebx, 8(%%eax)\n\t"
		     "movl %%ecx, 12(%%eax)\n\t"
		     "movl %%edx, 16(%%eax)\n\t"
		     "movl %%esi, 20(%%eax)\n\t"
		     "movl %%edi, 24(%%eax)\n\t"
		     "movl %%ebp, 28(%%eax)\n\t"
		     "movdqu %%xmm0, 72(%%eax)\n\t"
		     "movdqu %%xmm1, 88(%%eax)\n\t"
		     "pop %%ecx\n\t"
		     "movl %%ecx, 32(%%eax)\n\t"
		     "pop %%ebp"
		     :
		     : "a"(f)
		     : "ebx", "ecx", "edx", "esi", "edi", "xmm0", "xmm1", "memory");
}

static void check(const char *what, unsigned long nr, unsigned long ebx)
{
	struct frame f = { .nr = nr, .ebx = ebx };
	int i, same;

	for (i = 0; i < 8; i++)
		f.xin[i] = 0x01020304u * (i + 1);
	call(&f);
	same = f.after[0] == ebx && f.after[1] == 0x22222222 && f.after[2] == 0x33333333 &&
	       f.after[3] == 0x44444444 && f.after[4] == 0x55555555 &&
	       f.after[5] == 0x66666666;
	out("%-34s %-8s registers preserved: %s, xmm0-1 preserved: %s\n", what, res(f.eax),
	    yesno(same), yesno(memcmp(f.xin, f.xout, sizeof(f.xin)) == 0));
}

int main(void)
{
	check("getpid", SYS_getpid, 0x11111111);
	check("unknown system call 9999", 9999, 0x11111111);
	check("write to fd 0x7ffffff0", SYS_write, 0x7ffffff0);
	check("munmap at an unaligned address", SYS_munmap, 0x11111111);
	check("mprotect at an unaligned address", SYS_mprotect, 0x11111111);
	check("brk(1), refused", SYS_brk, 1);
	check("brk(0)", SYS_brk, 0);
	return 0;
}

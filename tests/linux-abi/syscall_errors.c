/*
 * syscall_errors: answers to calls that cannot be served: unknown numbers, a file
 * descriptor that is not open, a buffer the kernel cannot read (it must answer -EFAULT,
 * not crash), and writes of nothing.
 */
#include "abi.h"

int main(void)
{
	struct iovec iov[3] = { { NULL, 0 }, { (void *)"x\n", 2 }, { NULL, 0 } };

	out("getpid: positive %s\n", yesno(sc(SYS_getpid, 0, 0, 0, 0, 0, 0) > 0));
	out("system call 9999: %s\n", res(sc(9999, 0, 0, 0, 0, 0, 0)));
	out("system call 0x7fffffff: %s\n", res(sc(0x7fffffff, 0, 0, 0, 0, 0, 0)));
	out("system call -1: %s\n", res(sc(-1, 0, 0, 0, 0, 0, 0)));
	out("write to fd 1000 (not open): %s\n", res(sc(SYS_write, 1000, (long)"x", 1, 0, 0, 0)));
	out("write to fd -1: %s\n", res(sc(SYS_write, -1, (long)"x", 1, 0, 0, 0)));
	out("write from address 0x1000 (unmapped): %s\n", res(sc(SYS_write, 1, 0x1000, 4, 0, 0, 0)));
	out("write from address 0xc0000000: %s\n", res(sc(SYS_write, 1, 0xc0000000UL, 4, 0, 0, 0)));
	out("write of 0 bytes from NULL: %ld\n", sc(SYS_write, 1, 0, 0, 0, 0, 0));
	out("writev {NULL,0} {\"x\\n\",2} {NULL,0}: returns %ld\n",
	    sc(SYS_writev, 1, (long)iov, 3, 0, 0, 0));
	out("writev of 0 vectors: %ld\n", sc(SYS_writev, 1, (long)iov, 0, 0, 0, 0));
	out("writev with the vector array at 0x1000: %s\n", res(sc(SYS_writev, 1, 0x1000, 1, 0, 0, 0)));
	return 0;
}

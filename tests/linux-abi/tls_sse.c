/*
 * tls_sse: thread-local storage (set up by the libc with set_thread_area and %gs) and
 * the floating point and SSE state, both of which real libc code depends on: errno is
 * thread-local, glibc's string functions use SSE2, printf("%f") uses the FPU.
 */
#include <math.h>
#include "abi.h"

/*
 * errno itself, without <errno.h>: glibc's needs the kernel's <asm/errno.h> for i386, which
 * a multilib install may lack. Both libcs keep errno at *__errno_location().
 */
int *__errno_location(void);
#define errno_now	(*__errno_location())
#define EBADF		9

static __thread int counter = 5;
static __thread char tbuf[64];

int main(void)
{
	static unsigned char src[1 << 16], dst[1 << 16];
	volatile double x = 0.0;
	uint32_t sum = 0;
	char line[128];
	long r;
	int i;

	counter += 37;
	strcpy(tbuf, "thread-local buffer");
	out("__thread int: %d, __thread buffer: %s\n", counter, tbuf);
	errno_now = 0;
	r = write(1000, "x", 1);
	out("libc write() to fd 1000: %ld, errno EBADF: %s\n", r, yesno(errno_now == EBADF));
	for (i = 1; i <= 100000; i++) {
		x += 1.0 / ((double)i * i);
		if (i % 10000 == 0)
			sc(SYS_getpid, 0, 0, 0, 0, 0, 0);	/* FPU state must survive it */
	}
	snprintf(line, sizeof(line), "sum of 1/k^2 for k <= 100000: %.12f; sqrt(2) = %.15f\n",
		 x, sqrt(2.0));
	out("%s", line);
	for (i = 0; i < (int)sizeof(src); i++)
		src[i] = (unsigned char)(i * 31 + (i >> 8));
	for (i = 0; i < 64; i++) {
		memcpy(dst + i, src, sizeof(src) - 64);	/* SSE2 paths, unaligned destinations */
		sum = sum * 31 + (uint32_t)memcmp(dst + i, src, sizeof(src) - 64) + dst[i + 1000];
	}
	out("memcpy/memcmp at 64 alignments: checksum 0x%08x\n", sum);
	memset(dst, 'a', 1000);
	dst[1000] = 0;
	out("strlen of a 1000-byte string: %zu\n", strlen((char *)dst));
	return 0;
}

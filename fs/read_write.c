/*
 * read, write and writev on the three standard descriptors.
 *
 * There is no file system yet: the only files are descriptors 0, 1 and 2, all of
 * them the console. fd 1 writes go to the second serial port and fd 2 to the third when
 * they exist (tools/run-elf keeps a program's stdout and stderr apart from the kernel
 * log that way), else to the console; the bytes go out exactly as written. fd 0 reads
 * as end of input.
 *
 * Every user pointer goes through copy_from_user: a bad one is -EFAULT, never an oops.
 *
 * Relies on: serial ports (drivers/tty/serial/8250.c), uaccess.
 */
#include <uapi/errno.h>
#include <fs.h>
#include <kernel.h>
#include <serial.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/uio.h>

#define MAX_RW_COUNT	0x7ffff000UL	/* INT_MAX & PAGE_MASK, Linux's cap per call */

bool fd_is_open(unsigned long fd)
{
	return fd <= 2;
}

static bool fd_is_writable(unsigned long fd)
{
	return fd == 1 || fd == 2;
}

static void console_output(unsigned long fd, const char *buf, size_t len)
{
	int com = fd == 1 ? 2 : 3;

	if (serial_present(com))
		serial_write(com, buf, len);
	else
		serial_console_write(buf, len);
}

/* Copy and emit count bytes; a fault ends the write: bytes done, or -EFAULT if none. */
static long write_user(unsigned long fd, const char *ubuf, size_t count)
{
	char chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		size_t ok = n - copy_from_user(chunk, ubuf + done, n);

		console_output(fd, chunk, ok);
		done += ok;
		if (ok < n)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

long sys_read(unsigned long fd, char *buf, size_t count)
{
	if (fd != 0)
		return -EBADF;		/* 1 and 2 are write-only here */
	if (!access_ok(buf, count))
		return -EFAULT;
	return 0;			/* end of input */
}

long sys_write(unsigned long fd, const char *buf, size_t count)
{
	if (!fd_is_writable(fd))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	return write_user(fd, buf, min(count, MAX_RW_COUNT));
}

/*
 * As Linux, the vector is checked whole before anything is written: a bad entry
 * anywhere means nothing is output. {NULL, 0} entries are fine (musl uses them).
 */
long sys_writev(unsigned long fd, const struct iovec *uvec, unsigned long vlen)
{
	struct iovec iov;
	size_t total = 0;
	unsigned long i;
	long done = 0, n;

	if (!fd_is_writable(fd))
		return -EBADF;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;		/* also catches a negative count */
	for (i = 0; i < vlen; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return -EFAULT;
		if ((long)iov.iov_len < 0)
			return -EINVAL;
		if (!access_ok(iov.iov_base, iov.iov_len))
			return -EFAULT;
		total += min(iov.iov_len, MAX_RW_COUNT - total);
	}
	for (i = 0; i < vlen && total; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			break;
		iov.iov_len = min(iov.iov_len, total);
		n = write_user(fd, iov.iov_base, iov.iov_len);
		if (n < 0)
			return done ? done : n;
		done += n;
		total -= n;
		if ((size_t)n < iov.iov_len)
			break;
	}
	return done;
}

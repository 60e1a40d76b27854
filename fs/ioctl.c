/*
 * ioctl on the standard descriptors, which are pipes (see fs/stat.c): Linux's
 * pipe_ioctl() knows only FIONREAD, the bytes waiting to be read. fd 0's writer is gone
 * and fds 1 and 2 are drained by the serial ports as they are written, so the answer
 * is always 0. Everything else, TCGETS and TIOCGWINSZ included, is -ENOTTY, which is
 * how libc learns that no descriptor is a terminal. The generic descriptor requests
 * (FIOCLEX, FIONBIO, ...) are not implemented either: there is no exec and no fcntl,
 * so they are -ENOTTY rather than accepted and ignored.
 *
 * Relies on: fd_is_open (fs/read_write.c), uaccess.
 */
#include <uapi/errno.h>
#include <fs.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/ioctls.h>

long sys_ioctl(unsigned long fd, unsigned long cmd, unsigned long arg)
{
	int avail = 0;

	if (!fd_is_open(fd))
		return -EBADF;
	if (cmd == FIONREAD)
		return copy_to_user((void *)arg, &avail, sizeof(avail)) ? -EFAULT : 0;
	return -ENOTTY;
}

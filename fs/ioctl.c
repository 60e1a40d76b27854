/*
 * ioctl on the standard descriptors: none of them is a terminal here (see fs/stat.c for
 * why that matches the Linux oracle's buffering), so every request is -ENOTTY.
 *
 * Relies on: fd_is_open (fs/read_write.c).
 */
#include <uapi/errno.h>
#include <fs.h>
#include <syscalls.h>

long sys_ioctl(unsigned long fd, unsigned long cmd, unsigned long arg)
{
	(void)arg;
	if (!fd_is_open(fd))
		return -EBADF;
	(void)cmd;	/* TCGETS, TIOCGWINSZ and the rest: not a terminal */
	return -ENOTTY;
}

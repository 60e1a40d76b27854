/*
 * ioctl (Linux's fs/ioctl.c): the generic requests, then what the file is.
 *
 * FIOCLEX/FIONCLEX set and clear close-on-exec and FIONBIO O_NONBLOCK, for any file.
 * FIONREAD is the bytes left to read: for a regular file its size past the position;
 * for the standard descriptors, which are pipes (fs/console.c), 0: fd 0's writer is
 * gone and fds 1 and 2 are drained by the serial ports as they are written. Everything
 * else, TCGETS and TIOCGWINSZ included, is -ENOTTY, which is how libc learns that no
 * descriptor is a terminal.
 *
 * Relies on: fdtable, uaccess.
 */
#include <fdtable.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/ioctls.h>

#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIONBIO		0x5421

long sys_ioctl(unsigned long fd, unsigned long cmd, unsigned long arg)
{
	struct file *file = fcheck(fd);
	struct inode *inode;
	int avail = 0, on;

	if (!file || (file->f_mode & FMODE_PATH))
		return -EBADF;
	inode = file->f_inode;
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		return 0;
	case FIONBIO:
		if (copy_from_user(&on, (void *)arg, sizeof(on)))
			return -EFAULT;
		if (on)
			file->f_flags |= O_NONBLOCK;
		else
			file->f_flags &= ~O_NONBLOCK;
		return 0;
	case FIONREAD:
		if (S_ISREG(inode->i_mode))
			avail = inode->i_size > file->f_pos ? inode->i_size - file->f_pos : 0;
		else if (!S_ISFIFO(inode->i_mode))
			return -ENOTTY;
		return copy_to_user((void *)arg, &avail, sizeof(avail)) ? -EFAULT : 0;
	}
	return -ENOTTY;
}

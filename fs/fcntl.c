/*
 * fcntl, fcntl64, dup, dup2, dup3 (Linux's fs/fcntl.c, fs/file.c).
 *
 * F_SETFL changes only O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME and FASYNC, as Linux;
 * the access mode and creation flags stay. Other commands (locks, leases, owners,
 * pipe sizes, seals) are EINVAL for now: docs/files.md lists them.
 *
 * Relies on: fdtable, rlimit(RLIMIT_NOFILE).
 */
#include <fdtable.h>
#include <kernel.h>
#include <resource.h>
#include <syscalls.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/resource.h>

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME | FASYNC)

static long f_dupfd(unsigned long from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fcheck(fd);

	if (!file)
		return -EBADF;
	if ((file->f_mode & FMODE_PATH) && cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC &&
	    cmd != F_GETFD && cmd != F_SETFD && cmd != F_GETFL)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, file, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, file, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return file->f_flags;
	case F_SETFL:
		file->f_flags = (file->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	return do_fcntl(fd, cmd, arg);
}

long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	return do_fcntl(fd, cmd, arg);
}

long sys_dup(unsigned int fildes)
{
	struct file *file = fcheck(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	file = fcheck(oldfd);
	if (!file)
		return -EBADF;
	return replace_fd(newfd, file, flags);
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd)
		return fcheck(oldfd) ? (long)newfd : -EBADF;
	return sys_dup3(oldfd, newfd, 0);
}

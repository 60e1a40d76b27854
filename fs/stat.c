/*
 * stat on the standard descriptors, and readlink (fs/stat.c in Linux).
 *
 * Descriptors 0-2 are described as what they behave like: pipes. fd 0 is the read end
 * of a pipe whose writer has gone (read returns 0, end of input, at once); fds 1 and 2
 * are the write ends of pipes that the serial ports drain as fast as they are written.
 * So fstat/statx report a FIFO (S_IFIFO | 0600, owned by root, st_blksize PAGE_SIZE,
 * one inode per descriptor on the pipefs device 0:12) and ioctl (fs/ioctl.c) answers as
 * a pipe does: FIONREAD gives 0 bytes, every terminal request -ENOTTY. libc therefore
 * sees no terminal and buffers stdout fully, in PAGE_SIZE blocks for glibc (which sizes
 * its buffer from st_blksize), exactly as on the Linux oracle where stdout is a file
 * or a pipe (see docs/syscalls.md).
 *
 * Relies on: fd_is_open (fs/read_write.c), uaccess.
 */
#include <uapi/errno.h>
#include <fs.h>
#include <mm.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#define PIPE_MODE	(S_IFIFO | 0600)	/* Linux's pipe inodes: S_IRUSR | S_IWUSR */
#define PIPEFS_DEV	12			/* makedev(0, 12): pipefs's anonymous device */
#define PIPE_INO(fd)	(1 + (fd))		/* one pipe, so one inode, per descriptor */

static long fill_stat64(unsigned int fd, struct stat64 *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = PIPEFS_DEV;
	st.__st_ino = PIPE_INO(fd);
	st.st_ino = PIPE_INO(fd);
	st.st_mode = PIPE_MODE;
	st.st_nlink = 1;
	st.st_blksize = PAGE_SIZE;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat64(unsigned long fd, struct stat64 *statbuf)
{
	if (!fd_is_open(fd))
		return -EBADF;
	return fill_stat64(fd, statbuf);
}

/*
 * The path part of fstatat64/statx: 0 if (dirfd, path, flags) names one of the
 * standard descriptors (empty path with AT_EMPTY_PATH), else the error Linux gives when
 * nothing by that name exists.
 */
static long resolve_empty_path(int dirfd, const char *upath, unsigned int flags)
{
	char c;
	long n = strncpy_from_user(&c, upath, 1);

	if (n < 0)
		return n;
	if (n == 1) {			/* a real name: there is no file system */
		if (c != '/' && dirfd != AT_FDCWD && !fd_is_open(dirfd))
			return -EBADF;
		return -ENOENT;
	}
	if (!(flags & AT_EMPTY_PATH))
		return -ENOENT;
	if (dirfd == AT_FDCWD)
		return -ENOENT;		/* the current directory does not exist either */
	return fd_is_open(dirfd) ? 0 : -EBADF;
}

long sys_fstatat64(int dirfd, const char *path, struct stat64 *statbuf, unsigned int flags)
{
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = resolve_empty_path(dirfd, path, flags);
	return err ? err : fill_stat64(dirfd, statbuf);
}

long sys_statx(int dirfd, const char *path, unsigned int flags, unsigned int mask,
	       struct statx *buffer)
{
	struct statx stx;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	err = resolve_empty_path(dirfd, path, flags);
	if (err)
		return err;
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS;
	stx.stx_blksize = PAGE_SIZE;
	stx.stx_nlink = 1;
	stx.stx_mode = PIPE_MODE;
	stx.stx_ino = PIPE_INO(dirfd);
	stx.stx_dev_major = 0;
	stx.stx_dev_minor = PIPEFS_DEV;
	return copy_to_user(buffer, &stx, sizeof(stx)) ? -EFAULT : 0;
}

/* glibc asks for /proc/self/exe; there is no /proc. */
long sys_readlink(const char *path, char *buf, int bufsiz)
{
	(void)path;
	(void)buf;
	(void)bufsiz;
	return -ENOENT;
}

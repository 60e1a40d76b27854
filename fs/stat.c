/*
 * stat on the standard descriptors, and readlink (fs/stat.c in Linux).
 *
 * Descriptors 0-2 are described as a pseudo-terminal slave, /dev/pts/0 (character
 * device 136:0 on the devpts instance 0:24), which is what they are when a program runs
 * from a terminal on Linux. ioctl (fs/ioctl.c) nevertheless answers -ENOTTY, so libc
 * buffers stdout fully, as it does on Linux when output goes to a file -- the case the
 * differential tests compare against (see docs/syscalls.md).
 *
 * Relies on: fd_is_open (fs/read_write.c), uaccess.
 */
#include <uapi/errno.h>
#include <fs.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#define TTY_MODE	(S_IFCHR | 0620)
#define TTY_MAJOR	136	/* Unix98 pty slaves */
#define TTY_MINOR	0
#define TTY_DEV		0x18	/* the devpts instance: makedev(0, 24) */
#define TTY_INO		3
#define TTY_GID		5	/* group tty */
#define TTY_BLKSIZE	1024

/* Linux's new_encode_dev(), the form stat64 reports device numbers in. */
static u32 encode_dev(u32 major, u32 minor)
{
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static long fill_stat64(struct stat64 *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = TTY_DEV;
	st.__st_ino = TTY_INO;
	st.st_ino = TTY_INO;
	st.st_mode = TTY_MODE;
	st.st_nlink = 1;
	st.st_gid = TTY_GID;
	st.st_rdev = encode_dev(TTY_MAJOR, TTY_MINOR);
	st.st_blksize = TTY_BLKSIZE;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat64(unsigned long fd, struct stat64 *statbuf)
{
	if (!fd_is_open(fd))
		return -EBADF;
	return fill_stat64(statbuf);
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
	return err ? err : fill_stat64(statbuf);
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
	stx.stx_blksize = TTY_BLKSIZE;
	stx.stx_nlink = 1;
	stx.stx_gid = TTY_GID;
	stx.stx_mode = TTY_MODE;
	stx.stx_ino = TTY_INO;
	stx.stx_rdev_major = TTY_MAJOR;
	stx.stx_rdev_minor = TTY_MINOR;
	stx.stx_dev_major = 0;
	stx.stx_dev_minor = TTY_DEV;
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

/*
 * stat in its i386 forms (stat64, lstat64, fstat64, fstatat64, statx), readlink, and
 * statfs64 (Linux's fs/stat.c, fs/statfs.c).
 *
 * Everything is generic_fillattr() of the inode, copied out in the user layout. The
 * standard descriptors are pipe inodes (fs/console.c): S_IFIFO | 0600 on device 0:12.
 *
 * Relies on: namei (user_path_at), fdtable, uaccess.
 */
#include <namei.h>
#include <err.h>
#include <fdtable.h>
#include <kernel.h>
#include <mm.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

static long cp_new_stat64(const struct kstat *stat, struct stat64 *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(stat->dev);
	st.__st_ino = stat->ino;
	st.st_ino = stat->ino;
	st.st_mode = stat->mode;
	st.st_nlink = stat->nlink;
	st.st_uid = stat->uid;
	st.st_gid = stat->gid;
	st.st_rdev = new_encode_dev(stat->rdev);
	st.st_size = stat->size;
	st.st_blksize = stat->blksize;
	st.st_blocks = stat->blocks;
	st.st_atime = stat->atime.tv_sec;
	st.st_atime_nsec = stat->atime.tv_nsec;
	st.st_mtime = stat->mtime.tv_sec;
	st.st_mtime_nsec = stat->mtime.tv_nsec;
	st.st_ctime = stat->ctime.tv_sec;
	st.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long vfs_statx(int dfd, const char *upath, unsigned int flags, struct kstat *stat)
{
	struct dentry *dentry;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	err = user_path_at(dfd, upath, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &dentry);
	if (err)
		return err;
	generic_fillattr(dentry->d_inode, stat);
	dput(dentry);
	return 0;
}

long sys_stat64(const char *upath, struct stat64 *statbuf)
{
	struct kstat stat;
	long err = vfs_statx(AT_FDCWD, upath, 0, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

long sys_lstat64(const char *upath, struct stat64 *statbuf)
{
	struct kstat stat;
	long err = vfs_statx(AT_FDCWD, upath, AT_SYMLINK_NOFOLLOW, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

long sys_fstat64(unsigned long fd, struct stat64 *statbuf)
{
	struct file *file = fcheck(fd);
	struct kstat stat;

	if (!file)
		return -EBADF;
	generic_fillattr(file->f_inode, &stat);
	return cp_new_stat64(&stat, statbuf);
}

long sys_fstatat64(int dirfd, const char *path, struct stat64 *statbuf, unsigned int flags)
{
	struct kstat stat;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = vfs_statx(dirfd, path, flags, &stat);
	return err ? err : cp_new_stat64(&stat, statbuf);
}

static struct statx_timestamp statx_ts(const struct timespec64 *ts)
{
	struct statx_timestamp t = { .tv_sec = ts->tv_sec, .tv_nsec = ts->tv_nsec };

	return t;
}

long sys_statx(int dirfd, const char *path, unsigned int flags, unsigned int mask,
	       struct statx *buffer)
{
	struct statx stx;
	struct kstat stat;
	long err;

	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	err = vfs_statx(dirfd, path, flags, &stat);
	if (err)
		return err;
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS;	/* no birth time, as ramfs */
	stx.stx_blksize = stat.blksize;
	stx.stx_nlink = stat.nlink;
	stx.stx_uid = stat.uid;
	stx.stx_gid = stat.gid;
	stx.stx_mode = stat.mode;
	stx.stx_ino = stat.ino;
	stx.stx_size = stat.size;
	stx.stx_blocks = stat.blocks;
	stx.stx_atime = statx_ts(&stat.atime);
	stx.stx_mtime = statx_ts(&stat.mtime);
	stx.stx_ctime = statx_ts(&stat.ctime);
	stx.stx_rdev_major = MAJOR(stat.rdev);
	stx.stx_rdev_minor = MINOR(stat.rdev);
	stx.stx_dev_major = MAJOR(stat.dev);
	stx.stx_dev_minor = MINOR(stat.dev);
	return copy_to_user(buffer, &stx, sizeof(stx)) ? -EFAULT : 0;
}

long sys_readlinkat(int dfd, const char *upath, char *buf, int bufsiz)
{
	struct dentry *dentry;
	struct inode *inode;
	char *name;
	bool empty;
	long err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	name = getname_flags(upath, LOOKUP_EMPTY);
	if (IS_ERR(name))
		return PTR_ERR(name);
	empty = !*name;
	err = filename_lookup(dfd, name, LOOKUP_EMPTY, &dentry);
	putname(name);
	if (err)
		return err;
	inode = dentry->d_inode;
	if (!S_ISLNK(inode->i_mode)) {
		dput(dentry);
		return empty ? -ENOENT : -EINVAL;
	}
	len = min((long)strlen(inode->i_link), (long)bufsiz);
	err = copy_to_user(buf, inode->i_link, len) ? -EFAULT : len;
	dput(dentry);
	return err;
}

long sys_readlink(const char *path, char *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

static long do_statfs64(struct inode *inode, size_t sz, struct statfs64 *ubuf)
{
	struct statfs64 st;

	if (sz != sizeof(st))
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	st.f_type = inode->i_sb->s_magic;
	st.f_bsize = PAGE_SIZE;
	st.f_frsize = PAGE_SIZE;
	st.f_namelen = NAME_MAX;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statfs64(const char *upath, size_t sz, struct statfs64 *buf)
{
	struct dentry *dentry;
	long err = user_path_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &dentry);

	if (err)
		return err;
	err = do_statfs64(dentry->d_inode, sz, buf);
	dput(dentry);
	return err;
}

long sys_fstatfs64(unsigned int fd, size_t sz, struct statfs64 *buf)
{
	struct file *file = fcheck(fd);

	if (!file)
		return -EBADF;
	return do_statfs64(file->f_inode, sz, buf);
}

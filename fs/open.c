/*
 * Opening and closing, the cwd, access checks, modes, owners, sizes and times
 * (Linux's fs/open.c, fs/utimes.c, fs/sync.c).
 *
 * open gives the lowest free descriptor (EMFILE at RLIMIT_NOFILE); flags it does not
 * know are ignored, as Linux ignores them (O_LARGEFILE, O_NOCTTY, O_SYNC, O_DIRECT,
 * O_NOATIME are accepted: RAM needs no syncing); O_TMPFILE is refused (EOPNOTSUPP is
 * not what we say: EINVAL, as a file system without it).
 *
 * Relies on: namei, fdtable, the inode's i_op->setsize, uaccess.
 */
#include <namei.h>
#include <err.h>
#include <fdtable.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

long do_sys_open(int dfd, const char *upath, int flags, umode_t mode)
{
	struct file *file;
	char *name;
	int fd;

	if (flags & __O_TMPFILE)
		return -EINVAL;
	name = getname(upath);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		file = do_filp_open(dfd, name, flags, mode);
		if (IS_ERR(file)) {
			put_unused_fd(fd);
			fd = PTR_ERR(file);
		} else {
			fd_install(fd, file);
		}
	}
	putname(name);
	return fd;
}

long sys_open(const char *upath, int flags, umode_t mode)
{
	return do_sys_open(AT_FDCWD, upath, flags, mode);
}

long sys_openat(int dfd, const char *upath, int flags, umode_t mode)
{
	return do_sys_open(dfd, upath, flags, mode);
}

long sys_creat(const char *upath, umode_t mode)
{
	return do_sys_open(AT_FDCWD, upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

static void set_fs_pwd(struct dentry *dentry)
{
	struct fs_struct *fs = current->fs;
	struct dentry *old = fs->pwd;

	fs->pwd = dentry;
	dput(old);
}

long sys_chdir(const char *upath)
{
	struct dentry *dentry;
	long err = user_path_at(AT_FDCWD, upath, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &dentry);

	if (err)
		return err;
	err = inode_permission(dentry->d_inode, MAY_EXEC);
	if (err) {
		dput(dentry);
		return err;
	}
	set_fs_pwd(dentry);
	return 0;
}

long sys_fchdir(unsigned int fd)
{
	struct file *file = fcheck(fd);
	long err;

	if (!file)
		return -EBADF;
	if (!S_ISDIR(file->f_inode->i_mode))
		return -ENOTDIR;
	err = inode_permission(file->f_inode, MAY_EXEC);
	if (err)
		return err;
	set_fs_pwd(dget(file->f_dentry));
	return 0;
}

long sys_getcwd(char *ubuf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!page)
		return -ENOMEM;
	len = d_path(current->fs->pwd, page, PATH_MAX);
	if (len >= 0) {
		if ((unsigned long)len > size)
			len = -ERANGE;
		else if (copy_to_user(ubuf, page, len))
			len = -EFAULT;
	}
	kfree(page);
	return len;
}

/*
 * access checks with the real ids (or the effective ones with AT_EACCESS), as Linux's
 * do_faccessat: the fs ids are swapped for the duration of the check.
 */
long sys_faccessat2(int dfd, const char *upath, int mode, int flags)
{
	struct cred *cred = &current->cred;
	struct dentry *dentry;
	uid_t fsuid = cred->fsuid;
	gid_t fsgid = cred->fsgid;
	bool cap = cred->cap_effective;
	long err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, upath, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &dentry);
	if (err)
		return err;
	if (!(flags & AT_EACCESS)) {
		cred->fsuid = cred->uid;
		cred->fsgid = cred->gid;
		/* root's real id keeps its power; a set-uid-root program's does not. */
		cred->cap_effective = cred->uid == 0 && cred->cap_permitted;
	}
	err = mode ? inode_permission(dentry->d_inode, mode) : 0;
	cred->fsuid = fsuid;
	cred->fsgid = fsgid;
	cred->cap_effective = cap;
	dput(dentry);
	return err;
}

long sys_faccessat(int dfd, const char *upath, int mode)
{
	return sys_faccessat2(dfd, upath, mode, 0);
}

long sys_access(const char *upath, int mode)
{
	return sys_faccessat2(AT_FDCWD, upath, mode, 0);
}

long sys_umask(int mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & 0777;
	return old;
}

static bool owner_or_root(struct inode *inode)
{
	return current->cred.fsuid == inode->i_uid || cred_capable(&current->cred);
}

static long chmod_common(struct inode *inode, umode_t mode)
{
	if (!owner_or_root(inode))
		return -EPERM;
	inode->i_mode = (inode->i_mode & ~S_IALLUGO) | (mode & S_IALLUGO);
	inode->i_ctime = current_time();
	return 0;
}

long sys_fchmodat(int dfd, const char *upath, umode_t mode)
{
	struct dentry *dentry;
	long err = user_path_at(dfd, upath, LOOKUP_FOLLOW, &dentry);

	if (err)
		return err;
	err = chmod_common(dentry->d_inode, mode);
	dput(dentry);
	return err;
}

long sys_chmod(const char *upath, umode_t mode)
{
	return sys_fchmodat(AT_FDCWD, upath, mode);
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	struct file *file = fcheck(fd);

	if (!file || (file->f_mode & FMODE_PATH))
		return -EBADF;
	return chmod_common(file->f_inode, mode);
}

/* Only root may give a file away; -1 leaves an id as it is. */
static long chown_common(struct inode *inode, uid_t uid, gid_t gid)
{
	bool root = cred_capable(&current->cred);

	if (uid != (uid_t)-1 && uid != inode->i_uid && !root)
		return -EPERM;
	if (gid != (gid_t)-1 && gid != inode->i_gid && !root &&
	    current->cred.fsuid != inode->i_uid)
		return -EPERM;
	if (uid != (uid_t)-1)
		inode->i_uid = uid;
	if (gid != (gid_t)-1)
		inode->i_gid = gid;
	if (!S_ISDIR(inode->i_mode))
		inode->i_mode &= ~S_ISUID;	/* a changed owner loses set-uid */
	inode->i_ctime = current_time();
	return 0;
}

long sys_fchownat(int dfd, const char *upath, uid_t uid, gid_t gid, int flag)
{
	struct dentry *dentry;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, upath, (flag & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flag & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &dentry);
	if (err)
		return err;
	err = chown_common(dentry->d_inode, uid, gid);
	dput(dentry);
	return err;
}

long sys_chown(const char *upath, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, upath, uid, gid, 0);
}

long sys_lchown(const char *upath, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, upath, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, uid_t uid, gid_t gid)
{
	struct file *file = fcheck(fd);

	if (!file || (file->f_mode & FMODE_PATH))
		return -EBADF;
	return chown_common(file->f_inode, uid, gid);
}

static long do_truncate(struct inode *inode, loff_t length)
{
	if (length < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || !inode->i_op || !inode->i_op->setsize)
		return -EINVAL;
	if (length > inode->i_sb->s_maxbytes)
		return -EFBIG;
	return inode->i_op->setsize(inode, length);
}

long sys_truncate64(const char *upath, u32 len_lo, u32 len_hi)
{
	loff_t length = (loff_t)(((u64)len_hi << 32) | len_lo);
	struct dentry *dentry;
	long err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &dentry);
	if (err)
		return err;
	err = S_ISDIR(dentry->d_inode->i_mode) ? -EISDIR :
	      inode_permission(dentry->d_inode, MAY_WRITE);
	if (!err)
		err = do_truncate(dentry->d_inode, length);
	dput(dentry);
	return err;
}

long sys_ftruncate64(unsigned int fd, u32 len_lo, u32 len_hi)
{
	loff_t length = (loff_t)(((u64)len_hi << 32) | len_lo);
	struct file *file = fcheck(fd);

	if (!file || (file->f_mode & FMODE_PATH))
		return -EBADF;
	if (length < 0)
		return -EINVAL;
	if (!S_ISREG(file->f_inode->i_mode) || !(file->f_mode & FMODE_WRITE))
		return -EINVAL;
	return do_truncate(file->f_inode, length);
}

long sys_fsync(unsigned int fd)
{
	struct file *file = fcheck(fd);

	if (!file || (file->f_mode & FMODE_PATH))
		return -EBADF;
	if (!file->f_op || !file->f_op->fsync)
		return -EINVAL;		/* pipes, as Linux's */
	return file->f_op->fsync(file);
}

long sys_sync(void)
{
	return 0;			/* every file system is in RAM: nothing to write */
}

/* utimensat's special nanosecond values. */
#define UTIME_NOW	((1L << 30) - 1)
#define UTIME_OMIT	((1L << 30) - 2)

struct kernel_timespec64 {		/* struct __kernel_timespec: two 64-bit fields */
	s64 tv_sec;
	s64 tv_nsec;
};

struct old_timespec32_ {
	s32 tv_sec;
	s32 tv_nsec;
};

static long set_times(struct inode *inode, struct timespec64 *t, bool explicit)
{
	const struct cred *cred = &current->cred;

	/* Times of one's choosing: the owner or root; "now": also anyone who may write. */
	if (!owner_or_root(inode) && (explicit || inode_permission(inode, MAY_WRITE)))
		return explicit ? -EPERM : -EACCES;
	(void)cred;
	if (t[0].tv_nsec != UTIME_OMIT)
		inode->i_atime = t[0];
	if (t[1].tv_nsec != UTIME_OMIT)
		inode->i_mtime = t[1];
	inode->i_ctime = current_time();
	return 0;
}

static long do_utimes(int dfd, const char *upath, struct timespec64 *t, int flags)
{
	struct timespec64 now = current_time();
	bool explicit = false;
	struct dentry *dentry;
	int i;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	for (i = 0; i < 2; i++) {
		if (t[i].tv_nsec == UTIME_NOW) {
			t[i] = now;
		} else if (t[i].tv_nsec != UTIME_OMIT) {
			if (t[i].tv_nsec < 0 || t[i].tv_nsec >= 1000000000L)
				return -EINVAL;
			explicit = true;
		}
	}
	if (!upath) {			/* futimens: utimensat(fd, NULL, ...) */
		struct file *file = fcheck(dfd);

		if (!file)
			return -EBADF;
		return set_times(file->f_inode, t, explicit);
	}
	err = user_path_at(dfd, upath, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &dentry);
	if (err)
		return err;
	err = set_times(dentry->d_inode, t, explicit);
	dput(dentry);
	return err;
}

long sys_utimensat(int dfd, const char *upath, const struct old_timespec32_ *utimes, int flags)
{
	struct old_timespec32_ ut[2];
	struct timespec64 t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };

	if (utimes) {
		if (copy_from_user(ut, utimes, sizeof(ut)))
			return -EFAULT;
		t[0].tv_sec = ut[0].tv_sec;
		t[0].tv_nsec = ut[0].tv_nsec;
		t[1].tv_sec = ut[1].tv_sec;
		t[1].tv_nsec = ut[1].tv_nsec;
	}
	return do_utimes(dfd, upath, t, flags);
}

long sys_utimensat_time64(int dfd, const char *upath, const struct kernel_timespec64 *utimes,
			  int flags)
{
	struct kernel_timespec64 ut[2];
	struct timespec64 t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };

	if (utimes) {
		if (copy_from_user(ut, utimes, sizeof(ut)))
			return -EFAULT;
		t[0].tv_sec = ut[0].tv_sec;
		t[0].tv_nsec = (long)ut[0].tv_nsec;
		t[1].tv_sec = ut[1].tv_sec;
		t[1].tv_nsec = (long)ut[1].tv_nsec;
		if (ut[0].tv_nsec != (long)ut[0].tv_nsec || ut[1].tv_nsec != (long)ut[1].tv_nsec)
			return -EINVAL;
	}
	return do_utimes(dfd, upath, t, flags);
}

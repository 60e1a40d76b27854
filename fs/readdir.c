/*
 * Reading directories: getdents64 and getdents (Linux's fs/readdir.c), and the
 * directory file operations of ram file systems (dcache_readdir in fs/libfs.c).
 *
 * A directory's f_pos counts entries: 0 is ".", 1 "..", 2 + n the n-th child on
 * d_subdirs (creation order). Each record's d_off is the position after it, so a
 * lseek to a d_off resumes there. An entry that does not fit ends the call; if not even
 * the first fits, EINVAL, as Linux.
 *
 * Relies on: dcache, fdtable, uaccess.
 */
#include <dcache.h>
#include <fdtable.h>
#include <kernel.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

static unsigned int dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;	/* DT_* are the S_IFMT bits shifted */
}

static int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_dentry, *child;
	loff_t n = 2;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dir == current->fs->root ? dir : dir->d_parent;

		if (!ctx->actor(ctx, "..", 2, 2, parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if (n++ < ctx->pos)
			continue;
		if (!ctx->actor(ctx, child->d_name.name, child->d_name.len, n,
				child->d_inode->i_ino, dt_type(child->d_inode)))
			return 0;
		ctx->pos = n;
	}
	return 0;
}

static loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

const struct file_operations simple_dir_operations = {
	.llseek = dcache_dir_lseek,
	.iterate = dcache_readdir,
};

struct getdents_callback {
	struct dir_context ctx;
	char *dirent;			/* where the next record goes (user memory) */
	int count;			/* bytes left */
	int error;
	bool wide;			/* getdents64's records, else getdents's */
};

/* getdents's record: d_ino, d_off (longs), d_reclen, the name, a NUL, pad, d_type. */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
} __packed;

static bool filldir(struct dir_context *ctx, const char *name, int len, loff_t pos,
		    u64 ino, unsigned int d_type)
{
	struct getdents_callback *buf = container_of(ctx, struct getdents_callback, ctx);
	char rec[sizeof(struct linux_dirent64) + NAME_MAX + 8];
	int reclen;

	if (buf->wide) {
		struct linux_dirent64 *d = (void *)rec;

		reclen = (__builtin_offsetof(struct linux_dirent64, d_name) + len + 1 + 7) & ~7;
		memset(rec, 0, reclen);
		d->d_ino = ino;
		d->d_off = pos;
		d->d_reclen = reclen;
		d->d_type = d_type;
		memcpy(d->d_name, name, len);
	} else {
		struct linux_dirent *d = (void *)rec;

		reclen = (__builtin_offsetof(struct linux_dirent, d_name) + len + 2 + 3) & ~3;
		memset(rec, 0, reclen);
		d->d_ino = ino;
		d->d_off = pos;
		d->d_reclen = reclen;
		memcpy(d->d_name, name, len);
		rec[reclen - 1] = d_type;
	}
	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* only reported if nothing fitted */
		return false;
	}
	if (copy_to_user(buf->dirent, rec, reclen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->dirent += reclen;
	buf->count -= reclen;
	return true;
}

static long do_getdents(unsigned int fd, void *dirent, unsigned int count, bool wide)
{
	struct file *file = fcheck(fd);
	struct getdents_callback buf = {
		.ctx.actor = filldir,
		.dirent = dirent,
		.count = count,
		.wide = wide,
	};
	long err;

	if (!file || (file->f_mode & FMODE_PATH))
		return -EBADF;
	if (!file->f_op || !file->f_op->iterate)
		return -ENOTDIR;
	if (!access_ok(dirent, count))
		return -EFAULT;
	if (!file->f_inode->i_nlink)
		return -ENOENT;		/* a removed directory, as Linux's IS_DEADDIR */
	buf.ctx.pos = file->f_pos;
	err = file->f_op->iterate(file, &buf.ctx);
	file->f_pos = buf.ctx.pos;
	if (buf.count == (int)count && buf.error)
		return buf.error;
	if (buf.error == -EFAULT)
		return -EFAULT;
	return err ? err : (long)(count - buf.count);
}

long sys_getdents64(unsigned int fd, void *dirent, unsigned int count)
{
	return do_getdents(fd, dirent, count, true);
}

long sys_getdents(unsigned int fd, void *dirent, unsigned int count)
{
	return do_getdents(fd, dirent, count, false);
}

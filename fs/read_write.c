/*
 * read, write, their vector and positioned forms, and lseek (Linux's fs/read_write.c).
 *
 * The descriptor's file says how: f_op->read/write with the file's position (or the
 * one given, for pread64/pwrite64, on files that can seek). Every user pointer goes
 * through access_ok and the f_op's copy_*_user: a bad one is -EFAULT, never an oops.
 * A vector is checked whole before anything moves, as Linux does: a bad entry anywhere
 * means nothing is transferred. {NULL, 0} entries are fine (musl uses them).
 *
 * Relies on: fdtable (fget/fput), the file's f_op.
 */
#include <fdtable.h>
#include <kernel.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>
#include <uapi/uio.h>

#define MAX_RW_COUNT	0x7ffff000UL	/* INT_MAX & PAGE_MASK, Linux's cap per call */

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = file->f_inode->i_size, pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = size + offset;
		break;
	case SEEK_DATA:			/* no holes are reported: all of it is data */
		if (offset < 0 || offset >= size)
			return -ENXIO;
		pos = offset;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		pos = size;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0 || pos > file->f_inode->i_sb->s_maxbytes)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

static long rw_check(struct file *file, bool write)
{
	if (!file)
		return -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (S_ISDIR(file->f_inode->i_mode))
		return -EISDIR;
	if (write ? !file->f_op->write : !file->f_op->read)
		return -EINVAL;
	return 0;
}

static long vfs_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file->f_op->read(file, buf, min(count, MAX_RW_COUNT), pos);
}

static long vfs_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	if (!access_ok(buf, count))
		return -EFAULT;
	if (!count)
		return 0;
	return file->f_op->write(file, buf, min(count, MAX_RW_COUNT), pos);
}

/* The position a write starts at: the end for O_APPEND. */
static loff_t *write_pos(struct file *file)
{
	if (file->f_flags & O_APPEND)
		file->f_pos = file->f_inode->i_size;
	return &file->f_pos;
}

long sys_read(unsigned long fd, char *buf, size_t count)
{
	struct file *file = fcheck(fd);
	long err = rw_check(file, false);

	return err ? err : vfs_read(file, buf, count, &file->f_pos);
}

long sys_write(unsigned long fd, const char *buf, size_t count)
{
	struct file *file = fcheck(fd);
	long err = rw_check(file, true);

	return err ? err : vfs_write(file, buf, count, write_pos(file));
}

static long rw_at(unsigned long fd, char *buf, size_t count, u32 lo, u32 hi, bool write)
{
	loff_t pos = (loff_t)(((u64)hi << 32) | lo);
	struct file *file = fcheck(fd);
	long err = rw_check(file, write);

	if (err)
		return err;
	if (!(file->f_mode & FMODE_PREAD))
		return -ESPIPE;
	if (pos < 0)
		return -EINVAL;
	if (write && (file->f_flags & O_APPEND))
		pos = file->f_inode->i_size;	/* Linux's pwrite appends on O_APPEND files too */
	return write ? vfs_write(file, buf, count, &pos) : vfs_read(file, buf, count, &pos);
}

long sys_pread64(unsigned long fd, char *buf, size_t count, u32 pos_lo, u32 pos_hi)
{
	return rw_at(fd, buf, count, pos_lo, pos_hi, false);
}

long sys_pwrite64(unsigned long fd, const char *buf, size_t count, u32 pos_lo, u32 pos_hi)
{
	return rw_at(fd, (char *)buf, count, pos_lo, pos_hi, true);
}

static long do_rw_vector(unsigned long fd, const struct iovec *uvec, unsigned long vlen,
			 bool write)
{
	struct file *file = fcheck(fd);
	struct iovec iov;
	size_t total = 0;
	unsigned long i;
	long done = 0, n, err = rw_check(file, write);
	loff_t *pos;

	if (err)
		return err;
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
	pos = write ? write_pos(file) : &file->f_pos;
	for (i = 0; i < vlen && total; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			break;
		iov.iov_len = min(iov.iov_len, total);
		if (!iov.iov_len)
			continue;
		n = write ? file->f_op->write(file, iov.iov_base, iov.iov_len, pos) :
			    file->f_op->read(file, iov.iov_base, iov.iov_len, pos);
		if (n < 0)
			return done ? done : n;
		done += n;
		total -= n;
		if ((size_t)n < iov.iov_len)
			break;
	}
	return done;
}

long sys_readv(unsigned long fd, const struct iovec *uvec, unsigned long vlen)
{
	return do_rw_vector(fd, uvec, vlen, false);
}

long sys_writev(unsigned long fd, const struct iovec *uvec, unsigned long vlen)
{
	return do_rw_vector(fd, uvec, vlen, true);
}

static loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *file = fcheck(fd);
	loff_t old, res;

	if (!file)
		return -EBADF;
	if (whence > SEEK_HOLE)
		return -EINVAL;
	old = file->f_pos;
	res = vfs_llseek(file, offset, whence);
	if (res >= 0 && res > 0x7fffffffLL) {
		file->f_pos = old;	/* off_t cannot hold it */
		return -EOVERFLOW;
	}
	return res;
}

long sys_llseek(unsigned int fd, unsigned long hi, unsigned long lo, long long *result,
		unsigned int whence)
{
	struct file *file = fcheck(fd);
	loff_t res;

	if (!file)
		return -EBADF;
	if (whence > SEEK_HOLE)
		return -EINVAL;
	res = vfs_llseek(file, (loff_t)(((u64)hi << 32) | lo), whence);
	if (res < 0)
		return res;
	return copy_to_user(result, &res, sizeof(res)) ? -EFAULT : 0;
}

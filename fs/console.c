/*
 * Descriptors 0, 1 and 2 of every program: the console, presented as pipes.
 *
 * fd 1 writes go to the second serial port and fd 2 to the third when they exist
 * (tools/run-elf keeps a program's stdout and stderr apart from the kernel log that
 * way), else to the console; the bytes go out exactly as written. fd 0 reads as end of
 * input. They are real struct files (so close, dup and fcntl work on them) on three
 * inodes of a pipe file system (device 0:12, inodes 1-3, S_IFIFO | 0600, as Linux's
 * pipefs shows a pipe): fstat and ioctl answer as for a pipe, and libc sees no terminal
 * and buffers stdout fully, exactly as on the Linux oracle (see docs/files.md).
 * The write end cannot seek (ESPIPE), as a pipe.
 *
 * Relies on: serial ports (drivers/tty/serial/8250.c), uaccess, dcache.
 */
#include <dcache.h>
#include <kernel.h>
#include <serial.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#define PIPEFS_DEV	MKDEV(0, 12)	/* pipefs's anonymous device */

static struct super_block pipefs_sb = {
	.s_dev = PIPEFS_DEV,
	.s_blocksize = PAGE_SIZE,
	.s_type = "pipefs",
};
static struct dentry *console_dentry[3];

void console_output(unsigned int fd, const char *buf, size_t len)
{
	int com = fd == 1 ? 2 : 3;

	if (serial_present(com))
		serial_write(com, buf, len);
	else
		serial_console_write(buf, len);
}

static long console_read(struct file *file, char *ubuf, size_t count, loff_t *pos)
{
	(void)file;
	(void)pos;
	return access_ok(ubuf, count) ? 0 : -EFAULT;	/* end of input */
}

/* Copy and emit count bytes; a fault ends the write: bytes done, or -EFAULT if none. */
static long console_write(struct file *file, const char *ubuf, size_t count, loff_t *pos)
{
	unsigned int fd = (unsigned long)file->f_inode->i_private;
	char chunk[256];
	size_t done = 0;

	(void)pos;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		size_t ok = n - copy_from_user(chunk, ubuf + done, n);

		console_output(fd, chunk, ok);
		done += ok;
		if (ok < n)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

static const struct file_operations console_fops = {
	.read = console_read,
	.write = console_write,
};

static struct dentry *console_make(unsigned int fd)
{
	static const struct qstr name = { .name = "console", .len = 7 };
	struct inode *inode;
	struct dentry *dentry;

	if (!pipefs_sb.s_root) {
		inode = new_inode(&pipefs_sb);
		if (!inode)
			return NULL;
		inode->i_mode = S_IFDIR | 0700;
		pipefs_sb.s_root = d_make_root(inode);
		if (!pipefs_sb.s_root)
			return NULL;
	}
	inode = new_inode(&pipefs_sb);
	if (!inode)
		return NULL;
	inode->i_ino = 1 + fd;		/* one pipe, so one inode, per descriptor */
	inode->i_mode = S_IFIFO | 0600;
	inode->i_private = (void *)(unsigned long)fd;
	inode->i_fop = &console_fops;
	dentry = d_alloc(pipefs_sb.s_root, &name);
	if (!dentry) {
		iput(inode);
		return NULL;
	}
	dentry->d_inode = inode;	/* never hashed: no path reaches it */
	return dentry;
}

/* At boot (vfs_init): the three inodes, which live for ever. */
void console_init(void)
{
	unsigned int fd;

	for (fd = 0; fd < 3; fd++) {
		console_dentry[fd] = console_make(fd);
		if (!console_dentry[fd])
			panic("VFS: no memory for the console's files");
	}
}

/* A new open file for standard descriptor fd (0, 1 or 2): each program has its own. */
struct file *console_file(unsigned int fd)
{
	struct file *file;

	if (fd > 2)
		return NULL;
	file = alloc_file(console_dentry[fd], fd ? O_WRONLY : O_RDONLY, &console_fops);
	if (file)
		file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD);
	return file;
}

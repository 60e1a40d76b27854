/*
 * procfs entries and the seq_file read path (Linux's fs/proc/generic.c and
 * fs/seq_file.c's seq_read, reduced).
 *
 * A proc file's text is generated whole by its show() function on the first read (or
 * the first after a seek back to 0) and kept in the open file, so that a reader using
 * tiny or odd-sized reads sees one consistent snapshot across read() boundaries; the
 * buffer starts at one page and doubles while seq_has_overflowed() says it was short.
 *
 * Entries are inodes in the ramfs root's /proc directory (fs/proc/root.c); their
 * show function is the inode's i_private.
 *
 * Relies on: new_inode, d_alloc/d_instantiate (fs/inode.c, fs/dcache.c), kmalloc.
 */
#include <proc_fs.h>
#include <dcache.h>
#include <err.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#define PROC_SEQ_MAX	(256 * 1024)	/* no report here comes near it */

int proc_seq_generate(proc_show_t show, struct proc_seq *s)
{
	size_t size = PAGE_SIZE;

	for (;;) {
		struct seq_file m;
		char *buf = kmalloc(size, GFP_KERNEL);

		if (!buf)
			return -ENOMEM;
		seq_init(&m, buf, size);
		show(&m);
		if (!seq_has_overflowed(&m)) {
			s->buf = buf;
			s->count = m.count;
			return 0;
		}
		kfree(buf);
		size *= 2;
		if (size > PROC_SEQ_MAX)
			return -ENOMEM;
	}
}

long proc_seq_copy(const struct proc_seq *s, char *dst, size_t count, loff_t *pos,
		   unsigned long (*copy)(void *to, const void *from, unsigned long n))
{
	size_t n, left;

	if (*pos < 0)
		return -EINVAL;
	if (*pos >= (loff_t)s->count)
		return 0;
	n = min(count, s->count - (size_t)*pos);
	left = copy(dst, s->buf + *pos, n);
	if (left == n)
		return -EFAULT;
	*pos += n - left;
	return n - left;
}

static void proc_seq_drop(struct file *file)
{
	struct proc_seq *s = file->private_data;

	if (s) {
		kfree(s->buf);
		kfree(s);
		file->private_data = NULL;
	}
}

static long proc_seq_read(struct file *file, char *ubuf, size_t count, loff_t *pos)
{
	struct proc_seq *s = file->private_data;
	int err;

	if (s && *pos == 0)
		proc_seq_drop(file);	/* reading from the start: a fresh snapshot */
	s = file->private_data;
	if (!s) {
		s = kzalloc(sizeof(*s), GFP_KERNEL);
		if (!s)
			return -ENOMEM;
		err = proc_seq_generate((proc_show_t)file->f_inode->i_private, s);
		if (err) {
			kfree(s);
			return err;
		}
		file->private_data = s;
	}
	return proc_seq_copy(s, ubuf, count, pos, copy_to_user);
}

/* SEEK_SET and SEEK_CUR within [0, large); SEEK_END has no meaning for generated text. */
static loff_t proc_seq_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	if (whence == SEEK_SET)
		pos = offset;
	else if (whence == SEEK_CUR)
		pos = file->f_pos + offset;
	else
		return -EINVAL;
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

static void proc_seq_release(struct inode *inode, struct file *file)
{
	(void)inode;
	proc_seq_drop(file);
}

const struct file_operations proc_seq_fops = {
	.read = proc_seq_read,
	.llseek = proc_seq_llseek,
	.release = proc_seq_release,
};

static struct dentry *proc_alloc_dentry(struct dentry *parent, const char *name)
{
	struct qstr q = { .name = name, .len = strlen(name) };

	q.hash = full_name_hash(parent, name, q.len);
	return d_alloc(parent, &q);
}

struct dentry *proc_mkdir(struct dentry *parent, const char *name)
{
	struct inode *dir = parent->d_inode;
	struct dentry *d = proc_alloc_dentry(parent, name);
	int err;

	if (!d)
		return NULL;
	err = dir->i_op->mkdir(dir, d, 0555);
	if (err) {
		dput(d);
		return NULL;
	}
	dput(d);		/* the cache's pin keeps it */
	return d;
}

int proc_create_single(struct dentry *parent, const char *name, umode_t mode,
		       proc_show_t show)
{
	struct dentry *d = proc_alloc_dentry(parent, name);
	struct inode *inode;

	if (!d)
		return -ENOMEM;
	inode = new_inode(parent->d_sb);
	if (!inode) {
		dput(d);
		return -ENOMEM;
	}
	inode_init_owner(inode, parent->d_inode, S_IFREG | mode);
	inode->i_nlink = 1;
	inode->i_fop = &proc_seq_fops;
	inode->i_private = (void *)show;
	d_instantiate(d, inode);
	dput(d);
	return 0;
}

/*
 * ramfs (Linux's fs/ramfs/ and the simple_* helpers of fs/libfs.c): a file system
 * whose whole state is the dentry cache and the inodes' pages.
 *
 * Directories are their dentries' d_subdirs lists (fs/readdir.c reads them); a name
 * exists exactly when d_lookup() finds it. Regular files keep their data in the
 * inode's page table (fs/inode.c); a hole reads as zeros. Symlinks keep their target
 * in i_link. Link counts follow Linux: a directory has 2 + its subdirectories.
 *
 * Relies on: dcache, new_inode/iput, mapping_get_page, uaccess.
 */
#include <dcache.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#define RAMFS_MAGIC	0x858458f6

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations;
extern const struct file_operations ramfs_file_operations;
extern const struct file_operations simple_dir_operations;	/* fs/readdir.c */

static void touch_dir(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time();
}

struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	if (S_ISDIR(mode)) {
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
		inode->i_size = 0;
	} else if (S_ISREG(mode)) {
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode);

	if (!inode)
		return -ENOMEM;
	d_instantiate(dentry, inode);
	touch_dir(dir);
	return 0;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return ramfs_mknod(dir, dentry, (mode & S_IALLUGO) | S_IFREG);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, (mode & S_IALLUGO) | S_IFDIR);

	if (!err)
		dir->i_nlink++;
	return err;
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	size_t len = strlen(target);
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777);

	if (!inode)
		return -ENOMEM;
	inode->i_link = kmalloc(len + 1, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	memcpy(inode->i_link, target, len + 1);
	inode->i_size = len;
	d_instantiate(dentry, inode);
	touch_dir(dir);
	return 0;
}

static int simple_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_ctime = current_time();
	inode->i_nlink++;
	touch_dir(dir);
	d_instantiate(dentry, igrab(inode));
	return 0;
}

static int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = current_time();
	inode->i_nlink--;
	touch_dir(dir);
	d_delete(dentry);
	return 0;
}

static bool simple_empty(struct dentry *dentry)
{
	return list_empty(&dentry->d_subdirs);
}

static int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	/* Its name and its "." both go: simple_unlink() takes the last one, 1 -> 0. */
	dentry->d_inode->i_nlink = 1;
	dir->i_nlink--;			/* its ".." */
	return simple_unlink(dir, dentry);
}

/* The target, if any, is unlinked first; then the dentry moves. */
static int simple_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
			 struct dentry *new, unsigned int flags)
{
	bool is_dir = S_ISDIR(old->d_inode->i_mode);
	struct qstr name = new->d_name;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	if (new->d_inode) {
		if (S_ISDIR(new->d_inode->i_mode)) {
			if (!simple_empty(new))
				return -ENOTEMPTY;
			new->d_inode->i_nlink = 0;
			new_dir->i_nlink--;
			new->d_inode->i_ctime = current_time();
			d_delete(new);
		} else {
			simple_unlink(new_dir, new);
		}
	}
	err = d_move(old, new->d_parent, &name);
	if (err)
		return err;
	if (is_dir && old_dir != new_dir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	touch_dir(old_dir);
	touch_dir(new_dir);
	old->d_inode->i_ctime = current_time();
	return 0;
}

/* truncate/ftruncate: pages past the new end go, a hole grows (reads zeros). */
static int simple_setsize(struct inode *inode, loff_t size)
{
	if (size < inode->i_size)
		truncate_inode_pages(inode->i_mapping, size);
	inode->i_size = size;
	inode->i_mtime = inode->i_ctime = current_time();
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.link = simple_link,
	.unlink = simple_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = simple_rmdir,
	.rename = simple_rename,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setsize = simple_setsize,
};

static long ramfs_read(struct file *file, char *ubuf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	size_t done = 0;

	while (done < count && *pos < inode->i_size) {
		unsigned long offset = *pos & ~PAGE_MASK;
		size_t n = min((size_t)(PAGE_SIZE - offset), count - done);
		struct page *page = mapping_get_page(inode->i_mapping, *pos >> PAGE_SHIFT, false);
		unsigned long left;

		if ((loff_t)n > inode->i_size - *pos)
			n = inode->i_size - *pos;
		if (page)
			left = copy_to_user(ubuf + done, (char *)page_address(page) + offset, n);
		else
			left = clear_user(ubuf + done, n);
		done += n - left;
		*pos += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	inode->i_atime = current_time();
	return done;
}

static long ramfs_write(struct file *file, const char *ubuf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	loff_t maxbytes = inode->i_sb->s_maxbytes;
	size_t done = 0;

	if (*pos >= maxbytes)
		return count ? -EFBIG : 0;
	if ((loff_t)count > maxbytes - *pos)
		count = maxbytes - *pos;
	while (done < count) {
		unsigned long offset = *pos & ~PAGE_MASK;
		size_t n = min((size_t)(PAGE_SIZE - offset), count - done);
		struct page *page = mapping_get_page(inode->i_mapping, *pos >> PAGE_SHIFT, true);
		unsigned long left;

		if (!page)
			return done ? (long)done : -ENOSPC;
		left = copy_from_user((char *)page_address(page) + offset, ubuf + done, n);
		done += n - left;
		*pos += n - left;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		if (left)
			break;
	}
	if (done)
		inode->i_mtime = inode->i_ctime = current_time();
	return done ? (long)done : (count ? -EFAULT : 0);
}

static int noop_fsync(struct file *file)
{
	(void)file;
	return 0;			/* RAM is the backing store */
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
	.llseek = generic_file_llseek,
	.fsync = noop_fsync,
};

struct super_block *ramfs_mount(void)
{
	struct super_block *sb = alloc_super("ramfs");
	struct inode *inode;

	if (!sb)
		return NULL;
	sb->s_magic = RAMFS_MAGIC;
	inode = ramfs_get_inode(sb, NULL, S_IFDIR | 0755);
	sb->s_root = inode ? d_make_root(inode) : NULL;
	if (!sb->s_root) {
		kfree(sb);
		return NULL;
	}
	return sb;
}

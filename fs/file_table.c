/*
 * struct file (Linux's fs/file_table.c): made by open, shared by dup and fork through
 * f_count, freed by the last fput(), which calls f_op->release and lets go of the
 * dentry (and so, perhaps, of an unlinked inode).
 *
 * Relies on: kmem_cache_*, dget/dput.
 */
#include <dcache.h>
#include <kernel.h>
#include <slab.h>
#include <uapi/fcntl.h>

static struct kmem_cache *filp_cachep;
long nr_files;

void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0, SLAB_PANIC, NULL);
}

struct file *alloc_file(struct dentry *dentry, unsigned int flags,
			const struct file_operations *fop)
{
	struct file *file;

	file = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);
	if (!file)
		return NULL;
	file->f_count = 1;
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	if (flags & O_PATH) {
		file->f_mode = FMODE_PATH;
	} else {
		/* O_RDONLY 0, O_WRONLY 1, O_RDWR 2 -> FMODE_READ / FMODE_WRITE bits */
		unsigned int acc = (flags + 1) & O_ACCMODE;

		file->f_mode = (acc & 1 ? FMODE_READ : 0) | (acc & 2 ? FMODE_WRITE : 0) |
			       FMODE_LSEEK | FMODE_PREAD;
	}
	file->f_op = fop;
	file->f_dentry = dget(dentry);
	file->f_inode = dentry->d_inode;
	nr_files++;
	return file;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

void fput(struct file *file)
{
	BUG_ON(file->f_count <= 0);
	if (--file->f_count)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	dput(file->f_dentry);
	kmem_cache_free(filp_cachep, file);
	nr_files--;
}

/*
 * Super blocks and the root file system (Linux's fs/super.c, init/do_mounts.c).
 *
 * At boot vfs_init() makes the caches, mounts a ramfs as "/" (root_sb) and unpacks the
 * initramfs modules into it. There are no other mounts yet (mount(2) and umount2 come
 * with tmpfs, proc and devtmpfs), so "/" is the only file system a path can reach; the
 * self-tests make private ramfs instances and tear them down with kill_litter_super().
 *
 * Anonymous device numbers are 0:N, as Linux's get_anon_bdev() hands them out.
 *
 * Relies on: dcache, inode, ramfs, fdtable, initramfs (fs/initramfs.c).
 */
#include <dcache.h>
#include <proc_fs.h>
#include <fdtable.h>
#include <kernel.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>

struct super_block *root_sb;
static unsigned int next_anon_dev = 16;	/* 0:12 is pipefs (fs/console.c) */

struct super_block *alloc_super(const char *type)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_dev = MKDEV(0, next_anon_dev++);
	sb->s_blocksize = PAGE_SIZE;
	sb->s_maxbytes = (loff_t)MAPPING_FANOUT * MAPPING_FANOUT * PAGE_SIZE;
	sb->s_type = type;
	return sb;
}

/*
 * Unlink everything below dentry, depth first without recursion: go down to a leaf,
 * delete it, climb back. The caller holds a reference to dentry itself.
 */
static void d_genocide(struct dentry *top)
{
	struct dentry *d = top;

	while (!list_empty(&top->d_subdirs)) {
		struct dentry *parent;

		while (!list_empty(&d->d_subdirs))
			d = list_first_entry(&d->d_subdirs, struct dentry, d_child);
		parent = d->d_parent;
		if (d->d_inode)
			d->d_inode->i_nlink = 0;
		d_delete(d);
		d = parent;
	}
}

void kill_litter_super(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	d_genocide(root);
	if (root_sb == sb)
		root_sb = NULL;
	dput(root);
	kfree(sb);
}

void vfs_init(void)
{
	dcache_init();
	inode_init();
	files_init();
	files_cache_init();
	console_init();
	root_sb = ramfs_mount();
	if (!root_sb)
		panic("VFS: cannot mount the root file system (ramfs)");
	pr_info("VFS: mounted root (ramfs filesystem) on device %u:%u\n",
		(unsigned int)MAJOR(root_sb->s_dev), (unsigned int)MINOR(root_sb->s_dev));
	/* The boot thread (the idle task) gets a root and cwd; every task inherits them. */
	if (copy_fs(0, current))
		panic("VFS: no memory for the boot task's fs_struct");
	proc_root_init();	/* /proc, before the initramfs so it cannot take the name */
	populate_rootfs();
}

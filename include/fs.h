/*
 * The virtual file system's objects, with Linux's names (include/linux/fs.h):
 *
 *	super_block	one mounted file system (its root dentry, device number, limits)
 *	inode		one file: type and mode, size, links, owner, times, operations and
 *			its pages (i_mapping, a placeholder for the page cache)
 *	dentry		one name in a directory (include/dcache.h), in the dentry cache
 *	file		one open file: position, flags, operations, reference count
 *
 * Reference counts: a file holds its dentry, a dentry its inode and its parent, an
 * fs_struct its root and pwd. The last iput() of an inode with no links left frees it
 * and its pages; that is how an unlinked file stays alive until its last close.
 *
 * The kernel is not preemptive and has one CPU (docs/concurrency.md): none of these
 * objects has a lock; nothing here sleeps between looking an object up and using it.
 */
#ifndef _FS_H
#define _FS_H

#include "types.h"
#include "list.h"
#include "cred.h"
#include "asm/page.h"

#ifdef HOST_TEST
#include <sys/types.h>		/* the host's loff_t and dev_t (tests/host/test_namei.c) */
#else
typedef long long loff_t;
typedef u32 dev_t;
#endif
typedef u16 umode_t;

#define MINORBITS	20
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))
#define MAJOR(dev)	((dev) >> MINORBITS)
#define MINOR(dev)	((dev) & ((1U << MINORBITS) - 1))
/* The i386 user encoding of a dev_t (new_encode_dev), as stat64's st_dev shows it. */
static inline u32 new_encode_dev(dev_t dev)
{
	return (MINOR(dev) & 0xff) | (MAJOR(dev) << 8) | ((MINOR(dev) & ~0xffU) << 12);
}

#define PATH_MAX	4096	/* with the NUL */
#define NAME_MAX	255
#define MAXSYMLINKS	40

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

struct inode;
struct dentry;
struct file;
struct super_block;
struct kstat;

/*
 * A file's pages: a two-level table, 1024 leaves of 1024 page pointers (4 GiB). A hole
 * is a NULL slot and reads as zeros. The page-cache issue turns this into Linux's
 * address_space with its xarray; the callers already go through i_mapping.
 */
#define MAPPING_FANOUT		(PAGE_SIZE / sizeof(void *))	/* 1024 on i386 */
struct address_space {
	struct inode *host;
	struct page ***root;		/* MAPPING_FANOUT leaves, allocated on first write */
	unsigned long nrpages;
};

struct inode_operations {
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*rename)(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
		      struct dentry *new, unsigned int flags);
	int (*setsize)(struct inode *inode, loff_t size);	/* truncate, extend */
};

/* The callbacks of readdir: actor returns false when the user buffer is full. */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name, int len, loff_t pos,
		      u64 ino, unsigned int d_type);
	loff_t pos;
};

struct file_operations {
	long (*read)(struct file *file, char *ubuf, size_t count, loff_t *pos);
	long (*write)(struct file *file, const char *ubuf, size_t count, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	int (*fsync)(struct file *file);
	void (*release)(struct inode *inode, struct file *file);
};

struct super_block {
	dev_t s_dev;
	unsigned long s_magic;
	unsigned long s_blocksize;
	loff_t s_maxbytes;
	struct dentry *s_root;
	unsigned long s_next_ino;	/* inode numbers, handed out in order */
	const char *s_type;		/* "ramfs", "pipefs" */
};

struct inode {
	umode_t i_mode;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev;
	loff_t i_size;
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned long i_ino;
	int i_count;			/* references: dentries, and nothing else yet */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	struct address_space i_data;
	struct address_space *i_mapping;	/* &i_data */
	char *i_link;			/* a symlink's target (kmalloc'ed) */
	void *i_private;
};

/* f_mode: what the open allows (Linux's FMODE_*). */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PATH	0x4000	/* O_PATH: only a place in the tree */

struct file {
	int f_count;
	unsigned int f_flags;		/* O_* as given to open (status flags may change) */
	unsigned int f_mode;		/* FMODE_* */
	loff_t f_pos;
	const struct file_operations *f_op;
	struct dentry *f_dentry;	/* f_path.dentry in Linux; no vfsmounts yet */
	struct inode *f_inode;
	void *private_data;
};

/* stat's answer before it is copied out in one of the user layouts. */
struct kstat {
	u64 ino;
	dev_t dev, rdev;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	u32 blksize;
	u64 blocks;
};

#define S_ISLNK(m)	(((m) & 0170000) == 0120000)
#define S_ISREG(m)	(((m) & 0170000) == 0100000)
#define S_ISDIR(m)	(((m) & 0170000) == 0040000)
#define S_ISCHR(m)	(((m) & 0170000) == 0020000)
#define S_ISBLK(m)	(((m) & 0170000) == 0060000)
#define S_ISFIFO(m)	(((m) & 0170000) == 0010000)
#define S_ISSOCK(m)	(((m) & 0170000) == 0140000)

/* Counters the leak check of kernel/run_elf.c and the self-tests compare. */
extern long nr_inodes, nr_dentries, nr_files;

/* fs/inode.c */
void inode_init(void);
struct inode *new_inode(struct super_block *sb);
struct inode *igrab(struct inode *inode);
void iput(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
struct timespec64 current_time(void);
int inode_permission(struct inode *inode, int mask);	/* MAY_*; 0 or -EACCES */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4
void generic_fillattr(struct inode *inode, struct kstat *stat);
/* The file's pages (fs/inode.c): the page at index, allocating it if create. */
struct page *mapping_get_page(struct address_space *mapping, unsigned long index, bool create);
void truncate_inode_pages(struct address_space *mapping, loff_t from);

/* fs/file_table.c */
void files_init(void);
struct file *alloc_file(struct dentry *dentry, unsigned int flags,
			const struct file_operations *fop);
struct file *get_file(struct file *file);
void fput(struct file *file);

/* fs/super.c: the root file system, mounted at boot (kernel/main.c calls vfs_init). */
void vfs_init(void);
extern struct super_block *root_sb;
struct super_block *alloc_super(const char *type);
void kill_litter_super(struct super_block *sb);	/* every dentry of it, and sb */

/* fs/ramfs/inode.c */
struct super_block *ramfs_mount(void);
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode);

/* fs/read_write.c */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);

/* fs/console.c: descriptors 0-2 of a program (the console, shown as pipes) */
void console_init(void);
struct file *console_file(unsigned int fd);
void console_output(unsigned int fd, const char *buf, size_t len);

/* fs/initramfs.c: unpack Multiboot modules that are cpio archives into the root. */
bool is_initramfs(const void *data, size_t len);
int unpack_to_rootfs(const void *data, size_t len);
void populate_rootfs(void);

/* Is fd open in the current process (fs/file.c)? */
bool fd_is_open(unsigned long fd);

#endif /* _FS_H */

/*
 * Dentries and the dentry cache (Linux's include/linux/dcache.h, fs/dcache.c).
 *
 * A dentry is a name in a directory. Every dentry of a ram file system is in the cache:
 * the cache is the directory (as Linux's ramfs, whose lookup only says "no such name"),
 * so it holds one reference of its own on each linked dentry ("pinned"), which
 * d_delete() drops at unlink. The hash table is keyed by (parent, name).
 *
 * d_count counts the pin, each child (through d_parent), each file, each fs_struct
 * root or pwd and each lookup in progress. The last dput() frees the dentry, drops its
 * inode (iput) and its parent.
 */
#ifndef _DCACHE_H
#define _DCACHE_H

#include "fs.h"

struct qstr {
	const char *name;
	u32 len;
	u32 hash;
};

#define DNAME_INLINE_LEN	32

#define DCACHE_HASHED		0x1	/* in the hash table and on the parent's list */

struct dentry {
	int d_count;
	unsigned int d_flags;
	struct dentry *d_parent;	/* itself for a root */
	struct qstr d_name;
	struct inode *d_inode;		/* NULL: negative (only while being created) */
	struct super_block *d_sb;
	struct list_head d_hash;	/* dentry_hashtable bucket */
	struct list_head d_child;	/* on d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children, in creation order */
	char d_iname[DNAME_INLINE_LEN];
};

static inline bool d_unhashed(const struct dentry *dentry)
{
	return !(dentry->d_flags & DCACHE_HASHED);
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry->d_parent == dentry;
}

u32 full_name_hash(const struct dentry *parent, const char *name, unsigned int len);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_make_root(struct inode *inode);
/* Give dentry its inode and put it in the cache, pinned (the reference is taken). */
void d_instantiate(struct dentry *dentry, struct inode *inode);
/* The linked child of parent called name, with a reference, or NULL. */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
/* Unlink: out of the cache and the parent's list; the pin is dropped. */
void d_delete(struct dentry *dentry);
/* Rename: dentry gets target's parent and name (target must be unhashed already). */
int d_move(struct dentry *dentry, struct dentry *new_parent, const struct qstr *name);
bool d_is_ancestor(const struct dentry *ancestor, const struct dentry *dentry);
void dcache_init(void);

#endif /* _DCACHE_H */

/*
 * The dentry cache (Linux's fs/dcache.c): dentries, their hash table and their
 * reference counts. See include/dcache.h for the rules.
 *
 * The hash of a name mixes in its parent's address, so one table serves every
 * directory. A ram file system keeps every linked name here (pinned), so d_lookup()
 * missing means the name does not exist.
 *
 * Relies on: kmem_cache_*, kmalloc for names longer than DNAME_INLINE_LEN - 1, iput.
 */
#include <dcache.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>
#include <uapi/errno.h>

#define D_HASHBITS	8
#define D_HASHSIZE	(1U << D_HASHBITS)

static struct list_head dentry_hashtable[D_HASHSIZE];
static struct kmem_cache *dentry_cache;
long nr_dentries;

u32 full_name_hash(const struct dentry *parent, const char *name, unsigned int len)
{
	u32 hash = (u32)(unsigned long)parent * 0x9e370001U;
	unsigned int i;

	for (i = 0; i < len; i++)
		hash = (hash + (u8)name[i]) * 0x01000193U;	/* FNV-style */
	return hash ^ (hash >> 16);
}

static struct list_head *d_hash(u32 hash)
{
	return &dentry_hashtable[hash & (D_HASHSIZE - 1)];
}

/* Copy name into dentry (inline or kmalloc'ed); 0 or -ENOMEM. */
static int d_set_name(struct dentry *dentry, const struct dentry *parent, const struct qstr *name)
{
	char *s = dentry->d_iname;

	if (name->len >= DNAME_INLINE_LEN) {
		s = kmalloc(name->len + 1, GFP_KERNEL);
		if (!s)
			return -ENOMEM;
	}
	memcpy(s, name->name, name->len);
	s[name->len] = 0;
	dentry->d_name.name = s;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = full_name_hash(parent, s, name->len);
	return 0;
}

static void d_free_name(struct dentry *dentry)
{
	if (dentry->d_name.name != dentry->d_iname)
		kfree((void *)dentry->d_name.name);
}

static struct dentry *__d_alloc(struct super_block *sb)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);

	if (!dentry)
		return NULL;
	dentry->d_count = 1;
	dentry->d_sb = sb;
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	nr_dentries++;
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb);

	if (!dentry)
		return NULL;
	if (d_set_name(dentry, parent, name)) {
		kmem_cache_free(dentry_cache, dentry);
		nr_dentries--;
		return NULL;
	}
	dentry->d_parent = dget(parent);
	return dentry;
}

struct dentry *d_make_root(struct inode *inode)
{
	static const struct qstr slash = { .name = "/", .len = 1 };
	struct dentry *dentry = __d_alloc(inode->i_sb);

	if (!dentry) {
		iput(inode);
		return NULL;
	}
	d_set_name(dentry, NULL, &slash);	/* inline: cannot fail */
	dentry->d_parent = dentry;
	dentry->d_inode = inode;
	return dentry;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	struct dentry *parent = dentry->d_parent;

	dentry->d_inode = inode;
	dentry->d_flags |= DCACHE_HASHED;
	list_add_tail(&dentry->d_hash, d_hash(dentry->d_name.hash));
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	dget(dentry);				/* the cache's pin */
}

struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	u32 hash = full_name_hash(parent, name->name, name->len);
	struct dentry *dentry;

	list_for_each_entry(dentry, d_hash(hash), d_hash) {
		if (dentry->d_name.hash != hash || dentry->d_parent != parent ||
		    dentry->d_name.len != name->len ||
		    memcmp(dentry->d_name.name, name->name, name->len))
			continue;
		return dget(dentry);
	}
	return NULL;
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		dentry->d_count++;
	return dentry;
}

/* Iterative up the tree: a deep chain of unlinked directories must not recurse. */
void dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent = dentry->d_parent;

		BUG_ON(dentry->d_count <= 0);
		if (--dentry->d_count)
			return;
		BUG_ON(!d_unhashed(dentry) || !list_empty(&dentry->d_subdirs));
		if (dentry->d_inode)
			iput(dentry->d_inode);
		d_free_name(dentry);
		kmem_cache_free(dentry_cache, dentry);
		nr_dentries--;
		dentry = parent == dentry ? NULL : parent;
	}
}

void d_delete(struct dentry *dentry)
{
	if (d_unhashed(dentry))
		return;
	dentry->d_flags &= ~DCACHE_HASHED;
	list_del_init(&dentry->d_hash);
	list_del_init(&dentry->d_child);
	dput(dentry);				/* the pin */
}

int d_move(struct dentry *dentry, struct dentry *new_parent, const struct qstr *name)
{
	struct dentry *old_parent = dentry->d_parent;
	struct dentry tmp;

	/* The new name first: if it cannot be had, nothing has changed. */
	if (d_set_name(&tmp, new_parent, name))
		return -ENOMEM;
	d_free_name(dentry);
	if (tmp.d_name.name == tmp.d_iname) {
		memcpy(dentry->d_iname, tmp.d_iname, DNAME_INLINE_LEN);
		tmp.d_name.name = dentry->d_iname;
	}
	dentry->d_name = tmp.d_name;
	list_del(&dentry->d_hash);
	list_add_tail(&dentry->d_hash, d_hash(dentry->d_name.hash));
	list_del(&dentry->d_child);
	list_add_tail(&dentry->d_child, &new_parent->d_subdirs);
	if (old_parent != new_parent) {
		dentry->d_parent = dget(new_parent);
		dput(old_parent);
	}
	return 0;
}

bool d_is_ancestor(const struct dentry *ancestor, const struct dentry *dentry)
{
	for (;;) {
		if (dentry == ancestor)
			return true;
		if (IS_ROOT(dentry))
			return false;
		dentry = dentry->d_parent;
	}
}

void dcache_init(void)
{
	unsigned int i;

	for (i = 0; i < D_HASHSIZE; i++)
		INIT_LIST_HEAD(&dentry_hashtable[i]);
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0, SLAB_PANIC, NULL);
}

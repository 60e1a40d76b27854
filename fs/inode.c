/*
 * Inodes (Linux's fs/inode.c, with the permission check of fs/namei.c and the
 * attribute copy of fs/stat.c), and the page table of a file's contents.
 *
 * An inode lives while something refers to it (i_count: its dentries, chiefly). The
 * last iput() frees it, its pages and its symlink target; ram file systems keep a
 * dentry for every link, so a file with links is never freed by accident, and one
 * without (unlinked, still open) is freed when the last file on it is closed.
 *
 * File pages: i_mapping->root is a page of MAPPING_FANOUT pointers to leaves, each a
 * page of MAPPING_FANOUT page pointers. Absent leaves and pages are holes.
 *
 * Relies on: kmem_cache_*, alloc_page, ktime_get_real_ns, current's cred.
 */
#include <fs.h>
#include <gfp.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <timekeeping.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

static struct kmem_cache *inode_cachep;
long nr_inodes;

struct timespec64 current_time(void)
{
	u64 ns = ktime_get_real_ns();
	struct timespec64 ts;

	ts.tv_sec = ns / 1000000000ULL;
	ts.tv_nsec = ns % 1000000000ULL;
	return ts;
}

void inode_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 0, SLAB_PANIC,
					 NULL);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_count = 1;
	inode->i_nlink = 1;
	inode->i_ino = ++sb->s_next_ino;
	inode->i_data.host = inode;
	inode->i_mapping = &inode->i_data;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	nr_inodes++;
	return inode;
}

struct inode *igrab(struct inode *inode)
{
	inode->i_count++;
	return inode;
}

void iput(struct inode *inode)
{
	if (!inode)
		return;
	BUG_ON(inode->i_count <= 0);
	if (--inode->i_count)
		return;
	truncate_inode_pages(inode->i_mapping, 0);
	kfree(inode->i_link);
	kmem_cache_free(inode_cachep, inode);
	nr_inodes--;
}

/* Owner from the caller's fsuid; the group from the directory when it is setgid. */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current->cred.fsuid;
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	} else {
		inode->i_gid = current->cred.fsgid;
	}
	inode->i_mode = mode;
}

static bool in_group_p(gid_t gid)
{
	const struct cred *cred = &current->cred;
	unsigned int i;

	if (gid == cred->fsgid)
		return true;
	for (i = 0; i < cred_ngroups(cred); i++)
		if (cred->group_info->gid[i] == gid)
			return true;
	return false;
}

/*
 * Linux's generic_permission(): owner, group or other bits; root (CAP_DAC_OVERRIDE)
 * may read and write anything and execute what has an execute bit or is a directory.
 */
int inode_permission(struct inode *inode, int mask)
{
	umode_t mode = inode->i_mode;
	const struct cred *cred = &current->cred;

	if (cred->fsuid == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	if ((mask & ~mode & 7) == 0)
		return 0;
	if (cred_capable(cred)) {
		if (!(mask & MAY_EXEC) || S_ISDIR(inode->i_mode) || (inode->i_mode & 0111))
			return 0;
	}
	return -EACCES;
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->ino = inode->i_ino;
	stat->dev = inode->i_sb->s_dev;
	stat->rdev = inode->i_rdev;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	stat->blocks = (u64)inode->i_mapping->nrpages << (PAGE_SHIFT - 9);
}

struct page *mapping_get_page(struct address_space *mapping, unsigned long index, bool create)
{
	unsigned long hi = index / MAPPING_FANOUT, lo = index % MAPPING_FANOUT;
	struct page **leaf;
	struct page *page;

	if (hi >= MAPPING_FANOUT)
		return NULL;
	if (!mapping->root) {
		if (!create)
			return NULL;
		mapping->root = (struct page ***)get_zeroed_page(GFP_KERNEL);
		if (!mapping->root)
			return NULL;
	}
	leaf = mapping->root[hi];
	if (!leaf) {
		if (!create)
			return NULL;
		leaf = (struct page **)get_zeroed_page(GFP_KERNEL);
		if (!leaf)
			return NULL;
		mapping->root[hi] = leaf;
	}
	page = leaf[lo];
	if (!page && create) {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return NULL;
		leaf[lo] = page;
		mapping->nrpages++;
	}
	return page;
}

/*
 * Free every page from byte from on and zero the tail of the page that holds from;
 * leaves left empty go too, and the root with the last of them.
 */
void truncate_inode_pages(struct address_space *mapping, loff_t from)
{
	unsigned long first = (from + PAGE_SIZE - 1) >> PAGE_SHIFT, hi, lo;
	bool empty_root = true;

	if (!mapping->root)
		return;
	if (from & ~PAGE_MASK) {
		struct page *page = mapping_get_page(mapping, from >> PAGE_SHIFT, false);

		if (page)
			memset((char *)page_address(page) + (from & ~PAGE_MASK), 0,
			       PAGE_SIZE - (from & ~PAGE_MASK));
	}
	for (hi = 0; hi < MAPPING_FANOUT; hi++) {
		struct page **leaf = mapping->root[hi];
		bool empty_leaf = true;

		if (!leaf)
			continue;
		for (lo = 0; lo < MAPPING_FANOUT; lo++) {
			if (!leaf[lo])
				continue;
			if (hi * MAPPING_FANOUT + lo < first) {
				empty_leaf = false;
				continue;
			}
			__free_page(leaf[lo]);
			leaf[lo] = NULL;
			mapping->nrpages--;
		}
		if (empty_leaf) {
			free_page((unsigned long)leaf);
			mapping->root[hi] = NULL;
		} else {
			empty_root = false;
		}
	}
	if (empty_root) {
		free_page((unsigned long)mapping->root);
		mapping->root = NULL;
	}
}

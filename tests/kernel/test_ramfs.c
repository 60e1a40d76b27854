/*
 * Self-tests of ramfs (fs/ramfs/inode.c), the file page table (fs/inode.c) and the
 * initramfs (fs/initramfs.c): pages are ordinary pages, counted out and back;
 * truncation frees what lies past the end and zeroes the tail of the last page;
 * timestamps come from the clock; a cpio archive unpacks into directories, files and
 * symlinks, and a damaged one is refused whole with its offset named.
 *
 * Each test works in a private ramfs made the current task's root (as in test_vfs.c)
 * and checks that every inode, dentry, page and slab object comes back.
 */
#include <ktest.h>
#include <dcache.h>
#include <err.h>
#include <fdtable.h>
#include <mm.h>
#include <namei.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

struct ramfs_env {
	struct super_block *sb;
	struct dentry *old_root, *old_pwd;
	unsigned long pages, objs;
	long inodes, dentries;
	char buf[64];
};

static void renv_begin(struct ramfs_env *env)
{
	struct fs_struct *fs = current->fs;

	env->pages = nr_free_pages() + nr_slab_pages();
	env->objs = nr_slab_objects();
	env->inodes = nr_inodes;
	env->dentries = nr_dentries;
	env->sb = ramfs_mount();
	env->old_root = fs->root;
	env->old_pwd = fs->pwd;
	fs->root = dget(env->sb->s_root);
	fs->pwd = dget(env->sb->s_root);
}

static void renv_end(struct ramfs_env *env)
{
	struct fs_struct *fs = current->fs;

	dput(fs->root);
	dput(fs->pwd);
	fs->root = env->old_root;
	fs->pwd = env->old_pwd;
	kill_litter_super(env->sb);
	KTEST_EXPECT_EQ(nr_inodes, env->inodes);
	KTEST_EXPECT_EQ(nr_dentries, env->dentries);
	KTEST_EXPECT_EQ(nr_free_pages() + nr_slab_pages(), env->pages);
	KTEST_EXPECT_EQ(nr_slab_objects(), env->objs);
}

static struct inode *rlookup(struct ramfs_env *env, const char *path)
{
	struct dentry *d;
	struct inode *inode;

	strlcpy(env->buf, path, sizeof(env->buf));
	if (filename_lookup(AT_FDCWD, env->buf, 0, &d))
		return NULL;
	inode = d->d_inode;
	dput(d);		/* the cache keeps it */
	return inode;
}

KTEST(ramfs, pages_are_counted_out_and_truncate_gives_them_back)
{
	struct ramfs_env env;
	struct file *file;
	struct inode *inode;
	struct page *page;
	unsigned long free_before;

	renv_begin(&env);
	strlcpy(env.buf, "f", sizeof(env.buf));
	file = do_filp_open(AT_FDCWD, env.buf, O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_FALSE(IS_ERR(file));
	inode = file->f_inode;
	free_before = nr_free_pages();
	page = mapping_get_page(inode->i_mapping, 0, true);
	KTEST_ASSERT_NOT_NULL(page);
	memset(page_address(page), 'x', PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(mapping_get_page(inode->i_mapping, 2000, true));	/* second leaf */
	inode->i_size = 2001 * PAGE_SIZE;
	KTEST_EXPECT_EQ(inode->i_mapping->nrpages, 2ul);
	/* two data pages, the root and two leaves */
	KTEST_EXPECT_EQ(free_before - nr_free_pages(), 5ul);
	KTEST_ASSERT_EQ(inode->i_op->setsize(inode, 100), 0);
	KTEST_EXPECT_EQ(inode->i_mapping->nrpages, 1ul);
	KTEST_EXPECT_EQ(free_before - nr_free_pages(), 3ul);	/* page 0, root, first leaf */
	KTEST_EXPECT_EQ(((char *)page_address(page))[99], 'x');
	KTEST_EXPECT_EQ(((char *)page_address(page))[100], 0);	/* the tail is zeroed */
	KTEST_EXPECT_EQ(((char *)page_address(page))[PAGE_SIZE - 1], 0);
	KTEST_ASSERT_EQ(inode->i_op->setsize(inode, 0), 0);
	KTEST_EXPECT_EQ(nr_free_pages(), free_before);
	KTEST_EXPECT_NULL(inode->i_mapping->root);
	fput(file);
	renv_end(&env);
}

KTEST(ramfs, timestamps_come_from_the_clock_and_change_with_the_directory)
{
	struct ramfs_env env;
	struct inode *root, *f;
	s64 before;

	renv_begin(&env);
	root = env.sb->s_root->d_inode;
	before = root->i_mtime.tv_sec;
	KTEST_EXPECT_GT(before, 1600000000);		/* 2020: a real clock, not 0 */
	strlcpy(env.buf, "d", sizeof(env.buf));
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, env.buf, 0700), 0);
	f = rlookup(&env, "d");
	KTEST_ASSERT_NOT_NULL(f);
	KTEST_EXPECT_EQ(f->i_mode, (umode_t)(S_IFDIR | 0700));
	KTEST_EXPECT_GE(f->i_ctime.tv_sec, before);
	KTEST_EXPECT_GE(root->i_mtime.tv_sec, before);
	KTEST_EXPECT_EQ(root->i_nlink, 3u);
	renv_end(&env);
}

/* A newc entry, as cpio -H newc writes it. */
static size_t cpio_add(char *arc, size_t len, const char *name, unsigned int mode,
		       const char *data, size_t size)
{
	size_t nlen = strlen(name) + 1;

	len += snprintf(arc + len, 111, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X"
			"%08X%08X", 1u, mode, 0u, 0u, 1u, 1500000000u, (unsigned int)size, 0u,
			0u, 0u, 0u, (unsigned int)nlen, 0u);
	memcpy(arc + len, name, nlen);
	len += nlen;
	while (len & 3)
		arc[len++] = 0;
	memcpy(arc + len, data, size);
	len += size;
	while (len & 3)
		arc[len++] = 0;
	return len;
}

KTEST(ramfs, initramfs_unpacks_directories_files_and_symlinks)
{
	struct ramfs_env env;
	struct inode *inode;
	struct page *page;
	char *arc = kzalloc(2048, GFP_KERNEL);
	size_t len = 0;

	KTEST_ASSERT_NOT_NULL(arc);
	renv_begin(&env);
	len = cpio_add(arc, len, ".", 040755, "", 0);
	len = cpio_add(arc, len, "bin", 040711, "", 0);
	len = cpio_add(arc, len, "bin/hello", 0100755, "hi there\n", 9);
	len = cpio_add(arc, len, "bin/sh", 0120777, "hello", 5);
	len = cpio_add(arc, len, "dev/null", 020666, "", 0);		/* skipped: no devices */
	len = cpio_add(arc, len, "TRAILER!!!", 0, "", 0);
	KTEST_EXPECT_TRUE(is_initramfs(arc, len));
	ktest_capture_start();
	KTEST_EXPECT_EQ(unpack_to_rootfs(arc, len), 0);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("dev/null: device node skipped");
	inode = rlookup(&env, "bin");
	KTEST_ASSERT_NOT_NULL(inode);
	KTEST_EXPECT_EQ(inode->i_mode, (umode_t)(S_IFDIR | 0711));
	inode = rlookup(&env, "bin/hello");
	KTEST_ASSERT_NOT_NULL(inode);
	KTEST_EXPECT_EQ(inode->i_mode, (umode_t)(S_IFREG | 0755));
	KTEST_EXPECT_EQ(inode->i_size, 9);
	KTEST_EXPECT_EQ(inode->i_mtime.tv_sec, 1500000000);
	page = mapping_get_page(inode->i_mapping, 0, false);
	KTEST_ASSERT_NOT_NULL(page);
	KTEST_EXPECT_EQ(memcmp(page_address(page), "hi there\n", 9), 0);
	inode = rlookup(&env, "bin/sh");
	KTEST_ASSERT_NOT_NULL(inode);
	KTEST_EXPECT_TRUE(S_ISLNK(inode->i_mode));
	KTEST_EXPECT_STREQ(inode->i_link, "hello");
	renv_end(&env);
	kfree(arc);
}

KTEST(ramfs, damaged_initramfs_is_refused_whole_with_its_offset)
{
	struct ramfs_env env;
	char *arc = kzalloc(1024, GFP_KERNEL);
	size_t len = 0, second;
	char where[32];

	KTEST_ASSERT_NOT_NULL(arc);
	renv_begin(&env);
	len = cpio_add(arc, len, "a", 040755, "", 0);
	second = len;
	len = cpio_add(arc, len, "a/f", 0100644, "data", 4);
	len = cpio_add(arc, len, "TRAILER!!!", 0, "", 0);
	arc[second + 2] = 'X';				/* bad magic in the second entry */
	ktest_capture_start();
	KTEST_EXPECT_EQ(unpack_to_rootfs(arc, len), -EINVAL);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("bad magic");
	snprintf(where, sizeof(where), "at offset %zu ", second);
	KTEST_EXPECT_TRUE(ktest_capture_contains(where));
	KTEST_EXPECT_NULL(rlookup(&env, "a"));		/* nothing of it was made */
	arc[second + 2] = '0';
	ktest_capture_start();
	KTEST_EXPECT_EQ(unpack_to_rootfs(arc, second + 112), -EINVAL);	/* name cut off */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("name runs past the end");
	ktest_capture_start();
	KTEST_EXPECT_EQ(unpack_to_rootfs(arc, second + 50), -EINVAL);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("truncated header");
	KTEST_EXPECT_NULL(rlookup(&env, "a"));
	renv_end(&env);
	kfree(arc);
}

/*
 * Self-tests of the VFS core: the dentry cache, path lookup (fs/namei.c), the
 * descriptor table (fs/file.c) and the reference counts that keep an unlinked open
 * file alive. Each test works in a private ramfs (its own super_block) that it makes
 * the current task's root and cwd for the duration, then tears down with
 * kill_litter_super(); the inode, dentry, file, page and slab counts must come back.
 *
 * The calls are the kernel's own (do_mkdirat, filename_lookup, ...) with kernel
 * strings; the user-facing side (copying paths in, errnos, Linux's answers) is tested
 * by tests/linux-abi/fs_semantics.
 */
#include <ktest.h>
#include <dcache.h>
#include <err.h>
#include <fdtable.h>
#include <mm.h>
#include <namei.h>
#include <resource.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uapi/fcntl.h>
#include <uapi/resource.h>
#include <uapi/stat.h>

struct vfs_env {
	struct super_block *sb;
	struct dentry *old_root, *old_pwd;
	unsigned long pages, objs;
	long inodes, dentries, files;
	char *buf, *buf2;
};

static void env_begin(struct vfs_env *env)
{
	struct fs_struct *fs = current->fs;

	env->pages = nr_free_pages() + nr_slab_pages();
	env->objs = nr_slab_objects();
	env->inodes = nr_inodes;
	env->dentries = nr_dentries;
	env->files = nr_files;
	env->sb = ramfs_mount();
	env->buf = kmalloc(PATH_MAX, GFP_KERNEL);
	env->buf2 = kmalloc(PATH_MAX, GFP_KERNEL);
	env->old_root = fs->root;
	env->old_pwd = fs->pwd;
	fs->root = dget(env->sb->s_root);
	fs->pwd = dget(env->sb->s_root);
}

static void env_end(struct vfs_env *env)
{
	struct fs_struct *fs = current->fs;

	dput(fs->root);
	dput(fs->pwd);
	fs->root = env->old_root;
	fs->pwd = env->old_pwd;
	kill_litter_super(env->sb);
	kfree(env->buf);
	kfree(env->buf2);
	KTEST_EXPECT_EQ(nr_inodes, env->inodes);
	KTEST_EXPECT_EQ(nr_dentries, env->dentries);
	KTEST_EXPECT_EQ(nr_files, env->files);
	KTEST_EXPECT_EQ(nr_free_pages() + nr_slab_pages(), env->pages);
	KTEST_EXPECT_EQ(nr_slab_objects(), env->objs);
}

/* The kernel calls take a scratch copy of the name (they may rewrite it). */
static const char *name(struct vfs_env *env, const char *path)
{
	strlcpy(env->buf, path, PATH_MAX);
	return env->buf;
}

#define N(path)	((char *)name(&env, path))
/* A second name for the calls that take two. */
#define N2(path) ((char *)strcpy_into(env.buf2, path))

static char *strcpy_into(char *buf, const char *path)
{
	strlcpy(buf, path, PATH_MAX);
	return buf;
}

static int lookup(struct vfs_env *env, const char *path, unsigned int flags,
		  struct dentry **res)
{
	return filename_lookup(AT_FDCWD, (char *)name(env, path), flags, res);
}

static long mkfile(struct vfs_env *env, const char *path)
{
	struct file *file = do_filp_open(AT_FDCWD, (char *)name(env, path),
					 O_CREAT | O_EXCL | O_WRONLY, 0644);

	if (IS_ERR(file))
		return PTR_ERR(file);
	fput(file);
	return 0;
}

KTEST(vfs, dcache_finds_names_by_parent_and_forgets_them_at_unlink)
{
	struct vfs_env env;
	struct qstr a = { .name = "a", .len = 1 };
	struct dentry *d, *e;

	env_begin(&env);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("/a"), 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("/a/a"), 0755), 0);
	d = d_lookup(env.sb->s_root, &a);
	KTEST_ASSERT_NOT_NULL(d);
	e = d_lookup(d, &a);			/* same name, other parent: another dentry */
	KTEST_ASSERT_NOT_NULL(e);
	KTEST_EXPECT_TRUE(d != e);
	KTEST_EXPECT_TRUE(e->d_parent == d);
	KTEST_EXPECT_EQ(d->d_inode->i_nlink, 3u);	/* ".", its name, and a/a's ".." */
	KTEST_EXPECT_EQ(do_rmdir(AT_FDCWD, N("/a")), -ENOTEMPTY);
	KTEST_EXPECT_EQ(do_rmdir(AT_FDCWD, N("/a/a")), 0);
	KTEST_EXPECT_EQ(e->d_inode->i_nlink, 0u);	/* dead: takes no new names */
	KTEST_EXPECT_TRUE(d_unhashed(e));
	dput(e);
	KTEST_EXPECT_NULL(d_lookup(d, &a));
	KTEST_EXPECT_EQ(d->d_inode->i_nlink, 2u);
	dput(d);
	env_end(&env);
}

KTEST(vfs, path_walk_dots_slashes_symlinks_and_limits)
{
	struct vfs_env env;
	struct dentry *d, *c;
	char *longname;
	int i;

	env_begin(&env);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("a"), 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("a/b"), 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("a/b/c"), 0755), 0);
	KTEST_ASSERT_EQ(mkfile(&env, "a/f"), 0);
	KTEST_ASSERT_EQ(lookup(&env, "a/b/c", 0, &c), 0);
	KTEST_ASSERT_EQ(lookup(&env, "//a/./b/../b//c/", 0, &d), 0);
	KTEST_EXPECT_TRUE(d == c);
	dput(d);
	KTEST_ASSERT_EQ(lookup(&env, "/../../a/b/c", 0, &d), 0);	/* ".." at the root */
	KTEST_EXPECT_TRUE(d == c);
	dput(d);
	/* symlinks: relative to their directory, absolute from the root, nested */
	KTEST_ASSERT_EQ(do_symlinkat("b/c", AT_FDCWD, N("a/l1")), 0);
	KTEST_ASSERT_EQ(do_symlinkat("/a/l1", AT_FDCWD, N("l2")), 0);
	KTEST_ASSERT_EQ(lookup(&env, "l2", LOOKUP_FOLLOW, &d), 0);
	KTEST_EXPECT_TRUE(d == c);
	dput(d);
	KTEST_ASSERT_EQ(lookup(&env, "l2", 0, &d), 0);		/* the link itself */
	KTEST_EXPECT_TRUE(S_ISLNK(d->d_inode->i_mode));
	dput(d);
	KTEST_ASSERT_EQ(lookup(&env, "l2/..", 0, &d), 0);	/* through it: c's parent */
	KTEST_EXPECT_TRUE(d == c->d_parent);
	dput(d);
	dput(c);
	/* a loop, and a chain of 40 (allowed) and 41 (ELOOP) links */
	KTEST_ASSERT_EQ(do_symlinkat("y", AT_FDCWD, N("x")), 0);
	KTEST_ASSERT_EQ(do_symlinkat("x", AT_FDCWD, N("y")), 0);
	KTEST_EXPECT_EQ(lookup(&env, "x", LOOKUP_FOLLOW, &d), -ELOOP);
	KTEST_EXPECT_EQ(lookup(&env, "x/z", 0, &d), -ELOOP);
	KTEST_ASSERT_EQ(do_symlinkat("a", AT_FDCWD, N("s0")), 0);
	for (i = 1; i <= 40; i++) {
		char target[8], link[8];

		snprintf(target, sizeof(target), "s%d", i - 1);
		snprintf(link, sizeof(link), "s%d", i);
		KTEST_ASSERT_EQ(do_symlinkat(target, AT_FDCWD, N(link)), 0);
	}
	i = lookup(&env, "s39", LOOKUP_FOLLOW, &d);		/* 40 links */
	KTEST_EXPECT_EQ(i, 0);
	if (!i)
		dput(d);
	KTEST_EXPECT_EQ(lookup(&env, "s40", LOOKUP_FOLLOW, &d), -ELOOP);	/* 41 */
	/* errors of the walk */
	KTEST_EXPECT_EQ(lookup(&env, "a/f/x", 0, &d), -ENOTDIR);
	KTEST_EXPECT_EQ(lookup(&env, "a/f/", 0, &d), -ENOTDIR);
	KTEST_EXPECT_EQ(lookup(&env, "a/nope", 0, &d), -ENOENT);
	KTEST_EXPECT_EQ(lookup(&env, "a/f", LOOKUP_DIRECTORY, &d), -ENOTDIR);
	longname = kmalloc(300, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(longname);
	memset(longname, 'n', 299);
	longname[256] = 0;
	KTEST_EXPECT_EQ(lookup(&env, longname, 0, &d), -ENAMETOOLONG);	/* 256 bytes */
	longname[255] = 0;
	KTEST_EXPECT_EQ(lookup(&env, longname, 0, &d), -ENOENT);	/* 255: fine */
	kfree(longname);
	env_end(&env);
}

KTEST(vfs, unlinked_open_file_lives_until_the_last_fput)
{
	struct vfs_env env;
	struct file *file;
	struct inode *inode;
	long inodes;

	env_begin(&env);
	file = do_filp_open(AT_FDCWD, N("f"), O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT_FALSE(IS_ERR(file));
	inode = file->f_inode;
	KTEST_ASSERT_NOT_NULL(mapping_get_page(inode->i_mapping, 3, true));	/* a page, with a hole before */
	KTEST_EXPECT_EQ(inode->i_mapping->nrpages, 1ul);
	KTEST_EXPECT_NULL(mapping_get_page(inode->i_mapping, 0, false));	/* the hole */
	inodes = nr_inodes;
	KTEST_EXPECT_EQ(do_unlinkat(AT_FDCWD, N("f")), 0);
	KTEST_EXPECT_EQ(inode->i_nlink, 0u);
	KTEST_EXPECT_EQ(nr_inodes, inodes);		/* still open: still there */
	fput(file);
	KTEST_EXPECT_EQ(nr_inodes, inodes - 1);		/* the last close freed it */
	env_end(&env);
}

KTEST(vfs, rename_moves_names_and_keeps_link_counts)
{
	struct vfs_env env;
	struct dentry *d;

	env_begin(&env);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("a"), 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("b"), 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, N("a/d"), 0755), 0);
	KTEST_ASSERT_EQ(mkfile(&env, "a/f"), 0);
	KTEST_EXPECT_EQ(do_renameat2(AT_FDCWD, N("a/d"), AT_FDCWD, N2("b/d2"), 0), 0);
	KTEST_ASSERT_EQ(lookup(&env, "a", 0, &d), 0);
	KTEST_EXPECT_EQ(d->d_inode->i_nlink, 2u);
	dput(d);
	KTEST_ASSERT_EQ(lookup(&env, "b", 0, &d), 0);
	KTEST_EXPECT_EQ(d->d_inode->i_nlink, 3u);
	dput(d);
	KTEST_ASSERT_EQ(lookup(&env, "b/d2/..", 0, &d), 0);	/* its ".." moved too */
	KTEST_EXPECT_STREQ(d->d_name.name, "b");
	dput(d);
	KTEST_EXPECT_EQ(do_renameat2(AT_FDCWD, N("b"), AT_FDCWD, N2("b/d2/x"), 0), -EINVAL);
	KTEST_EXPECT_EQ(do_renameat2(AT_FDCWD, N("a/f"), AT_FDCWD, N2("b/d2"), 0), -EISDIR);
	KTEST_EXPECT_EQ(do_renameat2(AT_FDCWD, N("a/f"), AT_FDCWD, N2("a/g"), RENAME_NOREPLACE), 0);
	KTEST_EXPECT_EQ(mkfile(&env, "a/f"), 0);
	KTEST_EXPECT_EQ(do_renameat2(AT_FDCWD, N("a/f"), AT_FDCWD, N2("a/g"), RENAME_NOREPLACE),
			-EEXIST);
	KTEST_EXPECT_EQ(do_renameat2(AT_FDCWD, N("a/f"), AT_FDCWD, N2("a/g"), RENAME_EXCHANGE),
			-EINVAL);
	KTEST_EXPECT_EQ(do_renameat2(AT_FDCWD, N("a/f"), AT_FDCWD, N2("a/g"), 0), 0);
	KTEST_EXPECT_EQ(lookup(&env, "a/f", 0, &d), -ENOENT);
	env_end(&env);
}

KTEST(vfs, descriptors_lowest_first_emfile_at_the_limit_and_cloexec)
{
	struct vfs_env env;
	struct rlimit *lim = &current->signal->rlim[RLIMIT_NOFILE];
	unsigned long saved = lim->rlim_cur;
	struct file *file;
	int fds[8], i, fd;

	env_begin(&env);
	file = do_filp_open(AT_FDCWD, N("/"), O_RDONLY, 0);
	KTEST_ASSERT_FALSE(IS_ERR(file));
	lim->rlim_cur = 8;
	for (i = 0; i < 8; i++) {
		fds[i] = get_unused_fd_flags(i & 1 ? O_CLOEXEC : 0);
		if (fds[i] < 0)
			break;
		fd_install(fds[i], get_file(file));
	}
	fd = get_unused_fd_flags(0);
	KTEST_EXPECT_EQ(fd, -EMFILE);
	KTEST_EXPECT_EQ(replace_fd(8, file, 0), -EBADF);
	KTEST_ASSERT_GE(i, 1);
	KTEST_EXPECT_EQ(close_fd(fds[0]), 0);
	KTEST_EXPECT_EQ(close_fd(fds[0]), -EBADF);
	fd = get_unused_fd_flags(0);
	KTEST_EXPECT_EQ(fd, fds[0]);			/* the lowest free number */
	fd_install(fd, get_file(file));
	do_close_on_exec(current->files);
	for (i = 0; i < 8; i++)
		if (fds[i] >= 0)
			KTEST_EXPECT_EQ(fcheck(fds[i]) != NULL, !(i & 1) || fds[i] == fd);
	for (i = 0; i < 8; i++)
		if (fds[i] >= 0 && fcheck(fds[i]))
			close_fd(fds[i]);
	lim->rlim_cur = saved;
	fput(file);
	env_end(&env);
}

/*
 * The fuzzer found this: the free-number search looked at bits past its bitmap word.
 * With 0..33 in use, freeing 30 and taking two numbers must give 30, then 34 (not 32).
 */
KTEST(vfs, descriptors_past_the_first_bitmap_word_are_never_handed_out_twice)
{
	struct vfs_env env;
	struct files_struct *saved = current->files;
	struct file *file;
	int fd, i;

	env_begin(&env);
	current->files = NULL;		/* a table of its own, freed whole at the end */
	KTEST_ASSERT_EQ(copy_files(0, current), 0);
	file = do_filp_open(AT_FDCWD, N("/"), O_RDONLY, 0);
	KTEST_ASSERT_FALSE(IS_ERR(file));
	for (i = 0; i < 34; i++)
		KTEST_EXPECT_EQ(replace_fd(i, file, 0), i);
	KTEST_EXPECT_EQ(close_fd(30), 0);
	fd = get_unused_fd_flags(0);
	KTEST_EXPECT_EQ(fd, 30);
	fd_install(fd, get_file(file));
	fd = get_unused_fd_flags(0);
	KTEST_EXPECT_EQ(fd, 34);
	KTEST_ASSERT_TRUE(fcheck(fd) == NULL);
	fd_install(fd, get_file(file));
	for (i = 0; i <= 34; i++)
		KTEST_EXPECT_EQ(close_fd(i), 0);
	exit_files(current);
	current->files = saved;
	fput(file);
	env_end(&env);
}

/* What fork will use: a copy has its own table with a reference to each file;
 * CLONE_FILES and CLONE_FS share. Close-on-exec bits are copied with the table. */
KTEST(vfs, copy_files_and_copy_fs_copy_or_share)
{
	struct vfs_env env;
	struct task_struct *child;
	struct file *file;
	int fd;

	env_begin(&env);
	child = kzalloc(sizeof(*child), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(child);
	file = do_filp_open(AT_FDCWD, N("/"), O_RDONLY, 0);
	KTEST_ASSERT_FALSE(IS_ERR(file));
	fd = get_unused_fd_flags(O_CLOEXEC);
	KTEST_ASSERT_GE(fd, 0);
	fd_install(fd, file);
	KTEST_ASSERT_EQ(copy_files(0, child), 0);
	KTEST_EXPECT_TRUE(child->files != current->files);
	KTEST_EXPECT_TRUE(child->files->fd[fd] == file);
	KTEST_EXPECT_EQ(file->f_count, 2);
	KTEST_EXPECT_EQ(child->files->close_on_exec[0] >> fd & 1, 1ul);
	exit_files(child);
	KTEST_EXPECT_EQ(file->f_count, 1);
	KTEST_ASSERT_EQ(copy_files(CLONE_FILES, child), 0);
	KTEST_EXPECT_TRUE(child->files == current->files);
	KTEST_EXPECT_EQ(current->files->count, 2);
	exit_files(child);
	KTEST_EXPECT_EQ(current->files->count, 1);
	KTEST_ASSERT_EQ(copy_fs(0, child), 0);
	KTEST_EXPECT_TRUE(child->fs != current->fs && child->fs->pwd == current->fs->pwd);
	KTEST_EXPECT_EQ(child->fs->umask, current->fs->umask);
	exit_fs(child);
	KTEST_ASSERT_EQ(copy_fs(CLONE_FS, child), 0);
	KTEST_EXPECT_TRUE(child->fs == current->fs);
	exit_fs(child);
	KTEST_EXPECT_EQ(close_fd(fd), 0);
	kfree(child);
	env_end(&env);
}

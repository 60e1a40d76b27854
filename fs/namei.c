/*
 * Path lookup and the operations on names (Linux's fs/namei.c).
 *
 * A walk goes component by component from the root ("/..."), the cwd or a directory
 * descriptor, in a PATH_MAX buffer of its own: following a symlink splices its target
 * in front of what is left of the path, so there is no recursion (and no deep kernel
 * stack). 40 symlinks in one walk are ELOOP, a component over NAME_MAX bytes or a
 * splice over PATH_MAX ENAMETOOLONG, a path of PATH_MAX bytes or more (with its NUL)
 * too. ".." at the process's root stays there.
 *
 * Each directory walked through needs search (execute) permission; creating or
 * removing a name needs write and search permission on its directory. The dentries of
 * a ram file system are all cached, so a miss in d_lookup() is ENOENT.
 *
 * Relies on: dcache, inode_permission, fdtable (dfd), uaccess (strncpy_from_user).
 */
#include <namei.h>
#include <err.h>
#include <fdtable.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct nameidata {
	struct dentry *cur;		/* referenced */
	struct dentry *root;		/* the process's root (fs_struct holds it) */
	char *name;			/* the caller's buffer (not ours to free) */
	char *path;			/* what is left to walk: name or a buffer of ours */
	char *spare;			/* the other buffer, for splicing symlinks */
	int links;
	unsigned int flags;
	/* After a parent walk: the last component (in path), and whether a '/' followed. */
	const char *last;
	unsigned int last_len;
	int last_type;
	bool last_slash;
};

int current_umask(void)
{
	return current->fs ? current->fs->umask : 022;
}

char *getname_flags(const char *upath, unsigned int flags)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long n;

	if (!name)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(name, upath, PATH_MAX);
	if (n < 0 || n == PATH_MAX || (n == 0 && !(flags & LOOKUP_EMPTY))) {
		kfree(name);
		return ERR_PTR(n < 0 ? n : n ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

char *getname(const char *upath)
{
	return getname_flags(upath, 0);
}

void putname(char *name)
{
	if (!IS_ERR(name))
		kfree(name);
}

/* start, if not NULL, is where a relative name begins (dfd is then not used). */
static int path_init(struct nameidata *nd, int dfd, struct dentry *start, char *name,
		     unsigned int flags)
{
	struct fs_struct *fs = current->fs;

	memset(nd, 0, sizeof(*nd));
	nd->name = nd->path = name;
	nd->flags = flags;
	if (!fs || !fs->root)
		return -ENOENT;
	nd->root = fs->root;
	if (*name == '/') {
		nd->cur = dget(fs->root);
	} else if (start) {
		nd->cur = dget(start);
	} else if (dfd == AT_FDCWD) {
		nd->cur = dget(fs->pwd);
	} else {
		struct file *file = fcheck(dfd);

		if (!file)
			return -EBADF;
		if (*name && !S_ISDIR(file->f_inode->i_mode))
			return -ENOTDIR;
		nd->cur = dget(file->f_dentry);
	}
	return 0;
}

static void path_exit(struct nameidata *nd)
{
	dput(nd->cur);
	if (nd->spare != nd->name)
		kfree(nd->spare);
	if (nd->path != nd->name)
		kfree(nd->path);
}

static struct dentry *lookup_one(struct nameidata *nd, const char *name, unsigned int len)
{
	struct dentry *dir = nd->cur;
	struct qstr q = { .name = name, .len = len };

	if (len == 1 && name[0] == '.')
		return dget(dir);
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dget(dir == nd->root ? dir : dir->d_parent);
	return d_lookup(dir, &q);
}

/* Replace the path by target + rest ("/" + rest if rest is not empty). */
static int splice_link(struct nameidata *nd, const char *target, const char *rest, bool slash)
{
	size_t tlen = strlen(target), rlen = strlen(rest);
	char *buf;

	if (!tlen)
		return -ENOENT;
	if (tlen + 1 + rlen + 1 > PATH_MAX)
		return -ENAMETOOLONG;
	if (!nd->spare) {
		nd->spare = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!nd->spare)
			return -ENOMEM;
	}
	buf = nd->spare;
	memcpy(buf, target, tlen);
	if (rlen || slash)
		buf[tlen++] = '/';
	memcpy(buf + tlen, rest, rlen + 1);
	nd->spare = nd->path;
	nd->path = buf;
	if (*target == '/') {
		dput(nd->cur);
		nd->cur = dget(nd->root);
	}
	return 0;
}

/*
 * Walk nd->path. With parent set, stop before the last component and describe it in
 * nd->last*; else walk it too (following a symlink there if LOOKUP_FOLLOW or a slash
 * follows it) and leave the result in nd->cur.
 */
static int path_walk(struct nameidata *nd, bool parent)
{
	char *s = nd->path;

	for (;;) {
		struct dentry *child;
		struct inode *dir;
		char *e, *next;
		unsigned int len;
		bool last, slash;
		int err;

		while (*s == '/')
			s++;
		if (!*s) {			/* "/", "" or a walk that ended on a slash */
			nd->last_type = LAST_ROOT;
			nd->last = s;
			nd->last_len = 0;
			if (!parent && (nd->flags & LOOKUP_DIRECTORY) &&
			    !S_ISDIR(nd->cur->d_inode->i_mode))
				return -ENOTDIR;
			return 0;
		}
		for (e = s; *e && *e != '/'; e++)
			;
		len = e - s;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		for (next = e; *next == '/'; next++)
			;
		last = !*next;
		slash = *e == '/';
		dir = nd->cur->d_inode;
		if (!S_ISDIR(dir->i_mode))
			return -ENOTDIR;
		err = inode_permission(dir, MAY_EXEC);
		if (err)
			return err;
		if (last && parent) {
			nd->last = s;
			nd->last_len = len;
			nd->last_slash = slash;
			nd->last_type = LAST_NORM;
			if (s[0] == '.' && (len == 1 || (len == 2 && s[1] == '.')))
				nd->last_type = len == 1 ? LAST_DOT : LAST_DOTDOT;
			return 0;
		}
		child = lookup_one(nd, s, len);
		if (!child)
			return -ENOENT;
		if (S_ISLNK(child->d_inode->i_mode) &&
		    (!last || slash || (nd->flags & LOOKUP_FOLLOW))) {
			if (++nd->links > MAXSYMLINKS) {
				dput(child);
				return -ELOOP;
			}
			err = splice_link(nd, child->d_inode->i_link, next, slash);
			dput(child);
			if (err)
				return err;
			s = nd->path;
			continue;
		}
		dput(nd->cur);
		nd->cur = child;
		if (last) {
			if ((slash || (nd->flags & LOOKUP_DIRECTORY)) &&
			    !S_ISDIR(child->d_inode->i_mode))
				return -ENOTDIR;
			return 0;
		}
		s = next;
	}
}

int filename_lookup(int dfd, char *name, unsigned int flags, struct dentry **res)
{
	struct nameidata nd;
	int err = path_init(&nd, dfd, NULL, name, flags);

	if (!err)
		err = path_walk(&nd, false);
	if (!err) {
		*res = nd.cur;
		nd.cur = NULL;
	}
	path_exit(&nd);
	return err;
}

int user_path_at(int dfd, const char *upath, unsigned int flags, struct dentry **res)
{
	char *name = getname_flags(upath, flags);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_lookup(dfd, name, flags, res);
	putname(name);
	return err;
}

/* The parent walk: nd->cur is the directory, nd->last* the name in it. */
static int __filename_parentat(int dfd, struct dentry *start, char *name, struct nameidata *nd)
{
	int err = path_init(nd, dfd, start, name, 0);

	if (!err)
		err = path_walk(nd, true);
	if (err)
		path_exit(nd);
	return err;
}

static int filename_parentat(int dfd, char *name, struct nameidata *nd)
{
	return __filename_parentat(dfd, NULL, name, nd);
}

static struct dentry *lookup_last(struct nameidata *nd)
{
	struct qstr q = { .name = nd->last, .len = nd->last_len };

	return d_lookup(nd->cur, &q);
}

static int may_create(struct inode *dir)
{
	if (!dir->i_nlink)
		return -ENOENT;		/* a removed directory takes no new names */
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * For creating a name: nd->cur the directory, *res a new negative dentry. A trailing
 * slash is only for directories; an existing name is EEXIST.
 */
static int filename_create(int dfd, char *name, bool is_dir, struct nameidata *nd,
			   struct dentry **res)
{
	struct qstr q;
	struct dentry *old;
	int err = filename_parentat(dfd, name, nd);

	if (err)
		return err;
	err = -EEXIST;
	if (nd->last_type != LAST_NORM)
		goto fail;
	old = lookup_last(nd);
	if (old) {
		dput(old);
		goto fail;
	}
	err = -ENOENT;
	if (nd->last_slash && !is_dir)
		goto fail;
	err = may_create(nd->cur->d_inode);
	if (err)
		goto fail;
	q.name = nd->last;
	q.len = nd->last_len;
	*res = d_alloc(nd->cur, &q);
	if (*res)
		return 0;
	err = -ENOMEM;
fail:
	path_exit(nd);
	return err;
}

long do_mkdirat(int dfd, char *name, umode_t mode)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err = filename_create(dfd, name, true, &nd, &dentry);

	if (err)
		return err;
	dir = nd.cur->d_inode;
	err = dir->i_op && dir->i_op->mkdir ?
	      dir->i_op->mkdir(dir, dentry, mode & ~current_umask() & 07777) : -EPERM;
	dput(dentry);
	path_exit(&nd);
	return err;
}

long do_symlinkat(const char *target, int dfd, char *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err = filename_create(dfd, name, false, &nd, &dentry);

	if (err)
		return err;
	dir = nd.cur->d_inode;
	err = dir->i_op && dir->i_op->symlink ? dir->i_op->symlink(dir, dentry, target) : -EPERM;
	dput(dentry);
	path_exit(&nd);
	return err;
}

long do_rmdir(int dfd, char *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err = filename_parentat(dfd, name, &nd);

	if (err)
		return err;
	switch (nd.last_type) {
	case LAST_DOTDOT:
		err = -ENOTEMPTY;
		goto out;
	case LAST_DOT:
		err = -EINVAL;
		goto out;
	case LAST_ROOT:
		err = -EBUSY;
		goto out;
	}
	dentry = lookup_last(&nd);
	err = -ENOENT;
	if (!dentry)
		goto out;
	dir = nd.cur->d_inode;
	if (!S_ISDIR(dentry->d_inode->i_mode))
		err = -ENOTDIR;
	else if (dentry == nd.root)
		err = -EBUSY;
	else if ((err = inode_permission(dir, MAY_WRITE | MAY_EXEC)) == 0)
		err = dir->i_op->rmdir(dir, dentry);
	dput(dentry);
out:
	path_exit(&nd);
	return err;
}

long do_unlinkat(int dfd, char *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err = filename_parentat(dfd, name, &nd);

	if (err)
		return err;
	err = -EISDIR;
	if (nd.last_type != LAST_NORM)
		goto out;
	dentry = lookup_last(&nd);
	err = -ENOENT;
	if (!dentry)
		goto out;
	dir = nd.cur->d_inode;
	if (S_ISDIR(dentry->d_inode->i_mode))
		err = -EISDIR;
	else if (nd.last_slash)
		err = -ENOTDIR;
	else if ((err = inode_permission(dir, MAY_WRITE | MAY_EXEC)) == 0)
		err = dir->i_op->unlink(dir, dentry);
	dput(dentry);
out:
	path_exit(&nd);
	return err;
}

long do_linkat(int olddfd, char *oldname, int newdfd, char *newname, int flags)
{
	struct nameidata nd;
	struct dentry *old = NULL, *dentry;
	struct inode *dir;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = filename_lookup(olddfd, oldname,
			      (flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0) |
			      (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &old);
	if (err)
		return err;
	err = filename_create(newdfd, newname, false, &nd, &dentry);
	if (err)
		goto out_old;
	dir = nd.cur->d_inode;
	if (old->d_sb != dentry->d_sb)
		err = -EXDEV;
	else if (S_ISDIR(old->d_inode->i_mode))
		err = -EPERM;
	else if (!old->d_inode->i_nlink)
		err = -ENOENT;		/* an unlinked file, through AT_EMPTY_PATH */
	else
		err = dir->i_op->link(old, dir, dentry);
	dput(dentry);
	path_exit(&nd);
out_old:
	dput(old);
	return err;
}

long do_renameat2(int olddfd, char *oldname, int newdfd, char *newname, unsigned int flags)
{
	struct nameidata ond, nnd;
	struct dentry *old = NULL, *new = NULL;
	struct inode *old_dir, *new_dir;
	struct qstr q;
	long err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if (flags & (RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;		/* not implemented: said so, never ignored */
	err = filename_parentat(olddfd, oldname, &ond);
	if (err)
		return err;
	err = filename_parentat(newdfd, newname, &nnd);
	if (err)
		goto out_old;
	err = -EBUSY;
	if (ond.last_type != LAST_NORM || nnd.last_type != LAST_NORM)
		goto out;
	old_dir = ond.cur->d_inode;
	new_dir = nnd.cur->d_inode;
	err = -ENOENT;
	old = lookup_last(&ond);
	if (!old)
		goto out;
	err = -EXDEV;
	if (ond.cur->d_sb != nnd.cur->d_sb)
		goto out;
	new = lookup_last(&nnd);
	err = -EEXIST;
	if (new && (flags & RENAME_NOREPLACE))
		goto out;
	err = -ENOTDIR;
	if (!S_ISDIR(old->d_inode->i_mode) && (ond.last_slash || nnd.last_slash))
		goto out;
	err = 0;
	if (new && new->d_inode == old->d_inode)
		goto out;		/* the same file: nothing to do */
	err = -EINVAL;
	if (d_is_ancestor(old, nnd.cur))
		goto out;		/* a directory into itself */
	if (new) {
		bool old_is_dir = S_ISDIR(old->d_inode->i_mode);
		bool new_is_dir = S_ISDIR(new->d_inode->i_mode);

		err = old_is_dir ? -ENOTDIR : -EISDIR;
		if (old_is_dir != new_is_dir)
			goto out;
		err = -ENOTEMPTY;
		if (d_is_ancestor(new, ond.cur))
			goto out;	/* the target holds the source */
		err = -EBUSY;
		if (new == nnd.root)
			goto out;
	} else {
		err = may_create(new_dir);
		if (err)
			goto out;
		q.name = nnd.last;
		q.len = nnd.last_len;
		err = -ENOMEM;
		new = d_alloc(nnd.cur, &q);
		if (!new)
			goto out;
	}
	err = inode_permission(old_dir, MAY_WRITE | MAY_EXEC);
	if (!err)
		err = inode_permission(new_dir, MAY_WRITE | MAY_EXEC);
	if (!err)
		err = old_dir->i_op->rename(old_dir, old, new_dir, new, flags);
out:
	dput(new);
	dput(old);
	path_exit(&nnd);
out_old:
	path_exit(&ond);
	return err;
}

/*
 * open's lookup: with O_CREAT the last name may be made; O_EXCL never follows a
 * symlink there (it is EEXIST); O_NOFOLLOW refuses one (ELOOP).
 */
static struct file *finish_open(struct dentry *dentry, int flags, bool created)
{
	struct inode *inode = dentry->d_inode;
	int acc = flags & O_ACCMODE, mask = 0, err;
	struct file *file;

	if (S_ISLNK(inode->i_mode))
		return ERR_PTR(-ELOOP);
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (!(flags & O_PATH)) {
		if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
			return ERR_PTR(-EISDIR);
		if (acc == O_RDONLY || acc == O_RDWR)
			mask |= MAY_READ;
		if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC))
			mask |= MAY_WRITE;
		err = created ? 0 : inode_permission(inode, mask);
		if (err)
			return ERR_PTR(err);
		if (acc == O_ACCMODE)
			return ERR_PTR(-EINVAL);
		if (!inode->i_fop)
			return ERR_PTR(-ENXIO);	/* a device node without a driver */
	}
	file = alloc_file(dentry, flags, flags & O_PATH ? NULL : inode->i_fop);
	if (!file)
		return ERR_PTR(-ENOMEM);
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) && !(flags & O_PATH) &&
	    inode->i_size && inode->i_op->setsize)
		inode->i_op->setsize(inode, 0);
	return file;
}

/*
 * O_CREAT: the parent walk, then the last name. If that is a symlink to follow, the
 * walk goes on from its directory with the link's target as the name (created if
 * missing, as Linux does for a dangling link), counting links as a walk does.
 */
static struct file *open_create(int dfd, char *name, int flags, umode_t mode)
{
	struct dentry *start = NULL, *dentry = NULL;
	char *link = NULL;
	struct file *file = NULL;
	struct nameidata nd;
	struct inode *dir;
	int err, links = 0;

	for (;;) {
		err = __filename_parentat(dfd, start, name, &nd);
		dput(start);
		start = NULL;
		if (err)
			break;
		nd.links = links;
		err = -EISDIR;
		if (nd.last_type != LAST_NORM || nd.last_slash)
			goto out_nd;
		dentry = lookup_last(&nd);
		err = 0;
		if (!dentry)
			break;				/* create it, below */
		if (flags & O_EXCL) {
			err = -EEXIST;
		} else if (S_ISLNK(dentry->d_inode->i_mode) && !(flags & O_NOFOLLOW)) {
			err = -ELOOP;
			if (++links > MAXSYMLINKS)
				goto out_dentry;
			if (!link)
				link = kmalloc(PATH_MAX, GFP_KERNEL);
			err = -ENOMEM;
			if (!link)
				goto out_dentry;
			strlcpy(link, dentry->d_inode->i_link, PATH_MAX);
			name = link;
			start = dget(nd.cur);
			dput(dentry);
			path_exit(&nd);
			continue;
		} else if (S_ISDIR(dentry->d_inode->i_mode)) {
			err = -EISDIR;
		} else {
			file = finish_open(dentry, flags, false);
			err = IS_ERR(file) ? PTR_ERR(file) : 0;
		}
out_dentry:
		dput(dentry);
out_nd:
		path_exit(&nd);
		kfree(link);
		return err ? ERR_PTR(err) : file;
	}
	if (!err) {
		dir = nd.cur->d_inode;
		err = may_create(dir);
		if (!err) {
			struct qstr q = { .name = nd.last, .len = nd.last_len };

			dentry = d_alloc(nd.cur, &q);
			err = dentry ? 0 : -ENOMEM;
		}
		if (!err) {
			err = dir->i_op && dir->i_op->create ?
			      dir->i_op->create(dir, dentry, mode & ~current_umask() & 07777) :
			      -EACCES;
			file = err ? NULL : finish_open(dentry, flags, true);
			dput(dentry);
		}
		path_exit(&nd);
	}
	kfree(link);
	return err ? ERR_PTR(err) : file;
}

struct file *do_filp_open(int dfd, char *name, int flags, umode_t mode)
{
	struct dentry *dentry = NULL;
	struct file *file;
	int err;

	if (flags & O_CREAT)
		return open_create(dfd, name, flags, mode);
	err = filename_lookup(dfd, name, (flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			      (flags & O_DIRECTORY ? LOOKUP_DIRECTORY : 0), &dentry);
	if (err)
		return ERR_PTR(err);
	file = finish_open(dentry, flags, false);
	dput(dentry);
	return file;
}

long d_path(struct dentry *dentry, char *buf, size_t size)
{
	struct dentry *root = current->fs->root;
	size_t pos = size;

	if (d_unhashed(dentry) && !IS_ROOT(dentry))
		return -ENOENT;		/* removed: getcwd says so */
	if (pos < 1)
		return -ERANGE;
	buf[--pos] = 0;
	if (dentry == root || IS_ROOT(dentry)) {
		if (pos < 1)
			return -ERANGE;
		buf[--pos] = '/';
	}
	while (dentry != root && !IS_ROOT(dentry)) {
		unsigned int len = dentry->d_name.len;

		if (pos < len + 1)
			return -ERANGE;
		pos -= len;
		memcpy(buf + pos, dentry->d_name.name, len);
		buf[--pos] = '/';
		dentry = dentry->d_parent;
	}
	memmove(buf, buf + pos, size - pos);
	return size - pos;
}

/* The system calls on names: user strings in, do_*() above. */

long sys_mkdirat(int dfd, const char *upath, umode_t mode)
{
	char *name = getname(upath);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mkdirat(dfd, name, mode);
	putname(name);
	return err;
}

long sys_mkdir(const char *upath, umode_t mode)
{
	return sys_mkdirat(AT_FDCWD, upath, mode);
}

long sys_rmdir(const char *upath)
{
	char *name = getname(upath);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_rmdir(AT_FDCWD, name);
	putname(name);
	return err;
}

long sys_unlinkat(int dfd, const char *upath, int flag)
{
	char *name;
	long err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(upath);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = flag ? do_rmdir(dfd, name) : do_unlinkat(dfd, name);
	putname(name);
	return err;
}

long sys_unlink(const char *upath)
{
	return sys_unlinkat(AT_FDCWD, upath, 0);
}

long sys_symlinkat(const char *utarget, int newdfd, const char *upath)
{
	char *target = getname(utarget), *name;
	long err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	name = getname(upath);
	err = IS_ERR(name) ? PTR_ERR(name) : do_symlinkat(target, newdfd, name);
	putname(name);
	putname(target);
	return err;
}

long sys_symlink(const char *utarget, const char *upath)
{
	return sys_symlinkat(utarget, AT_FDCWD, upath);
}

long sys_linkat(int olddfd, const char *uold, int newdfd, const char *unew, int flags)
{
	char *old = getname_flags(uold, flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), *new;
	long err;

	if (IS_ERR(old))
		return PTR_ERR(old);
	new = getname(unew);
	err = IS_ERR(new) ? PTR_ERR(new) : do_linkat(olddfd, old, newdfd, new, flags);
	putname(new);
	putname(old);
	return err;
}

long sys_link(const char *uold, const char *unew)
{
	return sys_linkat(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

long sys_renameat2(int olddfd, const char *uold, int newdfd, const char *unew,
		   unsigned int flags)
{
	char *old = getname(uold), *new;
	long err;

	if (IS_ERR(old))
		return PTR_ERR(old);
	new = getname(unew);
	err = IS_ERR(new) ? PTR_ERR(new) : do_renameat2(olddfd, old, newdfd, new, flags);
	putname(new);
	putname(old);
	return err;
}

long sys_renameat(int olddfd, const char *uold, int newdfd, const char *unew)
{
	return sys_renameat2(olddfd, uold, newdfd, unew, 0);
}

long sys_rename(const char *uold, const char *unew)
{
	return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

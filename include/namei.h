/*
 * Path names to dentries (fs/namei.c), for the system calls of fs/open.c, fs/stat.c
 * and the self-tests. Names are kernel strings from getname(); the lookups start at
 * the process's root for "/...", else at its cwd (AT_FDCWD) or at directory dfd.
 */
#ifndef _NAMEI_H
#define _NAMEI_H

#include "dcache.h"

#define LOOKUP_FOLLOW		0x0001	/* follow a symlink in the last component */
#define LOOKUP_DIRECTORY	0x0002	/* the last component must be a directory */
#define LOOKUP_EMPTY		0x4000	/* "" names dfd itself (AT_EMPTY_PATH) */

/* A kmalloc'ed copy of a user path, or ERR_PTR(-EFAULT, -ENAMETOOLONG, -ENOENT). */
char *getname_flags(const char *upath, unsigned int flags);
char *getname(const char *upath);
void putname(char *name);

/* name (from getname; it is used as scratch space) to a dentry with a reference. */
int filename_lookup(int dfd, char *name, unsigned int flags, struct dentry **res);
/* The same from a user path: the stat and chdir family's front end. */
int user_path_at(int dfd, const char *upath, unsigned int flags, struct dentry **res);

struct file *do_filp_open(int dfd, char *name, int flags, umode_t mode);
long do_mkdirat(int dfd, char *name, umode_t mode);
long do_rmdir(int dfd, char *name);
long do_unlinkat(int dfd, char *name);
long do_symlinkat(const char *target, int dfd, char *name);
long do_linkat(int olddfd, char *oldname, int newdfd, char *newname, int flags);
long do_renameat2(int olddfd, char *oldname, int newdfd, char *newname, unsigned int flags);
/* The dentry's path from the process's root into buf (of size); its length, or -errno. */
long d_path(struct dentry *dentry, char *buf, size_t size);
/* current's umask (fs_struct). */
int current_umask(void);

#endif /* _NAMEI_H */

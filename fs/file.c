/*
 * Descriptor tables and the fs_struct (Linux's fs/file.c, fs/fs_struct.c); the rules
 * are in include/fdtable.h.
 *
 * Relies on: kmem_cache_*, kmalloc (tables past NR_OPEN_DEFAULT), rlimit(RLIMIT_NOFILE),
 * fput, dget/dput, root_sb.
 */
#include <dcache.h>
#include <fdtable.h>
#include <kernel.h>
#include <resource.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/resource.h>

static struct kmem_cache *files_cachep, *fs_cachep;

static inline bool test_bit(unsigned int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG) & 1;
}

static inline void __set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void __clear_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

static unsigned int find_next_zero_bit(const unsigned long *map, unsigned int size,
				       unsigned int nr)
{
	while (nr < size) {
		/* The free bits of this word from nr on (bits below nr masked off). */
		unsigned long free = ~map[nr / BITS_PER_LONG] & (~0UL << (nr % BITS_PER_LONG));

		if (free) {
			nr = nr / BITS_PER_LONG * BITS_PER_LONG + __builtin_ctzl(free);
			return min(nr, size);
		}
		nr = (nr / BITS_PER_LONG + 1) * BITS_PER_LONG;
	}
	return size;
}

void files_cache_init(void)
{
	files_cachep = kmem_cache_create("files_cache", sizeof(struct files_struct), 0,
					 SLAB_PANIC, NULL);
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct), 0, SLAB_PANIC, NULL);
}

static struct files_struct *alloc_files(void)
{
	struct files_struct *files = kmem_cache_zalloc(files_cachep, GFP_KERNEL);

	if (!files)
		return NULL;
	files->count = 1;
	files->max_fds = NR_OPEN_DEFAULT;
	files->fd = files->fd_array;
	files->open_fds = files->open_fds_init;
	files->close_on_exec = files->close_on_exec_init;
	return files;
}

static void free_fdtable(struct files_struct *files)
{
	if (files->fd != files->fd_array) {
		kfree(files->fd);
		kfree(files->open_fds);
	}
}

/* Grow to hold fd nr (doubling). The caller has checked nr against RLIMIT_NOFILE. */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	unsigned int size = files->max_fds, words;
	struct file **fd;
	unsigned long *bits;

	while (size <= nr)
		size *= 2;
	words = size / BITS_PER_LONG;
	fd = kzalloc(size * sizeof(*fd), GFP_KERNEL);
	bits = kzalloc(2 * words * sizeof(*bits), GFP_KERNEL);
	if (!fd || !bits) {
		kfree(fd);
		kfree(bits);
		return -ENOMEM;
	}
	memcpy(fd, files->fd, files->max_fds * sizeof(*fd));
	memcpy(bits, files->open_fds, files->max_fds / 8);
	memcpy(bits + words, files->close_on_exec, files->max_fds / 8);
	free_fdtable(files);
	files->fd = fd;
	files->open_fds = bits;
	files->close_on_exec = bits + words;
	files->max_fds = size;
	return 0;
}

/* A private copy of old: every file gets one more reference. */
static struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = alloc_files();
	unsigned int i;

	if (!files)
		return NULL;
	if (old->max_fds > files->max_fds && expand_files(files, old->max_fds - 1)) {
		kmem_cache_free(files_cachep, files);
		return NULL;
	}
	for (i = 0; i < old->max_fds; i++) {
		if (!old->fd[i])
			continue;
		files->fd[i] = get_file(old->fd[i]);
		__set_bit(i, files->open_fds);
		if (test_bit(i, old->close_on_exec))
			__set_bit(i, files->close_on_exec);
	}
	return files;
}

int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *old = current->files;

	if (old && (clone_flags & CLONE_FILES)) {
		old->count++;
		tsk->files = old;
		return 0;
	}
	tsk->files = old ? dup_fd(old) : alloc_files();
	return tsk->files ? 0 : -ENOMEM;
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;
	unsigned int i;

	if (!files)
		return;
	tsk->files = NULL;
	if (--files->count)
		return;
	for (i = 0; i < files->max_fds; i++)
		if (files->fd[i])
			fput(files->fd[i]);
	free_fdtable(files);
	kmem_cache_free(files_cachep, files);
}

int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *old = current->fs, *fs;

	if (old && (clone_flags & CLONE_FS)) {
		old->count++;
		tsk->fs = old;
		return 0;
	}
	fs = kmem_cache_zalloc(fs_cachep, GFP_KERNEL);
	if (!fs)
		return -ENOMEM;
	fs->count = 1;
	if (old) {
		fs->umask = old->umask;
		fs->root = dget(old->root);
		fs->pwd = dget(old->pwd);
	} else {
		fs->umask = 022;
		/* Before the root is mounted (the first tasks) there is no place yet. */
		fs->root = root_sb ? dget(root_sb->s_root) : NULL;
		fs->pwd = dget(fs->root);
	}
	tsk->fs = fs;
	return 0;
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	tsk->fs = NULL;
	if (--fs->count)
		return;
	dput(fs->root);
	dput(fs->pwd);
	kmem_cache_free(fs_cachep, fs);
}

struct file *fcheck(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= files->max_fds)
		return NULL;
	return files->fd[fd];
}

struct file *fget(unsigned int fd)
{
	struct file *file = fcheck(fd);

	return file ? get_file(file) : NULL;
}

bool fd_is_open(unsigned long fd)
{
	return fd < 0x80000000UL && fcheck(fd);
}

int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned long limit = rlimit(RLIMIT_NOFILE);
	unsigned int fd;

	if (!files)
		return -EMFILE;
	fd = start < files->next_fd ? files->next_fd : start;
	if (fd < files->max_fds)	/* else every number past the table is free */
		fd = find_next_zero_bit(files->open_fds, files->max_fds, fd);
	if (fd >= limit)
		return -EMFILE;
	if (fd >= files->max_fds && expand_files(files, fd))
		return -ENOMEM;
	__set_bit(fd, files->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, files->close_on_exec);
	else
		__clear_bit(fd, files->close_on_exec);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	__clear_bit(fd, files->open_fds);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void fd_install(unsigned int fd, struct file *file)
{
	BUG_ON(current->files->fd[fd]);
	current->files->fd[fd] = file;
}

int close_fd(unsigned int fd)
{
	struct file *file = fcheck(fd);

	if (!file)
		return -EBADF;
	current->files->fd[fd] = NULL;
	__clear_bit(fd, current->files->close_on_exec);
	put_unused_fd(fd);
	fput(file);
	return 0;
}

void do_close_on_exec(struct files_struct *files)
{
	unsigned int i;

	for (i = 0; i < files->max_fds; i++) {
		struct file *file = files->fd[i];

		if (!file || !test_bit(i, files->close_on_exec))
			continue;
		files->fd[i] = NULL;
		__clear_bit(i, files->close_on_exec);
		__clear_bit(i, files->open_fds);
		if (i < files->next_fd)
			files->next_fd = i;
		fput(file);
	}
}

bool get_close_on_exec(unsigned int fd)
{
	return test_bit(fd, current->files->close_on_exec);
}

void set_close_on_exec(unsigned int fd, bool on)
{
	if (on)
		__set_bit(fd, current->files->close_on_exec);
	else
		__clear_bit(fd, current->files->close_on_exec);
}

int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;

	if (fd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	if (fd >= files->max_fds && expand_files(files, fd))
		return -ENOMEM;
	old = files->fd[fd];
	files->fd[fd] = get_file(file);
	__set_bit(fd, files->open_fds);
	set_close_on_exec(fd, flags & O_CLOEXEC);
	if (old)
		fput(old);
	return fd;
}

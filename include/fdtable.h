/*
 * A process's open files (Linux's include/linux/fdtable.h, fs/file.c) and its place in
 * the tree (include/linux/fs_struct.h).
 *
 * files_struct: fd[i] is the file behind descriptor i; open_fds marks the numbers in use
 * (set before fd[i] is filled, so a number is reserved while its file is being made),
 * close_on_exec those closed by execve. The table starts with NR_OPEN_DEFAULT slots
 * inside the structure and grows by doubling, never past RLIMIT_NOFILE
 * (rlimit(), include/resource.h): a number at or above the limit is EMFILE.
 *
 * fs_struct: root and pwd (dentries, referenced) and the umask.
 *
 * Both are reached as current->files and current->fs and shared when a clone asks
 * (CLONE_FILES, CLONE_FS); count says by how many tasks.
 */
#ifndef _FDTABLE_H
#define _FDTABLE_H

#include "fs.h"

#define NR_OPEN_DEFAULT		32
#define BITS_PER_LONG		32

struct files_struct {
	int count;
	unsigned int max_fds;		/* slots in fd and bits in the two maps */
	unsigned int next_fd;		/* no free number below this one */
	struct file **fd;
	unsigned long *open_fds;
	unsigned long *close_on_exec;
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long open_fds_init[NR_OPEN_DEFAULT / BITS_PER_LONG];
	unsigned long close_on_exec_init[NR_OPEN_DEFAULT / BITS_PER_LONG];
};

struct fs_struct {
	int count;
	int umask;
	struct dentry *root, *pwd;
};

struct task_struct;

#define CLONE_FS	0x00000200
#define CLONE_FILES	0x00000400

/* kernel/fork.c's copy_process() and the future fork(): 0 or -ENOMEM. */
int copy_files(unsigned long clone_flags, struct task_struct *tsk);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
/* At exit: drop the task's reference (the last one closes every file). */
void exit_files(struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);

/* The file behind fd in current's table, with a reference (fput it), or NULL. */
struct file *fget(unsigned int fd);
/* ... without a reference: valid until the caller sleeps or closes something. */
struct file *fcheck(unsigned int fd);
/* The lowest free number >= start, reserved; or -EMFILE. */
int alloc_fd(unsigned int start, unsigned int flags);
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* fd (reserved by alloc_fd) now refers to file; the caller's reference moves in. */
void fd_install(unsigned int fd, struct file *file);
int close_fd(unsigned int fd);
void do_close_on_exec(struct files_struct *files);
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool on);
/* dup2/dup3's heart: newfd gets file (a reference of its own). */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
void files_cache_init(void);

#endif /* _FDTABLE_H */

/*
 * procfs (fs/proc/): files whose text a show() function writes into a seq_file when the
 * file is first read, served to read() from f_pos across calls, as Linux's seq_read.
 *
 * This first step lives in the ramfs root: /proc is a directory there whose entries
 * are inodes with proc_seq_fops. The same show functions print the boot reports.
 *
 * Relies on: the VFS (include/fs.h, dcache.h), lib/seq_file.c, kmalloc.
 */
#ifndef _PROC_FS_H
#define _PROC_FS_H

#include "fs.h"
#include "seq_file.h"

typedef void (*proc_show_t)(struct seq_file *m);

/* The text of a proc file once generated (file->private_data), Linux's seq buffer. */
struct proc_seq {
	char *buf;
	size_t count;		/* bytes of text */
};

extern const struct file_operations proc_seq_fops;

struct dentry *proc_mkdir(struct dentry *parent, const char *name);
int proc_create_single(struct dentry *parent, const char *name, umode_t mode,
		       proc_show_t show);

/* Generate show()'s whole text into a kmalloc'ed buffer that grows until it fits. */
int proc_seq_generate(proc_show_t show, struct proc_seq *s);
/* Copy from the text at *pos, at most count bytes, with copy (copy_to_user or memcpy). */
long proc_seq_copy(const struct proc_seq *s, char *dst, size_t count, loff_t *pos,
		   unsigned long (*copy)(void *to, const void *from, unsigned long n));

/* An integer knob of /proc/sys (fs/proc/proc_sysctl.c), Linux's ctl_table reduced. */
struct ctl_table {
	const char *procname;
	int *data;
	int min, max;		/* a write outside is EINVAL, the value kept */
};
extern struct ctl_table proc_sys_vm_table[], proc_sys_kernel_table[];
/* One decimal integer in buf[len] (a trailing newline allowed) within [min, max]. */
int proc_parse_int(const char *buf, size_t len, int min, int max, int *out);
void proc_sys_init(struct dentry *proc);

void proc_root_init(void);	/* fs/proc/root.c: /proc in the root, at boot */
void proc_self_init(struct dentry *proc);	/* fs/proc/base.c: /proc/self */

#endif /* _PROC_FS_H */

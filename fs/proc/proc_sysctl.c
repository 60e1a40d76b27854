/*
 * /proc/sys (after Linux's fs/proc/proc_sysctl.c and kernel/sysctl.c's
 * proc_dointvec_minmax): integer knobs, each a ctl_table naming its variable and the
 * range it accepts. Reading prints "%d\n"; a write at offset 0 of one decimal integer
 * (optional sign, optional trailing newline) inside the range sets it, anything else is
 * EINVAL and leaves the old value.
 *
 *	vm/overcommit_memory	0..2 (mm/util.c: __vm_enough_memory's policy)
 *	vm/overcommit_ratio	0..INT_MAX (CommitLimit's share of RAM, percent)
 *	kernel/pid_max		301..32768 (kernel/pid.c; Linux's i386 bounds)
 *
 * Relies on: fs/proc/generic.c (directories, the seq read), copy_from_user.
 */
#include <proc_fs.h>
#include <dcache.h>
#include <kernel.h>
#include <mmap.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#define PROC_INT_MAX_TEXT	24	/* "-2147483648\n" and room for junk to be refused */

int proc_parse_int(const char *buf, size_t len, int min, int max, int *out)
{
	long long v = 0;
	bool neg = false, digits = false;
	size_t i = 0;

	if (len && buf[len - 1] == '\n')
		len--;
	if (i < len && (buf[i] == '-' || buf[i] == '+'))
		neg = buf[i++] == '-';
	for (; i < len; i++) {
		if (buf[i] < '0' || buf[i] > '9')
			return -EINVAL;
		v = v * 10 + (buf[i] - '0');
		digits = true;
		if (v > 1LL << 32)
			return -EINVAL;
	}
	if (!digits)
		return -EINVAL;
	if (neg)
		v = -v;
	if (v < min || v > max)
		return -EINVAL;
	*out = (int)v;
	return 0;
}

static struct ctl_table *file_table(struct file *file)
{
	return file->f_inode->i_private;
}

static long proc_int_read(struct file *file, char *ubuf, size_t count, loff_t *pos)
{
	struct ctl_table *t = file_table(file);
	char text[16];
	struct proc_seq s = { .buf = text };
	struct seq_file m;

	seq_init(&m, text, sizeof(text));
	seq_printf(&m, "%d\n", *t->data);
	s.count = m.count;
	return proc_seq_copy(&s, ubuf, count, pos, copy_to_user);
}

static long proc_int_write(struct file *file, const char *ubuf, size_t count, loff_t *pos)
{
	struct ctl_table *t = file_table(file);
	char text[PROC_INT_MAX_TEXT];
	int v, err;

	if (*pos != 0 || count == 0 || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, ubuf, count))
		return -EFAULT;
	err = proc_parse_int(text, count, t->min, t->max, &v);
	if (err)
		return err;
	*t->data = v;
	*pos += count;
	return count;
}

static const struct file_operations proc_int_fops = {
	.read = proc_int_read,
	.write = proc_int_write,
};

struct ctl_table proc_sys_vm_table[] = {
	{ "overcommit_memory", &sysctl_overcommit_memory, OVERCOMMIT_GUESS, OVERCOMMIT_NEVER },
	{ "overcommit_ratio", &sysctl_overcommit_ratio, 0, 0x7fffffff },
};

struct ctl_table proc_sys_kernel_table[] = {
	{ "pid_max", &pid_max, RESERVED_PIDS + 1, PID_MAX_DEFAULT },
};

static int proc_register_ints(struct dentry *dir, struct ctl_table *t, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		int err = proc_create_single(dir, t[i].procname, 0644, NULL);
		struct qstr q = { .name = t[i].procname, .len = strlen(t[i].procname) };
		struct dentry *d;

		if (err)
			return err;
		q.hash = full_name_hash(dir, q.name, q.len);
		d = d_lookup(dir, &q);
		if (!d)
			return -ENOENT;
		d->d_inode->i_fop = &proc_int_fops;
		d->d_inode->i_private = &t[i];
		dput(d);
	}
	return 0;
}

void proc_sys_init(struct dentry *proc)
{
	struct dentry *sys = proc_mkdir(proc, "sys");
	struct dentry *vm = sys ? proc_mkdir(sys, "vm") : NULL;
	struct dentry *kernel = sys ? proc_mkdir(sys, "kernel") : NULL;

	if (!vm || !kernel ||
	    proc_register_ints(vm, proc_sys_vm_table, ARRAY_SIZE(proc_sys_vm_table)) ||
	    proc_register_ints(kernel, proc_sys_kernel_table,
			       ARRAY_SIZE(proc_sys_kernel_table)))
		panic("procfs: cannot make /proc/sys");
}

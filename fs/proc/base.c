/*
 * /proc/self (after Linux's fs/proc/base.c): the files of the process that reads them.
 *
 * There are no per-pid directories yet, and no lookup hook in this VFS to make them on
 * demand, so self is a directory (not Linux's symlink to the pid) whose show functions
 * look at current when the file is first read: maps (the mm layer's format_maps, the
 * format the exit report prints), comm and cmdline (argv with its NULs, read from
 * mm->arg_start..arg_end of the reader's own address space).
 *
 * Relies on: fs/proc/generic.c, mm/mmap.c's format_maps, copy_from_user.
 */
#include <proc_fs.h>
#include <kernel.h>
#include <mm.h>
#include <mmap.h>
#include <sched.h>
#include <uaccess.h>

static void maps_line(const char *line, void *arg)
{
	seq_printf(arg, "%s\n", line);
}

static void proc_maps_show(struct seq_file *m)
{
	if (current->mm)
		format_maps(current->mm, maps_line, m);
}

static void proc_comm_show(struct seq_file *m)
{
	seq_printf(m, "%s\n", current->comm);
}

/* Copied in pieces from the reader's memory; a page that faults ends the text. */
static void proc_cmdline_show(struct seq_file *m)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr;
	char piece[64];

	if (!mm)
		return;
	for (addr = mm->arg_start; addr < mm->arg_end; addr += sizeof(piece)) {
		unsigned long n = min((unsigned long)sizeof(piece), mm->arg_end - addr);
		unsigned long i;

		if (copy_from_user(piece, (const void *)addr, n))
			return;
		/* seq_printf stops at a NUL: put bytes one by one through "%c" */
		for (i = 0; i < n; i++)
			seq_printf(m, "%c", piece[i]);
	}
}

void proc_self_init(struct dentry *proc)
{
	struct dentry *self = proc_mkdir(proc, "self");

	if (!self || proc_create_single(self, "maps", 0444, proc_maps_show) ||
	    proc_create_single(self, "comm", 0444, proc_comm_show) ||
	    proc_create_single(self, "cmdline", 0444, proc_cmdline_show))
		panic("procfs: cannot make /proc/self");
}

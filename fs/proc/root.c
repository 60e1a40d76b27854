/*
 * /proc at boot (Linux's fs/proc/root.c with the system files of fs/proc/meminfo.c,
 * uptime.c, loadavg.c, version.c): the directory is made in the ramfs root and each
 * file is a show function, the very ones the boot log prints with (mm/show_mem.c,
 * mm/slabinfo.c, mm/vmalloc.c), so the two cannot drift apart.
 *
 * Relies on: fs/proc/generic.c, the memory reports, the scheduler's counters.
 */
#include <proc_fs.h>
#include <dcache.h>
#include <kernel.h>
#include <meminfo.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>
#include <timekeeping.h>
#include <vmalloc.h>

static void proc_meminfo_show(struct seq_file *m)
{
	struct mem_counts c;

	mem_counts_collect(&c);
	meminfo_show(m, &c);
}

static void proc_zoneinfo_show(struct seq_file *m)
{
	struct mem_counts c;

	mem_counts_collect(&c);
	zoneinfo_show(m, &c);
}

/*
 * Seconds since boot with hundredths; the second figure, the idle time summed over
 * CPUs, is not accounted yet and reads 0.00.
 */
static void proc_uptime_show(struct seq_file *m)
{
	u64 cs = ktime_get_ns() / 10000000ULL;

	seq_printf(m, "%lu.%02lu 0.00\n", (unsigned long)(cs / 100), (unsigned long)(cs % 100));
}

/* No load average is computed yet: the three averages read 0.00; the rest is real. */
static void proc_loadavg_show(struct seq_file *m)
{
	seq_printf(m, "0.00 0.00 0.00 %d/%d %d\n", nr_running(), nr_threads, last_pid);
}

/* Linux's shape: release, builder, compiler, build number (uname's release and version). */
static void proc_version_show(struct seq_file *m)
{
	seq_printf(m, "Linux version 6.1.0 (root@localhost) (gcc version %s) #1\n", __VERSION__);
}

static const struct {
	const char *name;
	proc_show_t show;
} proc_system_files[] = {
	{ "meminfo", proc_meminfo_show },
	{ "buddyinfo", buddyinfo_show },
	{ "zoneinfo", proc_zoneinfo_show },
	{ "slabinfo", slabinfo_show },
	{ "vmallocinfo", vmallocinfo_show },
	{ "uptime", proc_uptime_show },
	{ "loadavg", proc_loadavg_show },
	{ "version", proc_version_show },
};

void proc_root_init(void)
{
	struct dentry *proc = proc_mkdir(root_sb->s_root, "proc");
	unsigned int i;

	if (!proc)
		panic("procfs: cannot make /proc");
	for (i = 0; i < ARRAY_SIZE(proc_system_files); i++)
		if (proc_create_single(proc, proc_system_files[i].name, 0444,
				       proc_system_files[i].show))
			panic("procfs: cannot make /proc/%s", proc_system_files[i].name);
	proc_self_init(proc);
	proc_sys_init(proc);
}

/*
 * Self-tests of procfs (suite "proc", fs/proc/): the seq read path serves the text
 * generated once, across read boundaries of 1 byte and odd sizes, with lseek; a text
 * longer than the first page-sized buffer is generated whole; /proc's files exist at
 * boot with the show functions the boot log uses; nothing leaks.
 *
 * The copies go through memcpy here (the buffers are the kernel's); the system call
 * path differs only in copy_to_user, which tests/run-user's proc_watch exercises.
 */
#include <ktest.h>
#include <err.h>
#include <fdtable.h>
#include <mm.h>
#include <namei.h>
#include <proc_fs.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <mmap.h>

static unsigned long kcopy(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

/* 10000 bytes: more than the first (page-sized) buffer, so it must grow twice. */
static void long_show(struct seq_file *m)
{
	int i;

	for (i = 0; i < 1000; i++)
		seq_printf(m, "line %04d\n", i);
}

/* Read all of s in chunks of step bytes into out; the total. */
static size_t read_in_steps(const struct proc_seq *s, char *out, size_t cap, size_t step,
			    loff_t *posp)
{
	loff_t pos = 0;
	size_t got = 0;
	long n;

	while (got < cap && (n = proc_seq_copy(s, out + got, min(step, cap - got), &pos,
					     kcopy)) > 0)
		got += n;
	*posp = pos;
	return got;
}

KTEST(proc, seq_read_serves_the_same_text_across_tiny_and_odd_reads)
{
	static char whole[12000], part[12000];
	static const size_t steps[] = { 1, 3, 7, 4095, 4096, 4097, 20000 };
	unsigned long objs = nr_slab_objects();
	struct proc_seq s;
	unsigned int i;
	loff_t pos;

	KTEST_ASSERT_EQ(proc_seq_generate(long_show, &s), 0);
	KTEST_ASSERT_EQ(s.count, 10000u);
	memcpy(whole, s.buf, s.count);
	KTEST_EXPECT_EQ(memcmp(whole, "line 0000\nline 0001\n", 20), 0);
	KTEST_EXPECT_EQ(memcmp(whole + 9990, "line 0999\n", 10), 0);
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		memset(part, 0, sizeof(part));
		KTEST_EXPECT_EQ(read_in_steps(&s, part, sizeof(part), steps[i], &pos), 10000u);
		KTEST_EXPECT_EQ(pos, 10000);
		KTEST_EXPECT_EQ(memcmp(part, whole, 10000), 0);
	}
	kfree(s.buf);
	KTEST_EXPECT_EQ(nr_slab_objects(), objs);
}

KTEST(proc, seq_copy_at_and_past_the_end_and_before_the_start)
{
	struct proc_seq s;
	char c[4];
	loff_t pos;

	KTEST_ASSERT_EQ(proc_seq_generate(long_show, &s), 0);
	pos = 9998;
	KTEST_EXPECT_EQ(proc_seq_copy(&s, c, 4, &pos, kcopy), 2);	/* short at the end */
	KTEST_EXPECT_EQ(memcmp(c, "9\n", 2), 0);
	KTEST_EXPECT_EQ(proc_seq_copy(&s, c, 4, &pos, kcopy), 0);	/* then EOF */
	pos = 50000;
	KTEST_EXPECT_EQ(proc_seq_copy(&s, c, 4, &pos, kcopy), 0);
	KTEST_EXPECT_EQ(pos, 50000);
	pos = -1;
	KTEST_EXPECT_EQ(proc_seq_copy(&s, c, 4, &pos, kcopy), -EINVAL);
	KTEST_EXPECT_EQ(pos, -1);
	kfree(s.buf);
}

static struct file *proc_open(const char *path)
{
	static char name[64];

	strlcpy(name, path, sizeof(name));
	return do_filp_open(AT_FDCWD, name, O_RDONLY, 0);
}

KTEST(proc, system_files_exist_at_boot_with_the_boot_log_generators)
{
	static const char *const names[] = {
		"/proc/meminfo", "/proc/buddyinfo", "/proc/zoneinfo", "/proc/slabinfo",
		"/proc/vmallocinfo", "/proc/uptime", "/proc/loadavg", "/proc/version",
		"/proc/self/maps", "/proc/self/comm", "/proc/self/cmdline",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct file *f = proc_open(names[i]);

		KTEST_ASSERT_FALSE(IS_ERR(f));
		KTEST_EXPECT_TRUE(f->f_op == &proc_seq_fops);
		fput(f);
	}
	KTEST_EXPECT_TRUE(IS_ERR(proc_open("/proc/nosuch")));
}

KTEST(proc, meminfo_and_slabinfo_texts_have_linux_headers)
{
	struct file *f = proc_open("/proc/meminfo");
	struct proc_seq s;

	KTEST_ASSERT_FALSE(IS_ERR(f));
	KTEST_ASSERT_EQ(proc_seq_generate((proc_show_t)f->f_inode->i_private, &s), 0);
	KTEST_EXPECT_EQ(memcmp(s.buf, "MemTotal:", 9), 0);
	KTEST_EXPECT_NOT_NULL(strstr(s.buf, "\nMemFree:"));
	kfree(s.buf);
	fput(f);
	f = proc_open("/proc/slabinfo");
	KTEST_ASSERT_FALSE(IS_ERR(f));
	KTEST_ASSERT_EQ(proc_seq_generate((proc_show_t)f->f_inode->i_private, &s), 0);
	KTEST_EXPECT_EQ(memcmp(s.buf, "slabinfo - version: 2.1\n", 24), 0);
	kfree(s.buf);
	fput(f);
	f = proc_open("/proc/version");
	KTEST_ASSERT_FALSE(IS_ERR(f));
	KTEST_ASSERT_EQ(proc_seq_generate((proc_show_t)f->f_inode->i_private, &s), 0);
	KTEST_EXPECT_EQ(memcmp(s.buf, "Linux version 6.1.0 ", 20), 0);
	kfree(s.buf);
	fput(f);
}

KTEST(proc, llseek_sets_and_moves_and_refuses_end_and_negative)
{
	struct file *f = proc_open("/proc/version");

	KTEST_ASSERT_FALSE(IS_ERR(f));
	KTEST_EXPECT_EQ(f->f_op->llseek(f, 5, SEEK_SET), 5);
	KTEST_EXPECT_EQ(f->f_op->llseek(f, 3, SEEK_CUR), 8);
	KTEST_EXPECT_EQ(f->f_op->llseek(f, 0, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(f->f_op->llseek(f, -20, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(f->f_pos, 8);
	fput(f);
}

KTEST(proc, int_knob_parsing_takes_one_integer_in_range_and_refuses_the_rest)
{
	int v = 77;

	KTEST_EXPECT_EQ(proc_parse_int("2\n", 2, 0, 2, &v), 0);
	KTEST_EXPECT_EQ(v, 2);
	KTEST_EXPECT_EQ(proc_parse_int("-5", 2, -10, 10, &v), 0);
	KTEST_EXPECT_EQ(v, -5);
	v = 77;
	KTEST_EXPECT_EQ(proc_parse_int("3\n", 2, 0, 2, &v), -EINVAL);	/* out of range */
	KTEST_EXPECT_EQ(proc_parse_int("-1", 2, 0, 2, &v), -EINVAL);
	KTEST_EXPECT_EQ(proc_parse_int("abc", 3, 0, 2, &v), -EINVAL);	/* garbage */
	KTEST_EXPECT_EQ(proc_parse_int("1x", 2, 0, 2, &v), -EINVAL);
	KTEST_EXPECT_EQ(proc_parse_int("", 0, 0, 2, &v), -EINVAL);
	KTEST_EXPECT_EQ(proc_parse_int("\n", 1, 0, 2, &v), -EINVAL);
	KTEST_EXPECT_EQ(proc_parse_int("-", 1, 0, 2, &v), -EINVAL);
	KTEST_EXPECT_EQ(proc_parse_int("99999999999", 11, 0, 0x7fffffff, &v), -EINVAL);
	KTEST_EXPECT_EQ(v, 77);				/* every refusal kept it */
}

/* Each knob's table entry names the kernel's own variable and Linux's bounds. */
KTEST(proc, sys_knobs_are_the_kernel_variables_with_linux_bounds)
{
	struct ctl_table *om = &proc_sys_vm_table[0], *pm = &proc_sys_kernel_table[0];
	int v;

	KTEST_EXPECT_STREQ(om->procname, "overcommit_memory");
	KTEST_EXPECT_TRUE(om->data == &sysctl_overcommit_memory);
	KTEST_EXPECT_EQ(proc_parse_int("1", 1, om->min, om->max, &v), 0);
	KTEST_EXPECT_EQ(proc_parse_int("3", 1, om->min, om->max, &v), -EINVAL);
	KTEST_EXPECT_STREQ(proc_sys_vm_table[1].procname, "overcommit_ratio");
	KTEST_EXPECT_TRUE(proc_sys_vm_table[1].data == &sysctl_overcommit_ratio);
	KTEST_EXPECT_STREQ(pm->procname, "pid_max");
	KTEST_EXPECT_TRUE(pm->data == &pid_max);
	KTEST_EXPECT_EQ(proc_parse_int("300", 3, pm->min, pm->max, &v), -EINVAL);
	KTEST_EXPECT_EQ(proc_parse_int("301", 3, pm->min, pm->max, &v), 0);
	KTEST_EXPECT_EQ(proc_parse_int("32769", 5, pm->min, pm->max, &v), -EINVAL);
	KTEST_EXPECT_TRUE(!IS_ERR(proc_open("/proc/sys/vm/overcommit_memory")));
}

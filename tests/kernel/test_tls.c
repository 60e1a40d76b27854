/*
 * Self-tests for set_thread_area's checks and descriptor encoding (arch/x86/kernel/tls.c),
 * without running a process: the helpers work on a task_struct that is not current,
 * so the GDT is never touched.
 */
#include <ktest.h>
#include <uapi/errno.h>
#include <sched.h>
#include <string.h>
#include <asm/desc.h>
#include <asm/tls.h>

/* What glibc and musl pass: base, 4 GiB in pages, 32-bit data, useable, present. */
static struct user_desc libc_request(u32 base)
{
	struct user_desc d;

	memset(&d, 0, sizeof(d));
	d.entry_number = -1;
	d.base_addr = base;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
	return d;
}

KTEST(tls, libc_request_encodes_as_linux_does)
{
	struct user_desc d = libc_request(0x12345678), back;
	u64 desc = tls_desc_encode(&d);

	/* access 0xf3: present, DPL 3, data, writable, accessed; flags G D AVL = 0xd. */
	KTEST_EXPECT_EQ(desc, 0x12dff3345678ffffULL);
	tls_desc_decode(desc, 6, &back);
	KTEST_EXPECT_EQ(back.entry_number, 6);
	KTEST_EXPECT_EQ(back.base_addr, 0x12345678);
	KTEST_EXPECT_EQ(back.limit, 0xfffff);
	KTEST_EXPECT_EQ(back.seg_32bit, 1);
	KTEST_EXPECT_EQ(back.limit_in_pages, 1);
	KTEST_EXPECT_EQ(back.useable, 1);
	KTEST_EXPECT_EQ(back.contents, 0);
	KTEST_EXPECT_EQ(back.read_exec_only, 0);
	KTEST_EXPECT_EQ(back.seg_not_present, 0);
}

KTEST(tls, read_only_and_byte_granular_variants)
{
	struct user_desc d = libc_request(0xb7f00000);

	d.read_exec_only = 1;
	d.limit_in_pages = 0;
	d.useable = 0;
	d.limit = 0xfff;
	/* access 0xf1 (not writable), flags D only = 0x4 */
	KTEST_EXPECT_EQ(tls_desc_encode(&d), 0xb740f1f000000fffULL);
}

KTEST(tls, invalid_descriptors_are_refused)
{
	struct task_struct t;
	struct user_desc d;

	memset(&t, 0, sizeof(t));
	d = libc_request(0x1000);
	d.seg_32bit = 0;
	KTEST_EXPECT_FALSE(tls_desc_okay(&d));
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), -EINVAL);
	d = libc_request(0x1000);
	d.contents = 2;			/* code */
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), -EINVAL);
	d.contents = 1;			/* expand-down data is allowed */
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), GDT_ENTRY_TLS_MIN);
	d = libc_request(0x1000);
	d.seg_not_present = 1;
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), -EINVAL);
}

KTEST(tls, explicit_entry_outside_6_to_8_is_einval)
{
	struct task_struct t;
	struct user_desc d = libc_request(0x1000);

	memset(&t, 0, sizeof(t));
	d.entry_number = 5;
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), -EINVAL);
	d.entry_number = 9;
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), -EINVAL);
	d.entry_number = 0;
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), -EINVAL);
	d.entry_number = 8;
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), 8);
}

KTEST(tls, minus_one_takes_first_free_slot_and_fourth_is_esrch)
{
	struct task_struct t;
	struct user_desc d = libc_request(0x1000), zero;
	u64 gdt_before[GDT_ENTRY_TLS_ENTRIES];
	int i, idx;

	memset(&t, 0, sizeof(t));
	memcpy(gdt_before, &gdt_table[GDT_ENTRY_TLS_MIN], sizeof(gdt_before));
	for (i = 0; i < 3; i++) {
		idx = tls_pick_entry(&t, &d);
		KTEST_EXPECT_EQ(idx, GDT_ENTRY_TLS_MIN + i);
		if (idx < 0)
			return;
		tls_install(&t, idx, &d);
	}
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), -ESRCH);
	/* An explicit entry may still be overwritten. */
	d.entry_number = 7;
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), 7);

	/* An all-zero request clears a slot, which -1 then finds again. */
	memset(&zero, 0, sizeof(zero));
	zero.entry_number = 7;
	KTEST_EXPECT_TRUE(tls_desc_okay(&zero));
	KTEST_EXPECT_EQ(tls_desc_encode(&zero), 0);
	tls_install(&t, 7, &zero);
	KTEST_EXPECT_EQ(t.tls_array[1], 0);
	d.entry_number = -1;
	KTEST_EXPECT_EQ(tls_pick_entry(&t, &d), 7);
	/* Linux's "empty" pattern clears too. */
	memset(&zero, 0, sizeof(zero));
	zero.read_exec_only = 1;
	zero.seg_not_present = 1;
	KTEST_EXPECT_TRUE(tls_desc_okay(&zero));
	KTEST_EXPECT_EQ(tls_desc_encode(&zero), 0);

	/* The task was not current: the GDT is untouched. */
	KTEST_EXPECT_EQ(memcmp(gdt_before, &gdt_table[GDT_ENTRY_TLS_MIN], sizeof(gdt_before)), 0);
}

KTEST(tls, cleared_slot_reads_back_as_empty_pattern)
{
	struct user_desc info;

	tls_desc_decode(0, 8, &info);
	KTEST_EXPECT_EQ(info.entry_number, 8);
	KTEST_EXPECT_EQ(info.read_exec_only, 1);
	KTEST_EXPECT_EQ(info.seg_not_present, 1);
	KTEST_EXPECT_EQ(info.base_addr, 0);
	KTEST_EXPECT_EQ(info.seg_32bit, 0);
}

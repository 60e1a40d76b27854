/*
 * Self-tests for copy_from_user and friends: they refuse kernel addresses before
 * touching anything, and survive unmapped user addresses through the exception table
 * (no oops), returning exactly how many bytes were not copied. They run without any
 * process: the boot page directory maps nothing below PAGE_OFFSET, and a test page
 * directory maps a single user page to make a copy stop in the middle.
 */
#include <ktest.h>
#include <uapi/errno.h>
#include <mm.h>
#include <pgtable.h>
#include <string.h>
#include <uaccess.h>
#include <asm/sections.h>

#define UNMAPPED_USER	((void *)0x10000000)
#define TEST_VADDR	0x10000000UL

KTEST(uaccess, access_ok_stops_at_task_size_without_wrapping)
{
	KTEST_EXPECT_TRUE(access_ok((void *)0, 0));
	KTEST_EXPECT_TRUE(access_ok((void *)(TASK_SIZE - 1), 1));
	KTEST_EXPECT_TRUE(access_ok((void *)TASK_SIZE, 0));
	KTEST_EXPECT_FALSE(access_ok((void *)(TASK_SIZE - 1), 2));
	KTEST_EXPECT_FALSE(access_ok((void *)TASK_SIZE, 1));
	KTEST_EXPECT_FALSE(access_ok((void *)0xfffffff0, 0x20));	/* wraps past 4 GiB */
	KTEST_EXPECT_FALSE(access_ok((void *)0x1000, 0xfffff000));
}

KTEST(uaccess, unmapped_user_address_fails_without_oops)
{
	char buf[64];
	long n;

	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(copy_from_user(buf, UNMAPPED_USER, sizeof(buf)), sizeof(buf));
	/* The kernel buffer does not keep stale bytes where the copy failed. */
	KTEST_EXPECT_EQ(buf[0], 0);
	KTEST_EXPECT_EQ(buf[63], 0);
	KTEST_EXPECT_EQ(copy_to_user(UNMAPPED_USER, buf, 13), 13);
	KTEST_EXPECT_EQ(clear_user(UNMAPPED_USER, 4096), 4096);
	n = strncpy_from_user(buf, UNMAPPED_USER, sizeof(buf));
	KTEST_EXPECT_EQ(n, -EFAULT);
	KTEST_EXPECT_EQ(copy_from_user(buf, NULL, 1), 1);	/* page zero */
}

KTEST(uaccess, kernel_addresses_are_refused_before_any_access)
{
	char buf[16], saved[16];

	/* Reading kernel text through copy_from_user would succeed if it were tried. */
	KTEST_EXPECT_EQ(copy_from_user(buf, _text, sizeof(buf)), sizeof(buf));
	memcpy(saved, _sdata, sizeof(saved));
	memset(buf, 0x5a, sizeof(buf));
	KTEST_EXPECT_EQ(copy_to_user(_sdata, buf, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(memcmp(saved, _sdata, sizeof(saved)), 0);
	KTEST_EXPECT_EQ(clear_user(_sdata, 4), 4);
	KTEST_EXPECT_EQ(memcmp(saved, _sdata, sizeof(saved)), 0);
	KTEST_EXPECT_EQ(strncpy_from_user(buf, (const char *)_text, 8), -EFAULT);
	/* A range that starts in user space and ends in the kernel. */
	KTEST_EXPECT_EQ(copy_from_user(buf, (void *)(TASK_SIZE - 8), 16), 16);
}

/* A page directory with one user page at TEST_VADDR, then nothing above it. */
struct one_page_space {
	pgd_t *pgd, *old;
	struct page *page;
	u8 *kaddr;
};

static bool one_page_space_create(struct one_page_space *s)
{
	s->pgd = pgd_alloc();
	s->page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!s->pgd || !s->page ||
	    map_page(s->pgd, TEST_VADDR, page_to_phys(s->page),
		     _PAGE_PRESENT | _PAGE_RW | _PAGE_USER)) {
		if (s->pgd)
			pgd_free(s->pgd);
		if (s->page)
			__free_page(s->page);
		return false;
	}
	s->kaddr = page_address(s->page);
	s->old = current_pgd();
	switch_pgd(s->pgd);
	return true;
}

static void one_page_space_destroy(struct one_page_space *s)
{
	switch_pgd(s->old);
	pgd_free(s->pgd);
	__free_page(s->page);
}

KTEST(uaccess, copy_stops_exactly_at_the_first_bad_byte)
{
	struct one_page_space s;
	unsigned long before = nr_free_pages();
	char *user_end = (char *)(TEST_VADDR + PAGE_SIZE);
	char buf[64];
	int i;

	KTEST_ASSERT_TRUE(one_page_space_create(&s));
	for (i = 0; i < 64; i++)
		s.kaddr[PAGE_SIZE - 64 + i] = i;

	/* 10 good bytes then the unmapped page: 20 - 10 = 10 not copied. */
	memset(buf, 0xff, sizeof(buf));
	KTEST_EXPECT_EQ(copy_from_user(buf, user_end - 10, 20), 10);
	KTEST_EXPECT_EQ(buf[0], 54);
	KTEST_EXPECT_EQ(buf[9], 63);
	KTEST_EXPECT_EQ(buf[10], 0);
	/* An odd start and length: the word loop faults, the byte retry finishes exactly. */
	KTEST_EXPECT_EQ(copy_from_user(buf, user_end - 7, 33), 26);
	KTEST_EXPECT_EQ(buf[6], 63);
	/* Writing: the bytes before the hole land. */
	memset(buf, 0xab, sizeof(buf));
	KTEST_EXPECT_EQ(copy_to_user(user_end - 3, buf, 8), 5);
	KTEST_EXPECT_EQ(s.kaddr[PAGE_SIZE - 1], 0xab);
	KTEST_EXPECT_EQ(s.kaddr[PAGE_SIZE - 4], 60);
	KTEST_EXPECT_EQ(clear_user(user_end - 2, 6), 4);
	KTEST_EXPECT_EQ(s.kaddr[PAGE_SIZE - 1], 0);
	/* Whole copies inside the page succeed. */
	KTEST_EXPECT_EQ(copy_from_user(buf, user_end - 64, 64), 0);
	KTEST_EXPECT_EQ(buf[32], 32);

	/* A string that ends before the hole is fine; one running into it is -EFAULT. */
	memset(s.kaddr + PAGE_SIZE - 64, 'a', 64);
	s.kaddr[PAGE_SIZE - 5] = 0;
	KTEST_EXPECT_EQ(strncpy_from_user(buf, user_end - 8, 64), 3);
	KTEST_EXPECT_EQ(strncpy_from_user(buf, user_end - 4, 64), -EFAULT);
	/* No NUL within count: count, unterminated, as Linux's. */
	KTEST_EXPECT_EQ(strncpy_from_user(buf, user_end - 64, 4), 4);

	one_page_space_destroy(&s);
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

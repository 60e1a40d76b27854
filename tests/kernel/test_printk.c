/*
 * Self-tests for vsnprintf/printk formatting and the kernel's string functions.
 */
#include <ktest.h>
#include <kernel.h>
#include <string.h>

static const char *fmt(char *buf, size_t n, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, n, f, ap);
	va_end(ap);
	return buf;
}

KTEST(printk, formats_integers)
{
	char b[64];

	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%d %i %u", -42, 7, 4000000000u), "-42 7 4000000000");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%x %X %o", 0xbeef, 0xbeef, 8), "beef BEEF 10");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%lu %ld", 123456789UL, -5L), "123456789 -5");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%llx %lld", 0x123456789abcdefULL, -9000000000LL),
			   "123456789abcdef -9000000000");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%d", (int)0x80000000), "-2147483648");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%zu", (size_t)17), "17");
}

KTEST(printk, width_and_padding)
{
	char b[64];

	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "[%5d]", 42), "[   42]");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "[%-5d]", 42), "[42   ]");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "[%05d]", -42), "[-0042]");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "[%08x]", 0xabc), "[00000abc]");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "[%6s|%-6s]", "ab", "cd"), "[    ab|cd    ]");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "[%*d]", 4, 7), "[   7]");
}

KTEST(printk, strings_chars_pointers)
{
	char b[64];

	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%s %c%c %%", "hi", 'o', 'k'), "hi ok %");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%s", (char *)NULL), "(null)");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%p", (void *)0xc0100000), "0xc0100000");
	KTEST_EXPECT_STREQ(fmt(b, sizeof(b), "%p", (void *)0x10), "0x00000010");
}

KTEST(printk, truncates_and_returns_full_length)
{
	char b[8];

	memset(b, 'X', sizeof(b));
	KTEST_EXPECT_EQ(snprintf(b, 6, "%s", "abcdefghij"), 10);
	KTEST_EXPECT_STREQ(b, "abcde");
	KTEST_EXPECT_EQ(b[6], 'X');	/* nothing written past the size */
	KTEST_EXPECT_EQ(snprintf(NULL, 0, "%d", 12345), 5);
}

KTEST(printk, log_levels_filter_the_console)
{
	int saved = console_loglevel;

	ktest_capture_start();
	console_loglevel = 4;
	printk(KERN_DEBUG "debug-line\n");
	printk(KERN_ERR "error-line\n");
	console_loglevel = saved;
	ktest_capture_stop();
	/* The capture sees every message; the marker itself is never part of the text. */
	KTEST_EXPECT_LOGGED("debug-line");
	KTEST_EXPECT_LOGGED("error-line");
	KTEST_EXPECT_FALSE(ktest_capture_contains(KERN_SOH));
}

KTEST(string, mem_and_str_functions)
{
	char a[32], b[32];

	memset(a, 0x5a, sizeof(a));
	KTEST_EXPECT_EQ(a[0], 0x5a);
	KTEST_EXPECT_EQ(a[31], 0x5a);
	memcpy(b, "hello, world", 13);
	KTEST_EXPECT_STREQ(b, "hello, world");
	memmove(b + 2, b, 5);
	KTEST_EXPECT_EQ(memcmp(b, "hehello world", 7), 0);
	KTEST_EXPECT_EQ(strlen("abc"), 3);
	KTEST_EXPECT_LT(strcmp("abc", "abd"), 0);
	KTEST_EXPECT_EQ(strncmp("abcx", "abcy", 3), 0);
	KTEST_EXPECT_TRUE(strstr("find the needle", "needle") != NULL);
	KTEST_EXPECT_EQ(strlcpy(a, "truncate me", 5), 11);
	KTEST_EXPECT_STREQ(a, "trun");
	KTEST_EXPECT_EQ(simple_strtoul("0x1f", NULL, 0), 31);
	KTEST_EXPECT_EQ(simple_strtoul("123abc", NULL, 10), 123);
}

KTEST(cmdline, finds_words_and_values)
{
	/* The runner was started with "test" on the command line, so that word is there. */
	KTEST_EXPECT_TRUE(cmdline_has("test"));
	KTEST_EXPECT_FALSE(cmdline_has("tes"));
	KTEST_EXPECT_FALSE(cmdline_has("no-such-option"));
}

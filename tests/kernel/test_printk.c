/*
 * Self-tests for vsnprintf/printk formatting, the consoles printk writes to, the
 * notifier chains, and the kernel's string functions.
 */
#include <ktest.h>
#include <console.h>
#include <kernel.h>
#include <notifier.h>
#include <string.h>
#include <uapi/errno.h>

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

/* --- Consoles (kernel/printk.c) --- */

static char console_seen[128];
static size_t console_seen_len;

static void record_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	if (n > sizeof(console_seen) - 1 - console_seen_len)
		n = sizeof(console_seen) - 1 - console_seen_len;
	memcpy(console_seen + console_seen_len, s, n);
	console_seen_len += n;
	console_seen[console_seen_len] = '\0';
}

KTEST(printk, registered_console_gets_messages_by_level)
{
	struct console filtered = { .name = "ktest-filtered", .write = record_write };
	int saved = console_loglevel;

	console_seen_len = 0;
	console_seen[0] = '\0';
	register_console(&filtered);
	KTEST_EXPECT_TRUE(filtered.flags & CON_ENABLED);
	console_loglevel = 4;
	printk(KERN_DEBUG "con-debug\n");	/* at or above the level: not for it */
	printk(KERN_ERR "con-error\n");
	console_loglevel = saved;
	KTEST_EXPECT_EQ(unregister_console(&filtered), 0);
	printk(KERN_ERR "con-after\n");		/* unregistered: not seen */
	KTEST_EXPECT_STREQ(console_seen, "con-error\n");
	KTEST_EXPECT_FALSE(filtered.flags & CON_ENABLED);
	KTEST_EXPECT_EQ(unregister_console(&filtered), -ENODEV);
}

KTEST(printk, all_levels_console_gets_debug_messages)
{
	struct console all = { .name = "ktest-all", .write = record_write,
			       .flags = CON_ALL_LEVELS };
	int saved = console_loglevel;

	console_seen_len = 0;
	console_seen[0] = '\0';
	register_console(&all);
	console_loglevel = 4;
	printk(KERN_DEBUG "con-debug\n");
	console_loglevel = saved;
	unregister_console(&all);
	KTEST_EXPECT_STREQ(console_seen, "con-debug\n");
}

/* --- Notifier chains (kernel/notifier.c) --- */

static char chain_order[16];
static int chain_calls;

static int chain_record(struct notifier_block *nb, unsigned long val, void *data)
{
	const char *tag = data;

	(void)val;
	if (chain_calls < (int)sizeof(chain_order) - 1)
		chain_order[chain_calls++] = (char)nb->priority + '0';
	chain_order[chain_calls] = '\0';
	return tag && *tag == (char)nb->priority + '0' ? NOTIFY_STOP : NOTIFY_OK;
}

KTEST(notifier, chain_runs_by_priority_and_stops_on_notify_stop)
{
	static ATOMIC_NOTIFIER_HEAD(chain);
	struct notifier_block a = { .notifier_call = chain_record, .priority = 1 };
	struct notifier_block b = { .notifier_call = chain_record, .priority = 3 };
	struct notifier_block c = { .notifier_call = chain_record, .priority = 2 };

	KTEST_EXPECT_EQ(atomic_notifier_call_chain(&chain, 0, NULL), NOTIFY_DONE);
	KTEST_EXPECT_EQ(atomic_notifier_chain_register(&chain, &a), 0);
	KTEST_EXPECT_EQ(atomic_notifier_chain_register(&chain, &b), 0);
	KTEST_EXPECT_EQ(atomic_notifier_chain_register(&chain, &c), 0);
	KTEST_EXPECT_EQ(atomic_notifier_chain_register(&chain, &c), -EEXIST);

	chain_calls = 0;
	KTEST_EXPECT_EQ(atomic_notifier_call_chain(&chain, 0, NULL), NOTIFY_OK);
	KTEST_EXPECT_STREQ(chain_order, "321");		/* highest priority first */

	chain_calls = 0;
	KTEST_EXPECT_EQ(atomic_notifier_call_chain(&chain, 0, "2"), NOTIFY_STOP);
	KTEST_EXPECT_STREQ(chain_order, "32");		/* 2 said stop: 1 not called */

	KTEST_EXPECT_EQ(atomic_notifier_chain_unregister(&chain, &b), 0);
	KTEST_EXPECT_EQ(atomic_notifier_chain_unregister(&chain, &b), -ENOENT);
	chain_calls = 0;
	atomic_notifier_call_chain(&chain, 0, NULL);
	KTEST_EXPECT_STREQ(chain_order, "21");
	atomic_notifier_chain_unregister(&chain, &a);
	atomic_notifier_chain_unregister(&chain, &c);
	KTEST_EXPECT_EQ(atomic_notifier_call_chain(&chain, 0, NULL), NOTIFY_DONE);
}

static struct notifier_block self_nb;
static ATOMIC_NOTIFIER_HEAD(self_chain);

static int unregister_self(struct notifier_block *nb, unsigned long val, void *data)
{
	(void)val;
	(void)data;
	chain_calls++;
	atomic_notifier_chain_unregister(&self_chain, nb);
	return NOTIFY_OK;
}

KTEST(notifier, callback_may_unregister_itself)
{
	struct notifier_block after = { .notifier_call = chain_record, .priority = 0 };

	self_nb.notifier_call = unregister_self;
	self_nb.priority = 5;
	atomic_notifier_chain_register(&self_chain, &self_nb);
	atomic_notifier_chain_register(&self_chain, &after);
	chain_calls = 0;
	atomic_notifier_call_chain(&self_chain, 0, NULL);
	KTEST_EXPECT_EQ(chain_calls, 2);		/* itself, then the next one */
	chain_calls = 0;
	atomic_notifier_call_chain(&self_chain, 0, NULL);
	KTEST_EXPECT_STREQ(chain_order, "0");		/* only the one left */
	atomic_notifier_chain_unregister(&self_chain, &after);
}

/* A report reaches report_notifier_list without its level marker and newline. */
static char last_report[96];

static int copy_report(struct notifier_block *nb, unsigned long val, void *data)
{
	(void)nb;
	(void)val;
	strlcpy(last_report, data, sizeof(last_report));
	return NOTIFY_DONE;
}

KTEST(notifier, pr_report_reaches_the_report_chain)
{
	struct notifier_block nb = { .notifier_call = copy_report, .priority = 200 };

	KTEST_EXPECT_REPORT("BUG: ktest report number 42");
	atomic_notifier_chain_register(&report_notifier_list, &nb);
	last_report[0] = '\0';
	ktest_capture_start();
	pr_report(KERN_ERR "BUG: ktest report number %d\n", 42);
	ktest_capture_stop();
	atomic_notifier_chain_unregister(&report_notifier_list, &nb);
	KTEST_EXPECT_STREQ(last_report, "BUG: ktest report number 42");
	KTEST_EXPECT_LOGGED("BUG: ktest report number 42\n");	/* printed as printk does */
	KTEST_EXPECT_FALSE(ktest_capture_contains(KERN_SOH));
}

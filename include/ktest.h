/*
 * In-kernel self-tests, in the manner of Linux's KUnit.
 *
 *	KTEST(buddy, split_merge_restores_free_lists)
 *	{
 *		struct page *p = alloc_pages(GFP_KERNEL, 3);
 *		KTEST_ASSERT_NOT_NULL(p);
 *		...
 *	}
 *
 * KTEST() puts a descriptor into the .ktests linker section; tests/kernel/ktest.c walks that
 * section when the kernel is booted with "test" (all suites) or "test=SUITE[,SUITE]" on
 * its command line, and prints a KTAP line per test ("ok 3 - name", "not ok 4 - name"
 * followed by the failed check's file, line and values), then "N passed, N failed".
 *
 * EXPECT checks record a failure and go on; ASSERT checks also end the test (they
 * return from the test function, so use them only there). A test that faults or panics
 * is reported with the exception and counted as failed; the run continues with the
 * next. A test also fails when the code under it reports a kernel bug (a WARNING, a
 * "BUG:" line, a bad free, a slab corruption: whatever goes through pr_report) that it
 * did not declare beforehand with KTEST_EXPECT_REPORT("part of the first line"); a
 * declared report that does not come fails it as well.
 *
 * The tests live in the test image only (build/kernel-test.elf); the production image
 * (build/kernel.elf) has no .ktests and says so when booted with "test".
 */
#ifndef _KTEST_H
#define _KTEST_H

#include "types.h"
#include "printk.h"

struct ktest {
	const char *suite;
	const char *name;
	void (*run)(void);
};

#define KTEST(suite, name)							\
	static void ktest_##suite##_##name(void);				\
	static const struct ktest __ktest_##suite##_##name			\
		__used __section(".ktests") __aligned(4) =			\
		{ #suite, #name, ktest_##suite##_##name };			\
	static void ktest_##suite##_##name(void)

__printf(3, 4) void ktest_fail(const char *file, int line, const char *fmt, ...);
__printf(1, 2) void ktest_skip(const char *fmt, ...);	/* "ok N - name # SKIP why" */
bool ktest_failed(void);		/* has the running test failed so far? */

/*
 * The running test is about to provoke a report whose first line contains text (a
 * string literal, or one that lives until the test ends): that report does not fail
 * it, and the test fails if no such report comes. Matching reports may come any
 * number of times.
 */
void ktest_expect_report(const char *text);
#define KTEST_EXPECT_REPORT(text)	ktest_expect_report(text)

#define __KTEST_CMP(fatal, a, op, b) do {					\
	long long __a = (long long)(a), __b = (long long)(b);			\
	if (!(__a op __b)) {							\
		ktest_fail(__FILE__, __LINE__, "%s %s %s: %lld (0x%llx) vs %lld (0x%llx)", \
			   #a, #op, #b, __a, (unsigned long long)__a,		\
			   __b, (unsigned long long)__b);			\
		if (fatal)							\
			return;							\
	}									\
} while (0)

#define __KTEST_TRUE(fatal, cond, text) do {					\
	if (!(cond)) {								\
		ktest_fail(__FILE__, __LINE__, "%s", text);			\
		if (fatal)							\
			return;							\
	}									\
} while (0)

#define KTEST_EXPECT_EQ(a, b)	__KTEST_CMP(0, a, ==, b)
#define KTEST_EXPECT_NE(a, b)	__KTEST_CMP(0, a, !=, b)
#define KTEST_EXPECT_LT(a, b)	__KTEST_CMP(0, a, <, b)
#define KTEST_EXPECT_LE(a, b)	__KTEST_CMP(0, a, <=, b)
#define KTEST_EXPECT_GT(a, b)	__KTEST_CMP(0, a, >, b)
#define KTEST_EXPECT_GE(a, b)	__KTEST_CMP(0, a, >=, b)
#define KTEST_ASSERT_EQ(a, b)	__KTEST_CMP(1, a, ==, b)
#define KTEST_ASSERT_NE(a, b)	__KTEST_CMP(1, a, !=, b)
#define KTEST_ASSERT_LT(a, b)	__KTEST_CMP(1, a, <, b)
#define KTEST_ASSERT_LE(a, b)	__KTEST_CMP(1, a, <=, b)
#define KTEST_ASSERT_GT(a, b)	__KTEST_CMP(1, a, >, b)
#define KTEST_ASSERT_GE(a, b)	__KTEST_CMP(1, a, >=, b)
#define KTEST_EXPECT_TRUE(c)	__KTEST_TRUE(0, c, "expected true: " #c)
#define KTEST_EXPECT_FALSE(c)	__KTEST_TRUE(0, !(c), "expected false: " #c)
#define KTEST_ASSERT_TRUE(c)	__KTEST_TRUE(1, c, "expected true: " #c)
#define KTEST_ASSERT_FALSE(c)	__KTEST_TRUE(1, !(c), "expected false: " #c)
#define KTEST_EXPECT_NULL(p)	__KTEST_TRUE(0, (p) == NULL, "expected NULL: " #p)
#define KTEST_EXPECT_NOT_NULL(p) __KTEST_TRUE(0, (p) != NULL, "expected non-NULL: " #p)
#define KTEST_ASSERT_NULL(p)	__KTEST_TRUE(1, (p) == NULL, "expected NULL: " #p)
#define KTEST_ASSERT_NOT_NULL(p) __KTEST_TRUE(1, (p) != NULL, "expected non-NULL: " #p)
#define KTEST_EXPECT_STREQ(a, b) __KTEST_TRUE(0, strcmp(a, b) == 0, "strings differ: " #a " vs " #b)
/* Does the captured console output (ktest_capture_*) contain this text? */
#define KTEST_EXPECT_LOGGED(text) \
	__KTEST_TRUE(0, ktest_capture_contains(text), "expected a report containing: " text)

/*
 * Run fn(arg) with a recovery point: if it raises a CPU exception in kernel mode, the
 * trap handler unwinds back here instead of oopsing. Returns true if it faulted, and
 * fills *fault (may be NULL). The fault is not reported as an oops; the caller decides.
 */
struct ktest_fault {
	int vector;
	unsigned long error_code;
	unsigned long cr2;
	unsigned long eip;
};
bool ktest_catch(void (*fn)(void *), void *arg, struct ktest_fault *fault);

/*
 * Capture console output, whatever its log level (the text is still printed as the
 * level allows), so a test can check a report.
 */
void ktest_capture_start(void);
void ktest_capture_stop(void);
bool ktest_capture_contains(const char *text);
const char *ktest_capture_text(void);

#endif /* _KTEST_H */

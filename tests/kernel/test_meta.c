/*
 * Tests that fail on purpose, to check the self-test runner itself. The "meta" suite
 * runs only when named ("test=meta"); tests/run-ktests checks that each failure is
 * reported the way it should be and that the run goes on after an oops (also one in a
 * task the test made) and a panic, and that a report the test did not declare (a
 * WARNING, a bad free) fails it, as does a declared one that never comes, while a
 * declared one that comes does not.
 */
#include <ktest.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>

KTEST(meta, failed_expectation_is_reported)
{
	int meta_failed_expectation_is_reported_here = 1;

	KTEST_EXPECT_EQ(meta_failed_expectation_is_reported_here, 2);
}

KTEST(meta, oops_fails_only_that_test)
{
	volatile uintptr_t addr = 0x10;	/* volatile: the compiler must not see the NULL page */

	*(volatile int *)addr = 1;
}

KTEST(meta, panic_fails_only_that_test)
{
	panic("deliberate panic from a self-test");
}

static int oopsing_thread(void *unused)
{
	volatile uintptr_t addr = 0x14;

	(void)unused;
	*(volatile int *)addr = 1;
	return 0;
}

/* An oops in a task the test made fails the test; the task ends and the test goes on. */
KTEST(meta, oops_in_a_tasks_thread_fails_the_test)
{
	struct task_struct *t = copy_process(oopsing_thread, NULL, "oopser");

	KTEST_ASSERT_NOT_NULL(t);
	wake_up_new_task(t);
	KTEST_EXPECT_EQ(kernel_wait(t), 128 + 11);
	printk(KERN_ERR "    # meta: the test went on after its thread's oops\n");
}

KTEST(meta, runs_after_failures)
{
	KTEST_EXPECT_EQ(1 + 1, 2);
}

/* volatile: the WARN_ON must happen at run time, with its condition's text printed. */
static volatile bool meta_undeclared_warning = true;

KTEST(meta, undeclared_warn_fails_the_test)
{
	WARN_ON(meta_undeclared_warning);
}

KTEST(meta, undeclared_bad_free_fails_the_test)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(page);
	__free_page(page);
	__free_page(page);		/* refused and reported: "BUG: Bad page free" */
}

KTEST(meta, declared_report_that_never_comes_fails_the_test)
{
	KTEST_EXPECT_REPORT("WARNING: meta_report_that_never_comes");
}

KTEST(meta, declared_warn_passes)
{
	KTEST_EXPECT_REPORT("WARNING: at tests/kernel/test_meta.c");
	WARN_ON(meta_undeclared_warning);
}

/*
 * "test=overflow" only (a suite of its own, never selected by plain "test"): recurses
 * until the boot stack runs into its guard page. The double-fault task must report it;
 * tests/run-ktests checks the report and that QEMU says "panic", not "triple fault".
 */
static volatile int depth_limit = 1 << 30;	/* volatile: GCC cannot prove it unbounded */

static __noinline int recurse(volatile char *p, int depth)
{
	volatile char buf[256];

	buf[0] = *p;
	if (depth >= depth_limit)
		return 0;
	return recurse(buf, depth + 1) + buf[1];
}

KTEST(overflow, kernel_stack_overflow_is_reported)
{
	volatile char c = 0;

	recurse(&c, 0);
}

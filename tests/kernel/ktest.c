/*
 * The self-test runner (see include/ktest.h for how tests are written).
 *
 * Tests are descriptors in the .ktests section, in link order; only the test image
 * (build/kernel-test.elf) has them. The runner calls each selected one with a setjmp()
 * recovery point. It hooks into the kernel only through the chains production code
 * offers, registered when the run starts:
 *
 *  - a console (register_console) that copies every message, whatever its level, into
 *    a buffer while a test captures (ktest_capture_start), so it can check a report;
 *  - the die chain: a fault inside ktest_catch() unwinds back there instead of oopsing
 *    (DIE_TRAP, DIE_GPF, DIE_PAGE_FAULT), and an oops fails the running test (DIE_OOPS);
 *  - the panic notifiers (a panic, or the end of an oops): the report has been printed,
 *    so the runner marks the test failed and longjmps back to run the next one;
 *  - the report notifiers (pr_report: WARNING, "BUG:" lines, bad frees, slab
 *    corruption): a report the test did not declare with KTEST_EXPECT_REPORT() fails
 *    it, named; a declared report that never came fails it too.
 *
 * Output is KTAP: a plan line, then "ok N - suite_name" or "not ok N - suite_name" per
 * test with "# " diagnostic lines before it, and finally "N passed, N failed" for the
 * host runner (tests/run-ktests), which also checks the QEMU exit status that
 * machine_exit() sets.
 *
 * Relies on: setjmp/longjmp (arch/x86/lib/setjmp_32.asm), machine_exit, printk, the
 * notifier chains (kernel/notifier.c, kernel/panic.c), consoles (kernel/printk.c).
 */
#include <ktest.h>
#include <console.h>
#include <init.h>
#include <kdebug.h>
#include <kernel.h>
#include <notifier.h>
#include <signal.h>
#include <sched.h>
#include <setjmp.h>
#include <slab.h>
#include <string.h>
#include <asm/x86.h>
#include <asm/ptrace.h>

extern const struct ktest __start_ktests[], __stop_ktests[];

static const struct ktest *current_test;
static struct task_struct *runner_task;	/* the task the tests run in (init) */
static bool current_failed, current_skipped;
static char skip_reason[128];
static jmp_buf test_env;

static jmp_buf catch_env;
static bool catch_active;
static struct ktest_fault caught;

bool ktest_failed(void)
{
	return current_failed;
}

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_ERR "    # %s:%d: %s\n", file, line, msg);
	current_failed = true;
}

void ktest_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(skip_reason, sizeof(skip_reason), fmt, ap);
	va_end(ap);
	current_skipped = true;
}

/* --- Faults a test provokes on purpose: the die chain. --- */

bool ktest_catch(void (*fn)(void *), void *arg, struct ktest_fault *fault)
{
	bool faulted = false;

	if (setjmp(catch_env) == 0) {
		catch_active = true;
		fn(arg);
	} else {
		faulted = true;
		if (fault)
			*fault = caught;
	}
	catch_active = false;
	return faulted;
}

/*
 * Is this code running on the runner's own kernel stack? A test may set current to a
 * stand-in task while it runs on the runner's stack, so current does not say.
 */
static bool on_runner_stack(void)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	unsigned long base = (unsigned long)runner_task->stack;

	return sp >= base && sp < base + THREAD_SIZE;
}

static int ktest_die_notify(struct notifier_block *nb, unsigned long val, void *data)
{
	struct die_args *args = data;

	(void)nb;
	if (!current_test)
		return NOTIFY_DONE;
	if (val == DIE_OOPS) {
		/* Not caught: the oops is printed, then the panic notifier ends the test. */
		printk(KERN_ERR "    # oops in the test: %s\n", args->str);
		current_failed = true;
		return NOTIFY_DONE;
	}
	if (!catch_active || !on_runner_stack())
		return NOTIFY_DONE;	/* ktest_catch()'s recovery point is the runner's */
	caught.vector = args->trapnr;
	caught.error_code = args->err;
	caught.cr2 = read_cr2();
	caught.eip = args->regs->eip;
	catch_active = false;
	longjmp(catch_env, 1);
}

static struct notifier_block ktest_die_nb = {
	.notifier_call = ktest_die_notify,
	.priority = 100,	/* before any other listener: the fault is the test's */
};

/*
 * After a panic or an oops has been reported: fail the test and go on with the next.
 * The runner's recovery point is on the runner's own stack, so it is reached only from
 * the runner. A task the test made (a kernel thread, a program) that oopses is ended
 * instead, as Linux ends a task after an oops (make_task_dead): its parent, the test,
 * reaps it and goes on.
 */
static int ktest_panic_notify(struct notifier_block *nb, unsigned long val, void *data)
{
	(void)nb;
	(void)val;
	(void)data;
	if (!current_test)
		return NOTIFY_DONE;
	current_failed = true;
	if (!on_runner_stack()) {
		printk(KERN_ERR "    # %s[%d], a task of the test, is ended\n", current->comm,
		       current->pid);
		local_irq_enable();
		do_exit(128 + SIGSEGV);
	}
	catch_active = false;
	longjmp(test_env, 1);
}

static struct notifier_block ktest_panic_nb = {
	.notifier_call = ktest_panic_notify,
};

/* --- Reports: each must be declared by the test that provokes it. --- */

#define MAX_EXPECTED_REPORTS 8

static struct {
	const char *text;	/* a part of the report's first line */
	int seen;
} expected[MAX_EXPECTED_REPORTS];
static int nr_expected;

void ktest_expect_report(const char *text)
{
	if (nr_expected == MAX_EXPECTED_REPORTS) {
		ktest_fail(__FILE__, __LINE__, "more than %d expected reports: \"%s\"",
			   MAX_EXPECTED_REPORTS, text);
		return;
	}
	expected[nr_expected].text = text;
	expected[nr_expected].seen = 0;
	nr_expected++;
}

static int ktest_report_notify(struct notifier_block *nb, unsigned long val, void *data)
{
	const char *line = data;
	int i;

	(void)nb;
	(void)val;
	if (!current_test)
		return NOTIFY_DONE;
	for (i = 0; i < nr_expected; i++) {
		if (strstr(line, expected[i].text)) {
			expected[i].seen++;
			return NOTIFY_OK;
		}
	}
	printk(KERN_ERR "    # unexpected report (declare it with KTEST_EXPECT_REPORT): %s\n",
	       line);
	current_failed = true;
	return NOTIFY_OK;
}

static struct notifier_block ktest_report_nb = {
	.notifier_call = ktest_report_notify,
};

/* A declared report that never came fails the test (unless it was skipped). */
static void check_expected_reports(void)
{
	int i;

	for (i = 0; i < nr_expected; i++)
		if (!expected[i].seen && !current_skipped) {
			printk(KERN_ERR "    # expected a report containing \"%s\"; none came\n",
			       expected[i].text);
			current_failed = true;
		}
	nr_expected = 0;
}

/* --- Capturing console output so that a test can check a report's text. --- */

static char capture_buf[4096];
static size_t capture_len;
static bool capturing;

void ktest_capture_start(void)
{
	capture_len = 0;
	capture_buf[0] = '\0';
	capturing = true;
}

void ktest_capture_stop(void)
{
	capturing = false;
}

static void ktest_console_write(struct console *con, const char *text, unsigned int len)
{
	(void)con;
	if (!capturing)
		return;
	if (len > sizeof(capture_buf) - 1 - capture_len)
		len = sizeof(capture_buf) - 1 - capture_len;
	memcpy(capture_buf + capture_len, text, len);
	capture_len += len;
	capture_buf[capture_len] = '\0';
}

static struct console ktest_console = {
	.name = "ktest",
	.write = ktest_console_write,
	.flags = CON_ALL_LEVELS,	/* a test may look for a KERN_INFO line under "quiet" */
};

bool ktest_capture_contains(const char *text)
{
	return strstr(capture_buf, text) != NULL;
}

const char *ktest_capture_text(void)
{
	return capture_buf;
}

/* --- The runner. --- */

/*
 * "test" selects every suite but "meta" and "overflow" (whose tests fail on purpose to
 * check this runner and the double-fault report); "test=buddy,slab" selects exactly
 * those suites.
 */
static bool suite_selected(const char *suites, const char *suite)
{
	if (!suites || !*suites || *suites == ' ')
		return strcmp(suite, "meta") != 0 && strcmp(suite, "overflow") != 0;
	return name_in_list(suites, suite);
}

struct ktest_counts {
	int passed, failed, skipped;
};

static void run_one(const struct ktest *t, int number, struct ktest_counts *c)
{
	current_failed = false;
	current_skipped = false;
	capturing = false;
	nr_expected = 0;
	if (setjmp(test_env) == 0) {
		current_test = t;
		local_irq_enable();
		t->run();
	}
	current = runner_task;	/* a test that stopped half-way may have left a stand-in */
	current_test = NULL;
	catch_active = false;
	capturing = false;
	local_irq_enable();
	check_expected_reports();
	if (current_failed) {
		printk(KERN_ERR "not ok %d - %s_%s\n", number, t->suite, t->name);
		c->failed++;
	} else if (current_skipped) {
		printk(KERN_ERR "ok %d - %s_%s # SKIP %s\n", number, t->suite, t->name,
		       skip_reason);
		c->skipped++;
	} else {
		printk(KERN_ERR "ok %d - %s_%s\n", number, t->suite, t->name);
		c->passed++;
	}
}

static void ktest_run_all(const char *suites)
{
	const struct ktest *t;
	struct ktest_counts c = { 0, 0, 0 };
	int total = 0, number = 0;

	runner_task = current;
	register_console(&ktest_console);
	register_die_notifier(&ktest_die_nb);
	atomic_notifier_chain_register(&panic_notifier_list, &ktest_panic_nb);
	atomic_notifier_chain_register(&report_notifier_list, &ktest_report_nb);

	for (t = __start_ktests; t < __stop_ktests; t++)
		total += suite_selected(suites, t->suite);
	printk(KERN_ERR "KTAP version 1\n1..%d\n", total);
	for (t = __start_ktests; t < __stop_ktests; t++)
		if (suite_selected(suites, t->suite))
			run_one(t, ++number, &c);
	show_slabinfo();	/* the caches as the tests leave them */
	printk(KERN_ERR "%d passed, %d failed, %d skipped\n", c.passed, c.failed, c.skipped);
	if (total == 0)
		printk(KERN_ERR "no self-test matched \"%s\"\n", suites ? suites : "(all)");
	machine_exit(c.failed || total == 0 ? QEMU_EXIT_FAIL : QEMU_EXIT_PASS);
}
DEFINE_BOOT_MODE(test, ktest_run_all);

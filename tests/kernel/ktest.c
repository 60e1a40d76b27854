/*
 * The self-test runner (see include/ktest.h for how tests are written).
 *
 * Tests are descriptors in the .ktests section, in link order. The runner calls each
 * selected one with a setjmp() recovery point: when a test oopses or panics, the
 * report is printed as usual, then ktest_abort() longjmps back here, the test is marked
 * failed and the next one runs. Output is KTAP: a plan line, then "ok N - suite_name"
 * or "not ok N - suite_name" per test with "# " diagnostic lines before it, and finally
 * "N passed, N failed" for the host runner (tests/run-ktests), which also checks the
 * QEMU exit status that machine_exit() sets.
 *
 * Relies on: setjmp/longjmp (arch/x86/lib/setjmp_32.asm), machine_exit, printk.
 */
#include <ktest.h>
#include <kernel.h>
#include <setjmp.h>
#include <slab.h>
#include <string.h>
#include <asm/x86.h>
#include <asm/ptrace.h>

extern const struct ktest __start_ktests[], __stop_ktests[];

static const struct ktest *current_test;
static bool current_failed, current_skipped;
static char skip_reason[128];
static jmp_buf test_env;

static jmp_buf catch_env;
static bool catch_active;
static struct ktest_fault caught;

bool ktest_running(void)
{
	return current_test != NULL;
}

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

void ktest_fault_recover(struct pt_regs *regs, int vector, unsigned long cr2)
{
	if (!catch_active)
		return;
	caught.vector = vector;
	caught.error_code = regs->error_code;
	caught.cr2 = cr2;
	caught.eip = regs->eip;
	catch_active = false;
	longjmp(catch_env, 1);
}

void ktest_abort(void)
{
	if (!current_test)
		return;
	catch_active = false;
	current_failed = true;
	longjmp(test_env, 1);
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

void ktest_capture_append(const char *text, size_t len)
{
	if (!capturing)
		return;
	if (len > sizeof(capture_buf) - 1 - capture_len)
		len = sizeof(capture_buf) - 1 - capture_len;
	memcpy(capture_buf + capture_len, text, len);
	capture_len += len;
	capture_buf[capture_len] = '\0';
}

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
	if (setjmp(test_env) == 0) {
		current_test = t;
		local_irq_enable();
		t->run();
	}
	current_test = NULL;
	catch_active = false;
	capturing = false;
	local_irq_enable();
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

void ktest_run_all(const char *suites)
{
	const struct ktest *t;
	struct ktest_counts c = { 0, 0, 0 };
	int total = 0, number = 0;

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

/*
 * Runs the kernel self-tests of tests/kernel/test_slab.c on the host, over the fake
 * page allocator, until the kernel can boot them itself: the same source, with the
 * ktest.h services (ktest_fail, ktest_skip, console capture, expected reports) played
 * by the host TAP harness (tap.h) and log (host_env.h). KTEST() places its descriptors in a section
 * named slab_ktests here, which the linker brackets with __start_/__stop_ symbols.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include "types.h"
#undef __section
#define __section(s)	__attribute__((section("slab_ktests")))
#include "../kernel/test_slab.c"
#include "slab_test.h"

extern const struct ktest __start_slab_ktests[], __stop_slab_ktests[];

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vfail(file, line, fmt, ap);
	va_end(ap);
}

void ktest_skip(const char *fmt, ...)
{
	va_list ap;

	printf("# skipped: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/*
 * The host log (strict mode) already fails a case that prints a report outside a
 * capture window, so a declared report is checked the other way only: each one
 * declared before a window must be in the log when that window closes.
 */
static const char *expected_reports[8];
static int nr_expected_reports;

void ktest_expect_report(const char *text)
{
	if (nr_expected_reports == 8) {
		ktest_fail(__FILE__, __LINE__, "more than 8 expected reports: \"%s\"", text);
		return;
	}
	expected_reports[nr_expected_reports++] = text;
}

void ktest_capture_start(void)
{
	host_capture_start();
}

void ktest_capture_stop(void)
{
	int i;

	host_capture_stop();
	for (i = 0; i < nr_expected_reports; i++)
		if (!host_log_contains(expected_reports[i]))
			ktest_fail(__FILE__, __LINE__, "expected a report containing \"%s\"; "
				   "none came", expected_reports[i]);
	nr_expected_reports = 0;
}

bool ktest_capture_contains(const char *text)
{
	return host_log_contains(text);
}

int main(void)
{
	int i, status, n = __stop_slab_ktests - __start_slab_ktests;
	struct tap_case *cases = calloc(n, sizeof(*cases));

	/* gcc emits the descriptors last first: walk back for the source order. */
	for (i = 0; i < n; i++) {
		const struct ktest *t = &__stop_slab_ktests[-1 - i];
		char *name = malloc(strlen(t->suite) + strlen(t->name) + 8);

		sprintf(name, "ktest_%s_%s", t->suite, t->name);
		cases[i].name = name;
		cases[i].fn = t->run;
	}
	slab_test_boot(4096);
	slab_debug_enable(true);	/* as the kernel's test boot */
	kmem_cache_init();
	status = tap_run(cases, n, NULL, NULL);
	for (i = 0; i < n; i++)
		free((char *)cases[i].name);
	free(cases);
	return status;
}

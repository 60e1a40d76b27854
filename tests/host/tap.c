/*
 * The TAP harness of the host tests (see tap.h). Relies on libc and on host_env.c for
 * the kernel log shown after a failed case and the count of unexpected reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include "tap.h"
#include "string.h"

const char *tap_name_suffix = "";
static int cases_run, cases_failed;
static bool case_failed, plan_printed, stdout_set;
static unsigned long reports_at_begin;

bool tap_failed(void)
{
	return case_failed;
}

void tap_vfail(const char *file, int line, const char *fmt, va_list ap)
{
	case_failed = true;
	printf("# %s:%d ", file, line);
	vprintf(fmt, ap);
	putchar('\n');
}

void tap_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vfail(file, line, fmt, ap);
	va_end(ap);
}

static void print_log(void)
{
	const char *p = host_log_text();

	while (*p) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		printf("#   log: %.*s\n", len, p);
		p += len + (nl != NULL);
	}
}

/* Line-buffered, so that a crash leaves every finished case's line on the screen. */
static void set_stdout(void)
{
	if (!stdout_set)
		setvbuf(stdout, NULL, _IOLBF, 0);
	stdout_set = true;
}

void tap_begin(void)
{
	set_stdout();
	case_failed = false;
	reports_at_begin = host_unexpected_reports();
}

void tap_end(const char *name)
{
	unsigned long reports = host_unexpected_reports() - reports_at_begin;

	if (reports)
		tap_fail(__FILE__, __LINE__, "%lu unexpected error report(s)", reports);
	cases_run++;
	printf("%s %d - %s%s\n", case_failed ? "not ok" : "ok", cases_run, name,
	       tap_name_suffix);
	if (case_failed) {
		cases_failed++;
		print_log();
	}
}

int tap_done(void)
{
	if (!plan_printed)
		printf("1..%d\n", cases_run);
	return cases_failed ? 1 : 0;
}

int tap_run(const struct tap_case *cases, int n, void (*before)(void), void (*after)(void))
{
	int i;

	set_stdout();
	printf("1..%d\n", n);
	plan_printed = true;
	for (i = 0; i < n; i++) {
		tap_begin();
		if (before)
			before();
		cases[i].fn();
		host_capture_stop();
		if (after)
			after();
		tap_end(cases[i].name);
	}
	return tap_done();
}

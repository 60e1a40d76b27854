/*
 * The kernel services the slab code uses, for host tests: printk (with capture, so a
 * test can check a report's text), panic/__warn, and a small TAP runner.
 *
 * Messages marked KERN_ERR or KERN_WARNING (or worse) outside a capture window are
 * counted as unexpected: the runner fails a test that printed one, so no report goes
 * unnoticed. Unmarked printk output (show_slabinfo) is not a report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include "kernel.h"
#include "printk.h"
#include "string.h"
#include "slab_test.h"

#define CAPTURE_MAX	(64 << 10)

int console_loglevel = 8;
static char capture_buf[CAPTURE_MAX];
static size_t capture_len;
static bool capturing, verbose;
static unsigned long unexpected;

void slab_test_set_verbose(bool on)
{
	verbose = on;
}

void slab_test_capture_start(void)
{
	capture_len = 0;
	capture_buf[0] = '\0';
	capturing = true;
}

void slab_test_capture_stop(void)
{
	capturing = false;
}

bool slab_test_capture_contains(const char *text)
{
	return strstr(capture_buf, text) != NULL;
}

const char *slab_test_capture_text(void)
{
	return capture_buf;
}

unsigned long slab_test_unexpected_errors(void)
{
	return unexpected;
}

int vprintk(const char *fmt, va_list ap)
{
	char line[512];
	int level = 8, n;	/* no marker: not a report (printk's default level) */

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		level = fmt[1] - '0';
		fmt += 2;
	}
	n = vsnprintf(line, sizeof(line), fmt, ap);
	if (capturing) {
		size_t len = strlen(line);

		if (capture_len + len < CAPTURE_MAX) {
			memcpy(capture_buf + capture_len, line, len + 1);
			capture_len += len;
		}
	} else if (level <= 4) {
		unexpected++;
		fprintf(stderr, "unexpected report: %s", line);
	}
	if (verbose)
		fputs(line, stderr);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void __panic(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "Kernel panic at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: at %s:%d: %s\n", file, line, cond);
}

void dump_stack(void)
{
}

/* ---- TAP ---- */

static bool case_failed;
const char *slab_test_name_suffix = "";

void slab_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	case_failed = true;
	printf("# %s:%d ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

bool slab_test_failed(void)
{
	return case_failed;
}

int slab_test_run(const struct slab_test_case *cases, int n, void (*before)(void),
		  void (*after)(void))
{
	int i, failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getenv("SLAB_TEST_VERBOSE"))
		verbose = true;
	printf("1..%d\n", n);
	for (i = 0; i < n; i++) {
		unsigned long errors = unexpected;

		case_failed = false;
		if (before)
			before();
		cases[i].run();
		capturing = false;
		if (after)
			after();
		if (unexpected != errors)
			slab_test_fail(__FILE__, __LINE__, "%lu unexpected error report(s)",
				       unexpected - errors);
		printf("%s %d - %s%s\n", case_failed ? "not ok" : "ok", i + 1, cases[i].name,
		       slab_test_name_suffix);
		failed += case_failed;
	}
	return failed ? 1 : 0;
}

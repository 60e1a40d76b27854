/*
 * The kernel services every host test links against (see host_env.h): printk and its
 * log, panic, __warn, pr_report, dump_stack, and the globals every HOST_TEST build needs
 * (host_page_offset for asm/page.h, host_cr3 and host_tlb_flushes for asm/x86.h).
 * Relies on libc only.
 *
 * The log keeps the newest messages: when it is full, the oldest half goes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include "host_env.h"
#include "kernel.h"
#include "printk.h"
#include "kallsyms.h"
#include "string.h"
#include "asm/page.h"
#include "asm/x86.h"

uintptr_t host_page_offset;
unsigned long host_cr3, host_tlb_flushes;
int console_loglevel = 8;
unsigned long host_warnings;
jmp_buf *host_panic_jmp;

static char log_buf[1 << 20];
static size_t log_len;
static bool log_strict, capturing;
static unsigned long unexpected;
static int log_echo = -1;	/* HOST_LOG_ECHO, read at the first message */

void host_log_reset(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

bool host_log_contains(const char *text)
{
	return strstr(log_buf, text) != NULL;
}

const char *host_log_text(void)
{
	return log_buf;
}

void host_log_strict(bool on)
{
	log_strict = on;
}

void host_capture_start(void)
{
	host_log_reset();
	capturing = true;
}

void host_capture_stop(void)
{
	capturing = false;
}

unsigned long host_unexpected_reports(void)
{
	return unexpected;
}

static void log_append(const char *s)
{
	size_t n = strlen(s);

	if (n >= sizeof(log_buf) / 2)
		n = sizeof(log_buf) / 2 - 1;
	if (log_len + n >= sizeof(log_buf)) {
		size_t keep = log_len / 2;

		memmove(log_buf, log_buf + log_len - keep, keep);
		log_len = keep;
	}
	memcpy(log_buf + log_len, s, n);
	log_len += n;
	log_buf[log_len] = '\0';
}

int vprintk(const char *fmt, va_list ap)
{
	char line[1024];
	const char *text = line;
	int level = 8, n;	/* no marker: not a report */

	n = vsnprintf(line, sizeof(line), fmt, ap);
	if (line[0] == KERN_SOH[0] && line[1]) {
		level = line[1] - '0';
		text += 2;
	}
	if (!log_strict || capturing) {
		log_append(text);
	} else if (level <= 4) {
		unexpected++;
		fprintf(stderr, "unexpected report: %s", text);
	}
	if (log_echo < 0)
		log_echo = getenv("HOST_LOG_ECHO") != NULL;
	if (log_echo)
		fputs(text, stderr);
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

/* As the kernel's (kernel/panic.c) minus the notifier: the log is what tests search. */
void pr_report(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void __panic(const char *file, int line, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk("Kernel panic - not syncing: %s (%s:%d)\n", buf, file, line);
	if (host_panic_jmp)
		longjmp(*host_panic_jmp, 1);
	fprintf(stderr, "Kernel panic - not syncing: %s (%s:%d)\n", buf, file, line);
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	host_warnings++;
	printk(KERN_WARNING "WARNING: at %s:%d: %s\n", file, line, cond);
}

void dump_stack(void)
{
	printk("(dump_stack)\n");
}

void host_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n--- kernel log ---\n%s\n", host_log_text());
	abort();
}

/* No symbol table on the host: callers print as addresses. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	(void)addr;
	(void)offset;
	(void)size;
	return NULL;
}

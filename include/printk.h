/*
 * printk: the kernel's formatted output, with Linux's log levels.
 *
 * A message may start with a level marker (KERN_ERR ...), as in Linux: the byte
 * KERN_SOH followed by a digit. Messages whose level is below console_loglevel reach
 * the serial console; the marker itself is never printed. Formats: %d %i %u %x %X %p
 * %s %c %%, with the l, ll and z length modifiers, a width, '-' and '0' flags.
 */
#ifndef _PRINTK_H
#define _PRINTK_H

#include "types.h"
#include <stdarg.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"

#define LOGLEVEL_DEFAULT 4	/* a message with no marker is printed at this level */

extern int console_loglevel;	/* print levels strictly below this; "loglevel=" sets it */

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list ap);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/*
 * The first line of a report of a kernel bug that the kernel survives ("WARNING: at",
 * "BUG: Bad page free: ...", a slab corruption), with its level marker: printed as
 * printk prints it, then passed (without the level and the newline) to
 * report_notifier_list (kernel/panic.c), so the self-test runner fails a test that
 * provoked a report it did not declare. The rest of the report uses plain printk.
 */
__printf(1, 2) void pr_report(const char *fmt, ...);

#define pr_emerg(fmt, ...)	printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG fmt, ##__VA_ARGS__)

#endif /* _PRINTK_H */

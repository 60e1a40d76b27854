/*
 * printk: the kernel's log.
 *
 * printk formats into a line buffer (lib/vsprintf.c), strips the log-level marker,
 * drops messages at or above console_loglevel, and writes the rest to the serial
 * console (and to the self-tests' capture buffer while a test is looking for a report).
 *
 * Relies on: vsnprintf (lib/vsprintf.c), serial_console_write
 * (drivers/tty/serial/8250.c), ktest capture (tests/kernel/ktest.c).
 */
#include <printk.h>
#include <serial.h>
#include <string.h>
#include <ktest.h>
#include <asm/x86.h>

int console_loglevel = 7;	/* everything but debug messages */

int vprintk(const char *fmt, va_list ap)
{
	static char line[1024];
	int level = LOGLEVEL_DEFAULT, n;
	unsigned long flags;

	if (fmt[0] == KERN_SOH[0] && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	/* One static buffer: interrupts off so a handler's printk cannot overwrite it. */
	flags = local_irq_save();
	n = vsnprintf(line, sizeof(line), fmt, ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	ktest_capture_append(line, n);
	if (level < console_loglevel)
		serial_console_write(line, n);
	local_irq_restore(flags);
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

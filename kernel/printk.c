/*
 * printk: the kernel's log.
 *
 * printk formats into a line buffer (lib/vsprintf.c), strips the log-level marker and
 * writes the text to every registered console (include/console.h): those that want it
 * at this level, i.e. messages below console_loglevel, and those that take every level.
 * The serial port is one console; the self-test runner registers another.
 *
 * Relies on: vsnprintf (lib/vsprintf.c), the consoles their drivers register.
 */
#include <printk.h>
#include <console.h>
#include <uapi/errno.h>
#include <asm/x86.h>

int console_loglevel = 7;	/* everything but debug messages */

static struct console *console_drivers;	/* the registered consoles, newest first */

void register_console(struct console *con)
{
	unsigned long flags = local_irq_save();

	con->flags |= CON_ENABLED;
	con->next = console_drivers;
	console_drivers = con;
	local_irq_restore(flags);
}

int unregister_console(struct console *con)
{
	unsigned long flags = local_irq_save();
	struct console **p;
	int ret = -ENODEV;

	for (p = &console_drivers; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			con->flags &= ~CON_ENABLED;
			ret = 0;
			break;
		}
	}
	local_irq_restore(flags);
	return ret;
}

int vprintk(const char *fmt, va_list ap)
{
	static char line[1024];
	int level = LOGLEVEL_DEFAULT, n;
	unsigned long flags;
	struct console *con;

	if (fmt[0] == KERN_SOH[0] && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	/* One static buffer: interrupts off so a handler's printk cannot overwrite it. */
	flags = local_irq_save();
	n = vsnprintf(line, sizeof(line), fmt, ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	for (con = console_drivers; con; con = con->next)
		if (level < console_loglevel || (con->flags & CON_ALL_LEVELS))
			con->write(con, line, n);
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

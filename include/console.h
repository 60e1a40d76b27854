/*
 * Consoles, as Linux's include/linux/console.h: printk writes every message it keeps to
 * each registered console in turn. The serial port is one (drivers/tty/serial/8250.c,
 * registered by serial_init); the self-test runner registers another that captures
 * the text so a test can check a report.
 *
 * A console sees the messages below console_loglevel; one with CON_ALL_LEVELS sees
 * every message, whatever the level (this kernel's flag: Linux has the global
 * "ignore_loglevel" option instead).
 *
 * Relies on: kernel/printk.c (register_console, the list).
 */
#ifndef _CONSOLE_H
#define _CONSOLE_H

#include "types.h"

#define CON_ENABLED	0x0004
#define CON_ALL_LEVELS	0x0100

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int count);
	int flags;
	struct console *next;
};

void register_console(struct console *con);
int unregister_console(struct console *con);	/* 0, or -ENODEV if not registered */

#endif /* _CONSOLE_H */

/*
 * 16550 UART serial ports (drivers/tty/serial/8250.c).
 *
 * COM1 is the kernel console. When a user program runs, its standard output goes to
 * COM2 and its standard error to COM3 if those ports exist (tools/run-elf gives QEMU
 * three -serial files so a program's bytes stay apart from the kernel log); otherwise
 * they share the console.
 */
#ifndef _SERIAL_H
#define _SERIAL_H

#include "types.h"

#define COM1_BASE	0x3f8
#define COM2_BASE	0x2f8
#define COM3_BASE	0x3e8

void serial_init(void);
bool serial_present(int com);			/* com = 1, 2, 3 */
void serial_write(int com, const char *buf, size_t len);	/* raw bytes */
void serial_console_write(const char *buf, size_t len);	/* COM1, "\n" -> "\r\n" */

#endif /* _SERIAL_H */

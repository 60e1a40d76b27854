/*
 * A sink for reports, after Linux's seq_file: the /proc-style show functions
 * (mm/show_mem.c) print into a struct seq_file, which either collects the text in a
 * buffer (what a /proc file's read will use, and the tests) or, with no buffer, sends
 * each piece to the console through printk (the boot report).
 *
 * Relies on: vsnprintf, printk (lib/vsprintf.c, kernel/printk.c; the host tests' libc).
 */
#ifndef _SEQ_FILE_H
#define _SEQ_FILE_H

#include "types.h"

struct seq_file {
	char *buf;		/* NULL: to the console */
	size_t size;		/* bytes of buf */
	size_t count;		/* bytes produced so far, also those that did not fit */
};

/* A seq_file over buf[size]; the text stays NUL-terminated while it fits. */
static inline void seq_init(struct seq_file *m, char *buf, size_t size)
{
	m->buf = buf;
	m->size = size;
	m->count = 0;
	if (buf && size)
		buf[0] = '\0';
}

#define SEQ_CONSOLE	((struct seq_file){ NULL, 0, 0 })

/* Linux's test: the text did not fit (a /proc read would retry with a bigger buffer). */
static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->buf && m->count >= m->size;
}

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_puts(struct seq_file *m, const char *s);

#endif /* _SEQ_FILE_H */

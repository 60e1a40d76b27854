/*
 * seq_printf into a buffer or to the console (include/seq_file.h). In buffer mode the
 * text is truncated at the buffer's end but count keeps growing, so a caller sees with
 * seq_has_overflowed() that it lost some; the console mode prints through printk.
 *
 * Relies on: vsnprintf and printk.
 */
#include <seq_file.h>
#include <kernel.h>
#include <printk.h>
#include <stdarg.h>
#include <string.h>

static void seq_vprintf(struct seq_file *m, const char *fmt, va_list ap)
{
	size_t room;
	int n;

	if (!m->buf) {
		char piece[320];	/* callers keep each piece shorter (on the stack) */

		n = vsnprintf(piece, sizeof(piece), fmt, ap);
		if (n <= 0)
			return;
		printk("%s", piece);
		WARN_ON(n >= (int)sizeof(piece));
		m->count += n;
		return;
	}
	room = m->count < m->size ? m->size - m->count : 0;
	n = vsnprintf(room ? m->buf + m->count : NULL, room, fmt, ap);
	if (n > 0)
		m->count += n;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	seq_vprintf(m, fmt, ap);
	va_end(ap);
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}

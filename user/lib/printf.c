/*
 * printf family for ulib: %d %i %u %x %X %p %s %c %%, flags '-' and '0', a width
 * (digits or '*'), and the length modifiers l, z (no-ops on i386) and ll (64 bits).
 *
 * One formatter writes into a struct out. For snprintf the buffer is the caller's and
 * output beyond it is only counted. For printf/dprintf the buffer is a small one on the
 * stack that is written to the file descriptor whenever it fills and at the end of the
 * call: nothing stays buffered between calls, so the output of a program that is about
 * to be killed by a bad access is already out, and no exit-time flush is needed.
 */
#include "ulib.h"

struct out {
	char *buf;
	size_t cap;	/* bytes buf can hold */
	size_t len;	/* bytes in buf now */
	size_t total;	/* bytes produced so far (the return value) */
	int fd;		/* -1: string output, truncate; else flush to fd when full */
};

static void out_flush(struct out *o)
{
	size_t done = 0;
	long r;

	while (done < o->len) {
		r = sys_write(o->fd, o->buf + done, o->len - done);
		if (r <= 0)
			break;
		done += r;
	}
	o->len = 0;
}

static void out_char(struct out *o, char c)
{
	o->total++;
	if (o->len < o->cap) {
		o->buf[o->len++] = c;
		return;
	}
	if (o->fd >= 0) {
		out_flush(o);
		o->buf[o->len++] = c;
	}
}

static void out_pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		out_char(o, c);
}

/* Print the digits in s (length n) with the sign/prefix pre, padded to width. */
static void out_field(struct out *o, const char *pre, const char *s, int n,
		      int width, int left, int zero)
{
	int plen = strlen(pre);
	int pad = width - n - plen;

	if (!left && !zero)
		out_pad(o, ' ', pad);
	while (*pre)
		out_char(o, *pre++);
	if (!left && zero)
		out_pad(o, '0', pad);
	while (n--)
		out_char(o, *s++);
	if (left)
		out_pad(o, ' ', pad);
}

static int utoa(char *end, unsigned long long v, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;

	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	return end - p;
}

static void format(struct out *o, const char *fmt, va_list ap)
{
	char num[24];
	unsigned long long v;
	const char *s, *pre;
	int left, zero, width, lng, n, neg;
	char c;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out_char(o, *fmt);
			continue;
		}
		left = zero = width = lng = 0;
		for (;; fmt++) {
			if (fmt[1] == '-')
				left = 1;
			else if (fmt[1] == '0')
				zero = 1;
			else
				break;
		}
		fmt++;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			if (*fmt == 'l')
				lng++;
			fmt++;
		}
		pre = "";
		neg = 0;
		switch ((c = *fmt)) {
		case 'd':
		case 'i':
			if (lng >= 2) {
				long long x = va_arg(ap, long long);

				neg = x < 0;
				v = neg ? -(unsigned long long)x : (unsigned long long)x;
			} else {
				long x = va_arg(ap, long);

				neg = x < 0;
				v = neg ? -(unsigned long)x : (unsigned long)x;
			}
			pre = neg ? "-" : "";
			n = utoa(num + sizeof(num), v, 10, 0);
			out_field(o, pre, num + sizeof(num) - n, n, width, left, zero);
			break;
		case 'u':
		case 'x':
		case 'X':
			v = lng >= 2 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned long);
			n = utoa(num + sizeof(num), v, c == 'u' ? 10 : 16, c == 'X');
			out_field(o, pre, num + sizeof(num) - n, n, width, left, zero);
			break;
		case 'p':
			v = (unsigned long)va_arg(ap, void *);
			n = utoa(num + sizeof(num), v, 16, 0);
			out_field(o, "0x", num + sizeof(num) - n, n, width, left, zero);
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			out_field(o, "", s, strlen(s), width, left, 0);
			break;
		case 'c':
			num[0] = (char)va_arg(ap, int);
			out_field(o, "", num, 1, width, left, 0);
			break;
		case '%':
			out_char(o, '%');
			break;
		case '\0':
			return;
		default:	/* unknown conversion: show it as written */
			out_char(o, '%');
			out_char(o, c);
			break;
		}
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size ? size - 1 : 0, 0, 0, -1 };

	format(&o, fmt, ap);
	if (size)
		buf[o.len] = '\0';
	return (int)o.total;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[256];
	struct out o = { buf, sizeof(buf), 0, 0, fd };

	format(&o, fmt, ap);
	out_flush(&o);
	return (int)o.total;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(1, fmt, ap);
	va_end(ap);
	return n;
}

int puts(const char *s)
{
	return printf("%s\n", s);
}

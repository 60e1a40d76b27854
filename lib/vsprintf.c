/*
 * vsnprintf and snprintf: the kernel's formatted output, without libc.
 *
 * vsnprintf formats into a buffer of known size and never writes past it; it returns
 * the length the full output would have had, as C's does, so callers can detect
 * truncation. Supported: %d %i %u %x %X %o %c %s %p %%, the l, ll and z length
 * modifiers, a width (or *), '-' and '0'.
 *
 * Relies on: nothing but <stdarg.h>; used by printk and every report.
 */
#include <printk.h>
#include <string.h>

struct outbuf {
	char *buf;
	size_t size;
	size_t len;		/* characters produced so far, even those that did not fit */
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

struct spec {
	int width;
	bool left;
	bool zero;
	int base;
	bool upper;
	bool is_signed;
};

static void put_number(struct outbuf *o, unsigned long long v, bool negative,
		       const struct spec *sp)
{
	const char *digits = sp->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len, pad;

	do {
		tmp[n++] = digits[v % sp->base];
		v /= sp->base;
	} while (v);
	len = n + negative;
	pad = sp->width > len ? sp->width - len : 0;
	if (!sp->left && !sp->zero)
		while (pad-- > 0)
			put(o, ' ');
	if (negative)
		put(o, '-');
	if (!sp->left && sp->zero)
		while (pad-- > 0)
			put(o, '0');
	while (n)
		put(o, tmp[--n]);
	while (sp->left && pad-- > 0)
		put(o, ' ');
}

static void put_string(struct outbuf *o, const char *s, const struct spec *sp)
{
	int len, pad;

	if (!s)
		s = "(null)";
	len = strlen(s);
	pad = sp->width > len ? sp->width - len : 0;
	while (!sp->left && pad-- > 0)
		put(o, ' ');
	while (*s)
		put(o, *s++);
	while (sp->left && pad-- > 0)
		put(o, ' ');
}

/* Reads an integer argument of the size the length modifier says. */
static unsigned long long get_arg(va_list *ap, int lng, bool is_signed, bool *negative)
{
	long long sv;

	*negative = false;
	if (!is_signed) {
		if (lng >= 2)
			return va_arg(*ap, unsigned long long);
		if (lng == 1)
			return va_arg(*ap, unsigned long);
		return va_arg(*ap, unsigned int);
	}
	if (lng >= 2)
		sv = va_arg(*ap, long long);
	else if (lng == 1)
		sv = va_arg(*ap, long);
	else
		sv = va_arg(*ap, int);
	if (sv < 0) {
		*negative = true;
		return -(unsigned long long)sv;
	}
	return sv;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		struct spec sp = { 0, false, false, 10, false, false };
		int lng = 0;
		bool neg;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = true;
			else if (*fmt == '0')
				sp.zero = true;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(args, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp.width = sp.width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			lng++;
			fmt++;
		}
		if (*fmt == 'z') {
			lng = sizeof(size_t) == sizeof(long) ? 1 : 0;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i':
			sp.is_signed = true;
			/* fall through */
		case 'u': {
			unsigned long long v = get_arg(&args, lng, sp.is_signed, &neg);

			put_number(&o, v, neg, &sp);
			break;
		}
		case 'X':
			sp.upper = true;
			/* fall through */
		case 'x':
			sp.base = 16;
			put_number(&o, get_arg(&args, lng, false, &neg), false, &sp);
			break;
		case 'o':
			sp.base = 8;
			put_number(&o, get_arg(&args, lng, false, &neg), false, &sp);
			break;
		case 'p':
			/* Pointers print as 8 hex digits, like Linux's %px on i386. */
			sp.base = 16;
			sp.zero = true;
			sp.width = sizeof(void *) * 2;
			put(&o, '0');
			put(&o, 'x');
			put_number(&o, (uintptr_t)va_arg(args, void *), false, &sp);
			break;
		case 's':
			put_string(&o, va_arg(args, const char *), &sp);
			break;
		case 'c':
			put(&o, (char)va_arg(args, int));
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
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

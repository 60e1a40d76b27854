/*
 * A program's argv and envp as the boot loader hands them over (the run-elf protocol).
 *
 * Two forms reach the kernel. tools/run-elf passes, right after each program's module,
 * an "argument block" module:
 *
 *	run-elf args v1 ARGC ENVC\n
 *	ARGC + ENVC strings, each ended by a NUL byte (argv first, then envp)
 *
 * which carries every byte of every argument (blanks, commas, quotes, empty strings),
 * since QEMU's -initrd splits a module's command line at blanks and modules at commas.
 * A module given by hand ("qemu -initrd 'PROG ARG...'") has no block: its command line
 * is split at blanks, and the program gets the environment Linux gives init.
 *
 * The block is checked whole before anything is allocated: the counts must match the
 * strings exactly, with nothing left over, and no string may be longer than
 * MAX_ARG_STRLEN (as Linux's execve refuses one with E2BIG); the total is checked by the
 * loader against its own limit. A bad block is refused with a message naming what is
 * wrong, and the program does not run.
 *
 * Relies on: kmalloc, the string helpers.
 */
#include <binfmts.h>
#include <kernel.h>
#include <run_args.h>
#include <slab.h>
#include <string.h>
#include <uapi/errno.h>

#define RUN_ARGS_MAGIC	"run-elf args v1 "

/* The environment Linux's init gets (init/main.c's envp_init). */
static const char *const init_env[] = { "HOME=/", "TERM=linux" };

bool run_args_is_block(const void *data, size_t size)
{
	size_t n = sizeof(RUN_ARGS_MAGIC) - 1;

	return size >= n && !memcmp(data, RUN_ARGS_MAGIC, n);
}

/* Decimal number at *s, ended by end_char; advances *s past end_char. */
static int parse_count(const char **s, const char *end, char end_char, unsigned long *out)
{
	unsigned long v = 0;
	const char *p = *s;

	if (p >= end || *p < '0' || *p > '9')
		return -EINVAL;
	while (p < end && *p >= '0' && *p <= '9') {
		if (v > 100000000UL)
			return -E2BIG;
		v = v * 10 + (*p++ - '0');
	}
	if (p >= end || *p != end_char)
		return -EINVAL;
	*s = p + 1;
	*out = v;
	return 0;
}

/* Fill ra->argv (count strings) and ra->envp from buf, whose strings follow each other. */
static int fill_vectors(struct run_args *ra, char *buf, size_t len)
{
	size_t total = ra->argc + ra->envc, i;
	char **vec, *s = buf;

	vec = kmalloc((total + 2) * sizeof(*vec), GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	for (i = 0; i < total; i++) {
		vec[i + (i >= (size_t)ra->argc)] = s;
		s += strlen(s) + 1;
	}
	BUG_ON(s != buf + len);
	vec[ra->argc] = NULL;
	vec[total + 1] = NULL;
	ra->argv = vec;
	ra->envp = vec + ra->argc + 1;
	ra->buf = buf;
	return 0;
}

static __printf(2, 3) int refuse(struct run_args *ra, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ra->why, sizeof(ra->why), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

int run_args_from_block(struct run_args *ra, const void *data, size_t size)
{
	const char *p = data, *end = p + size, *strings;
	unsigned long argc, envc, n = 0;
	char *buf;
	int err;

	memset(ra, 0, sizeof(*ra));
	if (!run_args_is_block(data, size))
		return refuse(ra, "not an argument block");
	p += sizeof(RUN_ARGS_MAGIC) - 1;
	if (parse_count(&p, end, ' ', &argc) || parse_count(&p, end, '\n', &envc))
		return refuse(ra, "argument block: bad header (want \"ARGC ENVC\")");
	if (argc == 0)
		return refuse(ra, "argument block: argc is 0 (argv[0] is the program)");
	if (argc + envc > MAX_ARG_STRINGS)
		return refuse(ra, "argument block: %lu strings, more than %u", argc + envc,
			      MAX_ARG_STRINGS);
	for (strings = p; p < end && n < argc + envc; n++) {
		const char *nul = memchr(p, 0, end - p);

		if (!nul)
			return refuse(ra, "argument block: string %lu has no NUL", n);
		if ((size_t)(nul - p) + 1 > MAX_ARG_STRLEN)
			return refuse(ra, "argument block: string %lu is %zu bytes, more than %lu",
				      n, (size_t)(nul - p) + 1, MAX_ARG_STRLEN);
		p = nul + 1;
	}
	if (n != argc + envc)
		return refuse(ra, "argument block: %lu strings, header says %lu", n,
			      argc + envc);
	if (p != end)
		return refuse(ra, "argument block: %zu bytes after the last string",
			      (size_t)(end - p));
	buf = kmalloc(end - strings, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, strings, end - strings);
	ra->argc = argc;
	ra->envc = envc;
	err = fill_vectors(ra, buf, end - strings);
	if (err)
		kfree(buf);
	return err;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

int run_args_from_line(struct run_args *ra, const char *line)
{
	size_t len = strlen(line), env_len = 0, i, out = 0;
	bool in_word = false;
	char *buf;
	int err;

	memset(ra, 0, sizeof(*ra));
	for (i = 0; i < len; i++) {
		if (!is_blank(line[i]) && !in_word)
			ra->argc++;
		in_word = !is_blank(line[i]);
	}
	if (!ra->argc)
		return refuse(ra, "empty command line");
	for (i = 0; i < ARRAY_SIZE(init_env); i++)
		env_len += strlen(init_env[i]) + 1;
	buf = kmalloc(len + 1 + env_len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	/* The words, each ended by a NUL, then the environment: the block's layout. */
	for (i = 0, in_word = false; i < len; i++) {
		if (!is_blank(line[i]))
			buf[out++] = line[i];
		else if (in_word)
			buf[out++] = 0;
		in_word = !is_blank(line[i]);
	}
	if (in_word)
		buf[out++] = 0;
	for (i = 0; i < ARRAY_SIZE(init_env); i++) {
		strlcpy(buf + out, init_env[i], env_len);
		out += strlen(init_env[i]) + 1;
	}
	ra->envc = ARRAY_SIZE(init_env);
	err = fill_vectors(ra, buf, out);
	if (err)
		kfree(buf);
	return err;
}

void run_args_free(struct run_args *ra)
{
	kfree(ra->argv);
	kfree(ra->buf);
	ra->argv = ra->envp = NULL;
	ra->buf = NULL;
}

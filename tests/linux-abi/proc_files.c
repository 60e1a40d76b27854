/*
 * procfs against Linux: the STRUCTURE of its files, not their values. Prints the
 * field names of /proc/meminfo (read whole and read one byte at a time: the names
 * must agree, so a read boundary never splits or repeats text), the field counts of
 * /proc/loadavg and /proc/uptime, the prefix of /proc/version, whether every line of
 * /proc/self/maps has Linux's shape (start-end, 4 permission letters, offset, dev,
 * inode, optional name), that lseek(SEEK_END) on a seq file is EINVAL, and the knobs:
 * /proc/sys/vm/overcommit_memory and /proc/sys/kernel/pid_max's defaults and the
 * EINVAL of garbage or out-of-range writes with the old value kept.
 */
#include "abi.h"

#define NR_open		5
#define NR_close	6
#define NR_lseek	19

static char buf[16384];

static long sopen(const char *path, int flags)
{
	return sc(NR_open, (long)path, flags, 0, 0, 0, 0);
}

/* The whole file in count-byte reads into buf; its length or -errno. */
static long slurp(const char *path, long count)
{
	long fd = sopen(path, 0), got = 0, n;

	if (fd < 0)
		return fd;
	while (got < (long)sizeof(buf) - 1 &&
	       (n = sc(SYS_read, fd, (long)buf + got,
		       count < (long)sizeof(buf) - 1 - got ? count : (long)sizeof(buf) - 1 - got,
		       0, 0, 0)) > 0)
		got += n;
	sc(NR_close, fd, 0, 0, 0, 0, 0);
	buf[got] = 0;
	return n < 0 ? n : got;
}

/* The names before ':' of each line, joined by spaces, into names. */
static void field_names(char *names, size_t size)
{
	char *line = buf;
	size_t len = 0;

	names[0] = 0;
	while (*line) {
		char *colon = strchr(line, ':'), *nl = strchr(line, '\n');

		if (!nl)
			break;
		if (colon && colon < nl && len + (colon - line) + 2 < size) {
			memcpy(names + len, line, colon - line);
			len += colon - line;
			names[len++] = ' ';
			names[len] = 0;
		}
		line = nl + 1;
	}
}

static int count_fields(const char *s)
{
	int n = 0, in = 0;

	for (; *s && *s != '\n'; s++) {
		if (*s == ' ' || *s == '\t')
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

static int maps_shapes_ok(void)
{
	char *line = buf;
	int lines = 0;

	while (*line) {
		unsigned long a, b, off, ino;
		char perms[5], dev[16];
		int f = count_fields(line);
		char *nl = strchr(line, '\n');

		if (sscanf(line, "%lx-%lx %4s %lx %15s %lu", &a, &b, perms, &off, dev, &ino) != 6 ||
		    (f != 5 && f != 6) || strlen(perms) != 4 || a >= b)
			return 0;
		lines++;
		if (!nl)
			break;
		line = nl + 1;
	}
	return lines > 0;
}

static void knob(const char *path, const char *bad1, const char *bad2)
{
	long fd, r1, r2;
	char before[32];

	slurp(path, 4096);
	strncpy(before, buf, sizeof(before) - 1);
	before[sizeof(before) - 1] = 0;
	fd = sopen(path, 1);
	r1 = sc(SYS_write, fd, (long)bad1, strlen(bad1), 0, 0, 0);
	r2 = sc(SYS_write, fd, (long)bad2, strlen(bad2), 0, 0, 0);
	sc(NR_close, fd, 0, 0, 0, 0, 0);
	slurp(path, 4096);
	out("%s: %s", path, before);
	out("  write \"%s\": %ld, write \"%s\": %ld, kept: %s\n", bad1, r1, bad2, r2,
	    strcmp(before, buf) == 0 ? "yes" : "no");
}

int main(void)
{
	static char whole[4096], bytes[4096];
	long fd;

	slurp("/proc/meminfo", 65536);
	field_names(whole, sizeof(whole));
	slurp("/proc/meminfo", 1);
	field_names(bytes, sizeof(bytes));
	out("meminfo fields: ");
	if (write(1, whole, strlen(whole)) != (long)strlen(whole))	/* longer than out() takes */
		return 99;
	out("\n");
	out("meminfo by 1-byte reads, same fields: %s\n", strcmp(whole, bytes) ? "no" : "yes");
	slurp("/proc/loadavg", 7);
	out("loadavg fields: %d\n", count_fields(buf));
	slurp("/proc/uptime", 3);
	out("uptime fields: %d\n", count_fields(buf));
	slurp("/proc/version", 4096);
	out("version starts \"Linux version 6.1.0\": %s\n",
	    strncmp(buf, "Linux version 6.1.0", 19) ? "no" : "yes");
	slurp("/proc/self/maps", 5);
	out("maps lines of Linux's shape: %s\n", maps_shapes_ok() ? "yes" : "no");
	fd = sopen("/proc/meminfo", 0);
	out("lseek(SEEK_END) on /proc/meminfo: %ld\n", sc(NR_lseek, fd, 0, 2, 0, 0, 0));
	sc(NR_close, fd, 0, 0, 0, 0, 0);
	knob("/proc/sys/vm/overcommit_memory", "garbage", "3");
	knob("/proc/sys/kernel/pid_max", "12x", "300");
	return 0;
}

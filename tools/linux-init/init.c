/*
 * init: the first and only process tools/run-linux starts in Debian's Linux i386 kernel.
 *
 * tools/run-linux packs this program as /init into an initramfs, next to the programs to
 * run and a description of each run under /run-linux/:
 *
 *   /run-linux/count      the number of runs, in decimal
 *   /run-linux/N.exe      the path to execve for run N (N = 1..count)
 *   /run-linux/N.argv     argv, each string ended by a NUL byte (argv[0] first)
 *   /run-linux/N.env      the environment, the same way (may be empty)
 *   /run-linux/N.stdin    standard input; without it the program reads /dev/null
 *
 * For each run it forks, gives the child that stdin, a regular file as stdout and
 * another as stderr (as the host-side oracle and run-elf do: stdout is never a tty, so
 * libc buffers the same way), Linux's default limits as tests/run-user sets them (soft
 * stack 8 MiB, no core dumps), and execs the program from "/". When the child ends,
 * init writes one record to the second serial port, set to raw mode so that no byte is
 * translated (the console tty would turn \n into \r\n):
 *
 *   "@@run-linux N OUTLEN ERRLEN STATUS@@\n", then OUTLEN bytes of stdout and ERRLEN
 *   bytes of stderr
 *
 * STATUS is the exit status, or 128 + the signal that killed the program. After the last
 * run it writes "@@run-linux done@@\n", waits for the port to drain and powers off
 * (QEMU runs with -no-reboot, so the reboot ends QEMU). run-linux reads the records
 * back by their lengths, so program output can hold any byte.
 *
 * Relies on: the kernel's devtmpfs (for /dev/ttyS1, /dev/null, /dev/console) and procfs.
 * Built with gcc -m32 -static. This host has no i386 <asm/...> headers, which <errno.h>
 * and <sys/mount.h> pull in, so errno, the three error numbers used and mount() are
 * declared here, with Linux i386's values.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

extern int *__errno_location(void);
#define errno (*__errno_location())
#define ENOENT	2
#define EINTR	4
#define EBUSY	16

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data);

#define DIR_JOBS	"/run-linux"
#define MAX_STRINGS	4096

static int console = -1;	/* /dev/console: messages for the kernel log */
static int port = -1;		/* /dev/ttyS1: the records */

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (console >= 0 && n > 0)
		(void)!write(console, buf, n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1);
}

static void power_off(void)
{
	sync();
	reboot(RB_AUTOBOOT);	/* -no-reboot: QEMU exits */
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}

/* Gives up: run-linux sees no "done" record and reports the message from the log. */
static void fatal(const char *what)
{
	say("run-linux init: %s: %s\n", what, strerror(errno));
	power_off();
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= w;
	}
	return 0;
}

/* Reads a whole file into a malloc'ed buffer ended by an extra NUL; NULL if absent. */
static char *slurp(const char *path, size_t *len)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !(buf = malloc(st.st_size + 1)))
		fatal(path);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, st.st_size - got);

		if (r <= 0)
			fatal(path);
		got += r;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* Splits a buffer of NUL-ended strings into a NULL-ended vector. */
static char **split_strings(char *buf, size_t len)
{
	char **v = calloc(MAX_STRINGS + 1, sizeof(*v));
	size_t i = 0, n = 0;

	if (!v)
		fatal("calloc");
	while (i < len && n < MAX_STRINGS) {
		v[n++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	return v;
}

/* Copies file PATH to the port, all of it. */
static void copy_to_port(const char *path)
{
	char buf[4096];
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		fatal(path);
	while ((r = read(fd, buf, sizeof(buf))) > 0)
		if (write_all(port, buf, r) < 0)
			fatal("write /dev/ttyS1");
	close(fd);
	unlink(path);
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) < 0 ? -1 : (long)st.st_size;
}

/* The child: its standard streams, Linux's default limits, then the program. */
static void start_program(int n, const char *exe, char **argv, char **envp)
{
	struct rlimit stack = { 8UL << 20, RLIM_INFINITY }, core = { 0, 0 };
	char path[64];
	int in, out, err;

	snprintf(path, sizeof(path), DIR_JOBS "/%d.stdin", n);
	in = open(path, O_RDONLY);
	if (in < 0)
		in = open("/dev/null", O_RDONLY);
	snprintf(path, sizeof(path), "/tmp/%d.out", n);
	out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	snprintf(path, sizeof(path), "/tmp/%d.err", n);
	err = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (in < 0 || out < 0 || err < 0 ||
	    dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
		_exit(127);
	if (in > 2)
		close(in);
	if (out > 2)
		close(out);
	if (err > 2)
		close(err);
	setrlimit(RLIMIT_STACK, &stack);
	setrlimit(RLIMIT_CORE, &core);
	if (chdir("/") < 0)
		_exit(127);
	execve(exe, argv, envp);
	dprintf(2, "run-linux init: cannot execute %s: %s\n", exe, strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

static void run_one(int n)
{
	char path[64], head[128], *exe, *argv_buf, *env_buf;
	size_t len, alen, elen;
	char **argv, **envp;
	struct timespec t0, t1;
	int status, code;
	pid_t pid;

	snprintf(path, sizeof(path), DIR_JOBS "/%d.exe", n);
	exe = slurp(path, &len);
	snprintf(path, sizeof(path), DIR_JOBS "/%d.argv", n);
	argv_buf = slurp(path, &alen);
	snprintf(path, sizeof(path), DIR_JOBS "/%d.env", n);
	env_buf = slurp(path, &elen);
	if (!exe || !argv_buf || !env_buf)
		fatal("incomplete run description");
	argv = split_strings(argv_buf, alen);
	envp = split_strings(env_buf, elen);

	say("run-linux: start %d: %s\n", n, exe);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0)
		fatal("fork");
	if (pid == 0)
		start_program(n, exe, argv, envp);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			fatal("waitpid");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	say("run-linux: exit-status %d after %ld ms\n", code,
	    (long)(t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);

	snprintf(path, sizeof(path), "/tmp/%d.out", n);
	len = file_size(path);
	snprintf(path, sizeof(path), "/tmp/%d.err", n);
	elen = file_size(path);
	snprintf(head, sizeof(head), "@@run-linux %d %zu %zu %d@@\n", n, len, elen, code);
	if (write_all(port, head, strlen(head)) < 0)
		fatal("write /dev/ttyS1");
	snprintf(path, sizeof(path), "/tmp/%d.out", n);
	copy_to_port(path);
	snprintf(path, sizeof(path), "/tmp/%d.err", n);
	copy_to_port(path);
	free(argv);
	free(envp);
	free(exe);
	free(argv_buf);
	free(env_buf);
}

static void open_port(void)
{
	struct termios t;

	port = open("/dev/ttyS1", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (port < 0)
		fatal("open /dev/ttyS1");
	if (tcgetattr(port, &t) < 0)
		fatal("tcgetattr /dev/ttyS1");
	cfmakeraw(&t);
	cfsetospeed(&t, B115200);
	if (tcsetattr(port, TCSANOW, &t) < 0)
		fatal("tcsetattr /dev/ttyS1");
}

int main(void)
{
	size_t len;
	char *count_buf;
	int n, count;

	/* A failure before the console is open can only show as a missing "done" record. */
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) < 0 && errno != EBUSY)
		power_off();
	/*
	 * The initramfs has no /dev/console, so the kernel started init with no fd 0, 1 or
	 * 2. Fill them with /dev/null, so that every file opened below has a number above
	 * 2 and the child's dup2() onto 0, 1 and 2 never closes one it still needs.
	 */
	while ((n = open("/dev/null", O_RDWR)) >= 0 && n < 2)
		;
	if (n > 2)
		close(n);	/* they were open already */
	console = open("/dev/console", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (mount("proc", "/proc", "proc", 0, NULL) < 0)
		fatal("mount /proc");
	open_port();
	count_buf = slurp(DIR_JOBS "/count", &len);
	if (!count_buf)
		fatal(DIR_JOBS "/count");
	count = atoi(count_buf);
	for (n = 1; n <= count; n++)
		run_one(n);
	if (write_all(port, "@@run-linux done@@\n", 19) < 0)
		fatal("write /dev/ttyS1");
	tcdrain(port);
	say("run-linux: all %d programs ran\n", count);
	power_off();
	return 0;
}

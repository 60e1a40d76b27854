/*
 * bench_fs: the cost of the file system calls, in rdtsc ticks (instructions under
 * -icount shift=0, as make bench runs it).
 *
 *   fs_open_read_close   open + read of 64 bytes + close of a small ramfs file
 *   fs_stat_4deep        stat64 of /bench_fs.d/a/b/f, a path four components deep
 *   fs_fstat             fstat64 of an open file (the call without a lookup)
 *
 * Output: "bench NAME median N min M runs R" per measurement. It makes its files under
 * /bench_fs.d and removes them again (the kernel's leak check counts inodes).
 */
#include "ulib.h"

#define SYS_open	5
#define SYS_close	6
#define SYS_unlink	10
#define SYS_mkdir	39
#define SYS_rmdir	40
#define SYS_stat64	195
#define SYS_fstat64	197
#define O_RDONLY	0
#define O_WRONLY	1
#define O_CREAT		0100

#define RUNS		1001

static uint32_t samples[RUNS];
static char statbuf[96];

#include "bench.h"

static const char *const dirs[] = { "/bench_fs.d", "/bench_fs.d/a", "/bench_fs.d/a/b" };
#define FILE_PATH	"/bench_fs.d/a/b/f"

int main(void)
{
	char buf[64];
	unsigned i;
	uint32_t t;
	long fd;

	for (i = 0; i < 3; i++)
		if (sc3(SYS_mkdir, (long)dirs[i], 0755, 0)) {
			printf("bench_fs: mkdir %s failed\n", dirs[i]);
			return 1;
		}
	fd = sc3(SYS_open, (long)FILE_PATH, O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || sc3(4, fd, (long)"a small file, 64 bytes long, for open+read+close.....\n", 55) != 55)
		return 1;
	sc3(SYS_close, fd, 0, 0);

	printf("bench_fs: rdtsc ticks per operation (median and minimum)\n");
	for (i = 0; i < RUNS; i++) {
		t = ticks();
		fd = sc3(SYS_open, (long)FILE_PATH, O_RDONLY, 0);
		sc3(3, fd, (long)buf, sizeof(buf));
		sc3(SYS_close, fd, 0, 0);
		samples[i] = ticks() - t;
	}
	report("fs_open_read_close", samples, RUNS);
	for (i = 0; i < RUNS; i++) {
		t = ticks();
		sc3(SYS_stat64, (long)FILE_PATH, (long)statbuf, 0);
		samples[i] = ticks() - t;
	}
	report("fs_stat_4deep", samples, RUNS);
	fd = sc3(SYS_open, (long)FILE_PATH, O_RDONLY, 0);
	for (i = 0; i < RUNS; i++) {
		t = ticks();
		sc3(SYS_fstat64, fd, (long)statbuf, 0);
		samples[i] = ticks() - t;
	}
	report("fs_fstat", samples, RUNS);
	sc3(SYS_close, fd, 0, 0);

	sc3(SYS_unlink, (long)FILE_PATH, 0, 0);
	for (i = 3; i-- > 0;)
		sc3(SYS_rmdir, (long)dirs[i], 0, 0);
	return 0;
}

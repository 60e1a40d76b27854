/*
 * ls DIR...: list directories with getdents64, one line per entry, "NAME TYPE [SIZE]"
 * (TYPE: dir, file, link, other; SIZE for regular files, from stat64), in the order the
 * file system gives them (ramfs: creation order; the initramfs is packed sorted).
 * A path that cannot be opened prints "ls: PATH: error -N" and the exit status is 1.
 *
 * The end-to-end test of the initramfs (tests/run-initramfs) lists / and /bin with it.
 */
#include "ulib.h"

#define SYS_open	5
#define SYS_close	6
#define SYS_stat64	195
#define SYS_getdents64	220
#define O_DIRECTORY	0200000

struct dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
} __attribute__((packed));

struct stat64_ {
	unsigned char pad[44];
	long long st_size;
	unsigned char rest[44];
} __attribute__((packed));

static const char *type_name(unsigned int t)
{
	switch (t) {
	case 4: return "dir";
	case 8: return "file";
	case 10: return "link";
	}
	return "other";
}

static int list(const char *dir)
{
	static char buf[4096];
	char path[512];
	long fd = __syscall6(SYS_open, (long)dir, O_DIRECTORY, 0, 0, 0, 0), n, off;

	if (fd < 0) {
		printf("ls: %s: error %ld\n", dir, fd);
		return 1;
	}
	while ((n = __syscall6(SYS_getdents64, fd, (long)buf, sizeof(buf), 0, 0, 0)) > 0) {
		for (off = 0; off < n; off += ((struct dirent64 *)(buf + off))->d_reclen) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			struct stat64_ st;

			if (d->d_type != 8) {
				printf("%s %s\n", d->d_name, type_name(d->d_type));
				continue;
			}
			snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			if (__syscall6(SYS_stat64, (long)path, (long)&st, 0, 0, 0, 0))
				st.st_size = -1;
			printf("%s file %lld\n", d->d_name, st.st_size);
		}
	}
	__syscall6(SYS_close, fd, 0, 0, 0, 0, 0);
	if (n < 0) {
		printf("ls: %s: getdents64 error %ld\n", dir, n);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		printf("%s:\n", argv[i]);
		status |= list(argv[i]);
	}
	return status;
}

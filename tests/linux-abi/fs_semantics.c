/*
 * Files: open/creat/read/write/lseek/pread/pwrite/truncate, directories, links,
 * symlinks, rename, unlink of an open file, getdents64, getcwd, dup/fcntl, access,
 * chmod, utimensat, and the errors of bad input (EFAULT, a 1 MiB path, a long
 * component, a symlink loop, fds out of range, EMFILE at RLIMIT_NOFILE).
 *
 * Everything happens in a directory of its own, /tmp/fs_semantics.PID (on the teaching
 * kernel / is a ramfs without /tmp, so /tmp is made first and removed at the end), and
 * everything made is removed again. Only facts both kernels must agree on are printed:
 * no sizes of directories, no block counts, no inode numbers (only whether two are equal).
 */
#include "abi.h"
#include <fcntl.h>
/* The file types (not from <sys/stat.h>: with glibc it needs i386 kernel headers). */
#ifndef S_IFMT
#define S_IFMT		0170000
#define S_IFDIR		0040000
#define S_IFLNK		0120000
#endif

#define NR_read		3
#define NR_write	4
#define NR_open		5
#define NR_close	6
#define NR_creat	8
#define NR_link		9
#define NR_unlink	10
#define NR_chdir	12
#define NR_chmod	15
#define NR_lseek	19
#define NR_access	33
#define NR_rename	38
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_dup		41
#define NR_fcntl	55
#define NR_umask	60
#define NR_dup2		63
#define NR_symlink	83
#define NR_readlink	85
#define NR_fchdir	133
#define NR_getdents64	220
#define NR_pread64	180
#define NR_pwrite64	181
#define NR_getcwd	183
#define NR_truncate64	193
#define NR_ftruncate64	194
#define NR_stat64	195
#define NR_lstat64	196
#define NR_fstat64	197
#define NR_fcntl64	221
#define NR_openat	295
#define NR_unlinkat	301
#define NR_utimensat	320
#define NR_dup3		330
#define NR_readv	145

struct kstat64 {
	unsigned long long st_dev;
	unsigned char pad0[4];
	unsigned long st_ino_lo;
	unsigned int st_mode, st_nlink, st_uid, st_gid;
	unsigned long long st_rdev;
	unsigned char pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime_, st_atime_nsec, st_mtime_, st_mtime_nsec, st_ctime_, st_ctime_nsec;
	unsigned long long st_ino;
} __attribute__((packed));

#define S0(n) sc(NR_##n, 0, 0, 0, 0, 0, 0)
#define S1(n, a) sc(NR_##n, (long)(a), 0, 0, 0, 0, 0)
#define S2(n, a, b) sc(NR_##n, (long)(a), (long)(b), 0, 0, 0, 0)
#define S3(n, a, b, c) sc(NR_##n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define S4(n, a, b, c, d) sc(NR_##n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define S5(n, a, b, c, d, e) sc(NR_##n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

static const char *ename(long r)
{
	static char buf[24];

	if (r >= 0) {
		snprintf(buf, sizeof(buf), "%ld", r);
		return buf;
	}
	switch (-r) {
	case 2: return "-ENOENT";
	case 9: return "-EBADF";
	case 13: return "-EACCES";
	case 14: return "-EFAULT";
	case 17: return "-EEXIST";
	case 18: return "-EXDEV";
	case 20: return "-ENOTDIR";
	case 21: return "-EISDIR";
	case 22: return "-EINVAL";
	case 24: return "-EMFILE";
	case 29: return "-ESPIPE";
	case 34: return "-ERANGE";
	case 36: return "-ENAMETOOLONG";
	case 39: return "-ENOTEMPTY";
	case 40: return "-ELOOP";
	}
	return res(r);
}

#define SHOW(what, call) do { long r_ = (call); out("%-40s %s\n", what, ename(r_)); } while (0)

static struct kstat64 st;

static long do_stat(const char *p)
{
	return S2(stat64, p, &st);
}

static void files(void)
{
	char buf[64];
	long fd, r;

	SHOW("open f O_CREAT|O_EXCL", fd = S3(open, "f", O_CREAT | O_EXCL | O_WRONLY, 0644));
	SHOW("write f", S3(write, fd, "hello world", 11));
	SHOW("read on O_WRONLY", S3(read, fd, buf, 1));
	SHOW("lseek fd SEEK_CUR", S3(lseek, fd, 0, SEEK_CUR));
	SHOW("close f", S1(close, fd));
	SHOW("close f again", S1(close, fd));
	SHOW("open f O_EXCL again", S3(open, "f", O_CREAT | O_EXCL | O_WRONLY, 0644));
	SHOW("open f/ (trailing slash)", S2(open, "f/", O_RDONLY));
	SHOW("open f O_RDONLY", fd = S2(open, "f", O_RDONLY));
	memset(buf, 0, sizeof(buf));
	r = S3(read, fd, buf, 5);
	out("read 5: %ld \"%s\"\n", r, buf);
	SHOW("lseek SEEK_CUR", S3(lseek, fd, 0, SEEK_CUR));
	SHOW("lseek SEEK_END", S3(lseek, fd, 0, SEEK_END));
	SHOW("read at end", S3(read, fd, buf, 5));
	SHOW("lseek -1 SEEK_SET", S3(lseek, fd, -1, SEEK_SET));
	SHOW("lseek whence 9", S3(lseek, fd, 0, 9));
	memset(buf, 0, sizeof(buf));
	r = S5(pread64, fd, buf, 5, 6, 0);
	out("pread64 5 at 6: %ld \"%s\"\n", r, buf);
	SHOW("pread64 at -1", S5(pread64, fd, buf, 5, -1, -1));
	SHOW("write on O_RDONLY", S3(write, fd, "x", 1));
	SHOW("read to NULL", S3(read, fd, 0, 10));
	SHOW("ftruncate on O_RDONLY", S3(ftruncate64, fd, 10, 0));
	SHOW("fstat64", S2(fstat64, fd, &st));
	out("mode %o nlink %u size %lld\n", st.st_mode, st.st_nlink, st.st_size);
	SHOW("close", S1(close, fd));

	SHOW("open f O_RDWR|O_APPEND", fd = S2(open, "f", O_RDWR | O_APPEND));
	SHOW("lseek 0", S3(lseek, fd, 0, SEEK_SET));
	SHOW("append write", S3(write, fd, "!", 1));
	SHOW("lseek SEEK_CUR after append", S3(lseek, fd, 0, SEEK_CUR));
	SHOW("ftruncate64 10000 (sparse)", S3(ftruncate64, fd, 10000, 0));
	SHOW("fstat64", S2(fstat64, fd, &st));
	out("size %lld\n", st.st_size);
	memset(buf, 0x55, sizeof(buf));
	r = S5(pread64, fd, buf, 64, 8000, 0);
	out("pread64 in the hole: %ld, all zero %s\n", r, yesno(all_bytes(buf, 0, 64)));
	SHOW("pwrite64 at 20000", S5(pwrite64, fd, "end", 3, 20000, 0));
	SHOW("fstat64", S2(fstat64, fd, &st));
	out("size %lld\n", st.st_size);
	SHOW("truncate64 f 3", S3(truncate64, "f", 3, 0));
	SHOW("truncate64 f -1", S3(truncate64, "f", -1, -1));
	memset(buf, 0, sizeof(buf));
	SHOW("lseek 0", S3(lseek, fd, 0, SEEK_SET));
	r = S3(read, fd, buf, 64);
	out("read after truncate: %ld \"%s\"\n", r, buf);
	SHOW("close", S1(close, fd));
	SHOW("creat g", fd = S2(creat, "g", 0600));
	SHOW("close g", S1(close, fd));
	SHOW("stat g", do_stat("g"));
	out("g mode %o size %lld\n", st.st_mode, st.st_size);
	SHOW("chmod g 0640", S2(chmod, "g", 0640));
	SHOW("stat g", do_stat("g"));
	out("g mode %o\n", st.st_mode);
	SHOW("access g R_OK", S2(access, "g", R_OK));
	SHOW("access nope F_OK", S2(access, "nope", F_OK));
	SHOW("access g bad mode", S2(access, "g", 8));
	{
		long ts[4] = { 1000000000, 5, 1200000000, 7 };

		SHOW("utimensat g", S4(utimensat, AT_FDCWD, "g", ts, 0));
		do_stat("g");
		out("atime %lu.%lu mtime %lu.%lu\n", st.st_atime_, st.st_atime_nsec, st.st_mtime_,
		    st.st_mtime_nsec);
		ts[1] = 1000000000;
		SHOW("utimensat bad nsec", S4(utimensat, AT_FDCWD, "g", ts, 0));
	}
	SHOW("unlink g", S1(unlink, "g"));
	SHOW("open nope", S2(open, "nope", O_RDONLY));
	SHOW("open f/x", S2(open, "f/x", O_RDONLY));
}

static void dirs(void)
{
	char buf[64];
	long fd, r;

	SHOW("mkdir d", S2(mkdir, "d", 0755));
	SHOW("mkdir d again", S2(mkdir, "d", 0755));
	SHOW("mkdir d/e/", S2(mkdir, "d/e/", 0755));
	SHOW("stat .", do_stat("."));
	out(". nlink %u\n", st.st_nlink);
	SHOW("stat d", do_stat("d"));
	out("d nlink %u dir %s\n", st.st_nlink, yesno((st.st_mode & S_IFMT) == S_IFDIR));
	SHOW("rmdir f", S1(rmdir, "f"));
	SHOW("unlink d", S1(unlink, "d"));
	SHOW("rmdir d (not empty)", S1(rmdir, "d"));
	SHOW("rmdir d/e/.", S1(rmdir, "d/e/."));
	SHOW("rmdir nope", S1(rmdir, "nope"));
	SHOW("open d O_WRONLY", S2(open, "d", O_WRONLY));
	SHOW("open f O_DIRECTORY", S2(open, "f", O_RDONLY | O_DIRECTORY));
	SHOW("open d", fd = S2(open, "d", O_RDONLY | O_DIRECTORY));
	SHOW("read dir", S3(read, fd, buf, 10));
	SHOW("openat d/x O_CREAT", r = S4(openat, fd, "x", O_CREAT | O_WRONLY, 0644));
	SHOW("close", S1(close, r));
	SHOW("stat d/x", do_stat("d/x"));
	{
		char dents[1024];
		char names[8][32];
		int n = 0, i, j;
		long len = S3(getdents64, fd, dents, sizeof(dents));
		long off = 0;

		out("getdents64 > 0 %s\n", yesno(len > 0));
		while (len > 0 && off < len && n < 8) {
			unsigned short reclen = *(unsigned short *)(dents + off + 16);
			unsigned char type = *(unsigned char *)(dents + off + 18);

			snprintf(names[n++], 32, "%s:%u", dents + off + 19, type);
			off += reclen;
		}
		for (i = 0; i < n; i++)	/* order is the file system's: sort */
			for (j = i + 1; j < n; j++)
				if (strcmp(names[i], names[j]) > 0) {
					char t[32];

					memcpy(t, names[i], 32);
					memcpy(names[i], names[j], 32);
					memcpy(names[j], t, 32);
				}
		for (i = 0; i < n; i++)
			out("  entry %s\n", names[i]);
		SHOW("getdents64 at end", S3(getdents64, fd, dents, sizeof(dents)));
		SHOW("getdents64 tiny buffer", (S3(lseek, fd, 0, SEEK_SET),
					       S3(getdents64, fd, dents, 8)));
		SHOW("getdents64 on a file", S3(getdents64, 0, dents, sizeof(dents)));
	}
	SHOW("fchdir d", S1(fchdir, fd));
	SHOW("stat x (in d)", do_stat("x"));
	SHOW("chdir ..", S1(chdir, ".."));
	SHOW("close d", S1(close, fd));
	SHOW("unlinkat d/x", S3(unlinkat, AT_FDCWD, "d/x", 0));
	SHOW("unlinkat d/e AT_REMOVEDIR", S3(unlinkat, AT_FDCWD, "d/e", AT_REMOVEDIR));
	SHOW("chdir f", S1(chdir, "f"));
}

static void links(void)
{
	char buf[64];
	long fd, r;
	unsigned long long ino;

	SHOW("symlink f l", S2(symlink, "f", "l"));
	memset(buf, 0, sizeof(buf));
	r = S3(readlink, "l", buf, sizeof(buf));
	out("readlink l: %ld \"%s\"\n", r, buf);
	SHOW("readlink f", S3(readlink, "f", buf, sizeof(buf)));
	SHOW("lstat l", S2(lstat64, "l", &st));
	out("l is a symlink %s size %lld\n", yesno((st.st_mode & S_IFMT) == S_IFLNK), st.st_size);
	do_stat("f");
	ino = st.st_ino;
	SHOW("stat l", do_stat("l"));
	out("l is f %s\n", yesno(st.st_ino == ino));
	SHOW("open l O_NOFOLLOW", S2(open, "l", O_RDONLY | O_NOFOLLOW));
	SHOW("symlink a -> b", S2(symlink, "b", "a"));
	SHOW("symlink b -> a", S2(symlink, "a", "b"));
	SHOW("open a (loop)", S2(open, "a", O_RDONLY));
	SHOW("stat a/x (loop)", do_stat("a/x"));
	SHOW("symlink dl -> d", S2(symlink, "d", "dl"));
	SHOW("mkdir d", S2(mkdir, "d", 0755));
	SHOW("open dl/n O_CREAT", r = S3(open, "dl/n", O_CREAT | O_WRONLY, 0600));
	SHOW("close", S1(close, r));
	SHOW("unlink d/n", S1(unlink, "d/n"));
	SHOW("symlink dang -> nothere", S2(symlink, "nothere", "dang"));
	SHOW("open dang O_CREAT", r = S3(open, "dang", O_CREAT | O_WRONLY, 0600));
	SHOW("close", S1(close, r));
	SHOW("stat nothere", do_stat("nothere"));
	SHOW("open dang O_CREAT|O_EXCL", S3(open, "dang", O_CREAT | O_EXCL | O_WRONLY, 0600));
	SHOW("unlink nothere", S1(unlink, "nothere"));

	SHOW("link f h", S2(link, "f", "h"));
	SHOW("link d hd", S2(link, "d", "hd"));
	SHOW("link f h again", S2(link, "f", "h"));
	SHOW("stat h", do_stat("h"));
	out("h nlink %u is f %s\n", st.st_nlink, yesno(st.st_ino == ino));
	SHOW("open h", fd = S2(open, "h", O_RDONLY));
	SHOW("unlink h", S1(unlink, "h"));
	SHOW("unlink f", S1(unlink, "f"));
	SHOW("stat f", do_stat("f"));
	SHOW("fstat64 open unlinked", S2(fstat64, fd, &st));
	out("nlink %u size %lld\n", st.st_nlink, st.st_size);
	memset(buf, 0, sizeof(buf));
	r = S3(read, fd, buf, 64);
	out("read unlinked: %ld \"%s\"\n", r, buf);
	SHOW("close", S1(close, fd));

	SHOW("creat r1", r = S2(creat, "r1", 0644));
	S1(close, r);
	SHOW("rename r1 r2", S2(rename, "r1", "r2"));
	SHOW("stat r1", do_stat("r1"));
	SHOW("rename r2 d (dir)", S2(rename, "r2", "d"));
	SHOW("rename d r2 (file)", S2(rename, "d", "r2"));
	SHOW("mkdir d/sub", S2(mkdir, "d/sub", 0755));
	SHOW("rename d d/sub/x", S2(rename, "d", "d/sub/x"));
	SHOW("mkdir e", S2(mkdir, "e", 0755));
	SHOW("rename e d (not empty)", S2(rename, "e", "d"));
	SHOW("rename d/sub e (empty)", S2(rename, "d/sub", "e"));
	SHOW("stat e", do_stat("e"));
	SHOW("stat d", do_stat("d"));
	out("d nlink %u\n", st.st_nlink);
	SHOW("rename r2 r2", S2(rename, "r2", "r2"));
	SHOW("rename nope x", S2(rename, "nope", "x"));
	SHOW("rename r2 /tmp/.. (busy)", S2(rename, "r2", "."));
	SHOW("unlink r2", S1(unlink, "r2"));
	SHOW("rmdir e", S1(rmdir, "e"));
	SHOW("rmdir d", S1(rmdir, "d"));
	SHOW("unlink l a b dl dang", S1(unlink, "l") | S1(unlink, "a") | S1(unlink, "b") |
	     S1(unlink, "dl") | S1(unlink, "dang"));
}

static void descriptors(void)
{
	long fd, r, i;
	long lim[2], old[2];

	SHOW("open . ", fd = S2(open, ".", O_RDONLY));
	SHOW("dup", r = S1(dup, fd));
	SHOW("fcntl F_GETFD", S2(fcntl64, r, F_GETFD));
	SHOW("fcntl F_SETFD", S3(fcntl64, r, F_SETFD, FD_CLOEXEC));
	SHOW("fcntl F_GETFD", S2(fcntl64, r, F_GETFD));
	SHOW("fcntl F_DUPFD 100", S3(fcntl64, fd, F_DUPFD, 100));
	SHOW("fcntl F_DUPFD_CLOEXEC 100", r = S3(fcntl, fd, F_DUPFD_CLOEXEC, 100));
	SHOW("fcntl F_GETFD", S2(fcntl, r, F_GETFD));
	SHOW("fcntl F_GETFL & O_ACCMODE", S2(fcntl64, fd, F_GETFL) & O_ACCMODE);
	SHOW("fcntl64(1, F_GETFL) & O_ACCMODE", S2(fcntl64, 1, F_GETFL) & O_ACCMODE);
	SHOW("fcntl bad cmd", S2(fcntl64, fd, 9999));
	SHOW("dup2 fd fd", S2(dup2, fd, fd) == fd);
	SHOW("dup3 fd fd", S3(dup3, fd, fd, 0));
	SHOW("dup3 bad flags", S3(dup3, fd, 50, 1));
	SHOW("dup2 fd 50", S2(dup2, fd, 50));
	SHOW("dup2 fd -1", S2(dup2, fd, -1));
	SHOW("dup2 99999 50", S2(dup2, 99999, 50));
	SHOW("close 50", S1(close, 50));
	SHOW("close 100 101", S1(close, 100) | S1(close, 101));
	SHOW("close -1", S1(close, -1));
	SHOW("close 100000", S1(close, 100000));
	SHOW("read 9999", S3(read, 9999, lim, 1));
	SHOW("lseek on dup", S3(lseek, r - 97, 0, SEEK_CUR));
	SHOW("close fd", S1(close, fd));
	SHOW("close dup", S1(close, fd + 1));
	SHOW("lseek on stdout (pipe or file?)", 0);
	SHOW("close 0", S1(close, 0));
	SHOW("fcntl64(0, F_GETFL) closed", S2(fcntl64, 0, F_GETFL));
	SHOW("open . -> lowest", fd = S2(open, ".", O_RDONLY));
	SHOW("close", S1(close, fd));

	/* EMFILE at RLIMIT_NOFILE: lower it to 16 and open until it says no. */
	sc(SYS_ugetrlimit, 7, (long)old, 0, 0, 0, 0);
	lim[0] = 16;
	lim[1] = old[1];
	SHOW("setrlimit NOFILE 16", sc(75, 7, (long)lim, 0, 0, 0, 0));
	for (i = 0, fd = -1; i < 40; i++) {
		r = S2(open, ".", O_RDONLY);
		if (r < 0)
			break;
		fd = r;
	}
	out("last fd %ld, then %s\n", fd, ename(r));
	SHOW("dup2 to 16", S2(dup2, 3, 16));
	SHOW("F_DUPFD from 16", S3(fcntl64, 3, F_DUPFD, 16));
	for (i = 3; i < 16; i++)
		S1(close, i);
	sc(75, 7, (long)old, 0, 0, 0, 0);
}

static void bad_input(void)
{
	char *huge = malloc(1 << 20);
	char name[300];

	SHOW("open (char *)1", S2(open, 1, O_RDONLY));
	SHOW("open kernel address", S2(open, 0xc0000000, O_RDONLY));
	SHOW("stat64 to (void *)1", S2(stat64, ".", 1));
	SHOW("mkdir NULL", S2(mkdir, 0, 0755));
	SHOW("open \"\"", S2(open, "", O_RDONLY));
	memset(huge, 'a', 1 << 20);
	huge[(1 << 20) - 1] = 0;
	SHOW("open 1 MiB path", S2(open, huge, O_RDONLY));
	memset(huge, 0, 4096);
	for (int i = 0; i + 2 < 4096; i += 2)
		memcpy(huge + i, "./", 2);
	SHOW("stat 4094-byte path", do_stat(huge));
	huge[4094] = '.';
	SHOW("stat 4095-byte path", do_stat(huge));
	huge[4095] = '/';
	huge[4096] = 0;
	SHOW("stat 4096-byte path", do_stat(huge));
	memset(name, 'n', 299);
	name[299] = 0;
	SHOW("open 299-byte component", S2(open, name, O_RDONLY));
	name[255] = 0;
	SHOW("open 255-byte component", S2(open, name, O_RDONLY));
	SHOW("getcwd tiny", S2(getcwd, name, 2));
	SHOW("getcwd bad buffer", S2(getcwd, 1, 100));
	free(huge);
}

int main(void)
{
	char dir[64], cwd[256];
	long made_tmp;

	S1(umask, 022);
	made_tmp = S2(mkdir, "/tmp", 01777);
	snprintf(dir, sizeof(dir), "/tmp/fs_semantics.%ld", sc(SYS_getpid, 0, 0, 0, 0, 0, 0));
	SHOW("mkdir work dir", S2(mkdir, dir, 0700));
	SHOW("chdir work dir", S1(chdir, dir));
	memset(cwd, 0, sizeof(cwd));
	SHOW("getcwd", S2(getcwd, cwd, sizeof(cwd)) == (long)strlen(dir) + 1);
	out("getcwd is the work dir %s\n", yesno(!strcmp(cwd, dir)));
	files();
	dirs();
	links();
	descriptors();
	bad_input();
	SHOW("chdir /", S1(chdir, "/"));
	SHOW("rmdir work dir", S1(rmdir, dir));
	if (made_tmp == 0)
		S1(rmdir, "/tmp");
	return 0;
}

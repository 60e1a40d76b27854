/*
 * More file calls against Linux: readv, _llseek, getdents (the old record), statx and
 * fstatat64 (with and without following a symlink, AT_EMPTY_PATH), faccessat2,
 * fchmod, chown32 as root, fsync and sync, statfs64's size check and name length,
 * dup'ed descriptors sharing one offset, close-on-exec through fcntl and ioctl, and a
 * directory removed while it is the cwd.
 *
 * It works in /tmp/fs_calls.PID (made, with /tmp if missing, and removed at the end);
 * only facts both kernels must agree on are printed.
 */
#include "abi.h"
#include <fcntl.h>

#define NR_read		3
#define NR_write	4
#define NR_open		5
#define NR_close	6
#define NR_unlink	10
#define NR_chdir	12
#define NR_sync		36
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_dup		41
#define NR_ioctl	54
#define NR_fcntl64	221
#define NR_fchmod	94
#define NR_fsync	118
#define NR_llseek	140
#define NR_getdents	141
#define NR_readv	145
#define NR_getcwd	183
#define NR_fstat64	197
#define NR_chown32	212
#define NR_statfs64	268
#define NR_fstatfs64	269
#define NR_symlink	83
#define NR_fstatat64	300
#define NR_faccessat2	439
#define NR_statx	383
#define NR_lseek	19

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
	case 20: return "-ENOTDIR";
	case 21: return "-EISDIR";
	case 22: return "-EINVAL";
	case 29: return "-ESPIPE";
	case 34: return "-ERANGE";
	}
	return res(r);
}

#define SHOW(what, call) do { long r_ = (call); out("%-40s %s\n", what, ename(r_)); } while (0)

struct statx_ {
	unsigned int mask, blksize;
	unsigned long long attributes;
	unsigned int nlink, uid, gid;
	unsigned short mode, pad;
	unsigned long long ino, size, blocks, attributes_mask;
	unsigned char times[64];
	unsigned int rdev_major, rdev_minor, dev_major, dev_minor;
	unsigned long long spare[14];
} __attribute__((packed));

static unsigned char st[96];

static unsigned int st_mode(void) { return *(unsigned int *)(st + 16); }
static unsigned int st_uid(void) { return *(unsigned int *)(st + 24); }
static unsigned int st_gid(void) { return *(unsigned int *)(st + 28); }
static long long st_size(void) { return *(long long *)(st + 44); }

int main(void)
{
	char dir[64], buf[128], a[4], b[8];
	struct iovec iov[3] = { { a, sizeof(a) }, { NULL, 0 }, { b, sizeof(b) } };
	struct statx_ sx;
	long made_tmp, fd, fd2, r;
	long long pos;

	made_tmp = S2(mkdir, "/tmp", 01777);
	snprintf(dir, sizeof(dir), "/tmp/fs_calls.%ld", sc(SYS_getpid, 0, 0, 0, 0, 0, 0));
	SHOW("mkdir work dir", S2(mkdir, dir, 0700));
	SHOW("chdir work dir", S1(chdir, dir));

	fd = S3(open, "f", O_CREAT | O_RDWR, 0600);
	SHOW("write 0123456789ab", S3(write, fd, "0123456789ab", 12));
	SHOW("_llseek to 2", S5(llseek, fd, 0, 2, &pos, SEEK_SET));
	out("_llseek result %lld\n", pos);
	SHOW("_llseek bad result pointer", S5(llseek, fd, 0, 0, 1, SEEK_SET));
	SHOW("_llseek to -1", S5(llseek, fd, -1, -1, &pos, SEEK_SET));
	SHOW("_llseek SEEK_END -2", S5(llseek, fd, -1, -2, &pos, SEEK_END));
	out("_llseek result %lld\n", pos);
	S3(lseek, fd, 1, SEEK_SET);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	r = S3(readv, fd, iov, 3);
	out("readv: %ld \"%.4s\" \"%.8s\"\n", r, a, b);
	iov[1].iov_base = (void *)1;
	iov[1].iov_len = 4;
	SHOW("readv with a bad entry", S3(readv, fd, iov, 3));
	SHOW("readv bad count", S3(readv, fd, iov, -1));
	fd2 = S1(dup, fd);
	S3(lseek, fd, 5, SEEK_SET);
	SHOW("dup shares the offset", S3(lseek, fd2, 0, SEEK_CUR));
	SHOW("fcntl64 F_GETFD dup", S2(fcntl64, fd2, F_GETFD));
	SHOW("ioctl FIOCLEX", S2(ioctl, fd2, 0x5451));
	SHOW("fcntl64 F_GETFD after FIOCLEX", S2(fcntl64, fd2, F_GETFD));
	SHOW("ioctl FIONCLEX", S2(ioctl, fd2, 0x5450));
	SHOW("fcntl64 F_GETFD after FIONCLEX", S2(fcntl64, fd2, F_GETFD));
	{
		int avail = -1;

		SHOW("ioctl FIONREAD on a file", S3(ioctl, fd, 0x541b, &avail));
		out("FIONREAD %d\n", avail);
	}
	SHOW("ioctl TCGETS on a file", S3(ioctl, fd, 0x5401, buf));
	SHOW("fcntl64 F_SETFL O_APPEND", S3(fcntl64, fd, F_SETFL, O_APPEND | O_RDONLY));
	SHOW("fcntl64 F_GETFL", S2(fcntl64, fd, F_GETFL) & (O_APPEND | O_ACCMODE));
	SHOW("close dup", S1(close, fd2));
	SHOW("fsync", S1(fsync, fd));
	SHOW("sync", sc(NR_sync, 0, 0, 0, 0, 0, 0));
	SHOW("fchmod 0751", S2(fchmod, fd, 0751));
	SHOW("fstat64", S2(fstat64, fd, st));
	out("mode %o size %lld\n", st_mode(), st_size());
	SHOW("chown32 f 12 34", S3(chown32, "f", 12, 34));
	SHOW("chown32 f -1 56", S3(chown32, "f", -1, 56));
	S2(fstat64, fd, st);
	out("uid %u gid %u mode %o\n", st_uid(), st_gid(), st_mode());
	SHOW("chown32 nope", S3(chown32, "nope", 0, 0));
	SHOW("symlink f l", S2(symlink, "f", "l"));
	SHOW("fstatat64 l", S4(fstatat64, AT_FDCWD, "l", st, 0));
	out("l follows to a file %s\n", yesno((st_mode() & 0170000) == 0100000));
	SHOW("fstatat64 l NOFOLLOW", S4(fstatat64, AT_FDCWD, "l", st, AT_SYMLINK_NOFOLLOW));
	out("l itself is a link %s size %lld\n", yesno((st_mode() & 0170000) == 0120000), st_size());
	SHOW("fstatat64 fd \"\" EMPTY_PATH", S4(fstatat64, fd, "", st, AT_EMPTY_PATH));
	out("size %lld\n", st_size());
	SHOW("fstatat64 fd \"\" no flag", S4(fstatat64, fd, "", st, 0));
	SHOW("fstatat64 bad flags", S4(fstatat64, AT_FDCWD, "f", st, 0x8000));
	SHOW("fstatat64 f relative to a file", S4(fstatat64, fd, "x", st, 0));
	memset(&sx, 0, sizeof(sx));
	SHOW("statx f", S5(statx, AT_FDCWD, "f", 0, 0x7ff, &sx));
	out("statx basic %s mode %o size %llu nlink %u uid %u\n",
	    yesno((sx.mask & 0x7ff) == 0x7ff), sx.mode, sx.size, sx.nlink, sx.uid);
	SHOW("statx reserved mask bit", S5(statx, AT_FDCWD, "f", 0, 0x80000000, &sx));
	SHOW("statx to a bad buffer", S5(statx, AT_FDCWD, "f", 0, 0x7ff, 1));
	SHOW("faccessat2 f W_OK", S4(faccessat2, AT_FDCWD, "f", W_OK, 0));
	SHOW("faccessat2 f X_OK", S4(faccessat2, AT_FDCWD, "f", X_OK, AT_EACCESS));
	SHOW("faccessat2 bad flags", S4(faccessat2, AT_FDCWD, "f", R_OK, 0x8));
	{
		unsigned char sf[84];

		SHOW("statfs64 size 84", S3(statfs64, ".", 84, sf));
		out("f_namelen %u\n", *(unsigned int *)(sf + 56));
		SHOW("statfs64 size 80", S3(statfs64, ".", 80, sf));
		SHOW("statfs64 bad buffer", S3(statfs64, ".", 84, 1));
		SHOW("fstatfs64 bad fd", S3(fstatfs64, 999, 84, sf));
	}
	SHOW("mkdir d", S2(mkdir, "d", 0755));
	fd2 = S2(open, "d", O_RDONLY | O_DIRECTORY);
	r = S3(getdents, fd2, buf, sizeof(buf));
	{
		long off = 0;
		int n = 0;

		while (off < r) {
			unsigned short reclen = *(unsigned short *)(buf + off + 8);

			n++;
			out("  getdents entry \"%s\" type %u\n", buf + off + 10, buf[off + reclen - 1]);
			off += reclen;
		}
		out("getdents entries %d\n", n);
	}
	SHOW("getdents on a file", S3(getdents, fd, buf, sizeof(buf)));
	SHOW("chdir d", S1(chdir, "d"));
	SHOW("rmdir the cwd", S1(rmdir, "../d"));
	SHOW("getcwd of a removed cwd", S2(getcwd, buf, sizeof(buf)));
	SHOW("open . in it", S2(open, ".", O_RDONLY));
	SHOW("create in it", S3(open, "x", O_CREAT | O_WRONLY, 0600));
	SHOW("getdents on the removed dir", S3(getdents, fd2, buf, sizeof(buf)));
	SHOW("chdir ..", S1(chdir, ".."));
	S1(close, fd2);
	S1(close, fd);
	S1(close, 5);	/* "open . in it" */
	S1(unlink, "l");
	SHOW("unlink f", S1(unlink, "f"));
	SHOW("chdir /", S1(chdir, "/"));
	SHOW("rmdir work dir", S1(rmdir, dir));
	if (made_tmp == 0)
		S1(rmdir, "/tmp");
	return 0;
}

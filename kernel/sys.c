/*
 * The small system calls a static libc makes, with behaviour it accepts (see
 * docs/syscalls.md for each one's number and how it differs from Linux).
 *
 * There is no file system: the only files are the three standard descriptors, all of
 * them the console. fd 1 writes go to the second serial port and fd 2 to the third when
 * they exist (tools/run-elf keeps a program's stdout and stderr apart from the kernel
 * log that way), else to the console; the bytes go out exactly as written. fd 0 reads
 * as end of input. fstat describes all three as a terminal-like character device;
 * ioctl says consistently that they are not terminals (-ENOTTY), so libc buffers
 * stdout fully, as on Linux when the output is redirected to a file, which is what the
 * differential tests compare against.
 *
 * Every user pointer goes through copy_from_user/copy_to_user/strncpy_from_user: a bad
 * one is -EFAULT, never an oops.
 *
 * Relies on: current (sched.h), serial ports, uaccess, get_random_bytes.
 */
#include <errno.h>
#include <random.h>
#include <sched.h>
#include <serial.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

#define MAX_RW_COUNT	0x7ffff000UL	/* INT_MAX & PAGE_MASK, Linux's cap per call */
#define UIO_MAXIOV	1024

/* ---- the standard descriptors ---- */

static bool fd_is_open(unsigned long fd)
{
	return fd <= 2;
}

static bool fd_is_writable(unsigned long fd)
{
	return fd == 1 || fd == 2;
}

static void console_output(unsigned long fd, const char *buf, size_t len)
{
	int com = fd == 1 ? 2 : 3;

	if (serial_present(com))
		serial_write(com, buf, len);
	else
		serial_console_write(buf, len);
}

/* Copy and emit count bytes; a fault ends the write: bytes done, or -EFAULT if none. */
static long write_user(unsigned long fd, const char *ubuf, size_t count)
{
	char chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		size_t ok = n - copy_from_user(chunk, ubuf + done, n);

		console_output(fd, chunk, ok);
		done += ok;
		if (ok < n)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

long sys_read(unsigned long fd, char *buf, size_t count)
{
	if (fd != 0)
		return -EBADF;		/* 1 and 2 are write-only here */
	if (!access_ok(buf, count))
		return -EFAULT;
	return 0;			/* end of input */
}

long sys_write(unsigned long fd, const char *buf, size_t count)
{
	if (!fd_is_writable(fd))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	return write_user(fd, buf, min(count, MAX_RW_COUNT));
}

struct iovec {
	void *iov_base;
	size_t iov_len;
};

/*
 * As Linux, the vector is checked whole before anything is written: a bad entry
 * anywhere means nothing is output. {NULL, 0} entries are fine (musl uses them).
 */
long sys_writev(unsigned long fd, const struct iovec *uvec, unsigned long vlen)
{
	struct iovec iov;
	size_t total = 0;
	unsigned long i;
	long done = 0, n;

	if (!fd_is_writable(fd))
		return -EBADF;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;		/* also catches a negative count */
	for (i = 0; i < vlen; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return -EFAULT;
		if ((long)iov.iov_len < 0)
			return -EINVAL;
		if (!access_ok(iov.iov_base, iov.iov_len))
			return -EFAULT;
		total += min(iov.iov_len, MAX_RW_COUNT - total);
	}
	for (i = 0; i < vlen && total; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			break;
		iov.iov_len = min(iov.iov_len, total);
		n = write_user(fd, iov.iov_base, iov.iov_len);
		if (n < 0)
			return done ? done : n;
		done += n;
		total -= n;
		if ((size_t)n < iov.iov_len)
			break;
	}
	return done;
}

/* ---- identity ---- */

long sys_getpid(void)
{
	return current->pid;
}

/* One thread per process: its thread id is its pid. */
long sys_gettid(void)
{
	return current->pid;
}

long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

/* No threads, no futexes, no restartable sequences: libcs accept -ENOSYS for these. */
long sys_set_robust_list(void *head, size_t len)
{
	(void)head;
	(void)len;
	return -ENOSYS;
}

long sys_rseq(void *rseq, u32 len, int flags, u32 sig)
{
	(void)rseq;
	(void)len;
	(void)flags;
	(void)sig;
	return -ENOSYS;
}

#define UTS_LEN 65

struct new_utsname {
	char sysname[UTS_LEN];
	char nodename[UTS_LEN];
	char release[UTS_LEN];
	char version[UTS_LEN];
	char machine[UTS_LEN];
	char domainname[UTS_LEN];
};

long sys_uname(struct new_utsname *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", UTS_LEN);
	strlcpy(u.nodename, "teachkernel", UTS_LEN);
	strlcpy(u.release, "6.1.0", UTS_LEN);	/* glibc refuses to start below 3.2.0 */
	strlcpy(u.version, "#1", UTS_LEN);
	strlcpy(u.machine, "i686", UTS_LEN);
	strlcpy(u.domainname, "(none)", UTS_LEN);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* ---- resource limits ---- */

#define RLIMIT_DATA	2
#define RLIMIT_STACK	3
#define RLIMIT_NOFILE	7
#define RLIM_NLIMITS	16
#define RLIM64_INFINITY	(~0ULL)
#define RLIM_INFINITY32	0xffffffffUL

struct rlimit {
	u32 rlim_cur, rlim_max;
};

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

/* Fixed limits: an 8 MiB stack (what the fault handler lets the stack grow to). */
static void get_limit(unsigned int resource, struct rlimit64 *r)
{
	r->rlim_cur = r->rlim_max = RLIM64_INFINITY;
	if (resource == RLIMIT_STACK) {
		r->rlim_cur = 8UL << 20;
	} else if (resource == RLIMIT_NOFILE) {
		r->rlim_cur = 1024;	/* Linux's defaults; nobody should loop to infinity */
		r->rlim_max = 4096;
	}
}

long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit64 r;
	struct rlimit r32;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	get_limit(resource, &r);
	r32.rlim_cur = r.rlim_cur > RLIM_INFINITY32 ? RLIM_INFINITY32 : r.rlim_cur;
	r32.rlim_max = r.rlim_max > RLIM_INFINITY32 ? RLIM_INFINITY32 : r.rlim_max;
	return copy_to_user(rlim, &r32, sizeof(r32)) ? -EFAULT : 0;
}

/*
 * The limits cannot change: setting them to what they are is accepted (a no-op),
 * anything else is -EPERM, and then the old values are not reported, as Linux reports
 * them only on success.
 */
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit64 *new_rlim,
		   struct rlimit64 *old_rlim)
{
	struct rlimit64 cur, req;

	if (pid != 0 && pid != current->pid)
		return -ESRCH;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	get_limit(resource, &cur);
	if (new_rlim) {
		if (copy_from_user(&req, new_rlim, sizeof(req)))
			return -EFAULT;
		if (req.rlim_cur > req.rlim_max)
			return -EINVAL;
		if (req.rlim_cur != cur.rlim_cur || req.rlim_max != cur.rlim_max)
			return -EPERM;
	}
	if (old_rlim && copy_to_user(old_rlim, &cur, sizeof(cur)))
		return -EFAULT;
	return 0;
}

/* ---- files that are not there ---- */

/* glibc asks for /proc/self/exe; there is no /proc. */
long sys_readlink(const char *path, char *buf, int bufsiz)
{
	(void)path;
	(void)buf;
	(void)bufsiz;
	return -ENOENT;
}

#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413

long sys_ioctl(unsigned long fd, unsigned long cmd, unsigned long arg)
{
	(void)arg;
	if (!fd_is_open(fd))
		return -EBADF;
	(void)cmd;	/* TCGETS, TIOCGWINSZ and the rest: not a terminal */
	return -ENOTTY;
}

/* ---- getrandom ---- */

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

long sys_getrandom(char *ubuf, size_t count, unsigned int flags)
{
	u8 chunk[64];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > 0x7fffffff)
		count = 0x7fffffff;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk)), left;

		get_random_bytes(chunk, n);
		left = copy_to_user(ubuf + done, chunk, n);
		done += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

/* ---- stat: the standard descriptors as a pseudo-terminal, /dev/pts/0 ---- */

#define S_IFCHR		0020000
#define TTY_MODE	(S_IFCHR | 0620)
#define TTY_MAJOR	136	/* Unix98 pty slaves */
#define TTY_MINOR	0
#define TTY_DEV		0x18	/* the devpts instance: makedev(0, 24) */
#define TTY_INO		3
#define TTY_GID		5	/* group tty */
#define TTY_BLKSIZE	1024

#define AT_FDCWD		(-100)
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000
#define AT_STATX_SYNC_TYPE	0x6000
#define STATX_BASIC_STATS	0x7ffU
#define STATX__RESERVED		0x80000000U

struct stat64 {
	u64 st_dev;
	u8 __pad0[4];
	u32 __st_ino;
	u32 st_mode;
	u32 st_nlink;
	u32 st_uid;
	u32 st_gid;
	u64 st_rdev;
	u8 __pad3[4];
	s64 st_size;
	u32 st_blksize;
	u64 st_blocks;
	u32 st_atime, st_atime_nsec;
	u32 st_mtime, st_mtime_nsec;
	u32 st_ctime, st_ctime_nsec;
	u64 st_ino;
} __packed;

_Static_assert(sizeof(struct stat64) == 96, "i386 struct stat64 is 96 bytes");

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask;
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0;
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor;
	u32 stx_dev_major, stx_dev_minor;
	u64 __spare2[14];
} __packed;

_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");

/* Linux's new_encode_dev(), the form stat64 reports device numbers in. */
static u32 encode_dev(u32 major, u32 minor)
{
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static long fill_stat64(struct stat64 *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = TTY_DEV;
	st.__st_ino = TTY_INO;
	st.st_ino = TTY_INO;
	st.st_mode = TTY_MODE;
	st.st_nlink = 1;
	st.st_gid = TTY_GID;
	st.st_rdev = encode_dev(TTY_MAJOR, TTY_MINOR);
	st.st_blksize = TTY_BLKSIZE;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat64(unsigned long fd, struct stat64 *statbuf)
{
	if (!fd_is_open(fd))
		return -EBADF;
	return fill_stat64(statbuf);
}

/*
 * The path part of fstatat64/statx: 0 if (dirfd, path, flags) names one of the
 * standard descriptors (empty path with AT_EMPTY_PATH), else the error Linux gives when
 * nothing by that name exists.
 */
static long resolve_empty_path(int dirfd, const char *upath, unsigned int flags)
{
	char c;
	long n = strncpy_from_user(&c, upath, 1);

	if (n < 0)
		return n;
	if (n == 1) {			/* a real name: there is no file system */
		if (c != '/' && dirfd != AT_FDCWD && !fd_is_open(dirfd))
			return -EBADF;
		return -ENOENT;
	}
	if (!(flags & AT_EMPTY_PATH))
		return -ENOENT;
	if (dirfd == AT_FDCWD)
		return -ENOENT;		/* the current directory does not exist either */
	return fd_is_open(dirfd) ? 0 : -EBADF;
}

long sys_fstatat64(int dirfd, const char *path, struct stat64 *statbuf, unsigned int flags)
{
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = resolve_empty_path(dirfd, path, flags);
	return err ? err : fill_stat64(statbuf);
}

long sys_statx(int dirfd, const char *path, unsigned int flags, unsigned int mask,
	       struct statx *buffer)
{
	struct statx stx;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	err = resolve_empty_path(dirfd, path, flags);
	if (err)
		return err;
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS;
	stx.stx_blksize = TTY_BLKSIZE;
	stx.stx_nlink = 1;
	stx.stx_gid = TTY_GID;
	stx.stx_mode = TTY_MODE;
	stx.stx_ino = TTY_INO;
	stx.stx_rdev_major = TTY_MAJOR;
	stx.stx_rdev_minor = TTY_MINOR;
	stx.stx_dev_major = 0;
	stx.stx_dev_minor = TTY_DEV;
	return copy_to_user(buffer, &stx, sizeof(stx)) ? -EFAULT : 0;
}

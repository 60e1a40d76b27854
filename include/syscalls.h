/*
 * System calls: Linux's i386 numbers and the handlers' prototypes; the table that maps
 * one to the other is in kernel/syscall.c. Each handler takes up to six arguments
 * (from ebx, ecx, edx, esi, edi, ebp) and returns the value for eax: a result, or
 * -errno (-4095..-1). Declare each handler here with the layer that implements it.
 */
#ifndef _SYSCALLS_H
#define _SYSCALLS_H

#include "types.h"
#include "cred.h"		/* uid_t, gid_t, old_uid_t, old_gid_t */

#define __NR_exit		1
#define __NR_read		3
#define __NR_write		4
#define __NR_open	5
#define __NR_close	6
#define __NR_creat	8
#define __NR_link	9
#define __NR_unlink	10
#define __NR_chdir	12
#define __NR_chmod	15
#define __NR_lseek	19
#define __NR_time		13
#define __NR_getpid		20
#define __NR_setuid		23
#define __NR_getuid		24
#define __NR_access	33
#define __NR_sync	36
#define __NR_rename	38
#define __NR_mkdir	39
#define __NR_rmdir	40
#define __NR_dup	41
#define __NR_brk		45
#define __NR_setgid		46
#define __NR_getgid		47
#define __NR_geteuid		49
#define __NR_getegid		50
#define __NR_ioctl		54
#define __NR_fcntl	55
#define __NR_umask	60
#define __NR_dup2	63
#define __NR_setreuid		70
#define __NR_setregid		71
#define __NR_sethostname	74
#define __NR_getgroups		80
#define __NR_setgroups		81
#define __NR_setrlimit		75
#define __NR_getrlimit		76
#define __NR_symlink	83
#define __NR_gettimeofday	78
#define __NR_readlink		85
#define __NR_mmap		90
#define __NR_munmap		91
#define __NR_fchmod	94
#define __NR_sysinfo		116
#define __NR_fsync	118
#define __NR_setdomainname	121
#define __NR_uname		122
#define __NR_modify_ldt		123
#define __NR_mprotect		125
#define __NR_fchdir	133
#define __NR_setfsuid		138
#define __NR_setfsgid		139
#define __NR__llseek	140
#define __NR_getdents	141
#define __NR_msync		144
#define __NR_readv	145
#define __NR_writev		146
#define __NR_fdatasync	148
#define __NR_mlock		150
#define __NR_munlock		151
#define __NR_mlockall		152
#define __NR_munlockall		153
#define __NR_mremap		163
#define __NR_setresuid		164
#define __NR_getresuid		165
#define __NR_setresgid		170
#define __NR_getresgid		171
#define __NR_pread64	180
#define __NR_pwrite64	181
#define __NR_getcwd	183
#define __NR_ugetrlimit		191
#define __NR_mmap2		192
#define __NR_truncate64	193
#define __NR_ftruncate64	194
#define __NR_stat64	195
#define __NR_lstat64	196
#define __NR_fstat64		197
#define __NR_lchown32	198
#define __NR_getuid32		199
#define __NR_getgid32		200
#define __NR_geteuid32		201
#define __NR_getegid32		202
#define __NR_setreuid32		203
#define __NR_setregid32		204
#define __NR_getgroups32	205
#define __NR_setgroups32	206
#define __NR_fchown32	207
#define __NR_setresuid32	208
#define __NR_getresuid32	209
#define __NR_setresgid32	210
#define __NR_getresgid32	211
#define __NR_chown32	212
#define __NR_setuid32		213
#define __NR_setgid32		214
#define __NR_setfsuid32		215
#define __NR_setfsgid32		216
#define __NR_mincore		218
#define __NR_madvise		219
#define __NR_getdents64	220
#define __NR_fcntl64	221
#define __NR_gettid		224
#define __NR_set_thread_area	243
#define __NR_get_thread_area	244
#define __NR_exit_group		252
#define __NR_set_tid_address	258
#define __NR_clock_gettime	265
#define __NR_statfs64	268
#define __NR_fstatfs64	269
#define __NR_openat	295
#define __NR_mkdirat	296
#define __NR_fchownat	298
#define __NR_clock_getres	266
#define __NR_fstatat64		300
#define __NR_unlinkat	301
#define __NR_renameat	302
#define __NR_linkat	303
#define __NR_symlinkat	304
#define __NR_readlinkat	305
#define __NR_fchmodat	306
#define __NR_faccessat	307
#define __NR_set_robust_list	311
#define __NR_utimensat	320
#define __NR_dup3	330
#define __NR_prlimit64		340
#define __NR_renameat2	353
#define __NR_getrandom		355
#define __NR_statx		383
#define __NR_mlock2		376
#define __NR_rseq		386
#define __NR_clock_gettime64	403
#define __NR_utimensat_time64	412
#define __NR_faccessat2	439
/* processes and sleeping (kernel/fork.c, kernel/exit.c, kernel/pid.c, kernel/time.c) */
#define __NR_fork	2
#define __NR_waitpid	7
#define __NR_setpgid	57
#define __NR_getppid	64
#define __NR_getpgrp	65
#define __NR_setsid	66
#define __NR_wait4	114
#define __NR_clone	120
#define __NR_getpgid	132
#define __NR_getsid	147
#define __NR_sched_yield	158
#define __NR_nanosleep	162
#define __NR_vfork	190
#define __NR_clock_nanosleep	267
#define __NR_waitid	284
#define __NR_clock_nanosleep_time64	407
#define NR_syscalls		450

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

extern const syscall_fn_t sys_call_table[NR_syscalls];	/* kernel/syscall.c */

/* kernel/sys.c, kernel/exit.c, arch/x86/kernel/tls.c ... and mm/mmap.c, mm/mprotect.c ...: */

struct iovec;
struct new_utsname;
struct sysinfo;
struct rlimit;
struct rlimit64;
struct stat64;
struct statx;
struct user_desc;
struct old_timespec32;
struct __kernel_timespec;
struct old_timeval32;
struct timezone;

struct rusage32;
struct waitid_info;

/* kernel/exit.c */
long sys_exit(int code);
long sys_exit_group(int code);
long sys_wait4(int pid, int *stat_addr, int options, struct rusage32 *ru);
long sys_waitpid(int pid, int *stat_addr, int options);
long sys_waitid(int which, int upid, struct waitid_info *infop, int options,
		struct rusage32 *ru);
long sys_getppid(void);

/* kernel/fork.c */
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long clone_flags, unsigned long newsp, unsigned long parent_tidptr,
	       unsigned long tls, unsigned long child_tidptr);

/* kernel/pid.c */
long sys_setpgid(int pid, int pgid);
long sys_getpgid(int pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(int pid);

/* kernel/sched/core.c */
long sys_sched_yield(void);

/* kernel/sys.c */
long sys_read(unsigned long fd, char *buf, size_t count);
long sys_write(unsigned long fd, const char *buf, size_t count);
long sys_writev(unsigned long fd, const struct iovec *vec, unsigned long vlen);
long sys_getpid(void);
long sys_gettid(void);
long sys_set_tid_address(int *tidptr);
long sys_set_robust_list(void *head, size_t len);
long sys_rseq(void *rseq, u32 len, int flags, u32 sig);
long sys_uname(struct new_utsname *name);
long sys_sethostname(const char *name, int len);
long sys_setdomainname(const char *name, int len);
long sys_sysinfo(struct sysinfo *info);
void do_sysinfo(struct sysinfo *info);		/* what sysinfo(2) copies out */
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_setuid(uid_t uid);
long sys_setgid(gid_t gid);
long sys_setreuid(uid_t ruid, uid_t euid);
long sys_setregid(gid_t rgid, gid_t egid);
long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid);
long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long sys_getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
long sys_getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
long sys_setfsuid(uid_t uid);
long sys_setfsgid(gid_t gid);
long sys_getgroups(int gidsetsize, gid_t *grouplist);
long sys_setgroups(int gidsetsize, const gid_t *grouplist);
/* the 16-bit forms, below 199 (ids above 65535 show as 65534) */
long sys_getuid16(void);
long sys_geteuid16(void);
long sys_getgid16(void);
long sys_getegid16(void);
long sys_setuid16(unsigned long uid);
long sys_setgid16(unsigned long gid);
long sys_setreuid16(unsigned long ruid, unsigned long euid);
long sys_setregid16(unsigned long rgid, unsigned long egid);
long sys_setresuid16(unsigned long ruid, unsigned long euid, unsigned long suid);
long sys_setresgid16(unsigned long rgid, unsigned long egid, unsigned long sgid);
long sys_getresuid16(old_uid_t *ruid, old_uid_t *euid, old_uid_t *suid);
long sys_getresgid16(old_gid_t *rgid, old_gid_t *egid, old_gid_t *sgid);
long sys_setfsuid16(unsigned long uid);
long sys_setfsgid16(unsigned long gid);
long sys_getgroups16(int gidsetsize, old_gid_t *grouplist);
long sys_setgroups16(int gidsetsize, const old_gid_t *grouplist);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_ioctl(unsigned long fd, unsigned long cmd, unsigned long arg);
long sys_getrandom(char *buf, size_t count, unsigned int flags);
long sys_fstat64(unsigned long fd, struct stat64 *statbuf);
long sys_fstatat64(int dirfd, const char *path, struct stat64 *statbuf, unsigned int flags);
long sys_statx(int dirfd, const char *path, unsigned int flags, unsigned int mask,
	       struct statx *buffer);

/* kernel/resource.c */
long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim);
long sys_old_getrlimit(unsigned int resource, struct rlimit *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit *rlim);
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit64 *new_rlim,
		   struct rlimit64 *old_rlim);

/* arch/x86/kernel/tls.c */
long sys_set_thread_area(struct user_desc *u_info);
long sys_get_thread_area(struct user_desc *u_info);

/* kernel/time.c */
long sys_clock_gettime(int clk, struct old_timespec32 *tp);
long sys_clock_gettime64(int clk, struct __kernel_timespec *tp);
long sys_nanosleep(const struct old_timespec32 *rqtp, struct old_timespec32 *rmtp);
long sys_clock_nanosleep(int clk, int flags, const struct old_timespec32 *rqtp,
			 struct old_timespec32 *rmtp);
long sys_clock_nanosleep_time64(int clk, int flags, const struct __kernel_timespec *rqtp,
				struct __kernel_timespec *rmtp);
long sys_clock_getres(int clk, struct old_timespec32 *tp);
long sys_gettimeofday(struct old_timeval32 *tv, struct timezone *tz);
long sys_time(s32 *tloc);
/* The address space (mm/mmap.c, mm/mprotect.c, mm/mremap.c, mm/madvise.c). */
long sys_brk(unsigned long brk);
long sys_old_mmap(unsigned long arg);	/* mmap (90): pointer to 6 longs, offset in bytes */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
long sys_madvise(unsigned long start, unsigned long len, unsigned long advice);
/* mm/mlock.c, mm/mincore.c, mm/msync.c */
long sys_mlock(unsigned long start, size_t len);
long sys_mlock2(unsigned long start, size_t len, int flags);
long sys_munlock(unsigned long start, size_t len);
long sys_mlockall(int flags);
long sys_munlockall(void);
long sys_mincore(unsigned long start, size_t len, unsigned char *vec);
long sys_msync(unsigned long start, size_t len, int flags);

/* The file system (fs/open.c, fs/namei.c, fs/read_write.c, fs/stat.c, fs/readdir.c, fs/fcntl.c) */
struct statfs64;
struct old_timespec32_;
struct kernel_timespec64;
long sys_open(const char *path, int flags, u16 mode);
long sys_openat(int dfd, const char *path, int flags, u16 mode);
long sys_creat(const char *path, u16 mode);
long sys_close(unsigned int fd);
long sys_readv(unsigned long fd, const struct iovec *vec, unsigned long vlen);
long sys_pread64(unsigned long fd, char *buf, size_t count, u32 pos_lo, u32 pos_hi);
long sys_pwrite64(unsigned long fd, const char *buf, size_t count, u32 pos_lo, u32 pos_hi);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_llseek(unsigned int fd, unsigned long hi, unsigned long lo, long long *result,
		unsigned int whence);
long sys_stat64(const char *path, struct stat64 *statbuf);
long sys_lstat64(const char *path, struct stat64 *statbuf);
long sys_readlinkat(int dfd, const char *path, char *buf, int bufsiz);
long sys_statfs64(const char *path, size_t sz, struct statfs64 *buf);
long sys_fstatfs64(unsigned int fd, size_t sz, struct statfs64 *buf);
long sys_getdents(unsigned int fd, void *dirent, unsigned int count);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);
long sys_mkdir(const char *path, u16 mode);
long sys_mkdirat(int dfd, const char *path, u16 mode);
long sys_rmdir(const char *path);
long sys_unlink(const char *path);
long sys_unlinkat(int dfd, const char *path, int flag);
long sys_rename(const char *oldpath, const char *newpath);
long sys_renameat(int olddfd, const char *oldpath, int newdfd, const char *newpath);
long sys_renameat2(int olddfd, const char *oldpath, int newdfd, const char *newpath,
		   unsigned int flags);
long sys_link(const char *oldpath, const char *newpath);
long sys_linkat(int olddfd, const char *oldpath, int newdfd, const char *newpath, int flags);
long sys_symlink(const char *target, const char *path);
long sys_symlinkat(const char *target, int newdfd, const char *path);
long sys_chdir(const char *path);
long sys_fchdir(unsigned int fd);
long sys_getcwd(char *buf, unsigned long size);
long sys_access(const char *path, int mode);
long sys_faccessat(int dfd, const char *path, int mode);
long sys_faccessat2(int dfd, const char *path, int mode, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_dup(unsigned int fd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_umask(int mask);
long sys_chmod(const char *path, u16 mode);
long sys_fchmod(unsigned int fd, u16 mode);
long sys_fchmodat(int dfd, const char *path, u16 mode);
long sys_chown(const char *path, uid_t uid, gid_t gid);
long sys_lchown(const char *path, uid_t uid, gid_t gid);
long sys_fchown(unsigned int fd, uid_t uid, gid_t gid);
long sys_fchownat(int dfd, const char *path, uid_t uid, gid_t gid, int flag);
long sys_truncate64(const char *path, u32 len_lo, u32 len_hi);
long sys_ftruncate64(unsigned int fd, u32 len_lo, u32 len_hi);
long sys_sync(void);
long sys_fsync(unsigned int fd);
long sys_utimensat(int dfd, const char *path, const struct old_timespec32_ *utimes, int flags);
long sys_utimensat_time64(int dfd, const char *path, const struct kernel_timespec64 *utimes,
			  int flags);

#endif /* _SYSCALLS_H */

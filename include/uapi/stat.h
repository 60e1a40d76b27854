/*
 * Linux's i386 struct stat64 (96 bytes, packed as the ABI lays it out) and struct
 * statx (256 bytes), with the file-type bits and statx's mask bits.
 */
#ifndef _UAPI_STAT_H
#define _UAPI_STAT_H

#include "../types.h"

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFBLK		0060000
#define S_IFREG		0100000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000
#define S_IALLUGO	07777

#define STATX_BASIC_STATS	0x7ffU
#define STATX_BTIME		0x800U
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

/* getdents64's record (getdents's older one is laid out in fs/readdir.c). */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
} __packed;

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* statfs64 (i386 layout, 84 bytes). */
struct statfs64 {
	u32 f_type;
	u32 f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	s32 f_fsid[2];
	u32 f_namelen;
	u32 f_frsize;
	u32 f_flags;
	u32 f_spare[4];
} __packed;

_Static_assert(sizeof(struct statfs64) == 84, "i386 struct statfs64 is 84 bytes");

#endif /* _UAPI_STAT_H */

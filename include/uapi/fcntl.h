/* Linux's *at() flags (the i386 values are the generic ones). */
#ifndef _UAPI_FCNTL_H
#define _UAPI_FCNTL_H

#define AT_FDCWD		(-100)
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000
#define AT_STATX_SYNC_TYPE	0x6000

#endif /* _UAPI_FCNTL_H */

/*
 * The cpio "newc" format (what Linux's initramfs and `cpio -H newc` use), parsed
 * without side effects by fs/cpio.c so that the host tests (tests/host/test_cpio.c)
 * and the fuzzer run the kernel's own code.
 *
 * An entry is a 110-byte header: the magic "070701", then 13 fields of 8 hex digits
 * (ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor,
 * rdevminor, namesize, check); the name (namesize bytes, its NUL included); padding to
 * a multiple of 4 from the entry's start; the data (filesize bytes); padding to 4. The
 * entry named "TRAILER!!!" ends the archive.
 */
#ifndef _CPIO_H
#define _CPIO_H

#include "types.h"

#define CPIO_HDR_LEN	110
#define CPIO_MAGIC	"070701"

struct cpio_entry {
	u32 ino, mode, uid, gid, nlink, mtime, filesize;
	u32 devmajor, devminor, rdevmajor, rdevminor, namesize;
	const char *name;		/* NUL-terminated, inside the archive */
	const void *data;		/* filesize bytes, inside the archive */
	size_t offset;			/* where the entry's header starts */
};

enum cpio_status {
	CPIO_OK = 0,			/* *entry is the next entry */
	CPIO_END,			/* the trailer: the archive is complete */
	CPIO_TRUNCATED_HEADER,		/* fewer than 110 bytes left for a header */
	CPIO_BAD_MAGIC,
	CPIO_BAD_FIELD,			/* a header field that is not 8 hex digits */
	CPIO_BAD_NAME,			/* namesize 0, over PATH_MAX, or no NUL at its end */
	CPIO_NAME_PAST_END,		/* the name runs past the end of the archive */
	CPIO_DATA_PAST_END,		/* the data runs past the end of the archive */
	CPIO_NO_TRAILER,		/* the archive ends without "TRAILER!!!" */
};

/*
 * Parse the entry at *pos of buf[0..len): CPIO_OK with *entry filled and *pos moved
 * past it, CPIO_END at the trailer, or an error with *pos left at the bad entry's
 * offset. Zero padding between entries (as after the trailer) is not an entry: a
 * run of NULs up to the end is CPIO_NO_TRAILER.
 */
enum cpio_status cpio_next(const void *buf, size_t len, size_t *pos, struct cpio_entry *entry);
const char *cpio_strerror(enum cpio_status status);

#endif /* _CPIO_H */

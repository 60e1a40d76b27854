/*
 * The cpio newc parser (include/cpio.h has the format). Pure: no allocation, no
 * globals, every length checked against the buffer before it is used, so the host
 * tests and the fuzzer (tests/host/test_cpio.c, fuzz_cpio.c) build this same file.
 *
 * Relies on: nothing but memcmp.
 */
#include <string.h>
#include <cpio.h>

#define CPIO_NAME_MAX	4096	/* PATH_MAX */

static bool hex8(const char *s, u32 *val)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			v = v << 4 | (u32)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v << 4 | (u32)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v << 4 | (u32)(c - 'A' + 10);
		else
			return false;
	}
	*val = v;
	return true;
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

enum cpio_status cpio_next(const void *buf, size_t len, size_t *pos, struct cpio_entry *e)
{
	const char *p = buf;
	size_t off = *pos, name_end, data_start;
	u32 *fields[13];
	int i;

	/* Skip the zero padding some writers put between archives or after the last. */
	while (off < len && p[off] == 0)
		off++;
	if (off >= len)
		return CPIO_NO_TRAILER;
	*pos = off;
	if (len - off < CPIO_HDR_LEN)
		return CPIO_TRUNCATED_HEADER;
	if (memcmp(p + off, CPIO_MAGIC, 6))
		return CPIO_BAD_MAGIC;
	fields[0] = &e->ino;
	fields[1] = &e->mode;
	fields[2] = &e->uid;
	fields[3] = &e->gid;
	fields[4] = &e->nlink;
	fields[5] = &e->mtime;
	fields[6] = &e->filesize;
	fields[7] = &e->devmajor;
	fields[8] = &e->devminor;
	fields[9] = &e->rdevmajor;
	fields[10] = &e->rdevminor;
	fields[11] = &e->namesize;
	for (i = 0; i < 12; i++)
		if (!hex8(p + off + 6 + 8 * i, fields[i]))
			return CPIO_BAD_FIELD;
	{
		u32 check;

		if (!hex8(p + off + 6 + 8 * 12, &check))
			return CPIO_BAD_FIELD;
	}
	e->offset = off;
	if (e->namesize == 0 || e->namesize > CPIO_NAME_MAX)
		return CPIO_BAD_NAME;
	if (e->namesize > len - off - CPIO_HDR_LEN)
		return CPIO_NAME_PAST_END;
	name_end = off + CPIO_HDR_LEN + e->namesize;
	if (p[name_end - 1] != 0)
		return CPIO_BAD_NAME;
	e->name = p + off + CPIO_HDR_LEN;
	data_start = off + align4(CPIO_HDR_LEN + e->namesize);
	if (data_start > len || e->filesize > len - data_start)
		return CPIO_DATA_PAST_END;
	e->data = p + data_start;
	if (e->namesize == 11 && !memcmp(e->name, "TRAILER!!!", 11)) {
		*pos = data_start + e->filesize;
		return CPIO_END;
	}
	*pos = data_start + align4(e->filesize);
	if (*pos > len)
		*pos = len;		/* the last entry's padding may be cut off */
	return CPIO_OK;
}

const char *cpio_strerror(enum cpio_status status)
{
	switch (status) {
	case CPIO_OK:
		return "no error";
	case CPIO_END:
		return "end of archive";
	case CPIO_TRUNCATED_HEADER:
		return "truncated header";
	case CPIO_BAD_MAGIC:
		return "bad magic (not \"070701\")";
	case CPIO_BAD_FIELD:
		return "bad header field (not 8 hex digits)";
	case CPIO_BAD_NAME:
		return "bad name (empty, too long or not NUL-terminated)";
	case CPIO_NAME_PAST_END:
		return "name runs past the end of the archive";
	case CPIO_DATA_PAST_END:
		return "file data runs past the end of the archive";
	case CPIO_NO_TRAILER:
		return "no TRAILER!!! entry";
	}
	return "unknown error";
}

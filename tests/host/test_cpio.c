/*
 * Host tests of fs/cpio.c, the initramfs's newc parser: archives built here entry by
 * entry (the layout `cpio -H newc` writes), parsed back; and each kind of damage
 * refused with the right status at the right offset.
 *
 * Built natively with AddressSanitizer and UBSan (tests/host/cpio.mk); TAP output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cpio.h>
#include "tap.h"

static char arc[8192];
static size_t arc_len;

static void pad4(void)
{
	while (arc_len & 3)
		arc[arc_len++] = 0;
}

/* One entry as cpio -H newc writes it: header, name + NUL, pad, data, pad. */
static size_t add(const char *name, unsigned int mode, const char *data, size_t size)
{
	size_t start = arc_len;

	arc_len += sprintf(arc + arc_len, "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X"
			   "%08zX%08X", 7u, mode, 0u, 0u, 1u, 1234u, size, 0u, 0u, 0u, 0u,
			   strlen(name) + 1, 0u);
	memcpy(arc + arc_len, name, strlen(name) + 1);
	arc_len += strlen(name) + 1;
	pad4();
	memcpy(arc + arc_len, data, size);
	arc_len += size;
	pad4();
	return start;
}

static void good_archive(void)
{
	arc_len = 0;
	add(".", 040755, "", 0);
	add("bin", 040755, "", 0);
	add("bin/hello", 0100644, "hello\n", 6);
	add("bin/sh", 0120777, "hello", 5);
	add("TRAILER!!!", 0, "", 0);
}

static void parses_every_entry(void)
{
	struct cpio_entry e;
	size_t pos = 0;

	good_archive();
	CHECK(cpio_next(arc, arc_len, &pos, &e) == CPIO_OK);
	CHECK(!strcmp(e.name, ".") && e.mode == 040755 && e.offset == 0);
	CHECK(cpio_next(arc, arc_len, &pos, &e) == CPIO_OK);
	CHECK(!strcmp(e.name, "bin") && e.filesize == 0);
	CHECK(cpio_next(arc, arc_len, &pos, &e) == CPIO_OK);
	CHECK(!strcmp(e.name, "bin/hello") && e.mode == 0100644 && e.filesize == 6);
	CHECK(!memcmp(e.data, "hello\n", 6) && e.mtime == 1234 && e.ino == 7);
	CHECK(cpio_next(arc, arc_len, &pos, &e) == CPIO_OK);
	CHECK(!strcmp(e.name, "bin/sh") && e.filesize == 5 && !memcmp(e.data, "hello", 5));
	CHECK(cpio_next(arc, arc_len, &pos, &e) == CPIO_END);
	CHECK(pos <= arc_len);
}

static void zero_padding_after_the_trailer_is_fine(void)
{
	struct cpio_entry e;
	size_t pos = 0;
	enum cpio_status st;

	good_archive();
	memset(arc + arc_len, 0, 512);
	arc_len += 512;
	while ((st = cpio_next(arc, arc_len, &pos, &e)) == CPIO_OK)
		;
	CHECK(st == CPIO_END);
}

/* Parse until something other than CPIO_OK; return it and where it stopped. */
static enum cpio_status parse_all(size_t len, size_t *where)
{
	struct cpio_entry e;
	enum cpio_status st;

	*where = 0;
	while ((st = cpio_next(arc, len, where, &e)) == CPIO_OK)
		;
	return st;
}

static void truncated_header_names_its_offset(void)
{
	size_t bad, where;

	good_archive();
	bad = 0;
	arc_len = 0;
	add(".", 040755, "", 0);
	bad = arc_len;
	CHECK(parse_all(bad + 50, &where) == CPIO_TRUNCATED_HEADER);
	CHECK_MSG(where == bad, "stopped at %zu, expected %zu", where, bad);
}

static void bad_magic_names_its_offset(void)
{
	size_t bad, where;

	arc_len = 0;
	add(".", 040755, "", 0);
	bad = add("x", 0100644, "abc", 3);
	add("TRAILER!!!", 0, "", 0);
	arc[bad + 5] = '7';			/* 070707: the old portable format */
	CHECK(parse_all(arc_len, &where) == CPIO_BAD_MAGIC);
	CHECK(where == bad);
	arc[bad + 5] = '1';
	arc[bad + 20] = 'g';			/* not a hex digit */
	CHECK(parse_all(arc_len, &where) == CPIO_BAD_FIELD);
	CHECK(where == bad);
}

static void name_past_the_end_is_refused(void)
{
	size_t bad, where;

	arc_len = 0;
	bad = add("a-long-name-here", 0100644, "", 0);
	CHECK(parse_all(CPIO_HDR_LEN + 5, &where) == CPIO_NAME_PAST_END);
	CHECK(where == bad);
	/* namesize that lies: no NUL where it says the name ends */
	arc_len = 0;
	add("abc", 0100644, "", 0);
	memcpy(arc + 94, "00000002", 8);	/* namesize field: 2, "ab" with no NUL */
	CHECK(parse_all(arc_len, &where) == CPIO_BAD_NAME);
	memcpy(arc + 94, "00000000", 8);
	CHECK(parse_all(arc_len, &where) == CPIO_BAD_NAME);
	memcpy(arc + 94, "FFFFFFFF", 8);
	CHECK(parse_all(arc_len, &where) == CPIO_BAD_NAME);
}

static void data_past_the_end_is_refused(void)
{
	size_t bad, where;

	arc_len = 0;
	bad = add("f", 0100644, "0123456789", 10);
	CHECK(parse_all(arc_len - 6, &where) == CPIO_DATA_PAST_END);
	CHECK(where == bad);
	memcpy(arc + 54, "FFFFFFFF", 8);	/* filesize: 4 GiB */
	CHECK(parse_all(arc_len, &where) == CPIO_DATA_PAST_END);
}

static void no_trailer_is_refused(void)
{
	size_t where;

	arc_len = 0;
	add(".", 040755, "", 0);
	add("f", 0100644, "x", 1);
	CHECK(parse_all(arc_len, &where) == CPIO_NO_TRAILER);
	CHECK(parse_all(0, &where) == CPIO_NO_TRAILER);
	CHECK(strlen(cpio_strerror(CPIO_NO_TRAILER)) > 0);
}

int main(void)
{
	static const struct tap_case cases[] = {
		TAP_CASE(parses_every_entry),
		TAP_CASE(zero_padding_after_the_trailer_is_fine),
		TAP_CASE(truncated_header_names_its_offset),
		TAP_CASE(bad_magic_names_its_offset),
		TAP_CASE(name_past_the_end_is_refused),
		TAP_CASE(data_past_the_end_is_refused),
		TAP_CASE(no_trailer_is_refused),
	};

	return tap_run(cases, sizeof(cases) / sizeof(cases[0]), NULL, NULL);
}

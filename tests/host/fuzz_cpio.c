/*
 * Fuzz target for fs/cpio.c: any bytes, parsed entry by entry until the parser stops.
 * Checked after every entry: the position only moves forward and stays inside the
 * buffer, the name is NUL-terminated inside the buffer, the data lies inside it; at the
 * end the status is one of the defined ones. AddressSanitizer catches any read outside.
 * Built with clang -fsanitize=fuzzer when available, else fuzz_standalone.c's driver.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cpio.h>

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	/* A copy of exactly size bytes, so that ASan sees a read one past the end. */
	char *buf = malloc(size ? size : 1);
	struct cpio_entry e;
	enum cpio_status st;
	size_t pos = 0, last = 0;
	int n = 0;

	memcpy(buf, data, size);
	/* Most random inputs fail at once: start some with the magic. */
	if (size >= 6 && (data[0] & 1))
		memcpy(buf, "070701", 6);
	while ((st = cpio_next(buf, size, &pos, &e)) == CPIO_OK) {
		if (pos <= last && n)
			abort();
		if (pos > size || e.name < buf || e.name + e.namesize > buf + size ||
		    e.name[e.namesize - 1] != 0)
			abort();
		if ((const char *)e.data < buf || (const char *)e.data + e.filesize > buf + size)
			abort();
		last = pos;
		n++;
	}
	if (st < CPIO_END || st > CPIO_NO_TRAILER || pos > size)
		abort();
	free(buf);
	return 0;
}

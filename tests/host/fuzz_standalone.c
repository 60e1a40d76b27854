/*
 * A main() for the fuzz targets when libFuzzer is not available: it feeds
 * LLVMFuzzerTestOneInput() seeded pseudo-random inputs instead, so the same target and
 * the same invariant checks run under gcc. It accepts the part of libFuzzer's command
 * line the fuzz wrappers use (-runs=N, -seed=N, -max_len=N, -max_total_time=SECONDS)
 * and ignores the rest. Input lengths are uniform in [0, max_len].
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "host_env.h"
#include "string.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

static unsigned long option(const char *arg, const char *name, unsigned long value)
{
	size_t n = strlen(name);

	return strncmp(arg, name, n) ? value : strtoul(arg + n, NULL, 10);
}

int main(int argc, char **argv)
{
	unsigned long runs = 10000, max_len = 512, max_time = 0, r;
	time_t start = time(NULL);
	u32 seed = 1;
	u8 *buf;
	int i;

	for (i = 1; i < argc; i++) {
		runs = option(argv[i], "-runs=", runs);
		max_len = option(argv[i], "-max_len=", max_len);
		max_time = option(argv[i], "-max_total_time=", max_time);
		seed = option(argv[i], "-seed=", seed) ?: 1;
	}
	buf = malloc(max_len + 1);
	if (!buf)
		return 1;
	for (r = 0; r < runs; r++) {
		size_t len = host_rand(&seed) % (max_len + 1), j;

		if (max_time && (unsigned long)(time(NULL) - start) >= max_time)
			break;
		for (j = 0; j < len; j++)
			buf[j] = (u8)host_rand(&seed);
		LLVMFuzzerTestOneInput(buf, len);
	}
	printf("%s: %lu random inputs, no invariant broken\n", argv[0], r);
	free(buf);
	return 0;
}

/*
 * realloc_grow: contents survive every realloc: small blocks growing step by step on
 * the heap, a heap block crossing the mmap threshold, an mmapped block growing and
 * shrinking (glibc uses mremap(MREMAP_MAYMOVE) for it, musl too), and back to small.
 */
#include "abi.h"

static int check(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 13 + 1))
			return 0;
	return 1;
}

static void fill(unsigned char *p, size_t from, size_t n)
{
	size_t i;

	for (i = from; i < n; i++)
		p[i] = (unsigned char)(i * 13 + 1);
}

int main(void)
{
	static const size_t steps[] = {
		16, 40, 100, 1000, 5000, 60000, 120000, 140000, 200 * 1024,
		1 << 20, 3 << 20, 300 * 1024, 150000, 100000, 5000, 64,
	};
	unsigned char *p = NULL;
	size_t have = 0, i;
	int ok;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		p = realloc(p, steps[i]);
		ok = p && check(p, have < steps[i] ? have : steps[i]);
		out("realloc to %7zu: contents kept %s\n", steps[i], yesno(ok));
		fill(p, have < steps[i] ? have : steps[i], steps[i]);
		have = steps[i];
	}
	free(p);
	return 0;
}

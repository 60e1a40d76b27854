/*
 * malloc_workload: 40000 malloc/calloc/realloc/free operations on 1000 slots, chosen by
 * a xorshift generator with a fixed seed, sizes from 1 byte to 640 KiB (so the heap,
 * the mmap threshold, mremap and trimming are all used). Every block carries a pattern
 * that is checked before it is freed or after realloc; the checksum of all checked
 * bytes and the error count must be the same on any correct kernel.
 */
#include "abi.h"

#define SLOTS	1000
#define OPS	40000

struct slot {
	unsigned char *p;
	size_t n;
	unsigned char seed;
};

static struct slot slots[SLOTS];
static uint32_t rng = 88172645u, sum = 2166136261u;
static unsigned long errors, checked;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static size_t pick_size(void)
{
	uint32_t r = next() % 1000;

	if (r < 900)
		return next() % 512 + 1;
	if (r < 980)
		return next() % (120 * 1024) + 512;
	if (r < 995)
		return next() % (16 * 1024) + 120 * 1024;
	return next() % (512 * 1024) + 128 * 1024;
}

/* Only some bytes are patterned: the ends and every 61st, enough to catch lost pages. */
static int sampled(size_t i, size_t n)
{
	return i < 32 || i + 32 >= n || i % 61 == 0;
}

static void fill(struct slot *s, size_t from)
{
	size_t i;

	for (i = from; i < s->n; i++)
		if (sampled(i, s->n))
			s->p[i] = (unsigned char)(s->seed + i * 7);
}

/* Check the first n bytes as patterned for a block of size m. */
static void check(struct slot *s, size_t n, size_t m)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!sampled(i, m))
			continue;
		if (s->p[i] != (unsigned char)(s->seed + i * 7))
			errors++;
		sum = (sum ^ s->p[i]) * 16777619u;
		checked++;
	}
}

static void op(struct slot *s)
{
	uint32_t r = next() % 10;
	size_t n, keep, i;

	if (s->p && r < 4) {
		check(s, s->n, s->n);
		free(s->p);
		s->p = NULL;
	} else if (s->p && r < 7) {
		n = pick_size();
		keep = n < s->n ? n : s->n;
		s->p = realloc(s->p, n);
		if (!s->p) {
			errors++;
			return;
		}
		check(s, keep, s->n);
		/* re-pattern the whole block for its new size */
		s->n = n;
		fill(s, 0);
	} else if (!s->p) {
		n = pick_size();
		s->seed = (unsigned char)next();
		if (r < 2) {
			s->p = calloc(1, n);
			for (i = 0; s->p && i < n; i += 97)
				errors += s->p[i] != 0;
		} else {
			s->p = malloc(n);
		}
		if (!s->p) {
			errors++;
			return;
		}
		s->n = n;
		fill(s, 0);
	}
}

int main(void)
{
	unsigned long i;

	for (i = 0; i < OPS; i++)
		op(&slots[next() % SLOTS]);
	for (i = 0; i < SLOTS; i++) {
		if (slots[i].p) {
			check(&slots[i], slots[i].n, slots[i].n);
			free(slots[i].p);
		}
	}
	out("%d operations, %lu bytes checked, %lu errors, checksum 0x%08x\n", OPS, checked,
	    errors, sum);
	return errors ? 1 : 0;
}

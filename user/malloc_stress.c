/*
 * malloc_stress [OPS]: ulib's malloc under a random but reproducible workload.
 *
 * 1000 slots; each operation picks a slot and either frees its block (checking the
 * pattern written into it), mallocs, callocs (checking the zeros) or reallocs it
 * (checking that the kept prefix survived). Sizes are mostly small, some near the
 * 128 KiB threshold and a few of several hundred KiB, so the run exercises the free
 * list, splitting and merging, heap growth and trimming, mmap2, munmap and mremap.
 * A xorshift generator with a fixed seed makes every run identical; the program prints
 * a checksum of everything it verified, which must be the same on any correct kernel,
 * and where the break ended relative to where it started.
 */
#include "ulib.h"

#define SLOTS	1000

struct slot {
	unsigned char *p;
	size_t n;
	unsigned char seed;
};

static struct slot slots[SLOTS];
static uint32_t rng = 2463534242u, sum = 2166136261u;
static unsigned long errors;

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
		return next() % (16 * 1024) + 120 * 1024;	/* both sides of 128 KiB */
	return next() % (512 * 1024) + 128 * 1024;
}

static void fill(struct slot *s, size_t from)
{
	size_t i;

	for (i = from; i < s->n; i++)
		s->p[i] = (unsigned char)(s->seed + i * 7);
}

static void check(struct slot *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s->p[i] != (unsigned char)(s->seed + i * 7))
			errors++;
		sum = (sum ^ s->p[i]) * 16777619u;
	}
}

static void op(struct slot *s)
{
	uint32_t r = next() % 10;
	size_t n, i;

	if (s->p && r < 4) {
		check(s, s->n);
		free(s->p);
		s->p = NULL;
	} else if (s->p && r < 7) {
		n = pick_size();
		s->p = realloc(s->p, n);
		check(s, n < s->n ? n : s->n);
		if (n > s->n) {
			size_t old = s->n;

			s->n = n;
			fill(s, old);
		}
		s->n = n;
	} else if (!s->p) {
		n = pick_size();
		s->seed = (unsigned char)next();
		if (r < 2) {
			s->p = calloc(1, n);
			for (i = 0; i < n; i++)
				errors += s->p[i] != 0;
		} else {
			s->p = malloc(n);
		}
		s->n = n;
		fill(s, 0);
	}
}

int main(int argc, char **argv)
{
	unsigned long ops = argc > 1 ? strtoul(argv[1], NULL, 0) : 20000, i;
	unsigned long b0 = sys_brk(0);

	for (i = 0; i < ops; i++)
		op(&slots[next() % SLOTS]);
	for (i = 0; i < SLOTS; i++) {
		if (slots[i].p) {
			check(&slots[i], slots[i].n);
			free(slots[i].p);
		}
	}
	printf("%lu operations, %lu errors, checksum 0x%08x\n", ops, errors, sum);
	printf("after freeing everything: break = start + 0x%lx\n",
	       (unsigned long)sys_brk(0) - b0);
	return errors ? 1 : 0;
}

/*
 * Fuzz target for the slab allocator: every input is a program of cache creations,
 * allocations, frees, kmallocs, kreallocs, shrinks, destroys and injected page-allocator
 * failures, run against mm/slab.c over the fake page allocator.
 *
 * After every step the invariant checker runs:
 *  - kmem_cache_validate() of every cache: list membership matches in-use counts, free
 *    chains stay inside their slab and have the right length, poison and red zones of
 *    debug caches are intact, array entries belong to their cache;
 *  - no object handed out twice: live objects never overlap, and each still holds the
 *    tag byte written when it was allocated (so nobody else wrote to it);
 *  - alignment of every object;
 *  - constructed objects come back constructed;
 *  - page conservation: free pages + slab pages + large kmalloc pages = all pages;
 *  - no error report at all (the program never misuses the allocator).
 * At the end of an input everything is freed and the object count must be back to its
 * starting value.
 *
 * Built with clang -fsanitize=fuzzer for LLVMFuzzerTestOneInput, or with gcc and the
 * deterministic driver of fuzz_standalone.c (-runs=N pseudo-random programs).
 * SLAB_FUZZ_NODEBUG=1 in the environment boots kmalloc without debug checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include "slab.h"
#include "mm.h"
#include "shrinker.h"
#include "string.h"
#include "slab_test.h"

#define MAX_CACHES	4
#define MAX_LIVE	256
#define MAX_LARGE	3
#define CTOR_MAGIC	0x5eedc0deu

struct live {
	unsigned char *p;
	size_t size;
	int cache;		/* index in caches[], or -1 for kmalloc */
	unsigned char tag;
};

struct fcache {
	struct kmem_cache *c;
	size_t size, align;
	unsigned long flags;
	bool ctor;
};

static struct fcache caches[MAX_CACHES];
static struct live live[MAX_LIVE];
static unsigned int nlive, nlarge;
static unsigned char next_tag;
static unsigned long base_objs;
static const unsigned char *in, *in_end;

#define FUZZ_ASSERT(cond) do {							\
	if (!(cond)) {								\
		fprintf(stderr, "fuzz_slab: %s:%d: invariant broken: %s\n",	\
			__FILE__, __LINE__, #cond);				\
		abort();							\
	}									\
} while (0)

static unsigned int byte(void)
{
	return in < in_end ? *in++ : 0;
}

static unsigned int word(void)
{
	return byte() | byte() << 8;
}

static void ctor(void *obj)
{
	*(unsigned int *)obj = CTOR_MAGIC;
}

/* Bytes a test may scribble on: a constructed object's first word is left alone. */
static size_t tag_start(const struct live *l)
{
	return l->cache >= 0 && caches[l->cache].ctor ? sizeof(unsigned int) : 0;
}

static size_t want_align(const struct live *l)
{
	const struct fcache *fc;
	size_t a, line = SLAB_CACHE_LINE;

	if (l->cache < 0) {
		if (l->size > KMALLOC_MAX_CACHE_SIZE)
			return PAGE_SIZE;
		a = ksize(l->p);
		return (a & (a - 1)) ? 8 : min(a, PAGE_SIZE);
	}
	fc = &caches[l->cache];
	a = max(fc->align, sizeof(void *));
	if (fc->flags & SLAB_HWCACHE_ALIGN) {
		while (fc->size <= line / 2)
			line /= 2;
		a = max(a, line);
	}
	return a;
}

/* Are all n bytes at p equal to val? memcmp against a buffer of val, in chunks. */
static bool all_bytes(const unsigned char *p, int val, size_t n)
{
	static unsigned char ref[4096];
	size_t chunk;

	memset(ref, val, sizeof(ref));
	for (; n; p += chunk, n -= chunk) {
		chunk = min(n, sizeof(ref));
		if (memcmp(p, ref, chunk))
			return false;
	}
	return true;
}

static void track(unsigned char *p, size_t size, int cache, bool zeroed)
{
	struct live *l = &live[nlive];
	unsigned int i;

	l->p = p;
	l->size = size;
	l->cache = cache;
	l->tag = ++next_tag ? next_tag : ++next_tag;
	FUZZ_ASSERT((uintptr_t)p % want_align(l) == 0);
	if (cache >= 0 && caches[cache].ctor)
		FUZZ_ASSERT(*(unsigned int *)p == CTOR_MAGIC);
	if (zeroed)
		FUZZ_ASSERT(all_bytes(p + tag_start(l), 0, size - tag_start(l)));
	for (i = 0; i < nlive; i++)	/* handed out twice, or overlapping? */
		FUZZ_ASSERT(p + size <= live[i].p || live[i].p + live[i].size <= p);
	memset(p + tag_start(l), l->tag, size - tag_start(l));
	nlive++;
}

static void check_tag(const struct live *l)
{
	FUZZ_ASSERT(all_bytes(l->p + tag_start(l), l->tag, l->size - tag_start(l)));
	if (tag_start(l))
		FUZZ_ASSERT(*(unsigned int *)l->p == CTOR_MAGIC);
}

static void untrack(unsigned int i)
{
	if (live[i].cache < 0 && live[i].size > KMALLOC_MAX_CACHE_SIZE)
		nlarge--;
	live[i] = live[--nlive];
}

static void free_live(unsigned int i)
{
	struct live *l = &live[i];

	check_tag(l);
	if (l->cache >= 0)
		kmem_cache_free(caches[l->cache].c, l->p);
	else
		kfree(l->p);
	untrack(i);
}

static void op_create(void)
{
	static const size_t aligns[] = { 0, 8, 16, 64, 128 };
	unsigned int slot = byte() % MAX_CACHES, bits = byte();
	struct fcache *fc = &caches[slot];
	bool saved = slab_debug;

	if (fc->c)
		return;
	fc->size = 1 + word() % (bits & 0x80 ? 70000 : 3000);
	fc->align = aligns[byte() % ARRAY_SIZE(aligns)];
	fc->flags = bits & 1 ? SLAB_HWCACHE_ALIGN : 0;
	fc->ctor = (bits & 2) && fc->size >= sizeof(unsigned int);
	slab_debug_enable(bits & 4);
	host_capture_start();
	fc->c = kmem_cache_create("fuzz", fc->size, fc->align, fc->flags,
				  fc->ctor ? ctor : NULL);
	host_capture_stop();
	slab_debug_enable(saved);
	/* The only acceptable failure: no page for the descriptor, said so. */
	if (!fc->c)
		FUZZ_ASSERT(host_log_contains("out of memory for the cache descriptor"));
	else
		FUZZ_ASSERT(!host_log_text()[0]);
}

static void op_cache_alloc(void)
{
	unsigned int slot = byte() % MAX_CACHES;
	bool zero = byte() & 1;
	void *p;

	if (!caches[slot].c || nlive == MAX_LIVE || (zero && caches[slot].ctor))
		return;
	p = kmem_cache_alloc(caches[slot].c, GFP_KERNEL | (zero ? __GFP_ZERO : 0));
	if (p)
		track(p, caches[slot].size, slot, zero);
}

static void op_kmalloc(void)
{
	unsigned int bits = byte();
	size_t size = bits & 0x80 ? 1 + word() * 5 : word() % 1200;
	bool zero = bits & 1;
	void *p;

	if (nlive == MAX_LIVE || (size > KMALLOC_MAX_CACHE_SIZE && nlarge == MAX_LARGE))
		return;
	p = kmalloc(size, GFP_KERNEL | (zero ? __GFP_ZERO : 0));
	if (!size) {
		FUZZ_ASSERT(p == ZERO_SIZE_PTR);
		return;
	}
	if (!p)
		return;
	FUZZ_ASSERT(ksize(p) >= size);
	nlarge += size > KMALLOC_MAX_CACHE_SIZE;
	track(p, size, -1, zero);
}

static void op_free(bool kmalloced)
{
	unsigned int i, pick = byte();

	for (i = 0; i < nlive; i++) {
		unsigned int j = (pick + i) % nlive;

		if ((live[j].cache < 0) == kmalloced) {
			free_live(j);
			return;
		}
	}
}

static void op_krealloc(void)
{
	unsigned int i, pick = byte();
	size_t size = 1 + word() % 2000, keep, k;
	struct live old;
	unsigned char *p;

	for (i = 0; i < nlive; i++) {
		unsigned int j = (pick + i) % nlive;

		if (live[j].cache >= 0 || live[j].size > KMALLOC_MAX_CACHE_SIZE)
			continue;
		old = live[j];
		check_tag(&old);
		p = krealloc(old.p, size, GFP_KERNEL);
		if (!p)
			return;		/* the old block is untouched */
		keep = min(old.size, size);
		for (k = 0; k < keep; k++)
			FUZZ_ASSERT(p[k] == old.tag);
		untrack(j);
		track(p, size, -1, false);
		return;
	}
}

static void op_shrink(void)
{
	unsigned int slot = byte();

	if (slot >= MAX_CACHES)
		shrink_all();
	else if (caches[slot].c)
		kmem_cache_shrink(caches[slot].c);
}

static void destroy_cache(unsigned int slot)
{
	unsigned int i;

	if (!caches[slot].c)
		return;
	for (i = nlive; i-- > 0; )
		if (live[i].cache == (int)slot)
			free_live(i);
	kmem_cache_destroy(caches[slot].c);
	caches[slot].c = NULL;
}

/* The full walk of every slab is the costly part: every 8th step and at the end. */
static void check_invariants(bool walk)
{
	unsigned long large = 0;
	unsigned int i;

	if (walk)
		FUZZ_ASSERT(slab_validate_all() == 0);
	FUZZ_ASSERT(host_unexpected_reports() == 0);
	for (i = 0; i < nlive; i++)
		if (live[i].cache < 0 && live[i].size > KMALLOC_MAX_CACHE_SIZE)
			large += ksize(live[i].p) / PAGE_SIZE;
	FUZZ_ASSERT(nr_free_pages() + nr_slab_pages() + large == fake_total_pages());
}

static void fuzz_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	slab_test_boot(4096);
	slab_debug_enable(!getenv("SLAB_FUZZ_NODEBUG"));
	kmem_cache_init();
	base_objs = nr_slab_objects();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned int i, step = 0;

	fuzz_init();
	in = data;
	in_end = data + size;
	while (in < in_end) {
		switch (byte() % 10) {
		case 0: op_create(); break;
		case 1: case 2: op_cache_alloc(); break;
		case 3: op_free(false); break;
		case 4: op_kmalloc(); break;
		case 5: op_free(true); break;
		case 6: op_krealloc(); break;
		case 7: op_shrink(); break;
		case 8: destroy_cache(byte() % MAX_CACHES); break;
		case 9: fail_page_alloc_set(byte() % 4); break;
		}
		check_invariants(++step % 8 == 0);
	}
	fail_page_alloc_set(0);
	while (nlive)
		free_live(nlive - 1);
	for (i = 0; i < MAX_CACHES; i++)
		destroy_cache(i);
	check_invariants(true);
	FUZZ_ASSERT(nr_slab_objects() == base_objs);
	return 0;
}

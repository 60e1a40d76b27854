/*
 * malloc, free, calloc and realloc for ulib, built the way the seeds tell glibc's story.
 *
 * Problem: programs ask for bytes; the kernel hands out address space in pages, through
 * two doors. brk moves the end of one contiguous heap up and down; mmap gives a separate
 * region anywhere. A system call per malloc would be slow and page-sized pieces wasteful,
 * so malloc keeps a pool and goes to the kernel only when the pool runs dry.
 *
 * Data structure: the heap is a run of chunks between heap_start and the break. Each
 * chunk starts with two words, prev_size and size; the payload follows, 16-byte aligned
 * (chunks start at 8 mod 16 and their sizes are multiples of 16). The low bits of size
 * hold flags: INUSE, PREV_INUSE (the chunk just below is in use) and MMAPPED. A free
 * chunk records its size in the next chunk's prev_size (a boundary tag) and sits on one
 * doubly linked free list, so free() can merge it with free neighbours on both sides in
 * constant time. The free space at the very end, up to the break, is the "top" chunk: it
 * is not on the list, it is where the heap grows, and every free chunk that touches it
 * is merged into it. Hence the invariant: the chunk just below top is never free.
 *
 * Policy, with glibc's default numbers:
 *  - a request below MMAP_THRESHOLD (128 KiB) is served from the heap: first fit on the
 *    free list (splitting off the rest), else carved from top; when top is too small the
 *    break is raised by the shortfall plus TOP_PAD (128 KiB), rounded up to a page, so
 *    malloc(1) in a new program moves the break by 132 KiB and the next mallocs are free;
 *  - a request of MMAP_THRESHOLD or more gets its own anonymous mmap2 region; free()
 *    gives it back with munmap at once, and realloc() resizes it with mremap(MAYMOVE);
 *  - when free() leaves more than TRIM_THRESHOLD (128 KiB) free in top, the break is
 *    lowered so that TOP_PAD remains: memory in the middle of the heap cannot go back
 *    to the kernel, only the top can (the seeds' "heap trim");
 *  - if brk is refused (another mapping is in the way), the request is served by mmap.
 * Memory from brk or mmap is only address space: the kernel allocates a page when it is
 * first touched (a page fault), which is why calloc() need not clear an mmapped block.
 *
 * Rejected: size-class bins (glibc has 128 of them; they speed up the search but hide
 * the mechanism) and glibc's sliding mmap threshold (it raises the threshold after an
 * mmapped block is freed, which makes the 128 KiB rule harder to see in a demo).
 *
 * Relies on: sys_brk, sys_mmap2, sys_munmap, sys_mremap (sys.c). Not thread-safe.
 */
#include "ulib.h"

struct chunk {
	size_t prev_size;	/* size of the chunk below, valid only while it is free */
	size_t size;		/* this chunk's size in bytes | flags */
	struct chunk *next;	/* free list links, present only in free chunks */
	struct chunk *prev;
};

#define INUSE		1UL
#define PREV_INUSE	2UL
#define MMAPPED		4UL
#define FLAGS		7UL

#define HDR		8UL	/* prev_size + size */
#define MIN_CHUNK	16UL	/* a free chunk must hold its header and two links */
#define CHUNK_ALIGN	16UL

int malloc_trace;

static struct chunk *top;	/* start of the free space at the end of the heap */
static unsigned long heap_start, heap_end;	/* heap_end is the break */
static struct chunk free_list = { 0, 0, &free_list, &free_list };

static size_t csize(const struct chunk *c)
{
	return c->size & ~FLAGS;
}

static struct chunk *chunk_at(unsigned long addr)
{
	return (struct chunk *)addr;
}

static struct chunk *next_chunk(struct chunk *c)
{
	return chunk_at((unsigned long)c + csize(c));
}

static void *payload(struct chunk *c)
{
	return (char *)c + HDR;
}

static struct chunk *mem_to_chunk(void *p)
{
	return chunk_at((unsigned long)p - HDR);
}

/* The chunk size that holds n payload bytes; 0 if n is absurdly large. */
static size_t request_size(size_t n)
{
	size_t s;

	if (n > (size_t)-1 / 2)
		return 0;
	s = (n + HDR + CHUNK_ALIGN - 1) & ~(CHUNK_ALIGN - 1);
	return s < MIN_CHUNK ? MIN_CHUNK : s;
}

static size_t top_room(void)
{
	return heap_end > (unsigned long)top ? heap_end - (unsigned long)top : 0;
}

static void list_add(struct chunk *c)
{
	c->next = free_list.next;
	c->prev = &free_list;
	free_list.next->prev = c;
	free_list.next = c;
}

static void list_del(struct chunk *c)
{
	c->prev->next = c->next;
	c->next->prev = c->prev;
}

/* Mark c (size s, below a chunk that is not top) free: flags, boundary tag, list. */
static void make_free(struct chunk *c, size_t s)
{
	struct chunk *n = chunk_at((unsigned long)c + s);

	c->size = s | PREV_INUSE;	/* the chunk below a free chunk is never free */
	n->prev_size = s;
	n->size &= ~PREV_INUSE;
	list_add(c);
}

static int heap_init(void)
{
	long b = sys_brk(0);

	if (IS_ERR_VALUE(b))
		return -1;
	heap_start = (unsigned long)b;
	heap_end = heap_start;
	/* first chunk at 8 mod 16, so that payloads are 16-byte aligned */
	top = chunk_at(((heap_start + HDR + CHUNK_ALIGN - 1) & ~(CHUNK_ALIGN - 1)) - HDR);
	return 0;
}

/* Move the break to new_end; the kernel answers with the break it ended up with. */
static int set_break(unsigned long new_end)
{
	long r = sys_brk(new_end);

	if (malloc_trace)
		printf("malloc: brk(%p) -> %p (%s %lu bytes)\n", (void *)new_end, (void *)r,
		       new_end >= heap_end ? "grow" : "shrink",
		       new_end >= heap_end ? new_end - heap_end : heap_end - new_end);
	if ((unsigned long)r != new_end)
		return -1;
	heap_end = new_end;
	return 0;
}

/* Make top at least s bytes: raise the break by the shortfall plus TOP_PAD. */
static int grow_top(size_t s)
{
	unsigned long want = PAGE_ALIGN((unsigned long)top + s + TOP_PAD);

	if (want < (unsigned long)top)	/* wrapped around */
		return -1;
	return set_break(want);
}

/* After a free: give back all but TOP_PAD of top once more than TRIM_THRESHOLD is free. */
static void trim_top(void)
{
	unsigned long keep;

	if (top_room() <= TRIM_THRESHOLD)
		return;
	keep = PAGE_ALIGN((unsigned long)top + TOP_PAD);
	if (keep < heap_end)
		set_break(keep);
}

static void *mmap_chunk(size_t n)
{
	size_t total = PAGE_ALIGN(n + 2 * HDR);
	struct chunk *c;
	long m;

	if (total < n)
		return NULL;
	m = sys_mmap2(0, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (malloc_trace)
		printf("malloc: mmap2(%lu bytes) -> %p\n", (unsigned long)total, (void *)m);
	if (IS_ERR_VALUE(m))
		return NULL;
	/* the header sits 8 bytes in, so that the payload is 16-byte aligned */
	c = chunk_at((unsigned long)m + HDR);
	c->prev_size = HDR;	/* for an mmapped chunk: its offset in the region */
	c->size = (total - HDR) | MMAPPED | INUSE;
	return payload(c);
}

static void munmap_chunk(struct chunk *c)
{
	unsigned long start = (unsigned long)c - c->prev_size;
	size_t total = csize(c) + c->prev_size;
	long r = sys_munmap(start, total);

	if (malloc_trace)
		printf("malloc: munmap(%p, %lu bytes) -> %ld\n", (void *)start,
		       (unsigned long)total, r);
}

/* Take s bytes from c (free, off the list, of size cs), returning the rest to the list. */
static void *use_chunk(struct chunk *c, size_t cs, size_t s)
{
	unsigned long pflag = c->size & PREV_INUSE;
	struct chunk *n;

	if (cs - s >= MIN_CHUNK) {
		c->size = s | INUSE | pflag;
		make_free(chunk_at((unsigned long)c + s), cs - s);
	} else {
		c->size = cs | INUSE | pflag;
		n = next_chunk(c);
		if (n != top)
			n->size |= PREV_INUSE;
	}
	return payload(c);
}

static void *heap_alloc(size_t s)
{
	struct chunk *c;

	for (c = free_list.next; c != &free_list; c = c->next) {
		if (csize(c) >= s) {
			list_del(c);
			return use_chunk(c, csize(c), s);
		}
	}
	if (top_room() < s && grow_top(s) < 0)
		return NULL;
	c = top;
	c->size = s | INUSE | PREV_INUSE;
	top = chunk_at((unsigned long)top + s);
	return payload(c);
}

void *malloc(size_t n)
{
	size_t s = request_size(n);
	void *p;

	if (!s)
		return NULL;
	if (n >= MMAP_THRESHOLD)
		return mmap_chunk(n);
	if (!heap_start && heap_init() < 0)
		return mmap_chunk(n);
	p = heap_alloc(s);
	return p ? p : mmap_chunk(n);	/* brk refused: fall back to mmap */
}

void free(void *p)
{
	struct chunk *c, *n;
	size_t s;

	if (!p)
		return;
	c = mem_to_chunk(p);
	if (c->size & MMAPPED) {
		munmap_chunk(c);
		return;
	}
	s = csize(c);
	if (!(c->size & PREV_INUSE)) {	/* merge with the free chunk below */
		c = chunk_at((unsigned long)c - c->prev_size);
		list_del(c);
		s += csize(c);
	}
	n = chunk_at((unsigned long)c + s);
	if (n == top) {
		top = c;
		trim_top();
		return;
	}
	if (!(n->size & INUSE)) {	/* merge with the free chunk above */
		list_del(n);
		s += csize(n);
	}
	make_free(c, s);
}

void *calloc(size_t nmemb, size_t size)
{
	size_t n = nmemb * size;
	void *p;

	if (size && n / size != nmemb)
		return NULL;
	p = malloc(n);
	/* fresh mmap memory is zero already: clearing it would only fault in every page */
	if (p && !(mem_to_chunk(p)->size & MMAPPED))
		memset(p, 0, n);
	return p;
}

static void *realloc_mmapped(struct chunk *c, size_t n)
{
	unsigned long start = (unsigned long)c - c->prev_size;
	size_t old_total = csize(c) + c->prev_size;
	size_t total = PAGE_ALIGN(n + 2 * HDR);
	long m;

	m = sys_mremap(start, old_total, total, MREMAP_MAYMOVE, 0);
	if (malloc_trace)
		printf("malloc: mremap(%p, %lu -> %lu bytes) -> %p\n", (void *)start,
		       (unsigned long)old_total, (unsigned long)total, (void *)m);
	if (IS_ERR_VALUE(m))
		return NULL;
	c = chunk_at((unsigned long)m + HDR);
	c->size = (total - HDR) | MMAPPED | INUSE;
	return payload(c);
}

/* Resize heap chunk c to s bytes without moving it, if its neighbours allow. */
static int resize_in_place(struct chunk *c, size_t s)
{
	size_t cs = csize(c);
	unsigned long pflag = c->size & PREV_INUSE;
	struct chunk *n = next_chunk(c);

	if (n == top) {
		if (cs + top_room() < s && grow_top(s - cs) < 0)
			return -1;
		c->size = s | INUSE | pflag;
		top = chunk_at((unsigned long)c + s);
		if (s < cs)
			trim_top();
		return 0;
	}
	if (!(n->size & INUSE) && cs + csize(n) >= s) {
		list_del(n);
		cs += csize(n);
	} else if (cs < s) {
		return -1;
	}
	use_chunk(c, cs, s);
	return 0;
}

void *realloc(void *p, size_t n)
{
	struct chunk *c;
	size_t s = request_size(n), old;
	void *q;

	if (!p)
		return malloc(n);
	if (!n) {
		free(p);
		return NULL;
	}
	if (!s)
		return NULL;
	c = mem_to_chunk(p);
	if ((c->size & MMAPPED) && n >= MMAP_THRESHOLD)
		return realloc_mmapped(c, n);
	if (!(c->size & MMAPPED) && n < MMAP_THRESHOLD && resize_in_place(c, s) == 0)
		return p;
	/* crossing the threshold, or no room around it: allocate, copy, free */
	old = csize(c) - HDR;	/* usable bytes, heap or mmapped alike */
	q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, old < n ? old : n);
	free(p);
	return q;
}

/*
 * The slab allocator: caches of same-sized objects carved out of buddy pages.
 *
 * Problem. The buddy allocator deals in pages, but most kernel objects are tens or
 * hundreds of bytes, allocated and freed at a high rate. Rounding each one up to a page
 * wastes memory, and calling the buddy allocator every time is slow.
 *
 * Data structure (Bonwick's slab allocator, as Linux adopted it). A struct kmem_cache
 * serves objects of one size. It owns slabs: runs of 2^gfporder contiguous pages, each
 * cut into `num` chunks of `size` bytes. Every slab is on exactly one of three lists,
 * by how many of its objects are handed out (slab->inuse): slabs_full (num),
 * slabs_partial (between) and slabs_free (0). An allocation takes from a partial slab
 * first (to keep free slabs whole, so they can be given back), then from a free slab,
 * and only then grows the cache by a new slab (cache_grow). Every page of a slab has
 * PG_slab set and page->slab_cache/page->slab pointing at its cache and descriptor, so
 * kfree() and the debug checks get from any object to its cache with no header.
 *
 * Free objects. Each slab keeps its free objects on a chain threaded through the
 * objects themselves: the first word of a free object holds the address of the next one
 * (slab->freelist is the head). That costs no memory per object, unlike Linux SLAB's
 * array of one index per object; rejected because, at 1 byte per object, it alone would
 * push kmalloc-64 from 63 to 62 objects per page (1.6 % -> 3.1 % lost). Where the
 * object's contents must survive while it is free (a constructor, or debug poisoning)
 * the link lives in a word just past the object instead (free_offset).
 *
 * The slab descriptor (struct slab: list link, first object, free chain, counts) sits at
 * the end of the slab for objects under 512 bytes; for bigger ones it would cost a whole
 * object per slab, so it comes from kmalloc instead ("off-slab", CFLGS_OFF_SLAB), as in
 * Linux. kmalloc-64 then loses 64 of 4096 bytes per page: 1.56 %.
 *
 * Colouring. The space a slab cannot use (left over after num objects) is used to shift
 * where the objects start, by a multiple of the cache line (colour_off), a different
 * one for each new slab (colour_next). Objects at the same index in different slabs
 * then fall on different cache lines instead of all competing for the same ones.
 *
 * Constructors run when a slab is created, once per object; a freed object is expected
 * back in its constructed state, so allocation does not run them again.
 *
 * The fast path. In front of the slab lists each cache keeps a small LIFO array of hot
 * free objects (struct array_cache, Linux SLAB's per-cpu array_cache on our one CPU).
 * kmem_cache_alloc() pops from it and kmem_cache_free() pushes onto it; only when it is
 * empty (cache_alloc_refill: move batchcount objects in) or full (cache_flusharray:
 * move batchcount out) do we touch the slab lists. A debug cache has an array of limit
 * 0, so every call falls through to the slow path where the checks are: debugging costs
 * the fast path nothing, not even a branch.
 *
 * No locking. The kernel runs on one CPU and its interrupt handlers (timer tick, serial)
 * do not allocate, so nothing here disables interrupts: doing so on the fast path
 * (pushf/cli ... sti) would add 12 instructions to a 30-instruction alloc+free pair.
 * Allocating from an interrupt handler is therefore not allowed. Rejected alternative:
 * SLUB's lockless cmpxchg8b freelist with a transaction id, which is interrupt-safe
 * without cli but doubles the fast path's size.
 *
 * Reaping. Free slabs stay cached until a cache has more than SLAB_FREE_LIMIT of them
 * (then the newly freed one goes straight back); kmem_cache_shrink() and the shrinker
 * that the buddy allocator calls when it runs short (slab_shrinker) empty the arrays and
 * give back every free slab above a reserve of SLAB_FREE_RESERVE per cache.
 *
 * Bootstrapping. kmem_cache_create() takes its descriptor from a cache, cache_cache,
 * which therefore cannot come from kmem_cache_create(): it is a static struct set up by
 * kmem_cache_init(). Then the general caches kmalloc-8 ... kmalloc-131072 are created
 * smallest first, so that the off-slab descriptors of the big ones can already come
 * from kmalloc. Every cache is on cache_chain.
 *
 * Debug mode (SLAB_DEBUG_FLAGS, on for every cache created while slab_debug is on):
 * free objects are poisoned (POISON_FREE) and checked when handed out again
 * (use after free); red zones before and after each object catch overruns when it is
 * freed; a free of an object that is already free, lies in another cache, or is not an
 * object start is reported with the cache, the object and the caller, and refused.
 *
 * Relies on: alloc_pages/__free_pages, page_address, virt_to_page (gfp.h, mm.h), struct
 * page (mm_types.h), register_shrinker (shrinker.h), printk/snprintf, memset/memcpy.
 * Used by: everything that needs small objects; mempool.c.
 */
#include "slab.h"
#include "mm.h"
#include "shrinker.h"
#include "string.h"
#include "kernel.h"
#include "printk.h"
#include "list.h"

#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define __noinline	__attribute__((noinline))

/*
 * Reports name the caller of the public entry point. __builtin_return_address(0) would
 * be loaded on entry, on the fast path too; the frame address is just %ebp, and the
 * return address sits one word above the saved frame pointer it points at, still there
 * when the slow path runs after a tail call.
 */
#define CALLER_FRAME	__builtin_frame_address(0)

static void *frame_caller(void *frame)
{
	return ((void **)frame)[1];
}

#define SLAB_AC_MAX		32	/* largest array of hot objects */
#define SLAB_MAX_ORDER		KMALLOC_MAX_ORDER
#define SLAB_GOOD_ORDER		3	/* accept more than 1/8 waste from this order on */
#define SLAB_FREE_LIMIT		4	/* free slabs a cache keeps on the free path */
#define SLAB_FREE_RESERVE	1	/* free slabs left by shrink and the shrinker */
#define OFF_SLAB_MIN_SIZE	(PAGE_SIZE >> 5)	/* below, a descriptor is never worth it */
#define RED_LEFT_BYTES		sizeof(void *)

/* Internal cache flags, beside the SLAB_* ones. */
#define CFLGS_OFF_SLAB		0x80000000UL	/* slab descriptor comes from kmalloc */
#define CFLGS_BOOT		0x40000000UL	/* cache_cache or a kmalloc cache */
#define SLAB_CREATE_MASK	(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | \
				 SLAB_CACHE_DMA | SLAB_PANIC)

/* Hot free objects of a cache, most recently freed last (LIFO: still in the CPU cache). */
struct array_cache {
	unsigned int avail;		/* entries in use */
	unsigned int limit;		/* 0: no array (debug caches) */
	unsigned int batchcount;	/* objects moved per refill or flush */
	void *entry[SLAB_AC_MAX];
};

struct slab {
	struct list_head list;		/* on slabs_full, slabs_partial or slabs_free */
	void *s_mem;			/* first object's chunk, after the colour offset */
	void *freelist;			/* first free object, NULL when full */
	unsigned short inuse;		/* objects not on freelist (in use or in the array) */
	unsigned short colour;		/* s_mem = slab start + colour * colour_off */
};

struct kmem_cache {
	struct array_cache ac;		/* first: the fast path's offsets stay small */
	unsigned int size;		/* bytes per object in the slab: the chunk */
	unsigned int object_size;	/* bytes the user asked for */
	unsigned int align;
	unsigned int obj_offset;	/* object start within its chunk (left red zone) */
	unsigned int free_offset;	/* free-chain link, from the object start */
	unsigned int track_offset;	/* SLAB_STORE_USER callers, from the object start */
	unsigned int redzone_end;	/* right red zone is [object_size, redzone_end) */
	unsigned int num;		/* objects per slab */
	unsigned int gfporder;		/* slab = 2^gfporder pages */
	gfp_t allocflags;
	unsigned long flags;
	unsigned int colour;		/* number of colours */
	unsigned int colour_off;	/* bytes per colour step */
	unsigned int colour_next;	/* colour of the next slab */
	void (*ctor)(void *);
	const char *name;
	struct list_head slabs_full;
	struct list_head slabs_partial;
	struct list_head slabs_free;
	unsigned long nr_slabs;
	unsigned long nr_free_slabs;
	struct list_head list;		/* on cache_chain */
};

/* Who last allocated and freed an object (SLAB_STORE_USER). */
struct slab_track {
	void *alloc_caller;
	void *free_caller;
};

bool slab_debug;
static LIST_HEAD(cache_chain);
static struct kmem_cache cache_cache;	/* descriptors of all the other caches */
static enum { SLAB_DOWN, SLAB_PARTIAL, SLAB_UP } slab_state;
static unsigned long nr_offslab_descs;	/* kmalloc'ed descriptors of off-slab slabs */

/*
 * General caches by size. kmalloc_caches[i] holds objects of 2^i bytes, except the two
 * odd sizes in slots 1 (96) and 2 (192), as in Linux. kmalloc_small maps (size - 1) / 8
 * to the cache for every size up to 192, so the common case is one table load.
 */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	17
#define KMALLOC_SMALL_MAX	192
static struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
static struct kmem_cache *kmalloc_small[KMALLOC_SMALL_MAX / 8];
static const char *const kmalloc_names[KMALLOC_SHIFT_HIGH + 1] = {
	NULL, "kmalloc-96", "kmalloc-192", "kmalloc-8", "kmalloc-16", "kmalloc-32",
	"kmalloc-64", "kmalloc-128", "kmalloc-256", "kmalloc-512", "kmalloc-1024",
	"kmalloc-2048", "kmalloc-4096", "kmalloc-8192", "kmalloc-16384",
	"kmalloc-32768", "kmalloc-65536", "kmalloc-131072",
};

static unsigned int fls_long(unsigned long x)
{
	return x ? sizeof(x) * 8 - __builtin_clzl(x) : 0;
}

static bool off_slab(const struct kmem_cache *cachep)
{
	return cachep->flags & CFLGS_OFF_SLAB;
}

static bool cache_debug(const struct kmem_cache *cachep)
{
	return cachep->flags & SLAB_DEBUG_FLAGS;
}

static bool cache_poisons(const struct kmem_cache *cachep)
{
	/* A constructed object must keep its contents while free: no poison then. */
	return (cachep->flags & SLAB_POISON) && !cachep->ctor;
}

static size_t slab_bytes(const struct kmem_cache *cachep)
{
	return PAGE_SIZE << cachep->gfporder;
}

/* ---- object addressing ---------------------------------------------------------- */

static void *index_to_obj(const struct kmem_cache *cachep, const struct slab *slabp,
			  unsigned int idx)
{
	return (char *)slabp->s_mem + idx * cachep->size + cachep->obj_offset;
}

/* The index of objp in its slab, or -1 if it is not the start of an object there. */
static long obj_to_index(const struct kmem_cache *cachep, const struct slab *slabp,
			 const void *objp)
{
	uintptr_t first = (uintptr_t)slabp->s_mem + cachep->obj_offset;
	uintptr_t off = (uintptr_t)objp - first;

	if ((uintptr_t)objp < first || off % cachep->size || off / cachep->size >= cachep->num)
		return -1;
	return off / cachep->size;
}

static void **freeptr_of(const struct kmem_cache *cachep, void *objp)
{
	return (void **)((char *)objp + cachep->free_offset);
}

static struct slab_track *track_of(const struct kmem_cache *cachep, void *objp)
{
	return (struct slab_track *)((char *)objp + cachep->track_offset);
}

static struct slab *obj_slab(const void *objp)
{
	return virt_to_page(objp)->slab;
}

/* ---- geometry --------------------------------------------------------------------- */

#define SLAB_DESC_SIZE	ALIGN(sizeof(struct slab), sizeof(void *))

/* Objects of `size` bytes that fit in a slab of 2^order pages, and what is left over. */
static unsigned int cache_estimate(unsigned int order, size_t size, bool offslab,
				   size_t *left_over)
{
	size_t bytes = PAGE_SIZE << order;
	size_t avail = offslab ? bytes : bytes - SLAB_DESC_SIZE;
	size_t num = avail / size;

	if (num > 0xffff)	/* slab->inuse is 16 bits */
		num = 0xffff;
	*left_over = avail - num * size;
	return num;
}

/*
 * Smallest order whose slab wastes at most 1/8 (Linux's rule), settling for less from
 * SLAB_GOOD_ORDER on. Returns the bytes lost per slab to leftover and descriptor.
 */
static size_t calculate_slab_order(struct kmem_cache *cachep, bool offslab)
{
	size_t left = 0, bytes;
	unsigned int order, num;

	for (order = 0; order <= SLAB_MAX_ORDER; order++) {
		num = cache_estimate(order, cachep->size, offslab, &left);
		if (!num)
			continue;
		cachep->num = num;
		cachep->gfporder = order;
		bytes = PAGE_SIZE << order;
		if (left * 8 <= bytes || order >= SLAB_GOOD_ORDER)
			break;
	}
	/* Objects are at most 128 KiB plus debug padding: an order-10 slab always fits. */
	BUG_ON(!cachep->num);
	return left + (offslab ? 0 : SLAB_DESC_SIZE);
}

/* Linux's rule: a cache-aligned small object is aligned to the smallest fitting line fraction. */
static size_t calculate_alignment(unsigned long flags, size_t align, size_t size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		size_t ralign = SLAB_CACHE_LINE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, sizeof(void *));
	return align;
}

/*
 * Lay out one chunk:
 *   [left red zone][object][right red zone][free link][track]  ... padding to align
 * Only the object is always there; the left red zone keeps the object aligned.
 */
static void cache_layout(struct kmem_cache *cachep)
{
	size_t end;

	cachep->obj_offset = 0;
	if (cachep->flags & SLAB_RED_ZONE)
		cachep->obj_offset = ALIGN(RED_LEFT_BYTES, cachep->align);

	end = cachep->object_size;
	if (cachep->flags & SLAB_RED_ZONE)
		end = ALIGN(end, sizeof(void *)) + sizeof(void *);
	cachep->redzone_end = end;

	if (cachep->ctor || cache_debug(cachep)) {
		end = ALIGN(end, sizeof(void *));
		cachep->free_offset = end;
		end += sizeof(void *);
	} else {
		cachep->free_offset = 0;
		end = max(end, sizeof(void *));
	}

	cachep->track_offset = 0;
	if (cachep->flags & SLAB_STORE_USER) {
		end = ALIGN(end, sizeof(void *));
		cachep->track_offset = end;
		end += sizeof(struct slab_track);
	}
	cachep->size = ALIGN(cachep->obj_offset + end, cachep->align);
}

/*
 * The descriptor of an off-slab slab is kmalloc'ed: its cost is that kmalloc chunk, or
 * 0 if the cache may not go off-slab. The kmalloc cache of descriptors must itself keep
 * them on-slab, or growing it would need a descriptor from itself; it is created before
 * kmalloc_slab() knows it, which settles that.
 */
static size_t off_slab_desc_cost(const struct kmem_cache *cachep)
{
	struct kmem_cache *desc;

	if (cachep->size < OFF_SLAB_MIN_SIZE)
		return 0;
	desc = kmalloc_slab(sizeof(struct slab));
	return desc && !off_slab(desc) ? desc->size : 0;
}

/* Size of the array of hot objects: fewer for big objects, none for debug caches. */
static void cache_set_array(struct kmem_cache *cachep)
{
	unsigned int limit;

	if (cachep->size <= 256)
		limit = 32;
	else if (cachep->size <= 1024)
		limit = 16;
	else if (cachep->size <= PAGE_SIZE)
		limit = 8;
	else
		limit = 1;
	if (cache_debug(cachep))
		limit = 0;
	cachep->ac.avail = 0;
	cachep->ac.limit = limit;
	cachep->ac.batchcount = (limit + 1) / 2;
}

static void setup_cache(struct kmem_cache *cachep, const char *name, size_t size,
			size_t align, unsigned long flags, void (*ctor)(void *))
{
	size_t left, on_waste, off_waste, desc_cost;
	unsigned int on_num, on_order;

	memset(cachep, 0, sizeof(*cachep));
	cachep->name = name;
	cachep->object_size = size;
	cachep->flags = flags;
	cachep->ctor = ctor;
	cachep->align = calculate_alignment(flags, align, size);
	cachep->allocflags = (flags & SLAB_CACHE_DMA) ? __GFP_DMA : 0;
	INIT_LIST_HEAD(&cachep->slabs_full);
	INIT_LIST_HEAD(&cachep->slabs_partial);
	INIT_LIST_HEAD(&cachep->slabs_free);
	cache_layout(cachep);

	/* On-slab or off-slab: whichever loses the smaller fraction of its slab. */
	on_waste = calculate_slab_order(cachep, false);
	desc_cost = off_slab_desc_cost(cachep);
	if (desc_cost) {
		on_num = cachep->num;
		on_order = cachep->gfporder;
		off_waste = calculate_slab_order(cachep, true) + desc_cost;
		if ((off_waste << on_order) < (on_waste << cachep->gfporder)) {
			cachep->flags |= CFLGS_OFF_SLAB;
		} else {
			cachep->num = on_num;
			cachep->gfporder = on_order;
		}
	}
	cache_estimate(cachep->gfporder, cachep->size, off_slab(cachep), &left);

	cachep->colour_off = max(SLAB_CACHE_LINE, cachep->align);
	cachep->colour = left / cachep->colour_off + 1;
	cache_set_array(cachep);
}

/* ---- slabs -------------------------------------------------------------------------- */

static void set_redzones(struct kmem_cache *cachep, void *objp, int val)
{
	char *p = objp;

	memset(p - cachep->obj_offset, val, cachep->obj_offset);
	memset(p + cachep->object_size, val, cachep->redzone_end - cachep->object_size);
}

static void poison_obj(struct kmem_cache *cachep, void *objp)
{
	char *p = objp;

	memset(p, POISON_FREE, cachep->object_size - 1);
	p[cachep->object_size - 1] = (char)POISON_END;
}

static void cache_init_objs(struct kmem_cache *cachep, struct slab *slabp)
{
	void *next = NULL;
	unsigned int i;

	for (i = cachep->num; i-- > 0; ) {
		void *objp = index_to_obj(cachep, slabp, i);

		if (cachep->flags & SLAB_RED_ZONE)
			set_redzones(cachep, objp, RED_INACTIVE);
		if (cache_poisons(cachep))
			poison_obj(cachep, objp);
		if (cachep->flags & SLAB_STORE_USER)
			*track_of(cachep, objp) = (struct slab_track){ NULL, NULL };
		if (cachep->ctor)
			cachep->ctor(objp);
		*freeptr_of(cachep, objp) = next;
		next = objp;
	}
	slabp->freelist = next;
}

/*
 * Grow the cache by one slab, put on slabs_free. Called only when the cache has no free
 * object anywhere; alloc_pages() may run the shrinkers, which is safe then: this cache
 * has an empty array and no free slab for them to take.
 */
static struct slab *cache_grow(struct kmem_cache *cachep, gfp_t flags)
{
	gfp_t gfp = (flags & ~(__GFP_HIGHMEM | __GFP_ZERO | __GFP_COMP)) | cachep->allocflags;
	unsigned int i, colour = cachep->colour_next;
	struct page *page;
	struct slab *slabp;
	char *addr;

	page = alloc_pages(gfp, cachep->gfporder);
	if (!page)
		return NULL;
	addr = page_address(page);

	if (off_slab(cachep)) {
		slabp = kmalloc(sizeof(*slabp), gfp & ~__GFP_DMA);
		if (!slabp) {
			__free_pages(page, cachep->gfporder);
			return NULL;
		}
		nr_offslab_descs++;
	} else {
		slabp = (struct slab *)(addr + slab_bytes(cachep) - SLAB_DESC_SIZE);
	}
	if (++cachep->colour_next >= cachep->colour)
		cachep->colour_next = 0;
	slabp->s_mem = addr + colour * cachep->colour_off;
	slabp->colour = colour;
	slabp->inuse = 0;

	for (i = 0; i < (1u << cachep->gfporder); i++) {
		__SetPageSlab(page + i);
		page[i].slab_cache = cachep;
		page[i].slab = slabp;
	}
	cache_init_objs(cachep, slabp);
	list_add(&slabp->list, &cachep->slabs_free);
	cachep->nr_slabs++;
	cachep->nr_free_slabs++;
	return slabp;
}

/* Give a slab, already off its list, back to the buddy allocator. */
static unsigned long slab_destroy(struct kmem_cache *cachep, struct slab *slabp)
{
	char *addr = (char *)slabp->s_mem - slabp->colour * cachep->colour_off;
	struct page *page = virt_to_page(addr);
	unsigned int i, nr = 1u << cachep->gfporder;

	for (i = 0; i < nr; i++) {
		__ClearPageSlab(page + i);
		page[i].slab_cache = NULL;
		page[i].slab = NULL;
	}
	if (off_slab(cachep)) {
		kfree(slabp);
		nr_offslab_descs--;
	}
	__free_pages(page, cachep->gfporder);
	cachep->nr_slabs--;
	return nr;
}

/* The slab to allocate from: a partial one first, to keep free slabs whole. */
static struct slab *cache_next_slab(struct kmem_cache *cachep)
{
	if (!list_empty(&cachep->slabs_partial))
		return list_first_entry(&cachep->slabs_partial, struct slab, list);
	if (!list_empty(&cachep->slabs_free))
		return list_first_entry(&cachep->slabs_free, struct slab, list);
	return NULL;
}

/* Take up to n objects off a slab's free chain into dst[], then file the slab anew. */
static unsigned int slab_take(struct kmem_cache *cachep, struct slab *slabp, void **dst,
			      unsigned int n)
{
	void *objp = slabp->freelist;
	unsigned int i;

	if (!slabp->inuse)
		cachep->nr_free_slabs--;
	for (i = 0; i < n && objp; i++) {
		dst[i] = objp;
		objp = *freeptr_of(cachep, objp);
	}
	slabp->freelist = objp;
	slabp->inuse += i;
	list_move(&slabp->list, objp ? &cachep->slabs_partial : &cachep->slabs_full);
	return i;
}

/*
 * Put one object back on its slab's free chain and move the slab to the right list.
 * A slab that becomes free goes back to the buddy allocator at once if the cache
 * already keeps SLAB_FREE_LIMIT free slabs. Returns the pages given back.
 */
static unsigned long free_one(struct kmem_cache *cachep, void *objp)
{
	struct slab *slabp = obj_slab(objp);
	bool was_full = slabp->inuse == cachep->num;

	*freeptr_of(cachep, objp) = slabp->freelist;
	slabp->freelist = objp;
	if (--slabp->inuse == 0) {
		if (cachep->nr_free_slabs >= SLAB_FREE_LIMIT) {
			list_del(&slabp->list);
			return slab_destroy(cachep, slabp);
		}
		list_move(&slabp->list, &cachep->slabs_free);
		cachep->nr_free_slabs++;
	} else if (was_full) {
		list_move(&slabp->list, &cachep->slabs_partial);
	}
	return 0;
}

/* Move every object of the array back to its slab. */
static unsigned long drain_array(struct kmem_cache *cachep)
{
	unsigned long freed = 0;
	unsigned int i;

	for (i = 0; i < cachep->ac.avail; i++)
		freed += free_one(cachep, cachep->ac.entry[i]);
	cachep->ac.avail = 0;
	return freed;
}

/* Empty the array, then give back free slabs, coldest first, until `keep` remain. */
static unsigned long __cache_shrink(struct kmem_cache *cachep, unsigned long keep)
{
	unsigned long freed = drain_array(cachep);
	struct slab *slabp;

	while (cachep->nr_free_slabs > keep) {
		slabp = list_entry(cachep->slabs_free.prev, struct slab, list);
		list_del(&slabp->list);
		cachep->nr_free_slabs--;
		freed += slab_destroy(cachep, slabp);
	}
	return freed;
}

/* ---- debug checks (slow path only) ------------------------------------------------- */

static __printf(4, 5) void slab_report(struct kmem_cache *cachep, const void *objp,
				       void *caller, const char *fmt, ...)
{
	char what[96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	pr_err("slab %s: %s: object %p, caller %p\n", cachep ? cachep->name : "?", what,
	       objp, caller);
	if (cachep && (cachep->flags & SLAB_STORE_USER) && virt_addr_valid(objp) &&
	    PageSlab(virt_to_page(objp)) && virt_to_page(objp)->slab_cache == cachep &&
	    obj_to_index(cachep, obj_slab(objp), objp) >= 0) {
		struct slab_track *t = track_of(cachep, (void *)objp);

		pr_err("  last allocated by %p, last freed by %p\n", t->alloc_caller,
		       t->free_caller);
	}
}

/* Index of the first of n bytes at p that is not val, or n; a word at a time. */
static size_t first_not(const unsigned char *p, int val, size_t n)
{
	const unsigned long pattern = ~0UL / 0xff * (unsigned char)val;
	size_t i = 0;

	while (i < n && ((uintptr_t)(p + i) & (sizeof(long) - 1)) && p[i] == val)
		i++;
	while (i + sizeof(long) <= n && *(const unsigned long *)(p + i) == pattern)
		i += sizeof(long);
	while (i < n && p[i] == val)
		i++;
	return i;
}

/* Offset (from the object) of the first red-zone byte that is not val, or 0 if intact. */
static long check_redzones(struct kmem_cache *cachep, void *objp, int val)
{
	unsigned char *p = objp;
	size_t left = cachep->obj_offset, right = cachep->redzone_end - cachep->object_size;
	size_t i;

	i = first_not(p - left, val, left);
	if (i < left)
		return (long)i - (long)left;
	i = first_not(p + cachep->object_size, val, right);
	return i < right ? (long)(cachep->object_size + i) : 0;
}

/* Offset of the first byte of a free object that lost its poison, or -1. */
static long check_poison(struct kmem_cache *cachep, void *objp)
{
	unsigned char *p = objp;
	size_t last = cachep->object_size - 1, i = first_not(p, POISON_FREE, last);

	if (i < last)
		return i;
	return p[last] == POISON_END ? -1 : (long)last;
}

/* Is objp on its slab's free chain? Stops at a corrupt link instead of following it. */
static bool on_freelist(struct kmem_cache *cachep, struct slab *slabp, void *objp)
{
	unsigned int n = 0;
	void *p;

	for (p = slabp->freelist; p && n <= cachep->num; p = *freeptr_of(cachep, p), n++) {
		if (p == objp)
			return true;
		if (obj_to_index(cachep, slabp, p) < 0)
			return false;
	}
	return false;
}

/* A debug cache hands out objp: was it left alone while free? */
static void debug_alloc(struct kmem_cache *cachep, void *objp, void *caller)
{
	long off;

	if (cache_poisons(cachep)) {
		off = check_poison(cachep, objp);
		if (off >= 0) {
			int want = off == (long)cachep->object_size - 1 ? POISON_END : POISON_FREE;

			slab_report(cachep, objp, caller,
				    "use after free: byte %ld is 0x%02x, not the poison 0x%02x",
				    off, ((unsigned char *)objp)[off], want);
		}
	}
	if (cachep->flags & SLAB_RED_ZONE) {
		off = check_redzones(cachep, objp, RED_INACTIVE);
		if (off)
			slab_report(cachep, objp, caller,
				    "red zone of a free object overwritten at offset %ld", off);
		set_redzones(cachep, objp, RED_ACTIVE);
	}
	if (cachep->flags & SLAB_STORE_USER)
		track_of(cachep, objp)->alloc_caller = caller;
}

/*
 * May objp be freed into cachep? Reports and refuses frees of objects that are not
 * ours, not an object start, or already free. An overrun is reported, the red zone
 * repaired and the object freed: the damage is confined to the red zone.
 */
static bool debug_free(struct kmem_cache *cachep, void *objp, void *caller)
{
	struct page *page;
	struct slab *slabp;
	long off;

	if (!virt_addr_valid(objp)) {
		slab_report(cachep, objp, caller, "free of a pointer outside the direct map");
		return false;
	}
	page = virt_to_page(objp);
	if (!PageSlab(page)) {
		slab_report(cachep, objp, caller, "free of a pointer that is not a slab object");
		return false;
	}
	if (page->slab_cache != cachep) {
		slab_report(cachep, objp, caller, "wrong cache: object belongs to %s",
			    page->slab_cache->name);
		return false;
	}
	slabp = page->slab;
	if (obj_to_index(cachep, slabp, objp) < 0) {
		slab_report(cachep, objp, caller, "free of a pointer that is not an object start");
		return false;
	}
	if (on_freelist(cachep, slabp, objp)) {
		slab_report(cachep, objp, caller, "double free");
		return false;
	}
	if (cachep->flags & SLAB_RED_ZONE) {
		off = check_redzones(cachep, objp, RED_ACTIVE);
		if (off)
			slab_report(cachep, objp, caller,
				    "red zone overwritten at offset %ld (%s the object)", off,
				    off < 0 ? "underrun before" : "overrun past");
		set_redzones(cachep, objp, RED_INACTIVE);
	}
	if (cachep->flags & SLAB_STORE_USER)
		track_of(cachep, objp)->free_caller = caller;
	if (cache_poisons(cachep))
		poison_obj(cachep, objp);
	return true;
}

/* ---- allocation and free ------------------------------------------------------------ */

static __noinline void *slab_zero(void *objp, struct kmem_cache *cachep)
{
	memset(objp, 0, cachep->object_size);
	return objp;
}

/*
 * Slow path of allocation: the array is empty. Refill it with up to batchcount
 * objects from the slab lists (growing by at most one slab), or, for a debug cache,
 * take one object and check it.
 *
 * The slow paths take (frame, ..., cachep) in that order on purpose: gcc passes a
 * static function's first three arguments in eax, edx, ecx, and this order lets the
 * fast path keep the cache in ecx and need no callee-saved register, two pushes and
 * two pops fewer per call.
 */
static __noinline void *cache_alloc_refill(void *frame, gfp_t flags,
					   struct kmem_cache *cachep)
{
	struct array_cache *ac = &cachep->ac;
	struct slab *slabp;
	void *objp;

	if (!ac->limit) {
		slabp = cache_next_slab(cachep);
		if (!slabp && !(slabp = cache_grow(cachep, flags)))
			return NULL;
		slab_take(cachep, slabp, &objp, 1);
		if (cache_debug(cachep))
			debug_alloc(cachep, objp, frame_caller(frame));
	} else {
		while (ac->avail < ac->batchcount) {
			slabp = cache_next_slab(cachep);
			if (!slabp) {
				if (ac->avail)
					break;
				slabp = cache_grow(cachep, flags);
				if (!slabp)
					return NULL;
			}
			ac->avail += slab_take(cachep, slabp, &ac->entry[ac->avail],
					       ac->batchcount - ac->avail);
		}
		objp = ac->entry[--ac->avail];
	}
	if (flags & __GFP_ZERO)
		memset(objp, 0, cachep->object_size);
	return objp;
}

/* Slow path of free: the array is full (flush the oldest batch) or there is none. */
static __noinline void cache_flusharray(void *frame, void *objp, struct kmem_cache *cachep)
{
	struct array_cache *ac = &cachep->ac;
	unsigned int i, batch = ac->batchcount;

	if (!ac->limit) {
		if (cache_debug(cachep) && !debug_free(cachep, objp, frame_caller(frame)))
			return;
		free_one(cachep, objp);
		return;
	}
	for (i = 0; i < batch; i++)
		free_one(cachep, ac->entry[i]);
	ac->avail -= batch;
	memmove(&ac->entry[0], &ac->entry[batch], ac->avail * sizeof(void *));
	ac->entry[ac->avail++] = objp;
}

/* The fast paths; `frame` is the public entry point's, for the slow path's reports. */
static __always_inline void *slab_alloc(struct kmem_cache *cachep, gfp_t flags, void *frame)
{
	struct array_cache *ac = &cachep->ac;
	void *objp;

	if (unlikely(!ac->avail))
		return cache_alloc_refill(frame, flags, cachep);
	objp = ac->entry[--ac->avail];
	if (unlikely(flags & __GFP_ZERO))
		return slab_zero(objp, cachep);
	return objp;
}

static __always_inline void slab_free(struct kmem_cache *cachep, void *objp, void *frame)
{
	struct array_cache *ac = &cachep->ac;
	unsigned int avail = ac->avail;

	if (likely(avail < ac->limit)) {
		ac->entry[avail] = objp;
		ac->avail = avail + 1;
		return;
	}
	cache_flusharray(frame, objp, cachep);
}

void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags)
{
	return slab_alloc(cachep, flags, CALLER_FRAME);
}

void kmem_cache_free(struct kmem_cache *cachep, void *objp)
{
	slab_free(cachep, objp, CALLER_FRAME);
}

/* ---- caches ---------------------------------------------------------------------------- */

static struct kmem_cache *create_fail(const char *name, unsigned long flags, const char *why)
{
	pr_err("kmem_cache_create(%s): %s\n", name ? name : "(null)", why);
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create(%s) failed", name ? name : "(null)");
	return NULL;
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned long flags, void (*ctor)(void *))
{
	struct kmem_cache *cachep;

	if (!name)
		return create_fail(name, flags, "no name");
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return create_fail(name, flags, "object size must be 1 .. 131072 bytes");
	if ((align & (align - 1)) || align > PAGE_SIZE)
		return create_fail(name, flags, "alignment must be a power of two <= PAGE_SIZE");
	if (flags & ~SLAB_CREATE_MASK)
		return create_fail(name, flags, "unknown flags");
	if (slab_state == SLAB_DOWN)
		return create_fail(name, flags, "called before kmem_cache_init()");

	cachep = kmem_cache_alloc(&cache_cache, GFP_KERNEL);
	if (!cachep)
		return create_fail(name, flags, "out of memory for the cache descriptor");
	if (slab_debug)
		flags |= SLAB_DEBUG_FLAGS;
	setup_cache(cachep, name, size, align, flags, ctor);
	list_add_tail(&cachep->list, &cache_chain);
	return cachep;
}

void kmem_cache_destroy(struct kmem_cache *cachep)
{
	if (!cachep)
		return;
	if (cachep->flags & CFLGS_BOOT) {
		pr_err("kmem_cache_destroy(%s): a boot cache cannot be destroyed\n", cachep->name);
		return;
	}
	__cache_shrink(cachep, 0);
	if (cachep->nr_slabs) {
		pr_err("kmem_cache_destroy(%s): %lu slabs still hold objects, cache kept\n",
		       cachep->name, cachep->nr_slabs);
		return;
	}
	list_del(&cachep->list);
	kmem_cache_free(&cache_cache, cachep);
}

unsigned long kmem_cache_shrink(struct kmem_cache *cachep)
{
	return __cache_shrink(cachep, SLAB_FREE_RESERVE);
}

const char *kmem_cache_name(const struct kmem_cache *cachep)
{
	return cachep->name;
}

size_t kmem_cache_size(const struct kmem_cache *cachep)
{
	return cachep->object_size;
}

/* Called by alloc_pages() before it fails a __GFP_RECLAIM allocation. */
static unsigned long slab_shrink_scan(struct shrinker *s)
{
	struct kmem_cache *cachep;
	unsigned long freed = 0;

	(void)s;
	list_for_each_entry(cachep, &cache_chain, list)
		freed += __cache_shrink(cachep, SLAB_FREE_RESERVE);
	return freed;
}

static struct shrinker slab_shrinker = {
	.name = "slab",
	.scan = slab_shrink_scan,
};

void slab_debug_enable(bool on)
{
	slab_debug = on;
}

/* ---- kmalloc --------------------------------------------------------------------------- */

struct kmem_cache *kmalloc_slab(size_t size)
{
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	if (size <= KMALLOC_SMALL_MAX)
		return kmalloc_small[(size - 1) / 8];
	return kmalloc_caches[fls_long(size - 1)];
}

static unsigned int size_to_order(size_t size)
{
	return size <= PAGE_SIZE ? 0 : fls_long((size - 1) >> PAGE_SHIFT);
}

/* Above kmalloc-131072: a compound block straight from the buddy allocator. */
static void *kmalloc_large(size_t size, gfp_t flags, void *frame)
{
	struct page *page;

	if (size > KMALLOC_MAX_SIZE) {
		if (!(flags & __GFP_NOWARN))
			pr_warn("kmalloc: %zu bytes is more than KMALLOC_MAX_SIZE, caller %p\n",
				size, frame_caller(frame));
		return NULL;
	}
	page = alloc_pages((flags & ~__GFP_HIGHMEM) | __GFP_COMP, size_to_order(size));
	return page ? page_address(page) : NULL;
}

static __noinline void *__kmalloc_slow(void *frame, gfp_t flags, size_t size)
{
	struct kmem_cache *cachep;

	if (!size)
		return ZERO_SIZE_PTR;
	cachep = kmalloc_slab(size);
	if (!cachep)
		return kmalloc_large(size, flags, frame);
	return slab_alloc(cachep, flags, frame);
}

void *kmalloc(size_t size, gfp_t flags)
{
	/* size 0 wraps around and takes the slow path too. */
	if (unlikely(size - 1 >= KMALLOC_SMALL_MAX))
		return __kmalloc_slow(CALLER_FRAME, flags, size);
	return slab_alloc(kmalloc_small[(size - 1) / 8], flags, CALLER_FRAME);
}

static __noinline void kfree_large(void *frame, const void *objp, struct page *page)
{
	if (!PageHead(page) || objp != page_address(page)) {
		pr_err("kfree: %p is not a live kmalloc object, caller %p\n", objp,
		       frame_caller(frame));
		return;
	}
	__free_pages(page, page->private);
}

static __noinline void kfree_debug(void *frame, const void *objp)
{
	struct page *page;

	if (!virt_addr_valid(objp)) {
		pr_err("kfree: %p is not a kmalloc address, caller %p\n", objp,
		       frame_caller(frame));
		return;
	}
	page = virt_to_page(objp);
	if (!PageSlab(page)) {
		kfree_large(frame, objp, page);
		return;
	}
	slab_free(page->slab_cache, (void *)objp, frame);
}

void kfree(const void *objp)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return;
	if (unlikely(slab_debug)) {
		kfree_debug(CALLER_FRAME, objp);
		return;
	}
	page = virt_to_page(objp);
	if (unlikely(!PageSlab(page))) {
		kfree_large(CALLER_FRAME, objp, page);
		return;
	}
	slab_free(page->slab_cache, (void *)objp, CALLER_FRAME);
}

size_t ksize(const void *objp)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(objp) || !virt_addr_valid(objp))
		return 0;
	page = virt_to_page(objp);
	if (PageSlab(page))
		return page->slab_cache->object_size;
	if (PageHead(page))
		return PAGE_SIZE << page->private;
	return 0;
}

void *krealloc(const void *objp, size_t new_size, gfp_t flags)
{
	size_t old = ksize(objp);
	void *p;

	if (!new_size) {
		kfree(objp);
		return ZERO_SIZE_PTR;
	}
	if (old >= new_size)
		return (void *)objp;
	p = kmalloc(new_size, flags);
	if (p && old) {
		memcpy(p, objp, old);
		kfree(objp);
	}
	return p;
}

/* ---- boot ------------------------------------------------------------------------------ */

static void create_kmalloc_cache(unsigned int idx, unsigned long flags)
{
	size_t size = idx == 1 ? 96 : idx == 2 ? 192 : 1UL << idx;
	size_t align = 8;
	struct kmem_cache *cachep;

	/* Power-of-two sizes are naturally aligned, as Linux guarantees. */
	if (idx >= KMALLOC_SHIFT_LOW)
		align = min(size, PAGE_SIZE);
	cachep = kmem_cache_alloc(&cache_cache, GFP_KERNEL);
	if (!cachep)
		panic("kmem_cache_init: no memory for %s", kmalloc_names[idx]);
	setup_cache(cachep, kmalloc_names[idx], size, align, flags, NULL);
	list_add_tail(&cachep->list, &cache_chain);
	kmalloc_caches[idx] = cachep;
}

/*
 * Bring up the slab allocator: cache_cache first (static, since nothing can allocate
 * its descriptor), then the general caches smallest first, then the shrinker.
 * Needs a working alloc_pages(); must run before the first kmalloc().
 */
void kmem_cache_init(void)
{
	static const unsigned int small[] = { 3, 4, 5, 6, 1, 7, 2 };	/* 8 .. 192 */
	unsigned long flags = CFLGS_BOOT | (slab_debug ? SLAB_DEBUG_FLAGS : 0);
	size_t covered = 0;
	unsigned int i;

	if (slab_state != SLAB_DOWN) {
		pr_warn("kmem_cache_init: called twice\n");
		return;
	}
	setup_cache(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
		    flags | SLAB_HWCACHE_ALIGN, NULL);
	list_add(&cache_cache.list, &cache_chain);
	slab_state = SLAB_PARTIAL;

	/*
	 * Smallest first, each entering kmalloc_small at once: from kmalloc-128 on, a cache
	 * may keep its descriptors off-slab in the (on-slab) cache that fits a struct slab.
	 */
	for (i = 0; i < ARRAY_SIZE(small); i++) {
		create_kmalloc_cache(small[i], flags);
		for (; covered < kmalloc_caches[small[i]]->object_size; covered += 8)
			kmalloc_small[covered / 8] = kmalloc_caches[small[i]];
	}
	for (i = 8; i <= KMALLOC_SHIFT_HIGH; i++)
		create_kmalloc_cache(i, flags);

	register_shrinker(&slab_shrinker);
	slab_state = SLAB_UP;
}

/* ---- introspection ----------------------------------------------------------------------- */

void get_slabinfo(struct kmem_cache *cachep, struct slabinfo *info)
{
	struct slab *slabp;
	unsigned long inuse = 0, desc;

	memset(info, 0, sizeof(*info));
	list_for_each_entry(slabp, &cachep->slabs_full, list) {
		info->full_slabs++;
		inuse += slabp->inuse;
	}
	list_for_each_entry(slabp, &cachep->slabs_partial, list) {
		info->partial_slabs++;
		inuse += slabp->inuse;
	}
	list_for_each_entry(slabp, &cachep->slabs_free, list)
		info->free_slabs++;

	info->num_slabs = info->full_slabs + info->partial_slabs + info->free_slabs;
	info->active_slabs = info->full_slabs + info->partial_slabs;
	info->num_objs = info->num_slabs * cachep->num;
	info->active_objs = inuse - cachep->ac.avail;
	info->objsize = cachep->object_size;
	info->chunk = cachep->size;
	info->objperslab = cachep->num;
	info->pagesperslab = 1u << cachep->gfporder;
	info->limit = cachep->ac.limit;
	info->batchcount = cachep->ac.batchcount;
	info->avail = cachep->ac.avail;
	info->colours = cachep->colour;
	info->colour_off = cachep->colour_off;
	info->off_slab = off_slab(cachep);
	info->flags = cachep->flags;

	/* An off-slab descriptor costs a kmalloc chunk; an on-slab one its own size. */
	desc = off_slab(cachep) ? kmalloc_slab(sizeof(struct slab))->size : SLAB_DESC_SIZE;
	info->overhead_per_obj = cachep->size - cachep->object_size +
				 DIV_ROUND_UP(desc, cachep->num);
	info->waste_per_slab = slab_bytes(cachep) - cachep->num * cachep->size -
			       (off_slab(cachep) ? 0 : SLAB_DESC_SIZE);
	info->lost_per_slab = slab_bytes(cachep) - cachep->num * cachep->object_size +
			      (off_slab(cachep) ? desc : 0);
}

/*
 * /proc/slabinfo's format, version 2.1 (objsize is the chunk, as in Linux), plus
 * "overhead": bytes of metadata and padding per object, bytes per slab no object can
 * use, and the share of each slab (plus its off-slab descriptor) not holding objects.
 */
void show_slabinfo(void)
{
	struct kmem_cache *cachep;
	struct slabinfo si;
	unsigned long bp;

	printk("slabinfo - version: 2.1\n");
	printk("# name            <active_objs> <num_objs> <objsize> <objperslab> "
	       "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
	       "<active_slabs> <num_slabs> <sharedavail> : overhead <bytes/obj> "
	       "<waste/slab> <lost%%>\n");
	list_for_each_entry(cachep, &cache_chain, list) {
		get_slabinfo(cachep, &si);
		bp = si.lost_per_slab * 10000 / slab_bytes(cachep);
		printk("%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u : slabdata %6lu %6lu "
		       "%6u : overhead %4u %6u %2lu.%02lu%%\n",
		       cachep->name, si.active_objs, si.num_objs, si.chunk, si.objperslab,
		       si.pagesperslab, si.limit, si.batchcount, 0u, si.active_slabs,
		       si.num_slabs, 0u, si.overhead_per_obj, si.waste_per_slab, bp / 100,
		       bp % 100);
	}
}

long slab_colour_of(const void *objp)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(objp) || !virt_addr_valid(objp))
		return -1;
	page = virt_to_page(objp);
	if (!PageSlab(page))
		return -1;
	return (long)((struct slab *)page->slab)->colour * page->slab_cache->colour_off;
}

/* ---- validation ---------------------------------------------------------------------------- */

#define VALIDATE_BITS	1024

static __printf(3, 4) int validate_err(struct kmem_cache *cachep, const void *where,
				       const char *fmt, ...)
{
	char what[96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	pr_err("slab %s: validate: %s (at %p)\n", cachep->name, what, where);
	return 1;
}

static int validate_slab(struct kmem_cache *cachep, struct slab *slabp,
			 const struct list_head *list)
{
	unsigned long free_bits[VALIDATE_BITS / (8 * sizeof(unsigned long))] = { 0 };
	bool track = cachep->num <= VALIDATE_BITS;
	char *start = (char *)slabp->s_mem - slabp->colour * cachep->colour_off;
	struct page *page = virt_to_page(start);
	unsigned int i, nfree = 0;
	int errors = 0;
	void *p;

	for (i = 0; i < (1u << cachep->gfporder); i++)
		if (!PageSlab(page + i) || page[i].slab_cache != cachep || page[i].slab != slabp)
			return validate_err(cachep, slabp, "page %u of the slab is not marked", i);
	if (slabp->colour >= cachep->colour)
		errors += validate_err(cachep, slabp, "colour %u out of range", slabp->colour);

	if (list == &cachep->slabs_full && slabp->inuse != cachep->num)
		errors += validate_err(cachep, slabp, "on slabs_full with %u of %u in use",
				       slabp->inuse, cachep->num);
	if (list == &cachep->slabs_partial && (!slabp->inuse || slabp->inuse >= cachep->num))
		errors += validate_err(cachep, slabp, "on slabs_partial with %u of %u in use",
				       slabp->inuse, cachep->num);
	if (list == &cachep->slabs_free && slabp->inuse)
		errors += validate_err(cachep, slabp, "on slabs_free with %u in use",
				       slabp->inuse);

	for (p = slabp->freelist; p; p = *freeptr_of(cachep, p)) {
		long idx = obj_to_index(cachep, slabp, p);

		if (idx < 0)
			return errors + validate_err(cachep, p, "free chain leaves the slab");
		if (++nfree > cachep->num - slabp->inuse)
			return errors + validate_err(cachep, p, "free chain longer than %u",
						     cachep->num - slabp->inuse);
		if (track)
			free_bits[idx / (8 * sizeof(long))] |= 1UL << (idx % (8 * sizeof(long)));
		if (cache_poisons(cachep) && check_poison(cachep, p) >= 0)
			errors += validate_err(cachep, p, "free object lost its poison at byte %ld",
					       check_poison(cachep, p));
		if ((cachep->flags & SLAB_RED_ZONE) && check_redzones(cachep, p, RED_INACTIVE))
			errors += validate_err(cachep, p, "red zone of a free object overwritten");
	}
	if (nfree != cachep->num - slabp->inuse)
		errors += validate_err(cachep, slabp, "%u free objects, expected %u", nfree,
				       cachep->num - slabp->inuse);

	for (i = 0; track && (cachep->flags & SLAB_RED_ZONE) && i < cachep->num; i++) {
		if (free_bits[i / (8 * sizeof(long))] & (1UL << (i % (8 * sizeof(long)))))
			continue;
		p = index_to_obj(cachep, slabp, i);
		if (check_redzones(cachep, p, RED_ACTIVE))
			errors += validate_err(cachep, p, "red zone of a live object overwritten");
	}
	return errors;
}

int kmem_cache_validate(struct kmem_cache *cachep)
{
	struct list_head *lists[] = {
		&cachep->slabs_full, &cachep->slabs_partial, &cachep->slabs_free
	};
	unsigned long nslabs = 0, nfree = 0;
	struct slab *slabp;
	unsigned int i;
	int errors = 0;

	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		list_for_each_entry(slabp, lists[i], list) {
			errors += validate_slab(cachep, slabp, lists[i]);
			nslabs++;
			nfree += i == 2;
		}
	}
	if (nslabs != cachep->nr_slabs || nfree != cachep->nr_free_slabs)
		errors += validate_err(cachep, cachep, "counted %lu slabs, %lu free; expected "
				       "%lu, %lu", nslabs, nfree, cachep->nr_slabs,
				       cachep->nr_free_slabs);
	if (cachep->ac.avail > cachep->ac.limit)
		errors += validate_err(cachep, cachep, "array holds %u of %u", cachep->ac.avail,
				       cachep->ac.limit);
	for (i = 0; i < cachep->ac.avail && i < SLAB_AC_MAX; i++) {
		void *objp = cachep->ac.entry[i];
		struct page *page = virt_to_page(objp);

		if (!PageSlab(page) || page->slab_cache != cachep ||
		    obj_to_index(cachep, page->slab, objp) < 0 ||
		    on_freelist(cachep, page->slab, objp))
			errors += validate_err(cachep, objp, "bad object in the array");
	}
	return errors;
}

int slab_validate_all(void)
{
	struct kmem_cache *cachep;
	int errors = 0;

	list_for_each_entry(cachep, &cache_chain, list)
		errors += kmem_cache_validate(cachep);
	return errors;
}

unsigned long nr_slab_pages(void)
{
	struct kmem_cache *cachep;
	unsigned long pages = 0;

	list_for_each_entry(cachep, &cache_chain, list)
		pages += cachep->nr_slabs << cachep->gfporder;
	return pages;
}

unsigned long nr_slab_objects(void)
{
	struct kmem_cache *cachep;
	struct slabinfo si;
	unsigned long objs = 0;

	list_for_each_entry(cachep, &cache_chain, list) {
		get_slabinfo(cachep, &si);
		objs += si.active_objs;
	}
	return objs - nr_offslab_descs;
}

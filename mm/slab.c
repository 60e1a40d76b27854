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
 * No locking (docs/concurrency.md). The kernel runs on one CPU, is not preemptive, and
 * its interrupt handlers (timer tick, serial) never use the slab: in interrupt context
 * only GFP_ATOMIC page allocations are allowed (the buddy allocator's zone lock disables
 * interrupts; this allocator does not). So nothing here disables interrupts: doing so
 * on the fast path (pushf/cli ... sti) would add 12 instructions to a 30-instruction
 * alloc+free pair. The slow path (cache_alloc_refill, which every allocation takes from
 * a debug cache, as in every self-test run) reports a slab allocation in an interrupt
 * handler, and a sleeping one (GFP_KERNEL) with interrupts off, through might_sleep().
 * Rejected alternative: SLUB's lockless cmpxchg8b freelist with a transaction id, which
 * is interrupt-safe without cli but doubles the fast path's size.
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
 * Files. This one is the allocator proper: cache geometry and colouring, slab growth
 * and destruction, the object paths' slow halves, kmem_cache_create/destroy/shrink, the
 * shrinker and kmem_cache_init. kmalloc and the general caches are in mm/kmalloc.c, the
 * debug checks and the validator in mm/slab_debug.c, statistics in mm/slabinfo.c; what
 * they share (struct kmem_cache, struct slab, the inline fast paths) in
 * mm/slab_internal.h.
 *
 * Relies on: alloc_pages/__free_pages, page_address, virt_to_page (gfp.h, mm.h), struct
 * page (mm_types.h), register_shrinker (shrinker.h), printk, memset/memmove; kmalloc
 * for off-slab descriptors; debug_alloc/debug_free (mm/slab_debug.c) on the slow path.
 * Used by: everything that needs small objects; mempool.c; mm/kmalloc.c.
 */
#include "slab_internal.h"
#include "shrinker.h"
#include "string.h"
#include "kernel.h"
#include "printk.h"
#include "list.h"
#ifndef HOST_TEST
#include "preempt.h"
#include "kallsyms.h"

/* A slab allocation in an interrupt handler, or a sleeping one with interrupts off. */
static void slab_check_context(gfp_t flags, void *frame)
{
	if (in_interrupt()) {
		char sym[64];

		sprint_symbol(sym, sizeof(sym), (unsigned long)frame_caller(frame));
		pr_err("BUG: slab allocation in interrupt context, caller is %s\n", sym);
	} else if (flags & __GFP_RECLAIM) {
		__might_sleep(__FILE__, __LINE__, (unsigned long)frame_caller(frame));
	}
}
#else
#define slab_check_context(flags, frame)	do { } while (0)
#endif

#define SLAB_MAX_ORDER		KMALLOC_MAX_ORDER
#define SLAB_GOOD_ORDER		3	/* accept more than 1/8 waste from this order on */
#define SLAB_FREE_LIMIT		4	/* free slabs a cache keeps on the free path */
#define SLAB_FREE_RESERVE	1	/* free slabs left by shrink and the shrinker */
#define OFF_SLAB_MIN_SIZE	(PAGE_SIZE >> 5)	/* below, a descriptor is never worth it */
#define RED_LEFT_BYTES		sizeof(void *)

/* Internal cache flags, beside the SLAB_* ones and CFLGS_OFF_SLAB (slab_internal.h). */
#define CFLGS_BOOT		0x40000000UL	/* cache_cache or a kmalloc cache */
#define SLAB_CREATE_MASK	(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | \
				 SLAB_CACHE_DMA | SLAB_PANIC)

LIST_HEAD(cache_chain);
static struct kmem_cache cache_cache;	/* descriptors of all the other caches */
static enum { SLAB_DOWN, SLAB_PARTIAL, SLAB_UP } slab_state;
unsigned long nr_offslab_descs;		/* kmalloc'ed descriptors of off-slab slabs */

static bool cache_debug(const struct kmem_cache *cachep)
{
	return cachep->flags & SLAB_DEBUG_FLAGS;
}

/* ---- geometry --------------------------------------------------------------------- */

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
	/*
	 * Linux SLAB's count: as many whole colour_off steps as the leftover holds, so the
	 * last colour still fits in the slab. 0 (leftover < colour_off) and 1 both mean
	 * that every slab starts its objects at offset 0; colour_next then stays 0.
	 */
	cachep->colour = left / cachep->colour_off;
	cache_set_array(cachep);
}

/* ---- slabs -------------------------------------------------------------------------- */

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

/* ---- allocation and free ------------------------------------------------------------ */

__noinline void *slab_zero(void *objp, struct kmem_cache *cachep)
{
	memset(objp, 0, cachep->object_size);
	return objp;
}

/*
 * Slow path of allocation: the array is empty. Refill it with up to batchcount
 * objects from the slab lists (growing by at most one slab), or, for a debug cache,
 * take one object and check it. On the argument order, see slab_internal.h.
 */
__noinline void *cache_alloc_refill(void *frame, gfp_t flags, struct kmem_cache *cachep)
{
	struct array_cache *ac = &cachep->ac;
	struct slab *slabp;
	void *objp;

	slab_check_context(flags, frame);
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
__noinline void cache_flusharray(void *frame, void *objp, struct kmem_cache *cachep)
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

/* The fast paths are slab_alloc() and slab_free(), in slab_internal.h. */
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
		pr_report(KERN_ERR "kmem_cache_destroy(%s): a boot cache cannot be destroyed\n",
			  cachep->name);
		return;
	}
	__cache_shrink(cachep, 0);
	if (cachep->nr_slabs) {
		pr_report(KERN_ERR "kmem_cache_destroy(%s): %lu slabs still hold objects, "
			  "cache kept\n", cachep->name, cachep->nr_slabs);
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

/* ---- boot ------------------------------------------------------------------------------ */

/*
 * A cache that kmem_cache_init() sets up (kmalloc's, through create_kmalloc_caches): its
 * arguments are known good, and the kernel cannot run without it.
 */
struct kmem_cache *create_boot_cache(const char *name, size_t size, size_t align,
				     unsigned long flags)
{
	struct kmem_cache *cachep = kmem_cache_alloc(&cache_cache, GFP_KERNEL);

	if (!cachep)
		panic("kmem_cache_init: no memory for %s", name);
	setup_cache(cachep, name, size, align, flags, NULL);
	list_add_tail(&cachep->list, &cache_chain);
	return cachep;
}

/*
 * Bring up the slab allocator: cache_cache first (static, since nothing can allocate
 * its descriptor), then the general caches smallest first, then the shrinker.
 * Needs a working alloc_pages(); must run before the first kmalloc().
 */
void kmem_cache_init(void)
{
	unsigned long flags = CFLGS_BOOT | (slab_debug ? SLAB_DEBUG_FLAGS : 0);

	if (slab_state != SLAB_DOWN) {
		pr_warn("kmem_cache_init: called twice\n");
		return;
	}
	setup_cache(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
		    flags | SLAB_HWCACHE_ALIGN, NULL);
	list_add(&cache_cache.list, &cache_chain);
	slab_state = SLAB_PARTIAL;

	create_kmalloc_caches(flags);
	register_shrinker(&slab_shrinker);
	slab_state = SLAB_UP;
}

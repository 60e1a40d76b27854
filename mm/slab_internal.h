/*
 * Internals shared by the files of the slab allocator, as Linux's mm/slab.h:
 *	mm/slab.c		the allocator proper (design essay, geometry, slabs, the
 *				object paths, caches, shrinker, kmem_cache_init)
 *	mm/kmalloc.c		the general caches, kmalloc/kfree/ksize/krealloc
 *	mm/slab_debug.c		debug checks of the slow path, and the validator
 *	mm/slabinfo.c		statistics: slabinfo, colours, totals
 * Nothing outside those files includes this; the rest of the kernel uses include/slab.h.
 * Only what two of them really share is here; the rest stays static in its file.
 *
 * Not called mm/slab.h as in Linux: a quoted #include looks in the including file's
 * directory first, so every mm/ file's #include "slab.h" would get it instead of
 * include/slab.h.
 *
 * Relies on: struct page and virt_to_page (mm_types.h, mm.h), list.h, memset.
 */
#ifndef _MM_SLAB_INTERNAL_H
#define _MM_SLAB_INTERNAL_H

#include "slab.h"
#include "mm.h"
#include "list.h"
#include "string.h"

/*
 * Reports name the caller of the public entry point. __builtin_return_address(0) would
 * be loaded on entry, on the fast path too; the frame address is just %ebp, and the
 * return address sits one word above the saved frame pointer it points at, still there
 * when the slow path runs after a tail call.
 */
#define CALLER_FRAME	__builtin_frame_address(0)

static inline void *frame_caller(void *frame)
{
	return ((void **)frame)[1];
}

#define SLAB_AC_MAX		32	/* largest array of hot objects */

/* Internal cache flag, beside the SLAB_* ones (mm/slab.c has the others). */
#define CFLGS_OFF_SLAB		0x80000000UL	/* slab descriptor comes from kmalloc */

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

/* An on-slab descriptor's share of its slab. */
#define SLAB_DESC_SIZE	ALIGN(sizeof(struct slab), sizeof(void *))

extern struct list_head cache_chain;		/* every cache (mm/slab.c) */
extern unsigned long nr_offslab_descs;		/* kmalloc'ed descriptors of off-slab slabs */

static inline bool off_slab(const struct kmem_cache *cachep)
{
	return cachep->flags & CFLGS_OFF_SLAB;
}

static inline bool cache_poisons(const struct kmem_cache *cachep)
{
	/* A constructed object must keep its contents while free: no poison then. */
	return (cachep->flags & SLAB_POISON) && !cachep->ctor;
}

static inline size_t slab_bytes(const struct kmem_cache *cachep)
{
	return PAGE_SIZE << cachep->gfporder;
}

/* ---- object addressing ---------------------------------------------------------- */

static inline void *index_to_obj(const struct kmem_cache *cachep, const struct slab *slabp,
				 unsigned int idx)
{
	return (char *)slabp->s_mem + idx * cachep->size + cachep->obj_offset;
}

static inline void **freeptr_of(const struct kmem_cache *cachep, void *objp)
{
	return (void **)((char *)objp + cachep->free_offset);
}

static inline struct slab_track *track_of(const struct kmem_cache *cachep, void *objp)
{
	return (struct slab_track *)((char *)objp + cachep->track_offset);
}

static inline struct slab *obj_slab(const void *objp)
{
	return virt_to_page(objp)->slab;
}

/*
 * Debug patterns of a chunk, written when a slab is created (mm/slab.c) and on every
 * debug alloc and free (mm/slab_debug.c).
 */
static inline void set_redzones(struct kmem_cache *cachep, void *objp, int val)
{
	char *p = objp;

	memset(p - cachep->obj_offset, val, cachep->obj_offset);
	memset(p + cachep->object_size, val, cachep->redzone_end - cachep->object_size);
}

static inline void poison_obj(struct kmem_cache *cachep, void *objp)
{
	char *p = objp;

	memset(p, POISON_FREE, cachep->object_size - 1);
	p[cachep->object_size - 1] = (char)POISON_END;
}

/* ---- the object paths (mm/slab.c) ----------------------------------------------- */

/*
 * The slow paths. They take (frame, ..., cachep) in that order so that, where the
 * arguments go in registers, the fast path can leave the cache pointer where it is.
 * They are extern, not static, only because mm/kmalloc.c inlines the fast paths too.
 * That costs the kernel nothing: built with -fno-toplevel-reorder, it never gets gcc's
 * register convention for local i386 functions, so their arguments go on the stack
 * either way. (An i386 build without that flag, as the host benchmark's, loses the
 * convention: two instructions per slow-path call.)
 */
__noinline void *slab_zero(void *objp, struct kmem_cache *cachep);
__noinline void *cache_alloc_refill(void *frame, gfp_t flags, struct kmem_cache *cachep);
__noinline void cache_flusharray(void *frame, void *objp, struct kmem_cache *cachep);

/*
 * The fast paths, inlined into kmem_cache_alloc/free and kmalloc/kfree; `frame` is the
 * public entry point's, for the slow path's reports. A debug cache has an array of
 * limit 0, so every call of one falls through to the slow path.
 */
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

/* ---- between the files ------------------------------------------------------------ */

/* mm/slab.c: a cache for kmem_cache_init's callers; panics when out of memory. */
struct kmem_cache *create_boot_cache(const char *name, size_t size, size_t align,
				     unsigned long flags);

/* mm/kmalloc.c: the general caches, smallest first; called by kmem_cache_init(). */
void create_kmalloc_caches(unsigned long flags);

/* mm/slab_debug.c: the checks of a debug cache's slow path. */
void debug_alloc(struct kmem_cache *cachep, void *objp, void *caller);
bool debug_free(struct kmem_cache *cachep, void *objp, void *caller);

#endif /* _MM_SLAB_INTERNAL_H */

/*
 * The slab allocator (mm/slab.c): caches of same-sized objects, and kmalloc on top.
 *
 * A kmem_cache hands out objects of one size carved out of "slabs", runs of 2^order
 * contiguous pages from the buddy allocator. kmalloc(size) picks one of the general
 * caches kmalloc-8 ... kmalloc-131072 by size; bigger requests (up to KMALLOC_MAX_SIZE)
 * are compound pages straight from alloc_pages(). kfree() finds the cache of an object
 * from its struct page (PG_slab, page->slab_cache), so objects carry no header.
 *
 * Call kmem_cache_init() once at boot, after the buddy allocator is up and before the
 * first kmalloc. slab_debug_enable(true) before it makes every cache a debug cache.
 *
 * Not for interrupt context: the kernel has one CPU and nothing here disables
 * interrupts (see the essay at the top of mm/slab.c for why).
 */
#ifndef _SLAB_H
#define _SLAB_H

#include "types.h"
#include "gfp.h"
#include "asm/page.h"

struct kmem_cache;

/* kmem_cache_create() flags (Linux's values). */
#define SLAB_CONSISTENCY_CHECKS	0x00000100UL	/* refuse double/wrong-cache/bad frees */
#define SLAB_RED_ZONE		0x00000400UL	/* guard bytes around each object */
#define SLAB_POISON		0x00000800UL	/* fill free objects with POISON_FREE */
#define SLAB_HWCACHE_ALIGN	0x00002000UL	/* align objects to the cache line */
#define SLAB_CACHE_DMA		0x00004000UL	/* slab pages from ZONE_DMA */
#define SLAB_STORE_USER		0x00010000UL	/* remember the last alloc/free caller */
#define SLAB_PANIC		0x00040000UL	/* panic if kmem_cache_create() fails */

/* What slab_debug adds to every cache created while it is on. */
#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER)

#define SLAB_CACHE_LINE		64	/* L1 line on every i686 we run on */

/* Debug patterns, as in Linux's <linux/poison.h>. */
#define POISON_FREE	0x6b	/* every byte of a free object... */
#define POISON_END	0xa5	/* ...except the last */
#define RED_INACTIVE	0xbb	/* red zone of a free object */
#define RED_ACTIVE	0xcc	/* red zone of an allocated object */

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned long flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *cachep);
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags);
void kmem_cache_free(struct kmem_cache *cachep, void *objp);
unsigned long kmem_cache_shrink(struct kmem_cache *cachep);	/* returns pages freed */

static inline void *kmem_cache_zalloc(struct kmem_cache *cachep, gfp_t flags)
{
	return kmem_cache_alloc(cachep, flags | __GFP_ZERO);
}

const char *kmem_cache_name(const struct kmem_cache *cachep);

/* General caches and kmalloc. */
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_MAX_CACHE_SIZE	(128UL << 10)	/* the largest general cache */
#define KMALLOC_MAX_ORDER	10
#define KMALLOC_MAX_SIZE	(PAGE_SIZE << KMALLOC_MAX_ORDER)	/* 4 MiB */

/*
 * kmalloc(0) returns ZERO_SIZE_PTR: not NULL (the call did not fail) but any access
 * faults, since page 0 is never mapped. kfree() and ksize() accept it.
 */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
size_t ksize(const void *objp);
void *krealloc(const void *objp, size_t new_size, gfp_t flags);
struct kmem_cache *kmalloc_slab(size_t size);	/* the general cache for size, or NULL */

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/* n * size bytes, or NULL if that overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* Boot and debugging. */
void kmem_cache_init(void);
void slab_debug_enable(bool on);	/* before kmem_cache_init() to cover kmalloc too */
extern bool slab_debug;

/*
 * Introspection. show_slabinfo() prints /proc/slabinfo's format (version 2.1) plus an
 * "overhead" group: metadata+padding bytes per object and leftover bytes per slab.
 */
struct slabinfo {
	unsigned long active_objs;	/* handed out and not freed */
	unsigned long num_objs;		/* capacity of all slabs */
	unsigned long active_slabs;	/* full + partial */
	unsigned long num_slabs;
	unsigned long full_slabs, partial_slabs, free_slabs;
	unsigned int objsize;		/* object size asked for */
	unsigned int chunk;		/* bytes per object in the slab (size + padding) */
	unsigned int objperslab;
	unsigned int pagesperslab;
	unsigned int limit, batchcount, avail;	/* the array of hot objects */
	unsigned int colours;		/* Linux's leftover / colour_off; 0 and 1: offset 0 only */
	unsigned int colour_off;	/* bytes between two colours */
	unsigned int overhead_per_obj;	/* chunk - objsize + descriptor share, in bytes */
	unsigned int waste_per_slab;	/* leftover bytes no object can use */
	unsigned long lost_per_slab;	/* bytes not holding objects, descriptor included */
	bool off_slab;			/* slab descriptor kept outside the slab */
	unsigned long flags;
};
void get_slabinfo(struct kmem_cache *cachep, struct slabinfo *info);
void show_slabinfo(void);
struct seq_file;
void slabinfo_show(struct seq_file *m);	/* the same into a seq_file (/proc/slabinfo) */

/* Byte offset of the first object of the slab holding objp (its colour), or -1. */
long slab_colour_of(const void *objp);

/* Walk every slab of the cache and check its invariants; returns the number of errors. */
int kmem_cache_validate(struct kmem_cache *cachep);
int slab_validate_all(void);		/* kmem_cache_validate() of every cache */

/* Totals over cache_chain, for meminfo and leak checks. */
unsigned long nr_slab_pages(void);	/* pages held by slabs, free slabs included */
unsigned long nr_slab_objects(void);	/* objects handed out to users, not freed */

#endif /* _SLAB_H */

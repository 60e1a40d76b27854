/*
 * Memory pools (mm/mempool.c): a reserve of preallocated elements for callers that
 * must make progress when memory runs out (Linux's <linux/mempool.h>).
 *
 * mempool_alloc() asks the underlying allocator first and uses the reserve only when
 * that fails; mempool_free() refills the reserve before giving anything back. So a pool
 * of min_nr elements guarantees min_nr allocations in flight whatever the page
 * allocator does, provided every element comes back with mempool_free().
 *
 * The kernel cannot sleep yet, so where Linux would wait for an element to be freed,
 * mempool_alloc() returns NULL: size min_nr for the worst case.
 */
#ifndef _MEMPOOL_H
#define _MEMPOOL_H

#include "types.h"
#include "gfp.h"

struct kmem_cache;

typedef void *(mempool_alloc_t)(gfp_t gfp_mask, void *pool_data);
typedef void (mempool_free_t)(void *element, void *pool_data);

typedef struct mempool {
	int min_nr;		/* elements the reserve holds when full */
	int curr_nr;		/* elements in the reserve now */
	void **elements;	/* the reserve, used as a stack */
	void *pool_data;
	mempool_alloc_t *alloc;
	mempool_free_t *free;
} mempool_t;

mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			  void *pool_data);
void mempool_destroy(mempool_t *pool);
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask);
void mempool_free(void *element, mempool_t *pool);
int mempool_resize(mempool_t *pool, int new_min_nr);	/* 0 or -ENOMEM/-EINVAL */

/* Elements from a slab cache; pool_data is the struct kmem_cache *. */
void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data);
void mempool_free_slab(void *element, void *pool_data);

static inline mempool_t *mempool_create_slab_pool(int min_nr, struct kmem_cache *kc)
{
	return mempool_create(min_nr, mempool_alloc_slab, mempool_free_slab, kc);
}

/* Elements from kmalloc; pool_data is the element size. */
void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kfree(void *element, void *pool_data);

static inline mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size)
{
	return mempool_create(min_nr, mempool_kmalloc, mempool_kfree, (void *)size);
}

/* Elements are struct page * blocks of 2^order pages; pool_data is the order. */
void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data);
void mempool_free_pages(void *element, void *pool_data);

static inline mempool_t *mempool_create_page_pool(int min_nr, int order)
{
	return mempool_create(min_nr, mempool_alloc_pages, mempool_free_pages,
			      (void *)(long)order);
}

#endif /* _MEMPOOL_H */

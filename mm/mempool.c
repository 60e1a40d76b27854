/*
 * Memory pools: guaranteed allocations for code that must not fail for want of memory.
 *
 * Problem. Some callers (a driver finishing an I/O that frees memory, the page-fault
 * path) must get their object even when the system is short of memory, or they
 * cannot make the progress that would free some.
 *
 * Data structure. A mempool_t holds a reserve of min_nr elements, taken from the
 * underlying allocator (a slab cache, kmalloc, or the page allocator) when the pool is
 * created and kept in a stack, pool->elements. The reserve is the last resort, not
 * the first: mempool_alloc() asks the allocator first (without reclaim, so as not to
 * stall when the reserve could answer), then pops the reserve, then tries the allocator
 * once more with the caller's full flags. mempool_free() pushes an element back onto
 * the reserve if it is short, else returns it to the allocator.
 *
 * Trade-off. Using the reserve first would make the pool a private free list that
 * hoards memory the rest of the kernel could use; Linux, and this file, keep the
 * reserve untouched in good times. Linux then sleeps until an element comes back;
 * this kernel cannot sleep yet, so the last step fails instead.
 *
 * Relies on: kmalloc/kfree, kmem_cache_alloc/free (slab.h), alloc_pages (gfp.h).
 */
#include "mempool.h"
#include "slab.h"
#include "gfp.h"
#include "uapi/errno.h"
#include "kernel.h"
#include "printk.h"

static void add_element(mempool_t *pool, void *element)
{
	BUG_ON(pool->curr_nr >= pool->min_nr);
	pool->elements[pool->curr_nr++] = element;
}

static void *remove_element(mempool_t *pool)
{
	BUG_ON(pool->curr_nr <= 0);
	return pool->elements[--pool->curr_nr];
}

mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			  void *pool_data)
{
	mempool_t *pool;

	if (min_nr < 0 || !alloc_fn || !free_fn) {
		pr_err("mempool_create: bad arguments (min_nr %d)\n", min_nr);
		return NULL;
	}
	pool = kzalloc(sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return NULL;
	pool->elements = kmalloc_array(min_nr, sizeof(void *), GFP_KERNEL);
	if (!pool->elements) {
		kfree(pool);
		return NULL;
	}
	pool->min_nr = min_nr;
	pool->pool_data = pool_data;
	pool->alloc = alloc_fn;
	pool->free = free_fn;

	while (pool->curr_nr < pool->min_nr) {
		void *element = pool->alloc(GFP_KERNEL, pool->pool_data);

		if (!element) {
			mempool_destroy(pool);
			return NULL;
		}
		add_element(pool, element);
	}
	return pool;
}

/* Frees the reserve and the pool. Elements still out are the caller's to free first. */
void mempool_destroy(mempool_t *pool)
{
	if (!pool)
		return;
	while (pool->curr_nr)
		pool->free(remove_element(pool), pool->pool_data);
	kfree(pool->elements);
	kfree(pool);
}

void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask)
{
	gfp_t gfp_temp;
	void *element;

	/* A reserved element is not zeroed: the pool cannot know what it holds. */
	if (WARN_ON(gfp_mask & __GFP_ZERO))
		gfp_mask &= ~__GFP_ZERO;
	gfp_temp = (gfp_mask & ~(__GFP_RECLAIM | __GFP_IO)) | __GFP_NOWARN;

	element = pool->alloc(gfp_temp, pool->pool_data);
	if (likely(element))
		return element;
	if (pool->curr_nr)
		return remove_element(pool);
	if (gfp_temp != gfp_mask)
		return pool->alloc(gfp_mask, pool->pool_data);
	return NULL;
}

void mempool_free(void *element, mempool_t *pool)
{
	if (unlikely(!element))
		return;
	if (pool->curr_nr < pool->min_nr)
		add_element(pool, element);
	else
		pool->free(element, pool->pool_data);
}

/*
 * Change min_nr. Shrinking frees the surplus reserve at once; growing allocates the new
 * elements now, so that the guarantee holds when this returns 0.
 */
int mempool_resize(mempool_t *pool, int new_min_nr)
{
	void **elements;

	if (new_min_nr < 0)
		return -EINVAL;
	while (pool->curr_nr > new_min_nr)
		pool->free(remove_element(pool), pool->pool_data);
	if (new_min_nr > pool->min_nr) {
		elements = krealloc(pool->elements, new_min_nr * sizeof(void *), GFP_KERNEL);
		if (!elements)
			return -ENOMEM;
		pool->elements = elements;
	}
	pool->min_nr = new_min_nr;
	while (pool->curr_nr < pool->min_nr) {
		void *element = pool->alloc(GFP_KERNEL, pool->pool_data);

		if (!element)
			return -ENOMEM;
		add_element(pool, element);
	}
	return 0;
}

void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data)
{
	return kmem_cache_alloc(pool_data, gfp_mask);
}

void mempool_free_slab(void *element, void *pool_data)
{
	kmem_cache_free(pool_data, element);
}

void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data)
{
	return kmalloc((size_t)pool_data, gfp_mask);
}

void mempool_kfree(void *element, void *pool_data)
{
	(void)pool_data;
	kfree(element);
}

void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data)
{
	return alloc_pages(gfp_mask, (unsigned int)(long)pool_data);
}

void mempool_free_pages(void *element, void *pool_data)
{
	__free_pages(element, (unsigned int)(long)pool_data);
}

/*
 * kmalloc: memory by size, on top of the slab allocator (mm/slab.c).
 *
 * The general caches kmalloc-8 ... kmalloc-131072 are ordinary kmem_caches, one per
 * power of two plus the two odd sizes 96 and 192 (as in Linux), created at boot by
 * kmem_cache_init() through create_kmalloc_caches(). kmalloc(size) picks the smallest
 * that fits: for sizes up to 192, the common case, one load from kmalloc_small; above,
 * by the highest bit of size - 1. Bigger requests, up to KMALLOC_MAX_SIZE, are compound
 * blocks straight from the buddy allocator. kfree() tells the two apart by the object's
 * struct page (PG_slab), so objects carry no header.
 *
 * Trade-off: above 192 bytes, power-of-two sizes waste up to half a chunk (a 257-byte
 * request takes 512), against a handful of caches that stay warm and a lookup without
 * a search. The fast path is the slab allocator's own, inlined (slab_alloc/slab_free
 * from slab_internal.h): a kmalloc+kfree pair costs a kmem_cache pair plus the size
 * check and table load on the way in, and the struct page lookup on the way out.
 *
 * Relies on: the slab allocator's fast paths and create_boot_cache (slab_internal.h),
 * alloc_pages/__free_pages and struct page (gfp.h, mm.h), printk, memcpy.
 * Used by: everything that allocates by size; mm/slab.c for off-slab descriptors.
 */
#include "slab_internal.h"
#include "string.h"
#include "kernel.h"
#include "printk.h"

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
		pr_report(KERN_ERR "kfree: %p is not a live kmalloc object, caller %p\n", objp,
		       frame_caller(frame));
		return;
	}
	__free_pages(page, page->private);
}

static __noinline void kfree_debug(void *frame, const void *objp)
{
	struct page *page;

	if (!virt_addr_valid(objp)) {
		pr_report(KERN_ERR "kfree: %p is not a kmalloc address, caller %p\n", objp,
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

	/* Power-of-two sizes are naturally aligned, as Linux guarantees. */
	if (idx >= KMALLOC_SHIFT_LOW)
		align = min(size, PAGE_SIZE);
	kmalloc_caches[idx] = create_boot_cache(kmalloc_names[idx], size, align, flags);
}

/* The general caches, once kmem_cache_init() has set up cache_cache. */
void create_kmalloc_caches(unsigned long flags)
{
	static const unsigned int small[] = { 3, 4, 5, 6, 1, 7, 2 };	/* 8 .. 192 */
	size_t covered = 0;
	unsigned int i;

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
}

/*
 * The slab allocator's debug mode and its validator.
 *
 * Debug mode (slab_debug, set by slab_debug_enable() before kmem_cache_init(), adds
 * SLAB_DEBUG_FLAGS to every cache created while it is on). A debug cache has no array
 * of hot objects, so every alloc and free takes the slow path (mm/slab.c), which calls
 * debug_alloc() and debug_free() here; the fast path pays nothing. Free objects are
 * poisoned (POISON_FREE) and checked when handed out again (use after free); red zones
 * before and after each object catch overruns when it is freed; a free of an object
 * that is already free, lies in another cache, or is not an object start is reported
 * with the cache, the object and the caller (and, with SLAB_STORE_USER, who last
 * allocated and freed it), and refused.
 *
 * The validator (kmem_cache_validate, slab_validate_all) walks every slab of a cache and
 * checks what mm/slab.c promises: page marks, list membership by inuse, the free chain,
 * the counters, the array, and in debug caches poison and red zones. Tests call it after
 * every case; no normal path does. It reads only and reports each broken rule.
 *
 * Relies on: the cache and slab layout (slab_internal.h), virt_to_page/virt_addr_valid
 * (mm.h), printk/vsnprintf, memset.
 */
#include "slab_internal.h"
#include "kernel.h"
#include "printk.h"

bool slab_debug;

void slab_debug_enable(bool on)
{
	slab_debug = on;
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

/* ---- debug checks (slow path only) ------------------------------------------------- */

static __printf(4, 5) void slab_report(struct kmem_cache *cachep, const void *objp,
				       void *caller, const char *fmt, ...)
{
	char what[96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	pr_report(KERN_ERR "slab %s: %s: object %p, caller %p\n", cachep ? cachep->name : "?",
		  what, objp, caller);
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
void debug_alloc(struct kmem_cache *cachep, void *objp, void *caller)
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
bool debug_free(struct kmem_cache *cachep, void *objp, void *caller)
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
	if (slabp->colour && slabp->colour >= cachep->colour)	/* colour 0 is always valid */
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

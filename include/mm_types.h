/*
 * struct page: one for every physical page frame, all of them in the mem_map array.
 *
 * Which fields mean what depends on who owns the page, as in Linux:
 *  - free in the buddy allocator (PG_buddy): lru links it on a free list, private is the
 *    order of the free block it heads;
 *  - a compound allocation (PG_head on the first page): private is its order;
 *  - a slab page (PG_slab): slab_cache and slab point at the owning cache and the slab
 *    descriptor, so kfree() finds the cache from any object's page with no header;
 *  - a user page: _mapcount counts the page-table entries that map it.
 * The struct stays at most 32 bytes on i386 (checked at build time in page_alloc.c), so
 * mem_map costs 0.8 % of RAM.
 */
#ifndef _MM_TYPES_H
#define _MM_TYPES_H

#include "types.h"
#include "list.h"

struct kmem_cache;

struct page {
	unsigned long flags;		/* PG_* bits below; zone number in the top bits */
	int _refcount;			/* 0 while free */
	int _mapcount;			/* user mappings of this page, starts at 0 */
	unsigned long private;		/* buddy/compound: order */
	struct list_head lru;		/* buddy free list, or the slab's list in its cache */
	union {
		struct {		/* PG_slab */
			struct kmem_cache *slab_cache;
			void *slab;
		};
		struct {		/* pages behind a vmalloc area or pkmap */
			void *virtual;	/* kernel address while kmap'ed (HighMem) */
			void *vm_area;
		};
	};
};

/* Page flag bits. */
enum pageflags {
	PG_reserved,	/* never handed to the buddy allocator: BIOS, kernel image, mem_map */
	PG_buddy,	/* heads a free block on a buddy free list */
	PG_slab,	/* belongs to a slab */
	PG_head,	/* first page of a compound (multi-page kmalloc) allocation */
	PG_dirty,
	NR_PAGEFLAGS
};

#define ZONES_SHIFT	2
#define ZONES_PGSHIFT	(sizeof(unsigned long) * 8 - ZONES_SHIFT)

static inline bool test_page_flag(const struct page *p, int bit)
{
	return (p->flags >> bit) & 1;
}

static inline void set_page_flag(struct page *p, int bit)
{
	p->flags |= 1UL << bit;
}

static inline void clear_page_flag(struct page *p, int bit)
{
	p->flags &= ~(1UL << bit);
}

#define PageReserved(p)		test_page_flag(p, PG_reserved)
#define SetPageReserved(p)	set_page_flag(p, PG_reserved)
#define ClearPageReserved(p)	clear_page_flag(p, PG_reserved)
#define PageBuddy(p)		test_page_flag(p, PG_buddy)
#define PageSlab(p)		test_page_flag(p, PG_slab)
#define __SetPageSlab(p)	set_page_flag(p, PG_slab)
#define __ClearPageSlab(p)	clear_page_flag(p, PG_slab)
#define PageHead(p)		test_page_flag(p, PG_head)

static inline int page_count(const struct page *p)
{
	return p->_refcount;
}

#endif /* _MM_TYPES_H */

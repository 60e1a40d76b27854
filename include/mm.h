/*
 * The core memory-management interface: converting between struct page, page frame
 * numbers and addresses, and the counters the self-tests use to prove nothing leaked.
 *
 * mem_map[pfn] is the struct page of physical frame pfn, for every frame from 0 to
 * max_pfn (holes included, marked PG_reserved). Only low-memory pages (pfn < max_low_pfn)
 * have a permanent kernel address; page_address() of a HighMem page is its kmap address
 * if it is mapped right now, else NULL.
 */
#ifndef _MM_H
#define _MM_H

#include "types.h"
#include "mm_types.h"
#include "gfp.h"
#include "asm/page.h"

extern struct page *mem_map;
extern unsigned long max_pfn;		/* one past the highest usable frame */
extern unsigned long max_low_pfn;	/* one past the last low-memory (direct-mapped) frame */
extern void *high_memory;		/* __va(max_low_pfn << PAGE_SHIFT) */

#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define pfn_to_page(pfn)	(mem_map + (pfn))
#define virt_to_page(kaddr)	pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define virt_addr_valid(kaddr)	((uintptr_t)(kaddr) >= PAGE_OFFSET && \
				 (uintptr_t)(kaddr) < (uintptr_t)high_memory)

static inline bool PageHighMem(const struct page *page)
{
	return page_to_pfn(page) >= max_low_pfn;
}

void *page_address(const struct page *page);

/* Counters (mm/page_alloc.c). */
unsigned long nr_free_pages(void);	/* free pages in all zones */
unsigned long totalram_pages(void);	/* pages handed to the buddy allocator */

/*
 * get_page/put_page: the reference count, which alone decides when a page is freed.
 * Mapping a page in a page table takes a reference besides the mapcount (mm/rmap.c
 * counts mappings, never frees).
 */
static inline void get_page(struct page *page)
{
	page->_refcount++;
}
void __put_page(struct page *page);	/* the last reference: checks and frees */

/*
 * Drops a reference; the last one frees the page. A page fork shares has more than one
 * (every exit and COW copy drops one of them), so that case is inline and checks nothing
 * the slow path would: a count above 1 cannot be a double free.
 */
static inline void put_page(struct page *page)
{
	if (likely(page->_refcount > 1)) {
		page->_refcount--;
		return;
	}
	__put_page(page);
}

/* The page-table entries that map page (Linux: _mapcount starts at -1). */
static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount + 1;
}

static inline bool page_mapped(const struct page *page)
{
	return page->_mapcount >= 0;
}

#endif /* _MM_H */

/*
 * Page allocation flags and the buddy allocator's interface (mm/page_alloc.c).
 *
 * The zone modifiers say where a page may come from: __GFP_DMA only from ZONE_DMA,
 * __GFP_HIGHMEM from any zone, preferring HighMem; neither means ZONE_NORMAL then DMA.
 * The fallback only ever goes towards lower zones: a GFP_KERNEL caller needs an address
 * in the direct map, so it must never get a HighMem page.
 */
#ifndef _GFP_H
#define _GFP_H

#include "types.h"
#include "mm_types.h"

#define __GFP_DMA	0x01u	/* ZONE_DMA only (below 16 MiB) */
#define __GFP_HIGHMEM	0x02u	/* HighMem allowed and preferred */
#define __GFP_RECLAIM	0x10u	/* may call shrinkers (slab reaping) before failing */
#define __GFP_IO	0x40u
#define __GFP_FS	0x80u
#define __GFP_ZERO	0x100u	/* return zero-filled pages */
#define __GFP_NOWARN	0x200u	/* no message on failure */
#define __GFP_COMP	0x4000u	/* mark a multi-page block as one compound page */

#define GFP_ATOMIC	0u
#define GFP_NOWAIT	0u
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_USER	GFP_KERNEL
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)
#define GFP_DMA		__GFP_DMA

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define __free_page(page)	__free_pages(page, 0)
#define free_page(addr)		free_pages(addr, 0)

/*
 * Fault injection (Linux's fail_page_alloc idea), for tests: the next nr calls to
 * alloc_pages() fail as if memory were exhausted; ~0UL fails every call until reset
 * with 0. Lets a test prove that a caller (mempool, slab growth) survives failure.
 */
void fail_page_alloc_set(unsigned long nr);

#endif /* _GFP_H */

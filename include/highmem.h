/*
 * Reaching HighMem: temporary kernel mappings of pages that have no permanent address
 * (mm/highmem.c). See docs/highmem.md for the whole picture.
 *
 * Only the first max_low_pfn frames (at most 896 MiB) are in the direct map; a page
 * above that (PageHighMem) must be mapped before the kernel can touch it. Two kinds of
 * temporary mapping, with Linux's names:
 *
 *   kmap(page) / kunmap(page)
 *	A "persistent" mapping in the pkmap window [PKMAP_BASE, PKMAP_BASE + LAST_PKMAP
 *	pages). Reference counted per page: kmap of a page that is already mapped returns
 *	the same address; page_address(page) returns it while the page is mapped. The
 *	window has LAST_PKMAP (1024) entries; an entry whose users have all gone stays
 *	mapped until the window runs out, then all such entries are flushed at once (one
 *	TLB flush pass for many unmaps). Linux sleeps when every entry is in use; nothing
 *	sleeps here, so kmap() then reports it and returns NULL. Not for interrupt context.
 *
 *   kmap_atomic(page) / kunmap_atomic(addr)
 *	One of KM_TYPE_NR fixmap slots (FIX_KMAP_BEGIN..FIX_KMAP_END), taken as a stack:
 *	each kmap_atomic pushes a slot, each kunmap_atomic must pop the most recent one
 *	(LIFO; an out-of-order unmap is reported and ignored). Cheap (one pte, one invlpg)
 *	and usable anywhere, interrupt handlers included, as long as the mapping is
 *	released before anything that could sleep or switch tasks: the slot belongs to
 *	the CPU, not to the caller. Nothing in this kernel sleeps yet, so the rule is not
 *	checked; keep to it anyway, as Linux requires it (it disables preemption and page
 *	faults between the two calls).
 *
 * For a low-memory page all of these need no mapping at all: they return the page's
 * direct-map address, and the unmap calls do nothing.
 */
#ifndef _HIGHMEM_H
#define _HIGHMEM_H

#include "types.h"
#include "mm.h"
#include "asm/fixmap.h"

/* Which pkmap entry an address is, and the address of an entry. */
#define PKMAP_NR(virt)	(((unsigned long)(virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)	(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))

void *kmap(struct page *page);		/* NULL (with a message) if the window is full */
void kunmap(struct page *page);

void *kmap_atomic(struct page *page);	/* NULL (with a message) if nested too deep */
void *kmap_atomic_pfn(unsigned long pfn);	/* always a fixmap slot, even for low memory */
void kunmap_atomic(void *addr);

/* Zero or copy a page of any zone, through kmap_atomic when it is HighMem. */
void clear_highpage(struct page *page);
void copy_highpage(struct page *to, struct page *from);

/* For tests and reports: users of the page's pkmap entry (0 if it has none). */
unsigned int kmap_users(const struct page *page);
int kmap_atomic_depth(void);		/* kmap_atomic slots in use now */

/* Counters for the boot log and tests. */
unsigned long nr_highmem_pages(void);	/* max_pfn - max_low_pfn: frames above the direct map */

/*
 * Boot: registers clear_highpage() with the buddy allocator so __GFP_ZERO works for
 * HighMem pages. Call once, after the page allocator is up.
 */
void highmem_init(void);

#endif /* _HIGHMEM_H */

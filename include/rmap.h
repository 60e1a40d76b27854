/*
 * Reverse-map accounting (mm/rmap.c): how many page-table entries map a page.
 *
 * As in Linux, these only count. page->_mapcount starts at -1 (no mapping, set when
 * mem_map is built and kept by every free page), so page_mapcount() = _mapcount + 1.
 * Who maps a page also holds a reference (get_page/put_page, mm.h), and dropping the
 * last reference is what frees it; the callers keep rss. The order a zap follows is
 * Linux's: clear the pte, page_remove_rmap(), rss--, put_page().
 *
 * An anonymous page is marked as such in page->mapping (PAGE_MAPPING_ANON) with its
 * linear index in page->index, Linux's way: the anon_vma that fork will need takes the
 * pointer's other bits later. mapping is cleared when the last mapping goes (no swap
 * cache holds a page yet). The shared zero page is never counted (mm/memory.c).
 */
#ifndef _RMAP_H
#define _RMAP_H

#include "mm_types.h"

/* A page just allocated for vma at address, mapped for the first time. */
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address);
/* One more mapping of an anonymous page that is mapped already (fork, later). */
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address);
/* One mapping fewer. Does not free: the caller's put_page() does. */
void __page_remove_rmap_bad(struct page *page);	/* the "Bad page map" report */

/* One pte less maps page; the last one gone, the page leaves its mapping (mm/rmap.c). */
static inline void page_remove_rmap(struct page *page)
{
	if (unlikely(page->_mapcount < 0)) {
		__page_remove_rmap_bad(page);
		return;
	}
	/*
	 * The last mapping gone: nothing else holds an anonymous page yet (no swap cache),
	 * so it leaves its mapping now, as Linux's free path would clear it. mapping shares
	 * its word with page->virtual, which a later vmalloc or kmap owner reads.
	 */
	if (--page->_mapcount < 0)
		page->mapping = NULL;
}
/* fork: one more pte maps a page already mapped (dup_mmap's copy of the parent's pte). */
static inline void page_dup_rmap(struct page *page)
{
	page->_mapcount++;
}

#endif /* _RMAP_H */

/*
 * A fake page allocator for the host tests that are not about the page allocator: the
 * slab and mempool tests and the address-space tests (tests/host/fake_page_alloc.c).
 * The buddy and vmalloc tests use the real one (host_buddy.h).
 *
 * It plays the interface of mm/page_alloc.c (gfp.h, mm.h, shrinker.h) over a malloc'ed
 * arena aligned to 4 MiB; host_page_offset is the arena's address, so __pa/__va,
 * page_to_phys and virt_to_page work unchanged. Pages it does not hand out are poisoned
 * for AddressSanitizer, and pages handed out without __GFP_ZERO are filled with 0xa7,
 * so code that touches a page it gave back, or counts on a page being zero, is caught.
 */
#ifndef _FAKE_PAGE_ALLOC_H
#define _FAKE_PAGE_ALLOC_H

#include "types.h"

/*
 * A fresh machine of `pages` pages (rounded up to 1024), all free; may be called again
 * for a fresh one of the same size. Fault injection is switched off.
 */
void fake_mem_init(unsigned long pages);
unsigned long fake_total_pages(void);
unsigned long fake_fail_count(void);	/* alloc_pages() calls failed by fail_page_alloc_set */
void fake_set_scribble(bool on);	/* fill new pages with 0xa7 (default on) */
void host_fail_page_alloc_nth(unsigned long nth);	/* the nth next alloc_pages() fails */
extern unsigned long host_totalram;	/* what totalram_pages() reports (overcommit) */

#endif /* _FAKE_PAGE_ALLOC_H */

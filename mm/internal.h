/*
 * Internals shared by the files of the page allocator, as Linux's mm/internal.h:
 *	mm/page_alloc.c		the buddy allocator proper (free lists, pcp, alloc/free)
 *	mm/mm_init.c		zones and mem_map at boot, the first hand-over of free memory
 *	mm/page_alloc_check.c	the invariant checker check_page_alloc()
 * Nothing outside mm/ includes this: other layers use gfp.h, mmzone.h and mm.h. Only
 * what two of those files really share is here; the rest stays static in its file.
 *
 * Relies on: struct page (mm_types.h), mem_map (mm.h), zones (mmzone.h), and on the
 * interrupt flag (asm/x86.h) for the zone lock.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include "mm.h"
#include "mmzone.h"
#ifndef HOST_TEST
#include "asm/x86.h"
#endif

/* Flags that must be clear for the fast free path; PG_head takes the slow one. */
#define PAGE_FLAGS_MASK		((1UL << NR_PAGEFLAGS) - 1)
/* Flags that make a free a bug. */
#define PAGE_FLAGS_BAD_AT_FREE	((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_slab))

/*
 * Concurrency (docs/concurrency.md). One CPU, a non-preemptive kernel: no task switch
 * can happen inside the allocator. But an interrupt handler may allocate pages with
 * GFP_ATOMIC (the only allocation allowed in interrupt context; never from the slab),
 * so the free lists and counters change only with interrupts off: zone_lock() is
 * spin_lock_irqsave() on one CPU, without the held flag (the locked regions call
 * nothing that could take it again, and the fast path cannot afford the check).
 * Host tests have no interrupts.
 *
 * alloc_might_sleep(): a sleeping allocation (__GFP_RECLAIM, as GFP_KERNEL) with
 * interrupts off, or in an interrupt handler (whose interrupts are off), is reported
 * by might_sleep(). The fast path tests only the flags zone_lock() already saved
 * (two instructions when interrupts are on); the slow path checks everything.
 */
#ifdef HOST_TEST
#define alloc_might_sleep(gfp, flags)	do { } while (0)
#define alloc_might_sleep_slow(gfp)	do { } while (0)
#else
#include "preempt.h"
#define alloc_might_sleep(gfp, flags) do {					\
	if (unlikely(irqs_disabled_flags(flags)) && ((gfp) & __GFP_RECLAIM))	\
		might_sleep();							\
} while (0)
#define alloc_might_sleep_slow(gfp)	might_sleep_if((gfp) & __GFP_RECLAIM)
#endif

#ifdef HOST_TEST
static inline unsigned long zone_lock(void)
{
	return 0;
}

static inline void zone_unlock(unsigned long flags)
{
	(void)flags;
}
#else
static inline unsigned long zone_lock(void)
{
	return local_irq_save();
}

static inline void zone_unlock(unsigned long flags)
{
	local_irq_restore(flags);
}
#endif

/* Is the page at buddy_pfn the head of a free block we may merge with? */
static inline bool page_is_buddy(struct zone *zone, unsigned long buddy_pfn, unsigned int order)
{
	struct page *buddy;

	if (!zone_spans_pfn(zone, buddy_pfn))	/* also keeps us inside mem_map */
		return false;
	buddy = pfn_to_page(buddy_pfn);
	return PageBuddy(buddy) && buddy->private == order;
}

/* mm/page_alloc.c: the allocator's side of boot-time set-up and bad-free reports. */
void build_fast_zones(void);		/* after any change to a zone's managed_pages */
void __free_pages_core(struct zone *zone, unsigned long pfn, unsigned int order);
void bad_free(unsigned long pfn, unsigned int order, const char *what);

#endif /* _MM_INTERNAL_H */

/*
 * walk_page_range(): one walk over the page tables of a range, with callbacks (Linux's
 * include/linux/pagewalk.h, cut down to the two levels an i386 without PAE has).
 *
 * The walk goes pgd -> (folded) pmd -> pte over [start, end), both page aligned. For
 * every entry that is not empty (!pte_none) in a page table that exists it calls
 * ops->pte_entry; for a stretch whose page table does not exist it calls ops->pte_hole
 * once for the whole stretch (at most up to the next 4 MiB boundary). Unlike Linux's,
 * the walk skips empty entries itself: every callback here ignores them, and a call
 * for each made munmap of one page 5 % dearer than the loop the walk replaced.
 * Either callback may be NULL. A callback returning non-zero stops the walk, and
 * walk_page_range returns that value; otherwise it returns 0.
 *
 * The walk allocates nothing and changes nothing by itself; the callbacks own the TLB
 * flushes their changes need.
 */
#ifndef _PAGEWALK_H
#define _PAGEWALK_H

#include "pgtable.h"

struct mm_walk;

struct mm_walk_ops {
	/* One entry, not empty: pte maps [addr, next) (one page). */
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	/* No page table for [addr, next); depth is the level that is missing (3: the pmd). */
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth,
			struct mm_walk *walk);
};

struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	void *private;		/* the caller's, for its callbacks */
};

int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private);

#endif /* _PAGEWALK_H */

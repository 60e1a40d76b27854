/*
 * The one page-table walk of a range (include/pagewalk.h): zap_page_range,
 * change_protection and move_page_range (mm/memory.c) are its callbacks.
 *
 * It reads as Linux's generic walk, one function per level: walk_pgd_range steps over
 * 4 MiB directory entries, walk_pmd_range over the (folded) pmd, walk_pte_range over
 * the ptes of one table. start and end are page aligned (every caller's are: areas'
 * bounds); an empty range walks nothing.
 *
 * The three levels are inlined into walk_page_range: munmap of one page pays for one
 * call and the callbacks, not a call per level.
 *
 * Relies on: asm/pgtable.h for the entries and the folded pmd, mm->pgd.
 */
#include <pagewalk.h>
#include <mm_types.h>

static __always_inline int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	int (*pte_entry)(pte_t *, unsigned long, unsigned long, struct mm_walk *) =
		walk->ops->pte_entry;
	pte_t *mapped = pte_offset_map(pmd, addr), *pte = mapped;
	int err = 0;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (pte_none(*pte))
			continue;
		err = pte_entry(pte, addr, addr + PAGE_SIZE, walk);
		if (err)
			break;
	}
	pte_unmap(mapped);
	return err;
}

static __always_inline int walk_pmd_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pmd_t *pmd = pmd_offset(pgd, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_present(*pmd)) {
			if (walk->ops->pte_hole)
				err = walk->ops->pte_hole(addr, next, 3, walk);
		} else if (walk->ops->pte_entry) {
			err = walk_pte_range(pmd, addr, next, walk);
		}
		if (err)
			break;
	} while (pmd++, addr = next, addr != end);
	return err;
}

static __always_inline int walk_pgd_range(unsigned long addr, unsigned long end, struct mm_walk *walk)
{
	pgd_t *pgd = pgd_offset(walk->mm, addr);
	unsigned long next;
	int err;

	do {
		next = pgd_addr_end(addr, end);
		/* pgd_none is never true on its own: the folded pmd decides. */
		err = walk_pmd_range(pgd, addr, next, walk);
		if (err)
			break;
	} while (pgd++, addr = next, addr != end);
	return err;
}

int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = mm, .private = private };

	if (start >= end)
		return 0;
	return walk_pgd_range(start, end, &walk);
}

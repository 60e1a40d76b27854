/*
 * mprotect: change the rights of a range of memory.
 *
 * The range may cover several areas and parts of areas. Each area it touches is cut at
 * the range's ends (split_vma), given the new flags and page protection, and its pages
 * already in memory get the new rights in their ptes (change_protection); then it is
 * merged again with neighbours that now look the same. Pages made PROT_NONE stay in
 * memory, hidden in a not-present pte, so mprotect back to PROT_READ finds the data.
 *
 * Linux's answers: an unaligned start is -EINVAL, a zero length succeeds at once, an
 * unknown PROT_ bit is -EINVAL, a range that is not entirely mapped is -ENOMEM (the
 * areas before the hole have been changed by then, as in Linux). Making a private
 * area writable charges it to overcommit (VM_ACCOUNT) and counts it against
 * RLIMIT_DATA: -ENOMEM when either refuses, the area unchanged.
 *
 * Relies on: mm/vma.c, walk_page_range (mm/pagewalk.c) for change_protection,
 * may_expand_vm (mm/mmap.c), security_vm_enough_memory_mm (mm/util.c).
 */
#include <mmap.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include <sched.h>
#include <syscalls.h>
#include <pagewalk.h>

#define PROT_SEM	0x8		/* accepted and ignored, as on x86 */
#define PROT_GROWSDOWN	0x01000000
#define PROT_GROWSUP	0x02000000

static int mprotect_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
			  unsigned long start, unsigned long end, unsigned long newflags)
{
	unsigned long oldflags = vma->vm_flags, pages = (end - start) >> PAGE_SHIFT;
	int err;

	if (newflags == oldflags)
		return 0;
	/*
	 * Making private memory writable promises it: check the data limit and charge it
	 * (VM_ACCOUNT), as Linux does. Making it read-only again does not give the charge
	 * back (Linux keeps no finer account either).
	 */
	if (newflags & VM_WRITE) {
		if (!may_expand_vm(mm, newflags, pages) && may_expand_vm(mm, oldflags, pages))
			return -ENOMEM;
		if (!(oldflags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
			if (security_vm_enough_memory_mm(mm, pages))
				return -ENOMEM;
			newflags |= VM_ACCOUNT;
		}
	}
	if (start > vma->vm_start) {
		err = split_vma(mm, vma, start, 1);	/* vma keeps [start, ...) */
		if (err)
			return err;
	}
	if (end < vma->vm_end) {
		err = split_vma(mm, vma, end, 0);	/* vma keeps [..., end) */
		if (err) {
			vma_merge_neighbours(mm, vma);	/* undo the first cut */
			return err;
		}
	}
	vma_set_flags(mm, vma, newflags);	/* the counters follow, VM_ACCOUNT's charge too */
	change_protection(mm, start, end, newflags);
	/* A locked private area made writable: fault its pages writable now, as Linux. */
	if ((oldflags & (VM_WRITE | VM_SHARED | VM_LOCKED)) == VM_LOCKED &&
	    (newflags & VM_WRITE))
		populate_vma_page_range(vma, start, end);
	vma_merge_neighbours(mm, vma);
	return 0;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, nstart, vm_prot;
	struct vm_area_struct *vma;
	int err = 0;

	prot &= ~grows;
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		/* Apply to the whole stack area below start too. */
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
		start = vma->vm_start;
	} else if (grows & PROT_GROWSUP) {
		return -EINVAL;		/* no VM_GROWSUP areas on x86 */
	} else if (vma->vm_start > start) {
		return -ENOMEM;
	}

	vm_prot = calc_vm_prot_bits(prot);
	nstart = start;
	while (nstart < end) {
		unsigned long newflags, tmp;

		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start > nstart) {
			err = -ENOMEM;	/* a hole */
			break;
		}
		newflags = vm_prot | (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC));
		/* Linux's rule: no right the area may not have (VM_MAY*: [vdso], [vvar]). */
		if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC)) {
			err = -EACCES;
			break;
		}
		tmp = min(vma->vm_end, end);
		err = mprotect_fixup(mm, vma, nstart, tmp, newflags);
		if (err)
			break;
		nstart = tmp;
	}
	return err;
}

long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot)
{
	return do_mprotect(current->mm, start, len, prot);
}

/*
 * ---- The page level: change_protection ----
 *
 * The ptes of [start, end) that hold a page get the new rights; the frame and what the
 * CPU recorded (accessed, dirty) stay. A PROT_NONE area's pages stay in place, hidden
 * (_PAGE_PROTNONE), and the shared zero page's entry never becomes writable, so the
 * first write to it still faults and gets a page of its own (mm/memory.c).
 */

/* The pte flags of a page in an area with these flags; PROT_NONE keeps the page hidden. */
static u32 pte_prot(unsigned long vm_flags)
{
	u32 prot = vm_get_page_prot(vm_flags);

	return prot ? prot : _PAGE_PROTNONE;
}

struct change_prot {
	u32 prot;
	bool cow;		/* a private area: pages fork shares stay read-only */
};

static int change_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	const struct change_prot *cp = walk->private;
	pte_t old = *pte, new;

	(void)next;
	if (!pte_present(old))
		return 0;
	new = pte_modify(old, cp->prot);
	if (is_zero_pfn(pte_pfn(old)))
		new = pte_wrprotect(new);	/* a write must still fault, to allocate */
	else if (cp->cow && page_mapcount(pte_page(old)) > 1)
		new = pte_wrprotect(new);	/* shared with a fork: a write must copy */
	set_pte_at(walk->mm, addr, pte, new);
	if (pte_accessible(old))
		flush_tlb_page(walk->mm->pgd, addr);
	return 0;
}

static const struct mm_walk_ops change_walk_ops = {
	.pte_entry = change_pte_entry,
};

void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	struct change_prot cp = {
		.prot = pte_prot(vm_flags),
		.cow = (vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE,
	};

	walk_page_range(mm, start, end, &change_walk_ops, &cp);
}

/*
 * mremap: resize a mapping, moving it if allowed.
 *
 * Shrinking unmaps the tail in place. Growing first tries in place: the area is simply
 * extended when the addresses above it are free (the new pages arrive zeroed, at fault
 * time, like any others). When they are not, MREMAP_MAYMOVE lets the kernel pick a new
 * range (or take new_addr with MREMAP_FIXED); then the page-table entries are moved,
 * not the data: realloc() of a 1 MiB block costs 256 pte moves, no copying. The old
 * range is unmapped afterwards, unless MREMAP_DONTUNMAP asks to keep it (empty).
 *
 * Linux's answers: unknown flags, MREMAP_FIXED without MREMAP_MAYMOVE, an unaligned
 * old address or a zero new length: -EINVAL. No area at the old address, or an old
 * range running past its area (into a hole or another mapping): -EFAULT. Blocked
 * growth without MREMAP_MAYMOVE: -ENOMEM. Growth counts against RLIMIT_AS and
 * RLIMIT_DATA and is charged to overcommit for VM_ACCOUNT areas (-ENOMEM), and against
 * RLIMIT_MEMLOCK for locked ones (-EAGAIN; root is not limited); a locked area's new
 * pages are populated. An old length of 0 (Linux: duplicate a
 * shared mapping) is -EINVAL here, since anonymous shared memory is kept as private.
 *
 * Relies on: mm/vma.c, do_munmap (mm/mmap.c), walk_page_range (mm/pagewalk.c) for
 * move_page_range.
 */
#include <mmap.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include <resource.h>
#include <sched.h>
#include <syscalls.h>
#include <pagewalk.h>
#include <kernel.h>

/* The area holding [addr, addr + old_len), or an error: the checks of Linux's vma_to_resize. */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm, unsigned long addr,
					    unsigned long old_len, unsigned long new_len,
					    long *err)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long grow;

	*err = -EFAULT;
	if (!vma || vma->vm_start > addr)
		return NULL;
	*err = -EINVAL;
	if (!old_len)
		return NULL;
	*err = -EFAULT;
	if (old_len > vma->vm_end - addr)
		return NULL;
	*err = 0;
	if (new_len <= old_len)
		return vma;
	grow = (new_len - old_len) >> PAGE_SHIFT;
	*err = -EAGAIN;
	if ((vma->vm_flags & VM_LOCKED) && !capable(CAP_IPC_LOCK) &&
	    mm->locked_vm + grow > rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT)
		return NULL;
	*err = -ENOMEM;
	if (!may_expand_vm(mm, vma->vm_flags, grow))
		return NULL;
	if ((vma->vm_flags & VM_ACCOUNT) && security_vm_enough_memory_mm(mm, grow))
		return NULL;
	*err = 0;
	return vma;
}

/* Is there room to extend vma by delta bytes in place? */
static bool vma_expandable(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end || end > mm->task_size)
		return false;
	return !find_vma_intersection(mm, vma->vm_end, end);
}

static unsigned long move_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long old_addr, unsigned long old_len,
			      unsigned long new_len, unsigned long new_addr, unsigned long flags)
{
	/* vma may be extended or merged by vma_merge_new(): keep what is needed from it. */
	unsigned long vm_flags = vma->vm_flags;
	const struct vm_operations_struct *ops = vma->vm_ops;
	unsigned long pgoff = vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT);
	const char *name = vma->vm_name;

	if (mm->map_count >= MAX_MAP_COUNT - 3)
		return -ENOMEM;
	/*
	 * The new area is charged (VM_ACCOUNT) and counted as locked by its creation, the
	 * old range given back by its unmapping: the bookkeeping of mm/vma.c does both.
	 */
	if (!__vma_merge_new(mm, new_addr, new_addr + new_len, vm_flags, ops, pgoff, name))
		return -ENOMEM;
	if (move_page_range(mm, old_addr, new_addr, old_len)) {
		do_munmap(mm, new_addr, new_len);
		return -ENOMEM;
	}
	/*
	 * The old range holds no page any more. If unmapping it fails (no memory to split
	 * an area), it stays mapped and reads zero, as Linux leaves it.
	 */
	if (!(flags & MREMAP_DONTUNMAP))
		do_munmap(mm, old_addr, old_len);
	else if (vm_flags & VM_LOCKED)
		do_munlock(mm, old_addr, old_len);	/* the lock moves with the pages */
	if ((vm_flags & VM_LOCKED) && new_len > old_len)
		mm_populate(mm, new_addr + old_len, new_len - old_len);
	return new_addr;
}

static unsigned long mremap_to(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			       unsigned long new_addr, unsigned long new_len,
			       unsigned long flags)
{
	struct vm_area_struct *vma;
	long err;

	if (flags & MREMAP_FIXED) {
		if (new_addr & ~PAGE_MASK)
			return -EINVAL;
		if (new_len > mm->task_size || new_addr > mm->task_size - new_len)
			return -EINVAL;
		if (addr + old_len > new_addr && new_addr + new_len > addr)
			return -EINVAL;		/* old and new ranges overlap */
		err = do_munmap(mm, new_addr, new_len);
		if (err)
			return err;
	}
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len, &err);
	if (!vma)
		return err;
	/* The old range stays mapped: its pages count again, and are charged again. */
	if ((flags & MREMAP_DONTUNMAP) &&
	    (!may_expand_vm(mm, vma->vm_flags, old_len >> PAGE_SHIFT) ||
	     ((vma->vm_flags & VM_ACCOUNT) &&
	      security_vm_enough_memory_mm(mm, old_len >> PAGE_SHIFT))))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, new_addr, new_len, flags & MREMAP_FIXED ? MAP_FIXED : 0);
	if (IS_ERR_VALUE(new_addr))
		return new_addr;
	return move_vma(mm, vma, addr, old_len, new_len, new_addr, flags);
}

unsigned long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma;
	long err;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;

	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		return -EFAULT;

	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return mremap_to(mm, addr, old_len, new_addr, new_len, flags);

	if (old_len >= new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err && old_len != new_len)
			return err;
		return addr;
	}

	vma = vma_to_resize(mm, addr, old_len, new_len, &err);
	if (!vma)
		return err;
	/* Only a range that ends where its area ends can grow in place. */
	if (old_len == vma->vm_end - addr && vma_expandable(mm, vma, new_len - old_len)) {
		bool locked = vma->vm_flags & VM_LOCKED;

		vma_set_range(mm, vma, vma->vm_start, addr + new_len);
		vma_merge_neighbours(mm, vma);
		if (locked)
			mm_populate(mm, addr + old_len, new_len - old_len);
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, 0, new_len, 0);
	if (IS_ERR_VALUE(new_addr))
		return new_addr;
	return move_vma(mm, vma, addr, old_len, new_len, new_addr, flags);
}

long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	return do_mremap(current->mm, addr, old_len, new_len, flags, new_addr);
}

/*
 * ---- The page level: move_page_range ----
 *
 * The entries of [old_addr, old_addr + len) go to the same offsets at new_addr, with
 * their pages (and the zero page's entries, uncounted as ever); no data is copied. Two
 * walks: the first makes every page table the destination needs, so that running out
 * of memory stops the move before anything moved.
 */

struct move_walk {
	unsigned long delta;	/* new address - old address */
};

/* First pass: a page table at the destination for every entry, before moving any. */
static int move_prepare_entry(pte_t *pte, unsigned long addr, unsigned long next,
			      struct mm_walk *walk)
{
	struct move_walk *mw = walk->private;

	(void)next;
	if (pte_present(*pte) && !pte_alloc(walk->mm->pgd, addr + mw->delta))
		return -ENOMEM;
	return 0;
}

static int move_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct move_walk *mw = walk->private;
	struct mm_struct *mm = walk->mm;
	pte_t old, *dst;

	(void)next;
	if (!pte_present(*pte))
		return 0;
	dst = pte_lookup(mm->pgd, addr + mw->delta);	/* made by the first pass */
	if (WARN_ON(!dst || !pte_none(*dst)))
		return -EEXIST;
	old = ptep_get_and_clear(mm, addr, pte);
	if (pte_accessible(old))
		flush_tlb_page(mm->pgd, addr);
	/* The destination was empty: nothing to flush there. */
	set_pte_at(mm, addr + mw->delta, dst, old);
	return 0;
}

static const struct mm_walk_ops move_prepare_ops = {
	.pte_entry = move_prepare_entry,
};

static const struct mm_walk_ops move_walk_ops = {
	.pte_entry = move_pte_entry,
};

int move_page_range(struct mm_struct *mm, unsigned long old_addr, unsigned long new_addr,
		    unsigned long len)
{
	struct move_walk mw = { .delta = new_addr - old_addr };

	/* Page tables for the destination first, so the move cannot stop half way. */
	if (walk_page_range(mm, old_addr, old_addr + len, &move_prepare_ops, &mw))
		return -ENOMEM;
	/* Cannot fail: the tables exist and the destination is empty (a bug otherwise). */
	WARN_ON(walk_page_range(mm, old_addr, old_addr + len, &move_walk_ops, &mw));
	return 0;
}

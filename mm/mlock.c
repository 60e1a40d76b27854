/*
 * mlock, mlock2, munlock, mlockall, munlockall: keeping memory resident.
 *
 * Locking is a property of areas (VM_LOCKED, and VM_LOCKONFAULT for MLOCK_ONFAULT /
 * MCL_ONFAULT). Locking a range cuts the areas at its ends, flags them, and populates
 * them (mm/gup.c) so every page is there when the call returns; with ONFAULT nothing is
 * populated and pages lock as they are touched. Nothing here ever evicts a page
 * (there is no swap), so "stays resident" holds by itself; what locking changes is
 * that the pages exist now, that mm->locked_vm (VmLck) counts them, and that new
 * mappings, heap and stack growth after mlockall(MCL_FUTURE) are locked and populated
 * too (mm->def_flags).
 *
 * Limits, as Linux: RLIMIT_MEMLOCK caps locked_vm for a process without CAP_IPC_LOCK
 * (-ENOMEM for mlock, -EAGAIN for MAP_LOCKED and mremap), and a limit of 0 forbids
 * locking at all (-EPERM). Every process here is root, which has CAP_IPC_LOCK, so
 * neither applies to programs; the self-tests drop the capability to check them.
 *
 * Linux's answers: the start is rounded down to its page and the length up (no
 * -EINVAL for an unaligned start); a range with a hole is -ENOMEM, after the areas
 * before the hole were changed; mlock2 with flags other than MLOCK_ONFAULT is -EINVAL;
 * mlockall needs MCL_CURRENT or MCL_FUTURE (MCL_ONFAULT alone or unknown bits:
 * -EINVAL). A populate failure turns into mlock's POSIX errors: -EFAULT (a PROT_NONE
 * area) becomes -ENOMEM, -ENOMEM (no memory) becomes -EAGAIN. VM_IO/VM_PFNMAP areas
 * are never flagged or counted.
 *
 * Relies on: mm/vma.c (split, merge, vma_set_flags keeps locked_vm), mm/gup.c,
 * rlimit/capable (kernel/resource.c).
 */
#include <mmap.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <resource.h>
#include <sched.h>
#include <syscalls.h>

bool can_do_mlock(void)
{
	return rlimit(RLIMIT_MEMLOCK) != 0 || capable(CAP_IPC_LOCK);
}

int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len)
{
	unsigned long locked;

	if (!(flags & VM_LOCKED))
		return 0;
	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	if (locked > rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT && !capable(CAP_IPC_LOCK))
		return -EAGAIN;
	return 0;
}

/* Give [start, end) of vma the lock flags newflags; the counters follow (mm/vma.c). */
static int mlock_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct vm_area_struct **prev, unsigned long start, unsigned long end,
		       unsigned long newflags)
{
	int err;

	if (newflags == vma->vm_flags || (vma->vm_flags & VM_SPECIAL)) {
		*prev = vma;
		return 0;
	}
	if (start > vma->vm_start) {
		err = split_vma(mm, vma, start, 1);
		if (err)
			return err;
	}
	if (end < vma->vm_end) {
		err = split_vma(mm, vma, end, 0);
		if (err) {
			*prev = vma_merge_neighbours(mm, vma);
			return err;
		}
	}
	vma_set_flags(mm, vma, newflags);
	*prev = vma_merge_neighbours(mm, vma);
	return 0;
}

/* [start, start + len), aligned: every area must be there (else -ENOMEM). */
static int apply_vma_lock_flags(struct mm_struct *mm, unsigned long start, size_t len,
				unsigned long flags)
{
	unsigned long end = start + len, nstart, tmp;
	struct vm_area_struct *vma, *prev = NULL;
	int err;

	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (nstart = start;;) {
		unsigned long newflags = (vma->vm_flags & ~VM_LOCKED_MASK) | flags;

		tmp = min(vma->vm_end, end);
		err = mlock_fixup(mm, vma, &prev, nstart, tmp, newflags);
		if (err)
			return err;
		nstart = max(tmp, prev->vm_end);
		if (nstart >= end)
			return 0;
		vma = vma_next(mm, prev);
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}

/* Pages of [start, start + len) that are locked already (they do not count twice). */
static unsigned long count_mm_mlocked_page_nr(struct mm_struct *mm, unsigned long start,
					      size_t len)
{
	unsigned long end = start + len, count = 0;
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(mm, vma))
		if (vma->vm_flags & VM_LOCKED)
			count += (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
	return count;
}

int do_mlock(struct mm_struct *mm, unsigned long start, size_t len, unsigned long flags)
{
	unsigned long locked, lock_limit;
	int err;

	if (!can_do_mlock())
		return -EPERM;
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	if (locked > lock_limit && !capable(CAP_IPC_LOCK))
		locked -= count_mm_mlocked_page_nr(mm, start, len);
	if (locked > lock_limit && !capable(CAP_IPC_LOCK))
		return -ENOMEM;
	err = apply_vma_lock_flags(mm, start, len, flags);
	if (err)
		return err;
	err = __mm_populate(mm, start, len, 0);
	if (err == -EFAULT)
		return -ENOMEM;
	if (err == -ENOMEM)
		return -EAGAIN;
	return err;
}

int do_munlock(struct mm_struct *mm, unsigned long start, size_t len)
{
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	return apply_vma_lock_flags(mm, start, len, 0);
}

/* Flag every area (errors ignored, as Linux) and set what new areas get. */
static void apply_mlockall_flags(struct mm_struct *mm, int flags)
{
	unsigned long to_add = 0;
	struct vm_area_struct *vma, *prev, *next;

	mm->def_flags &= ~VM_LOCKED_MASK;
	if (flags & MCL_FUTURE) {
		mm->def_flags |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			mm->def_flags |= VM_LOCKONFAULT;
		if (!(flags & MCL_CURRENT))
			return;
	}
	if (flags & MCL_CURRENT) {
		to_add |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			to_add |= VM_LOCKONFAULT;
	}
	for (vma = vma_first(mm); vma; vma = next) {
		mlock_fixup(mm, vma, &prev, vma->vm_start, vma->vm_end,
			    (vma->vm_flags & ~VM_LOCKED_MASK) | to_add);
		next = vma_next(mm, prev);
	}
}

int do_mlockall(struct mm_struct *mm, int flags)
{
	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) ||
	    flags == MCL_ONFAULT)
		return -EINVAL;
	if (!can_do_mlock())
		return -EPERM;
	if ((flags & MCL_CURRENT) && !capable(CAP_IPC_LOCK) &&
	    mm->total_vm > rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT)
		return -ENOMEM;
	apply_mlockall_flags(mm, flags);
	if (flags & MCL_CURRENT)
		mm_populate(mm, 0, mm->task_size);
	return 0;
}

int do_munlockall(struct mm_struct *mm)
{
	apply_mlockall_flags(mm, 0);
	return 0;
}

long sys_mlock(unsigned long start, size_t len)
{
	return do_mlock(current->mm, start, len, VM_LOCKED);
}

long sys_mlock2(unsigned long start, size_t len, int flags)
{
	unsigned long vm_flags = VM_LOCKED;

	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	if (flags & MLOCK_ONFAULT)
		vm_flags |= VM_LOCKONFAULT;
	return do_mlock(current->mm, start, len, vm_flags);
}

long sys_munlock(unsigned long start, size_t len)
{
	return do_munlock(current->mm, start, len);
}

long sys_mlockall(int flags)
{
	return do_mlockall(current->mm, flags);
}

long sys_munlockall(void)
{
	return do_munlockall(current->mm);
}

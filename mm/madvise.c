/*
 * madvise: hints about how memory will be used. Only one changes what a program sees:
 * MADV_DONTNEED drops the pages of the range (zap_page_range), so the next touch faults
 * in a fresh zero page, while the area itself stays. malloc implementations use it to
 * give memory back without unmapping. MADV_FREE ("free when memory is short") is done
 * the same way at once, which Linux permits. MADV_POPULATE_READ/WRITE prefault the range
 * through the fault path (mm/gup.c): -EINVAL when an area does not allow the access
 * (or is VM_IO/VM_PFNMAP), -ENOMEM when a page cannot be had, -EFAULT when the fault
 * fails otherwise. The other advice Linux knows is accepted and changes nothing here
 * (no swap, no huge pages, no fork); unknown advice is -EINVAL.
 *
 * Linux's answers: the advice is checked first, then an unaligned start is -EINVAL, a
 * zero length succeeds, and a range with unmapped parts is -ENOMEM after the mapped
 * parts have been handled.
 *
 * Relies on: mm/vma.c, zap_page_range (mm/memory.c), faultin_vma_page_range (mm/gup.c).
 */
#include <mmap.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include <sched.h>
#include <syscalls.h>

#define MADV_FREE		8
#define MADV_REMOVE		9
#define MADV_DONTFORK		10
#define MADV_DOFORK		11
#define MADV_HUGEPAGE		14
#define MADV_NOHUGEPAGE		15
#define MADV_DONTDUMP		16
#define MADV_DODUMP		17
#define MADV_WIPEONFORK		18
#define MADV_KEEPONFORK		19
#define MADV_COLD		20
#define MADV_PAGEOUT		21
#define MADV_DONTNEED_LOCKED	24

static bool madvise_behavior_valid(int advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_DONTNEED: case MADV_FREE: case MADV_REMOVE:
	case MADV_DONTFORK: case MADV_DOFORK: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP: case MADV_DODUMP: case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_COLD: case MADV_PAGEOUT: case MADV_POPULATE_READ: case MADV_POPULATE_WRITE:
	case MADV_DONTNEED_LOCKED:
		return true;
	}
	return false;
}

/*
 * Prefault [start, end) of vma readable or writable (Linux's madvise_populate): the
 * area must allow the access, and a fault that fails is reported, not ignored.
 */
static int madvise_populate(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, int advice)
{
	long pages = faultin_vma_page_range(vma, start, end, advice == MADV_POPULATE_WRITE);

	return pages < 0 ? (int)pages : 0;
}

static int madvise_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long start, unsigned long end, int advice)
{
	switch (advice) {
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
		zap_page_range(mm, start, end);
		return 0;
	case MADV_REMOVE:
		return -EINVAL;		/* needs a shared file mapping */
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, start, end, advice);
	default:
		(void)vma;
		return 0;
	}
}

int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len, int advice)
{
	unsigned long end;
	struct vm_area_struct *vma;
	int unmapped_error = 0, err;

	if (!madvise_behavior_valid(advice))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (len && end == start)
		return -EINVAL;		/* the length wrapped */
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	vma = find_vma(mm, start);
	for (;;) {
		unsigned long tmp;

		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		err = madvise_vma(mm, vma, start, tmp, advice);
		if (err)
			return err;
		start = tmp;
		if (start >= end)
			break;
		vma = vma_next(mm, vma);
	}
	return unmapped_error;
}

long sys_madvise(unsigned long start, unsigned long len, unsigned long advice)
{
	return do_madvise(current->mm, start, len, (int)advice);
}

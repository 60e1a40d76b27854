/*
 * msync: write a file mapping's changes back to its file.
 *
 * There are no files to write to: anonymous memory has nothing behind it, and a program
 * image is mapped privately (its changes never go back to the file, on Linux either).
 * So msync checks its arguments and the range exactly as Linux does and then has
 * nothing to do; that is also what Linux does for these mappings, since it only syncs
 * shared file mappings.
 *
 * Linux's answers: unknown flags, an unaligned start, or MS_ASYNC together with
 * MS_SYNC: -EINVAL; a length wrapping past the end of memory: -ENOMEM; length 0: 0. A
 * range with unmapped parts is -ENOMEM, but with flags exactly MS_ASYNC the walk stops
 * at the first hole, while otherwise the mapped parts are handled first.
 * MS_INVALIDATE on a locked area is -EBUSY (its pages may not be dropped).
 *
 * Relies on: mm/vma.c.
 */
#include <mmap.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include <sched.h>
#include <syscalls.h>

int do_msync(struct mm_struct *mm, unsigned long start, size_t len, int flags)
{
	struct vm_area_struct *vma;
	int unmapped_error = 0;
	unsigned long end;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;

	vma = find_vma(mm, start);
	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		/* A shared file mapping would be written back here (vm_file, VM_SHARED). */
		start = vma->vm_end;
		if (start >= end)
			return unmapped_error;
		vma = vma_next(mm, vma);
	}
}

long sys_msync(unsigned long start, size_t len, int flags)
{
	return do_msync(current->mm, start, len, flags);
}

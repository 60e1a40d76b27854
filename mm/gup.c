/*
 * Populating: faulting pages in ahead of the program's first touch, for mlock,
 * MAP_POPULATE, MAP_LOCKED, mlockall and MADV_POPULATE_(READ|WRITE) (Linux's
 * populate_vma_page_range, __mm_populate and faultin_vma_page_range in mm/gup.c).
 *
 * Every page goes through handle_mm_fault(), the page-fault path itself, so a
 * populated page is exactly the page a touch would have produced (and a page already
 * there only gets its rights checked). Nothing is walked here: the fault path owns the
 * page tables.
 *
 * Two flavours, as in Linux. mlock and MAP_POPULATE "force": a private writable area is
 * faulted for writing (so the page is the process's own at once), any other
 * accessible area for reading, whatever its rights, and a PROT_NONE area fails with
 * -EFAULT. MADV_POPULATE_* do not force: the access asked for must be allowed by the
 * area (else -EINVAL), as must the area's kind (VM_IO/VM_PFNMAP: -EINVAL).
 *
 * Failures: a page that cannot be allocated is -ENOMEM (VM_FAULT_OOM); an access the
 * fault path refuses is -EFAULT (VM_FAULT_SIGSEGV/SIGBUS). Pages faulted before the
 * failure stay.
 *
 * Relies on: handle_mm_fault (mm/memory.c), find_vma (mm/vma.c).
 */
#include <mmap.h>
#include <uapi/errno.h>
#include <kernel.h>

static long fault_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			unsigned int flags)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		int fault = handle_mm_fault(vma->vm_mm, vma, addr, flags);

		if (fault & VM_FAULT_OOM)
			return -ENOMEM;
		if (fault)
			return -EFAULT;
	}
	return (end - start) >> PAGE_SHIFT;
}

long populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	unsigned int flags = 0;

	BUG_ON(start < vma->vm_start || end > vma->vm_end || ((start | end) & ~PAGE_MASK));
	/* Locked on fault: each page is locked when the program touches it. */
	if (vma->vm_flags & VM_LOCKONFAULT)
		return (end - start) >> PAGE_SHIFT;
	if (!vma_is_accessible(vma))
		return -EFAULT;
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		flags |= FAULT_FLAG_WRITE;
	return fault_range(vma, start, end, flags);
}

long faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool write)
{
	unsigned long need = write ? VM_WRITE : VM_READ;

	BUG_ON(start < vma->vm_start || end > vma->vm_end || ((start | end) & ~PAGE_MASK));
	if ((vma->vm_flags & (VM_IO | VM_PFNMAP)) || !(vma->vm_flags & need))
		return -EINVAL;
	return fault_range(vma, start, end, write ? FAULT_FLAG_WRITE : 0);
}

/*
 * Every area in [start, start + len), holes skipped (mlock checked the range before).
 * VM_IO and VM_PFNMAP areas are never populated.
 */
int __mm_populate(struct mm_struct *mm, unsigned long start, unsigned long len,
		  int ignore_errors)
{
	unsigned long end = start + len, nstart, nend;
	struct vm_area_struct *vma;
	long ret;

	for (nstart = start; nstart < end; nstart = nend) {
		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start >= end)
			break;
		nend = min(end, vma->vm_end);
		if (vma->vm_flags & (VM_IO | VM_PFNMAP))
			continue;
		if (nstart < vma->vm_start)
			nstart = vma->vm_start;
		ret = populate_vma_page_range(vma, nstart, nend);
		if (ret < 0) {
			if (ignore_errors)
				continue;
			return ret;
		}
	}
	return 0;
}

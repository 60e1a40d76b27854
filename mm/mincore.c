/*
 * mincore: which pages of a range are resident, one byte per page (bit 0 set when the
 * page is in memory).
 *
 * Anonymous memory is resident exactly where a page is mapped: a page never touched
 * (or dropped by MADV_DONTNEED) reads 0, one faulted in or populated reads 1, a page
 * hidden by PROT_NONE still counts (it is in memory). A program image is a file Linux
 * would have in its page cache; here the whole file sits in memory (the boot module),
 * so every page of an image area reads 1, as Linux answers for a cached file.
 *
 * Linux's answers: an unaligned start is -EINVAL; a range reaching past user space or
 * not entirely mapped is -ENOMEM (the bytes for the mapped part before the hole are
 * written); a vector the process cannot write is -EFAULT. The range is done in chunks
 * of at most one page of vector, through a kernel buffer, as Linux does.
 *
 * Relies on: mm/vma.c, pte_lookup (mm/pgtable.c), copy_to_user, a page from the buddy
 * allocator for the buffer.
 */
#include <mmap.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <sched.h>
#include <syscalls.h>
#include <uaccess.h>

/* A pte that holds a page (the zero page too): pte_present, which counts PROT_NONE. */
static bool page_resident(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_lookup(mm->pgd, addr);

	return pte && pte_present(*pte);
}

long do_mincore(struct mm_struct *mm, unsigned long start, unsigned long pages,
		unsigned char *vec)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	unsigned long end, addr, i;

	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	end = min(vma->vm_end, start + (pages << PAGE_SHIFT));
	for (addr = start, i = 0; addr < end; addr += PAGE_SIZE, i++)
		vec[i] = !vma_is_anonymous(vma) || page_resident(mm, addr);
	return i;
}

long sys_mincore(unsigned long start, size_t len, unsigned char *vec)
{
	unsigned long pages;
	unsigned char *tmp;
	long ret = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!access_ok((void *)start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + ((len & ~PAGE_MASK) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_page(GFP_KERNEL);
	if (!tmp)
		return -EAGAIN;
	while (pages) {
		ret = do_mincore(current->mm, start, min(pages, PAGE_SIZE), tmp);
		if (ret <= 0)
			break;
		if (copy_to_user(vec, tmp, ret)) {
			ret = -EFAULT;
			break;
		}
		pages -= ret;
		vec += ret;
		start += ret << PAGE_SHIFT;
		ret = 0;
	}
	free_page((unsigned long)tmp);
	return ret;
}

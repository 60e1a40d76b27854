/*
 * Reverse-map accounting: counting the page-table entries that map each user page
 * (include/rmap.h for the rules).
 *
 * Only counting lives here. The page's reference count and its freeing belong to
 * get_page/put_page (mm/page_alloc.c), rss to the callers in mm/memory.c, so that a
 * page mapped twice (fork, later) or held by the kernel for a while survives its unmap.
 * A count that goes below "unmapped" is a caller's bug: it is reported with Linux's
 * "Bad page map" words and the count left at -1, so the page can still be freed.
 *
 * Relies on: struct page (mm_types.h), printk.
 */
#include <rmap.h>
#include <mm.h>
#include <kernel.h>
#include <printk.h>

/* The index of address in vma's mapping, in pages (Linux's linear_page_index). */
static unsigned long linear_page_index(const struct vm_area_struct *vma, unsigned long address)
{
	return ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

static void page_set_anon_rmap(struct page *page, struct vm_area_struct *vma,
			       unsigned long address)
{
	page->mapping = (struct address_space *)PAGE_MAPPING_ANON;
	page->index = linear_page_index(vma, address);
}

void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address)
{
	/* A new page has no mapping yet: set the count rather than trust an old value. */
	page->_mapcount = 0;
	page_set_anon_rmap(page, vma, address);
}

void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address)
{
	if (++page->_mapcount == 0)		/* it was not mapped after all */
		page_set_anon_rmap(page, vma, address);
}

/* A count that would go below "unmapped": the caller's bug, reported; the count stays -1. */
void __page_remove_rmap_bad(struct page *page)
{
	pr_err("BUG: Bad page map: pfn 0x%lx is not mapped (mapcount %d)\n",
	       page_to_pfn(page), page_mapcount(page));
}

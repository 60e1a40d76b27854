/*
 * vmalloc: virtually contiguous kernel memory from pages that need not be physically
 * contiguous (mm/vmalloc.c), and the areas behind vmap() and ioremap().
 *
 * Every area lies in [VMALLOC_START, VMALLOC_END) (asm/pgtable.h), is page aligned and
 * is followed by one unmapped guard page, so running off its end faults at once. The
 * kernel page tables for that range exist from boot in every page directory, so a
 * mapping made here is seen by every address space without copying anything.
 *
 * Ownership: vmalloc() owns its pages and vfree() frees them; vmap() maps pages the
 * caller owns and vunmap() only removes the mapping; ioremap() (io.h) maps physical
 * addresses that are not RAM and iounmap() removes it. Each release function accepts
 * only the start address its own allocation function returned; anything else is
 * reported (with the address and the caller) and nothing is changed.
 *
 * Not for interrupt context: a vmalloc allocates page after page and may take long.
 */
#ifndef _VMALLOC_H
#define _VMALLOC_H

#include "types.h"
#include "gfp.h"
#include "mm_types.h"
#include "asm/pgtable.h"

/* What an area is (vm_struct.flags), with Linux's values. */
#define VM_IOREMAP	0x00000001	/* ioremap(): device memory, no pages owned */
#define VM_ALLOC	0x00000002	/* vmalloc(): owns pages[] and the pages */
#define VM_MAP		0x00000004	/* vmap(): the caller's pages */

/*
 * One area. The areas form one list (vmlist) sorted by address; the free virtual
 * ranges are the gaps between them, so a freed range merges with its free neighbours
 * simply by leaving the list.
 */
struct vm_struct {
	struct vm_struct *next;		/* the next area up, or NULL */
	void *addr;			/* first byte, page aligned */
	unsigned long size;		/* bytes, the guard page included */
	unsigned long flags;		/* VM_* above */
	struct page **pages;		/* VM_ALLOC: the page behind each virtual page */
	unsigned int nr_pages;		/* VM_ALLOC: entries of pages[] */
	phys_addr_t phys_addr;		/* VM_IOREMAP: physical address of the first page */
	const void *caller;		/* return address of whoever asked for the area */
};

/* Bytes usable in an area: its size without the guard page. */
static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return area->size - PAGE_SIZE;
}

void *vmalloc(unsigned long size);		/* NULL if size is 0, too big, or no memory */
void *vzalloc(unsigned long size);		/* the same, zero-filled */
void *__vmalloc(unsigned long size, gfp_t gfp);	/* gfp for the pages (may add __GFP_ZERO) */
void vfree(const void *addr);			/* NULL is a no-op */

void *vmap(struct page **pages, unsigned int count, unsigned long flags, u32 prot);
void vunmap(const void *addr);

/* Lower level, for ioremap and friends. */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
/* The same; on failure *why says what went wrong, for the caller's message. */
struct vm_struct *__get_vm_area_caller(unsigned long size, unsigned long flags,
				       const void *caller, const char **why);
/* Unmap and unlink the area starting at addr whose flags include one of want; the
 * caller kfree()s it. Reports (naming fn and caller) and returns NULL otherwise. */
struct vm_struct *remove_vm_area_checked(const void *addr, unsigned long want,
					 const char *fn, const void *caller);

/* The area containing addr (its guard page included), or NULL. */
struct vm_struct *find_vm_area(const void *addr);
/* The area whose guard page contains addr, or NULL. */
struct vm_struct *vmalloc_guard_hit(unsigned long addr);
/* For do_page_fault(): explain a kernel fault in the vmalloc range (guard page hit,
 * or an address no area covers). Prints nothing for other addresses. */
void vmalloc_report_fault(unsigned long addr);

bool is_vmalloc_addr(const void *addr);
struct page *vmalloc_to_page(const void *addr);	/* NULL if not mapped */

/*
 * Verifies every invariant of the area list and the page tables behind it (see the top
 * of mm/vmalloc.c); reports the first violation and returns false. For tests.
 */
bool check_vmalloc(void);

/* Prints every area as Linux's /proc/vmallocinfo does. */
void vmallocinfo(void);
struct seq_file;
void vmallocinfo_show(struct seq_file *m);	/* NULL: the console */
unsigned int vmalloc_nr_areas(void);

unsigned long vmalloc_nr_pages(void);	/* pages owned by vmalloc areas (VmallocUsed) */

#endif /* _VMALLOC_H */

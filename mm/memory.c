/*
 * The page level of user memory: what happens in the page tables when a program
 * touches, unmaps, protects or moves memory.
 *
 *  - handle_mm_fault()/do_anonymous_page(): the first touch of a page in an area takes
 *    a zeroed page from the buddy allocator and maps it with the area's rights. This is
 *    where memory is really allocated; mmap and brk only promised it.
 *  - zap_page_range(): unmap and free every page in a range (munmap, brk shrinking,
 *    MADV_DONTNEED, exit).
 *  - change_protection(): give the pages of a range new rights (mprotect).
 *  - move_page_range(): move page-table entries to another address, the pages with
 *    them and never their contents (mremap).
 *  - fault_decide(): which of those a fault calls for, without doing it.
 *
 * Invariants: a pte holds a page (present, or _PAGE_PROTNONE) only inside an area, and
 * its rights are the area's; mm->rss counts exactly the ptes that hold a page; each such
 * page is mapped once (page->_mapcount is 1) and is freed when its pte is cleared.
 *
 * User pages come from HighMem when there is some (GFP_HIGHUSER): the kernel never
 * needs a permanent address for them, since it reaches user memory through the user's
 * own mapping, and low memory stays for the kernel's own structures.
 *
 * Relies on: the page-table API (mm/pgtable.c), the buddy allocator, mm/vma.c.
 */
#include <mmap.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <asm/traps.h>

/*
 * Where anonymous user pages come from. GFP_HIGHUSER lets the buddy allocator hand out
 * HighMem pages (zeroed through a temporary kmap); GFP_USER restricts them to low
 * memory. This is the one switch to flip if HighMem zeroing is not available.
 */
#define GFP_USER_PAGE	GFP_HIGHUSER

static inline bool pte_has_page(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

/* The pte flags of a page in an area with these flags; PROT_NONE keeps the page hidden. */
static u32 pte_prot(unsigned long vm_flags)
{
	u32 prot = vm_get_page_prot(vm_flags);

	return prot ? prot : _PAGE_PROTNONE;
}

static void page_remove_rmap(struct mm_struct *mm, pte_t old)
{
	struct page *page = pfn_to_page(pte_pfn(old));

	page->_mapcount--;
	__free_page(page);
	mm->rss--;
}

/* The next address to look at when addr's whole page table is missing (0 if it wraps). */
static inline unsigned long pgd_addr_end(unsigned long addr)
{
	return (addr + PGDIR_SIZE) & PGDIR_MASK;
}

void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr = start;

	while (addr < end && addr >= start) {
		pte_t *pte = pte_lookup(mm->pgd, addr);

		if (!pte) {
			addr = pgd_addr_end(addr);
			continue;
		}
		if (pte_has_page(*pte))
			page_remove_rmap(mm, unmap_page(mm->pgd, addr));
		addr += PAGE_SIZE;
	}
}

/*
 * After [start, end) was unmapped: free the page tables that covered it, but only those
 * whose whole 4 MiB lies in [floor, ceiling), the gap between the areas still around it
 * (a table straddling the gap's edge still serves a neighbour). Tables elsewhere in the
 * gap went when their own areas were unmapped, so only the few blocks that [start, end)
 * touches are looked at. A freed table may still sit in the CPU's paging-structure
 * caches, so the TLB is flushed when one went.
 */
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling)
{
	unsigned long lo = max(floor, start & PGDIR_MASK);
	unsigned long hi = min(ceiling, ALIGN(end, PGDIR_SIZE));
	unsigned long addr;
	bool any = false;

	if (!hi)	/* end rounded up past 4 GiB */
		hi = ceiling;
	for (addr = ALIGN(lo, PGDIR_SIZE); addr < hi && hi - addr >= PGDIR_SIZE;
	     addr += PGDIR_SIZE) {
		if (pte_lookup(mm->pgd, addr)) {
			any = true;
			break;
		}
	}
	if (!any)
		return;
	free_user_page_tables(mm->pgd, lo, hi);
	if (mm->pgd == current_pgd())
		switch_pgd(mm->pgd);
}

void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	u32 prot = pte_prot(vm_flags);
	unsigned long addr = start;

	while (addr < end && addr >= start) {
		pte_t *pte = pte_lookup(mm->pgd, addr);

		if (!pte) {
			addr = pgd_addr_end(addr);
			continue;
		}
		if (pte_has_page(*pte)) {
			u32 dirty = (prot & _PAGE_PRESENT) ? (*pte & _PAGE_DIRTY) : 0;

			/* Cannot fail: the page table exists. */
			WARN_ON(map_page(mm->pgd, addr, *pte & PAGE_MASK, prot | dirty));
		}
		addr += PAGE_SIZE;
	}
}

int move_page_range(struct mm_struct *mm, unsigned long old_addr, unsigned long new_addr,
		    unsigned long len)
{
	unsigned long off;
	pte_t *pte;

	/* Page tables for the destination first, so the move cannot stop half way. */
	for (off = 0; off < len; off += PAGE_SIZE) {
		pte = pte_lookup(mm->pgd, old_addr + off);
		if (!pte) {
			off = pgd_addr_end(old_addr + off) - old_addr - PAGE_SIZE;
			continue;
		}
		if (pte_has_page(*pte) && !pte_alloc(mm->pgd, new_addr + off))
			return -ENOMEM;
	}
	for (off = 0; off < len; off += PAGE_SIZE) {
		pte_t old;

		pte = pte_lookup(mm->pgd, old_addr + off);
		if (!pte) {
			off = pgd_addr_end(old_addr + off) - old_addr - PAGE_SIZE;
			continue;
		}
		if (!pte_has_page(*pte))
			continue;
		old = unmap_page(mm->pgd, old_addr + off);
		WARN_ON(map_page(mm->pgd, new_addr + off, old & PAGE_MASK, old & ~PAGE_MASK));
	}
	return 0;
}

/*
 * First touch of a page in an area: a zeroed page, mapped with the area's rights. pte
 * is the (empty) entry for addr, or NULL if its page table does not exist yet; the page
 * comes first, so that running out of memory leaves no empty page table behind.
 */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr, pte_t *pte, unsigned int flags)
{
	struct page *page = alloc_page(GFP_USER_PAGE | __GFP_ZERO);
	u32 prot = vma->vm_page_prot;

	if (!page)
		return VM_FAULT_OOM;
	if (!pte && !(pte = pte_alloc(mm->pgd, addr))) {
		__free_page(page);
		return VM_FAULT_OOM;
	}
	if ((flags & FAULT_FLAG_WRITE) && (prot & _PAGE_RW))
		prot |= _PAGE_DIRTY;
	/* The entry was empty, so no TLB entry can be stale: no flush. */
	*pte = page_to_phys(page) | prot;
	page->_mapcount++;
	mm->rss++;
	if (mm->rss > mm->hiwater_rss)
		mm->hiwater_rss = mm->rss;
	return 0;
}

int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		    unsigned int flags)
{
	pte_t *pte;

	addr &= PAGE_MASK;
	if (addr < vma->vm_start || addr >= vma->vm_end || !vma_is_accessible(vma))
		return VM_FAULT_SIGSEGV;
	pte = pte_lookup(mm->pgd, addr);	/* the only walk when the table exists */
	if (pte && pte_has_page(*pte)) {
		/*
		 * The page is there already: the entry's rights lag behind the area's (they
		 * are set again), or the TLB held a stale entry (flushing is enough).
		 */
		if ((*pte & (_PAGE_PRESENT | _PAGE_RW)) !=
		    (vma->vm_page_prot & (_PAGE_PRESENT | _PAGE_RW)))
			return map_page(mm->pgd, addr, *pte & PAGE_MASK, vma->vm_page_prot) ?
			       VM_FAULT_OOM : 0;
		flush_tlb_page(mm->pgd, addr);
		return 0;
	}
	return do_anonymous_page(mm, vma, addr, pte, flags);
}

/*
 * Linux's access_error() for x86. A write needs VM_WRITE. A read of a page that is
 * present and still faulted is a protection problem no area can fix. Otherwise any
 * right at all allows reading: the page table cannot express write-only or exec-only,
 * and without NX (i386 without PAE) an instruction fetch is just a read.
 */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !vma_is_accessible(vma);
}

enum fault_decision fault_decide(struct mm_struct *mm, unsigned long addr,
				 unsigned long error_code, struct vm_area_struct **pvma)
{
	enum fault_decision d = FAULT_HANDLE;
	struct vm_area_struct *vma;

	*pvma = NULL;
	if (addr >= mm->task_size)
		return FAULT_BAD_AREA;
	vma = find_vma(mm, addr);
	if (!vma)
		return FAULT_BAD_AREA;
	if (addr < vma->vm_start) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || !stack_guard_ok(mm, vma, addr))
			return FAULT_BAD_AREA;
		d = FAULT_EXPAND_STACK;
	}
	*pvma = vma;
	if (access_error(error_code, vma))
		return FAULT_BAD_ACCESS;
	return d;
}

const char *fault_decision_name(enum fault_decision d)
{
	switch (d) {
	case FAULT_HANDLE:
		return "handle";
	case FAULT_EXPAND_STACK:
		return "expand stack";
	case FAULT_BAD_AREA:
		return "bad area";
	case FAULT_BAD_ACCESS:
		return "bad access";
	}
	return "?";
}

/*
 * The page level of user memory: what happens in the page tables when a program
 * touches, unmaps, protects or moves memory.
 *
 *  - handle_mm_fault(): the first touch of a page in an area. A write takes a zeroed
 *    page from the buddy allocator and maps it with the area's rights (do_anonymous_page);
 *    this is where memory is really allocated, mmap and brk only promised it. A read of
 *    a private page never written maps the shared zero page read-only instead, as
 *    Linux does, and the first write to it allocates (do_wp_page).
 *  - zap_page_range(): unmap a range and drop its pages (munmap, brk shrinking,
 *    MADV_DONTNEED, exit), a callback of the one page-table walk, walk_page_range()
 *    (mm/pagewalk.c), as change_protection() (mm/mprotect.c) and move_page_range()
 *    (mm/mremap.c) are.
 *  - fault_decide(): what a fault calls for, without doing it.
 *
 *  - copy_page_range(): fork's copy of an area's ptes (dup_mmap, mm/mmap.c). Every
 *    page becomes mapped once more (page_dup_rmap, get_page); in a private writable
 *    area both ptes lose their write bit, and the first write by either side faults into
 *    do_wp_page(), which copies the page if it is still mapped elsewhere, and simply
 *    makes it writable again once it is mapped only there (copy-on-write).
 *
 * Invariants: a pte holds a page (pte_present: accessible, or _PAGE_PROTNONE) only
 * inside an area, with the area's rights, except that a pte is never writable when it
 * maps the zero page or, in a private (COW) area, a page mapped more than once.
 * mm->rss counts exactly the ptes that hold a page other than the zero page; each such
 * pte is counted in its page's page_mapcount() (mm/rmap.c) and holds one reference for
 * it, dropped (put_page, which frees the page with the last one) when the pte is
 * cleared. The zero page is never counted in rss, _mapcount or _refcount.
 *
 * User pages come from HighMem when there is some (GFP_HIGHUSER): the kernel never
 * needs a permanent address for them, since it reaches user memory through the user's
 * own mapping, and low memory stays for the kernel's own structures.
 *
 * Relies on: the page-table API (mm/pgtable.c, asm/pgtable.h), walk_page_range
 * (mm/pagewalk.c), rmap accounting (mm/rmap.c), the buddy allocator, mm/vma.c.
 */
#include <mmap.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <pagewalk.h>
#include <pgtable.h>
#include <rmap.h>
#include <highmem.h>
#include <asm/x86.h>
#include <asm/traps.h>

/*
 * Where anonymous user pages come from. GFP_HIGHUSER lets the buddy allocator hand out
 * HighMem pages (zeroed through a temporary kmap); GFP_USER restricts them to low
 * memory. This is the one switch to flip if HighMem zeroing is not available.
 */
#define GFP_USER_PAGE	GFP_HIGHUSER

static inline bool pte_is_zero_page(pte_t pte)
{
	return is_zero_pfn(pte_pfn(pte));
}

static void update_hiwater_rss(struct mm_struct *mm)
{
	if (mm->rss > mm->hiwater_rss)
		mm->hiwater_rss = mm->rss;
}

/* ---- zap: clear the ptes, uncount the mappings, drop the references ---- */

/* walk->private: true when mm is the one in CR3, so that cleared entries need an invlpg. */
static int zap_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk)
{
	struct mm_struct *mm = walk->mm;
	pte_t old = ptep_get_and_clear(mm, addr, pte);
	struct page *page;

	(void)next;
	if (*(bool *)walk->private && pte_accessible(old))
		invlpg(addr);
	if (pte_is_zero_page(old))
		return 0;		/* shared, never counted: nothing to give back */
	page = pte_page(old);
	page_remove_rmap(page);
	mm->rss--;
	put_page(page);
	return 0;
}

static const struct mm_walk_ops zap_walk_ops = {
	.pte_entry = zap_pte_entry,
};

void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	bool loaded = mm->pgd == current_pgd();	/* exit and exec zap an mm not in CR3 */

	walk_page_range(mm, start, end, &zap_walk_ops, &loaded);
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

/* ---- fork: copy the ptes ---- */

/* Linux's is_cow_mapping(): private, and writable now or after an mprotect. */
static inline bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

struct copy_walk {
	struct mm_struct *dst_mm;
	bool cow;
	pte_t *dst_table;	/* the child's page table of the last entry copied */
	unsigned long table_start;
};

static int copy_pte_entry(pte_t *src_pte, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct copy_walk *cw = walk->private;
	pte_t pte = *src_pte, *dst_pte;
	struct page *page;

	(void)next;
	/* One pte_alloc per page table, not per entry: the walk goes in address order. */
	if (cw->dst_table && (addr & PGDIR_MASK) == cw->table_start) {
		dst_pte = cw->dst_table + ((addr & ~PGDIR_MASK) >> PAGE_SHIFT);
	} else {
		dst_pte = pte_alloc(cw->dst_mm->pgd, addr);
		if (!dst_pte)
			return -ENOMEM;
		cw->dst_table = dst_pte - ((addr & ~PGDIR_MASK) >> PAGE_SHIFT);
		cw->table_start = addr & PGDIR_MASK;
	}
	if (!pte_is_zero_page(pte)) {
		page = pte_page(pte);
		get_page(page);
		page_dup_rmap(page);
		cw->dst_mm->rss++;
		if (cw->cow && pte_write(pte)) {
			pte = pte_wrprotect(pte);
			set_pte_at(walk->mm, addr, src_pte, pte);  /* dup_mmap flushes at the end */
		}
	}
	set_pte_at(cw->dst_mm, addr, dst_pte, pte);	/* the child's table was empty */
	return 0;
}

static const struct mm_walk_ops copy_walk_ops = {
	.pte_entry = copy_pte_entry,
};

int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	struct copy_walk cw = { .dst_mm = dst_mm, .cow = is_cow_mapping(src_vma->vm_flags) };

	(void)dst_vma;
	return walk_page_range(src_mm, src_vma->vm_start, src_vma->vm_end, &copy_walk_ops, &cw);
}

/* A pte for page in vma must stay read-only: the zero page, or a COW page shared. */
static inline bool pte_must_stay_readonly(struct vm_area_struct *vma, pte_t pte)
{
	if (pte_is_zero_page(pte))
		return true;
	return is_cow_mapping(vma->vm_flags) && page_mapcount(pte_page(pte)) > 1;
}

/* ---- Faults ---- */

/*
 * First touch of a page in an area. pte is the (empty) entry for addr, or NULL if its
 * page table does not exist yet. A write gets a zeroed page of its own, mapped with
 * the area's rights; the page comes first, so that running out of memory leaves no
 * empty page table behind. A read of a private area gets the shared zero page,
 * read-only and uncounted, so a program reading memory it never wrote costs no page. A
 * MAP_SHARED area (shmem in Linux, which allocates on a read too) always gets a page of
 * its own, so that it stays one page when fork comes to share it.
 */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr, pte_t *pte, unsigned int flags)
{
	struct page *page;
	pte_t entry;

	if (!(flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED)) {
		if (!pte && !(pte = pte_alloc(mm->pgd, addr)))
			return VM_FAULT_OOM;
		entry = pte_wrprotect(pfn_pte(my_zero_pfn(addr), vma->vm_page_prot));
		set_pte_at(mm, addr, pte, entry);	/* was empty: no flush */
		return 0;
	}
	page = alloc_page(GFP_USER_PAGE | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	if (!pte && !(pte = pte_alloc(mm->pgd, addr))) {
		put_page(page);
		return VM_FAULT_OOM;
	}
	entry = mk_pte(page, vma->vm_page_prot);
	if ((flags & FAULT_FLAG_WRITE) && pte_write(entry))
		entry = pte_mkdirty(entry);
	page_add_new_anon_rmap(page, vma, addr);
	mm->rss++;
	update_hiwater_rss(mm);
	/* The entry was empty, so no TLB entry can be stale: no flush. */
	set_pte_at(mm, addr, pte, entry);
	return 0;
}

/*
 * A write to an accessible, read-only pte in an area that allows writing (Linux's
 * do_wp_page). The zero page: the write gets a page of its own (a zeroed one, which is
 * what copying the zero page would give) and the zero page is simply dropped, as it
 * was never counted. A page mapped only here (page_mapcount() 1: never shared, or the
 * other side of a fork has copied or unmapped it) is reused: the entry just lagged
 * behind the area's rights and becomes writable. A page fork left mapped elsewhere too
 * is copied (copy-on-write): the new page replaces it in this pte only, and the old one
 * loses this mapping and its reference.
 */
static inline void copy_user_highpage(struct page *to, struct page *from)
{
	if (!PageHighMem(to) && !PageHighMem(from)) {
		copy_page(page_address(to), page_address(from));	/* the direct map */
		return;
	}
	copy_highpage(to, from);	/* through kmap_atomic */
}

static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		      pte_t *pte)
{
	struct page *page, *old;
	pte_t entry;

	if (!pte_is_zero_page(*pte)) {
		old = pte_page(*pte);
		if (page_mapcount(old) == 1 || !is_cow_mapping(vma->vm_flags)) {
			set_pte_at(mm, addr, pte, pte_mkdirty(pte_mkwrite(*pte)));	/* reuse */
			flush_tlb_page(mm->pgd, addr);
			return 0;
		}
		page = alloc_page(GFP_USER_PAGE);
		if (!page)
			return VM_FAULT_OOM;
		copy_user_highpage(page, old);
		entry = pte_mkdirty(pte_mkwrite(mk_pte(page, vma->vm_page_prot)));
		page_add_new_anon_rmap(page, vma, addr);
		set_pte_at(mm, addr, pte, entry);
		flush_tlb_page(mm->pgd, addr);	/* the read-only entry may be cached */
		page_remove_rmap(old);
		put_page(old);		/* rss is unchanged: one page for another */
		return 0;
	}
	page = alloc_page(GFP_USER_PAGE | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	entry = pte_mkdirty(mk_pte(page, vma->vm_page_prot));
	page_add_new_anon_rmap(page, vma, addr);
	mm->rss++;
	update_hiwater_rss(mm);
	set_pte_at(mm, addr, pte, entry);
	flush_tlb_page(mm->pgd, addr);		/* the read-only entry may be cached */
	return 0;
}

/*
 * The page is there already: a write to a read-only entry of a writable area
 * (do_wp_page), or the entry's rights lag behind the area's (they are set again; the
 * zero page's stays read-only), or the TLB held a stale entry (flushing is enough).
 */
static int handle_present_pte(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long addr, pte_t *pte, unsigned int flags)
{
	pte_t entry = *pte, want;

	if ((flags & FAULT_FLAG_WRITE) && pte_accessible(entry) && !pte_write(entry) &&
	    (vma->vm_flags & VM_WRITE))
		return do_wp_page(mm, vma, addr, pte);
	want = pte_modify(entry, vma->vm_page_prot);
	if (pte_must_stay_readonly(vma, entry))
		want = pte_wrprotect(want);
	if (pte_accessible(want) != pte_accessible(entry) || pte_write(want) != pte_write(entry))
		set_pte_at(mm, addr, pte, want);
	flush_tlb_page(mm->pgd, addr);
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
	if (pte && pte_present(*pte))
		return handle_present_pte(mm, vma, addr, pte, flags);
	if (vma->vm_ops && vma->vm_ops->fault)		/* a special mapping: [vdso] */
		return vma->vm_ops->fault(vma, addr);
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


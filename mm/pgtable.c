/*
 * Page tables: the one place that reads and writes i386 page-directory and page-table
 * entries (see include/pgtable.h for the rules).
 *
 * A walk takes the top 10 bits of the address to pick the directory entry, which holds
 * the physical address of a page table; page tables live in low memory, so __va() of
 * that address is where the kernel reads them. The next 10 bits pick the entry there.
 *
 * Relies on: the buddy allocator for page tables and directories, swapper_pg_dir
 * (arch/x86/mm/init_32.c) for the kernel half.
 */
#include <pgtable.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <string.h>
#include <asm/x86.h>
#include <kallsyms.h>
#include <printk.h>

/* The folded pmd for addr in the directory pgd: Linux's pgd_offset + pmd_offset. */
static inline pmd_t *dir_pmd(pgd_t *pgd, unsigned long addr)
{
	return pmd_offset(pgd_offset_pgd(pgd, addr), addr);
}

pte_t *pte_lookup(pgd_t *pgd, unsigned long addr)
{
	pmd_t *pmd = dir_pmd(pgd, addr);

	if (!pmd_present(*pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

pte_t *pte_alloc(pgd_t *pgd, unsigned long addr)
{
	pmd_t *pmd = dir_pmd(pgd, addr);

	if (!pmd_present(*pmd)) {
		struct page *page;

		/* Kernel tables all exist from boot; only user ones are made on demand. */
		BUG_ON(addr >= PAGE_OFFSET);
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return NULL;
		/* User bit and RW on the directory entry: the pte decides the real rights. */
		pmd_populate_kernel(NULL, pmd, page_to_phys(page));
	}
	return pte_offset_kernel(pmd, addr);
}

pgd_t *current_pgd(void)
{
	return __va(read_cr3() & PAGE_MASK);
}

void switch_pgd(pgd_t *pgd)
{
	write_cr3(__pa(pgd));
}

void flush_tlb_page(pgd_t *pgd, unsigned long addr)
{
	if (addr >= PAGE_OFFSET || pgd == current_pgd())
		invlpg(addr);
}

/* The "remap" report: the caller tried to map over an entry that holds something. */
static void report_remap(unsigned long addr, pte_t old, phys_addr_t phys, u32 prot,
			 const void *caller)
{
	char sym[128];

	sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
	pr_err("BUG: remap of %08lx: pte %08lx is not empty (new %08lx), called from %s\n",
	       addr, (unsigned long)pte_val(old), (unsigned long)(phys & PAGE_MASK) | prot, sym);
}

int map_page(pgd_t *pgd, unsigned long addr, phys_addr_t phys, u32 prot)
{
	pte_t *pte = pte_alloc(pgd, addr);

	if (!pte)
		return -ENOMEM;
	if (unlikely(!pte_none(*pte))) {
		report_remap(addr, *pte, phys, prot, __builtin_return_address(0));
		return -EEXIST;
	}
	/* The entry was empty: no TLB entry can be stale, no flush. */
	set_pte_at(NULL, addr, pte, pfn_pte(PFN_DOWN(phys), prot));
	return 0;
}

pte_t unmap_page(pgd_t *pgd, unsigned long addr)
{
	pte_t *pte = pte_lookup(pgd, addr);
	pte_t old;

	if (!pte)
		return __pte(0);
	old = ptep_get_and_clear(NULL, addr, pte);
	if (pte_accessible(old))
		flush_tlb_page(pgd, addr);
	return old;
}

bool change_page_prot(pgd_t *pgd, unsigned long addr, u32 prot)
{
	pte_t *pte = pte_lookup(pgd, addr);

	if (!pte || !pte_accessible(*pte))
		return false;
	set_pte_at(NULL, addr, pte, pte_modify(*pte, prot));
	flush_tlb_page(pgd, addr);
	return true;
}

phys_addr_t virt_to_phys_walk(pgd_t *pgd, unsigned long addr)
{
	pte_t *pte = pte_lookup(pgd, addr);

	if (!pte || !pte_accessible(*pte))
		return (phys_addr_t)-1;
	return PFN_PHYS(pte_pfn(*pte)) | (addr & ~PAGE_MASK);
}

int map_kernel_page(unsigned long addr, phys_addr_t phys, u32 prot)
{
	BUG_ON(addr < PAGE_OFFSET);
	return map_page(swapper_pg_dir, addr, phys, prot);
}

pte_t unmap_kernel_page(unsigned long addr)
{
	BUG_ON(addr < PAGE_OFFSET);
	return unmap_page(swapper_pg_dir, addr);
}

pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

/* Frees the page tables covering [start, end) whose whole 4 MiB lies inside it. */
void free_user_page_tables(pgd_t *pgd, unsigned long start, unsigned long end)
{
	unsigned long i, first = pgd_index(ALIGN(start, PGDIR_SIZE));
	unsigned long last = end >= PAGE_OFFSET ? KERNEL_PGD_BOUNDARY : pgd_index(end & PGDIR_MASK);

	for (i = first; i < last; i++) {
		pmd_t *pmd = pmd_offset(&pgd[i], i << PGDIR_SHIFT);

		if (pmd_present(*pmd)) {
			free_page((unsigned long)pmd_page_vaddr(*pmd));
			pmd_clear(pmd);
		}
	}
}

void pgd_free(pgd_t *pgd)
{
	BUG_ON(pgd == current_pgd());
	free_user_page_tables(pgd, 0, PAGE_OFFSET);
	free_page((unsigned long)pgd);
}

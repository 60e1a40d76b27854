/*
 * The page-table API (mm/pgtable.c): walk, map, unmap and change the rights of single
 * 4 KiB pages in a two-level i386 page directory, and create or free the page directory
 * of an address space.
 *
 * Every page directory shares the kernel's page tables: entries 768..1023 are copied
 * from swapper_pg_dir when a directory is created, and those tables were all allocated
 * at boot, so a kernel mapping made in any directory is seen in all of them. Page tables
 * for user addresses (entries 0..767) are allocated on demand, one page each, from low
 * memory, and freed with the directory.
 *
 * TLB: changing a present entry requires flushing it. The map/unmap functions flush
 * the page themselves when the directory is the one in CR3 (or the address is a kernel
 * one, shared by all).
 *
 * The entries themselves (pte_t, pgd_t, the folded pmd_t) and the functions that make,
 * test and store them are in asm/pgtable.h.
 */
#ifndef _PGTABLE_H
#define _PGTABLE_H

#include "types.h"
#include "asm/pgtable.h"
#include "mm.h"

/* The entry for addr, or NULL if its page table does not exist. */
pte_t *pte_lookup(pgd_t *pgd, unsigned long addr);
/* The entry for addr, allocating the page table (zeroed) if needed; NULL if no memory. */
pte_t *pte_alloc(pgd_t *pgd, unsigned long addr);

/*
 * Map one page; -ENOMEM if a page table cannot be allocated. An entry that is not empty
 * is never replaced: that is a caller's bug (it would leak or alias the old page), so
 * it is reported ("BUG: remap ...", with the caller) and -EEXIST returned, nothing
 * changed (xv6's "remap" panic, but survivable).
 */
int map_page(pgd_t *pgd, unsigned long addr, phys_addr_t phys, u32 prot);
/* Remove the mapping; returns the old entry (pte_none() if there was none). */
pte_t unmap_page(pgd_t *pgd, unsigned long addr);
/* Change the flags of a present mapping; returns false if there is none. */
bool change_page_prot(pgd_t *pgd, unsigned long addr, u32 prot);
/* Physical address addr maps to, or (phys_addr_t)-1 if none (a software walk). */
phys_addr_t virt_to_phys_walk(pgd_t *pgd, unsigned long addr);

/* Kernel mappings live in the shared tables: any directory will do, so these use swapper. */
int map_kernel_page(unsigned long addr, phys_addr_t phys, u32 prot);
pte_t unmap_kernel_page(unsigned long addr);

pgd_t *pgd_alloc(void);			/* a new directory sharing the kernel's half */
void pgd_free(pgd_t *pgd);		/* frees it and every user page table (not the pages) */
void free_user_page_tables(pgd_t *pgd, unsigned long start, unsigned long end);

/*
 * The shared zero page's frame (asm/pgtable.h has ZERO_PAGE): Linux's my_zero_pfn() and
 * is_zero_pfn(). It is never counted in rss, _mapcount or _refcount.
 */
static inline unsigned long my_zero_pfn(unsigned long addr)
{
	return page_to_pfn(ZERO_PAGE(addr));
}

static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == my_zero_pfn(0);
}

pgd_t *current_pgd(void);		/* the directory in CR3 */
void switch_pgd(pgd_t *pgd);		/* load CR3 */
void flush_tlb_page(pgd_t *pgd, unsigned long addr);

#endif /* _PGTABLE_H */

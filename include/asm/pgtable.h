/*
 * i386 two-level page tables (no PAE): the types of an entry, its bits, the address
 * split, and every function that builds, reads or writes an entry.
 *
 * A 32-bit virtual address is 10 bits of page-directory index, 10 bits of page-table
 * index and 12 bits of offset. Each directory entry (pgd/pde) points at a page table of
 * 1024 entries (ptes), each mapping one 4 KiB page. Both kinds of entry keep the
 * physical frame in bits 12..31 and these flags below.
 *
 * As in Linux, an entry is a one-member structure, so that the compiler refuses a bare
 * integer where an entry is meant (and the reverse): entries are made with __pte(),
 * pfn_pte() or mk_pte(), read with pte_val() and the predicates, changed with the
 * pte_mk*() functions, and stored only with set_pte_at()/ptep_get_and_clear()/
 * pte_clear() below. No code outside this header touches an entry's bits.
 *
 * The middle level is folded, as Linux's i386 without PAE (pgtable-nopmd): a pmd_t is
 * the directory entry itself, so pmd_offset() returns its pgd entry and the generic
 * walk pgd_offset -> pmd_offset -> pte_offset_kernel reads as on a three-level machine.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include "page.h"

/* u32, not unsigned long: an entry is 4 bytes on the 64-bit host of the host tests too. */
typedef u32 pteval_t;
typedef u32 pgdval_t;

typedef struct { pteval_t pte; } pte_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pgd_t pgd; } pmd_t;	/* folded: the pgd entry itself */

#define pte_val(x)	((x).pte)
#define pgd_val(x)	((x).pgd)
#define pmd_val(x)	(pgd_val((x).pgd))
#define __pte(x)	((pte_t){ (x) })
#define __pgd(x)	((pgd_t){ (x) })
#define __pmd(x)	((pmd_t){ __pgd(x) })

#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_USER	0x004
#define _PAGE_PWT	0x008
#define _PAGE_PCD	0x010	/* cache disabled: for device memory */
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PSE	0x080
#define _PAGE_GLOBAL	0x100
/*
 * A user page made PROT_NONE keeps its frame in a pte that is not present, so the CPU
 * faults on any access but the data survive a later mprotect back. The marker reuses
 * the global bit, which the CPU ignores when the present bit is clear (as Linux's i386).
 */
#define _PAGE_PROTNONE	_PAGE_GLOBAL

#define PGDIR_SHIFT	22
#define PTRS_PER_PGD	1024
#define PTRS_PER_PTE	1024
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
/* The first directory entry of the kernel half (768): user space ends at TASK_SIZE. */
#define KERNEL_PGD_BOUNDARY	(TASK_SIZE >> PGDIR_SHIFT)

#define pgd_index(addr)	(((addr) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define pte_index(addr)	(((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))

#define PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL_RO		(_PAGE_PRESENT | _PAGE_ACCESSED)
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)
#define _PAGE_TABLE		(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define _KERNPG_TABLE		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

/* The bits pte_modify() keeps: the frame, caching, and what the CPU recorded. */
#define _PAGE_CHG_MASK	(PAGE_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_ACCESSED | _PAGE_DIRTY)

/* The page directory in use now (boot/head.asm's until arch/x86/mm/init_32.c installs the real one). */
extern pgd_t boot_page_dir[PTRS_PER_PGD];
/* The kernel's own page directory; its entries 768..1023 are copied into every process's. */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/* ---- Building and reading a pte ---- */

static inline u32 pte_flags(pte_t pte)
{
	return pte_val(pte) & ~PAGE_MASK;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte_val(pte) >> PAGE_SHIFT;
}

/* prot is flags only (below PAGE_SIZE), as every _PAGE_ and PAGE_ constant is. */
static inline pte_t pfn_pte(unsigned long pfn, u32 prot)
{
	return __pte(((pteval_t)pfn << PAGE_SHIFT) | prot);
}

/* mk_pte(page, prot) and pte_page(pte) need mem_map (mm.h): macros, expanded there. */
#define mk_pte(page, prot)	pfn_pte(page_to_pfn(page), (prot))
#define pte_page(pte)		pfn_to_page(pte_pfn(pte))

static inline bool pte_none(pte_t pte)
{
	return !pte_val(pte);
}

/*
 * Linux's meaning: the entry holds a page, which the CPU may see (_PAGE_PRESENT) or
 * not (_PAGE_PROTNONE, a PROT_NONE page kept in place). pte_accessible() is the CPU's
 * view alone; pte_protnone() the hidden case.
 */
static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline bool pte_accessible(pte_t pte)
{
	return pte_val(pte) & _PAGE_PRESENT;
}

static inline bool pte_protnone(pte_t pte)
{
	return (pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE)) == _PAGE_PROTNONE;
}

static inline bool pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_RW;
}

static inline bool pte_user(pte_t pte)
{
	return pte_val(pte) & _PAGE_USER;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte_val(pte) & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte_val(pte) & _PAGE_ACCESSED;
}

static inline pte_t pte_set_flags(pte_t pte, u32 set)
{
	return __pte(pte_val(pte) | set);
}

static inline pte_t pte_clear_flags(pte_t pte, u32 clear)
{
	return __pte(pte_val(pte) & ~clear);
}

/* The same entry, writable or not, dirty or clean, recently used or not. */
#define pte_mkwrite(pte)	pte_set_flags(pte, _PAGE_RW)
#define pte_wrprotect(pte)	pte_clear_flags(pte, _PAGE_RW)
#define pte_mkdirty(pte)	pte_set_flags(pte, _PAGE_DIRTY)
#define pte_mkclean(pte)	pte_clear_flags(pte, _PAGE_DIRTY)
#define pte_mkyoung(pte)	pte_set_flags(pte, _PAGE_ACCESSED)
#define pte_mkold(pte)		pte_clear_flags(pte, _PAGE_ACCESSED)

/*
 * The same page with new rights: the frame, caching and the accessed/dirty record stay,
 * the rest comes from prot (a PROT_NONE prot is _PAGE_PROTNONE: hidden, kept).
 */
static inline pte_t pte_modify(pte_t pte, u32 prot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) | (prot & ~_PAGE_CHG_MASK));
}

/* ---- Storing a pte ---- */

/*
 * The only stores into a page table. mm and addr are Linux's arguments (which address
 * space, which address): unused on a uniprocessor i386, kept so callers read as Linux's.
 * None of these flushes the TLB: the caller does, when the old entry was accessible.
 */
struct mm_struct;

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
}

static inline void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
			      pte_t pte)
{
	(void)mm;
	(void)addr;
	set_pte(ptep, pte);
}

static inline pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr,
				       pte_t *ptep)
{
	pte_t old = *ptep;

	set_pte_at(mm, addr, ptep, __pte(0));
	return old;
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	set_pte_at(mm, addr, ptep, __pte(0));
}

/* ---- The directory level, and the folded pmd ---- */

static inline bool pgd_none(pgd_t pgd)
{
	return !pgd_val(pgd);
}

static inline bool pgd_present(pgd_t pgd)
{
	return pgd_val(pgd) & _PAGE_PRESENT;
}

static inline void set_pgd(pgd_t *pgdp, pgd_t pgd)
{
	*pgdp = pgd;
}

static inline void pgd_clear(pgd_t *pgdp)
{
	set_pgd(pgdp, __pgd(0));
}

/* A directory entry pointing at the page table at physical address table. */
static inline pgd_t mk_pgd_table(phys_addr_t table, u32 prot)
{
	return __pgd((table & PAGE_MASK) | prot);
}

static inline pmd_t *pmd_offset(pgd_t *pgd, unsigned long addr)
{
	(void)addr;
	return (pmd_t *)pgd;
}

static inline bool pmd_none(pmd_t pmd)
{
	return !pmd_val(pmd);
}

static inline bool pmd_present(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_PRESENT;
}

/* Page tables are in low memory, so the kernel reads them through the direct map. */
static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	return __va(pmd_val(pmd) & PAGE_MASK);
}

static inline void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmd, phys_addr_t table)
{
	(void)mm;
	set_pgd(&pmd->pgd, mk_pgd_table(table, _PAGE_TABLE));
}

static inline void pmd_clear(pmd_t *pmd)
{
	pgd_clear(&pmd->pgd);
}

#define pgd_offset_pgd(pgd, addr)	((pgd) + pgd_index(addr))
#define pgd_offset(mm, addr)		pgd_offset_pgd((mm)->pgd, (addr))
#define pgd_offset_k(addr)		pgd_offset_pgd(swapper_pg_dir, (addr))

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return pmd_page_vaddr(*pmd) + pte_index(addr);
}

/* Linux maps a HighMem page table here; ours are all in low memory, so no kmap. */
#define pte_offset_map(pmd, addr)	pte_offset_kernel((pmd), (addr))
#define pte_unmap(pte)			((void)(pte))

/* Where the walk goes next: the end of addr's 4 MiB or end, whichever comes first. */
static inline unsigned long pgd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long boundary = (addr + PGDIR_SIZE) & PGDIR_MASK;

	return boundary - 1 < end - 1 ? boundary : end;
}
#define pmd_addr_end(addr, end)		(end)	/* folded: one pmd per pgd entry */

/*
 * The shared zero page: one page of zeros that a read of a never-written private
 * anonymous page maps read-only (mm/memory.c). The kernel's is in .bss, so its frame
 * is PG_reserved and can never be freed by mistake; the host tests use a reserved page
 * of their fake arena.
 */
struct page;
#ifdef HOST_TEST
extern struct page *host_zero_page;
#define ZERO_PAGE(vaddr)	((void)(vaddr), host_zero_page)
#else
extern unsigned long empty_zero_page[PAGE_SIZE / sizeof(unsigned long)];
#define ZERO_PAGE(vaddr)	((void)(vaddr), virt_to_page(empty_zero_page))
#endif

/*
 * The kernel's gigabyte, top down (as Linux's i386, with our constants):
 *
 *   FIXADDR_START..FIXADDR_TOP	fixmap slots (asm/fixmap.h), one static page table
 *   PKMAP_BASE..+4 MiB		persistent kmap() windows, LAST_PKMAP of them
 *   VMALLOC_START..VMALLOC_END	vmalloc() and ioremap() areas
 *   (8 MiB hole)			catches overruns off the end of the direct map
 *   PAGE_OFFSET..high_memory	the direct map of low memory, at most MAXMEM
 */
#define LAST_PKMAP	1024
#define PKMAP_BASE	0xff800000UL	/* (FIXADDR_START - LAST_PKMAP pages) rounded down to 4 MiB */
#define VMALLOC_END	(PKMAP_BASE - 2 * PAGE_SIZE)
#define VMALLOC_OFFSET	(8UL << 20)
#define VMALLOC_START	(ALIGN((unsigned long)high_memory, VMALLOC_OFFSET) + VMALLOC_OFFSET)

#endif /* _ASM_PGTABLE_H */

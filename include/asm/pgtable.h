/*
 * i386 two-level page tables (no PAE): the bits of an entry and the address split.
 *
 * A 32-bit virtual address is 10 bits of page-directory index, 10 bits of page-table
 * index and 12 bits of offset. Each directory entry (pgd/pde) points at a page table of
 * 1024 entries (ptes), each mapping one 4 KiB page. Both kinds of entry keep the
 * physical frame in bits 12..31 and these flags below.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include "page.h"

typedef u32 pte_t;
typedef u32 pgd_t;

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

#define pte_present(pte)	((pte) & _PAGE_PRESENT)
#define pte_pfn(pte)		((pte) >> PAGE_SHIFT)
#define pfn_pte(pfn, prot)	(((pte_t)(pfn) << PAGE_SHIFT) | (prot))

/* The page directory in use now (boot/head.asm's until arch/x86/mm/init_32.c installs the real one). */
extern pgd_t boot_page_dir[PTRS_PER_PGD];
/* The kernel's own page directory; its entries 768..1023 are copied into every process's. */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

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

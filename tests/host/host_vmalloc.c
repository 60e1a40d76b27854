/*
 * Fakes for the host tests of mm/vmalloc.c and arch/x86/mm/ioremap.c: page-table API, kmalloc,
 * kallsyms (see host_vmalloc.h).
 */
#include <stdlib.h>
#include <string.h>
#include "host_vmalloc.h"
#include "kallsyms.h"
#include "kernel.h"
#include "slab.h"
#include "uapi/errno.h"

#define KERNEL_BASE	0xc0000000UL
#define NR_KERNEL_PTES	((0x100000000ULL - KERNEL_BASE) >> PAGE_SHIFT)

pgd_t swapper_pg_dir[PTRS_PER_PGD];
static pte_t kernel_ptes[NR_KERNEL_PTES];
unsigned long host_invlpg_count;
unsigned long host_kmalloc_live;
static unsigned long kmalloc_fail_countdown;

static pte_t *fake_pte(unsigned long addr)
{
	if (addr < KERNEL_BASE || addr >= 0x100000000ULL)
		return NULL;
	return &kernel_ptes[(addr - KERNEL_BASE) >> PAGE_SHIFT];
}

pte_t *pte_lookup(pgd_t *pgd, unsigned long addr)
{
	(void)pgd;
	return fake_pte(addr);
}

int map_kernel_page(unsigned long addr, phys_addr_t phys, u32 prot)
{
	pte_t *pte = fake_pte(addr);

	BUG_ON(!pte);
	if (!pte_none(*pte))
		return -EEXIST;		/* as mm/pgtable.c's map_page (which also reports) */
	set_pte(pte, pfn_pte(PFN_DOWN(phys), prot));
	return 0;
}

pte_t unmap_kernel_page(unsigned long addr)
{
	pte_t *pte = fake_pte(addr), old;

	BUG_ON(!pte);
	old = ptep_get_and_clear(NULL, addr, pte);
	if (pte_accessible(old))
		host_invlpg_count++;
	return old;
}

phys_addr_t virt_to_phys_walk(pgd_t *pgd, unsigned long addr)
{
	pte_t *pte = pte_lookup(pgd, addr);

	if (!pte || !pte_accessible(*pte))
		return (phys_addr_t)-1;
	return PFN_PHYS(pte_pfn(*pte)) | (addr & ~PAGE_MASK);
}

unsigned long host_mapped_pages(unsigned long start, unsigned long end)
{
	unsigned long addr, n = 0;

	for (addr = start; addr < end; addr += PAGE_SIZE)
		n += virt_to_phys_walk(swapper_pg_dir, addr) != (phys_addr_t)-1;
	return n;
}

void host_kmalloc_fail_nth(unsigned long n)
{
	kmalloc_fail_countdown = n;
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p;

	if (kmalloc_fail_countdown && --kmalloc_fail_countdown == 0)
		return NULL;
	p = malloc(size ? size : 1);
	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	if (p)
		host_kmalloc_live++;
	return p;
}

void kfree(const void *objp)
{
	if (!objp)
		return;
	host_kmalloc_live--;
	free((void *)objp);
}

unsigned long host_vmalloc_boot(void)
{
	unsigned long free = host_mm_boot_default();

	memset(kernel_ptes, 0, sizeof(kernel_ptes));
	high_memory = (void *)HOST_HIGH_MEMORY;
	host_invlpg_count = 0;
	kmalloc_fail_countdown = 0;
	return free;
}

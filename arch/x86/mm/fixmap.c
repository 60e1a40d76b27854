/*
 * The fixmap's page table.
 *
 * All fixmap slots lie in the last 4 MiB of the address space, so one static page
 * table, installed in page-directory entry 1023 at boot, covers them all. Being static,
 * it exists before any allocator does; arch/x86/mm/init_32.c puts the same table into the final
 * kernel page directory, so slots set early stay valid.
 *
 * Relies on: include/asm/fixmap.h, boot_page_dir (boot/head.asm).
 */
#include <asm/fixmap.h>
#include <asm/x86.h>
#include <kernel.h>

static pte_t fixmap_page_table[PTRS_PER_PTE] __aligned(PAGE_SIZE);

_Static_assert(FIXADDR_START >= 0xffc00000UL, "fixmap must fit in one page table");

pte_t *fixmap_pte(void)
{
	return fixmap_page_table;
}

void early_fixmap_init(void)
{
	set_pgd(pgd_offset_pgd(boot_page_dir, FIXADDR_TOP),
		mk_pgd_table(__pa(fixmap_page_table), _KERNPG_TABLE));
	flush_tlb_all();
}

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, u32 flags)
{
	unsigned long vaddr = __fix_to_virt(idx);

	BUG_ON(idx >= __end_of_fixed_addresses || idx == FIX_HOLE);
	set_pte(&fixmap_page_table[pte_index(vaddr)], pfn_pte(PFN_DOWN(phys), flags));
	invlpg(vaddr);
}

void clear_fixmap(enum fixed_addresses idx)
{
	unsigned long vaddr = __fix_to_virt(idx);

	set_pte(&fixmap_page_table[pte_index(vaddr)], __pte(0));
	invlpg(vaddr);
}

/*
 * Fixed-address mappings ("fixmap") at the very top of the kernel's address space.
 *
 * Each slot is one page whose virtual address is a compile-time constant, counted down
 * from FIXADDR_TOP, so code can reach a device's registers or a HighMem page without
 * any allocation: set_fixmap(slot, phys) just writes one PTE. The slots' page table is
 * static (arch/x86/mm/fixmap.c) so the fixmap works before the page allocator exists.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include "pgtable.h"

#define FIXADDR_TOP	0xfffff000UL	/* the last page stays unmapped */

#define KM_TYPE_NR	16	/* kmap_atomic slots: the nesting depth allowed */

enum fixed_addresses {
	FIX_HOLE,
	FIX_APIC_BASE,		/* local APIC registers */
	FIX_KMAP_BEGIN,		/* kmap_atomic slots */
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_TYPE_NR - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE	((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START	(FIXADDR_TOP - FIXADDR_SIZE)

#define __fix_to_virt(x)	(FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)	((FIXADDR_TOP - ((x) & PAGE_MASK)) >> PAGE_SHIFT)
#define fix_to_virt(x)		__fix_to_virt(x)

void early_fixmap_init(void);
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, u32 flags);
void clear_fixmap(enum fixed_addresses idx);
pte_t *fixmap_pte(void);	/* the static page table behind the fixmap */

#define set_fixmap(idx, phys)		__set_fixmap(idx, phys, PAGE_KERNEL)
#define set_fixmap_nocache(idx, phys)	__set_fixmap(idx, phys, PAGE_KERNEL_NOCACHE)

#endif /* _ASM_FIXMAP_H */

/*
 * Boot-time set-up of the machine: reading what the boot loader found, printing it,
 * and preparing memory up to the kernel page tables.
 *
 *	setup_arch()		arch/x86/kernel/setup.c: the Multiboot information, the
 *				memory map into memblock, the loader's data reserved
 *	find_low_pfn_range()	arch/x86/mm/init_32.c: max_pfn, max_low_pfn, high_memory
 *	paging_init()		arch/x86/mm/init_32.c: swapper_pg_dir, the direct map
 *	mm_core_init()		mm/mm_init.c (mmzone.h): mem_map, zones, buddy allocator
 *
 * The numbers here are also the assembly's (boot/head.asm), through asm-offsets.
 */
#ifndef _SETUP_H
#define _SETUP_H

#include "types.h"
#include "multiboot.h"

/*
 * Physical memory mapped by boot/head.asm's temporary page tables, at 0 and at
 * PAGE_OFFSET. It must hold the kernel image (its .bss holds the kernel's own page
 * tables, so paging_init needs nothing else) and the loader's information; modules
 * may lie beyond it, since nothing reads them before paging_init maps all low memory.
 */
#define BOOT_MAP_SIZE	(64UL << 20)

/*
 * The smallest machine this kernel runs on, in MiB as `qemu -m` counts it (QEMU's 9M
 * gives about 8.6 MiB of usable RAM: the 640 KiB below 1 MiB, then 1 MiB up to the end).
 * find_low_pfn_range() refuses less, and tools/run-elf reads this line for its --mem
 * check, so the two agree.
 */
#define MIN_RAM_MB	9

/* The Multiboot information, or NULL (and a message) if the loader was not Multiboot. */
struct multiboot_info *multiboot_check(u32 magic, u32 info_phys);
void setup_arch(struct multiboot_info *mbi);
void *boot_phys_to_virt(u32 phys, u32 len);	/* NULL if outside the boot mapping */

/*
 * The Multiboot memory map, the only walk of it: every non-empty entry, in the loader's
 * order, stopping at the first malformed one. Nothing if there is no map in reach
 * (multiboot_has_mmap() false: the loader gave only mem_lower/mem_upper, or none).
 *
 *	const struct multiboot_mmap_entry *e;
 *	for_each_multiboot_mmap_entry(e, mbi)
 *		... e->addr, e->len, e->type ...
 */
bool multiboot_has_mmap(const struct multiboot_info *mbi);
const struct multiboot_mmap_entry *multiboot_mmap_first(const struct multiboot_info *mbi);
const struct multiboot_mmap_entry *multiboot_mmap_next(const struct multiboot_info *mbi,
							 const struct multiboot_mmap_entry *e);
#define for_each_multiboot_mmap_entry(e, mbi)					\
	for ((e) = multiboot_mmap_first(mbi); (e); (e) = multiboot_mmap_next(mbi, e))

/* arch/x86/mm/init_32.c: the x86-32 half of memory set-up. */
void find_low_pfn_range(void);	/* max_pfn, max_low_pfn (at most MAXMEM), high_memory */
void paging_init(void);		/* the kernel page tables; memblock may then use low memory */
void print_vm_layout(void);

#endif /* _SETUP_H */

/*
 * Boot-time set-up of the machine (arch/x86/kernel/setup.c): reading what the boot loader
 * found, printing it, and preparing memory.
 */
#ifndef _SETUP_H
#define _SETUP_H

#include "types.h"
#include "multiboot.h"

/* Physical memory mapped by boot/head.asm's temporary page tables. */
#define BOOT_MAP_SIZE	(64UL << 20)

/* The Multiboot information, or NULL (and a message) if the loader was not Multiboot. */
struct multiboot_info *multiboot_check(u32 magic, u32 info_phys);
void setup_arch(struct multiboot_info *mbi);
void *boot_phys_to_virt(u32 phys, u32 len);	/* NULL if outside the boot mapping */

/* arch/x86/mm/init_32.c: memblock, the kernel page tables, mem_map, zones, the buddy allocator. */
void mem_init(const struct multiboot_info *mbi);
void paging_init(void);
void print_vm_layout(void);
extern u64 mem_map_init_tsc;	/* ticks spent building mem_map and the free lists */

#endif /* _SETUP_H */

/*
 * The Multiboot (version 1) information structure, as GRUB and QEMU's -kernel loader
 * hand it to the kernel in %ebx. Only the parts this kernel reads are spelled out.
 * All addresses in it are physical.
 */
#ifndef _MULTIBOOT_H
#define _MULTIBOOT_H

#include "types.h"

/* The header in the kernel image (boot/head.asm) that makes a loader recognise it. */
#define MULTIBOOT_HEADER_MAGIC		0x1BADB002
#define MULTIBOOT_PAGE_ALIGN		0x001	/* load modules at page boundaries */
#define MULTIBOOT_MEMORY_INFO		0x002	/* pass mem_lower/upper and the memory map */
#define MULTIBOOT_HEADER_FLAGS		(MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO)

/* What the loader puts in %eax for the kernel. */
#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002

#define MULTIBOOT_INFO_MEMORY		0x001	/* mem_lower/mem_upper valid */
#define MULTIBOOT_INFO_CMDLINE		0x004
#define MULTIBOOT_INFO_MODS		0x008
#define MULTIBOOT_INFO_MEM_MAP		0x040
#define MULTIBOOT_INFO_BOOT_LOADER_NAME	0x200

struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB below 1 MiB */
	u32 mem_upper;		/* KiB above 1 MiB, up to the first hole */
	u32 boot_device;
	u32 cmdline;
	u32 mods_count;
	u32 mods_addr;
	u32 syms[4];
	u32 mmap_length;
	u32 mmap_addr;
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name;
} __packed;

/* A memory map entry; size does not count itself, so the next is at +size+4. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __packed;

#define MULTIBOOT_MEMORY_AVAILABLE	1

struct multiboot_mod_list {
	u32 mod_start;
	u32 mod_end;		/* one past the last byte */
	u32 cmdline;
	u32 pad;
} __packed;

extern struct multiboot_info *boot_mbi;	/* direct-map address of the info, set at boot */

#endif /* _MULTIBOOT_H */

/*
 * setup_arch(): what the boot loader told us, and memory up to the kernel page tables.
 *
 * The Multiboot information lives in physical memory that boot/head.asm mapped at
 * PAGE_OFFSET (the first BOOT_MAP_SIZE bytes), so it is read through __va(). Anything
 * it points to beyond that window is reported and ignored rather than dereferenced.
 *
 * This file owns the boot protocol: it is the only reader of the Multiboot memory map
 * (through for_each_multiboot_mmap_entry, for the printed map and for memblock), and it
 * reserves what the loader left in memory (information, command lines, modules), as
 * Linux's setup_arch() does with e820 and the initrd. Then find_low_pfn_range() and
 * paging_init() (arch/x86/mm/init_32.c) finish the arch half; mm_core_init()
 * (mm/mm_init.c) builds mem_map and the buddy allocator from what memblock holds.
 *
 * Relies on: include/multiboot.h, memblock, printk.
 */
#include <setup.h>
#include <kernel.h>
#include <memblock.h>
#include <mmzone.h>
#include <string.h>
#include <asm/page.h>
#include <asm/sections.h>

#define FOUR_GIB	0x100000000ULL

struct multiboot_info *boot_mbi;

/* A physical range the boot window can show, or NULL. */
void *boot_phys_to_virt(u32 phys, u32 len)
{
	if (phys >= BOOT_MAP_SIZE || len > BOOT_MAP_SIZE - phys)
		return NULL;
	return __va(phys);
}

struct multiboot_info *multiboot_check(u32 magic, u32 info_phys)
{
	struct multiboot_info *mbi;

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
		pr_emerg("Not booted by a Multiboot loader: magic 0x%08x, expected 0x%08x.\n"
			 "Boot this kernel with GRUB (make run) or qemu -kernel (make run-kernel).\n",
			 magic, MULTIBOOT_BOOTLOADER_MAGIC);
		return NULL;
	}
	mbi = boot_phys_to_virt(info_phys, sizeof(*mbi));
	if (!mbi)
		pr_emerg("Multiboot information at 0x%08x is beyond the boot mapping\n", info_phys);
	return mbi;
}

/* --- The memory map -------------------------------------------------------------- */

/*
 * Entries are variable-sized (size does not count itself), so the next one is at
 * +size+4; an entry that would run past mmap_length ends the walk, and empty entries
 * (some firmware pads the map with them) are skipped.
 */
static const struct multiboot_mmap_entry *
mmap_entry_at(const struct multiboot_info *mbi, const u8 *p)
{
	const u8 *start = boot_phys_to_virt(mbi->mmap_addr, mbi->mmap_length);
	const u8 *end = start + mbi->mmap_length;

	for (; p + sizeof(struct multiboot_mmap_entry) <= end;) {
		const struct multiboot_mmap_entry *e = (const void *)p;

		if (e->size + 4 < sizeof(*e) || e->size > (u32)(end - p) - 4)
			return NULL;		/* malformed: stop rather than read past it */
		if (e->len)
			return e;
		p += e->size + 4;
	}
	return NULL;
}

bool multiboot_has_mmap(const struct multiboot_info *mbi)
{
	return (mbi->flags & MULTIBOOT_INFO_MEM_MAP) &&
	       boot_phys_to_virt(mbi->mmap_addr, mbi->mmap_length);
}

const struct multiboot_mmap_entry *multiboot_mmap_first(const struct multiboot_info *mbi)
{
	if (!multiboot_has_mmap(mbi))
		return NULL;
	return mmap_entry_at(mbi, boot_phys_to_virt(mbi->mmap_addr, mbi->mmap_length));
}

const struct multiboot_mmap_entry *multiboot_mmap_next(const struct multiboot_info *mbi,
							 const struct multiboot_mmap_entry *e)
{
	return mmap_entry_at(mbi, (const u8 *)e + e->size + 4);
}

static const char *mmap_type_name(u32 type)
{
	switch (type) {
	case 1: return "usable";
	case 2: return "reserved";
	case 3: return "ACPI data";
	case 4: return "ACPI NVS";
	case 5: return "unusable";
	default: return "unknown";
	}
}

static void print_memory_map(const struct multiboot_info *mbi)
{
	const struct multiboot_mmap_entry *e;

	if (!multiboot_has_mmap(mbi)) {
		if (mbi->flags & MULTIBOOT_INFO_MEM_MAP)
			pr_warn("memory map at 0x%x is outside the boot mapping\n", mbi->mmap_addr);
		if (mbi->flags & MULTIBOOT_INFO_MEMORY)
			pr_info("BIOS memory: %u KiB below 1 MiB, %u KiB above (no memory map)\n",
				mbi->mem_lower, mbi->mem_upper);
		else
			pr_warn("boot loader gave no memory information\n");
		return;
	}
	pr_info("BIOS-provided physical RAM map:\n");
	for_each_multiboot_mmap_entry(e, mbi)
		pr_info(" BIOS-e820: [mem 0x%09llx-0x%09llx] %s\n", e->addr,
			e->addr + e->len - 1, mmap_type_name(e->type));
}

/* --- memblock from the map ------------------------------------------------------ */

static u64 ignored_above_4g;

static void add_usable_ram(u64 base, u64 len)
{
	u64 end = base + len;

	if (end > FOUR_GIB) {
		ignored_above_4g += end - (base > FOUR_GIB ? base : FOUR_GIB);
		if (base >= FOUR_GIB)
			return;
		len = FOUR_GIB - base;
	}
	memblock_add(base, len);
}

/* RAM below 4 GiB only: without PAE a 32-bit page table cannot name a frame above it. */
static void multiboot_memblock_setup(const struct multiboot_info *mbi)
{
	const struct multiboot_mmap_entry *e;

	if (multiboot_has_mmap(mbi)) {
		for_each_multiboot_mmap_entry(e, mbi)
			if (e->type == MULTIBOOT_MEMORY_AVAILABLE)
				add_usable_ram(e->addr, e->len);
	} else if (mbi->flags & MULTIBOOT_INFO_MEMORY) {
		pr_info("No memory map: using mem_lower/mem_upper from the boot loader\n");
		add_usable_ram(0, (u64)mbi->mem_lower << 10);
		add_usable_ram(1 << 20, (u64)mbi->mem_upper << 10);
	} else {
		panic("the boot loader gave no memory information");
	}
	if (ignored_above_4g)
		pr_notice("Ignoring %llu MiB of RAM above 4 GiB: without PAE a page table entry "
			  "holds 32-bit addresses only\n", ignored_above_4g >> 20);
}

/* --- What the loader left in memory --------------------------------------------- */

/*
 * Boot data is reserved in whole pages. A page that is only partly reserved is never
 * given to the buddy allocator anyway (memblock_free_all rounds free ranges inwards),
 * so this frees nothing less; but it makes what a loader packs page after page (GRUB
 * and QEMU load modules at consecutive page boundaries, the command lines back to back)
 * touch, and memblock merges touching ranges: any number of modules takes a handful
 * of memblock regions, not two per module.
 */
static void reserve(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t start = ALIGN_DOWN(base, PAGE_SIZE);

	memblock_reserve(start, PAGE_ALIGN(base + size) - start);
}

/*
 * A NUL-terminated string the loader left, reserved whole whatever its length: a
 * command line is read again long after boot (each program's arguments), when the
 * pages after a 4 KiB prefix would long have been someone else's. A string that is
 * not terminated inside the boot mapping is reserved up to the mapping's end.
 */
static void reserve_string(u32 phys)
{
	const char *s = boot_phys_to_virt(phys, 1);

	if (s)
		reserve(phys, strnlen(s, BOOT_MAP_SIZE - phys - 1) + 1);
}

static void reserve_boot_areas(const struct multiboot_info *mbi)
{
	const struct multiboot_mod_list *mods;
	u32 i;

	reserve(0, PAGE_SIZE);				/* real-mode IVT, BIOS data area */
	reserve(0xa0000, 0x100000 - 0xa0000);		/* VGA memory and BIOS ROMs */
	reserve((phys_addr_t)_phys_start, __pa(_end) - (phys_addr_t)_phys_start);	/* kernel */
	reserve(__pa(mbi), sizeof(*mbi));
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
		reserve_string(mbi->cmdline);
	if (mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		reserve_string(mbi->boot_loader_name);
	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP)
		reserve(mbi->mmap_addr, mbi->mmap_length);
	if (!(mbi->flags & MULTIBOOT_INFO_MODS) || !mbi->mods_count)
		return;
	reserve(mbi->mods_addr, mbi->mods_count * sizeof(*mods));
	mods = boot_phys_to_virt(mbi->mods_addr, mbi->mods_count * sizeof(*mods));
	for (i = 0; mods && i < mbi->mods_count; i++) {
		if (mods[i].mod_end > mods[i].mod_start)
			reserve(mods[i].mod_start, mods[i].mod_end - mods[i].mod_start);
		reserve_string(mods[i].cmdline);
	}
}

void setup_arch(struct multiboot_info *mbi)
{
	boot_mbi = mbi;
	if (mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME) {
		const char *name = boot_phys_to_virt(mbi->boot_loader_name, 1);

		if (name)
			pr_info("Boot loader: %s\n", name);
	}
	print_memory_map(mbi);
	multiboot_memblock_setup(mbi);
	reserve_boot_areas(mbi);
	find_low_pfn_range();
	memblock_dump();
	paging_init();
	meminfo_set_kernel_image(_end - _text);
	print_vm_layout();
}

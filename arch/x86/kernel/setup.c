/*
 * setup_arch(): what the boot loader told us, and the first look at memory.
 *
 * The Multiboot information lives in physical memory that boot/head.asm mapped at
 * PAGE_OFFSET (the first BOOT_MAP_SIZE bytes), so it is read through __va(). Anything
 * it points to beyond that window is reported and ignored rather than dereferenced.
 *
 * Relies on: include/multiboot.h, printk.
 */
#include <setup.h>
#include <kernel.h>
#include <asm/page.h>
#include <asm/sections.h>

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
	const u8 *p, *end;

	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP)) {
		if (mbi->flags & MULTIBOOT_INFO_MEMORY)
			pr_info("BIOS memory: %u KiB below 1 MiB, %u KiB above (no memory map)\n",
				mbi->mem_lower, mbi->mem_upper);
		else
			pr_warn("boot loader gave no memory information\n");
		return;
	}
	p = boot_phys_to_virt(mbi->mmap_addr, mbi->mmap_length);
	if (!p) {
		pr_warn("memory map at 0x%x is outside the boot mapping\n", mbi->mmap_addr);
		return;
	}
	pr_info("BIOS-provided physical RAM map:\n");
	for (end = p + mbi->mmap_length; p < end;) {
		const struct multiboot_mmap_entry *e = (const void *)p;

		p += e->size + 4;
		if (e->len == 0)	/* some firmware pads the map with empty entries */
			continue;
		pr_info(" BIOS-e820: [mem 0x%09llx-0x%09llx] %s\n", e->addr,
			e->addr + e->len - 1, mmap_type_name(e->type));
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
}

/*
 * Memory set-up at boot: from the boot loader's memory map to a running buddy allocator.
 *
 *  1. memblock learns the usable RAM from the Multiboot map (below 4 GiB only: without
 *     PAE a 32-bit page table cannot name a frame above it), then reserves what is
 *     already taken: the first page, the BIOS area below 1 MiB, the kernel image, the
 *     Multiboot information and every module.
 *  2. paging_init() builds swapper_pg_dir, the kernel's real page directory: the direct
 *     map of low memory (at most MAXMEM = 896 MiB) at PAGE_OFFSET with 4 KiB pages, the
 *     kernel's text and read-only data mapped read-only, the boot stack's guard page left
 *     out. Page tables for the whole kernel gigabyte (directory entries 768..1023) are
 *     allocated here once and never change, so a process's page directory can share
 *     them by copying those 256 entries, and a kernel mapping made later (vmalloc, kmap)
 *     is seen in every address space at once.
 *  3. mem_map gets one struct page per frame, the zones are laid out (DMA below 16 MiB,
 *     Normal up to max_low_pfn, HighMem above), and memblock hands every page it did not
 *     keep to the buddy allocator.
 *
 * i386 without PAE has no no-execute bit, so "data not executable" cannot be enforced
 * by the page tables here; read-only text is.
 *
 * Relies on: memblock (mm/memblock.c), zone set-up (mm/mm_init.c), the buddy allocator
 * (mm/page_alloc.c), fixmap.
 */
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <mmzone.h>
#include <multiboot.h>
#include <setup.h>
#include <string.h>
#include <asm/desc.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/x86.h>

#define FOUR_GIB	0x100000000ULL
#define MIN_RAM		(8UL << 20)	/* below this the kernel cannot even hold its tables */

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
/* The shared zero page (asm/pgtable.h): in .bss, so zero, and PG_reserved as the image is. */
unsigned long empty_zero_page[PAGE_SIZE / sizeof(unsigned long)] __aligned(PAGE_SIZE);
static unsigned long boot_reserved_bytes;

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

static void setup_memory_map(const struct multiboot_info *mbi)
{
	const u8 *p, *end;

	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP &&
	    (p = boot_phys_to_virt(mbi->mmap_addr, mbi->mmap_length))) {
		for (end = p + mbi->mmap_length; p < end; p += ((const u32 *)p)[0] + 4) {
			const struct multiboot_mmap_entry *e = (const void *)p;

			if (e->type == MULTIBOOT_MEMORY_AVAILABLE && e->len)
				add_usable_ram(e->addr, e->len);
		}
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

static void reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_reserve(base, size);
	boot_reserved_bytes += size;
}

static void reserve_string(u32 phys)
{
	const char *s = boot_phys_to_virt(phys, 1);

	if (s)
		reserve(phys, strnlen(s, PAGE_SIZE) + 1);
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
		reserve(mods[i].mod_start, mods[i].mod_end - mods[i].mod_start);
		reserve_string(mods[i].cmdline);
	}
}

static bool is_kernel_readonly(unsigned long vaddr)
{
	return (vaddr >= (unsigned long)_text && vaddr < (unsigned long)_erodata) ||
	       (vaddr >= (unsigned long)__bss_stop && vaddr < (unsigned long)_end) ||
	       (vaddr >= PAGE_OFFSET + (unsigned long)_phys_start &&
		vaddr < (unsigned long)_text);
}

static u32 direct_map_prot(unsigned long vaddr, u32 global)
{
	if (vaddr == (unsigned long)boot_stack_guard)
		return 0;		/* not present: a stack overflow faults */
	if (is_kernel_readonly(vaddr))
		return PAGE_KERNEL_RO | global;
	return PAGE_KERNEL | global;
}

static u32 cpu_global_pages(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & (1 << 13)))	/* no PGE */
		return 0;
	write_cr4(read_cr4() | X86_CR4_PGE);
	return _PAGE_GLOBAL;
}

void paging_init(void)
{
	unsigned int nr_tables = PTRS_PER_PGD - KERNEL_PGD_BOUNDARY - 1;	/* fixmap has its own */
	phys_addr_t tables = memblock_alloc(nr_tables * PAGE_SIZE, PAGE_SIZE);
	pte_t *pte = __va(tables);
	u32 global = cpu_global_pages();
	unsigned long pfn, i;

	if (!tables)
		panic("no memory below %lu MiB for the kernel page tables", BOOT_MAP_SIZE >> 20);
	memset(pte, 0, nr_tables * PAGE_SIZE);
	for (i = 0; i < nr_tables; i++)
		set_pgd(&swapper_pg_dir[KERNEL_PGD_BOUNDARY + i],
			mk_pgd_table(tables + i * PAGE_SIZE, _KERNPG_TABLE));
	set_pgd(&swapper_pg_dir[PTRS_PER_PGD - 1], mk_pgd_table(__pa(fixmap_pte()), _KERNPG_TABLE));

	/* The tables are contiguous, so the direct map's ptes are one array from pte[0]. */
	for (pfn = 0; pfn < max_low_pfn; pfn++) {
		unsigned long vaddr = PAGE_OFFSET + (pfn << PAGE_SHIFT);
		u32 prot = direct_map_prot(vaddr, global);

		set_pte(&pte[pfn], prot ? pfn_pte(pfn, prot) : __pte(0));
	}
	write_cr3(__pa(swapper_pg_dir));
	flush_tlb_all();
}

static void find_limits(void)
{
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	max_low_pfn = min(max_pfn, (unsigned long)(MAXMEM >> PAGE_SHIFT));
	high_memory = __va(PFN_PHYS(max_low_pfn));
	if (memblock_phys_mem_size() < MIN_RAM)
		panic("only %llu KiB of RAM: this kernel needs at least %lu MiB (try qemu -m 16M)",
		      (unsigned long long)memblock_phys_mem_size() >> 10, MIN_RAM >> 20);
}

static void layout_line(const char *name, unsigned long start, unsigned long end)
{
	unsigned long kib = (end - start) >> 10;

	if (kib >= 10 * 1024)
		pr_info("    %-9s: 0x%08lx - 0x%08lx   (%4lu MB)\n", name, start, end, kib >> 10);
	else
		pr_info("    %-9s: 0x%08lx - 0x%08lx   (%4lu kB)\n", name, start, end, kib);
}

/* Linux's "virtual kernel memory layout" block, top down, with the kernel image. */
void print_vm_layout(void)
{
	pr_info("Virtual kernel memory layout:\n");
	layout_line("fixmap", FIXADDR_START, FIXADDR_TOP);
	layout_line("pkmap", PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE);
	layout_line("vmalloc", VMALLOC_START, VMALLOC_END);
	layout_line("lowmem", PAGE_OFFSET, (unsigned long)high_memory);
	layout_line("  .text", (unsigned long)_text, (unsigned long)_etext);
	layout_line("  .rodata", (unsigned long)_srodata, (unsigned long)_erodata);
	layout_line("  .data", (unsigned long)_sdata, (unsigned long)_edata);
	layout_line("  .bss", (unsigned long)__bss_start, (unsigned long)__bss_stop);
	pr_info("    (the kernel image was loaded at physical 0x%08lx, %lu kB in all)\n",
		(unsigned long)_phys_start, (unsigned long)(_end - _text) >> 10);
}

u64 mem_map_init_tsc;	/* TSC ticks to build mem_map and the free lists (make bench) */

void mem_init(const struct multiboot_info *mbi)
{
	u64 t0;

	setup_memory_map(mbi);
	reserve_boot_areas(mbi);
	find_limits();
	memblock_dump();
	memblock_set_limit(BOOT_MAP_SIZE);	/* only that much is mapped until paging_init */
	paging_init();
	memblock_set_limit(PFN_PHYS(max_low_pfn));
	doublefault_set_cr3(__pa(swapper_pg_dir));
	t0 = rdtsc();
	zone_sizes_init();		/* mem_map from memblock, every page reserved */
	memblock_free_all();		/* ... until memblock releases what is free */
	mem_map_init_tsc = rdtsc() - t0;
	meminfo_set_kernel_image(_end - _text);
	print_vm_layout();
	show_zoneinfo();
	show_buddyinfo();
	show_meminfo();
}

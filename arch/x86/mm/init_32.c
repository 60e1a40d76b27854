/*
 * The x86-32 half of memory set-up: the limits of low memory and the kernel page tables.
 *
 *  1. find_low_pfn_range(): RAM ends at max_pfn; low memory, the part the kernel keeps
 *     mapped for good, ends at max_low_pfn, at most MAXMEM = 896 MiB so that vmalloc,
 *     pkmap and fixmap fit in the top gigabyte; the rest is HighMem.
 *  2. paging_init() builds swapper_pg_dir, the kernel's real page directory: the direct
 *     map of low memory at PAGE_OFFSET with 4 KiB pages, the kernel's text and read-only
 *     data mapped read-only, the boot stack's guard page left out. Page tables for the
 *     whole kernel gigabyte (directory entries 768..1023) are made here once and never
 *     change, so a process's page directory can share them by copying those 256
 *     entries, and a kernel mapping made later (vmalloc, kmap) is seen in every address
 *     space at once. They live in the kernel image's .bss (as Linux keeps its early page
 *     tables in the image's brk area), so they exist whatever the loader put where: the
 *     boot mapping covers the image, and a module of any size beyond it changes nothing.
 *
 * i386 without PAE has no no-execute bit, so "data not executable" cannot be enforced
 * by the page tables here; read-only text is.
 *
 * Before: setup_arch() (arch/x86/kernel/setup.c) filled memblock from the Multiboot map.
 * After: mm_core_init() (mm/mm_init.c) builds mem_map and the buddy allocator.
 *
 * Relies on: memblock (mm/memblock.c), fixmap, the double-fault TSS.
 */
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <mmzone.h>
#include <setup.h>
#include <string.h>
#include <asm/desc.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/x86.h>

/* Page tables for directory entries KERNEL_PGD_BOUNDARY..1022 (the fixmap has its own). */
#define NR_KERNEL_PGTABLES	(PTRS_PER_PGD - KERNEL_PGD_BOUNDARY - 1)

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
static pte_t kernel_page_tables[NR_KERNEL_PGTABLES][PTRS_PER_PTE] __aligned(PAGE_SIZE);
/* The shared zero page (asm/pgtable.h): in .bss, so zero, and PG_reserved as the image is. */
unsigned long empty_zero_page[PAGE_SIZE / sizeof(unsigned long)] __aligned(PAGE_SIZE);

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
	pte_t *pte = &kernel_page_tables[0][0];
	u32 global = cpu_global_pages();
	unsigned long pfn, i;

	memset(kernel_page_tables, 0, sizeof(kernel_page_tables));
	for (i = 0; i < NR_KERNEL_PGTABLES; i++)
		set_pgd(&swapper_pg_dir[KERNEL_PGD_BOUNDARY + i],
			mk_pgd_table(__pa(kernel_page_tables[i]), _KERNPG_TABLE));
	set_pgd(&swapper_pg_dir[PTRS_PER_PGD - 1], mk_pgd_table(__pa(fixmap_pte()), _KERNPG_TABLE));

	/* The tables are contiguous, so the direct map's ptes are one array from pte[0]. */
	for (pfn = 0; pfn < max_low_pfn; pfn++) {
		unsigned long vaddr = PAGE_OFFSET + (pfn << PAGE_SHIFT);
		u32 prot = direct_map_prot(vaddr, global);

		set_pte(&pte[pfn], prot ? pfn_pte(pfn, prot) : __pte(0));
	}
	write_cr3(__pa(swapper_pg_dir));
	flush_tlb_all();
	doublefault_set_cr3(__pa(swapper_pg_dir));
	/* All of low memory is mapped now: memblock may hand out any of it. */
	memblock_set_limit(PFN_PHYS(max_low_pfn));
}

/*
 * The size check counts as `qemu -m` does, from the end of RAM rounded up to a MiB
 * (QEMU's 8M ends at 8 MiB but holds only about 7.6 MiB of usable RAM).
 */
void find_low_pfn_range(void)
{
	u64 end = memblock_end_of_DRAM();

	max_pfn = PFN_DOWN(end);
	max_low_pfn = min(max_pfn, (unsigned long)(MAXMEM >> PAGE_SHIFT));
	high_memory = __va(PFN_PHYS(max_low_pfn));
	if (DIV_ROUND_UP(end, 1ULL << 20) < MIN_RAM_MB)
		panic("only %llu KiB of RAM: this kernel needs a machine of at least %u MiB "
		      "(qemu -m %uM)", (unsigned long long)memblock_phys_mem_size() >> 10,
		      MIN_RAM_MB, MIN_RAM_MB);
	/* Until paging_init, only the boot mapping can be reached through __va. */
	memblock_set_limit(BOOT_MAP_SIZE);
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


/*
 * Self-tests for the kernel page tables built by paging_init() and for the page-table
 * API (mm/pgtable.c).
 */
#include <ktest.h>
#include <uapi/errno.h>
#include <mm.h>
#include <mmzone.h>
#include <pgtable.h>
#include <setup.h>
#include <printk.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <asm/x86.h>

KTEST(pgtable, direct_map_covers_low_memory)
{
	unsigned long pfn, step = max_low_pfn / 64 + 1;

	KTEST_EXPECT_EQ(__pa(current_pgd()), read_cr3() & PAGE_MASK);
	for (pfn = 1; pfn < max_low_pfn; pfn += step) {
		unsigned long va = (unsigned long)__va(PFN_PHYS(pfn));

		if (va == (unsigned long)boot_stack_guard)
			continue;
		KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, va), PFN_PHYS(pfn));
	}
	/* Nothing is mapped between the end of the direct map and VMALLOC_START. */
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)high_memory),
			(phys_addr_t)-1);
}

KTEST(pgtable, every_kernel_page_table_exists_from_boot)
{
	unsigned long i;

	for (i = KERNEL_PGD_BOUNDARY; i < PTRS_PER_PGD; i++)
		if (!pgd_present(swapper_pg_dir[i]))
			KTEST_EXPECT_EQ(i, 0);	/* names the missing entry */
	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		if (!pgd_none(swapper_pg_dir[i]))
			KTEST_EXPECT_EQ(i, 0);
}

static void write_address(void *arg)
{
	*(volatile u8 *)arg = *(volatile u8 *)arg;
}

KTEST(pgtable, kernel_text_and_rodata_are_read_only)
{
	struct ktest_fault f;

	KTEST_ASSERT_TRUE(ktest_catch(write_address, _text, &f));
	KTEST_EXPECT_EQ(f.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(f.error_code & (X86_PF_PROT | X86_PF_WRITE), X86_PF_PROT | X86_PF_WRITE);
	KTEST_EXPECT_TRUE(ktest_catch(write_address, _srodata, NULL));
	KTEST_EXPECT_FALSE(ktest_catch(write_address, _sdata, NULL));
}

KTEST(pgtable, boot_stack_guard_stays_unmapped)
{
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)boot_stack_guard),
			(phys_addr_t)-1);
	KTEST_EXPECT_TRUE(ktest_catch(write_address, boot_stack_guard, NULL));
}

KTEST(pgtable, user_mappings_in_a_new_directory_free_everything)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_page(GFP_KERNEL);
	pgd_t *pgd = pgd_alloc();
	unsigned long addr = 0x08048000;

	KTEST_ASSERT_NOT_NULL(page);
	KTEST_ASSERT_NOT_NULL(pgd);
	/* The kernel half is shared, the user half empty. */
	KTEST_EXPECT_EQ(pgd_val(pgd[KERNEL_PGD_BOUNDARY]), pgd_val(swapper_pg_dir[KERNEL_PGD_BOUNDARY]));
	KTEST_EXPECT_TRUE(pgd_none(*pgd_offset_pgd(pgd, addr)));
	KTEST_EXPECT_NULL(pte_lookup(pgd, addr));
	KTEST_ASSERT_EQ(map_page(pgd, addr, page_to_phys(page), PAGE_KERNEL | _PAGE_USER), 0);
	KTEST_EXPECT_EQ(virt_to_phys_walk(pgd, addr + 5), page_to_phys(page) + 5);
	KTEST_EXPECT_TRUE(change_page_prot(pgd, addr, _PAGE_PRESENT | _PAGE_USER));
	KTEST_EXPECT_FALSE(pte_write(*pte_lookup(pgd, addr)));
	KTEST_EXPECT_TRUE(pte_accessible(unmap_page(pgd, addr)));
	KTEST_EXPECT_TRUE(pte_none(unmap_page(pgd, addr)));	/* already gone */
	KTEST_EXPECT_FALSE(change_page_prot(pgd, addr, PAGE_KERNEL));
	/* The user directory is not in CR3: the current one never saw the mapping. */
	KTEST_EXPECT_EQ(virt_to_phys_walk(current_pgd(), addr), (phys_addr_t)-1);
	pgd_free(pgd);
	__free_page(page);
	drain_all_pages();
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(pgtable, map_page_refuses_to_replace_an_entry_and_says_who_asked)
{
	unsigned long before = nr_free_pages();
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	pgd_t *pgd = pgd_alloc();
	unsigned long addr = 0x08048000;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(a);
	KTEST_ASSERT_NOT_NULL(b);
	KTEST_ASSERT_NOT_NULL(pgd);
	KTEST_EXPECT_EQ(a->_mapcount, -1);	/* Linux's "no mapping": page_mapcount() 0 */
	KTEST_EXPECT_EQ(page_mapcount(a), 0);
	KTEST_ASSERT_EQ(map_page(pgd, addr, page_to_phys(a), PAGE_KERNEL | _PAGE_USER), 0);
	KTEST_EXPECT_EQ(page_mapcount(a), 0);	/* map_page maps frames, rmap is the caller's */
	ktest_capture_start();
	KTEST_EXPECT_EQ(map_page(pgd, addr, page_to_phys(b), PAGE_KERNEL | _PAGE_USER), -EEXIST);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("BUG: remap of 08048000");
	KTEST_EXPECT_LOGGED("called from ktest_pgtable_map_page_refuses");
	/* Nothing changed: the first page is still the one mapped. */
	KTEST_EXPECT_EQ(virt_to_phys_walk(pgd, addr), page_to_phys(a));
	/* A hidden (PROT_NONE-style) entry is not empty either. */
	pte = pte_lookup(pgd, addr);
	KTEST_ASSERT_NOT_NULL(pte);
	set_pte_at(NULL, addr, pte, pte_modify(*pte, _PAGE_PROTNONE));
	ktest_capture_start();
	KTEST_EXPECT_EQ(map_page(pgd, addr, page_to_phys(b), PAGE_KERNEL | _PAGE_USER), -EEXIST);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("BUG: remap");
	KTEST_EXPECT_TRUE(pte_protnone(*pte) && pte_pfn(*pte) == page_to_pfn(a));
	/* Once cleared, the address can be mapped again. */
	KTEST_EXPECT_TRUE(pte_protnone(unmap_page(pgd, addr)));
	KTEST_EXPECT_EQ(map_page(pgd, addr, page_to_phys(b), PAGE_KERNEL | _PAGE_USER), 0);
	KTEST_EXPECT_EQ(virt_to_phys_walk(pgd, addr), page_to_phys(b));
	pgd_free(pgd);
	__free_page(a);
	__free_page(b);
	drain_all_pages();
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(pgtable, typed_entries_build_and_test_as_linux)
{
	struct page *page = pfn_to_page(0x1234);
	pte_t pte = mk_pte(page, PAGE_KERNEL_RO | _PAGE_USER);
	pte_t *ptep, slot = __pte(0);

	KTEST_EXPECT_EQ(pte_pfn(pte), 0x1234);
	KTEST_EXPECT_TRUE(pte_page(pte) == page);
	KTEST_EXPECT_TRUE(pte_present(pte) && pte_accessible(pte) && pte_user(pte));
	KTEST_EXPECT_FALSE(pte_write(pte));
	KTEST_EXPECT_TRUE(pte_young(pte));
	KTEST_EXPECT_FALSE(pte_dirty(pte));
	KTEST_EXPECT_TRUE(pte_write(pte_mkwrite(pte)) && !pte_write(pte_wrprotect(pte_mkwrite(pte))));
	KTEST_EXPECT_TRUE(pte_dirty(pte_mkdirty(pte)) && !pte_young(pte_mkold(pte)));
	KTEST_EXPECT_TRUE(pte_young(pte_mkyoung(pte_mkold(pte))));
	/* pte_modify keeps the frame and what the CPU recorded, takes the new rights. */
	pte = pte_modify(pte_mkdirty(pte), PAGE_KERNEL | _PAGE_USER);
	KTEST_EXPECT_TRUE(pte_write(pte) && pte_dirty(pte) && pte_pfn(pte) == 0x1234);
	pte = pte_modify(pte, _PAGE_PROTNONE);
	KTEST_EXPECT_TRUE(pte_present(pte) && pte_protnone(pte) && !pte_accessible(pte));
	KTEST_EXPECT_EQ(pte_pfn(pte), 0x1234);
	KTEST_EXPECT_TRUE(pte_none(__pte(0)) && !pte_present(__pte(0)));
	/* The stores. */
	ptep = &slot;
	set_pte_at(NULL, 0x1000, ptep, pfn_pte(7, PAGE_KERNEL));
	KTEST_EXPECT_EQ(pte_pfn(*ptep), 7);
	KTEST_EXPECT_EQ(pte_pfn(ptep_get_and_clear(NULL, 0x1000, ptep)), 7);
	KTEST_EXPECT_TRUE(pte_none(*ptep));
	set_pte_at(NULL, 0x1000, ptep, pfn_pte(8, PAGE_KERNEL));
	pte_clear(NULL, 0x1000, ptep);
	KTEST_EXPECT_TRUE(pte_none(*ptep));
	/* The folded pmd is the directory entry itself. */
	KTEST_EXPECT_TRUE((void *)pmd_offset(pgd_offset_k(PAGE_OFFSET), PAGE_OFFSET) ==
			  (void *)&swapper_pg_dir[KERNEL_PGD_BOUNDARY]);
	KTEST_EXPECT_TRUE(pte_offset_kernel(pmd_offset(pgd_offset_k(PAGE_OFFSET), PAGE_OFFSET),
					    PAGE_OFFSET) == pte_lookup(swapper_pg_dir, PAGE_OFFSET));
	KTEST_EXPECT_EQ(pgd_addr_end(0x00400123, 0x01000000), 0x00800000);
	KTEST_EXPECT_EQ(pgd_addr_end(0x00400123, 0x00500000), 0x00500000);
	KTEST_EXPECT_EQ(pgd_addr_end(0xffc00000, 0), 0);	/* the last block: up to 4 GiB */
}

KTEST(pgtable, a_second_directory_sees_the_same_kernel)
{
	pgd_t *pgd = pgd_alloc();
	pgd_t *old = current_pgd();
	volatile unsigned long seen;
	static unsigned long marker = 0x5eed;

	KTEST_ASSERT_NOT_NULL(pgd);
	switch_pgd(pgd);
	seen = marker;		/* kernel data, through the new directory */
	switch_pgd(old);
	KTEST_EXPECT_EQ(seen, 0x5eed);
	pgd_free(pgd);
}

KTEST(pgtable, boot_layout_block_shows_the_real_constants)
{
	char line[64];

	ktest_capture_start();
	print_vm_layout();
	ktest_capture_stop();
	snprintf(line, sizeof(line), "vmalloc  : 0x%08lx - 0x%08lx", VMALLOC_START, VMALLOC_END);
	KTEST_EXPECT_TRUE(ktest_capture_contains(line));
	snprintf(line, sizeof(line), "lowmem   : 0x%08lx - 0x%08lx", PAGE_OFFSET,
		 (unsigned long)high_memory);
	KTEST_EXPECT_TRUE(ktest_capture_contains(line));
	snprintf(line, sizeof(line), "pkmap    : 0x%08lx", PKMAP_BASE);
	KTEST_EXPECT_TRUE(ktest_capture_contains(line));
	snprintf(line, sizeof(line), "fixmap   : 0x%08lx - 0x%08lx", FIXADDR_START, FIXADDR_TOP);
	KTEST_EXPECT_TRUE(ktest_capture_contains(line));
	/* The areas do not overlap and come in this order. */
	KTEST_EXPECT_LE((unsigned long)high_memory + VMALLOC_OFFSET, VMALLOC_START);
	KTEST_EXPECT_LT(VMALLOC_END, PKMAP_BASE);
	KTEST_EXPECT_LE(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE, FIXADDR_START);
}

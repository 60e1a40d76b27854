/*
 * Self-tests for ioremap/iounmap (arch/x86/mm/ioremap.c) and dma_alloc_coherent (mm/dma.c).
 *
 * The VGA text buffer at 0xB8000 is device memory every PC has. Under QEMU with
 * -display none it may hold BIOS text or zeros, so the test does not guess its
 * contents: it compares the ioremap view with the direct map's view of the same
 * physical bytes (__va(0xB8000): the direct map covers the legacy hole too). Writes
 * crossing from one view to the other are shown on the reserved first page of RAM,
 * since without a VGA BIOS (qboot) the card ignores writes.
 *
 * Run: make run-kernel CMDLINE="test=ioremap" MEM=128M
 */
#include <ktest.h>
#include <dma.h>
#include <io.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <shrinker.h>
#include <string.h>
#include <vmalloc.h>

#define VGA_PHYS	0xb8000UL
#define VGA_BYTES	(80 * 25 * 2)

KTEST(ioremap, vga_buffer_reads_what_the_direct_map_sees)
{
	u16 *vga = ioremap(VGA_PHYS, VGA_BYTES);
	volatile u16 *direct = __va(VGA_PHYS);
	pte_t *pte;
	int i, differ = 0;
	u16 saved;

	KTEST_ASSERT_NOT_NULL(vga);
	KTEST_EXPECT_TRUE(is_vmalloc_addr(vga));
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)vga), VGA_PHYS);
	pte = pte_lookup(swapper_pg_dir, (unsigned long)vga);
	KTEST_ASSERT_NOT_NULL(pte);
	KTEST_EXPECT_EQ(pte_flags(*pte) & (_PAGE_PCD | _PAGE_PWT), _PAGE_PCD | _PAGE_PWT);	/* uncached */
	for (i = 0; i < VGA_BYTES / 2; i++)
		differ += readw(vga + i) != direct[i];
	KTEST_EXPECT_EQ(differ, 0);
	printk(KERN_ERR "    # VGA cell 0: 0x%04x\n", readw(vga));

	/*
	 * Writes reach the card only once its BIOS has set the text mode up: with qboot
	 * (no VGA BIOS) the planes are write-protected and every cell reads 0. Either
	 * way both views must agree; the next test shows a write crossing views in RAM.
	 */
	saved = readw(vga + 79);
	writew(0x1f41, vga + 79);		/* 'A', white on blue, top right */
	KTEST_EXPECT_EQ(direct[79], readw(vga + 79));
	printk(KERN_ERR "    # VGA memory %s\n", readw(vga + 79) == 0x1f41 ?
	       "keeps writes" : "ignores writes (no VGA BIOS ran)");
	direct[79] = 0x2f42;
	KTEST_EXPECT_EQ(readw(vga + 79), direct[79]);
	writew(saved, vga + 79);

	iounmap(vga);
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)vga), (phys_addr_t)-1);
	KTEST_EXPECT_NULL(find_vm_area(vga));
}

/*
 * The first page of RAM (real-mode vectors, BIOS data area) is reserved, never given to
 * the page allocator, so ioremap accepts it: a write through one view is read through
 * the other. 0x4f0-0x4ff is the BIOS "inter-application communication area", free for
 * anyone's use.
 */
KTEST(ioremap, write_through_one_view_read_through_the_other)
{
	u32 *io = ioremap(0x4f0, 16);
	volatile u32 *direct = __va(0x4f0);
	u32 saved;

	KTEST_ASSERT_NOT_NULL(io);
	KTEST_EXPECT_NE((unsigned long)io, (unsigned long)direct);
	saved = readl(io);
	KTEST_EXPECT_EQ(saved, *direct);
	writel(0xfeedface, io);
	KTEST_EXPECT_EQ(*direct, 0xfeedface);
	*direct = 0x600dcafe;
	KTEST_EXPECT_EQ(readl(io), 0x600dcafe);
	writel(saved, io);
	iounmap(io);
}

KTEST(ioremap, keeps_the_offset_and_shows_in_vmallocinfo)
{
	unsigned long phys = VGA_PHYS + 0xff0;	/* 32 bytes straddling a page boundary */
	u8 *v = ioremap(phys, 32);
	struct vm_struct *area;

	KTEST_ASSERT_NOT_NULL(v);
	KTEST_EXPECT_EQ((unsigned long)v & ~PAGE_MASK, 0xff0);
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)v), phys);
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)v + 31), phys + 31);
	area = find_vm_area(v);
	KTEST_ASSERT_NOT_NULL(area);
	KTEST_EXPECT_EQ(area->size, 3 * PAGE_SIZE);	/* two pages and the guard */
	KTEST_EXPECT_EQ(area->phys_addr, VGA_PHYS);
	KTEST_EXPECT_EQ(area->nr_pages, 0);		/* owns no pages */
	ktest_capture_start();
	vmallocinfo();
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("   12288 ktest_ioremap_keeps_the_offset_and_shows_in_vmallocinfo+0x");
	KTEST_EXPECT_LOGGED(" phys=0x000b8000 ioremap\n");
	iounmap(v);				/* any address in the first page will do */
	KTEST_EXPECT_NULL(find_vm_area(v));
}

KTEST(ioremap, refuses_ram_and_empty_ranges)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned int areas = vmalloc_nr_areas();

	KTEST_ASSERT_NOT_NULL(page);
	ktest_capture_start();
	KTEST_EXPECT_NULL(ioremap(page_to_phys(page), PAGE_SIZE));
	KTEST_EXPECT_NULL(ioremap(VGA_PHYS, 0));
	KTEST_EXPECT_NULL(ioremap(0xfffff000UL, 0x2000));	/* wraps around */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("refusing to map RAM");
	KTEST_EXPECT_LOGGED("empty or wrapping range");
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
	__free_page(page);
}

KTEST(ioremap, bad_iounmap_is_reported_and_changes_nothing)
{
	void *v = vmalloc(PAGE_SIZE);
	u16 *vga = ioremap(VGA_PHYS, 2);
	unsigned int areas = vmalloc_nr_areas();

	KTEST_ASSERT_NOT_NULL(v);
	KTEST_ASSERT_NOT_NULL(vga);
	KTEST_EXPECT_REPORT("BUG: iounmap(");
	KTEST_EXPECT_REPORT("BUG: vfree(");
	ktest_capture_start();
	iounmap(v);				/* a vmalloc area */
	iounmap((void *)(VMALLOC_END - PAGE_SIZE));
	vfree(vga);				/* and the other way round */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("release it with vfree()");
	KTEST_EXPECT_LOGGED("no vmalloc area contains this address");
	KTEST_EXPECT_LOGGED("release it with iounmap()");
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
	KTEST_EXPECT_EQ(readw(vga), *(volatile u16 *)__va(VGA_PHYS));	/* still mapped */
	iounmap(vga);
	vfree(v);
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas - 2);
}

KTEST(ioremap, dma_alloc_coherent_is_contiguous_below_16_mib)
{
	unsigned long before, i, size = 3 * PAGE_SIZE + 1;	/* rounds to 4 pages */
	dma_addr_t handle = 0;
	u8 *buf;
	bool zero = true;

	shrink_all();
	before = nr_free_pages();
	buf = dma_alloc_coherent(size, &handle);
	KTEST_ASSERT_NOT_NULL(buf);
	printk(KERN_ERR "    # dma buffer at %p, bus address 0x%08x\n", buf, handle);
	KTEST_EXPECT_EQ(__pa(buf), handle);
	KTEST_EXPECT_EQ(handle & ~PAGE_MASK, 0);
	KTEST_EXPECT_LE(handle + 4 * PAGE_SIZE, ISA_DMA_LIMIT);
	KTEST_EXPECT_LE(nr_free_pages(), before - 4);
	for (i = 0; i < 4; i++)			/* contiguous: frame after frame */
		KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir,
						  (unsigned long)buf + i * PAGE_SIZE),
				handle + i * PAGE_SIZE);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		zero &= buf[i] == 0;
	KTEST_EXPECT_TRUE(zero);
	memset(buf, 0x55, 4 * PAGE_SIZE);

	KTEST_EXPECT_REPORT("BUG: dma_free_coherent(");
	ktest_capture_start();
	dma_free_coherent(size, buf, handle + PAGE_SIZE);	/* wrong handle: refused */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("not a buffer dma_alloc_coherent returned");
	KTEST_EXPECT_EQ(buf[4 * PAGE_SIZE - 1], 0x55);

	dma_free_coherent(size, buf, handle);
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(ioremap, dma_alloc_coherent_rejects_impossible_sizes)
{
	unsigned long before = nr_free_pages();
	dma_addr_t handle = 0x1234;

	ktest_capture_start();
	KTEST_EXPECT_NULL(dma_alloc_coherent(0, &handle));
	KTEST_EXPECT_NULL(dma_alloc_coherent(16UL << 20, &handle));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("dma_alloc_coherent: size 0");
	KTEST_EXPECT_LOGGED("more than the largest contiguous block");
	KTEST_EXPECT_EQ(handle, 0x1234);
	KTEST_EXPECT_EQ(nr_free_pages(), before);
	dma_free_coherent(PAGE_SIZE, NULL, 0);	/* NULL: nothing to do */
}

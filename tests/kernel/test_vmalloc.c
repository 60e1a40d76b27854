/*
 * Self-tests for vmalloc (mm/vmalloc.c): contents survive at 1 page, 100 pages and
 * 16 MiB; the pages behind an area are scattered; the guard page faults and the fault
 * is named; vfree gives every page back and the range is reused; every bad call is
 * reported and changes nothing; one mapping is seen from two page directories.
 *
 * Run: make run-kernel CMDLINE="test=vmalloc" MEM=1G (any size from 16M works).
 */
#include <ktest.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <shrinker.h>
#include <slab.h>
#include <string.h>
#include <vmalloc.h>
#include <asm/x86.h>

/* A value no page holds by chance: depends on the word's index and a seed. */
static u32 pattern(unsigned long i, u32 seed)
{
	return (u32)(i * 2654435761u) ^ seed;
}

static void fill(void *p, unsigned long bytes, u32 seed)
{
	u32 *w = p;
	unsigned long i;

	for (i = 0; i < bytes / 4; i++)
		w[i] = pattern(i, seed);
}

/* Index of the first word that differs, or -1. */
static long check(const void *p, unsigned long bytes, u32 seed)
{
	const u32 *w = p;
	unsigned long i;

	for (i = 0; i < bytes / 4; i++)
		if (w[i] != pattern(i, seed))
			return i;
	return -1;
}

/* Places where the next virtual page is not the next physical frame (a software walk). */
static unsigned long count_discontinuities(const void *p, unsigned long bytes)
{
	unsigned long a = (unsigned long)p, n = 0, off;
	phys_addr_t prev = virt_to_phys_walk(swapper_pg_dir, a);

	for (off = PAGE_SIZE; off < bytes; off += PAGE_SIZE) {
		phys_addr_t cur = virt_to_phys_walk(swapper_pg_dir, a + off);

		if (cur != prev + PAGE_SIZE)
			n++;
		prev = cur;
	}
	return n;
}

static unsigned long count_highmem(const struct vm_struct *area)
{
	unsigned long i, n = 0;

	for (i = 0; i < area->nr_pages; i++)
		n += PageHighMem(area->pages[i]);
	return n;
}

/* Free counts that slab caching cannot blur: empty the caches first. */
static unsigned long settled_free_pages(void)
{
	shrink_all();
	return nr_free_pages();
}

static void vmalloc_fill_check(unsigned long bytes, const char *what)
{
	void *p = vmalloc(bytes);
	struct vm_struct *area;
	unsigned long i;

	KTEST_ASSERT_NOT_NULL(p);
	KTEST_EXPECT_TRUE(is_vmalloc_addr(p));
	KTEST_EXPECT_EQ((unsigned long)p & ~PAGE_MASK, 0);
	area = find_vm_area(p);
	KTEST_ASSERT_NOT_NULL(area);
	KTEST_EXPECT_EQ((unsigned long)area->addr, (unsigned long)p);
	KTEST_EXPECT_EQ(area->nr_pages, bytes >> PAGE_SHIFT);
	KTEST_EXPECT_EQ(area->size, bytes + PAGE_SIZE);
	KTEST_EXPECT_TRUE(area->flags & VM_ALLOC);
	for (i = 0; i < area->nr_pages; i++) {
		if (vmalloc_to_page((char *)p + i * PAGE_SIZE) != area->pages[i] ||
		    area->pages[i]->vm_area != area) {
			KTEST_EXPECT_EQ(i, ~0UL);	/* names the first bad page */
			break;
		}
	}
	KTEST_EXPECT_TRUE(check_vmalloc());
	fill(p, bytes, 0x5eed1234);
	KTEST_EXPECT_EQ(check(p, bytes, 0x5eed1234), -1);
	printk(KERN_ERR "    # %s at %p: pages=%u, %lu HighMem, %lu physical discontinuities\n",
	       what, p, area->nr_pages, count_highmem(area), count_discontinuities(p, bytes));
	vfree(p);
}

KTEST(vmalloc, one_page_contents_survive)
{
	vmalloc_fill_check(PAGE_SIZE, "1 page");
}

KTEST(vmalloc, hundred_pages_contents_survive)
{
	vmalloc_fill_check(100 * PAGE_SIZE, "100 pages");
}

KTEST(vmalloc, sixteen_mib_contents_survive)
{
	unsigned long need = (16UL << 20) >> PAGE_SHIFT;

	if (nr_free_pages() < need + need / 4) {
		ktest_skip("only %lu KiB free, 16 MiB needed: boot with -m 64M or more",
			   nr_free_pages() << (PAGE_SHIFT - 10));
		return;
	}
	vmalloc_fill_check(16UL << 20, "16 MiB");
}

KTEST(vmalloc, size_is_rounded_up_to_pages)
{
	char *p = vmalloc(1);
	struct vm_struct *area = find_vm_area(p);

	KTEST_ASSERT_NOT_NULL(p);
	KTEST_ASSERT_NOT_NULL(area);
	KTEST_EXPECT_EQ(area->nr_pages, 1);
	p[PAGE_SIZE - 1] = 'x';		/* the whole page is ours */
	vfree(p);
}

/*
 * Fragment on purpose: of 64 pages taken one by one, give back every other one; the
 * allocator's hot list then hands exactly those back to vmalloc, none next to another.
 */
KTEST(vmalloc, pages_behind_an_area_are_scattered)
{
	struct page *held[64];
	unsigned long i, n, disc;
	void *p;

	for (n = 0; n < ARRAY_SIZE(held); n++) {
		held[n] = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
		if (!held[n])
			break;
	}
	for (i = 0; i < n; i += 2)
		__free_page(held[i]);
	p = vmalloc(n / 2 * PAGE_SIZE);
	for (i = 1; i < n; i += 2)
		__free_page(held[i]);
	KTEST_ASSERT_NOT_NULL(p);
	disc = count_discontinuities(p, n / 2 * PAGE_SIZE);
	printk(KERN_ERR "    # %lu pages after fragmenting: %lu physical discontinuities\n", n / 2, disc);
	KTEST_EXPECT_GT(disc, n / 4);
	fill(p, n / 2 * PAGE_SIZE, 77);
	KTEST_EXPECT_EQ(check(p, n / 2 * PAGE_SIZE, 77), -1);
	vfree(p);
}

KTEST(vmalloc, prefers_highmem_pages)
{
	struct vm_struct *area;
	void *p;

	if (!nr_highmem_pages()) {
		ktest_skip("no HighMem: boot with -m 1G or more");
		return;
	}
	p = vmalloc(16 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(p);
	area = find_vm_area(p);
	KTEST_EXPECT_EQ(count_highmem(area), 16);
	vfree(p);
}

static void touch(void *p)
{
	(void)*(volatile char *)p;
}

KTEST(vmalloc, guard_page_faults_and_is_reported)
{
	char *p = vmalloc(2 * PAGE_SIZE);
	struct ktest_fault f = { 0 };
	char expect[96];
	bool faulted;

	KTEST_ASSERT_NOT_NULL(p);
	KTEST_EXPECT_FALSE(ktest_catch(touch, p + 2 * PAGE_SIZE - 1, NULL));	/* last byte */
	KTEST_EXPECT_EQ(virt_to_phys_walk(swapper_pg_dir, (unsigned long)p + 2 * PAGE_SIZE),
			(phys_addr_t)-1);
	KTEST_EXPECT_EQ((unsigned long)(vmalloc_guard_hit((unsigned long)p + 2 * PAGE_SIZE)), (unsigned long)(find_vm_area(p)));
	KTEST_EXPECT_NULL(vmalloc_guard_hit((unsigned long)p + PAGE_SIZE));

	KTEST_EXPECT_REPORT("BUG: vmalloc guard page hit");
	ktest_capture_start();
	faulted = ktest_catch(touch, p + 2 * PAGE_SIZE + 8, &f);
	ktest_capture_stop();
	KTEST_EXPECT_TRUE(faulted);
	KTEST_EXPECT_EQ(f.vector, 14);
	KTEST_EXPECT_EQ(f.cr2, (unsigned long)p + 2 * PAGE_SIZE + 8);
	snprintf(expect, sizeof(expect), "BUG: vmalloc guard page hit at 0x%08lx (area 0x%08lx-0x%08lx",
		 (unsigned long)p + 2 * PAGE_SIZE + 8, (unsigned long)p,
		 (unsigned long)p + 2 * PAGE_SIZE);
	KTEST_EXPECT_TRUE(ktest_capture_contains(expect));
	KTEST_EXPECT_LOGGED("ktest_vmalloc_guard_page_faults_and_is_reported+0x");
	KTEST_EXPECT_LOGGED("8 bytes past the end of the vmalloc area");
	vfree(p);
}

KTEST(vmalloc, access_after_vfree_faults)
{
	char *p = vmalloc(PAGE_SIZE);
	bool faulted;

	KTEST_ASSERT_NOT_NULL(p);
	p[0] = 1;
	vfree(p);
	KTEST_EXPECT_REPORT("is in the vmalloc range but no area covers it");
	ktest_capture_start();
	faulted = ktest_catch(touch, p, NULL);	/* the TLB entry went with the pte */
	ktest_capture_stop();
	KTEST_EXPECT_TRUE(faulted);
	KTEST_EXPECT_LOGGED("is in the vmalloc range but no area covers it");
}

KTEST(vmalloc, vfree_returns_every_page_and_range_is_reused)
{
	unsigned long before, areas = vmalloc_nr_areas();
	void *p, *q;

	vfree(vmalloc(100 * PAGE_SIZE));	/* warm the kmalloc caches it uses */
	before = settled_free_pages();
	p = vmalloc(100 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(p);
	KTEST_EXPECT_LE(nr_free_pages(), before - 100);
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas + 1);
	vfree(p);
	KTEST_EXPECT_EQ(settled_free_pages(), before);
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
	q = vmalloc(100 * PAGE_SIZE);
	KTEST_EXPECT_EQ((unsigned long)q, (unsigned long)p);			/* first fit finds the same gap */
	vfree(q);
	KTEST_EXPECT_EQ(settled_free_pages(), before);
}

/* A freed range between two live areas merges back: a bigger request that fits fills it. */
KTEST(vmalloc, freed_ranges_merge_and_are_reused_first_fit)
{
	char *a = vmalloc(PAGE_SIZE), *b = vmalloc(PAGE_SIZE), *c = vmalloc(PAGE_SIZE);
	char *d;

	KTEST_ASSERT_NOT_NULL(a);
	KTEST_ASSERT_NOT_NULL(b);
	KTEST_ASSERT_NOT_NULL(c);
	KTEST_EXPECT_EQ((unsigned long)b, (unsigned long)(a + 2 * PAGE_SIZE));	/* page + guard */
	KTEST_EXPECT_EQ((unsigned long)c, (unsigned long)(b + 2 * PAGE_SIZE));
	vfree(a);
	vfree(b);
	d = vmalloc(3 * PAGE_SIZE);		/* 4 pages with its guard: exactly a's and b's */
	KTEST_EXPECT_EQ((unsigned long)d, (unsigned long)a);
	vfree(c);
	vfree(d);
}

KTEST(vmalloc, vzalloc_returns_zeroed_memory)
{
	unsigned long bytes = 8 * PAGE_SIZE, i;
	unsigned char *p = vmalloc(bytes);
	bool zero = true;

	KTEST_ASSERT_NOT_NULL(p);
	memset(p, 0xa5, bytes);
	vfree(p);				/* the same pages come back first */
	p = vzalloc(bytes);
	KTEST_ASSERT_NOT_NULL(p);
	for (i = 0; i < bytes; i++)
		zero &= p[i] == 0;
	KTEST_EXPECT_TRUE(zero);
	vfree(p);
}

KTEST(vmalloc, too_large_or_zero_fails_with_null)
{
	unsigned long before = nr_free_pages(), areas = vmalloc_nr_areas();

	ktest_capture_start();
	KTEST_EXPECT_NULL(vmalloc(VMALLOC_END - VMALLOC_START));	/* no room for the guard */
	KTEST_EXPECT_NULL(vmalloc(VMALLOC_END - VMALLOC_START + PAGE_SIZE));
	KTEST_EXPECT_NULL(vmalloc(~0UL));
	KTEST_EXPECT_NULL(vmalloc(0));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("do not fit in the vmalloc area");
	KTEST_EXPECT_LOGGED("vmalloc: allocation failure: size 0");
	KTEST_EXPECT_EQ(nr_free_pages(), before);
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
}

/*
 * Pages only from ZONE_DMA (< 16 MiB), at most all of RAM: runs out half way at every
 * memory size.
 */
KTEST(vmalloc, running_out_half_way_frees_what_it_took)
{
	unsigned long before, areas = vmalloc_nr_areas();
	unsigned long bytes = min(20UL << 20, totalram_pages() << PAGE_SHIFT);

	ktest_capture_start();
	KTEST_EXPECT_NULL(__vmalloc(bytes, GFP_KERNEL | __GFP_DMA));	/* warm up */
	before = settled_free_pages();
	KTEST_EXPECT_NULL(__vmalloc(bytes, GFP_KERNEL | __GFP_DMA));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("out of pages after");
	KTEST_EXPECT_EQ(settled_free_pages(), before);
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
}

KTEST(vmalloc, failed_page_allocation_leaks_nothing)
{
	unsigned long before = settled_free_pages(), areas = vmalloc_nr_areas();
	void *p;

	fail_page_alloc_set(~0UL);
	p = vmalloc(10 * PAGE_SIZE);
	fail_page_alloc_set(0);
	KTEST_EXPECT_NULL(p);
	KTEST_EXPECT_EQ(settled_free_pages(), before);
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
}

KTEST(vmalloc, bad_vfree_is_reported_and_changes_nothing)
{
	char *p = vmalloc(2 * PAGE_SIZE);
	void *k = kmalloc(64, GFP_KERNEL);
	unsigned long before, areas;

	KTEST_ASSERT_NOT_NULL(p);
	fill(p, 2 * PAGE_SIZE, 99);
	before = nr_free_pages();
	areas = vmalloc_nr_areas();

	KTEST_EXPECT_REPORT("BUG: vfree(");	/* four times */
	ktest_capture_start();
	vfree(p + PAGE_SIZE);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("not the start of a vmalloc area");
	KTEST_EXPECT_LOGGED("called from ktest_vmalloc_bad_vfree_is_reported_and_changes_nothing+0x");

	ktest_capture_start();
	vfree(k);				/* a kmalloc pointer */
	vfree((void *)(VMALLOC_END - PAGE_SIZE));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("no vmalloc area contains this address");

	KTEST_EXPECT_EQ(check(p, 2 * PAGE_SIZE, 99), -1);
	KTEST_EXPECT_TRUE(check_vmalloc());
	KTEST_EXPECT_EQ(nr_free_pages(), before);
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
	vfree(p);

	ktest_capture_start();
	vfree(p);				/* twice */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("no vmalloc area contains this address");
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas - 1);
	kfree(k);
}

KTEST(vmalloc, vfree_null_is_a_no_op)
{
	unsigned long areas = vmalloc_nr_areas();

	ktest_capture_start();
	vfree(NULL);
	vunmap(NULL);
	ktest_capture_stop();
	KTEST_EXPECT_STREQ(ktest_capture_text(), "");
	KTEST_EXPECT_EQ(vmalloc_nr_areas(), areas);
}

KTEST(vmalloc, vmap_maps_the_callers_pages)
{
	struct page *pages[3];
	unsigned long before = settled_free_pages();
	char *v;
	int i;

	for (i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(pages[i]);
		memset(page_address(pages[i]), 'a' + i, PAGE_SIZE);
	}
	v = vmap(pages, 3, 0, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(v);
	KTEST_EXPECT_EQ(v[0], 'a');
	KTEST_EXPECT_EQ(v[PAGE_SIZE], 'b');
	KTEST_EXPECT_EQ(v[3 * PAGE_SIZE - 1], 'c');
	v[PAGE_SIZE + 1] = 'B';
	KTEST_EXPECT_EQ(((char *)page_address(pages[1]))[1], 'B');
	KTEST_EXPECT_TRUE(find_vm_area(v)->flags & VM_MAP);

	KTEST_EXPECT_REPORT("BUG: vfree(");
	ktest_capture_start();
	vfree(v);				/* not vmalloc's: refused */
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("release it with vunmap()");
	vunmap(v);
	KTEST_EXPECT_NULL(find_vm_area(v));
	for (i = 0; i < 3; i++) {		/* still the caller's */
		KTEST_EXPECT_EQ(((char *)page_address(pages[i]))[2], 'a' + i);
		__free_page(pages[i]);
	}
	KTEST_EXPECT_EQ(settled_free_pages(), before);
}

/*
 * A second page directory shares the kernel's page tables: an area mapped after it was
 * made is there too, with no copying.
 */
KTEST(vmalloc, same_mapping_in_two_page_directories)
{
	pgd_t *pgd = pgd_alloc(), *old = current_pgd();
	unsigned long flags;
	long bad;
	u32 *p;

	KTEST_ASSERT_NOT_NULL(pgd);
	p = vmalloc(4 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(p);
	fill(p, 4 * PAGE_SIZE, 0xabcdef);
	KTEST_EXPECT_EQ(virt_to_phys_walk(pgd, (unsigned long)p + PAGE_SIZE),
			virt_to_phys_walk(swapper_pg_dir, (unsigned long)p + PAGE_SIZE));

	flags = local_irq_save();
	switch_pgd(pgd);
	KTEST_EXPECT_EQ((unsigned long)(current_pgd()), (unsigned long)pgd);
	bad = check(p, 4 * PAGE_SIZE, 0xabcdef);
	p[5] = 0x12345678;			/* a write seen back in the first directory */
	switch_pgd(old);
	local_irq_restore(flags);

	KTEST_EXPECT_EQ(bad, -1);
	KTEST_EXPECT_EQ(p[5], 0x12345678);
	vfree(p);
	pgd_free(pgd);
}

KTEST(vmalloc, vmallocinfo_lists_areas_like_linux)
{
	void *p = vmalloc(PAGE_SIZE);
	char expect[64];

	KTEST_ASSERT_NOT_NULL(p);
	ktest_capture_start();
	vmallocinfo();
	ktest_capture_stop();
	snprintf(expect, sizeof(expect), "0x%08lx-0x%08lx    8192 ", (unsigned long)p,
		 (unsigned long)p + 2 * PAGE_SIZE);
	KTEST_EXPECT_TRUE(ktest_capture_contains(expect));
	KTEST_EXPECT_LOGGED(" ktest_vmalloc_vmallocinfo_lists_areas_like_linux+0x");
	KTEST_EXPECT_LOGGED(" pages=1 vmalloc\n");
	vfree(p);
}

/*
 * The layout the boot log prints is the one the code uses: the 8 MiB hole after the
 * direct map, vmalloc below pkmap below the fixmap, and a page table for every 4 MiB
 * of all three already in swapper_pg_dir (so no mapping here ever allocates one).
 */
KTEST(vmalloc, layout_matches_the_constants)
{
	unsigned long addr;

	KTEST_EXPECT_GE(VMALLOC_START, (unsigned long)high_memory + VMALLOC_OFFSET);
	KTEST_EXPECT_LT(VMALLOC_START, (unsigned long)high_memory + 2 * VMALLOC_OFFSET);
	KTEST_EXPECT_EQ(VMALLOC_START % VMALLOC_OFFSET, 0);
	KTEST_EXPECT_LT(VMALLOC_START, VMALLOC_END);
	KTEST_EXPECT_LE(VMALLOC_END, PKMAP_BASE);
	KTEST_EXPECT_LE(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE, FIXADDR_START);
	KTEST_EXPECT_LE(FIXADDR_TOP, 0xfffff000UL);	/* the last page stays unmapped */
	for (addr = VMALLOC_START & PGDIR_MASK; addr && addr < FIXADDR_TOP; addr += PGDIR_SIZE)
		if (!pte_lookup(swapper_pg_dir, addr)) {
			KTEST_EXPECT_EQ(addr, 0);	/* names the first missing table */
			break;
		}
	printk(KERN_ERR "    # vmalloc 0x%08lx-0x%08lx (%lu MiB), pkmap 0x%08lx, fixmap 0x%08lx\n",
	       VMALLOC_START, VMALLOC_END, (VMALLOC_END - VMALLOC_START) >> 20, PKMAP_BASE,
	       FIXADDR_START);
}

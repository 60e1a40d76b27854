/*
 * Host unit tests for vmalloc, vmap and ioremap (mm/vmalloc.c, arch/x86/mm/ioremap.c) on the
 * buddy allocator's fake machine, with fake page tables (host_vmalloc.c).
 *
 * After each test the harness checks that nothing leaked: no area left, no pte left in
 * the vmalloc range, every page back in the buddy allocator, every kmalloc'ed block
 * freed, and check_vmalloc() content.
 *
 * Output: TAP, one "ok N - name" / "not ok N - name" line per test, details as "#" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include "host_vmalloc.h"
#include "tap.h"
#include "io.h"
#include "slab.h"
#include "string.h"
#include "vmalloc.h"

#define A(p)	((unsigned long)(p))

static phys_addr_t walk(unsigned long addr)
{
	return virt_to_phys_walk(swapper_pg_dir, addr);
}

/* ------------------------------------------------------------------------------ */

static void vmalloc_maps_every_page_in_order_and_leaves_the_guard_unmapped(void)
{
	void *p = vmalloc(5 * PAGE_SIZE + 1);		/* rounds up to 6 pages */
	struct vm_struct *area = find_vm_area(p);
	unsigned long i;

	REQUIRE(p && area);
	CHECK_EQ(A(p), VMALLOC_START);
	CHECK_EQ(area->addr, p);
	CHECK_EQ(area->size, 7 * PAGE_SIZE);
	CHECK_EQ(area->nr_pages, 6);
	CHECK(area->flags & VM_ALLOC);
	for (i = 0; i < 6; i++) {
		CHECK_EQ(walk(A(p) + i * PAGE_SIZE), page_to_phys(area->pages[i]));
		CHECK_EQ(vmalloc_to_page((char *)p + i * PAGE_SIZE + 5), area->pages[i]);
		CHECK(area->pages[i]->vm_area == area);
	}
	CHECK_EQ(walk(A(p) + 6 * PAGE_SIZE), (phys_addr_t)-1);	/* the guard */
	CHECK(vmalloc_guard_hit(A(p) + 6 * PAGE_SIZE + 100) == area);
	CHECK(!vmalloc_guard_hit(A(p) + 5 * PAGE_SIZE));
	CHECK(find_vm_area((char *)p + 6 * PAGE_SIZE) == area);	/* the guard is the area's */
	CHECK(!find_vm_area((char *)p + 7 * PAGE_SIZE));
	CHECK(check_vmalloc());
	vfree(p);
}

static void vmalloc_takes_highmem_first(void)
{
	void *p = vmalloc(8 * PAGE_SIZE);
	struct vm_struct *area = find_vm_area(p);
	unsigned int i, high = 0;

	REQUIRE(area);
	for (i = 0; i < area->nr_pages; i++)
		high += PageHighMem(area->pages[i]);
	CHECK_EQ(high, 8);
	vfree(p);
}

static void first_fit_reuses_the_lowest_gap_and_merges_neighbours(void)
{
	char *a = vmalloc(PAGE_SIZE), *b = vmalloc(2 * PAGE_SIZE), *c = vmalloc(PAGE_SIZE);
	char *d, *e;

	REQUIRE(a && b && c);
	CHECK_EQ(A(b), A(a) + 2 * PAGE_SIZE);
	CHECK_EQ(A(c), A(b) + 3 * PAGE_SIZE);
	vfree(b);
	d = vmalloc(PAGE_SIZE);			/* fits in b's 3-page gap: first fit */
	CHECK_EQ(A(d), A(b));
	vfree(a);
	vfree(d);				/* a's and b's ranges merge: 5 pages free */
	e = vmalloc(4 * PAGE_SIZE);		/* needs 5 with its guard */
	CHECK_EQ(A(e), A(a));
	CHECK_EQ(vmalloc_nr_areas(), 2);
	CHECK(check_vmalloc());
	vfree(c);
	vfree(e);
}

static void vfree_unmaps_every_page_with_one_invlpg_each(void)
{
	unsigned long free = nr_free_pages();
	void *p = vmalloc(10 * PAGE_SIZE);

	REQUIRE(p);
	CHECK_EQ(nr_free_pages(), free - 10);
	CHECK_EQ(host_mapped_pages(VMALLOC_START, VMALLOC_END), 10);
	host_invlpg_count = 0;
	vfree(p);
	CHECK_EQ(host_invlpg_count, 10);
	CHECK_EQ(host_mapped_pages(VMALLOC_START, VMALLOC_END), 0);
	CHECK_EQ(nr_free_pages(), free);
	CHECK_EQ(host_kmalloc_live, 0);
}

static void vfree_of_bad_addresses_is_reported_and_changes_nothing(void)
{
	char *p = vmalloc(3 * PAGE_SIZE);
	unsigned long free = nr_free_pages(), live = host_kmalloc_live;
	int local;

	REQUIRE(p);
	vfree(p + PAGE_SIZE);
	CHECK_LOGGED("BUG: vfree(");
	CHECK_LOGGED("not the start of a vmalloc area: it is inside");
	host_log_reset();
	vfree(p + 3 * PAGE_SIZE);		/* its guard page */
	CHECK_LOGGED("not the start of a vmalloc area");
	host_log_reset();
	vfree(&local);				/* not even a vmalloc address */
	vfree((void *)(VMALLOC_END - PAGE_SIZE));
	CHECK_LOGGED("no vmalloc area contains this address");
	CHECK_EQ(nr_free_pages(), free);
	CHECK_EQ(host_kmalloc_live, live);
	CHECK_EQ(host_mapped_pages(VMALLOC_START, VMALLOC_END), 3);
	CHECK(check_vmalloc());
	vfree(p);
	host_log_reset();
	vfree(p);				/* double vfree */
	CHECK_LOGGED("no vmalloc area contains this address");
	vfree(NULL);
}

static void vmalloc_zero_or_too_large_returns_null(void)
{
	unsigned long free = nr_free_pages();

	CHECK(!vmalloc(0));
	CHECK_LOGGED("size 0");
	CHECK(!vmalloc(VMALLOC_END - VMALLOC_START));		/* no room for the guard */
	CHECK(!vmalloc(~0UL));
	CHECK(!vmalloc(~0UL - PAGE_SIZE + 2));			/* PAGE_ALIGN would wrap */
	CHECK_LOGGED("do not fit in the vmalloc area");
	CHECK(!vmalloc((totalram_pages() + 1) * PAGE_SIZE));
	CHECK_LOGGED("more than all of RAM");
	CHECK(!vmap(NULL, 0, 0, PAGE_KERNEL));
	CHECK_EQ(nr_free_pages(), free);
	CHECK_EQ(vmalloc_nr_areas(), 0);
}

static void running_out_of_pages_half_way_frees_them_all(void)
{
	struct page *held = alloc_page(GFP_KERNEL);
	unsigned long free = nr_free_pages();
	void *p;

	REQUIRE(held);
	p = vmalloc(totalram_pages() * PAGE_SIZE);	/* one page more than is free */
	CHECK(!p);
	CHECK_LOGGED("out of pages after");
	CHECK_EQ(nr_free_pages(), free);
	CHECK_EQ(host_mapped_pages(VMALLOC_START, VMALLOC_END), 0);
	CHECK_EQ(vmalloc_nr_areas(), 0);
	p = vmalloc(PAGE_SIZE);				/* and everything still works */
	CHECK_EQ(A(p), VMALLOC_START);
	vfree(p);
	__free_page(held);
}

static void failing_kmalloc_of_descriptor_or_array_leaks_nothing(void)
{
	unsigned long free = nr_free_pages();

	host_kmalloc_fail_nth(1);			/* the vm_struct */
	CHECK(!vmalloc(4 * PAGE_SIZE));
	CHECK_LOGGED("no memory for the area descriptor");
	host_kmalloc_fail_nth(2);			/* the page array */
	CHECK(!vmalloc(4 * PAGE_SIZE));
	CHECK_LOGGED("no memory for the array of 4 pages");
	fail_page_alloc_set(~0UL);			/* the first page */
	CHECK(!vmalloc(4 * PAGE_SIZE));
	fail_page_alloc_set(0);
	CHECK_LOGGED("out of pages after 0 of 4");
	host_kmalloc_fail_nth(1);
	CHECK(!ioremap(0x9f000, 16));
	CHECK_LOGGED("no memory for the area descriptor");
	CHECK_EQ(nr_free_pages(), free);
	CHECK_EQ(vmalloc_nr_areas(), 0);
	CHECK_EQ(host_kmalloc_live, 0);
}

static void vzalloc_zeroes_highmem_pages(void)
{
	unsigned long calls = host_clear_highpage_calls;
	struct vm_struct *area;
	unsigned int i;
	bool zero = true;
	void *p = vzalloc(4 * PAGE_SIZE);

	REQUIRE(p);
	area = find_vm_area(p);
	for (i = 0; i < area->nr_pages; i++) {
		const unsigned char *b = host_arena + page_to_phys(area->pages[i]);
		unsigned long j;

		for (j = 0; j < PAGE_SIZE; j++)
			zero &= b[j] == 0;
	}
	CHECK(zero);
	CHECK_EQ(host_clear_highpage_calls - calls, 4);	/* HighMem pages, zeroed by the hook */
	vfree(p);
}

static void vmap_leaves_pages_to_the_caller(void)
{
	struct page *pages[3];
	unsigned long free, i;
	void *v;

	for (i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		REQUIRE(pages[i]);
	}
	free = nr_free_pages();
	v = vmap(pages, 3, 0, PAGE_KERNEL_RO);
	REQUIRE(v);
	CHECK(find_vm_area(v)->flags & VM_MAP);
	CHECK_EQ(find_vm_area(v)->nr_pages, 0);
	for (i = 0; i < 3; i++)
		CHECK_EQ(walk(A(v) + i * PAGE_SIZE), page_to_phys(pages[i]));
	CHECK_EQ(pte_flags(*pte_lookup(swapper_pg_dir, A(v))), PAGE_KERNEL_RO);
	CHECK(check_vmalloc());
	vfree(v);				/* refused: not vmalloc's */
	CHECK_LOGGED("release it with vunmap()");
	CHECK(find_vm_area(v));
	vunmap(v);
	CHECK(!find_vm_area(v));
	CHECK_EQ(nr_free_pages(), free);	/* the pages are still the caller's */
	for (i = 0; i < 3; i++)
		__free_page(pages[i]);
}

static void ioremap_maps_reserved_frames_uncached_and_refuses_ram(void)
{
	struct page *ram = alloc_page(GFP_KERNEL);
	char *io = ioremap(0x9f000 + 0x10, 2 * PAGE_SIZE);	/* the BIOS hole: reserved */
	struct vm_struct *area;

	REQUIRE(ram && io);
	area = find_vm_area(io);
	REQUIRE(area);
	CHECK_EQ(A(io) & ~PAGE_MASK, 0x10);
	CHECK_EQ(area->phys_addr, 0x9f000);
	CHECK_EQ(area->size, 4 * PAGE_SIZE);	/* 0x10 + 8 KiB spans 3 pages, + guard */
	CHECK_EQ(walk(A(io)), 0x9f010);
	CHECK_EQ(walk(A(io) + 2 * PAGE_SIZE), 0xa1010);
	CHECK_EQ(pte_flags(*pte_lookup(swapper_pg_dir, A(io))), PAGE_KERNEL_NOCACHE);
	CHECK(check_vmalloc());

	CHECK(!ioremap(page_to_phys(ram), 16));
	CHECK_LOGGED("refusing to map RAM");
	CHECK(!ioremap(0x9f000, 0));
	CHECK(!ioremap(~(phys_addr_t)0 - 10, 100));
	CHECK_LOGGED("empty or wrapping range");
	CHECK_EQ(vmalloc_nr_areas(), 1);
	iounmap(io + 0x100);			/* any address in the first page */
	CHECK_EQ(vmalloc_nr_areas(), 0);
	iounmap(NULL);
	__free_page(ram);
}

static void release_with_the_wrong_function_is_refused(void)
{
	void *v = vmalloc(PAGE_SIZE);
	void *io = ioremap(0, PAGE_SIZE);	/* page 0 is reserved */

	REQUIRE(v && io);
	iounmap(v);
	CHECK_LOGGED("release it with vfree()");
	vunmap(io);
	CHECK_LOGGED("release it with iounmap()");
	vfree(io);
	CHECK_EQ(vmalloc_nr_areas(), 2);
	CHECK(check_vmalloc());
	vfree(v);
	iounmap(io);
}

static void vmallocinfo_prints_linux_format(void)
{
	void *v = vmalloc(PAGE_SIZE);
	void *io = ioremap(0x9f000, PAGE_SIZE);
	char line[128];

	REQUIRE(v && io);
	host_log_reset();
	vmallocinfo();
	snprintf(line, sizeof(line), "0x%08lx-0x%08lx    8192 0x", A(v), A(v) + 2 * PAGE_SIZE);
	CHECK_LOGGED(line);
	CHECK_LOGGED(" pages=1 vmalloc\n");
	CHECK_LOGGED(" phys=0x0009f000 ioremap\n");
	vfree(v);
	iounmap(io);
}

static void fault_report_names_guard_and_unmapped_addresses(void)
{
	char *p = vmalloc(2 * PAGE_SIZE);
	char line[128];

	REQUIRE(p);
	vmalloc_report_fault(A(p) + 2 * PAGE_SIZE + 3);
	snprintf(line, sizeof(line), "BUG: vmalloc guard page hit at 0x%08lx (area 0x%08lx-0x%08lx",
		 A(p) + 2 * PAGE_SIZE + 3, A(p), A(p) + 2 * PAGE_SIZE);
	CHECK_LOGGED(line);
	CHECK_LOGGED("3 bytes past the end of the vmalloc area");
	host_log_reset();
	vmalloc_report_fault(A(p) + 5 * PAGE_SIZE);
	CHECK_LOGGED("is in the vmalloc range but no area covers it");
	host_log_reset();
	vmalloc_report_fault(A(p));			/* inside the area: nothing to say */
	vmalloc_report_fault(0x1000);			/* not a vmalloc address */
	CHECK_EQ(host_log_text()[0], '\0');
	vfree(p);
}

static void check_vmalloc_catches_a_mapped_guard_page(void)
{
	char *p = vmalloc(PAGE_SIZE);

	REQUIRE(p);
	map_kernel_page(A(p) + PAGE_SIZE, 0x5000, PAGE_KERNEL);
	CHECK(!check_vmalloc());
	CHECK_LOGGED("its guard page is mapped");
	unmap_kernel_page(A(p) + PAGE_SIZE);
	host_log_reset();
	unmap_kernel_page(A(p));
	CHECK(!check_vmalloc());
	CHECK_LOGGED("page 0 is not mapped");
	map_kernel_page(A(p), page_to_phys(find_vm_area(p)->pages[0]), PAGE_KERNEL);
	CHECK(check_vmalloc());
	vfree(p);
}

/* Fill the whole range with big vmaps of one page: the search must stop cleanly. */
static void a_full_vmalloc_range_fails_cleanly_and_gaps_are_found(void)
{
	static struct page *same[4096];
	struct page *page = alloc_page(GFP_KERNEL);
	void *areas[64], *small;
	unsigned long n = 0, i;

	REQUIRE(page);
	for (i = 0; i < ARRAY_SIZE(same); i++)
		same[i] = page;
	while (n < ARRAY_SIZE(areas) && (areas[n] = vmap(same, 4096, 0, PAGE_KERNEL)))
		n++;
	CHECK(n > 1 && n < ARRAY_SIZE(areas));	/* 111 MiB: six 16 MiB areas */
	small = vmap(same, 1, 0, PAGE_KERNEL);	/* the tail gap still fits a page */
	CHECK(small);
	CHECK(check_vmalloc());
	vunmap(areas[1]);
	areas[1] = vmap(same, 4096, 0, PAGE_KERNEL);	/* exactly the freed hole */
	CHECK_EQ(A(areas[1]), VMALLOC_START + 4097 * PAGE_SIZE);
	for (i = 0; i < n; i++)
		vunmap(areas[i]);
	vunmap(small);
	__free_page(page);
}

/* ------------------------------------------------------------------------------ */

#define T(fn)	TAP_CASE(fn)
static const struct tap_case tests[] = {
	T(vmalloc_maps_every_page_in_order_and_leaves_the_guard_unmapped),
	T(vmalloc_takes_highmem_first),
	T(first_fit_reuses_the_lowest_gap_and_merges_neighbours),
	T(vfree_unmaps_every_page_with_one_invlpg_each),
	T(vfree_of_bad_addresses_is_reported_and_changes_nothing),
	T(vmalloc_zero_or_too_large_returns_null),
	T(running_out_of_pages_half_way_frees_them_all),
	T(failing_kmalloc_of_descriptor_or_array_leaks_nothing),
	T(vzalloc_zeroes_highmem_pages),
	T(vmap_leaves_pages_to_the_caller),
	T(ioremap_maps_reserved_frames_uncached_and_refuses_ram),
	T(release_with_the_wrong_function_is_refused),
	T(vmallocinfo_prints_linux_format),
	T(fault_report_names_guard_and_unmapped_addresses),
	T(check_vmalloc_catches_a_mapped_guard_page),
	T(a_full_vmalloc_range_fails_cleanly_and_gaps_are_found),
};

static void boot(void)
{
	host_vmalloc_boot();
}

/* Whatever a test did, the machine must be as booted. */
static void check_nothing_leaked(void)
{
	host_kmalloc_fail_nth(0);
	fail_page_alloc_set(0);
	CHECK_EQ(vmalloc_nr_areas(), 0);
	CHECK_EQ(host_mapped_pages(VMALLOC_START, VMALLOC_END), 0);
	CHECK_EQ(nr_free_pages(), host_boot_free_pages);
	CHECK_EQ(host_kmalloc_live, 0);
	CHECK(check_vmalloc());
	CHECK(check_page_alloc());
}

int main(void)
{
	return tap_run(tests, ARRAY_SIZE(tests), boot, check_nothing_leaked);
}

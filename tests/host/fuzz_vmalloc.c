/*
 * Fuzz target for vmalloc, vmap and ioremap: the input is a program of 3-byte
 * operations (vmalloc/vzalloc/DMA-only vmalloc, vmap of the program's own pages,
 * ioremap of a reserved frame, the right release, every kind of wrong release, failure
 * injection in kmalloc and the page allocator) run on the fake machine of
 * host_vmalloc.c. After every operation:
 *  - check_vmalloc() holds (sorted, disjoint areas inside the range, guard pages
 *    unmapped, every pte pointing where its area says);
 *  - the number of areas and of pages out of the buddy allocator match the program's
 *    own record exactly (a rejected release changes nothing, a failed vmalloc leaks
 *    nothing);
 *  - every live slot's address still starts its own area.
 * Each vmalloc'ed page is tagged in its memory with its slot and index when allocated,
 * and the tags are checked on release: two live areas sharing a page would overwrite
 * each other's tags. At the end of each input everything is released and the machine
 * must be as booted: no area, no pte in the vmalloc range, all pages free, no kmalloc'ed
 * block left (AddressSanitizer would also report the leak). Any violation aborts.
 *
 * Built with clang -fsanitize=fuzzer when available; otherwise fuzz_standalone.c's
 * main() feeds it seeded random inputs instead (same checks).
 */
#include <stdio.h>
#include <stdlib.h>
#include "host_vmalloc.h"
#include "io.h"
#include "string.h"
#include "vmalloc.h"

#define NSLOTS		16
#define MAX_VMAP	8

enum kind { FREE_SLOT, VMALLOC, VMAP, IOREMAP };

struct slot {
	enum kind kind;
	char *addr;
	unsigned long nr;			/* pages mapped */
	struct page *pages[MAX_VMAP];		/* VMAP: the program's own pages */
};

static struct slot slots[NSLOTS];
static unsigned long held_pages, live_areas;

#define die(fmt, ...)	host_die("fuzz_vmalloc: " fmt, ##__VA_ARGS__)

static u32 *page_words(struct page *page)
{
	return (u32 *)(host_arena + page_to_phys(page));
}

static u32 tag(const struct slot *s, unsigned long i)
{
	return 0x7a000000u | (u32)((s - slots) << 16) | (u32)i;
}

static void tag_pages(const struct slot *s)
{
	struct vm_struct *area = find_vm_area(s->addr);
	unsigned long i;

	for (i = 0; i < area->nr_pages; i++)
		page_words(area->pages[i])[0] = tag(s, i);
}

static void check_tags(const struct slot *s)
{
	struct vm_struct *area = find_vm_area(s->addr);
	unsigned long i;

	for (i = 0; i < area->nr_pages; i++)
		if (page_words(area->pages[i])[0] != tag(s, i))
			die("slot %ld page %lu: tag overwritten (page shared with another area?)",
			    (long)(s - slots), i);
}

static void check_state(const char *after)
{
	unsigned long i;

	if (!check_vmalloc())
		die("check_vmalloc failed after %s", after);
	if (vmalloc_nr_areas() != live_areas)
		die("after %s: %u areas, %lu expected", after, vmalloc_nr_areas(), live_areas);
	if (nr_free_pages() != host_boot_free_pages - held_pages)
		die("after %s: %lu pages free, %lu expected", after, nr_free_pages(),
		    host_boot_free_pages - held_pages);
	for (i = 0; i < NSLOTS; i++) {
		const struct slot *s = &slots[i];
		struct vm_struct *area;

		if (s->kind == FREE_SLOT)
			continue;
		area = find_vm_area(s->addr);
		if (!area || (unsigned long)area->addr != ((unsigned long)s->addr & PAGE_MASK))
			die("after %s: slot %lu (%p) does not start an area", after, i, s->addr);
	}
}

static void release(struct slot *s)
{
	unsigned long i;

	switch (s->kind) {
	case VMALLOC:
		check_tags(s);
		vfree(s->addr);
		held_pages -= s->nr;
		break;
	case VMAP:
		vunmap(s->addr);
		for (i = 0; i < s->nr; i++)
			__free_page(s->pages[i]);
		held_pages -= s->nr;
		break;
	case IOREMAP:
		iounmap(s->addr);
		break;
	case FREE_SLOT:
		return;
	}
	live_areas--;
	s->kind = FREE_SLOT;
}

static const gfp_t vmalloc_gfps[4] = {
	GFP_KERNEL | __GFP_HIGHMEM, GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO,
	GFP_KERNEL, GFP_KERNEL | __GFP_DMA,
};

static void op_vmalloc(struct slot *s, u8 b, u8 c)
{
	/* Mostly 1-4 pages, so freed gaps are often exactly refilled, or just missed. */
	unsigned long size = ((b % (c & 0x40 ? 32 : 4)) + 1) * PAGE_SIZE - (c & 1 ? c : 0);

	if ((c & 0xc0) == 0xc0)
		size *= 16;			/* up to 2 MiB: 16 of them run out half way */
	s->addr = __vmalloc(size, vmalloc_gfps[(c >> 1) & 3]);
	if (!s->addr)
		return;
	s->kind = VMALLOC;
	s->nr = PAGE_ALIGN(size) >> PAGE_SHIFT;
	held_pages += s->nr;
	live_areas++;
	tag_pages(s);
}

static void op_vmap(struct slot *s, u8 b)
{
	unsigned long i, n = (b & 0x80 ? b : b % 4) % MAX_VMAP + 1;

	for (i = 0; i < n; i++) {
		s->pages[i] = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);
		if (!s->pages[i])
			break;
	}
	s->addr = i == n ? vmap(s->pages, n, 0, PAGE_KERNEL) : NULL;
	if (!s->addr) {
		while (i--)
			__free_page(s->pages[i]);
		return;
	}
	s->kind = VMAP;
	s->nr = n;
	held_pages += n;
	live_areas++;
}

/* Reserved physical memory: page 0 and the BIOS hole 0x9f000-0xfffff of the fake machine. */
static void op_ioremap(struct slot *s, u8 b, u8 c)
{
	phys_addr_t phys = (b & 1) ? (c & 0xfff) : 0x9f000 + (unsigned long)(b % 96) * 0x1000 + c;
	unsigned long size = (unsigned long)c % 0x2000 + 1;

	if (!(b & 1) && phys + size > 0x100000)
		size = 0x100000 - phys;
	if ((b & 1) && phys + size > PAGE_SIZE)
		size = PAGE_SIZE - phys;
	s->addr = ioremap(phys, size);
	if (!s->addr)
		die("ioremap(0x%lx, %lu) of reserved memory failed", (unsigned long)phys, size);
	s->kind = IOREMAP;
	s->nr = PFN_UP(phys + size) - PFN_DOWN(phys);
	live_areas++;
}

/* Every way of releasing wrongly must be reported and change nothing. */
static void op_bad_release(struct slot *s, u8 b, u8 c)
{
	char *addr = s->kind != FREE_SLOT ? s->addr : (char *)VMALLOC_START;
	char *bad;

	switch (b % 4) {
	case 0:		/* inside the area, or its guard page */
		if (s->kind == FREE_SLOT)
			return;
		bad = (char *)((unsigned long)addr & PAGE_MASK) + ((unsigned long)c % s->nr + 1) * PAGE_SIZE;
		break;
	case 1:		/* anywhere in the vmalloc range */
		bad = (char *)VMALLOC_START + (unsigned long)c * 0x10003;
		/* iounmap accepts any address in an ioremap area's first page */
		if (find_vm_area(bad) &&
		    find_vm_area(bad)->addr == (void *)((unsigned long)bad & PAGE_MASK))
			return;
		break;
	default:	/* the right address, the wrong function */
		if (s->kind == FREE_SLOT)
			return;
		bad = addr;
		break;
	}
	host_log_reset();
	if (b % 4 >= 2) {
		if (s->kind == VMALLOC)
			(b & 4) ? vunmap(bad) : iounmap(bad);
		else if (s->kind == VMAP)
			(b & 4) ? vfree(bad) : iounmap(bad);
		else
			(b & 4) ? vfree(bad) : vunmap(bad);
	} else {
		switch (c % 3) {
		case 0: vfree(bad); break;
		case 1: vunmap(bad); break;
		default: iounmap(bad); break;
		}
	}
	if (!host_log_contains("BUG: "))
		die("a wrong release of %p (slot at %p) was not reported", bad, addr);
}

static void op_inject(struct slot *s, u8 b, u8 c)
{
	if (b & 1)
		host_kmalloc_fail_nth(c % 3 + 1);
	else
		fail_page_alloc_set(c % 4 + 1);
	op_vmalloc(s, b, c);
	host_kmalloc_fail_nth(0);
	fail_page_alloc_set(0);
}

static void step(u8 a, u8 b, u8 c)
{
	struct slot *s = &slots[b % NSLOTS];

	switch (a % 8) {
	case 0: case 1: case 2:
		release(s);
		op_vmalloc(s, a >> 3 | b, c);
		break;
	case 3:
		release(s);
		op_vmap(s, c);
		break;
	case 4:
		release(s);
		op_ioremap(s, a >> 3, c);
		break;
	case 5:
		release(s);
		break;
	case 6:
		op_bad_release(s, a >> 3, c);
		break;
	case 7:
		release(s);
		op_inject(s, b, c);
		break;
	}
	check_state("an operation");
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static bool booted;
	size_t i;

	if (!booted) {
		host_vmalloc_boot();
		booted = true;
	}
	host_log_reset();
	for (i = 0; i + 2 < size; i += 3)
		step(data[i], data[i + 1], data[i + 2]);
	for (i = 0; i < NSLOTS; i++)
		release(&slots[i]);
	check_state("releasing everything");
	if (host_mapped_pages(VMALLOC_START, VMALLOC_END))
		die("%lu ptes left in the vmalloc range", host_mapped_pages(VMALLOC_START, VMALLOC_END));
	if (host_kmalloc_live)
		die("%lu kmalloc'ed blocks left", host_kmalloc_live);
	return 0;
}

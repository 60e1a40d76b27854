/*
 * memblock: the boot-time physical memory allocator.
 *
 * Problem: the buddy allocator needs mem_map (a struct page per frame) before it can
 * hand out a single page, and mem_map is megabytes that must come from somewhere. The
 * early page tables have the same problem.
 *
 * Data structure: two small sorted arrays of physical ranges, "memory" (RAM from the
 * Multiboot map) and "reserved" (kernel image, boot data, every memblock_alloc()).
 * Ranges in one array are kept merged: adding a range swallows every range it overlaps
 * or touches, so the arrays stay short and a lookup is a linear scan. Free memory is
 * never stored; it is computed as memory minus reserved when needed.
 *
 * Trade-off: fixed arrays of INIT_MEMBLOCK_REGIONS entries, no resizing (Linux doubles
 * them; here the boot code reserves the loader's data in whole pages, so what a loader
 * packs page after page, any number of modules, merges into a few regions). Overflow,
 * possible only with more than ~120 separate ranges, is a clear panic. A bitmap allocator (the old bootmem) was rejected: it
 * costs a bit per page and must itself be placed somewhere before it exists.
 *
 * Allocation goes top-down by default (as Linux): the first megabytes, and the DMA
 * zone, stay free for the callers that really need low addresses.
 *
 * Relies on: printk/panic, free_pages_range() and max_pfn from mm/mm_init.c.
 */
#include "memblock.h"
#include "mm.h"
#include "mmzone.h"
#include "kernel.h"
#include "printk.h"
#include "string.h"

struct memblock memblock = {
	.bottom_up = false,
	.current_limit = MAXMEM,
	.memory = { .name = "memory" },
	.reserved = { .name = "reserved" },
};

static u64 region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void memblock_recount(struct memblock_type *type)
{
	unsigned long i;

	type->total_size = 0;
	for (i = 0; i < type->cnt; i++)
		type->total_size += type->regions[i].size;
}

/*
 * Insert [base, end) into a sorted, merged array. Every region that overlaps or
 * touches it (regions i..j-1) collapses with it into one entry at index i.
 */
static void memblock_insert(struct memblock_type *type, u64 base, u64 size)
{
	struct memblock_region *r = type->regions;
	u64 end = base + size;
	unsigned long i = 0, j;

	if (end < base)			/* wrapped around: up to the top */
		end = MEMBLOCK_MAX_ADDR;
	if (base >= MEMBLOCK_MAX_ADDR || size == 0)
		return;
	if (end > MEMBLOCK_MAX_ADDR)
		end = MEMBLOCK_MAX_ADDR;

	while (i < type->cnt && region_end(&r[i]) < base)
		i++;
	for (j = i; j < type->cnt && r[j].base <= end; j++) {
		base = min(base, r[j].base);
		end = max(end, region_end(&r[j]));
	}

	if (j == i) {
		if (type->cnt == INIT_MEMBLOCK_REGIONS)
			panic("memblock: more than %d %s regions; raise INIT_MEMBLOCK_REGIONS",
			      INIT_MEMBLOCK_REGIONS, type->name);
		memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(*r));
		type->cnt++;
	} else if (j > i + 1) {
		memmove(&r[i + 1], &r[j], (type->cnt - j) * sizeof(*r));
		type->cnt -= j - i - 1;
	}
	r[i].base = base;
	r[i].size = end - base;
	memblock_recount(type);
}

void memblock_add(u64 base, u64 size)
{
	memblock_insert(&memblock.memory, base, size);
}

void memblock_reserve(u64 base, u64 size)
{
	memblock_insert(&memblock.reserved, base, size);
}

void memblock_set_limit(u64 limit)
{
	memblock.current_limit = limit;
}

void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

/*
 * Free memory = memory minus reserved, as a sorted list of ranges in out[] (at most
 * memory.cnt + reserved.cnt of them). Both inputs are sorted, so one pass suffices.
 */
#define MAX_FREE_RANGES	(2 * INIT_MEMBLOCK_REGIONS)
static struct memblock_region free_ranges[MAX_FREE_RANGES];

static unsigned long memblock_free_ranges(void)
{
	const struct memblock_type *mem = &memblock.memory, *res = &memblock.reserved;
	unsigned long n = 0, m, k = 0;

	for (m = 0; m < mem->cnt; m++) {
		u64 cur = mem->regions[m].base, end = region_end(&mem->regions[m]);

		while (k < res->cnt && region_end(&res->regions[k]) <= cur)
			k++;
		for (; k < res->cnt && res->regions[k].base < end; k++) {
			const struct memblock_region *r = &res->regions[k];

			if (r->base > cur) {
				free_ranges[n].base = cur;
				free_ranges[n++].size = r->base - cur;
			}
			cur = max(cur, region_end(r));
			if (cur >= end)
				break;
		}
		if (cur < end) {
			free_ranges[n].base = cur;
			free_ranges[n++].size = end - cur;
		}
	}
	return n;
}

/* Where would an allocation fit inside [lo, hi)? 0 if not. */
static u64 fit_in_range(u64 lo, u64 hi, u64 size, u64 align)
{
	u64 addr;

	if (hi <= lo || hi - lo < size)
		return 0;
	if (memblock.bottom_up) {
		addr = ALIGN(lo, align);
		return addr >= lo && addr + size <= hi ? addr : 0;
	}
	addr = ALIGN_DOWN(hi - size, align);
	return addr >= lo ? addr : 0;
}

phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	u64 limit = min(memblock.current_limit, MEMBLOCK_MAX_ADDR);
	unsigned long n, i;

	if (memblock.done)
		panic("memblock_alloc(%lu) after memblock_free_all(): use alloc_pages()",
		      (unsigned long)size);
	if (size == 0)
		return 0;
	if (align == 0)
		align = 1;
	if (align & (align - 1))
		panic("memblock_alloc: align 0x%lx is not a power of two", (unsigned long)align);

	n = memblock_free_ranges();
	for (i = 0; i < n; i++) {
		/* bottom-up walks the ranges upwards, top-down downwards */
		const struct memblock_region *r =
			&free_ranges[memblock.bottom_up ? i : n - 1 - i];
		u64 lo = max(r->base, (u64)PAGE_SIZE);	/* never hand out page 0 */
		u64 hi = min(region_end(r), limit);
		u64 addr = fit_in_range(lo, hi, size, align);

		if (addr) {
			memblock_reserve(addr, size);
			return (phys_addr_t)addr;
		}
	}
	return 0;
}

u64 memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

u64 memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

u64 memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

u64 memblock_end_of_DRAM(void)
{
	unsigned long cnt = memblock.memory.cnt;

	return cnt ? region_end(&memblock.memory.regions[cnt - 1]) : 0;
}

bool memblock_is_reserved(u64 addr)
{
	unsigned long i;

	for (i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (addr >= r->base && addr < region_end(r))
			return true;
	}
	return false;
}

/* Whole RAM pages in [start_pfn, end_pfn): a zone's present_pages. */
unsigned long memblock_present_pages(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long i, pages = 0;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		u64 s = max((u64)PFN_UP(r->base), (u64)start_pfn);
		u64 e = min((u64)PFN_DOWN(region_end(r)), (u64)end_pfn);

		if (e > s)
			pages += (unsigned long)(e - s);
	}
	return pages;
}

static void memblock_dump_type(const struct memblock_type *type)
{
	unsigned long i;

	printk(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		printk(" %s[0x%lx]\t[0x%08llx-0x%08llx], 0x%08llx bytes\n", type->name, i,
		       (unsigned long long)r->base,
		       (unsigned long long)(region_end(r) - 1),
		       (unsigned long long)r->size);
	}
}

void memblock_dump(void)
{
	printk("MEMBLOCK configuration:\n");
	printk(" memory size = 0x%08llx reserved size = 0x%08llx\n",
	       (unsigned long long)memblock.memory.total_size,
	       (unsigned long long)memblock.reserved.total_size);
	memblock_dump_type(&memblock.memory);
	memblock_dump_type(&memblock.reserved);
}

/*
 * The hand-over: every whole page that is RAM, not reserved and below max_pfn goes to
 * the buddy allocator. Pages that are only partly free (a reserved range ending
 * mid-page) stay reserved: PFN_UP/PFN_DOWN round each free range inwards.
 */
unsigned long memblock_free_all(void)
{
	unsigned long n, i, count = 0;

	if (!mem_map)
		panic("memblock_free_all() before free_area_init(): no mem_map yet");
	if (memblock.done)
		panic("memblock_free_all() called twice");

	n = memblock_free_ranges();
	for (i = 0; i < n; i++) {
		u64 s = PFN_UP(free_ranges[i].base);
		u64 e = min((u64)PFN_DOWN(region_end(&free_ranges[i])), (u64)max_pfn);

		if (e > s)
			count += free_pages_range((unsigned long)s, (unsigned long)e);
	}
	memblock.done = true;
	return count;
}

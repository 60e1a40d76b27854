/*
 * memblock: the boot-time memory allocator (mm/memblock.c), Linux's idea and names.
 *
 * Before mem_map and the buddy allocator exist, the kernel still needs memory (mem_map
 * itself, page tables). memblock keeps two lists of physical ranges: "memory" (RAM the
 * firmware reported) and "reserved" (kernel image, boot data, and everything it handed
 * out). memblock_alloc() finds a gap in memory that is not reserved and reserves it.
 * At the end of boot memblock_free_all() gives every page that is RAM and not reserved
 * to the buddy allocator; memblock is not used after that.
 *
 * Addresses are 64-bit in the interface because the Multiboot map is; anything at or
 * above 4 GiB is ignored (no PAE).
 */
#ifndef _MEMBLOCK_H
#define _MEMBLOCK_H

#include "types.h"

#define INIT_MEMBLOCK_REGIONS	128
#define MEMBLOCK_MAX_ADDR	(1ULL << 32)	/* ranges are clipped to 4 GiB */

struct memblock_region {
	u64 base;
	u64 size;
};

/* Sorted by base, never overlapping or touching (they are merged). */
struct memblock_type {
	unsigned long cnt;
	u64 total_size;
	const char *name;
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
};

struct memblock {
	bool bottom_up;		/* allocate from low addresses up (default: top down) */
	bool done;		/* memblock_free_all() ran: no more allocations */
	u64 current_limit;	/* memblock_alloc() stays below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

void memblock_add(u64 base, u64 size);
void memblock_reserve(u64 base, u64 size);
void memblock_set_limit(u64 limit);	/* default MAXMEM (end of low memory) */
void memblock_set_bottom_up(bool enable);

/*
 * Returns the physical address of size bytes aligned to align (a power of two), below
 * the limit, reserved from now on; not zeroed. Returns 0 when nothing fits (page 0 is
 * never handed out, so 0 is never a real answer).
 */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align);

u64 memblock_phys_mem_size(void);	/* bytes of RAM */
u64 memblock_reserved_size(void);
u64 memblock_start_of_DRAM(void);
u64 memblock_end_of_DRAM(void);		/* one past the last RAM byte */
bool memblock_is_reserved(u64 addr);
unsigned long memblock_present_pages(unsigned long start_pfn, unsigned long end_pfn);

void memblock_dump(void);

/* Frees every RAM page below max_pfn that is not reserved; returns how many. */
unsigned long memblock_free_all(void);

#endif /* _MEMBLOCK_H */

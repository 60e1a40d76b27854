/*
 * Host-side stand-in for the kernel around mm/page_alloc.c and mm/memblock.c.
 *
 * The allocators are compiled natively with HOST_TEST: "physical memory" is an arena
 * allocated here, PAGE_OFFSET (host_page_offset) is its address, so __va/__pa and
 * page_address() work unchanged. The kernel services around them (printk into a log
 * that tests search, a panic that HOST_CATCH_PANIC can catch) are host_env.h's.
 */
#ifndef _HOST_BUDDY_H
#define _HOST_BUDDY_H

#include "types.h"
#include "host_env.h"
#include "mm.h"
#include "mmzone.h"

#define HOST_ARENA_SIZE		(32UL << 20)
#define HOST_ARENA_FILL		0xA5	/* every byte of a fresh arena: zeroing is visible */

extern unsigned char *host_arena;

/*
 * A fresh machine: RAM [0, mem_pfns) minus a BIOS hole [0x9f000, 0x100000) and a small
 * hole in ZONE_NORMAL; page 0 and a 512 KiB "kernel image" at 1 MiB reserved; low memory
 * ends at low_pfns (HighMem above). Resets memblock, mem_map, zones, fault injection,
 * the log, and registers a HighMem zeroing hook. Returns nr_free_pages().
 */
unsigned long host_mm_boot(unsigned long mem_pfns, unsigned long low_pfns);
unsigned long host_mm_boot_default(void);	/* 8150 pages, HighMem from pfn 5844 */
void host_memblock_reset(void);			/* memblock as at program start */
extern unsigned long host_boot_free_pages;	/* nr_free_pages() right after boot */
extern unsigned long host_clear_highpage_calls;
void host_clear_highpage(struct page *page);

#endif /* _HOST_BUDDY_H */

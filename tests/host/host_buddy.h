/*
 * Host-side stand-in for the kernel around mm/page_alloc.c and mm/memblock.c.
 *
 * The allocators are compiled natively with HOST_TEST: "physical memory" is an arena
 * allocated here, PAGE_OFFSET (host_page_offset) is its address, so __va/__pa and
 * page_address() work unchanged. printk() writes into a log that tests search (the
 * host twin of ktest_capture_*) and that is shown when a test fails; panic() can be
 * caught with HOST_CATCH_PANIC so that "this must panic" is testable.
 */
#ifndef _HOST_BUDDY_H
#define _HOST_BUDDY_H

#include <setjmp.h>
#include "types.h"
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

/* Kernel log. */
void host_log_reset(void);
bool host_log_contains(const char *text);
const char *host_log_text(void);
void host_log_echo(bool on);			/* also print each message as "# ..." */

/* panic() longjmps here while a catch is active. */
extern jmp_buf *host_panic_jmp;
#define HOST_CATCH_PANIC(stmt) ({					\
	jmp_buf __jb;							\
	volatile bool __panicked = false;				\
	host_panic_jmp = &__jb;						\
	if (setjmp(__jb) == 0) {					\
		stmt;							\
	} else {							\
		__panicked = true;					\
	}								\
	host_panic_jmp = NULL;						\
	__panicked;							\
})

/* Deterministic pseudo-random numbers (xorshift32). */
static inline u32 host_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

#endif /* _HOST_BUDDY_H */

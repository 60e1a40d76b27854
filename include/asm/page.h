/*
 * Pages and the kernel's view of physical memory on i386 (no PAE).
 *
 * The kernel lives in the top gigabyte: physical address P in low memory is reached at
 * virtual P + PAGE_OFFSET (the "direct map"). __pa/__va convert between the two and are
 * only valid for low memory; HighMem pages have no permanent kernel address (kmap).
 *
 * Host-side unit tests compile the allocators natively with HOST_TEST defined: there
 * "physical memory" is a malloc'ed arena and PAGE_OFFSET is the arena's address, so the
 * same __va/__pa arithmetic works unchanged.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include "../types.h"

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	ALIGN((unsigned long)(x), PAGE_SIZE)

#ifdef HOST_TEST
extern uintptr_t host_page_offset;
#define PAGE_OFFSET	host_page_offset
#else
#define PAGE_OFFSET	0xC0000000UL	/* start of the kernel's gigabyte (3G/1G split) */
#endif

#define TASK_SIZE	0xC0000000UL	/* user space is [0, TASK_SIZE) */

/* Low memory is at most 896 MiB so that vmalloc, pkmap and fixmap fit above it. */
#define MAXMEM		(896UL << 20)

#define __pa(vaddr)	((phys_addr_t)(uintptr_t)(vaddr) - PAGE_OFFSET)
#define __va(paddr)	((void *)((uintptr_t)(paddr) + PAGE_OFFSET))

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)

/* Zero one page (page aligned): rep stosl, without memset's checks for odd sizes. */
#ifdef HOST_TEST
void *memset(void *s, int c, size_t n);
static inline void clear_page(void *page)
{
	memset(page, 0, PAGE_SIZE);
}
void *memcpy(void *dst, const void *src, size_t n);
/* Copy one page (both page aligned): copy-on-write's copy. */
static inline void copy_page(void *to, const void *from)
{
	memcpy(to, from, PAGE_SIZE);
}
#else
static inline void clear_page(void *page)
{
	unsigned long words = PAGE_SIZE / 4;

	asm volatile("rep stosl" : "+D"(page), "+c"(words) : "a"(0) : "memory");
}

static inline void copy_page(void *to, const void *from)
{
	unsigned long words = PAGE_SIZE / 4;

	asm volatile("rep movsl" : "+D"(to), "+S"(from), "+c"(words) : : "memory");
}
#endif

#endif /* _ASM_PAGE_H */

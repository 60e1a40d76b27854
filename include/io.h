/*
 * Device memory: ioremap() maps a physical range that is not RAM (a frame buffer, a
 * device's registers) into the vmalloc area, uncached, and readb()..writel() access it
 * (arch/x86/mm/ioremap.c).
 *
 * Uncached (PAGE_KERNEL_NOCACHE: PCD and PWT set) because a device register must be
 * read and written when the code says so, not when a cache line is evicted. ioremap()
 * refuses RAM the page allocator manages: that memory is reached through the direct map
 * or kmap, and a second, uncached alias of it would break the caches' coherence.
 * Reserved frames (the BIOS area, the legacy VGA window at 0xA0000-0xFFFFF) and
 * addresses beyond RAM are accepted.
 *
 * The returned pointer keeps the offset of phys within its page; iounmap() takes that
 * same pointer (any address inside the first page of the mapping).
 */
#ifndef _IO_H
#define _IO_H

#include "types.h"

void *ioremap(phys_addr_t phys_addr, unsigned long size);	/* uncached; NULL on error */
void iounmap(volatile void *addr);

/* MMIO accessors: one access of exactly that width, never merged or omitted. */
static inline u8 readb(const volatile void *addr)
{
	return *(const volatile u8 *)addr;
}

static inline u16 readw(const volatile void *addr)
{
	return *(const volatile u16 *)addr;
}

static inline u32 readl(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writeb(u8 val, volatile void *addr)
{
	*(volatile u8 *)addr = val;
}

static inline void writew(u16 val, volatile void *addr)
{
	*(volatile u16 *)addr = val;
}

static inline void writel(u32 val, volatile void *addr)
{
	*(volatile u32 *)addr = val;
}

#endif /* _IO_H */

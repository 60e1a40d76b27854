/*
 * Coherent DMA buffers (mm/dma.c): physically contiguous memory a device can reach,
 * with both the CPU's address and the device's (bus) address.
 *
 * There is no device model here, so every buffer is made for the most limited device
 * the PC has, an ISA DMA controller: 24 address bits, hence ZONE_DMA, below 16 MiB,
 * as Linux's i386 does for a NULL device. The bus address is the physical address (no
 * IOMMU). "Coherent": x86 keeps caches coherent with DMA, so the buffer is ordinary
 * cached memory in the direct map.
 */
#ifndef _DMA_H
#define _DMA_H

#include "types.h"

typedef u32 dma_addr_t;		/* a bus address as a device sees it */

#define DMA_BIT_MASK(n)		(((n) == 32) ? 0xffffffffU : ((1U << (n)) - 1))
#define ISA_DMA_LIMIT		(16UL << 20)	/* 24-bit ISA DMA: the end of ZONE_DMA */

/*
 * size is rounded up to a power-of-two number of pages (a buddy block); the buffer is
 * zeroed. Returns its kernel address and sets *dma_handle, or returns NULL (with a
 * message) if size is 0 or no contiguous block is free below 16 MiB.
 */
void *dma_alloc_coherent(size_t size, dma_addr_t *dma_handle);
/* Takes the same size, address and handle; a mismatch is reported, nothing freed. */
void dma_free_coherent(size_t size, void *cpu_addr, dma_addr_t dma_handle);

#endif /* _DMA_H */

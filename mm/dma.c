/*
 * dma_alloc_coherent/dma_free_coherent (include/dma.h).
 *
 * A device does not go through the MMU: a buffer it reads or writes must be contiguous
 * in physical memory, and within the device's addressing limit. The buddy allocator
 * gives exactly that with one call for a block of 2^order pages from ZONE_DMA, so
 * nothing more is kept here: the order comes back from the size at free time.
 *
 * Relies on: the buddy allocator (ZONE_DMA, __GFP_ZERO).
 */
#include <dma.h>
#include <kallsyms.h>
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>

/* The smallest order whose block holds size bytes (size > 0). */
static unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

void *dma_alloc_coherent(size_t size, dma_addr_t *dma_handle)
{
	unsigned int order;
	struct page *page;

	if (!size) {
		pr_warn("dma_alloc_coherent: size 0\n");
		return NULL;
	}
	order = get_order(size);
	if (order >= MAX_ORDER) {
		pr_warn("dma_alloc_coherent: %zu bytes is more than the largest contiguous "
			"block (%lu KiB)\n", size, (PAGE_SIZE << (MAX_ORDER - 1)) >> 10);
		return NULL;
	}
	page = alloc_pages(GFP_KERNEL | GFP_DMA | __GFP_ZERO | __GFP_NOWARN, order);
	if (!page) {
		pr_warn("dma_alloc_coherent: no free block of %lu KiB below %lu MiB\n",
			(PAGE_SIZE << order) >> 10, ISA_DMA_LIMIT >> 20);
		return NULL;
	}
	*dma_handle = page_to_phys(page);
	return page_address(page);
}

void dma_free_coherent(size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	if (!cpu_addr)
		return;
	if (!size || !virt_addr_valid(cpu_addr) || __pa(cpu_addr) != dma_handle ||
	    dma_handle >= ISA_DMA_LIMIT || (dma_handle & ~PAGE_MASK)) {
		pr_bug_caller(__builtin_return_address(0), "dma_free_coherent(%zu, %p, 0x%08x): "
			      "not a buffer dma_alloc_coherent returned", size, cpu_addr, dma_handle);
		return;
	}
	__free_pages(virt_to_page(cpu_addr), get_order(size));
}

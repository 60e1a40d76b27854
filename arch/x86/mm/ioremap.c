/*
 * ioremap/iounmap: device memory mapped into the vmalloc area (include/io.h).
 *
 * An ioremap'ed range is a vm_struct with VM_IOREMAP and no pages: the physical frames
 * belong to a device, not to the page allocator, so iounmap only clears the ptes (with
 * an invlpg each) and forgets the area. The range is rounded out to whole pages and the
 * caller gets back its address plus the offset of phys in its page.
 *
 * Relies on: mm/vmalloc.c for the area bookkeeping, the page-table API, mem_map (to
 * tell RAM the allocator owns from reserved frames and holes).
 */
#include <io.h>
#include <kallsyms.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <slab.h>
#include <vmalloc.h>

/* A frame the buddy allocator manages (or might): mapping it twice is not allowed. */
static bool pfn_is_allocator_ram(unsigned long pfn)
{
	return pfn < max_pfn && !PageReserved(pfn_to_page(pfn));
}

static __printf(4, 5) void ioremap_err(phys_addr_t phys_addr, unsigned long size,
					const void *caller, const char *fmt, ...)
{
	char sym[128], msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
	pr_err("ioremap(0x%08lx, %lu): %s, called from %s\n", (unsigned long)phys_addr, size,
	       msg, sym);
}

static void *__ioremap_caller(phys_addr_t phys_addr, unsigned long size, u32 prot,
			      const void *caller)
{
	phys_addr_t last = phys_addr + size - 1;
	phys_addr_t first = phys_addr & PAGE_MASK;
	unsigned long offset = phys_addr & ~PAGE_MASK, pfn, addr, i, nr;
	struct vm_struct *area;
	const char *why;

	if (!size || last < phys_addr) {
		ioremap_err(phys_addr, size, caller, "empty or wrapping range");
		return NULL;
	}
	for (pfn = PFN_DOWN(first); pfn <= PFN_DOWN(last); pfn++) {
		if (pfn_is_allocator_ram(pfn)) {
			ioremap_err(phys_addr, size, caller, "refusing to map RAM (pfn 0x%lx "
				    "belongs to the page allocator; use the direct map or kmap)",
				    pfn);
			return NULL;
		}
	}
	nr = PFN_DOWN(last) - PFN_DOWN(first) + 1;
	area = __get_vm_area_caller(nr << PAGE_SHIFT, VM_IOREMAP, caller, &why);
	if (!area) {
		ioremap_err(phys_addr, size, caller, "%s", why);
		return NULL;
	}
	area->phys_addr = first;
	addr = (unsigned long)area->addr;
	for (i = 0; i < nr; i++)
		BUG_ON(map_kernel_page(addr + (i << PAGE_SHIFT), first + (i << PAGE_SHIFT), prot));
	return (void *)(addr + offset);
}

void *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, PAGE_KERNEL_NOCACHE,
				__builtin_return_address(0));
}

void iounmap(volatile void *addr)
{
	const void *start = (const void *)((unsigned long)addr & PAGE_MASK);

	if (!addr)
		return;
	kfree(remove_vm_area_checked(start, VM_IOREMAP, "iounmap",
				     __builtin_return_address(0)));
}

/*
 * vmalloc, vmap and the bookkeeping of the vmalloc address range (include/vmalloc.h).
 *
 * The problem. kmalloc and alloc_pages hand out physically contiguous memory, which
 * gets scarce as memory fragments, and only from the direct map (at most 896 MiB, none
 * of HighMem). Big buffers that only the CPU touches need neither: they need virtual
 * contiguity. vmalloc builds it from single pages taken wherever they are (HighMem
 * first, which nobody else can use so easily) and maps them one after the other in a
 * range of kernel addresses reserved for it, [VMALLOC_START, VMALLOC_END).
 *
 * The data structure. Each area is a struct vm_struct (kmalloc'ed) on vmlist, one
 * singly linked list sorted by address - Linux's own structure until 2.6.28. The free
 * virtual ranges are not recorded at all: they are the gaps between consecutive areas.
 * Allocation is first fit: walk the list from VMALLOC_START and take the first gap big
 * enough (area plus guard page). Freeing unlinks the area, and its range thereby merges
 * with whatever gaps surround it; the next request that fits gets the same address.
 * Lookups (vfree, the fault handler) walk the list too.
 *
 * Trade-off. Every operation is O(number of areas), which is fine for the dozens of
 * areas this kernel has; the design is what one reads in every textbook. Rejected:
 * Linux's later vmap_area red-black trees (one by address, plus free ranges augmented
 * with the largest gap below each node) with lazy TLB purging, which make allocation
 * logarithmic for tens of thousands of areas at the price of several hundred lines and
 * of mappings that linger after vfree. Here vfree clears each pte and invlpg's each page
 * at once, so a use after vfree faults immediately.
 *
 * Invariants: areas on vmlist never overlap and are sorted; every area ends with one
 * guard page whose pte is never set; a VM_ALLOC area's pages[0..nr_pages) are mapped at
 * addr, addr + PAGE_SIZE, ... and have page->vm_area pointing back at it.
 *
 * Relies on: the page-table API (the kernel tables for the whole range exist from boot,
 * so mapping never allocates), the buddy allocator for pages, kmalloc for the
 * descriptors and page arrays, kallsyms to name callers.
 */
#include <seq_file.h>
#include <vmalloc.h>
#include <kallsyms.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <slab.h>
#include <string.h>

static struct vm_struct *vmlist;

static unsigned long vmalloc_area_bytes(void)
{
	return VMALLOC_END - VMALLOC_START;
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/* --- The list of areas ----------------------------------------------------------- */

static unsigned long area_start(const struct vm_struct *area)
{
	return (unsigned long)area->addr;
}

static unsigned long area_end(const struct vm_struct *area)
{
	return area_start(area) + area->size;
}

/*
 * First fit: link area into the first gap of at least size bytes and set its address.
 * The list is sorted, so the gap before each area is [end of the previous, its start).
 */
static bool insert_vm_area(struct vm_struct *area, unsigned long size)
{
	unsigned long addr = VMALLOC_START;
	struct vm_struct **p, *tmp;

	for (p = &vmlist; (tmp = *p); p = &tmp->next) {
		if (area_start(tmp) - addr >= size)
			break;
		addr = area_end(tmp);
	}
	if (!tmp && (addr > VMALLOC_END || VMALLOC_END - addr < size))
		return false;
	area->addr = (void *)addr;
	area->size = size;
	area->next = tmp;
	*p = area;
	return true;
}

struct vm_struct *__get_vm_area_caller(unsigned long size, unsigned long flags,
				       const void *caller, const char **why)
{
	struct vm_struct *area;

	if (!size || size > vmalloc_area_bytes() - PAGE_SIZE) {
		*why = "size 0 or larger than the vmalloc range";
		return NULL;
	}
	size = PAGE_ALIGN(size);
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area) {
		*why = "no memory for the area descriptor";
		return NULL;
	}
	area->flags = flags;
	area->caller = caller;
	if (!insert_vm_area(area, size + PAGE_SIZE)) {	/* + the guard page */
		kfree(area);
		*why = "no free range that large in the vmalloc area";
		return NULL;
	}
	return area;
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	const char *why;

	return __get_vm_area_caller(size, flags, caller, &why);
}

struct vm_struct *find_vm_area(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	struct vm_struct *area;

	for (area = vmlist; area && area_start(area) <= a; area = area->next)
		if (a < area_end(area))
			return area;
	return NULL;
}

struct vm_struct *vmalloc_guard_hit(unsigned long addr)
{
	struct vm_struct *area = find_vm_area((const void *)addr);

	if (area && addr >= area_end(area) - PAGE_SIZE)
		return area;
	return NULL;
}

unsigned int vmalloc_nr_areas(void)
{
	const struct vm_struct *area;
	unsigned int n = 0;

	for (area = vmlist; area; area = area->next)
		n++;
	return n;
}

static void unlink_vm_area(struct vm_struct *area)
{
	struct vm_struct **p;

	for (p = &vmlist; *p; p = &(*p)->next) {
		if (*p == area) {
			*p = area->next;
			area->next = NULL;
			return;
		}
	}
	BUG();		/* only called for areas found on the list */
}

/* Clear every pte of the area (not the guard, never set); each unmap invlpg's its page. */
static void unmap_vm_area(const struct vm_struct *area)
{
	unsigned long addr, end = area_end(area) - PAGE_SIZE;

	for (addr = area_start(area); addr < end; addr += PAGE_SIZE)
		unmap_kernel_page(addr);
}

static const char *area_kind(unsigned long flags)
{
	if (flags & VM_ALLOC)
		return "vmalloc";
	if (flags & VM_MAP)
		return "vmap";
	if (flags & VM_IOREMAP)
		return "ioremap";
	return "unknown";
}

static const char *release_fn(unsigned long flags)
{
	if (flags & VM_ALLOC)
		return "vfree";
	if (flags & VM_MAP)
		return "vunmap";
	return "iounmap";
}

/*
 * Checks that addr starts an area of the wanted kind before touching anything; on any
 * mistake reports it with the address and the caller and returns NULL, list and page
 * tables unchanged (the bad address itself is never dereferenced).
 */
struct vm_struct *remove_vm_area_checked(const void *addr, unsigned long want,
					 const char *fn, const void *caller)
{
	struct vm_struct *area = find_vm_area(addr);
	char sym[KSYM_SYMBOL_LEN], owner[KSYM_SYMBOL_LEN];

	if (likely(area && area->addr == addr && (area->flags & want))) {
		unmap_vm_area(area);
		unlink_vm_area(area);
		return area;
	}
	/* A mistake: name everything (symbol lookups are slow, so only here). */
	if (!area) {
		pr_bug_caller(caller, "%s(%p): no vmalloc area contains this address", fn, addr);
		return NULL;
	}
	sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
	sprint_symbol(owner, sizeof(owner), (unsigned long)area->caller);
	if (area->addr != addr) {
		pr_report(KERN_ERR "BUG: %s(%p): not the start of a vmalloc area: it is inside "
		       "0x%08lx-0x%08lx (%s from %s), called from %s\n", fn, addr,
		       area_start(area), area_end(area), area_kind(area->flags), owner, sym);
		return NULL;
	}
	pr_report(KERN_ERR "BUG: %s(%p): the area 0x%08lx-0x%08lx was made by %s (in %s); "
	       "release it with %s(), called from %s\n", fn, addr, area_start(area),
	       area_end(area), area_kind(area->flags), owner, release_fn(area->flags), sym);
	return NULL;
}

/* --- vmalloc / vfree ------------------------------------------------------------- */

static void free_area_pages(struct vm_struct *area)
{
	unsigned int i;

	for (i = 0; i < area->nr_pages; i++) {
		area->pages[i]->vm_area = NULL;
		__free_page(area->pages[i]);
	}
	kfree(area->pages);
}

static __printf(2, 3) void vmalloc_fail(const void *caller, const char *fmt, ...)
{
	char sym[KSYM_SYMBOL_LEN], msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
	pr_warn("vmalloc: allocation failure: %s, called from %s\n", msg, sym);
}

/* Pages one at a time, each mapped as soon as it is had, so a failure frees exactly them. */
static bool vmalloc_fill_area(struct vm_struct *area, gfp_t gfp)
{
	unsigned long addr = area_start(area);
	unsigned int i, nr = get_vm_area_size(area) >> PAGE_SHIFT;

	for (i = 0; i < nr; i++, addr += PAGE_SIZE) {
		struct page *page = alloc_page(gfp | __GFP_NOWARN);

		if (!page)
			return false;
		page->vm_area = area;
		area->pages[i] = page;
		area->nr_pages = i + 1;
		/* Cannot fail: the kernel page table for addr exists from boot. */
		BUG_ON(map_kernel_page(addr, page_to_phys(page), PAGE_KERNEL));
	}
	return true;
}

static void *__vmalloc_node(unsigned long size, gfp_t gfp, const void *caller)
{
	struct vm_struct *area;
	const char *why;
	unsigned long nr;

	if (!size) {
		vmalloc_fail(caller, "size 0");
		return NULL;
	}
	if (size > vmalloc_area_bytes() - PAGE_SIZE) {
		vmalloc_fail(caller, "%lu bytes and a guard page do not fit in the vmalloc "
			     "area (%lu bytes)", size, vmalloc_area_bytes());
		return NULL;
	}
	nr = PAGE_ALIGN(size) >> PAGE_SHIFT;
	if (nr > totalram_pages()) {
		vmalloc_fail(caller, "%lu pages is more than all of RAM (%lu pages)",
			     nr, totalram_pages());
		return NULL;
	}
	area = __get_vm_area_caller(size, VM_ALLOC, caller, &why);
	if (!area) {
		vmalloc_fail(caller, "%lu bytes: %s", size, why);
		return NULL;
	}
	area->pages = kmalloc_array(nr, sizeof(struct page *), GFP_KERNEL);
	if (area->pages && vmalloc_fill_area(area, gfp))
		return area->addr;

	if (!area->pages)
		vmalloc_fail(caller, "no memory for the array of %lu pages", nr);
	else
		vmalloc_fail(caller, "%lu bytes, out of pages after %u of %lu",
			     size, area->nr_pages, nr);
	unmap_vm_area(area);
	unlink_vm_area(area);
	free_area_pages(area);
	kfree(area);
	return NULL;
}

/* HighMem first: the pages nothing else can use as easily. Scattered, and that is fine. */
#define GFP_VMALLOC	(GFP_KERNEL | __GFP_HIGHMEM)

void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_VMALLOC, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_VMALLOC | __GFP_ZERO, __builtin_return_address(0));
}

void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_node(size, gfp, __builtin_return_address(0));
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = remove_vm_area_checked(addr, VM_ALLOC, "vfree", __builtin_return_address(0));
	if (!area)
		return;
	free_area_pages(area);
	kfree(area);
}

/* --- vmap / vunmap --------------------------------------------------------------- */

void *vmap(struct page **pages, unsigned int count, unsigned long flags, u32 prot)
{
	struct vm_struct *area;
	unsigned long addr;
	unsigned int i;

	if (!count || count > (vmalloc_area_bytes() >> PAGE_SHIFT) - 1)
		return NULL;
	area = get_vm_area_caller((unsigned long)count << PAGE_SHIFT, flags | VM_MAP,
				  __builtin_return_address(0));
	if (!area)
		return NULL;
	for (i = 0, addr = area_start(area); i < count; i++, addr += PAGE_SIZE)
		BUG_ON(map_kernel_page(addr, page_to_phys(pages[i]), prot));
	return area->addr;
}

void vunmap(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = remove_vm_area_checked(addr, VM_MAP, "vunmap", __builtin_return_address(0));
	kfree(area);
}

/* --- Lookups and reports --------------------------------------------------------- */

struct page *vmalloc_to_page(const void *addr)
{
	phys_addr_t phys;

	if (!is_vmalloc_addr(addr))
		return NULL;
	phys = virt_to_phys_walk(swapper_pg_dir, (unsigned long)addr);
	if (phys == (phys_addr_t)-1 || PFN_DOWN(phys) >= max_pfn)
		return NULL;
	return pfn_to_page(PFN_DOWN(phys));
}

void vmalloc_report_fault(unsigned long addr)
{
	struct vm_struct *area;
	char sym[KSYM_SYMBOL_LEN];

	if (!is_vmalloc_addr((const void *)addr))
		return;
	area = vmalloc_guard_hit(addr);
	if (area) {
		unsigned long end = area_end(area) - PAGE_SIZE;

		sprint_symbol(sym, sizeof(sym), (unsigned long)area->caller);
		pr_report(KERN_EMERG "BUG: vmalloc guard page hit at 0x%08lx (area 0x%08lx-0x%08lx from "
			 "%s): %lu bytes past the end of the %s area\n", addr, area_start(area),
			 end, sym, addr - end, area_kind(area->flags));
	} else if (!find_vm_area((const void *)addr)) {
		pr_report(KERN_EMERG "BUG: 0x%08lx is in the vmalloc range but no area covers it "
			 "(used after vfree/iounmap, or never allocated)\n", addr);
	}
}

static __printf(2, 3) bool check_fail(const struct vm_struct *area, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("check_vmalloc: area 0x%08lx-0x%08lx (%s): %s\n", area_start(area),
	       area_end(area), area_kind(area->flags), msg);
	return false;
}

/* Does every virtual page of the area map what the area says it does? */
static bool check_area_ptes(const struct vm_struct *area)
{
	unsigned long i, nr = get_vm_area_size(area) >> PAGE_SHIFT, addr = area_start(area);

	for (i = 0; i < nr; i++) {
		phys_addr_t phys = virt_to_phys_walk(swapper_pg_dir, addr + i * PAGE_SIZE);

		if (phys == (phys_addr_t)-1)
			return check_fail(area, "page %lu is not mapped", i);
		if ((area->flags & VM_ALLOC) && (phys != page_to_phys(area->pages[i]) ||
						 area->pages[i]->vm_area != area))
			return check_fail(area, "page %lu maps 0x%08lx, not pages[%lu]", i,
					  (unsigned long)phys, i);
		if ((area->flags & VM_IOREMAP) && phys != area->phys_addr + i * PAGE_SIZE)
			return check_fail(area, "page %lu maps 0x%08lx, not phys_addr + %lu pages",
					  i, (unsigned long)phys, i);
	}
	return true;
}

bool check_vmalloc(void)
{
	unsigned long prev_end = VMALLOC_START;
	const struct vm_struct *area;

	for (area = vmlist; area; area = area->next) {
		unsigned long start = area_start(area), end = area_end(area);

		if ((start | area->size) & ~PAGE_MASK || area->size < 2 * PAGE_SIZE)
			return check_fail(area, "not page aligned, or no room for a guard page");
		if (start < prev_end)
			return check_fail(area, "overlaps the previous area or is out of order");
		if (end > VMALLOC_END || end < start)
			return check_fail(area, "ends outside the vmalloc range");
		if (virt_to_phys_walk(swapper_pg_dir, end - PAGE_SIZE) != (phys_addr_t)-1)
			return check_fail(area, "its guard page is mapped");
		if (!(area->flags & (VM_ALLOC | VM_MAP | VM_IOREMAP)))
			return check_fail(area, "flags 0x%lx name no kind", area->flags);
		if ((area->flags & VM_ALLOC) &&
		    area->nr_pages != get_vm_area_size(area) >> PAGE_SHIFT)
			return check_fail(area, "nr_pages %u for %lu bytes", area->nr_pages,
					  get_vm_area_size(area));
		if (!check_area_ptes(area))
			return false;
		prev_end = end;
	}
	return true;
}

void vmallocinfo_show(struct seq_file *m)
{
	const struct vm_struct *area;
	char sym[KSYM_SYMBOL_LEN];

	for (area = vmlist; area; area = area->next) {
		char line[256];
		int n;

		sprint_symbol(sym, sizeof(sym), (unsigned long)area->caller);
		n = snprintf(line, sizeof(line), "0x%08lx-0x%08lx %7lu %s", area_start(area),
			     area_end(area), area->size, sym);
		if (area->nr_pages)
			n += snprintf(line + n, sizeof(line) - n, " pages=%u", area->nr_pages);
		if (area->flags & VM_IOREMAP)
			n += snprintf(line + n, sizeof(line) - n, " phys=0x%08lx",
				      (unsigned long)area->phys_addr);
		snprintf(line + n, sizeof(line) - n, " %s", area_kind(area->flags));
		if (m)
			seq_printf(m, "%s\n", line);
		else
			pr_info("%s\n", line);
	}
}

void vmallocinfo(void)
{
	vmallocinfo_show(NULL);	/* the console, at KERN_INFO */
}

/* Linux's vmalloc_nr_pages(): pages that vmalloc areas own, for meminfo's VmallocUsed. */
unsigned long vmalloc_nr_pages(void)
{
	const struct vm_struct *area;
	unsigned long n = 0;

	for (area = vmlist; area; area = area->next)
		n += area->nr_pages;
	return n;
}

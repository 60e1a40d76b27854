/*
 * Temporary kernel mappings of HighMem pages: kmap (persistent, pkmap window) and
 * kmap_atomic (fixmap slots). The interface and its rules are in include/highmem.h.
 *
 * The problem. With a 3G/1G split the kernel's gigabyte holds at most 896 MiB of
 * direct map; frames above it have no kernel address. Code that must touch such a
 * page (zeroing it, copying it, reading a file into it) needs a mapping for a moment.
 *
 * Persistent kmap. pkmap_count[] has one counter per page of the pkmap window, which
 * is exactly one page table (PKMAP_BASE is 4 MiB aligned, LAST_PKMAP = 1024), so the
 * entries are reached through one pte array. A counter means:
 *	0	the entry is free and unmapped, with no TLB entry left anywhere;
 *	1	the entry still maps a page, but nobody uses it: free it before reuse;
 *	n > 1	n - 1 users.
 * page->virtual holds the address while the page is mapped (page_address() returns
 * it), so a second kmap of the same page finds its entry at once and the same page is
 * never mapped twice in the window. kunmap only drops the count: a page kmapped again
 * soon reuses its entry for free. Only when the scan for a free entry wraps around are
 * all the count-1 entries torn down together, followed by a single TLB flush - Linux's
 * flush_all_zero_pkmaps(). The rejected alternative, unmapping and flushing on every
 * kunmap, costs an invlpg per call and throws away mappings that are often wanted
 * again. Linux sleeps when every entry has users; nothing may sleep here, so kmap()
 * reports the exhaustion and returns NULL.
 *
 * kmap_atomic. KM_TYPE_NR fixmap slots used as a stack, as Linux has done since 2.6.37
 * (before, each caller named its slot, KM_USER0, KM_IRQ0...). kmap_atomic_idx is the
 * stack height; a kmap_atomic pushes, kunmap_atomic must pop the top. An interrupt
 * handler may use the stack too: it pushes above whatever it interrupted and pops back
 * before returning, so the interrupted code never notices. The slot's pte is cleared on
 * unmap (Linux does this only with CONFIG_DEBUG_HIGHMEM) so that a stale pointer faults
 * instead of silently reaching the next page mapped there.
 *
 * Relies on: the fixmap (asm/fixmap.h) for the slots, the page-table API to find the
 * pkmap page table (allocated at boot with every kernel table), the buddy allocator's
 * __GFP_ZERO hook.
 */
#include <highmem.h>
#include <kallsyms.h>
#include <kernel.h>
#include <mmzone.h>
#include <pgtable.h>
#include <string.h>
#include <asm/x86.h>

_Static_assert((PKMAP_BASE & ~PGDIR_MASK) == 0 && LAST_PKMAP == PTRS_PER_PTE,
	       "the pkmap window must be exactly one page table");
_Static_assert(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE <= FIXADDR_START,
	       "the pkmap window must end below the fixmap");


static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static pte_t *pkmap_page_table;

static int kmap_atomic_idx;		/* kmap_atomic slots in use: the stack's height */

unsigned long nr_highmem_pages(void)
{
	return max_pfn > max_low_pfn ? max_pfn - max_low_pfn : 0;
}

static pte_t *pkmap_ptes(void)
{
	if (unlikely(!pkmap_page_table)) {
		pkmap_page_table = pte_lookup(swapper_pg_dir, PKMAP_BASE);
		BUG_ON(!pkmap_page_table);	/* paging_init made every kernel table */
	}
	return pkmap_page_table;
}

/* --- Persistent kmap ------------------------------------------------------------ */

/*
 * Unmap every entry nobody uses (count 1) and make it free (count 0), then flush the
 * TLB once for all of them. The ptes are not global, so a CR3 reload drops them.
 */
static void flush_all_zero_pkmaps(void)
{
	pte_t *ptes = pkmap_ptes();
	bool flushed = false;
	unsigned int i;

	for (i = 0; i < LAST_PKMAP; i++) {
		struct page *page;

		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		page = pfn_to_page(pte_pfn(ptes[i]));
		pte_clear(NULL, PKMAP_ADDR(i), &ptes[i]);
		/* Only if the page still points here: never clear another entry's address. */
		if (page->virtual == (void *)PKMAP_ADDR(i))
			page->virtual = NULL;
		flushed = true;
	}
	if (flushed)
		flush_tlb_all();
}

/* A free entry for page, flushing unused ones when the scan wraps; 0 if none at all. */
static unsigned long map_new_virtual(struct page *page)
{
	unsigned int count = LAST_PKMAP;
	unsigned long vaddr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & (LAST_PKMAP - 1);
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count == 0) {
			/* A full pass after the flush found every entry in use. */
			pr_err("kmap: all %d pkmap entries are in use (a missing kunmap?); "
			       "Linux would sleep until one is released, this kernel returns NULL\n",
			       LAST_PKMAP);
			return 0;
		}
	}
	vaddr = PKMAP_ADDR(last_pkmap_nr);
	/* A count-0 entry has no pte and no TLB entry left: no flush needed. */
	set_pte_at(NULL, vaddr, &pkmap_ptes()[last_pkmap_nr], mk_pte(page, PAGE_KERNEL));
	pkmap_count[last_pkmap_nr] = 1;
	page->virtual = (void *)vaddr;
	return vaddr;
}

/* Is page->virtual an entry that really maps this page? (Guards against a stale field.) */
static bool pkmap_maps(const struct page *page, unsigned long vaddr)
{
	unsigned long nr = PKMAP_NR(vaddr);

	return vaddr >= PKMAP_BASE && nr < LAST_PKMAP && pkmap_count[nr] &&
	       pte_pfn(pkmap_ptes()[nr]) == page_to_pfn(page);
}

void *kmap(struct page *page)
{
	unsigned long vaddr;

	if (!PageHighMem(page))
		return page_address(page);
	vaddr = (unsigned long)page->virtual;
	if (!vaddr || unlikely(!pkmap_maps(page, vaddr))) {
		vaddr = map_new_virtual(page);
		if (!vaddr)
			return NULL;
	}
	pkmap_count[PKMAP_NR(vaddr)]++;
	return (void *)vaddr;
}

void kunmap(struct page *page)
{
	unsigned long vaddr, nr;

	if (!PageHighMem(page))
		return;
	vaddr = (unsigned long)page->virtual;
	if (!vaddr || !pkmap_maps(page, vaddr)) {
		pr_bug_caller(__builtin_return_address(0),
			      "kunmap of pfn 0x%lx, which is not kmapped", page_to_pfn(page));
		return;
	}
	nr = PKMAP_NR(vaddr);
	if (pkmap_count[nr] < 2) {
		pr_bug_caller(__builtin_return_address(0), "unbalanced kunmap of pfn 0x%lx at "
			      "0x%08lx (more kunmaps than kmaps)", page_to_pfn(page), vaddr);
		return;
	}
	/* Down to 1: unused but still mapped, until flush_all_zero_pkmaps() needs it. */
	pkmap_count[nr]--;
}

unsigned int kmap_users(const struct page *page)
{
	unsigned long vaddr = (unsigned long)page->virtual;

	if (!PageHighMem(page) || !vaddr || !pkmap_maps(page, vaddr))
		return 0;
	return pkmap_count[PKMAP_NR(vaddr)] - 1;
}

/* --- kmap_atomic ----------------------------------------------------------------- */

void *kmap_atomic_pfn(unsigned long pfn)
{
	int idx = kmap_atomic_idx;
	enum fixed_addresses type;

	if (idx >= KM_TYPE_NR) {
		pr_bug_caller(__builtin_return_address(0),
			      "kmap_atomic nested deeper than KM_TYPE_NR (16) slots");
		return NULL;
	}
	/* Claim the slot before filling it: an interrupt arriving now uses the next one. */
	kmap_atomic_idx = idx + 1;
	barrier();
	type = FIX_KMAP_BEGIN + idx;
	__set_fixmap(type, PFN_PHYS(pfn), PAGE_KERNEL);
	return (void *)__fix_to_virt(type);
}

void *kmap_atomic(struct page *page)
{
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_atomic_pfn(page_to_pfn(page));
}

void kunmap_atomic(void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	const void *caller = __builtin_return_address(0);
	int idx, top = kmap_atomic_idx - 1;

	if (vaddr < __fix_to_virt(FIX_KMAP_END) || vaddr > __fix_to_virt(FIX_KMAP_BEGIN)) {
		if (virt_addr_valid(addr))
			return;		/* a low-memory page: kmap_atomic mapped nothing */
		pr_bug_caller(caller, "kunmap_atomic(%p): not an address kmap_atomic returned",
			      addr);
		return;
	}
	idx = __virt_to_fix(vaddr) - FIX_KMAP_BEGIN;
	if (idx != top) {
		if (top < 0)
			pr_bug_caller(caller, "kunmap_atomic(%p) of slot %d, but no kmap_atomic "
				      "mapping is active", addr, idx);
		else
			pr_bug_caller(caller, "kunmap_atomic(%p) out of order: slot %d, but the "
				      "last kmap_atomic is slot %d at 0x%08lx (unmap in reverse "
				      "order)", addr, idx, top, __fix_to_virt(FIX_KMAP_BEGIN + top));
		return;
	}
	clear_fixmap(FIX_KMAP_BEGIN + idx);
	barrier();
	kmap_atomic_idx = idx;
}

int kmap_atomic_depth(void)
{
	return kmap_atomic_idx;
}

/* --- Whole-page helpers ---------------------------------------------------------- */

void clear_highpage(struct page *page)
{
	void *kaddr = kmap_atomic(page);

	BUG_ON(!kaddr);		/* only if nested 16 deep, already reported */
	memset(kaddr, 0, PAGE_SIZE);
	kunmap_atomic(kaddr);
}

void copy_highpage(struct page *to, struct page *from)
{
	void *vfrom = kmap_atomic(from);
	void *vto = kmap_atomic(to);

	BUG_ON(!vfrom || !vto);
	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_atomic(vto);
	kunmap_atomic(vfrom);
}

void highmem_init(void)
{
	pkmap_ptes();
	page_alloc_set_clear_highpage(clear_highpage);
	if (nr_highmem_pages())
		pr_info("HighMem: %lu MiB above the direct map, reached through kmap "
			"(0x%08lx-0x%08lx, %d entries) and kmap_atomic (%d fixmap slots)\n",
			nr_highmem_pages() >> (20 - PAGE_SHIFT), PKMAP_BASE,
			PKMAP_BASE + LAST_PKMAP * PAGE_SIZE, LAST_PKMAP, KM_TYPE_NR);
}

/*
 * The fake page allocator of fake_page_alloc.h: the interface of mm/page_alloc.c
 * (alloc_pages, __free_pages, nr_free_pages, fail_page_alloc_set, shrinkers) over a
 * malloc'ed arena, without the buddy allocator's speed but with stricter checks.
 *
 * The arena is aligned to 4 MiB so that a block of 2^order pages at an order-aligned
 * pfn is aligned like a real buddy block. Allocation is first fit over order-aligned
 * pfns; block_order[] remembers the order of each allocated block. Any misuse stops
 * the test at once: a free with the wrong order, a double free, a free of a reserved
 * page, of a page still mapped (_mapcount above -1) or shared (_refcount), or still marked
 * PG_slab; and a free page found with a reference or a mapping when it is handed out.
 *
 * As in the real allocator, an allocation with __GFP_RECLAIM that finds nothing runs
 * the shrinkers once and retries. Injected failures fail the call outright, before
 * any shrinker runs: fail_page_alloc_set(n) the next n calls (~0: all of them),
 * host_fail_page_alloc_nth(n) only the nth next one.
 */
#include <stdio.h>
#include <stdlib.h>
#include "mm.h"
#include "gfp.h"
#include "shrinker.h"
#include "string.h"
#include "fake_page_alloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define FAKE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FAKE_ASAN 1
#endif
#endif

#ifdef FAKE_ASAN
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#define POISON(a, s)	__asan_poison_memory_region(a, s)
#define UNPOISON(a, s)	__asan_unpoison_memory_region(a, s)
#else
#define POISON(a, s)	((void)(a), (void)(s))
#define UNPOISON(a, s)	((void)(a), (void)(s))
#endif

#define MAX_ORDER_PAGES	(1UL << 10)

struct page *mem_map;
unsigned long max_pfn, max_low_pfn;
void *high_memory;
unsigned long host_totalram;

static unsigned char *arena;
static unsigned char *block_order;	/* order + 1 at the head of an allocated block */
static bool *page_used;
static unsigned long nr_pages, nr_free, fail_nr, fail_nth, fail_count;
static bool scribble = true;
static LIST_HEAD(shrinker_list);

/*
 * First fit from first_free, the lowest pfn that may be free (kept by alloc and free),
 * so that a run of order-0 allocations does not rescan the used pages each time.
 */
static unsigned long first_free;

static __noreturn void fake_bug(const char *what, unsigned long pfn)
{
	fprintf(stderr, "fake page allocator: BUG: %s (pfn %lu)\n", what, pfn);
	abort();
}

void fake_mem_init(unsigned long pages)
{
	size_t bytes;

	pages = ALIGN(pages, MAX_ORDER_PAGES);
	bytes = pages * PAGE_SIZE;
	if (!arena) {
		arena = aligned_alloc(4UL << 20, bytes);
		mem_map = malloc(pages * sizeof(struct page));
		block_order = malloc(pages);
		page_used = malloc(pages * sizeof(bool));
		if (!arena || !mem_map || !block_order || !page_used)
			fake_bug("no memory for the arena and mem_map", 0);
		nr_pages = pages;
	} else if (pages != nr_pages) {
		fake_bug("a fresh machine of another size", pages);
	}
	memset(mem_map, 0, pages * sizeof(struct page));
	for (bytes = 0; bytes < pages; bytes++)
		mem_map[bytes]._mapcount = -1;	/* unmapped, as mm_init.c leaves it */
	bytes = pages * PAGE_SIZE;
	memset(block_order, 0, pages);
	memset(page_used, 0, pages * sizeof(bool));
	host_page_offset = (uintptr_t)arena;
	nr_free = host_totalram = pages;
	max_pfn = max_low_pfn = pages;
	high_memory = arena + bytes;
	first_free = 0;
	fail_nr = fail_nth = fail_count = 0;
	POISON(arena, bytes);
}

unsigned long fake_total_pages(void)
{
	return nr_pages;
}

unsigned long fake_fail_count(void)
{
	return fail_count;
}

void fake_set_scribble(bool on)
{
	scribble = on;
}

void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

unsigned long nr_free_pages(void)
{
	return nr_free;
}

unsigned long totalram_pages(void)
{
	return host_totalram;
}

void fail_page_alloc_set(unsigned long nr)
{
	fail_nr = nr;
}

void host_fail_page_alloc_nth(unsigned long nth)
{
	fail_nth = nth;
}

static long find_free_block(unsigned int order)
{
	unsigned long n = 1UL << order, pfn, i;

	while (first_free < nr_pages && page_used[first_free])
		first_free++;
	for (pfn = ALIGN(first_free, n); pfn + n <= nr_pages; pfn += n) {
		for (i = 0; i < n && !page_used[pfn + i]; i++)
			;
		if (i == n)
			return pfn;
	}
	return -1;
}

static bool injected_failure(void)
{
	if (fail_nr) {
		if (fail_nr != ~0UL)
			fail_nr--;
		fail_count++;
		return true;
	}
	return fail_nth && --fail_nth == 0;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long n = 1UL << order, i;
	struct page *page;
	long pfn;

	if (order > 10 || injected_failure())
		return NULL;
	pfn = find_free_block(order);
	if (pfn < 0 && (gfp & __GFP_RECLAIM)) {
		shrink_all();
		pfn = find_free_block(order);
	}
	if (pfn < 0)
		return NULL;

	page = pfn_to_page(pfn);
	for (i = 0; i < n; i++) {
		if (page[i]._refcount || page_mapped(&page[i]))
			fake_bug("a free page is still referenced or mapped", pfn + i);
		page_used[pfn + i] = true;
		page[i].flags = 0;
		page[i].private = 0;
	}
	page->_refcount = 1;
	block_order[pfn] = order + 1;
	nr_free -= n;
	UNPOISON(page_address(page), n * PAGE_SIZE);
	if ((gfp & __GFP_COMP) && order) {
		set_page_flag(page, PG_head);
		page->private = order;
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, n * PAGE_SIZE);
	else if (scribble)
		memset(page_address(page), 0xa7, n * PAGE_SIZE);	/* not zero by luck */
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), n = 1UL << order, i;

	if (pfn >= nr_pages)
		fake_bug("__free_pages of a page outside mem_map", pfn);
	if (block_order[pfn] != order + 1)
		fake_bug(block_order[pfn] ? "__free_pages with the wrong order" :
			 "__free_pages of a page that is not allocated", pfn);
	if (PageReserved(page))
		fake_bug("__free_pages of a reserved page", pfn);
	if (page->_refcount != 1 || page_mapped(page))
		fake_bug("__free_pages of a page still shared or mapped", pfn);
	for (i = 0; i < n; i++)
		if (PageSlab(page + i))
			fake_bug("__free_pages of a page still marked PG_slab", pfn + i);
	for (i = 0; i < n; i++) {
		page_used[pfn + i] = false;
		page[i].flags = 0;
		page[i].private = 0;
		page[i]._refcount = 0;
	}
	block_order[pfn] = 0;
	nr_free += n;
	if (pfn < first_free)
		first_free = pfn;
	POISON(page_address(page), n * PAGE_SIZE);
}

/* As mm/page_alloc.c's __put_page (put_page, mm.h, drops all but the last reference inline). */
void __put_page(struct page *page)
{
	unsigned long pfn = page_to_pfn(page);

	if (pfn >= nr_pages || page->_refcount <= 0)
		fake_bug("put_page of a page that is not allocated", pfn);
	if (page->_refcount > 1) {
		page->_refcount--;
		return;
	}
	__free_pages(page, PageHead(page) ? page->private : 0);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

void register_shrinker(struct shrinker *s)
{
	list_add_tail(&s->list, &shrinker_list);
}

void unregister_shrinker(struct shrinker *s)
{
	list_del(&s->list);
}

unsigned long shrink_all(void)
{
	struct shrinker *s;
	unsigned long freed = 0;

	list_for_each_entry(s, &shrinker_list, list)
		freed += s->scan(s);
	return freed;
}

/*
 * Helpers shared by the address-space self-tests (test_vma.c, test_fault.c, test_exec.c,
 * test_fork.c): counting free pages around an mm's life so that a test can prove it
 * leaked nothing, and holding all but k pages so that a path runs out of memory.
 */
#ifndef _TESTS_KERNEL_MM_TEST_H
#define _TESTS_KERNEL_MM_TEST_H

#include <mm.h>
#include <mmap.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)

/*
 * The free-page count to compare with later. The mm and VMA caches keep one empty slab
 * each after a shrink, so make sure each has had one (an mm with an area), then count.
 */
static inline unsigned long mm_pages_baseline(void)
{
	struct mm_struct *mm = mm_alloc();

	if (mm) {
		vm_map_fixed(mm, 0x10000000, P, VM_READ, "warm-up");
		mmput(mm);
	}
	mm_caches_shrink();
	return nr_free_pages();
}

/* Frees mm and returns the free-page count, to compare with mm_pages_baseline(). */
static inline unsigned long mm_pages_after(struct mm_struct *mm)
{
	mmput(mm);
	mm_caches_shrink();
	return nr_free_pages();
}

/* Every page but k: the hog holds them on a list through page->lru (failure injection). */
static inline void hog_all_but(struct list_head *hog, unsigned long k)
{
	struct page *page;

	while ((page = alloc_page(GFP_HIGHUSER | __GFP_NOWARN)))
		list_add(&page->lru, hog);
	while (k-- && !list_empty(hog)) {
		page = list_first_entry(hog, struct page, lru);
		list_del(&page->lru);
		__free_page(page);
	}
}

static inline void hog_release(struct list_head *hog)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, hog, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

#endif /* _TESTS_KERNEL_MM_TEST_H */

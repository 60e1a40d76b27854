/*
 * The set-up and the leak checks the slab and mempool host tests share (slab_test.h).
 * Relies on mm/slab.c's counters (nr_slab_objects, nr_slab_pages, slab_validate_all)
 * and the fake page allocator.
 */
#include "slab.h"
#include "mm.h"
#include "gfp.h"
#include "slab_test.h"

static unsigned long base_objs, base_pages;

void slab_test_boot(unsigned long pages)
{
	host_log_strict(true);
	fake_mem_init(pages);
}

void slab_case_before(void)
{
	fail_page_alloc_set(0);
	base_objs = nr_slab_objects();
	base_pages = nr_free_pages() + nr_slab_pages();
}

void slab_case_after(void)
{
	fail_page_alloc_set(0);
	if (slab_validate_all())
		tap_fail(__FILE__, __LINE__, "a cache failed validation");
	if (nr_slab_objects() != base_objs)
		tap_fail(__FILE__, __LINE__, "%ld objects leaked",
			 (long)(nr_slab_objects() - base_objs));
	if (nr_free_pages() + nr_slab_pages() != base_pages)
		tap_fail(__FILE__, __LINE__, "%ld pages leaked",
			 (long)(base_pages - nr_free_pages() - nr_slab_pages()));
}

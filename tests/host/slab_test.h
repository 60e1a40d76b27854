/*
 * What the slab and mempool host tests share (tests/host/slab_test.c): the harness
 * (tap.h), the fake page allocator under mm/slab.c (fake_page_alloc.h), and the checks
 * run around every case.
 *
 * The log is in strict mode (host_env.h): a test captures the reports it expects with
 * host_capture_start()/host_capture_stop(), and any other KERN_ERR or KERN_WARNING
 * fails the case that printed it.
 */
#ifndef _SLAB_TEST_H
#define _SLAB_TEST_H

#include "tap.h"
#include "host_env.h"
#include "fake_page_alloc.h"

/* A fresh machine of `pages` pages under a log in strict mode; the slab is not booted. */
void slab_test_boot(unsigned long pages);

/*
 * Around every case: before() notes the objects and pages in use, after() fails the
 * case if any cache fails kmem_cache_validate() or an object or a page leaked.
 */
void slab_case_before(void);
void slab_case_after(void);

/* A table entry for the case test_NAME, reported as NAME. */
#define SLAB_CASE(fn)	{ #fn + 5, fn }

#endif /* _SLAB_TEST_H */

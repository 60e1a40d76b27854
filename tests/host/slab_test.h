/*
 * Host-side support for the slab and mempool tests: a TAP runner, console capture and
 * a fake page allocator (slab_fake_page_alloc.c, slab_host_env.c).
 *
 * The fake page allocator plays the buddy allocator's interface (gfp.h, mm.h,
 * shrinker.h) over a malloc'ed arena aligned to 4 MiB; host_page_offset is the arena's
 * address, so __pa/__va/virt_to_page work unchanged. Pages it does not hand out are
 * poisoned for AddressSanitizer, so a slab touching a page it gave back is caught.
 */
#ifndef _SLAB_TEST_H
#define _SLAB_TEST_H

#include "types.h"

/* Fake physical memory. */
void slab_fake_mem_init(unsigned long pages);	/* arena of `pages` pages, all free */
unsigned long slab_fake_total_pages(void);
unsigned long slab_fake_fail_count(void);	/* alloc_pages() calls failed on purpose */
void slab_fake_set_scribble(bool on);	/* fill new pages with 0xa7 (default on) */

/* Console capture: every printk line is kept while capturing. */
void slab_test_capture_start(void);
void slab_test_capture_stop(void);
bool slab_test_capture_contains(const char *text);
const char *slab_test_capture_text(void);
unsigned long slab_test_unexpected_errors(void);	/* KERN_ERR/WARN lines outside capture */
void slab_test_set_verbose(bool on);			/* echo the console to stderr */

/* TAP. */
struct slab_test_case {
	const char *name;
	void (*run)(void);
};

void slab_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool slab_test_failed(void);

extern const char *slab_test_name_suffix;	/* appended to every case name */

/*
 * Runs the cases, one "ok N - name" line each. before/after (may be NULL) run around
 * every case; after() may fail the case (e.g. a leak check).
 */
int slab_test_run(const struct slab_test_case *cases, int n, void (*before)(void),
		  void (*after)(void));

#define CHECK(cond) do {							\
	if (!(cond))								\
		slab_test_fail(__FILE__, __LINE__, "check failed: %s", #cond);	\
} while (0)

#define REQUIRE(cond) do {							\
	if (!(cond)) {								\
		slab_test_fail(__FILE__, __LINE__, "required: %s", #cond);	\
		return;								\
	}									\
} while (0)

#define CHECK_EQ(a, b) do {							\
	long long __a = (long long)(a), __b = (long long)(b);			\
	if (__a != __b)								\
		slab_test_fail(__FILE__, __LINE__, "%s == %s: %lld vs %lld",	\
			       #a, #b, __a, __b);				\
} while (0)

#define CHECK_LOGGED(text) do {							\
	if (!slab_test_capture_contains(text))					\
		slab_test_fail(__FILE__, __LINE__, "no report containing \"%s\"", text); \
} while (0)

#endif /* _SLAB_TEST_H */

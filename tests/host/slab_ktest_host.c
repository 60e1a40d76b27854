/*
 * Runs the kernel self-tests of tests/kernel/test_slab.c on the host, over the fake
 * page allocator, until the kernel can boot them itself: the same source, with the
 * ktest.h services (ktest_fail, ktest_skip, console capture) played by the host TAP
 * harness (tap.h) and log (host_env.h). KTEST() places its descriptors in a section
 * named slab_ktests here, which the linker brackets with __start_/__stop_ symbols.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include "types.h"
#undef __section
#define __section(s)	__attribute__((section("slab_ktests")))
#include "../kernel/test_slab.c"
#include "slab_test.h"

extern const struct ktest __start_slab_ktests[], __stop_slab_ktests[];

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vfail(file, line, fmt, ap);
	va_end(ap);
}

void ktest_skip(const char *fmt, ...)
{
	va_list ap;

	printf("# skipped: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void ktest_capture_start(void)
{
	host_capture_start();
}

void ktest_capture_stop(void)
{
	host_capture_stop();
}

bool ktest_capture_contains(const char *text)
{
	return host_log_contains(text);
}

int main(void)
{
	int i, status, n = __stop_slab_ktests - __start_slab_ktests;
	struct tap_case *cases = calloc(n, sizeof(*cases));

	/* gcc emits the descriptors last first: walk back for the source order. */
	for (i = 0; i < n; i++) {
		const struct ktest *t = &__stop_slab_ktests[-1 - i];
		char *name = malloc(strlen(t->suite) + strlen(t->name) + 8);

		sprintf(name, "ktest_%s_%s", t->suite, t->name);
		cases[i].name = name;
		cases[i].fn = t->run;
	}
	slab_test_boot(4096);
	slab_debug_enable(true);	/* as the kernel's test boot */
	kmem_cache_init();
	status = tap_run(cases, n, NULL, NULL);
	for (i = 0; i < n; i++)
		free((char *)cases[i].name);
	free(cases);
	return status;
}

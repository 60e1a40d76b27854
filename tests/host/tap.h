/*
 * The TAP harness every host test uses (tests/host/tap.c): check macros, and a runner
 * printing one "ok N - name" or "not ok N - name" line per test case, with the details
 * of a failure as "# file:line ..." lines and, after a failed case, the kernel log
 * (host_env.h). The exit status is non-zero if any case failed.
 *
 * Two ways to run cases: tap_run() over a table, with optional hooks around every case
 * (a fresh machine before, a leak check after); or tap_begin()/tap_end() around each
 * case by hand and tap_done() at the end, for tests whose cases set themselves up.
 * Either way a case also fails if it printed an unexpected report (strict log mode).
 */
#ifndef _TAP_H
#define _TAP_H

#include <stdarg.h>
#include "types.h"
#include "host_env.h"

struct tap_case {
	const char *name;
	void (*fn)(void);
};

#define TAP_CASE(fn)	{ #fn, fn }

extern const char *tap_name_suffix;	/* appended to every case name ("" by default) */

/* Runs every case; before/after (may be NULL) run around each, after() may fail it. */
int tap_run(const struct tap_case *cases, int n, void (*before)(void), void (*after)(void));

void tap_begin(void);			/* a case starts */
void tap_end(const char *name);		/* ... and ends: its TAP line */
int tap_done(void);			/* the plan, if tap_run did not print it; exit status */

/* Fails the current case with a "# file:line ..." line. */
__printf(3, 4) void tap_fail(const char *file, int line, const char *fmt, ...);
void tap_vfail(const char *file, int line, const char *fmt, va_list ap);
bool tap_failed(void);			/* has the current case failed yet? */

#define CHECK(cond) do {							\
	if (!(cond))								\
		tap_fail(__FILE__, __LINE__, "expected: %s", #cond);		\
} while (0)

#define CHECK_MSG(cond, fmt, ...) do {						\
	if (!(cond))								\
		tap_fail(__FILE__, __LINE__, "%s: " fmt, #cond, ##__VA_ARGS__);	\
} while (0)

#define REQUIRE(cond) do {							\
	if (!(cond)) {								\
		tap_fail(__FILE__, __LINE__, "required: %s", #cond);		\
		return;								\
	}									\
} while (0)

#define CHECK_EQ(a, b) do {							\
	long long __a = (long long)(a), __b = (long long)(b);			\
	if (__a != __b)								\
		tap_fail(__FILE__, __LINE__, "%s == %s: %lld (0x%llx) vs %lld (0x%llx)", \
			 #a, #b, __a, (unsigned long long)__a, __b, (unsigned long long)__b); \
} while (0)

#define CHECK_LOGGED(text) do {							\
	if (!host_log_contains(text))						\
		tap_fail(__FILE__, __LINE__, "expected a report containing \"%s\"", text); \
} while (0)

#define CHECK_NOT_LOGGED(text) do {						\
	if (host_log_contains(text))						\
		tap_fail(__FILE__, __LINE__, "unexpected report containing \"%s\"", text); \
} while (0)

#endif /* _TAP_H */

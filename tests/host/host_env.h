/*
 * The kernel services every host test links against (tests/host/host_env.c), in plain
 * libc: printk into a log that tests search, a panic that a test can catch, WARN_ON
 * counted, and the CPU state mm/pgtable.c reads (CR3 and TLB flushes, declared in
 * asm/x86.h under HOST_TEST).
 *
 * The log has two modes. By default every message is kept, and a test searches the log
 * after the fact (reset it first). In strict mode (host_log_strict), used by the slab
 * tests, messages are kept only between host_capture_start() and host_capture_stop();
 * outside such a window a KERN_WARNING or worse is an unexpected report: it is counted,
 * printed on stderr, and the TAP harness fails the test case that printed it, so no
 * report goes unnoticed. HOST_LOG_ECHO=1 in the environment echoes every message on
 * stderr.
 */
#ifndef _HOST_ENV_H
#define _HOST_ENV_H

#include <setjmp.h>
#include "types.h"

/* Kernel log. */
void host_log_reset(void);
bool host_log_contains(const char *text);
const char *host_log_text(void);
void host_log_strict(bool on);
void host_capture_start(void);		/* empties the log; in strict mode starts keeping */
void host_capture_stop(void);
unsigned long host_unexpected_reports(void);	/* strict mode: reports outside a capture */

extern unsigned long host_warnings;	/* WARN_ON hits (a test may reset the count) */

/* panic() longjmps here while a catch is active; otherwise it aborts. */
extern jmp_buf *host_panic_jmp;
#define HOST_CATCH_PANIC(stmt) ({					\
	jmp_buf __jb;							\
	volatile bool __panicked = false;				\
	host_panic_jmp = &__jb;						\
	if (setjmp(__jb) == 0) {					\
		stmt;							\
	} else {							\
		__panicked = true;					\
	}								\
	host_panic_jmp = NULL;						\
	__panicked;							\
})

/* Prints the message and the kernel log on stderr, then aborts (for fuzz targets). */
__noreturn __printf(1, 2) void host_die(const char *fmt, ...);

/* Deterministic pseudo-random numbers (xorshift32); *state must not be 0. */
static inline u32 host_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

#endif /* _HOST_ENV_H */

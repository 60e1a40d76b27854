/*
 * The compiler's extensions the kernel uses, each defined once, under Linux's names.
 *
 * Included by types.h, so every kernel file and every host test has them. Host tests
 * also see glibc's <sys/cdefs.h>, which has its own __always_inline: that one is kept.
 */
#ifndef _COMPILER_H
#define _COMPILER_H

#define __packed		__attribute__((packed))
#define __aligned(x)		__attribute__((aligned(x)))
#define __noreturn		__attribute__((noreturn))
#define __used			__attribute__((used))
#define __section(s)		__attribute__((section(s)))
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#define __noinline		__attribute__((noinline))
#define __returns_twice		__attribute__((returns_twice))
#define __maybe_unused		__attribute__((unused))
#define __cold			__attribute__((cold))	/* rarely run: kept out of hot paths */
#ifndef __always_inline
#define __always_inline		inline __attribute__((always_inline))
#endif

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

/* Stops the compiler from moving memory accesses across this point; emits nothing. */
#define barrier()		asm volatile("" : : : "memory")

#endif /* _COMPILER_H */

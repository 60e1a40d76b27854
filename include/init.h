/*
 * Boot modes: what the kernel does once it is up, chosen by a command-line option
 * ("test", "bench"). A mode is a descriptor in the .boot_modes linker section, placed
 * by the code that implements it, so start_kernel() need not know it: the self-tests
 * (tests/kernel/ktest.c) and the benchmarks (tests/kernel/bench.c) define theirs and
 * exist only in the test image. start_kernel() looks the option up here; when the
 * option is given but this image has no such mode, it says so and stops.
 *
 * The same idea as Linux's __setup() table (.init.setup), but the handler runs the
 * whole mode, after every subsystem is up, and does not return.
 *
 * Relies on: linker.ld bracketing .boot_modes with __start_/__stop_boot_modes.
 */
#ifndef _INIT_H
#define _INIT_H

#include "types.h"

struct boot_mode {
	const char *name;			/* the command-line option */
	void (*run)(const char *value);		/* value: after "name=", or NULL */
};

#define DEFINE_BOOT_MODE(option, fn)						\
	static const struct boot_mode __boot_mode_##option			\
		__used __section(".boot_modes") __aligned(4) = { #option, fn }

extern const struct boot_mode __start_boot_modes[], __stop_boot_modes[];

#endif /* _INIT_H */

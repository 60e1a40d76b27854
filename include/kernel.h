/*
 * panic(), BUG_ON() and WARN_ON(): what the kernel does when an invariant breaks.
 *
 * panic() prints the message, the caller's file and line and a backtrace, calls the
 * panic notifiers, then stops the machine, leaving QEMU with a failure status so the
 * host sees it at once instead of waiting for a timeout. WARN_ON() prints a report
 * (through pr_report, so a self-test that did not expect it fails) and goes on.
 */
#ifndef _KERNEL_H
#define _KERNEL_H

#include "types.h"
#include "printk.h"

__printf(3, 4) __noreturn void __panic(const char *file, int line, const char *fmt, ...);
#define panic(fmt, ...) __panic(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define BUG() panic("kernel BUG")
#define BUG_ON(cond) do {						\
	if (unlikely(cond))						\
		panic("kernel BUG: %s", #cond);				\
} while (0)

void __warn(const char *file, int line, const char *cond);
#define WARN_ON(cond) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c))						\
		__warn(__FILE__, __LINE__, #cond);			\
	__c;								\
})

void dump_stack(void);

/* Kernel command line (lib/cmdline.c). */
void cmdline_init(const char *cmdline);
const char *cmdline_get(void);
bool cmdline_has(const char *name);
const char *cmdline_value(const char *name);	/* "name=value" -> "value...", or NULL */
bool name_in_list(const char *list, const char *name);	/* list: "a,b,c" */

#endif /* _KERNEL_H */

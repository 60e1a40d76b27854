/*
 * The kernel's own symbol table, for backtraces (kernel/kallsyms.c).
 *
 * tools/gen-kallsyms writes it from `nm` after a first link; the second link places it
 * in .kallsyms at the end of the image. Only text symbols are kept: enough to name the
 * function behind every return address.
 */
#ifndef _KALLSYMS_H
#define _KALLSYMS_H

#include "types.h"
#include "printk.h"

#define KSYM_SYMBOL_LEN	128	/* room for "func+0x12/0x40" */

/* Name of the function containing addr, with the offset into it; NULL if unknown. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size);
unsigned long kallsyms_lookup_name(const char *name);	/* 0 if not found */

/* Print "[<c0101234>] func+0x12/0x40" lines by walking the ebp chain. */
void show_trace(unsigned long eip, unsigned long ebp);

/*
 * "func+0x12/0x40" (what Linux's %pS prints) for addr into buf, or "0xc0101234" when
 * no symbol contains it. Returns the length snprintf would write.
 */
static inline int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long offset, symsize;
	const char *name = kallsyms_lookup(addr, &offset, &symsize);

	if (!name)
		return snprintf(buf, size, "0x%08lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}

/*
 * pr_bug_caller(caller, fmt, ...): the one shape of report for a caller's mistake (a bad
 * free, an unbalanced unmap): "BUG: <message>, called from func+0x12/0x40". caller is a
 * return address, usually __builtin_return_address(0) of the public entry point.
 * Out of line (a copy per file that uses it), so the buffers and the symbol lookup stay
 * off the fast paths that only call it when something is wrong.
 */
static __maybe_unused __noinline __cold __printf(2, 3)
void pr_bug_caller(const void *caller, const char *fmt, ...)
{
	char msg[192], sym[KSYM_SYMBOL_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
	pr_report(KERN_ERR "BUG: %s, called from %s\n", msg, sym);
}

#endif /* _KALLSYMS_H */

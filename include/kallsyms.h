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

/* Name of the function containing addr, with the offset into it; NULL if unknown. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size);
unsigned long kallsyms_lookup_name(const char *name);	/* 0 if not found */

/* Print "[<c0101234>] func+0x12/0x40" lines by walking the ebp chain. */
void show_trace(unsigned long eip, unsigned long ebp);

#endif /* _KALLSYMS_H */

/*
 * Copying to and from user space (arch/x86/lib/usercopy_32.c).
 *
 * A user pointer may be anything: kernel memory (refused by access_ok before any
 * access), unmapped memory, or memory not yet faulted in. The copies touch user memory
 * directly; a page fault on a valid area is handled as for the program itself (demand
 * zero, stack growth), and a fault that cannot be handled jumps to a fix-up through
 * the exception table, so the copy returns failure instead of oopsing.
 */
#ifndef _UACCESS_H
#define _UACCESS_H

#include "types.h"
#include "asm/page.h"

/* Is [addr, addr + size) entirely below TASK_SIZE (without wrapping)? */
static inline bool access_ok(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* Return the number of bytes NOT copied: 0 on success, as Linux's. */
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
unsigned long clear_user(void *to, unsigned long n);
/* Length copied (without the NUL), count if no NUL within count, -EFAULT on a bad address. */
long strncpy_from_user(char *dst, const char *src, long count);

#endif /* _UACCESS_H */

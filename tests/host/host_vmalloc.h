/*
 * Host-side stand-in for the kernel around mm/vmalloc.c and arch/x86/mm/ioremap.c, on top of the
 * buddy allocator's fake machine (host_buddy.h).
 *
 * The page tables are faked: one array of ptes for the kernel's gigabyte, written by
 * map_kernel_page() and read by virt_to_phys_walk(). vmalloc never dereferences the
 * virtual addresses it hands out (only its callers do), so the vmalloc range can be the
 * real i386 numbers even on a 64-bit host: host_vmalloc_boot() sets high_memory to
 * 0xf8000000, as on a 1 GiB machine, giving VMALLOC_START 0xf8800000. kmalloc/kfree
 * are malloc/free, so AddressSanitizer sees every descriptor and page array leak, and
 * kmalloc failures can be injected.
 */
#ifndef _HOST_VMALLOC_H
#define _HOST_VMALLOC_H

#include "host_buddy.h"
#include "pgtable.h"

#define HOST_HIGH_MEMORY	0xf8000000UL

/* Boots the fake machine (host_mm_boot_default) and empties the fake page tables. */
unsigned long host_vmalloc_boot(void);

/* The n-th kmalloc call from now fails (1: the next one; 0: none). */
void host_kmalloc_fail_nth(unsigned long n);
extern unsigned long host_kmalloc_live;		/* kmalloc'ed blocks not yet kfree'd */

/* Number of present ptes in [start, end): leak detection for the page tables. */
unsigned long host_mapped_pages(unsigned long start, unsigned long end);
extern unsigned long host_invlpg_count;		/* unmaps of present ptes (each an invlpg) */

#endif /* _HOST_VMALLOC_H */

/*
 * Host-side stand-in for the kernel around the address-space code (mm/vma.c, mmap.c,
 * memory.c, mprotect.c, mremap.c, madvise.c, mm_cache.c, pgtable.c, lib/rbtree.c),
 * which is compiled natively with HOST_TEST.
 *
 * "Physical memory" is the fake page allocator's arena of HOST_PAGES pages
 * (fake_page_alloc.h), with frame 0 kept out so that a pte of 0 never names a real
 * page; page tables are real two-level i386 tables built by mm/pgtable.c in those
 * pages, so page-table leaks show in nr_free_pages() too. Areas and mm_structs come
 * from calloc through a stand-in for the two slab caches of mm/mm_cache.c, counted.
 * printk goes to the log of host_env.h.
 *
 * host_access() plays a user instruction touching one byte: it walks the page table
 * and, when the CPU would fault, does what do_page_fault() does (fault_decide, then
 * expand_stack/handle_mm_fault), so tests see SIGSEGV or the byte.
 */
#ifndef _VMA_HOST_H
#define _VMA_HOST_H

#include "types.h"
#include "mm.h"
#include "mmap.h"
#include "pgtable.h"
#include "sched.h"
#include "resource.h"
#include "host_env.h"
#include "fake_page_alloc.h"

#define HOST_PAGES	8192UL		/* 32 MiB of "RAM" */

void host_env_init(void);		/* a fresh machine, log and counters */
/* The limits rlimit() answers (Linux's defaults after host_env_init) and dropped caps. */
extern struct rlimit host_rlim[RLIM_NLIMITS];
extern u32 host_caps_dropped;
void host_rlimits_reset(void);
extern unsigned long host_vma_count;	/* areas allocated and not freed */
extern unsigned long host_mm_count;
extern unsigned long host_fail_vma_alloc;	/* N > 0: the Nth next area allocation fails */

static inline unsigned long host_free_pages(void)
{
	return nr_free_pages();
}

/* A user access to one byte, as the CPU plus do_page_fault would treat it. */
enum host_access_result { HOST_OK, HOST_SEGV, HOST_OOM };
enum host_access_result host_access(struct mm_struct *mm, unsigned long addr, bool write,
				    u8 *val);
/* Fill / check a range through host_access (write: set every byte; read: compare). */
bool host_fill(struct mm_struct *mm, unsigned long addr, unsigned long len, u8 val);
bool host_all(struct mm_struct *mm, unsigned long addr, unsigned long len, u8 val);
/* Is addr's page present (without faulting)? The physical address, or -1. */
phys_addr_t host_phys(struct mm_struct *mm, unsigned long addr);

/*
 * Every invariant: validate_mm(), plus the page tables against the areas (a page only
 * inside an area, with the area's rights), rss equal to the pages mapped, each mapped
 * page allocated and mapped once. Prints each problem as "# ..." and returns the count.
 */
int host_check_mm(struct mm_struct *mm);

/* A fake current process whose mm is mm (for the sys_* wrappers). */
void host_set_current(struct mm_struct *mm);

#endif /* _VMA_HOST_H */

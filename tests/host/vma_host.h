/*
 * Host-side stand-in for the kernel around the address-space code (mm/vma.c, mmap.c,
 * memory.c, mprotect.c, mremap.c, madvise.c, kernel/rbtree.c), which is compiled
 * natively with HOST_TEST.
 *
 * "Physical memory" is an arena of HOST_PAGES pages; PAGE_OFFSET (host_page_offset) is
 * its address, so __va/__pa and page_to_phys work unchanged. A minimal order-0 page
 * allocator hands out its pages (freed pages are poisoned, so a page that should have
 * been zeroed is caught) and counts them; page tables are real two-level i386 tables
 * kept in those pages, so page-table leaks show in nr_free_pages() too. Areas come from
 * calloc, counted. printk goes to a log that tests search.
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

#define HOST_PAGES	8192UL		/* 32 MiB of "RAM" */
#define HOST_POISON	0xA5

void host_env_init(void);
unsigned long host_free_pages(void);	/* nr_free_pages() */
extern unsigned long host_totalram;	/* what totalram_pages() reports (overcommit) */
extern unsigned long host_vma_count;	/* areas allocated and not freed */
extern unsigned long host_mm_count;
extern unsigned long host_fail_vma_alloc;	/* N > 0: the Nth next area allocation fails */
void host_fail_page_alloc_nth(unsigned long nth);	/* the nth next alloc_pages() fails */
extern unsigned long host_warnings;	/* WARN_ON hits */
extern unsigned long host_tlb_flushes;

/* Log. */
void host_log_reset(void);
bool host_log_contains(const char *text);
const char *host_log_text(void);

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

static inline u32 host_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

#endif /* _VMA_HOST_H */

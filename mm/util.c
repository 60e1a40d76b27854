/*
 * Overcommit accounting: how much anonymous memory the system has promised
 * (vm_committed_as, meminfo's Committed_AS), and whether it may promise more.
 *
 * Linux charges "commit" for memory that a program may write without anything behind
 * it but RAM (and swap): private writable mappings, the heap, the stack, shared
 * anonymous memory. Such an area carries VM_ACCOUNT. Here the charge follows the area
 * set itself: the bookkeeping that keeps total_vm (vm_stat_account in mm/vma.c) also
 * adds or removes the pages of VM_ACCOUNT areas, so vm_committed_as is exactly the sum
 * of their sizes at every moment and cannot drift (Linux charges in the check and
 * uncharges by hand on every error path). What is left for the callers is the
 * question asked before an area appears, grows or becomes VM_ACCOUNT:
 * security_vm_enough_memory_mm(), Linux's __vm_enough_memory().
 *
 * Policies (vm.overcommit_memory): OVERCOMMIT_GUESS, the default, refuses only a single
 * request larger than all of RAM plus swap (there is no swap); OVERCOMMIT_ALWAYS never
 * refuses; OVERCOMMIT_NEVER refuses once the total would pass CommitLimit, which is
 * RAM * overcommit_ratio (50) / 100 + swap, less the admin reserve for non-root and the
 * user reserve (a thirty-second of the process's size, at most 128 MiB); both reserves
 * are at most a thirty-second of RAM (Linux: of the memory free at boot).
 *
 * Relies on: totalram_pages (mm/page_alloc.c), capable (kernel/resource.c).
 */
#include <mmap.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <resource.h>

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;
int sysctl_overcommit_ratio = 50;
unsigned long sysctl_user_reserve_kbytes = 128UL << 10;	/* Linux: min(3% of RAM, 128 MiB) */
unsigned long sysctl_admin_reserve_kbytes = 8UL << 10;	/* Linux: min(3% of RAM, 8 MiB) */

long vm_committed_as;		/* pages; one CPU, so a plain counter */

unsigned long vm_memory_committed(void)
{
	WARN_ON(vm_committed_as < 0);	/* more given back than charged */
	return vm_committed_as;
}

unsigned long vm_commit_limit(void)
{
	return totalram_pages() * sysctl_overcommit_ratio / 100;	/* + total_swap_pages */
}

/* Linux sizes both reserves at 3 % of free memory when that is less. */
static unsigned long reserve_pages(unsigned long kbytes)
{
	unsigned long pages = kbytes >> (PAGE_SHIFT - 10);

	return min(pages, totalram_pages() / 32);
}

/* OVERCOMMIT_GUESS is answered inline (security_vm_enough_memory_mm in mmap.h). */
int __vm_enough_memory(struct mm_struct *mm, unsigned long pages)
{
	unsigned long allowed, committed = vm_committed_as + pages;

	if (sysctl_overcommit_memory == OVERCOMMIT_ALWAYS)
		return 0;
	if (sysctl_overcommit_memory == OVERCOMMIT_GUESS)
		return pages > totalram_pages() ? -ENOMEM : 0;

	allowed = vm_commit_limit();
	if (!capable(CAP_SYS_ADMIN))
		allowed -= min(allowed, reserve_pages(sysctl_admin_reserve_kbytes));
	if (mm)
		allowed -= min(allowed, min(mm->total_vm / 32,
					    reserve_pages(sysctl_user_reserve_kbytes)));
	return committed < allowed ? 0 : -ENOMEM;
}

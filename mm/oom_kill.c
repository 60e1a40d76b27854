/*
 * Out of memory on a user page fault.
 *
 * A program's memory is promised by mmap and brk and only taken at fault time, so the
 * moment the buddy allocator has nothing left (after shrinking the slab caches, which
 * __GFP_RECLAIM in GFP_HIGHUSER allows) is in the middle of some instruction that cannot
 * complete. Linux's answer is the OOM killer: pick a victim, kill it, and let its
 * memory come back. With one process at a time the victim is the process that faulted.
 * It ends as if by SIGKILL (exit status 128 + 9), and exiting frees its whole address
 * space, so the kernel, which never needed those pages, goes on.
 *
 * The report is Linux's line, with the sizes in kB: total-vm (pages the areas cover)
 * and anon-rss (pages actually in memory).
 *
 * Relies on: current, do_exit (the process layer).
 */
#include <mmap.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>

void oom_kill_report(struct task_struct *p)
{
	struct mm_struct *mm = p->mm;

	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB\n",
	       p->pid, p->comm, mm->total_vm << (PAGE_SHIFT - 10),
	       mm->rss << (PAGE_SHIFT - 10));
}

void pagefault_out_of_memory(void)
{
	oom_kill_report(current);
	do_exit(128 + SIGKILL);
}

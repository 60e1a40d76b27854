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
 * The report is Linux 6.1's (dump_header(), dump_tasks(), dump_oom_summary() and
 * __oom_kill_process()), in this order:
 *   "<comm> invoked oom-killer: gfp_mask=...(names), order=0, oom_score_adj=0"
 *   the Mem-Info block of show_mem() (mm/show_mem.c: counts, zones, free blocks)
 *   "Tasks state (memory values in pages):" and one row per task that has memory
 *   "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),task=...,pid=...,uid=..."
 *   "Out of memory: Killed process N (comm) total-vm:..kB, anon-rss:..kB, file-rss:0kB,
 *    shmem-rss:0kB, UID:0 pgtables:..kB oom_score_adj:0"
 * The gfp flags are this kernel's values and names (include/gfp.h). Without cpusets
 * and memory cgroups the summary has no cpuset=, mems_allowed= or memcg fields, as on a
 * Linux built without them; no stack dump (Linux's dump_stack()) is printed. Every page
 * of a process is anonymous here (no page cache), so file-rss and shmem-rss are 0, and
 * oom_score_adj is 0 (there is no way to set it). The task table lists the tasks that
 * exist: the current one (no scheduler yet).
 *
 * Relies on: current, do_exit (the process layer), show_mem() and mm_pgtables_pages()
 * (mm/meminfo.c).
 */
#include <gfp.h>
#include <meminfo.h>
#include <mmap.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <string.h>

/* What handle_mm_fault() allocates a user page with (mm/memory.c): order 0. */
#define FAULT_GFP	(GFP_HIGHUSER | __GFP_ZERO)

struct oom_control {
	gfp_t gfp_mask;
	int order;
};

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/* %pGg: the compound names first, then each remaining flag, '|'-separated. */
static const struct {
	gfp_t mask;
	const char *name;
} gfp_names[] = {
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ __GFP_DMA, "__GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ __GFP_RECLAIM, "__GFP_RECLAIM" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_COMP, "__GFP_COMP" },
};

static void format_gfp_flags(char *buf, size_t size, gfp_t gfp)
{
	size_t len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(gfp_names) && len < size; i++) {
		if ((gfp & gfp_names[i].mask) != gfp_names[i].mask)
			continue;
		len += snprintf(buf + len, size - len, "%s%s", len ? "|" : "",
				gfp_names[i].name);
		gfp &= ~gfp_names[i].mask;
	}
	if (gfp && len < size)
		snprintf(buf + len, size - len, "%s0x%x", len ? "|" : "", gfp);
	else if (!len && size)
		snprintf(buf, size, "none");
}

static unsigned int task_uid(const struct task_struct *p)
{
	return p->cred.uid;
}

static void dump_header(const struct oom_control *oc, const struct task_struct *p)
{
	char flags[128];

	format_gfp_flags(flags, sizeof(flags), oc->gfp_mask);
	pr_warn("%s invoked oom-killer: gfp_mask=0x%x(%s), order=%d, oom_score_adj=0\n",
		p->comm, oc->gfp_mask, flags, oc->order);
	show_mem();
}

static void dump_tasks(const struct task_struct *p)
{
	const struct mm_struct *mm = p->mm;

	pr_info("Tasks state (memory values in pages):\n");
	pr_info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents "
		"oom_score_adj name\n");
	if (mm)
		pr_info("[%7d] %5u %5d %8lu %8lu %8lu %8lu         %5d %s\n", p->pid,
			task_uid(p), p->pid, mm->total_vm, mm->rss,
			mm_pgtables_pages(mm) << PAGE_SHIFT, 0UL, 0, p->comm);
}

static void dump_oom_summary(const struct task_struct *p)
{
	pr_info("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),task=%s,pid=%d,uid=%u\n",
		p->comm, p->pid, task_uid(p));
}

void oom_kill_report(struct task_struct *p)
{
	struct oom_control oc = { .gfp_mask = FAULT_GFP, .order = 0 };
	struct mm_struct *mm = p->mm;

	dump_header(&oc, p);
	dump_tasks(p);
	dump_oom_summary(p);
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:0kB, shmem-rss:0kB, UID:%u pgtables:%lukB oom_score_adj:0\n",
	       p->pid, p->comm, K(mm->total_vm), K(mm->rss), task_uid(p),
	       K(mm_pgtables_pages(mm)));
}

void pagefault_out_of_memory(void)
{
	oom_kill_report(current);
	do_exit(SIGKILL);
}

/*
 * Address spaces: mm_struct, its areas (vm_area_struct) and the operations on them
 * (mm/vma.c, mm/mmap.c, mm/memory.c, mm/mprotect.c, mm/mremap.c, mm/madvise.c,
 * arch/x86/mm/fault.c, mm/oom_kill.c). The structures themselves are in mm_types.h.
 *
 * The first part is what the process layer uses (the ELF loader, exec, exit, the
 * page-fault handler); the second part is the machinery inside mm/, exposed so that
 * self-tests can drive it on an mm that no process runs in. Functions named do_* take
 * the mm explicitly; the sys_* system calls (syscalls.h) are thin wrappers that pass
 * current->mm.
 *
 * Addresses returned as unsigned long carry an error as -errno, Linux's way: test them
 * with IS_ERR_VALUE() (errno.h).
 */
#ifndef _MMAP_H
#define _MMAP_H

#include "types.h"
#include "mm_types.h"
#include "mm.h"
#include "uapi/errno.h"
#include "resource.h"
#include "asm/page.h"

/* ---- The interface for processes ---- */

/*
 * A new, empty address space: a page directory from pgd_alloc() (the kernel's half
 * shared), no areas, task_size = TASK_SIZE and mmap_base placed as Linux does without
 * randomization. NULL if there is no memory.
 */
struct mm_struct *mm_alloc(void);
/*
 * Drop a user of an address space (mm_users). The last one tears it down (Linux's
 * exit_mmap + mmdrop): every page reference, page table, area and the mm itself. If
 * its directory is the one in CR3, the kernel's own (swapper_pg_dir) is loaded first.
 */
void mmput(struct mm_struct *mm);	/* drops a user (mm_users); the last one frees it all */
void mmdrop(struct mm_struct *mm);	/* drops a reference to the struct (mm_count) */
/* fork: oldmm's areas and ptes into mm (COW); -ENOMEM leaves mm for mmput(). */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);

/* The first area with vm_end > addr (it may start above addr), or NULL. */
struct vm_area_struct *__find_vma(struct mm_struct *mm, unsigned long addr);

/*
 * The area containing addr, else the first one above it, else NULL. Faults come in runs
 * on the same area, so the last answer (mmap_cache) is checked here, inline, before the
 * tree walk in mm/vma.c.
 */
static inline struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = mm->mmap_cache;

	if (vma && vma->vm_start <= addr && addr < vma->vm_end)
		return vma;
	return __find_vma(mm, addr);
}

/*
 * A program-image area over [addr, addr + len), page aligned, for the ELF loader's
 * segments: file-backed (vm_ops = &exec_image_vm_ops), at page pgoff of the file, so
 * the maps show the segment's file offset as Linux does. vm_flags is
 * VM_READ/VM_WRITE/VM_EXEC (VM_MAY* are added), name is shown in the maps dump (the
 * program's name; the string must outlive the mm). -EINVAL for an unaligned or empty
 * range or one past task_size, -EEXIST if it overlaps an area, -ENOMEM if no memory.
 * Pages are not allocated until touched. Not charged to overcommit (see mm/util.c).
 */
int vm_map_pgoff(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long vm_flags, unsigned long pgoff, const char *name);
/* The same at file offset 0. */
static inline int vm_map_fixed(struct mm_struct *mm, unsigned long addr, unsigned long len,
			       unsigned long vm_flags, const char *name)
{
	return vm_map_pgoff(mm, addr, len, vm_flags, 0, name);
}
/*
 * An anonymous read-write area, the heap's kind (Linux's vm_brk_flags): the ELF loader
 * maps a segment's memory past its last file page with it (.bss).
 */
int vm_brk(struct mm_struct *mm, unsigned long addr, unsigned long len);
/* The operations of program-image areas: their presence makes an area file-backed. */
extern const struct vm_operations_struct exec_image_vm_ops;

/*
 * The stack: a VM_GROWSDOWN read-write "[stack]" area [stack_top - size, stack_top),
 * charged to overcommit. It grows downwards on faults below it, to at most
 * RLIMIT_STACK in all (read when it grows). -EINVAL if size exceeds that limit.
 */
int setup_stack_vma(struct mm_struct *mm, unsigned long stack_top, unsigned long size);
/* The initial break: start_brk = brk = start_brk (page aligned end of the highest PT_LOAD). */
void mm_set_brk(struct mm_struct *mm, unsigned long start_brk);

/* handle_mm_fault() flags and results (Linux's values). */
#define FAULT_FLAG_WRITE	0x0001
#define FAULT_FLAG_USER		0x0040
#define FAULT_FLAG_INSTRUCTION	0x0100

#define VM_FAULT_OOM		0x0001	/* no page could be allocated */
#define VM_FAULT_SIGBUS		0x0002
#define VM_FAULT_SIGSEGV	0x0040	/* the address is not in vma */

/*
 * Make addr (inside vma, the access already checked) accessible: allocate a zeroed
 * page and map it (do_anonymous_page), or fix the rights of a page already there.
 * Returns 0 or a VM_FAULT_* code.
 */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		    unsigned int flags);

/* Print the areas in /proc/PID/maps format, through printk (KERN_INFO). */
void show_maps(struct mm_struct *mm);
/* The same, one line per call into buf (for tests); returns the number of lines. */
int format_maps(struct mm_struct *mm, void (*emit)(const char *line, void *arg), void *arg);

/* Linux's is_data_mapping(): what RLIMIT_DATA counts (mm->data_vm). */
static inline bool is_data_mapping(unsigned long flags)
{
	return (flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE;
}

/* ---- Limits (Linux's defaults) ---- */

#define STACK_RLIMIT		(8UL << 20)	/* RLIMIT_STACK's default soft limit: 8 MiB */
#define STACK_GUARD_GAP		(256UL << PAGE_SHIFT)	/* stack_guard_gap: 1 MiB */
#define MMAP_MIN_ADDR		65536UL		/* vm.mmap_min_addr on Debian */
#define MAX_MAP_COUNT		65530		/* vm.max_map_count */
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)	/* bottom-up fallback start */

/* mmap_base for a task of this size: below the stack rlimit and gap, 128 MiB at least. */
unsigned long mmap_base(unsigned long task_size);

/* ---- Inside mm/: the area set (mm/vma.c) ---- */

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* Anonymous memory has no operations behind it (Linux's definition); names are display. */
static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}


static inline bool vma_is_accessible(const struct vm_area_struct *vma)
{
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

/* Where an area really starts for placement: a stack keeps a guard gap below it. */
static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= STACK_GUARD_GAP;
		if (start > vma->vm_start)	/* wrapped below 0 */
			start = 0;
	}
	return start;
}

static inline unsigned long vm_end_gap(const struct vm_area_struct *vma)
{
	return vma->vm_end;	/* no VM_GROWSUP on x86 */
}

/* Neighbours on the sorted list, NULL at either end (inline: every walk uses them). */
static inline struct vm_area_struct *vma_first(struct mm_struct *mm)
{
	if (list_empty(&mm->mmap_list))
		return NULL;
	return list_first_entry(&mm->mmap_list, struct vm_area_struct, vm_list);
}

static inline struct vm_area_struct *vma_last(struct mm_struct *mm)
{
	if (list_empty(&mm->mmap_list))
		return NULL;
	return list_entry(mm->mmap_list.prev, struct vm_area_struct, vm_list);
}

static inline struct vm_area_struct *vma_next(struct mm_struct *mm,
					      struct vm_area_struct *vma)
{
	if (vma->vm_list.next == &mm->mmap_list)
		return NULL;
	return list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}

static inline struct vm_area_struct *vma_prev(struct mm_struct *mm,
					      struct vm_area_struct *vma)
{
	if (vma->vm_list.prev == &mm->mmap_list)
		return NULL;
	return list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}
#define for_each_vma(mm, vma) \
	for (vma = vma_first(mm); vma; vma = vma_next(mm, vma))

/* find_vma, and *pprev = the area before the one returned (the last one if NULL). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
/* The first area overlapping [start, end), or NULL. */
static inline struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
							   unsigned long start,
							   unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && end > vma->vm_start ? vma : NULL;
}

/* The mm_struct and vm_area_struct slab caches: at boot, after kmem_cache_init(). */
void mm_cache_init(void);

/* Where area structures come from (mm/mm_cache.c in the kernel; the host test's own). */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
struct mm_struct *allocate_mm(void);
void free_mm(struct mm_struct *mm);
void mm_caches_shrink(void);	/* give empty slabs back, so tests can count pages */

/*
 * Insert into / remove from the list and the tree; keeps map_count and the page
 * counters (total_vm, stack_vm, data_vm, locked_vm, and vm_committed_as for VM_ACCOUNT).
 */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
/* Change an area's bounds in place (must not cross a neighbour); keeps the counters. */
void vma_set_range(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long start,
		   unsigned long end);
/*
 * Cut vma in two at addr (page aligned, strictly inside). With new_below the new area
 * is the lower part and vma keeps the upper one, else the reverse. -ENOMEM if no
 * memory or the map_count limit is reached.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below);
/*
 * Change an area's flags in place, keeping the page counters and vm_page_prot (the
 * ptes are the caller's business).
 */
void vma_set_flags(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long flags);
/*
 * Can a (directly below) and b be one area? Contiguous, same flags, rights, name and
 * backing (vm_ops, vm_file), and for a file the offsets following on.
 */
bool vma_mergeable(const struct vm_area_struct *a, const struct vm_area_struct *b);
/* Merge vma with its neighbours where possible; returns the area that now holds it. */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma);
/*
 * An area covering [start, end) (which must be free): an existing neighbour extended
 * over it when compatible, else a new one. NULL if no memory.
 */
struct vm_area_struct *__vma_merge_new(struct mm_struct *mm, unsigned long start,
				       unsigned long end, unsigned long vm_flags,
				       const struct vm_operations_struct *ops,
				       unsigned long pgoff, const char *name);
/* The same for anonymous memory. */
static inline struct vm_area_struct *vma_merge_new(struct mm_struct *mm, unsigned long start,
						   unsigned long end, unsigned long vm_flags,
						   const char *name)
{
	return __vma_merge_new(mm, start, end, vm_flags, NULL, 0, name);
}

/* VM_* flags from PROT_* and MAP_*, and the pte flags an area's pages get. */
unsigned long calc_vm_prot_bits(unsigned long prot);
unsigned long calc_vm_flag_bits(unsigned long flags);
u32 vm_get_page_prot(unsigned long vm_flags);

/*
 * Find room for len bytes: MAP_FIXED returns addr as is; a free page-aligned hint is
 * honoured (an unaligned one is rounded down to its page, as on x86); otherwise the top
 * of the highest free gap below mmap_base, and bottom-up from TASK_UNMAPPED_BASE if
 * nothing fits below it. Returns the address or -ENOMEM/-EINVAL/-EPERM.
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len,
				unsigned long flags);

/* Check every invariant of the area set; prints each violation; returns their number. */
int validate_mm(struct mm_struct *mm);

/* ---- Inside mm/: mappings (mm/mmap.c, mprotect.c, mremap.c, madvise.c) ---- */

unsigned long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long fd,
		      unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);	/* sys_brk's logic */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot);
unsigned long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			unsigned long new_len, unsigned long flags, unsigned long new_addr);
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len, int advice);

/*
 * Grow a VM_GROWSDOWN area down to addr's page; -ENOMEM past RLIMIT_STACK or the guard
 * gap, or when RLIMIT_AS, overcommit or (locked) RLIMIT_MEMLOCK refuse the growth.
 */
int expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr);
/* Would expand_stack() succeed? (No change made.) */
bool stack_guard_ok(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr);
/*
 * Would the limits let mm grow by npages of an area with these flags? RLIMIT_AS on
 * total_vm, RLIMIT_DATA on data_vm (Linux's may_expand_vm). A soft RLIMIT_DATA of 0
 * with a higher hard limit lets data through up to the hard limit, Linux's allowance
 * for programs that set the soft limit to 0. Inline: brk and mmap ask every time.
 */
static inline bool may_expand_vm(struct mm_struct *mm, unsigned long flags,
				 unsigned long npages)
{
	const struct rlimit *rlim = task_rlim(current);
	const struct rlimit *data = &rlim[RLIMIT_DATA];

	if (mm->total_vm + npages > rlim[RLIMIT_AS].rlim_cur >> PAGE_SHIFT)
		return false;
	if (is_data_mapping(flags) && mm->data_vm + npages > data->rlim_cur >> PAGE_SHIFT)
		return data->rlim_cur == 0 && mm->data_vm + npages <= data->rlim_max >> PAGE_SHIFT;
	return true;
}
/* May this process lock memory at all? RLIMIT_MEMLOCK not 0, or CAP_IPC_LOCK. */
bool can_do_mlock(void);
/* mlock's limit for len more bytes of locked memory (mm/mlock.c); 0 or -EAGAIN. */
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len);

/* ---- Overcommit accounting (mm/util.c) ---- */

#define OVERCOMMIT_GUESS	0
#define OVERCOMMIT_ALWAYS	1
#define OVERCOMMIT_NEVER	2
extern int sysctl_overcommit_memory;	/* vm.overcommit_memory */
extern int sysctl_overcommit_ratio;	/* vm.overcommit_ratio, percent */

/* Pages promised (meminfo's Committed_AS): the pages of every VM_ACCOUNT area. */
unsigned long vm_memory_committed(void);
/* meminfo's CommitLimit, in pages: RAM * overcommit_ratio / 100 + swap (none). */
unsigned long vm_commit_limit(void);

/* Adjust vm_committed_as: vm_stat_account in mm/vma.c is its only caller. */
extern long vm_committed_as;
static inline void vm_acct_memory(long pages)
{
	vm_committed_as += pages;
}

/* May mm be promised pages more? 0 or -ENOMEM, by vm.overcommit_memory's policy. */
int __vm_enough_memory(struct mm_struct *mm, unsigned long pages);
static inline int security_vm_enough_memory_mm(struct mm_struct *mm, unsigned long pages)
{
	/* The default policy's whole test, inline: brk and mmap ask it every time. */
	if (sysctl_overcommit_memory == OVERCOMMIT_GUESS)
		return pages > totalram_pages() ? -ENOMEM : 0;
	return __vm_enough_memory(mm, pages);
}

/* ---- Populating and locking (mm/gup.c, mm/mlock.c, mm/mincore.c, mm/msync.c) ---- */

/*
 * Fault in [start, end) of vma (page aligned, inside it) through handle_mm_fault, as
 * mlock and MAP_POPULATE do: write faults for a private writable area, read faults
 * otherwise; nothing for VM_LOCKONFAULT. The number of pages, or -EFAULT (no access:
 * PROT_NONE) or -ENOMEM (no memory).
 */
long populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end);
/* MADV_POPULATE_(READ|WRITE)'s: the access must be allowed (-EINVAL), no forcing. */
long faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool write);
/* Populate every area in [start, start + len); with ignore_errors, skip failing areas. */
int __mm_populate(struct mm_struct *mm, unsigned long start, unsigned long len,
		  int ignore_errors);
static inline void mm_populate(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	__mm_populate(mm, start, len, 1);
}

/* The system calls' logic on an explicit mm (the sys_* wrappers pass current->mm). */
int do_mlock(struct mm_struct *mm, unsigned long start, size_t len, unsigned long flags);
int do_munlock(struct mm_struct *mm, unsigned long start, size_t len);
int do_mlockall(struct mm_struct *mm, int flags);
int do_munlockall(struct mm_struct *mm);
/* Residency of pages from start (aligned, mapped) into vec: pages done or -ENOMEM. */
long do_mincore(struct mm_struct *mm, unsigned long start, unsigned long pages,
		unsigned char *vec);
int do_msync(struct mm_struct *mm, unsigned long start, size_t len, int flags);

/* ---- Inside mm/: page-table work (mm/memory.c, mprotect.c, mremap.c) ---- */

/* Unmap [start, end) and free its pages; rss drops accordingly. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
/* After unmapping [start, end): free its page tables that lie wholly in [floor, ceiling). */
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling);
/* Give the pages of [start, end) the rights of vm_flags (PROT_NONE keeps them, unmapped). */
void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags);
/*
 * Move the page-table entries of [old_addr, old_addr + len) to new_addr (no copying of
 * data). The destination must be empty. -ENOMEM (nothing moved) if a page table
 * cannot be allocated.
 */
int move_page_range(struct mm_struct *mm, unsigned long old_addr, unsigned long new_addr,
		    unsigned long len);

/*
 * The fault handler's decision for a fault at addr with this error code (X86_PF_*), made
 * without changing anything, so self-tests can check it without a running process.
 */
enum fault_decision {
	FAULT_HANDLE,		/* inside an area that allows the access: map a page */
	FAULT_EXPAND_STACK,	/* just below the stack, within its limits: grow, then map */
	FAULT_BAD_AREA,		/* no area there (or a kernel address): SIGSEGV, SEGV_MAPERR */
	FAULT_BAD_ACCESS,	/* an area is there but forbids this access: SEGV_ACCERR */
};
/* *pvma is set to the area concerned (NULL for FAULT_BAD_AREA). */
enum fault_decision fault_decide(struct mm_struct *mm, unsigned long addr,
				 unsigned long error_code, struct vm_area_struct **pvma);

/* Linux's log line for a user access that is killed (arch/x86/mm/fault.c): "prog[pid]: segfault..." */
struct pt_regs;
void show_signal_msg(struct pt_regs *regs, unsigned long error_code, unsigned long address);

/* ---- Out of memory (mm/oom_kill.c) ---- */

/* A user page fault found no memory: report and kill the current process (SIGKILL). */
__noreturn void pagefault_out_of_memory(void);
/* The report alone: "Out of memory: Killed process PID (NAME) total-vm:NkB, anon-rss:NkB". */
struct task_struct;
void oom_kill_report(struct task_struct *p);

#endif /* _MMAP_H */

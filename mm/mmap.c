/*
 * Address spaces and their mappings: mm_alloc/mmput, mmap, munmap, brk, the stack's
 * growth, and the maps dump.
 *
 * A user program's memory is described, not allocated: mmap and brk only record an
 * area (a vm_area_struct) saying "these addresses may be used, with these rights".
 * Nothing is put in the page tables and no page is taken from the buddy allocator
 * until the program touches an address; the page fault then finds the area and maps a
 * zeroed page (mm/memory.c). Unmapping is the reverse: the area goes, and with it the
 * pages that were faulted in and the page tables nothing covers any more.
 *
 * Linux's exact answers are kept, because libc relies on them (see the ABI reference):
 * brk never fails, it returns the old break when it refuses; mmap returns -errno in the
 * same order of checks as Linux; MAP_FIXED silently replaces what was there.
 *
 * There are no files: a mapping without MAP_ANONYMOUS names a file descriptor, and no
 * descriptor is open, so it gets -EBADF as Linux gives for a bad one. MAP_SHARED
 * anonymous memory is kept like private memory (shown with 's' in the maps), except
 * that fork shares its pages instead of copying them (dup_mmap populates such an area
 * first, so that there is a page to share). The program image is the one
 * file-backed kind of area (vm_map_pgoff), mapped at its file offsets.
 *
 * Limits and promises, where Linux checks them: RLIMIT_AS and RLIMIT_DATA
 * (may_expand_vm) for mmap, brk and stack growth, RLIMIT_STACK for the stack, and the
 * overcommit policy (security_vm_enough_memory_mm, mm/util.c) for everything charged
 * (VM_ACCOUNT). MAP_POPULATE, MAP_LOCKED and mlockall(MCL_FUTURE) populate the new range
 * (mm/gup.c) after it is mapped, ignoring failures as Linux does.
 *
 * Relies on: mm/vma.c (the area set), mm/memory.c (page tables and pages), pgd_alloc
 * (mm/pgtable.c), mm/util.c, mm/gup.c, rlimit (kernel/resource.c), copy_from_user,
 * current.
 */
#include <mmap.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <printk.h>
#include <resource.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

unsigned long mmap_base(unsigned long task_size)
{
	unsigned long gap = STACK_RLIMIT + STACK_GUARD_GAP;	/* no randomization pad */
	unsigned long gap_min = 128UL << 20, gap_max = task_size / 6 * 5;

	if (gap < gap_min)
		gap = gap_min;
	else if (gap > gap_max)
		gap = gap_max;
	return PAGE_ALIGN(task_size - gap);
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = allocate_mm();

	if (!mm)
		return NULL;
	memset(mm, 0, sizeof(*mm));
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		free_mm(mm);
		return NULL;
	}
	mm->mm_users = 1;
	mm->mm_count = 1;
	INIT_LIST_HEAD(&mm->mmap_list);
	mm->mm_rb = RB_ROOT;
	mm->task_size = TASK_SIZE;
	mm->mmap_base = mmap_base(TASK_SIZE);
	return mm;
}

void mmdrop(struct mm_struct *mm)
{
	WARN_ON(mm->mm_count <= 0);
	if (--mm->mm_count == 0)
		free_mm(mm);
}

/*
 * The last user gone: every area, page and page table, then the directory (Linux's
 * __mmput and exit_mmap); the struct goes with the users' common mm_count reference.
 */
void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	if (!mm)
		return;
	WARN_ON(mm->mm_users <= 0);
	if (--mm->mm_users > 0)
		return;		/* a vfork child gave the parent's mm back */
	/* Never free the directory the CPU is walking. */
	if (mm->pgd == current_pgd())
		switch_pgd(swapper_pg_dir);
	list_for_each_entry_safe(vma, next, &mm->mmap_list, vm_list) {
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	WARN_ON(mm->rss != 0);
	pgd_free(mm->pgd);
	mm->pgd = NULL;
	mmdrop(mm);
}

/*
 * fork: every area of oldmm into the new, empty mm (Linux's dup_mmap). Each area is
 * charged to overcommit again if it was (VM_ACCOUNT: the child's private writable
 * memory is a promise of its own), which can fail with -ENOMEM; VM_LOCKED is not
 * inherited (Linux clears it in the child: mlock is per process). copy_page_range()
 * (mm/memory.c) shares the pages and write-protects the private writable ones in both.
 * On failure the caller mmput()s the half-built mm, which gives back everything taken
 * here; the parent keeps its areas, its pages are only write-protected (its next write
 * to one finds it mapped once and reuses it).
 */
/*
 * MAP_SHARED anonymous memory has no shmem object behind it here: its pages are shared
 * through the page tables alone. So before fork copies them, every page of such an area
 * is faulted in (a read fault allocates a page in a shared area, mm/memory.c), and
 * parent and child map the very same pages from then on. A PROT_NONE shared area is
 * left as it is (nobody can write it before an mprotect; pages it gets after that are
 * not shared: a limit until shmem exists).
 */
static int populate_shared_anon(struct mm_struct *mm, struct vm_area_struct *vma)
{
	unsigned long addr;
	pte_t *pte;
	int fault;

	if (!(vma->vm_flags & VM_SHARED) || !vma_is_anonymous(vma) || !vma_is_accessible(vma))
		return 0;
	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte = pte_lookup(mm->pgd, addr);
		if (pte && !pte_none(*pte))
			continue;
		fault = handle_mm_fault(mm, vma, addr, 0);
		if (fault)
			return fault & VM_FAULT_OOM ? -ENOMEM : -EFAULT;
	}
	return 0;
}

int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma, *tmp;
	int err = 0;

	list_for_each_entry(vma, &oldmm->mmap_list, vm_list) {
		if ((vma->vm_flags & VM_ACCOUNT) &&
		    security_vm_enough_memory_mm(oldmm, vma_pages(vma))) {
			err = -ENOMEM;
			break;
		}
		err = populate_shared_anon(oldmm, vma);
		if (err)
			break;
		tmp = vm_area_dup(vma);
		if (!tmp) {
			err = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		tmp->vm_flags &= ~VM_LOCKED_MASK;
		vma_link(mm, tmp);	/* charges VM_ACCOUNT, counts total_vm, data_vm... */
		err = copy_page_range(mm, oldmm, tmp, vma);
		if (err)
			break;
	}
	/* The parent's ptes lost their write bit: its TLB may still hold writable ones. */
	if (oldmm->pgd == current_pgd())
		switch_pgd(oldmm->pgd);
	return err;
}

const struct vm_operations_struct exec_image_vm_ops = { .name = NULL };

/* Pages of the areas overlapping [addr, end): what a MAP_FIXED mapping replaces. */
static unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long addr,
					   unsigned long end)
{
	struct vm_area_struct *vma = find_vma_intersection(mm, addr, end);
	unsigned long pages = 0;

	for (; vma && vma->vm_start < end; vma = vma_next(mm, vma))
		pages += (min(end, vma->vm_end) - max(addr, vma->vm_start)) >> PAGE_SHIFT;
	return pages;
}

/*
 * Private writable memory is charged; so is shared anonymous memory (Linux charges it
 * through the shmem object behind it), unless MAP_NORESERVE said not to.
 */
static bool accountable_mapping(unsigned long vm_flags)
{
	if (vm_flags & VM_NORESERVE)
		return false;
	return (vm_flags & VM_SHARED) || (vm_flags & VM_WRITE);
}

/*
 * fixed: the range came from MAP_FIXED and may hold areas; any other range is one
 * get_unmapped_area() found free, so there is nothing to count or unmap.
 */
static unsigned long mmap_region(struct mm_struct *mm, unsigned long addr, unsigned long len,
				 unsigned long vm_flags, bool fixed)
{
	unsigned long pages = len >> PAGE_SHIFT;
	int err;

	if (!may_expand_vm(mm, vm_flags, pages) &&
	    (!fixed ||
	     !may_expand_vm(mm, vm_flags, pages - count_vma_pages_range(mm, addr, addr + len))))
		return -ENOMEM;
	/* MAP_FIXED: whatever was there goes first (its pages are freed, so they read 0). */
	if (fixed) {
		err = do_munmap(mm, addr, len);
		if (err)
			return err;
	}
	if (accountable_mapping(vm_flags)) {
		if (security_vm_enough_memory_mm(mm, pages))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}
	if (!vma_merge_new(mm, addr, addr + len, vm_flags, NULL))
		return -ENOMEM;
	return addr;
}

/* A non-zero hint below mmap_min_addr is moved up to it rather than refused. */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < MMAP_MIN_ADDR)
		return PAGE_ALIGN(MMAP_MIN_ADDR);
	return hint;
}

unsigned long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long fd,
		      unsigned long pgoff)
{
	unsigned long vm_flags;

	(void)fd;		/* ignored for anonymous memory, as in Linux */
	if (!(flags & MAP_ANONYMOUS))
		return -EBADF;	/* no file is ever open */
	if (!len)
		return -EINVAL;
	/* MAP_FIXED_NOREPLACE is MAP_FIXED (exact, aligned) that refuses to replace. */
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(addr);
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;	/* it wrapped: more than the address space */
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > MAX_MAP_COUNT)
		return -ENOMEM;

	addr = get_unmapped_area(mm, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) | mm->def_flags |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (unlikely(vm_flags & VM_LOCKED)) {	/* MAP_LOCKED or mlockall(MCL_FUTURE) */
		if ((flags & MAP_LOCKED) && !can_do_mlock())
			return -EPERM;
		if (mlock_future_check(mm, vm_flags, len))
			return -EAGAIN;
	}
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		vm_flags |= VM_SHARED;
		break;
	case MAP_PRIVATE:
		break;
	default:
		return -EINVAL;
	}
	if ((flags & MAP_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		vm_flags |= VM_NORESERVE;
	addr = mmap_region(mm, addr, len, vm_flags, flags & MAP_FIXED);
	/*
	 * Linux populates in vm_mmap_pgoff(), after the lock is dropped, and ignores what
	 * fails there: the mapping exists and faults in later. MAP_NONBLOCK cancels
	 * MAP_POPULATE (but not the populating of a locked mapping).
	 */
	if (!IS_ERR_VALUE(addr) && ((vm_flags & VM_LOCKED) ||
				    (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		mm_populate(mm, addr, len);
	return addr;
}

/*
 * Unmapping: areas wholly inside [start, end) go; an area reaching over one end of the
 * range is cut back in place. Only a range in the middle of one area needs a new area
 * (split_vma), so that is the one case that can fail for lack of memory, and it fails
 * before anything has changed. Unmapping a range where nothing is mapped is no error.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma, *prev, *next;
	unsigned long end;

	if ((start & ~PAGE_MASK) || start > mm->task_size || len > mm->task_size - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = start + len;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start && end < vma->vm_end) {
		if (mm->map_count >= MAX_MAP_COUNT)
			return -ENOMEM;
		if (split_vma(mm, vma, end, 0))		/* vma keeps [vm_start, end) */
			return -ENOMEM;
	}
	prev = vma_prev(mm, vma);
	if (start > vma->vm_start) {			/* cut off its tail */
		zap_page_range(mm, start, vma->vm_end);
		vma_set_range(mm, vma, vma->vm_start, start);
		prev = vma;
		vma = vma_next(mm, vma);
	}
	while (vma && vma->vm_end <= end) {		/* whole areas */
		next = vma_next(mm, vma);
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		vm_area_free(vma);
		vma = next;
	}
	if (vma && vma->vm_start < end) {		/* cut off its head */
		zap_page_range(mm, vma->vm_start, end);
		if (!vma_is_anonymous(vma))
			vma->vm_pgoff += (end - vma->vm_start) >> PAGE_SHIFT;
		vma_set_range(mm, vma, end, vma->vm_end);
	}
	free_pgtables(mm, start, end, prev ? prev->vm_end : 0,
		      vma ? vma->vm_start : mm->task_size);
	return 0;
}

static int do_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	unsigned long flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
			      VM_ACCOUNT | mm->def_flags;

	if (!may_expand_vm(mm, flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	if (mm->map_count > MAX_MAP_COUNT)
		return -ENOMEM;
	if (security_vm_enough_memory_mm(mm, len >> PAGE_SHIFT))
		return -ENOMEM;
	return vma_merge_new(mm, addr, addr + len, flags, NULL) ? 0 : -ENOMEM;
}

/* Linux's check_data_rlimit(): the heap plus the data segment within RLIMIT_DATA. */
static int check_data_rlimit(unsigned long rlim, unsigned long new, unsigned long start,
			     unsigned long end_data, unsigned long start_data)
{
	if (rlim < RLIM_INFINITY && (new - start) + (end_data - start_data) > rlim)
		return -ENOSPC;
	return 0;
}

/*
 * The program break. brk may be any byte address; the heap area always ends at the
 * page boundary above it, so the whole page holding the break is usable. The answer is
 * the new break, or the unchanged one when the request is refused (brk(0) is a refused
 * request: that is how a program reads the break).
 *
 * Growth must leave a page free below the next mapping (and the stack's guard gap):
 * "the next mapping" is the first area above the current end of the heap, so areas a
 * program maps inside its own heap (musl puts a PROT_NONE guard page there) do not stop
 * the heap from growing past them.
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long origbrk = mm->brk, newbrk, oldbrk;
	struct vm_area_struct *next;

	if (brk < mm->start_brk || brk > mm->task_size)
		return origbrk;
	if (check_data_rlimit(rlimit(RLIMIT_DATA), brk, mm->start_brk, mm->end_data,
			      mm->start_data))
		return origbrk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		return brk;
	}

	if (brk <= mm->brk) {
		/* Shrinking is always allowed, as long as there is heap left to unmap. */
		if (!find_vma_intersection(mm, newbrk, oldbrk))
			return origbrk;
		mm->brk = brk;
		if (do_munmap(mm, newbrk, oldbrk - newbrk)) {
			mm->brk = origbrk;
			return origbrk;
		}
		return brk;
	}

	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return origbrk;
	if (do_brk_flags(mm, oldbrk, newbrk - oldbrk))
		return origbrk;
	mm->brk = brk;
	if (mm->def_flags & VM_LOCKED)
		mm_populate(mm, oldbrk, newbrk - oldbrk);	/* mlockall(MCL_FUTURE) */
	return brk;
}

void mm_set_brk(struct mm_struct *mm, unsigned long start_brk)
{
	mm->start_brk = mm->brk = start_brk;
}

static int check_fixed_range(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	if (!len || ((addr | len) & ~PAGE_MASK) || addr > mm->task_size ||
	    len > mm->task_size - addr)
		return -EINVAL;
	if (find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;
	return 0;
}

/*
 * The loader creates the areas writable to copy the file in and then gives them their
 * real rights with mprotect; Linux maps them with their real rights at once, and
 * charges only the writable ones. Charging here would charge text too, so image areas
 * are not charged (Committed_AS lacks the few pages of the data segment).
 */
int vm_map_pgoff(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long vm_flags, unsigned long pgoff, const char *name)
{
	int err = check_fixed_range(mm, addr, len);

	if (err)
		return err;
	vm_flags = (vm_flags & (VM_READ | VM_WRITE | VM_EXEC)) |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	return __vma_merge_new(mm, addr, addr + len, vm_flags, &exec_image_vm_ops, pgoff,
			       name) ? 0 : -ENOMEM;
}

int vm_brk(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	int err = check_fixed_range(mm, addr, len);

	return err ? err : do_brk_flags(mm, addr, len);
}

/* Linux's VM_STACK_FLAGS: the stack is charged to overcommit like the heap. */
int setup_stack_vma(struct mm_struct *mm, unsigned long stack_top, unsigned long size)
{
	unsigned long flags = VM_READ | VM_WRITE | VM_GROWSDOWN | VM_ACCOUNT |
			      VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (!size || ((stack_top | size) & ~PAGE_MASK) || size > rlimit(RLIMIT_STACK) ||
	    stack_top > mm->task_size || size > stack_top)
		return -EINVAL;
	if (find_vma_intersection(mm, stack_top - size, stack_top))
		return -EEXIST;
	if (security_vm_enough_memory_mm(mm, size >> PAGE_SHIFT))
		return -ENOMEM;
	return vma_merge_new(mm, stack_top - size, stack_top, flags, "[stack]") ? 0 : -ENOMEM;
}

/*
 * May the stack area grow down to addr's page? Not past RLIMIT_STACK (8 MiB by
 * default) on its total size, not below mmap_min_addr, and not to within the guard
 * gap of an accessible area below it (the "stack clash" protection: a big stack frame
 * must not be able to jump over the gap into other memory).
 */
bool stack_guard_ok(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *prev;

	addr &= PAGE_MASK;
	if (addr >= vma->vm_start)
		return true;
	if (!(vma->vm_flags & VM_GROWSDOWN) || addr < MMAP_MIN_ADDR)
		return false;
	if (vma->vm_end - addr > rlimit(RLIMIT_STACK))
		return false;
	prev = vma_prev(mm, vma);
	if (prev && prev->vm_end > addr)
		return false;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && vma_is_accessible(prev) &&
	    addr - prev->vm_end < STACK_GUARD_GAP)
		return false;
	return true;
}

/* Linux's acct_stack_growth(): the address-space, mlock and overcommit limits too. */
static int acct_stack_growth(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long grow)
{
	if (!may_expand_vm(mm, vma->vm_flags, grow))
		return -ENOMEM;
	if ((vma->vm_flags & VM_LOCKED) && !capable(CAP_IPC_LOCK) &&
	    mm->locked_vm + grow > rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT)
		return -ENOMEM;
	if ((vma->vm_flags & VM_ACCOUNT) && security_vm_enough_memory_mm(mm, grow))
		return -ENOMEM;
	return 0;
}

int expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	if (!stack_guard_ok(mm, vma, addr))
		return -ENOMEM;
	addr &= PAGE_MASK;
	if (addr < vma->vm_start) {
		if (acct_stack_growth(mm, vma, (vma->vm_start - addr) >> PAGE_SHIFT))
			return -ENOMEM;
		vma_set_range(mm, vma, addr, vma->vm_end);
	}
	return 0;
}

static const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_name)
		return vma->vm_name;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk && mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/*
 * Linux's /proc/PID/maps line: range, rights, offset, device, inode, then the name
 * starting in column 49 (the header is padded to 25 + 6 * sizeof(void *) - 1 = 48
 * characters on a 32-bit kernel, plus one space). Unnamed areas end with a space.
 */
int format_maps(struct mm_struct *mm, void (*emit)(const char *line, void *arg), void *arg)
{
	struct vm_area_struct *vma;
	char line[128];
	int lines = 0;

	for_each_vma(mm, vma) {
		const char *name = vma_name(mm, vma);
		unsigned long offset = vma_is_anonymous(vma) ? 0 : vma->vm_pgoff << PAGE_SHIFT;
		int n;

		n = snprintf(line, sizeof(line), "%08lx-%08lx %c%c%c%c %08lx 00:00 0 ",
			     vma->vm_start, vma->vm_end,
			     vma->vm_flags & VM_READ ? 'r' : '-',
			     vma->vm_flags & VM_WRITE ? 'w' : '-',
			     vma->vm_flags & VM_EXEC ? 'x' : '-',
			     vma->vm_flags & VM_SHARED ? 's' : 'p', offset);
		if (name) {
			while (n < 48)
				line[n++] = ' ';
			snprintf(line + n, sizeof(line) - n, " %s", name);
		}
		emit(line, arg);
		lines++;
	}
	return lines;
}

static void print_maps_line(const char *line, void *arg)
{
	(void)arg;
	printk(KERN_INFO "%s\n", line);
}

void show_maps(struct mm_struct *mm)
{
	format_maps(mm, print_maps_line, NULL);
}

/* ---- System calls: the same operations on the calling process's address space ---- */

long sys_brk(unsigned long brk)
{
	return do_brk(current->mm, brk);
}

long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	return do_mmap(current->mm, addr, len, prot, flags, fd, pgoff);
}

/* mmap (90): the six arguments in a struct in user memory, the offset in bytes. */
struct mmap_arg_struct {
	u32 addr, len, prot, flags, fd, offset;
};

long sys_old_mmap(unsigned long arg)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, (const void *)arg, sizeof(a)))
		return -EFAULT;
	if (a.offset & ~PAGE_MASK)
		return -EINVAL;
	return do_mmap(current->mm, a.addr, a.len, a.prot, a.flags, a.fd,
		       a.offset >> PAGE_SHIFT);
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	return do_munmap(current->mm, addr, len);
}

/*
 * execve's generic half (Linux's fs/exec.c): the new mm, the point of no return, and
 * the copy helper the ELF loader builds the new address space with.
 *
 * Order, as Linux's:
 *	do_execve()		bprm->mm = mm_alloc(): an empty address space, not in CR3
 *	load_elf_binary()	checks the file, maps segments and the stack into bprm->mm
 *				and writes them with copy_to_bprm()
 *	begin_new_exec()	the point of no return: exec_mmap() gives current the new mm
 *				(CR3 switches here, once) and frees the old one; the task's
 *				TLS and FPU state start afresh
 *	start_thread()		user registers for the entry point
 * Before begin_new_exec() nothing of current has changed, so a failure just frees
 * bprm->mm (mmput: areas, pages, page tables, directory) and returns the error.
 *
 * copy_to_bprm() writes the new mm's pages without that mm being in CR3: each page is
 * faulted in with handle_mm_fault() on the new mm (the same demand-zero path a program's
 * first touch takes), found by walking its page table, and written through a temporary
 * kernel mapping (kmap_atomic: the page may be in HighMem). That is what Linux's
 * get_user_pages_remote() does for copy_strings().
 *
 * Relies on: mm_alloc, mmput, find_vma, handle_mm_fault, virt_to_phys_walk, kmap_atomic,
 * switch_pgd, tls_exit, fpu_state_init/fpu_restore, load_elf_binary.
 */
#include <binfmts.h>
#include <fdtable.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <mmap.h>
#include <pgtable.h>
#include <sched.h>
#include <string.h>
#include <uapi/errno.h>
#include <asm/fpu.h>
#include <asm/tls.h>
#include <asm/x86.h>

/* The page at user address addr of mm, faulted in for writing; NULL if impossible. */
static struct page *get_bprm_page(struct mm_struct *mm, unsigned long addr, int *err)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	phys_addr_t phys;
	int ret;

	if (!vma || vma->vm_start > addr || !(vma->vm_flags & VM_WRITE)) {
		*err = -EFAULT;
		return NULL;
	}
	ret = handle_mm_fault(mm, vma, addr, FAULT_FLAG_WRITE);
	if (ret) {
		*err = (ret & VM_FAULT_OOM) ? -ENOMEM : -EFAULT;
		return NULL;
	}
	phys = virt_to_phys_walk(mm->pgd, addr & PAGE_MASK);
	if (phys == (phys_addr_t)-1) {
		*err = -EFAULT;
		return NULL;
	}
	return pfn_to_page(phys >> PAGE_SHIFT);
}

int copy_to_bprm(struct linux_binprm *bprm, unsigned long addr, const void *src, size_t len)
{
	const u8 *from = src;

	while (len) {
		size_t off = addr & ~PAGE_MASK, n = min(len, (size_t)(PAGE_SIZE - off));
		struct page *page;
		int err;
		u8 *kaddr;

		page = get_bprm_page(bprm->mm, addr, &err);
		if (!page)
			return err;
		kaddr = kmap_atomic(page);
		if (!kaddr)
			return -ENOMEM;
		memcpy(kaddr + off, from, n);
		kunmap_atomic(kaddr);
		addr += n;
		from += n;
		len -= n;
	}
	return 0;
}

/* Give current the new mm: the only CR3 switch of an exec. */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm;
	unsigned long flags;

	mm_release(tsk, old_mm);	/* a vfork parent waits no longer (kernel/exit.c) */
	flags = local_irq_save();
	tsk->mm = mm;
	switch_pgd(mm->pgd);
	local_irq_restore(flags);
	mmput(old_mm);		/* NULL for a kernel thread turning into a process */
	tsk->flags &= ~PF_FORKNOEXEC;
}

int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *tsk = current;

	exec_mmap(bprm->mm);
	bprm->mm = NULL;	/* current's now: do_execve must not free it */
	tsk->flags &= ~PF_KTHREAD;
	set_task_comm(tsk, bprm->filename);
	/* flush_thread(): no TLS descriptors, FPU registers as a new program finds them. */
	asm volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
	tls_exit(tsk);
	fpu_state_init(tsk->thread.fpu_state);
	fpu_restore(tsk->thread.fpu_state);
	if (tsk->files)
		do_close_on_exec(tsk->files);
	return 0;
}

int do_execve(struct linux_binprm *bprm)
{
	int err;

	bprm->mm = mm_alloc();
	if (!bprm->mm) {
		pr_err("exec: %s: out of memory for a new address space\n", bprm->comm);
		return -ENOMEM;
	}
	err = load_elf_binary(bprm);
	if (err && bprm->mm) {
		mmput(bprm->mm);	/* everything of the new mm; current kept its own */
		bprm->mm = NULL;
	}
	return err;
}

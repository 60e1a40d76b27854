/*
 * do_page_fault(): the CPU could not translate an address.
 *
 * CR2 holds the address, the error code says why (X86_PF_PROT: the page was present
 * but the access not allowed, else it was not present; X86_PF_WRITE; X86_PF_USER: the
 * CPU was in ring 3). For an address of the current process's user space the answer
 * comes from its areas (fault_decide, mm/memory.c):
 *
 *  - inside an area that allows the access: map a zeroed page, or the shared zero page
 *    for a read (handle_mm_fault). This is how every page of heap, stack and mmap
 *    memory comes into existence.
 *  - just below the stack area: grow it (expand_stack), then as above.
 *  - anything else is a bad access. In user mode the process is killed with SIGSEGV,
 *    with Linux's log line first. In kernel mode it is a user-memory copy
 *    (copy_from_user and friends) given a bad pointer: the exception table sends it
 *    to its fix-up, which makes the copy fail with -EFAULT.
 *
 * Faults on kernel addresses are never handled: in user mode that is a SIGSEGV (the
 * pages are supervisor-only), in kernel mode a kernel bug, reported as an oops unless
 * the instruction has a fix-up or a die-chain listener takes it (DIE_PAGE_FAULT: the
 * self-test runner catching a fault a test provokes on purpose). Linux announces kernel
 * faults earlier, at the top of the handler (for kprobes); here only the faults nothing
 * else handled are, so the hot path calls no chain.
 *
 * Out of memory while handling a user fault: pagefault_out_of_memory() kills the process
 * (mm/oom_kill.c); during a user-memory copy, the copy fails with -EFAULT instead.
 *
 * Relies on: fault_decide/handle_mm_fault (mm/memory.c), expand_stack (mm/mmap.c),
 * fixup_exception (arch/x86/mm/extable.c), die (arch/x86/kernel/traps.c), force_sig_fault and
 * current (the process layer).
 */
#include <asm/traps.h>
#include <asm/x86.h>
#include <kdebug.h>
#include <kernel.h>
#include <mmap.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <vmalloc.h>

/*
 * Linux's report (show_signal_msg): "prog[pid]: segfault at ADDR ip EIP sp ESP error
 * CODE in prog[START+SIZE]". The "in" part names the program image the faulting
 * instruction belongs to, if it does.
 */
void show_signal_msg(struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = mm ? find_vma(mm, regs->eip) : NULL;
	char where[64] = "";

	if (vma && vma->vm_start <= regs->eip && !vma_is_anonymous(vma))
		snprintf(where, sizeof(where), " in %s[%lx+%lx]", vma->vm_name,
			 vma->vm_start, vma->vm_end - vma->vm_start);
	printk(KERN_INFO "%s[%d]: segfault at %lx ip %08lx sp %08lx error %lx%s\n",
	       current->comm, current->pid, address, (unsigned long)regs->eip,
	       (unsigned long)regs->esp, error_code, where);
}

static __noreturn void bad_area_user(struct pt_regs *regs, unsigned long error_code,
				     unsigned long address)
{
	show_signal_msg(regs, error_code, address);
	force_sig_fault(regs, SIGSEGV, "segfault");
}

/* A kernel-mode fault nothing could satisfy: a fix-up, a catching self-test, or an oops. */
static void no_context(struct pt_regs *regs, unsigned long address)
{
	if (fixup_exception(regs))
		return;
	vmalloc_report_fault(address);	/* names a vmalloc guard-page hit */
	if (notify_die(DIE_PAGE_FAULT, "page fault", regs, regs->error_code, X86_TRAP_PF,
		       SIGSEGV) == NOTIFY_STOP)
		return;
	die("page fault", regs);
}

void do_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();
	struct mm_struct *mm = current ? current->mm : NULL;
	struct vm_area_struct *vma;
	unsigned int flags = 0;
	int fault;

	/* CR2 is safe now: give the faulting context its interrupts back (as Linux). */
	if (regs->eflags & X86_EFLAGS_IF)
		local_irq_enable();
	if (error_code & X86_PF_RSVD) {
		/* A reserved bit set in a page-table entry: the tables are corrupt. */
		die("page fault with reserved bit set", regs);
		return;
	}
	if (!mm || address >= TASK_SIZE) {
		if (user_mode(regs))
			bad_area_user(regs, error_code, address);
		no_context(regs, address);
		return;
	}

	switch (fault_decide(mm, address, error_code, &vma)) {
	case FAULT_EXPAND_STACK:
		if (expand_stack(mm, vma, address))
			break;
		/* fall through */
	case FAULT_HANDLE:
		if (error_code & X86_PF_WRITE)
			flags |= FAULT_FLAG_WRITE;
		if (user_mode(regs))
			flags |= FAULT_FLAG_USER;
		fault = handle_mm_fault(mm, vma, address, flags);
		if (!fault)
			return;
		if ((fault & VM_FAULT_OOM) && user_mode(regs))
			pagefault_out_of_memory();
		break;
	case FAULT_BAD_AREA:
	case FAULT_BAD_ACCESS:
		break;
	}
	if (user_mode(regs))
		bad_area_user(regs, error_code, address);
	no_context(regs, address);
}

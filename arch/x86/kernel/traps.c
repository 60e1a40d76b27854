/*
 * Exception dispatch and the kernel's fault report.
 *
 * do_trap() is the C entry for every vector but the two hot ones, which entry.asm sends
 * straight to their handlers: int 0x80 to the system-call table and page faults to
 * do_page_fault() (arch/x86/mm/fault.c). Interrupts go to their IRQ handler. Other exceptions
 * from user mode become signals for the process (kernel/signal.c). An exception in kernel mode that nothing can fix is a kernel bug:
 * it is first announced on the die chain (notify_die, include/kdebug.h), where a
 * listener may take it over; else die() prints an oops with the exception's name, the
 * decoded error code, CR2, every register and a symbolic backtrace, then, as Linux with
 * panic_on_oops, calls the panic notifiers and stops the machine. (The self-test runner
 * listens on both: it catches the faults a test provokes on purpose, and after any other
 * oops it fails the test and goes on with the next.)
 *
 * Relies on: entry.asm (builds struct pt_regs), kallsyms (names), the die chain and
 * panic_notifier_list (kernel/notifier.c, kernel/panic.c).
 */
#include <asm/traps.h>
#include <vdso.h>
#include <asm/x86.h>
#include <kallsyms.h>
#include <kdebug.h>
#include <kernel.h>
#include <preempt.h>
#include <signal.h>

static const char *const trap_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection fault", "page fault", "reserved",
	"x87 floating point", "alignment check", "machine check",
	"SIMD floating point", "virtualization", "control protection",
	"reserved", "reserved", "reserved", "reserved", "reserved", "reserved",
	"reserved", "VMM communication", "security", "reserved",
};

const char *trap_name(int vector)
{
	if (vector >= 0 && vector < 32)
		return trap_names[vector];
	if (vector >= FIRST_EXTERNAL_VECTOR && vector < FIRST_EXTERNAL_VECTOR + NR_IRQS)
		return "interrupt";
	if (vector == SYSCALL_VECTOR)
		return "system call";
	return "unknown";
}

void show_regs(const struct pt_regs *regs)
{
	unsigned long off, size;
	const char *fn = kallsyms_lookup(regs->eip, &off, &size);

	if (fn)
		printk(KERN_EMERG "EIP: %04x:%08x <%s+0x%lx/0x%lx>\n", regs->cs & 0xffff,
		       regs->eip, fn, off, size);
	else
		printk(KERN_EMERG "EIP: %04x:%08x\n", regs->cs & 0xffff, regs->eip);
	printk(KERN_EMERG "EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n",
	       regs->eax, regs->ebx, regs->ecx, regs->edx);
	printk(KERN_EMERG "ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", regs->esi, regs->edi,
	       regs->ebp, user_mode(regs) ? regs->esp : (u32)(uintptr_t)&regs->esp);
	printk(KERN_EMERG "DS: %04x ES: %04x FS: %04x GS: %04x SS: %04x EFLAGS: %08x\n",
	       regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff, regs->gs & 0xffff,
	       user_mode(regs) ? regs->ss & 0xffff : 0x10, regs->eflags);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

static void describe_error_code(const struct pt_regs *regs)
{
	unsigned long e = regs->error_code;

	if (regs->vector == X86_TRAP_PF) {
		printk(KERN_EMERG "error 0x%lx: %s %s in %s mode (%s)\n", e,
		       (e & X86_PF_PROT) ? "protection violation on" : "not-present page,",
		       (e & X86_PF_INSTR) ? "instruction fetch" :
		       (e & X86_PF_WRITE) ? "write" : "read",
		       (e & X86_PF_USER) ? "user" : "kernel",
		       (e & X86_PF_RSVD) ? "reserved bit set" : "no reserved bit");
	} else if (e) {
		/* Selector error code: index, table (GDT/IDT/LDT), external event. */
		printk(KERN_EMERG "error 0x%lx: selector index %lu in the %s%s\n", e, (e >> 3) & 0x1fff,
		       (e & 2) ? "IDT" : (e & 4) ? "LDT" : "GDT", (e & 1) ? ", external" : "");
	}
}

static int die_counter;

void die(const char *what, struct pt_regs *regs)
{
	local_irq_disable();
	/* A listener that answers NOTIFY_STOP has taken the oops over (as kgdb does). */
	if (notify_die(DIE_OOPS, what, regs, regs->error_code, regs->vector, SIGSEGV) ==
	    NOTIFY_STOP)
		return;
	printk(KERN_EMERG "Oops: %s [#%d]\n", what, ++die_counter);
	if (regs->vector == X86_TRAP_PF)
		printk(KERN_EMERG "BUG: unable to handle page fault at address 0x%08lx\n",
		       read_cr2());
	describe_error_code(regs);
	show_regs(regs);
	printk(KERN_EMERG "Call Trace:\n");
	show_trace(regs->eip, regs->ebp);
	atomic_notifier_call_chain(&panic_notifier_list, 0, "Fatal exception");
	printk(KERN_EMERG "Kernel stopped: an exception in kernel mode is a kernel bug.\n");
	machine_exit(QEMU_EXIT_PANIC);
}

static void do_kernel_exception(struct pt_regs *regs)
{
	int v = regs->vector;

	if (fixup_exception(regs))
		return;
	if (notify_die(v == X86_TRAP_GP ? DIE_GPF : DIE_TRAP, trap_name(v), regs,
		       regs->error_code, v, SIGSEGV) == NOTIFY_STOP)
		return;
	die(trap_name(v), regs);
}

static irq_handler_t irq_handlers[NR_IRQS];

void request_irq(int irq, irq_handler_t handler)
{
	irq_handlers[irq] = handler;
	enable_irq(irq);
}

void ack_irq(int irq);

void do_trap(struct pt_regs *regs)
{
	int v = regs->vector;

	if (v >= FIRST_EXTERNAL_VECTOR) {
		int irq = v - FIRST_EXTERNAL_VECTOR;

		irq_enter();		/* in_interrupt() until irq_exit(): preempt.h */
		ack_irq(irq);
		if (irq_handlers[irq])
			irq_handlers[irq](regs);
		irq_exit();
	} else if (user_mode(regs)) {
		do_user_trap(regs, v);
	} else if (!sysenter_debug_fixup(regs)) {	/* arch/x86/kernel/sysenter_32.c */
		do_kernel_exception(regs);
	}
}

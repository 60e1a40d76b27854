/*
 * Double faults, and above all kernel stack overflows.
 *
 * When kernel code runs off the bottom of its stack it touches the unmapped guard page;
 * the CPU then cannot push the page-fault frame either (same stack), which is a double
 * fault; had that gone through an ordinary gate it would fault a third time and reset
 * the machine without a word. So vector 8 is a task gate: the CPU switches to a TSS of
 * its own, with its own small stack, saving the broken state into init_tss, and
 * doublefault_fn() can print a report of what was running.
 *
 * Relies on: GDT entry GDT_ENTRY_DOUBLEFAULT_TSS, init_tss (arch/x86/kernel/gdt.c).
 */
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/x86.h>
#include <kallsyms.h>
#include <kernel.h>
#include <sched.h>
#include <string.h>

static struct tss_struct doublefault_tss __aligned(64);
static u8 doublefault_stack[4096] __aligned(16);

static __noreturn void doublefault_fn(void)
{
	const struct tss_struct *t = &init_tss;	/* where the CPU saved the faulting state */
	unsigned long off, size;
	const char *fn = kallsyms_lookup(t->eip, &off, &size);

	printk(KERN_EMERG "PANIC: double fault, eip 0x%08x <%s+0x%lx>, esp 0x%08x\n", t->eip,
	       fn ? fn : "?", fn ? off : 0, t->esp);
	if ((t->esp & ~(THREAD_SIZE - 1)) == (unsigned long)boot_stack ||
	    (t->esp >= (unsigned long)boot_stack_guard &&
	     t->esp < (unsigned long)boot_stack_guard + PAGE_SIZE + 64))
		printk(KERN_EMERG "kernel stack overflow: esp is at the guard page below the boot stack\n");
	else if (stack_guard_hit(t->esp))
		printk(KERN_EMERG "kernel stack overflow: esp is at the guard page of %s[%d]'s stack\n",
		       current->comm, current->pid);
	printk(KERN_EMERG "EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", t->eax, t->ebx, t->ecx, t->edx);
	printk(KERN_EMERG "ESI: %08x EDI: %08x EBP: %08x CR2: %08lx\n", t->esi, t->edi, t->ebp,
	       read_cr2());
	machine_exit(QEMU_EXIT_PANIC);
}

void doublefault_init(void)
{
	struct tss_struct *t = &doublefault_tss;

	memset(t, 0, sizeof(*t));
	t->eip = (u32)(uintptr_t)doublefault_fn;
	t->esp = (u32)(uintptr_t)(doublefault_stack + sizeof(doublefault_stack));
	t->ss = t->ds = t->es = __KERNEL_DS;
	t->cs = __KERNEL_CS;
	t->eflags = 0x2;	/* interrupts off */
	/* Any directory works: the kernel half is the same in all of them. */
	t->cr3 = read_cr3();
	t->iomap_base = sizeof(*t);
	gdt_set_entry(GDT_ENTRY_DOUBLEFAULT_TSS,
		      gdt_make_desc(0x0089, (u32)(uintptr_t)t, sizeof(*t) - 1));
}

/* Called when the kernel's page directory changes for good (arch/x86/mm/init_32.c). */
void doublefault_set_cr3(unsigned long cr3)
{
	doublefault_tss.cr3 = cr3;
}

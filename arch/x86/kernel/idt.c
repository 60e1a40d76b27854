/*
 * Interrupt descriptor table.
 *
 * Every gate but int 0x80's is an interrupt gate (the CPU clears IF on entry): a handler
 * reads CR2 or the device before another interrupt can arrive, and the page-fault
 * handler gives the faulting context its interrupts back once CR2 is read. int 0x80 is
 * a trap gate, as on Linux i386: system calls run with interrupts on, so they may sleep
 * (docs/concurrency.md). Gates for int3 and int 0x80 have DPL 3 so that user code
 * may raise them; any other vector raised by "int n" from ring 3 is a #GP, as on Linux.
 *
 * Relies on: trap_stub_table (entry_32.asm).
 */
#include <asm/traps.h>
#include <asm/desc.h>

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 zero;
	u8 type_attr;
	u16 offset_high;
} __packed;

#define GATE_INTERRUPT		0x8e	/* present, DPL 0, 32-bit interrupt gate */
#define GATE_INTERRUPT_USER	0xee	/* present, DPL 3 */
#define GATE_TRAP_USER		0xef	/* present, DPL 3, 32-bit trap gate: IF unchanged */
#define GATE_TASK		0x85	/* present, DPL 0, task gate */

static struct idt_gate idt_table[256] __aligned(8);
extern const u32 trap_stub_table[FIRST_EXTERNAL_VECTOR + NR_IRQS];
extern const u32 trap_stub_syscall[1];
extern const char page_fault[];		/* entry.asm: straight to do_page_fault() */

static void set_gate(int vector, u32 handler, u8 type)
{
	struct idt_gate *g = &idt_table[vector];

	g->offset_low = handler & 0xffff;
	g->offset_high = handler >> 16;
	g->selector = __KERNEL_CS;
	g->zero = 0;
	g->type_attr = type;
}

void idt_init(void)
{
	struct {
		u16 limit;
		u32 base;
	} __packed idtr = { sizeof(idt_table) - 1, (u32)(uintptr_t)idt_table };
	int v;

	for (v = 0; v < FIRST_EXTERNAL_VECTOR + NR_IRQS; v++)
		set_gate(v, trap_stub_table[v], GATE_INTERRUPT);
	set_gate(X86_TRAP_BP, trap_stub_table[X86_TRAP_BP], GATE_INTERRUPT_USER);
	set_gate(X86_TRAP_OF, trap_stub_table[X86_TRAP_OF], GATE_INTERRUPT_USER);
	set_gate(X86_TRAP_PF, (u32)(uintptr_t)page_fault, GATE_INTERRUPT);
	set_gate(SYSCALL_VECTOR, trap_stub_syscall[0], GATE_TRAP_USER);
	/* #DF switches to its own task and stack: see arch/x86/kernel/doublefault_32.c. */
	doublefault_init();
	set_gate(X86_TRAP_DF, 0, GATE_TASK);
	idt_table[X86_TRAP_DF].selector = __DOUBLEFAULT_TSS;
	asm volatile("lidt %0" : : "m"(idtr));
}

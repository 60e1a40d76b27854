/*
 * Exceptions, interrupts and the system-call gate (arch/x86/kernel/idt.c, traps.c, entry.asm).
 *
 * Vectors 0..31 are CPU exceptions, 32..47 the two 8259 PICs' IRQ lines (remapped there
 * so they cannot be mistaken for exceptions), 0x80 the Linux system-call gate.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include "ptrace.h"

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3	/* int3 */
#define X86_TRAP_OF	4
#define X86_TRAP_BR	5
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_TS	10
#define X86_TRAP_NP	11
#define X86_TRAP_SS	12
#define X86_TRAP_GP	13	/* general protection */
#define X86_TRAP_PF	14	/* page fault */
#define X86_TRAP_MF	16
#define X86_TRAP_AC	17
#define X86_TRAP_MC	18
#define X86_TRAP_XF	19	/* SIMD floating point */
#define X86_TRAP_IRET	32	/* Linux's software vector: the iret to user mode faulted */

#define FIRST_EXTERNAL_VECTOR	0x20
#define NR_IRQS			16
#define SYSCALL_VECTOR		0x80

/* Page-fault error code bits. */
#define X86_PF_PROT	0x01	/* 0: page not present, 1: protection violation */
#define X86_PF_WRITE	0x02
#define X86_PF_USER	0x04
#define X86_PF_RSVD	0x08
#define X86_PF_INSTR	0x10

void idt_init(void);
void do_trap(struct pt_regs *regs);
const char *trap_name(int vector);

/* Print the full report for a fault the kernel cannot handle, then stop (or unwind a test). */
void die(const char *what, struct pt_regs *regs);
void show_regs(const struct pt_regs *regs);

/* Interrupt lines (arch/x86/kernel/i8259.c). */
typedef void (*irq_handler_t)(struct pt_regs *regs);
void request_irq(int irq, irq_handler_t handler);
void init_8259A(void);
void enable_irq(int irq);

/* Handlers implemented by other layers. */
void do_page_fault(struct pt_regs *regs, unsigned long error_code);	/* arch/x86/mm/fault.c */
void do_user_trap(struct pt_regs *regs, int vector);			/* kernel/signal.c */
void do_iret_error(struct pt_regs *regs);				/* kernel/signal.c */

/* Exception-table fix-ups for user-memory copies (arch/x86/mm/extable.c). */
struct exception_table_entry {
	unsigned long insn, fixup;
};
bool fixup_exception(struct pt_regs *regs);

#endif /* _ASM_TRAPS_H */

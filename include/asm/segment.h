/*
 * The GDT's layout and the segment selectors, exactly as Linux's i386 (its
 * arch/x86/include/asm/segment.h), so that gdb's `info registers` and a program reading
 * %cs show the same values here as on Linux: 0x60/0x68 in the kernel, 0x73/0x7b in user
 * mode.
 *
 *	 0	null (the CPU requires it)
 *	 1- 5	unused here (Linux: reserved)
 *	 6- 8	TLS, the three set_thread_area() slots of the running task
 *	 9-11	unused
 *	12	__KERNEL_CS	kernel code, DPL 0
 *	13	__KERNEL_DS	kernel data and stack, DPL 0
 *	14	__USER_CS	user code, DPL 3
 *	15	__USER_DS	user data and stack, DPL 3
 *	16	TSS		esp0/ss0 for traps from ring 3
 *	17-30	unused here (Linux: LDT, PnP BIOS, APM BIOS, espfix, per-CPU, canary)
 *	31	double-fault TSS (a task gate's target, arch/x86/kernel/doublefault_32.c)
 *
 * A selector is index * 8 + table bit (0: GDT) + requested privilege level. The
 * assembly files get these numbers from here through asm-offsets (build/include/
 * generated/asm-offsets.inc), never from a copy.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_TLS_MIN		6
#define GDT_ENTRY_TLS_ENTRIES		3
#define GDT_ENTRY_TLS_MAX		(GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)

#define GDT_ENTRY_KERNEL_CS		12
#define GDT_ENTRY_KERNEL_DS		13
#define GDT_ENTRY_DEFAULT_USER_CS	14
#define GDT_ENTRY_DEFAULT_USER_DS	15
#define GDT_ENTRY_TSS			16
#define GDT_ENTRY_DOUBLEFAULT_TSS	31
#define GDT_ENTRIES			32

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define GDT_TSS_SEL	(GDT_ENTRY_TSS * 8)
#define __DOUBLEFAULT_TSS	(GDT_ENTRY_DOUBLEFAULT_TSS * 8)

#endif /* _ASM_SEGMENT_H */

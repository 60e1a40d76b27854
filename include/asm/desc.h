/*
 * Segment descriptors: the GDT and the TSS (arch/x86/kernel/gdt.c).
 *
 * The GDT holds flat 4 GiB segments exactly as Linux's i386 ones, so segmentation
 * translates nothing and paging does all the work. Selector = index * 8 + RPL.
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include "../types.h"

#define GDT_ENTRY_KERNEL_CS	1
#define GDT_ENTRY_KERNEL_DS	2
#define GDT_ENTRY_USER_CS	3
#define GDT_ENTRY_USER_DS	4
#define GDT_ENTRY_TSS		5
#define GDT_ENTRY_TLS_MIN	6	/* three TLS slots, 6..8, as on native i386 */
#define GDT_ENTRY_TLS_ENTRIES	3
#define GDT_ENTRY_TLS_MAX	(GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)
#define GDT_ENTRY_DOUBLEFAULT_TSS 9
#define GDT_ENTRIES		10

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS	(GDT_ENTRY_USER_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_USER_DS * 8 + 3)
#define GDT_TSS_SEL	(GDT_ENTRY_TSS * 8)

/* The 32-bit hardware task-state segment. We use only esp0/ss0 (and one for #DF). */
struct tss_struct {
	u32 prev_task;
	u32 esp0, ss0, esp1, ss1, esp2, ss2;
	u32 cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u32 es, cs, ss, ds, fs, gs, ldt;
	u16 trap, iomap_base;
} __packed;

extern u64 gdt_table[GDT_ENTRIES];
extern struct tss_struct init_tss;

void gdt_init(void);
void gdt_set_entry(int index, u64 desc);
/* Build a descriptor from Linux's GDT_ENTRY_INIT(flags, base, limit) arguments. */
u64 gdt_make_desc(u16 flags, u32 base, u32 limit);
void tss_set_kernel_stack(unsigned long esp0);
void doublefault_init(void);		/* arch/x86/kernel/doublefault_32.c */
void doublefault_set_cr3(unsigned long cr3);

#endif /* _ASM_DESC_H */

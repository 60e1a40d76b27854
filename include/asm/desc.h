/*
 * Segment descriptors: the GDT and the TSS (arch/x86/kernel/gdt.c).
 *
 * The GDT holds flat 4 GiB segments exactly as Linux's i386 ones, so segmentation
 * translates nothing and paging does all the work. Which entry holds what, and the
 * selectors, are in asm/segment.h.
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include "../types.h"
#include "segment.h"

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

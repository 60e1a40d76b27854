/*
 * The vDSO (arch/x86/entry/vdso/, installed by arch/x86/kernel/vdso_map.c) and its data
 * page, and the sysenter fast system-call entry that its __kernel_vsyscall uses.
 *
 * Every process gets, at exec, two areas at fixed addresses in the gap between the mmap
 * area and the stack: [vvar] (the data page, read-only) at VVAR_ADDR and [vdso] (the
 * code, read and execute) right above it, at VDSO_ADDR. VVAR_ADDR is TASK_SIZE - 128 MiB,
 * which is mmap_base with the default stack limit and never below it, so the mmap area
 * (which grows down from mmap_base) is laid out exactly as without a vDSO. Linux i386
 * puts the pair just below mmap_base instead (first in the mmap area).
 */
#ifndef _VDSO_H
#define _VDSO_H

#include "types.h"
#include "asm/page.h"

#define VVAR_ADDR	(TASK_SIZE - (128UL << 20))
#define VDSO_ADDR	(VVAR_ADDR + PAGE_SIZE)

struct mm_struct;
struct vdso_data;

extern struct vdso_data *vdso_data;	/* the [vvar] page's kernel address, or NULL */
extern unsigned long vdso_sysenter_return;	/* where sysexit returns: int80_landing_pad */
extern bool vdso_uses_sysenter;		/* the CPU has SEP and the MSRs are set */

/* The image linked into the kernel (vdso-image.asm). */
extern const u8 vdso_image_start[], vdso_image_end[];
extern const u32 vdso_sym_kernel_vsyscall, vdso_sym_int80_landing_pad, vdso_sym_sysenter_seq;

void vdso_init(void);				/* at boot, after the page allocator */
int arch_setup_additional_pages(struct mm_struct *mm);	/* at exec: map [vvar], [vdso] */
unsigned long vdso_base(struct mm_struct *mm);		/* AT_SYSINFO_EHDR, 0 if none */
unsigned long vdso_entry(struct mm_struct *mm);		/* AT_SYSINFO, 0 if none */

struct pt_regs;
bool sysenter_setup(void);		/* arch/x86/kernel/sysenter_32.c */
bool sysenter_debug_fixup(struct pt_regs *regs);	/* a kernel #DB: sysenter's TF? */
void update_vsyscall(void);		/* kernel/time.c: publish the clocks to [vvar] */
void timekeeping_tick(void);		/* kernel/time.c: every timer tick */

#endif /* _VDSO_H */

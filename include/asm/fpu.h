/*
 * The FPU and SSE state of a process (arch/x86/kernel/fpu.c).
 *
 * Real libc code uses SSE2 (glibc picks its string functions by CPUID), so the kernel
 * must switch the SSE unit on (CR4.OSFXSR and CR4.OSXMMEXCPT) and give each process its
 * own register state: a 512-byte FXSAVE image, 16-byte aligned. A new process starts
 * from init_fpstate, the state fninit and the default MXCSR (0x1f80: every SIMD
 * exception masked, round to nearest) produce, as Linux's does.
 *
 * When does the kernel save and restore? The kernel is built with -mgeneral-regs-only,
 * so it never touches an x87, MMX or SSE register: while a process runs, its FPU state
 * simply stays in the registers across every system call and interrupt. Only a task
 * switch changes hands: __switch_to() (arch/x86/kernel/process_32.c) saves the outgoing
 * task's registers into its area (fpu_save) and loads the incoming one's (fpu_restore),
 * eagerly, for tasks with a user mm. Exec loads a fresh state; exit resets the
 * registers (fpu_reset) so no later program sees the values.
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include "../types.h"

#define FPU_STATE_SIZE	512	/* FXSAVE image; the fnsave fallback needs 108 */
#define FPU_STATE_ALIGN	16

#define MXCSR_DEFAULT	0x1f80

void fpu_init(void);			/* at boot: CR0/CR4 bits, init_fpstate */
bool fpu_has_fxsr(void);		/* FXSAVE/FXRSTOR and SSE in use? */
void fpu_state_init(void *state);	/* copy init_fpstate into a task's area */
void fpu_restore(const void *state);	/* load a task's state into the registers */
void fpu_save(void *state);		/* store the registers into a task's area */
void fpu_reset(void);			/* registers back to the initial state */

#endif /* _ASM_FPU_H */

/*
 * struct pt_regs: the registers saved on the kernel stack when an exception, an
 * interrupt or a system call enters the kernel (arch/x86/kernel/entry_32.asm builds it).
 *
 * The CPU pushes eip, cs, eflags (and esp, ss when it came from ring 3); the stub pushes
 * the error code (0 when the CPU gives none) and the vector; the common code pushes the
 * rest. Changing a field changes what the interrupted code sees after iret: a system call
 * returns its result by writing regs->eax.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include "../types.h"

struct pt_regs {
	u32 ebx, ecx, edx, esi, edi, ebp, eax;
	u32 ds, es, fs, gs;
	u32 vector;
	u32 error_code;
	u32 eip, cs, eflags;
	u32 esp, ss;		/* valid only when entered from user mode */
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif /* _ASM_PTRACE_H */

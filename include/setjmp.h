/*
 * Kernel-internal setjmp/longjmp (arch/x86/lib/setjmp_32.asm), used to unwind out of a faulting
 * self-test. Saves the callee-saved registers, esp, eip and eflags (so that longjmp
 * from an interrupt gate, where IF is clear, restores the interrupt state too).
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include "compiler.h"

typedef unsigned long jmp_buf[7];

__returns_twice int setjmp(jmp_buf env);
__noreturn void longjmp(jmp_buf env, int val);

#endif /* _SETJMP_H */

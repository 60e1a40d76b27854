/* Signal numbers (Linux i386) and the kernel's way of ending a faulting process. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include "types.h"

#define SIGILL	4
#define SIGTRAP	5
#define SIGBUS	7
#define SIGFPE	8
#define SIGKILL	9
#define SIGSEGV	11
#define SIGCHLD	17

struct pt_regs;
int trap_to_signal(int vector);
/* Reports the fault and kills the current process with sig (kernel/exit.c). */
__noreturn void force_sig_fault(struct pt_regs *regs, int sig, const char *what);

#endif /* _SIGNAL_H */

/*
 * System-call dispatch: Linux's i386 convention.
 *
 * A user program puts the call number in eax and up to six arguments in ebx, ecx, edx,
 * esi, edi and ebp, then executes int $0x80. The result, or -errno, goes back in eax;
 * every other register is restored unchanged by the return path (entry.asm), which is
 * what libc relies on. Numbers without an entry in sys_call_table return -ENOSYS.
 */
#include <syscalls.h>
#include <errno.h>
#include <asm/traps.h>

static syscall_fn_t sys_call_table[NR_syscalls];

void register_syscall(unsigned int nr, syscall_fn_t fn)
{
	if (nr < NR_syscalls)
		sys_call_table[nr] = fn;
}

void do_syscall(struct pt_regs *regs)
{
	unsigned int nr = regs->eax;
	syscall_fn_t fn = nr < NR_syscalls ? sys_call_table[nr] : NULL;

	if (!fn) {
		regs->eax = -ENOSYS;
		return;
	}
	regs->eax = fn(regs->ebx, regs->ecx, regs->edx, regs->esi, regs->edi, regs->ebp);
}

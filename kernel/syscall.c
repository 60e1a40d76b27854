/*
 * System-call dispatch: Linux's i386 convention.
 *
 * A user program puts the call number in eax and up to six arguments in ebx, ecx, edx,
 * esi, edi and ebp, then executes int $0x80. The result, or -errno, goes back in eax;
 * every other register is restored unchanged by the return path (entry.asm), which is
 * what libc relies on. Numbers without an entry in sys_call_table return -ENOSYS.
 *
 * The table is the index of every system call this kernel has: the handler's name says
 * where it lives (sys_brk in mm/mmap.c, sys_write in kernel/sys.c, ...).
 */
#include <syscalls.h>
#include <errno.h>
#include <asm/traps.h>

/*
 * Handlers take only the arguments they use; calling them through a six-argument
 * pointer is safe with the i386 C convention (the caller pops the arguments). The cast
 * through void (*)(void) tells gcc (-Wcast-function-type) that this is deliberate.
 */
#define CALL(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

static const syscall_fn_t sys_call_table[NR_syscalls] = {
	/* entries: CALL(__NR_name, sys_name), sorted by number */
	CALL(__NR_brk, sys_brk),
	CALL(__NR_mmap, sys_old_mmap),
	CALL(__NR_munmap, sys_munmap),
	CALL(__NR_mprotect, sys_mprotect),
	CALL(__NR_mremap, sys_mremap),
	CALL(__NR_mmap2, sys_mmap2),
	CALL(__NR_madvise, sys_madvise),
};

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

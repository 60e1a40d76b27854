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
 * Handlers take only the arguments they use, with their real types: with i386's cdecl
 * the caller pushes all six words and a callee reads the ones it declares. The cast
 * goes through void (*)(void), the one type -Wcast-function-type lets any function
 * pointer pass through.
 */
#define CALL(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

static const syscall_fn_t sys_call_table[NR_syscalls] = {
	/* entries: CALL(__NR_name, sys_name), sorted by number */
	CALL(__NR_exit, sys_exit),
	CALL(__NR_read, sys_read),
	CALL(__NR_write, sys_write),
	CALL(__NR_getpid, sys_getpid),
	CALL(__NR_brk, sys_brk),
	CALL(__NR_ioctl, sys_ioctl),
	CALL(__NR_readlink, sys_readlink),
	CALL(__NR_mmap, sys_old_mmap),
	CALL(__NR_munmap, sys_munmap),
	CALL(__NR_uname, sys_uname),
	CALL(__NR_mprotect, sys_mprotect),
	CALL(__NR_writev, sys_writev),
	CALL(__NR_mremap, sys_mremap),
	CALL(__NR_ugetrlimit, sys_ugetrlimit),
	CALL(__NR_mmap2, sys_mmap2),
	CALL(__NR_fstat64, sys_fstat64),
	CALL(__NR_madvise, sys_madvise),
	CALL(__NR_gettid, sys_gettid),
	CALL(__NR_set_thread_area, sys_set_thread_area),
	CALL(__NR_get_thread_area, sys_get_thread_area),
	CALL(__NR_exit_group, sys_exit_group),
	CALL(__NR_set_tid_address, sys_set_tid_address),
	CALL(__NR_clock_gettime, sys_clock_gettime),
	CALL(__NR_fstatat64, sys_fstatat64),
	CALL(__NR_set_robust_list, sys_set_robust_list),
	CALL(__NR_prlimit64, sys_prlimit64),
	CALL(__NR_getrandom, sys_getrandom),
	CALL(__NR_statx, sys_statx),
	CALL(__NR_rseq, sys_rseq),
	CALL(__NR_clock_gettime64, sys_clock_gettime64),
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

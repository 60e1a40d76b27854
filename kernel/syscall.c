/*
 * System-call dispatch: Linux's i386 convention.
 *
 * A user program puts the call number in eax and up to six arguments in ebx, ecx, edx,
 * esi, edi and ebp, then executes int $0x80. system_call (arch/x86/kernel/entry_32.asm) saves the
 * registers, calls sys_call_table[eax] with copies of the six arguments and puts the
 * result, or -errno, in the saved eax; every other register comes back unchanged, which
 * is what libc relies on. Numbers without an entry in the table return -ENOSYS.
 *
 * The table is the index of every system call this kernel has: the handler's name says
 * where it lives (sys_brk in mm/mmap.c, sys_write in kernel/sys.c, ...).
 */
#include <syscalls.h>
#include <uapi/errno.h>
#include <asm/traps.h>

/*
 * Handlers take only the arguments they use, with their real types: with i386's cdecl
 * the caller pushes all six words and a callee reads the ones it declares. The cast
 * goes through void (*)(void), the one type -Wcast-function-type lets any function
 * pointer pass through.
 */
#define CALL(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

const syscall_fn_t sys_call_table[NR_syscalls] = {
	/* entries: CALL(__NR_name, sys_name), sorted by number */
	CALL(__NR_exit, sys_exit),
	CALL(__NR_read, sys_read),
	CALL(__NR_write, sys_write),
	CALL(__NR_time, sys_time),
	CALL(__NR_getpid, sys_getpid),
	CALL(__NR_setuid, sys_setuid16),
	CALL(__NR_getuid, sys_getuid16),
	CALL(__NR_brk, sys_brk),
	CALL(__NR_setgid, sys_setgid16),
	CALL(__NR_getgid, sys_getgid16),
	CALL(__NR_geteuid, sys_geteuid16),
	CALL(__NR_getegid, sys_getegid16),
	CALL(__NR_ioctl, sys_ioctl),
	CALL(__NR_setreuid, sys_setreuid16),
	CALL(__NR_setregid, sys_setregid16),
	CALL(__NR_sethostname, sys_sethostname),
	CALL(__NR_getgroups, sys_getgroups16),
	CALL(__NR_setgroups, sys_setgroups16),
	CALL(__NR_setrlimit, sys_setrlimit),
	CALL(__NR_getrlimit, sys_old_getrlimit),
	CALL(__NR_gettimeofday, sys_gettimeofday),
	CALL(__NR_readlink, sys_readlink),
	CALL(__NR_mmap, sys_old_mmap),
	CALL(__NR_munmap, sys_munmap),
	CALL(__NR_sysinfo, sys_sysinfo),
	CALL(__NR_setdomainname, sys_setdomainname),
	CALL(__NR_uname, sys_uname),
	CALL(__NR_mprotect, sys_mprotect),
	CALL(__NR_setfsuid, sys_setfsuid16),
	CALL(__NR_setfsgid, sys_setfsgid16),
	CALL(__NR_msync, sys_msync),
	CALL(__NR_writev, sys_writev),
	CALL(__NR_mlock, sys_mlock),
	CALL(__NR_munlock, sys_munlock),
	CALL(__NR_mlockall, sys_mlockall),
	CALL(__NR_munlockall, sys_munlockall),
	CALL(__NR_mremap, sys_mremap),
	CALL(__NR_setresuid, sys_setresuid16),
	CALL(__NR_getresuid, sys_getresuid16),
	CALL(__NR_setresgid, sys_setresgid16),
	CALL(__NR_getresgid, sys_getresgid16),
	CALL(__NR_ugetrlimit, sys_ugetrlimit),
	CALL(__NR_mmap2, sys_mmap2),
	CALL(__NR_fstat64, sys_fstat64),
	CALL(__NR_getuid32, sys_getuid),
	CALL(__NR_getgid32, sys_getgid),
	CALL(__NR_geteuid32, sys_geteuid),
	CALL(__NR_getegid32, sys_getegid),
	CALL(__NR_setreuid32, sys_setreuid),
	CALL(__NR_setregid32, sys_setregid),
	CALL(__NR_getgroups32, sys_getgroups),
	CALL(__NR_setgroups32, sys_setgroups),
	CALL(__NR_setresuid32, sys_setresuid),
	CALL(__NR_getresuid32, sys_getresuid),
	CALL(__NR_setresgid32, sys_setresgid),
	CALL(__NR_getresgid32, sys_getresgid),
	CALL(__NR_setuid32, sys_setuid),
	CALL(__NR_setgid32, sys_setgid),
	CALL(__NR_setfsuid32, sys_setfsuid),
	CALL(__NR_setfsgid32, sys_setfsgid),
	CALL(__NR_mincore, sys_mincore),
	CALL(__NR_madvise, sys_madvise),
	CALL(__NR_gettid, sys_gettid),
	CALL(__NR_set_thread_area, sys_set_thread_area),
	CALL(__NR_get_thread_area, sys_get_thread_area),
	CALL(__NR_exit_group, sys_exit_group),
	CALL(__NR_set_tid_address, sys_set_tid_address),
	CALL(__NR_clock_gettime, sys_clock_gettime),
	CALL(__NR_clock_getres, sys_clock_getres),
	CALL(__NR_fstatat64, sys_fstatat64),
	CALL(__NR_set_robust_list, sys_set_robust_list),
	CALL(__NR_prlimit64, sys_prlimit64),
	CALL(__NR_getrandom, sys_getrandom),
	CALL(__NR_statx, sys_statx),
	CALL(__NR_mlock2, sys_mlock2),
	CALL(__NR_rseq, sys_rseq),
	CALL(__NR_clock_gettime64, sys_clock_gettime64),
};

/* The table's size, for system_call (arch/x86/kernel/entry_32.asm) to check the number against. */
const unsigned int nr_syscalls = NR_syscalls;

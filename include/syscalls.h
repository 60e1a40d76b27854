/*
 * System calls: Linux's i386 numbers and the handlers' prototypes; the table that maps
 * one to the other is in kernel/syscall.c. Each handler takes up to six arguments
 * (from ebx, ecx, edx, esi, edi, ebp) and returns the value for eax: a result, or
 * -errno (-4095..-1). Declare each handler here with the layer that implements it.
 */
#ifndef _SYSCALLS_H
#define _SYSCALLS_H

#include "types.h"

#define __NR_exit		1
#define __NR_read		3
#define __NR_write		4
#define __NR_getpid		20
#define __NR_brk		45
#define __NR_ioctl		54
#define __NR_readlink		85
#define __NR_mmap		90
#define __NR_munmap		91
#define __NR_uname		122
#define __NR_modify_ldt		123
#define __NR_mprotect		125
#define __NR_writev		146
#define __NR_mremap		163
#define __NR_ugetrlimit		191
#define __NR_mmap2		192
#define __NR_fstat64		197
#define __NR_madvise		219
#define __NR_gettid		224
#define __NR_set_thread_area	243
#define __NR_get_thread_area	244
#define __NR_exit_group		252
#define __NR_set_tid_address	258
#define __NR_clock_gettime	265
#define __NR_fstatat64		300
#define __NR_set_robust_list	311
#define __NR_prlimit64		340
#define __NR_getrandom		355
#define __NR_statx		383
#define __NR_rseq		386
#define __NR_clock_gettime64	403
#define NR_syscalls		450

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

/* kernel/sys.c, kernel/exit.c, kernel/tls.c ... and mm/mmap.c, mm/mprotect.c ...: */

/* The address space (mm/mmap.c, mm/mprotect.c, mm/mremap.c, mm/madvise.c). */
long sys_brk(unsigned long brk);
long sys_old_mmap(unsigned long arg);	/* mmap (90): pointer to 6 longs, offset in bytes */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
long sys_madvise(unsigned long start, unsigned long len, unsigned long advice);

#endif /* _SYSCALLS_H */

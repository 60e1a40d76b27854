/*
 * The vDSO's entry points into the kernel: __kernel_vsyscall, which glibc and musl call
 * (through AT_SYSINFO, saved at %gs:0x10) for every system call, and the signal-return
 * trampolines __kernel_sigreturn and __kernel_rt_sigreturn.
 *
 * __kernel_vsyscall follows Linux's i386 convention, which the kernel's sysenter entry
 * (entry_SYSENTER_32, arch/x86/kernel/entry_32.asm) relies on: it pushes ecx, edx and
 * ebp (the sixth argument), puts esp in ebp and executes sysenter. The kernel reads the
 * sixth argument at [ebp], and sysexit comes back to int80_landing_pad with esp = ebp,
 * where the three registers are popped. On a CPU without sysenter the kernel overwrites
 * the four bytes of "movl %esp, %ebp; sysenter" with no-ops when it installs the image
 * (arch/x86/kernel/vdso_map.c), and the call goes by int $0x80. A system call the
 * kernel restarts is re-executed by that int $0x80 (the kernel then returns to the
 * landing pad with the saved ebp being the sixth argument, as int $0x80 wants it).
 */
	.text
	.globl __kernel_vsyscall
	.type __kernel_vsyscall, @function
	.p2align 4
__kernel_vsyscall:
	.cfi_startproc
	pushl %ecx
	.cfi_adjust_cfa_offset 4
	pushl %edx
	.cfi_adjust_cfa_offset 4
	pushl %ebp
	.cfi_adjust_cfa_offset 4
	.globl vdso_sysenter_seq
vdso_sysenter_seq:			/* 4 bytes: patched to no-ops without SEP */
	movl %esp, %ebp
	sysenter
	int $0x80
	.globl int80_landing_pad
int80_landing_pad:
	popl %ebp
	.cfi_adjust_cfa_offset -4
	popl %edx
	.cfi_adjust_cfa_offset -4
	popl %ecx
	.cfi_adjust_cfa_offset -4
	ret
	.cfi_endproc
	.size __kernel_vsyscall, . - __kernel_vsyscall

/* Signal frames' return addresses when a handler has no SA_RESTORER of its own. */
	.globl __kernel_sigreturn
	.type __kernel_sigreturn, @function
	.p2align 4
__kernel_sigreturn:
	popl %eax			/* the signal number the frame starts with */
	movl $119, %eax			/* __NR_sigreturn */
	int $0x80
	.size __kernel_sigreturn, . - __kernel_sigreturn

	.globl __kernel_rt_sigreturn
	.type __kernel_rt_sigreturn, @function
	.p2align 4
__kernel_rt_sigreturn:
	movl $173, %eax			/* __NR_rt_sigreturn */
	int $0x80
	.size __kernel_rt_sigreturn, . - __kernel_rt_sigreturn

	.section .note.GNU-stack, "", @progbits

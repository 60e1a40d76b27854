/*
 * long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
 *
 * The whole Linux i386 system call convention in one place: eax = nr, arguments in
 * ebx, ecx, edx, esi, edi, ebp, int $0x80, result (or -errno) in eax. ebx, esi, edi
 * and ebp are callee-saved in C, so they are saved around the trap; the kernel itself
 * must preserve every register but eax.
 */
	.text
	.globl	__syscall6
	.type	__syscall6, @function
__syscall6:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax		/* 16 bytes pushed + return address */
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	int	$0x80
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
	.size	__syscall6, . - __syscall6

	.section .note.GNU-stack, "", @progbits

/*
 * Program entry for ulib programs.
 *
 * The kernel (Linux or ours) enters _start with every general register zero and esp
 * pointing at argc; above it lie argv[], NULL, envp[], NULL and the auxiliary vector.
 * We pass that pointer to __ulib_start (start.c), which finds the pieces, calls main
 * and exits with its return value. The stack is realigned to 16 bytes at the call,
 * as the i386 System V ABI used by gcc expects.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* outermost frame: backtraces stop here */
	movl	%esp, %eax
	andl	$-16, %esp
	subl	$12, %esp
	pushl	%eax			/* esp is 16-byte aligned at the call */
	call	__ulib_start
	ud2				/* __ulib_start never returns */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits

/*
 * Symbols defined by linker.ld that mark where the kernel image's parts are. They are
 * arrays only so that their address can be taken; never read them as data.
 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

extern char _phys_start[];		/* physical load address of the image (1 MiB) */
extern char _text[], _etext[];		/* .text */
extern char _srodata[], _erodata[];	/* .rodata (with the self-test table) */
extern char _sdata[], _edata[];		/* .data */
extern char __bss_start[], __bss_stop[];	/* .bss */
extern char _end[];			/* end of the whole image (after the symbol table) */

/* The boot stack (boot/head.asm): THREAD_SIZE bytes with an unmapped page below. */
#define THREAD_SIZE	16384
extern char boot_stack_guard[];		/* the unmapped guard page */
extern char boot_stack[], boot_stack_top[];

#endif /* _ASM_SECTIONS_H */

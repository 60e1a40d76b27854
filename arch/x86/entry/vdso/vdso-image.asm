; The vDSO image (vdso32.so, built by vdso.mk) inside the kernel: its bytes, page
; aligned, between vdso_image_start and vdso_image_end, and the offsets of the symbols
; the kernel needs, read from its symbol table at build time (vdso-syms.inc).
; arch/x86/kernel/vdso_map.c copies it into the pages that every process maps as [vdso].

%include "vdso-syms.inc"

section .rodata
align 4096
global vdso_image_start, vdso_image_end
vdso_image_start:
	incbin "vdso32.so"
vdso_image_end:

align 4
global vdso_sym_kernel_vsyscall, vdso_sym_int80_landing_pad, vdso_sym_sysenter_seq
vdso_sym_kernel_vsyscall:	dd VDSO_SYM___kernel_vsyscall
vdso_sym_int80_landing_pad:	dd VDSO_SYM_int80_landing_pad
vdso_sym_sysenter_seq:		dd VDSO_SYM_vdso_sysenter_seq

section .note.GNU-stack noalloc noexec nowrite progbits

; The first instructions at the kernel's linked (higher-half) address, jumped to by
; boot/head.asm with paging on: switch to the boot stack, drop the identity mapping
; that only head.asm needed, and call start_kernel(magic, multiboot info) with the
; values head.asm kept in esi and edi.
;
; A file of its own because NASM's debug information for one file spanning a physical
; and a virtual section confuses gdb.

%include "asm-offsets.inc"		; BOOT_PT_COUNT (include/setup.h's BOOT_MAP_SIZE)

extern boot_page_dir, boot_stack_top, start_kernel

section .text
global higher_half
higher_half:
	mov esp, boot_stack_top
	xor ebp, ebp			; ends the backtrace's frame chain

	; Drop the identity mapping: from here on, low addresses fault.
	mov ecx, BOOT_PT_COUNT
	mov ebx, boot_page_dir
.drop_identity:
	mov dword [ebx], 0
	add ebx, 4
	loop .drop_identity
	mov eax, cr3
	mov cr3, eax

	push edi			; struct multiboot_info * (physical)
	push esi			; magic
	call start_kernel
.hang:
	cli
	hlt
	jmp .hang


section .note.GNU-stack noalloc noexec nowrite progbits

; bad_kernel: the smallest Multiboot kernels that die in the two ways the real kernel
; must never die, so that tests/run-fuzz can check tools/run-elf's statuses for them:
;   -DTRIPLE  loads an empty IDT and raises int3: no handler, a double fault, no
;             handler, a triple fault (QEMU with -no-reboot then stops, status 0)
;   -DHANG    disables interrupts and spins forever (run-elf's --timeout ends it)
;   -DODD_EXIT  leaves QEMU through isa-debug-exit with 5, a value the real kernel never
;             writes (QEMU status 11)
; Built with nasm -f elf32 and ld -m elf_i386 (tests/fuzz/fuzz.mk). QEMU's -kernel loads
; it as a Multiboot ELF; it ignores its modules and command line.

MB_MAGIC	equ 0x1badb002
MB_FLAGS	equ 0

section .text
align 4
	dd MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

global _start
_start:
	cli
%ifdef TRIPLE
	lidt [empty_idt]
	int3
%endif
%ifdef ODD_EXIT
	mov al, 5
	out 0xf4, al
%endif
.spin:
	jmp .spin

section .data
empty_idt:
	dw 0		; limit 0: every vector is outside the table
	dd 0

section .note.GNU-stack noalloc noexec nowrite progbits

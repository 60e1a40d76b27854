; Kernel entry: from the boot loader's flat 32-bit world into the higher half.
;
; GRUB or QEMU's -kernel loader jumps to _start at its physical address with paging
; off, %eax = the Multiboot magic and %ebx = the physical address of the Multiboot
; information. We build a temporary two-level page table that maps the first
; BOOT_MAP_MB of physical memory twice, at 0 (so the instruction after "enable paging"
; still exists) and at PAGE_OFFSET (where the kernel is linked), turn paging on, jump
; to the higher half, switch to the kernel stack, drop the identity half and call
; start_kernel(magic, info) (boot/higher_half.asm). arch/x86/mm/init_32.c later replaces these
; tables with the real ones.
;
; Relies on: linker.ld (.boot is linked at its physical address, the rest 0xC0000000
; higher), higher_half (boot/higher_half.asm).

PAGE_OFFSET	equ 0xC0000000
BOOT_MAP_MB	equ 64			; must cover the kernel, boot info and modules
BOOT_PT_COUNT	equ BOOT_MAP_MB / 4	; one page table maps 4 MiB
THREAD_SIZE	equ 16384

MB_MAGIC	equ 0x1BADB002
MB_FLAGS	equ 0x00000003		; bit 0: page-align modules, bit 1: memory info

PTE_PRESENT	equ 0x001
PTE_RW		equ 0x002

CR0_WP		equ 0x00010000
CR0_PG		equ 0x80000000

section .multiboot progbits alloc noexec nowrite align=4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .boot.text progbits alloc exec nowrite align=16
global _start
_start:
	cli
	cld
	mov esi, eax			; keep magic and info for start_kernel
	mov edi, ebx

	; Fill the page tables: entry i maps physical page i, present and writable.
	mov ecx, BOOT_PT_COUNT * 1024
	mov edx, boot_page_tables - PAGE_OFFSET
	mov eax, PTE_PRESENT | PTE_RW
.fill_pte:
	mov [edx], eax
	add eax, 4096
	add edx, 4
	loop .fill_pte

	; The page below the boot stack stays unmapped, so an overflow faults.
	mov eax, boot_stack_guard - PAGE_OFFSET
	shr eax, 12
	mov dword [boot_page_tables - PAGE_OFFSET + eax * 4], 0

	; Point directory entries 0.. and 768.. (0xC0000000 >> 22) at the same tables.
	mov ecx, BOOT_PT_COUNT
	mov edx, boot_page_tables - PAGE_OFFSET + (PTE_PRESENT | PTE_RW)
	mov ebx, boot_page_dir - PAGE_OFFSET
.fill_pde:
	mov [ebx], edx
	mov [ebx + (PAGE_OFFSET >> 22) * 4], edx
	add edx, 4096
	add ebx, 4
	loop .fill_pde

	mov eax, boot_page_dir - PAGE_OFFSET
	mov cr3, eax
	mov eax, cr0
	or eax, CR0_PG | CR0_WP		; WP: the kernel, too, obeys read-only pages
	mov cr0, eax

	mov eax, higher_half		; an absolute jump into the higher half
	jmp eax
	extern higher_half

section .bss nobits alloc noexec write align=4096
global boot_page_dir, boot_page_tables
global boot_stack_guard, boot_stack, boot_stack_top
boot_page_dir:
	resb 4096
boot_page_tables:
	resb BOOT_PT_COUNT * 4096
; The stack is THREAD_SIZE-aligned so that esp & ~(THREAD_SIZE - 1) finds its base.
	alignb THREAD_SIZE
	resb 4096 * 3			; padding so the guard sits right below the stack
boot_stack_guard:
	resb 4096
boot_stack:
	resb THREAD_SIZE
boot_stack_top:

section .note.GNU-stack noalloc noexec nowrite progbits

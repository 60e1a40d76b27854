; Kernel entry: from the boot loader's flat 32-bit world into the higher half.
;
; GRUB or QEMU's -kernel loader jumps to _start at its physical address with paging
; off, %eax = the Multiboot magic and %ebx = the physical address of the Multiboot
; information. We build a temporary two-level page table that maps the first
; BOOT_MAP_SIZE bytes of physical memory twice, at 0 (so the instruction after "enable paging"
; still exists) and at PAGE_OFFSET (where the kernel is linked), turn paging on, jump
; to the higher half, switch to the kernel stack, drop the identity half and call
; start_kernel(magic, info) (boot/higher_half.asm). arch/x86/mm/init_32.c later replaces these
; tables with the real ones.
;
; Relies on: linker.ld (.boot is linked at its physical address, the rest 0xC0000000
; higher), higher_half (boot/higher_half.asm), the constants of asm-offsets.inc
; (include/setup.h for BOOT_MAP_SIZE, asm/sections.h for THREAD_SIZE, asm/page.h,
; asm/pgtable.h, asm/x86.h, multiboot.h).

%include "asm-offsets.inc"		; PAGE_OFFSET, BOOT_PT_COUNT, THREAD_SIZE... from C

section .multiboot progbits alloc noexec nowrite align=4
	dd MULTIBOOT_HEADER_MAGIC
	dd MULTIBOOT_HEADER_FLAGS		; page-aligned modules, memory information
	dd -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

section .boot.text progbits alloc exec nowrite align=16
global _start
_start:
	cli
	cld
	mov esi, eax			; keep magic and info for start_kernel
	mov edi, ebx

	; Fill the page tables: entry i maps physical page i, present and writable.
	mov ecx, BOOT_PT_COUNT * PTRS_PER_PTE
	mov edx, boot_page_tables - PAGE_OFFSET
	mov eax, _PAGE_PRESENT | _PAGE_RW
.fill_pte:
	mov [edx], eax
	add eax, PAGE_SIZE
	add edx, 4
	loop .fill_pte

	; The page below the boot stack stays unmapped, so an overflow faults.
	mov eax, boot_stack_guard - PAGE_OFFSET
	shr eax, PAGE_SHIFT
	mov dword [boot_page_tables - PAGE_OFFSET + eax * 4], 0

	; Point directory entries 0.. and 768.. (PAGE_OFFSET >> PGDIR_SHIFT) at the same tables.
	mov ecx, BOOT_PT_COUNT
	mov edx, boot_page_tables - PAGE_OFFSET + (_PAGE_PRESENT | _PAGE_RW)
	mov ebx, boot_page_dir - PAGE_OFFSET
.fill_pde:
	mov [ebx], edx
	mov [ebx + (PAGE_OFFSET >> PGDIR_SHIFT) * 4], edx
	add edx, PAGE_SIZE
	add ebx, 4
	loop .fill_pde

	mov eax, boot_page_dir - PAGE_OFFSET
	mov cr3, eax
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP		; WP: the kernel, too, obeys read-only pages
	mov cr0, eax

	mov eax, higher_half		; an absolute jump into the higher half
	jmp eax
	extern higher_half

section .bss nobits alloc noexec write align=PAGE_SIZE
global boot_page_dir, boot_page_tables
global boot_stack_guard, boot_stack, boot_stack_top
boot_page_dir:
	resb PAGE_SIZE
boot_page_tables:
	resb BOOT_PT_COUNT * PAGE_SIZE
; The stack is THREAD_SIZE-aligned so that esp & ~(THREAD_SIZE - 1) finds its base.
	alignb THREAD_SIZE
	resb THREAD_SIZE - PAGE_SIZE	; padding so the guard sits right below the stack
boot_stack_guard:
	resb PAGE_SIZE
boot_stack:
	resb THREAD_SIZE
boot_stack_top:

section .note.GNU-stack noalloc noexec nowrite progbits

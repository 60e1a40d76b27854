; Entry and exit paths for exceptions, interrupts and system calls.
;
; Every vector has a tiny stub that makes the stack look the same for all of them
; (error code, vector number), then common_entry saves the remaining registers as a
; struct pt_regs (include/asm/ptrace.h) and calls do_trap(regs) in arch/x86/kernel/traps.c.
; ret_from_trap restores them and irets; process start-up jumps there too, with a
; hand-built pt_regs that "returns" into ring 3.
;
; int $0x80 has its own entry, system_call, because it is the hottest: it builds the
; same pt_regs, then calls the handler straight from sys_call_table, as Linux's i386
; entry did, without going through C dispatch code.
;
; Relies on: do_trap (traps.c), sys_call_table (kernel/syscall.c); the selectors,
; vector numbers and struct pt_regs offsets of asm-offsets.inc (generated from
; include/asm/segment.h, asm/traps.h and asm/ptrace.h by arch/x86/kernel/asm-offsets.c).

%include "asm-offsets.inc"

section .text

; Exceptions for which the CPU pushes an error code.
%define HAS_ERRCODE(n) ((n) == 8 || ((n) >= 10 && (n) <= 14) || (n) == 17 || (n) == 21 || (n) == 29 || (n) == 30)

%macro STUB 1
align 8
stub_%1:
%if HAS_ERRCODE(%1) == 0
	push dword 0
%endif
	push dword %1
	jmp common_entry
%endmacro

%assign i 0
%rep NR_TRAP_STUBS
	STUB i
%assign i i+1
%endrep

; SAVE_REGS pushes the rest of struct pt_regs, ebx ending at the lowest address. The
; order is the C structure's: the assembler checks it against asm-offsets.
%if PT_EBX != 0 || PT_ECX != PT_EBX + 4 || PT_EDX != PT_ECX + 4 || PT_ESI != PT_EDX + 4 || \
    PT_EDI != PT_ESI + 4 || PT_EBP != PT_EDI + 4 || PT_EAX != PT_EBP + 4 || \
    PT_DS != PT_EAX + 4 || PT_ES != PT_DS + 4 || PT_FS != PT_ES + 4 || PT_GS != PT_FS + 4 || \
    PT_VECTOR != PT_GS + 4 || PT_ERROR_CODE != PT_VECTOR + 4 || PT_EIP != PT_ERROR_CODE + 4
%error "struct pt_regs (include/asm/ptrace.h) no longer matches SAVE_REGS and the stubs"
%endif
%macro SAVE_REGS 0
	push gs
	push fs
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
%endmacro

; eax = number, ebx, ecx, edx, esi, edi, ebp = arguments. The handler gets a copy of the
; six arguments: a C function may write to its argument slots, and the saved registers
; must come back unchanged.
align 16
global system_call
system_call:
	push dword 0			; error code
	push dword SYSCALL_VECTOR	; vector
	SAVE_REGS
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	mov cx, __KERNEL_DS
	mov ds, cx
	mov es, cx
	cld
	extern sys_call_table, nr_syscalls
	cmp eax, [nr_syscalls]
	jae .bad_number
	mov eax, [sys_call_table + eax * 4]
	test eax, eax
	jz .bad_number
	call eax
.done:
	add esp, 6 * 4			; the argument copies
	mov [esp + PT_EAX], eax		; the result
	jmp ret_from_trap
.bad_number:
	mov eax, -ENOSYS
	jmp .done

; Page faults are the second hottest entry (every first touch of a user page): like
; system_call, it goes straight to its handler, do_page_fault(regs, error_code).
align 16
global page_fault
page_fault:
	push dword X86_TRAP_PF		; vector; the CPU pushed the error code
	SAVE_REGS
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	cld
	mov eax, esp
	push dword [eax + PT_ERROR_CODE]
	push eax			; struct pt_regs *
	extern do_page_fault
	call do_page_fault
	add esp, 8
	jmp ret_from_trap

common_entry:
	SAVE_REGS
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	cld
	push esp			; struct pt_regs *
	extern do_trap
	call do_trap
	add esp, 4
	; Back to user mode with the time slice used up (set by the tick): switch now. Only
	; here, after an interrupt or exception, so system calls and page faults pay nothing;
	; never towards kernel mode, which stays non-preemptive (docs/concurrency.md).
	extern need_resched, schedule_user
	cmp dword [need_resched], 0
	je ret_from_trap
	test byte [esp + PT_CS], 3
	jz ret_from_trap
	cli
	call schedule_user

; The way out. The segment registers and SS come from pt_regs, which the user controls:
; a selector of the process's own (a TLS slot, GDT entries 6..8) may name a descriptor
; that set_thread_area has since cleared or made unusable, and reloading it faults here,
; in ring 0. Each of these instructions has an exception-table entry (arch/x86/mm/extable.c),
; so such a fault is never an oops:
; - a segment pop that faults loads the null selector instead, as Linux's entry code does
;   (the process then faults on its next access through that register, in user mode);
; - a faulting iret (SS, or CS/EIP, refused on the way to ring 3) becomes Linux's
;   "iret exception" of the process itself: SIGILL (iret_exc below).
; Any future path back to user mode (sysexit) needs the same entries.
global ret_from_trap
ret_from_trap:
	pop ebx
	pop ecx
	pop edx
	pop esi
	pop edi
	pop ebp
	pop eax
ret_pop_ds:
	pop ds
ret_pop_es:
	pop es
ret_pop_fs:
	pop fs
ret_pop_gs:
	pop gs
	add esp, PT_EIP - PT_VECTOR	; vector and error code
global irq_return
irq_return:
	iret

; A faulting pop left esp at the slot it was reading: clear the slot and try again.
; [esp] addresses through SS, which is always the kernel's here.
%macro POP_SEG_FIXUP 1
ret_fix_%1:
	mov dword [esp], 0
	jmp ret_pop_%1
%endmacro
	POP_SEG_FIXUP ds
	POP_SEG_FIXUP es
	POP_SEG_FIXUP fs
	POP_SEG_FIXUP gs

; The iret to user mode faulted: the process arranged a bad SS (or CS/EIP) for its way
; back. The CPU changed nothing: esp points again at the user's eip, cs, eflags, esp, ss.
; As Linux's iret_exc, this is an exception of the process's own, on Linux's software
; vector X86_TRAP_IRET (not an IDT vector here, hence its own call): do_iret_error()
; sends SIGILL. DS may be the user's null selector until SAVE_REGS has saved it.
iret_exc:
	push dword 0			; error code
	push dword X86_TRAP_IRET	; vector
	SAVE_REGS
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	cld
	push esp			; struct pt_regs *
	extern do_iret_error
	call do_iret_error		; does not return while signals kill
	add esp, 4
	jmp ret_from_trap

section __ex_table progbits alloc noexec nowrite align=4
	dd ret_pop_ds, ret_fix_ds
	dd ret_pop_es, ret_fix_es
	dd ret_pop_fs, ret_fix_fs
	dd ret_pop_gs, ret_fix_gs
	dd irq_return, iret_exc
section .text

section .rodata
global trap_stub_table
trap_stub_table:
%assign i 0
%rep NR_TRAP_STUBS
	dd stub_ %+ i
%assign i i+1
%endrep
global trap_stub_syscall
trap_stub_syscall:
	dd system_call

section .note.GNU-stack noalloc noexec nowrite progbits

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

; ---- sysenter: the fast system call ----
; __kernel_vsyscall (arch/x86/entry/vdso/vsyscall.S) pushes ecx, edx and ebp, copies esp
; to ebp and executes sysenter, which loads CS, SS, ESP and EIP from the MSRs set by
; arch/x86/kernel/sysenter_32.c and clears IF, but saves nothing: the user's eip is not
; known (it is always the vDSO's int80_landing_pad, vdso_sysenter_return) and the user's
; esp is in ebp, where the sixth argument is not: it is at [ebp], on the user's stack.
; entry_SYSENTER_32 builds the same struct pt_regs as system_call, with ebp = the sixth
; argument (so a system call restarted by the int $0x80 before the landing pad gets the
; right registers), and returns by sysexit, which loads eip from edx and esp from ecx
; (the landing pad pops the user's ecx, edx and ebp back). Whenever pt_regs no longer
; describes that return (another eip, cs or ss, or TF set, which must not be set in
; ring 0 before sysexit), it leaves by ret_from_trap's iret instead. DS and ES leave as
; __USER_DS, as on Linux i386; the FS and GS pops have the same exception-table fix-ups
; as ret_from_trap's (a stale TLS selector loads the null selector); sysexit itself takes
; CS and SS from the MSR, never from pt_regs.
; The user's TF, NT and AC are cleared in the kernel (sysenter keeps them) and come back
; with the saved eflags.
%define EFAULT_NR	14		; include/uapi/errno.h
%define EFLAGS_TF	0x00100
%define EFLAGS_IF	0x00200
%define EFLAGS_RF	0x10000
%define EFLAGS_VM	0x20000
%define EFLAGS_FIXED	0x00002		; bit 1 is always set
%define TSS_ESP0	4		; offsetof(struct tss_struct, esp0), checked in sysenter_32.c

	extern init_tss, vdso_sysenter_return
align 16
global entry_SYSENTER_32
entry_SYSENTER_32:
	mov esp, [ss:init_tss + TSS_ESP0]	; the task's kernel stack (DS is still the user's)
	push dword __USER_DS		; ss
	push ebp			; esp
	pushfd				; eflags, but for IF (cleared by sysenter)
	push dword EFLAGS_FIXED
	popfd				; no TF, NT or AC in the kernel
global sysenter_flags_clean		; a #DB before here is the user's TF (sysenter_32.c)
sysenter_flags_clean:
	or dword [esp], EFLAGS_IF
	push dword __USER_CS		; cs
	push dword [ss:vdso_sysenter_return]	; eip
	push dword 0			; error code
	push dword SYSCALL_VECTOR	; vector
	SAVE_REGS
	mov ds, [ss:sysenter_kernel_ds]	; every other register holds an argument
	mov es, [ss:sysenter_kernel_ds]
	sti				; as the int $0x80 trap gate leaves IF
	cmp ebp, PAGE_OFFSET - 4	; the sixth argument must be a user address
	ja sysenter_arg6_fault
sysenter_read_arg6:
	mov ebp, [ebp]
	mov [esp + PT_EBP], ebp
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	cmp eax, [nr_syscalls]
	jae sysenter_bad_number
	mov eax, [sys_call_table + eax * 4]
	test eax, eax
	jz sysenter_bad_number
	call eax
sysenter_done:
	add esp, 6 * 4			; the argument copies
sysenter_result:
	mov [esp + PT_EAX], eax
	jmp sysenter_exit
sysenter_bad_number:
	mov eax, -ENOSYS
	jmp sysenter_done
sysenter_arg6_fault:			; [ebp] is not a user address, or reading it faulted
	mov eax, -EFAULT_NR
	jmp sysenter_result

; Interrupts stay on to the end: one that comes after the user's segments are back
; saves and restores them like any other, and sysexit's values are in edx and ecx.
sysenter_exit:
	mov ecx, [esp + PT_EIP]
	cmp ecx, [vdso_sysenter_return]
	jne sysenter_iret
	cmp dword [esp + PT_CS], __USER_CS
	jne sysenter_iret
	cmp dword [esp + PT_OLDSS], __USER_DS
	jne sysenter_iret
	test dword [esp + PT_EFLAGS], EFLAGS_TF | EFLAGS_RF | EFLAGS_VM
	jnz sysenter_iret
	pop ebx
	add esp, 8			; ecx, edx: the landing pad pops the user's
	pop esi
	pop edi
	pop ebp
	pop eax
	add esp, 8			; the saved ds and es: see below
sysexit_pop_fs:
	pop fs
sysexit_pop_gs:
	pop gs
	add esp, PT_EIP - PT_VECTOR	; vector and error code
	; As Linux i386's sysexit path, DS and ES go back as __USER_DS whatever they held
	; (Linux runs the kernel with __USER_DS in both and never reloads them there); FS
	; and GS come back from pt_regs, null if their descriptor went away.
	mov edx, __USER_DS
	mov ds, edx
	mov es, edx
	mov edx, [esp]			; eip (esp addresses through SS, the kernel's)
	mov ecx, [esp + PT_OLDESP - PT_EIP]	; esp
	add esp, PT_EFLAGS - PT_EIP
	popfd				; the user's flags, IF set (no TF: checked above)
	sysexit
sysenter_iret:
	jmp ret_from_trap

section .rodata
sysenter_kernel_ds:	dw __KERNEL_DS
section .text

%macro SYSEXIT_SEG_FIXUP 1
sysexit_fix_%1:
	mov dword [esp], 0
	jmp sysexit_pop_%1
%endmacro
	SYSEXIT_SEG_FIXUP fs
	SYSEXIT_SEG_FIXUP gs

section __ex_table progbits alloc noexec nowrite align=4
	dd sysenter_read_arg6, sysenter_arg6_fault
	dd sysexit_pop_fs, sysexit_fix_fs
	dd sysexit_pop_gs, sysexit_fix_gs
section .text
; ---- end of sysenter ----

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
; The sysexit path (entry_SYSENTER_32 above) has the same entries for its own pops.
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

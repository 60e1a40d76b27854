; The few instructions of a task switch that C cannot write: changing stacks.
;
; __switch_to_asm(prev_sp, next_sp, prev) is called by switch_to() in process_32.c with
; interrupts off. It pushes the callee-saved registers (the C calling convention lets
; the caller assume they survive the call), stores esp where prev_sp points
; (prev->thread.sp), loads next_sp, pops the same registers in the same order and
; returns - on next's stack, so into whatever next was doing when it last called
; __switch_to_asm. eax carries prev across: it is the "last" task that switch_to()
; returns in next. The frame's layout is struct inactive_task_frame (asm/processor.h).
;
; A task that never ran has a frame made by copy_thread() whose return address is
; ret_from_fork, with ebx = the kernel function to run (or 0) and edi its argument.
; ret_from_fork finishes the switch (schedule_tail), runs the function if any, and
; then returns to user mode through ret_from_trap (entry_32.asm) with the pt_regs at
; the top of the stack, which start_thread() has filled.
;
; Relies on: schedule_tail (kernel/sched/core.c), ret_from_trap (entry_32.asm).

section .text

global __switch_to_asm
__switch_to_asm:
	mov ecx, [esp + 4]		; &prev->thread.sp
	mov edx, [esp + 8]		; next->thread.sp
	mov eax, [esp + 12]		; prev: the return value on the other side
	push ebp
	push ebx
	push esi
	push edi
	mov [ecx], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

global ret_from_fork
ret_from_fork:
	push eax			; the task we came from
	extern schedule_tail
	call schedule_tail
	add esp, 4
	test ebx, ebx
	jz .to_user
	push edi
	call ebx			; fn(arg): returns only after an exec
	add esp, 4
.to_user:
	extern ret_from_trap
	jmp ret_from_trap		; esp is at the task's struct pt_regs

section .note.GNU-stack noalloc noexec nowrite progbits

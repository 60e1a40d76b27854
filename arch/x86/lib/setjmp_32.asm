; setjmp/longjmp for the kernel (include/setjmp.h): jmp_buf = ebx, esi, edi, ebp, esp,
; eip, eflags. longjmp(env, 0) returns 1 from setjmp, as in C.

section .text
global setjmp, longjmp

setjmp:
	mov eax, [esp + 4]
	mov [eax + 0], ebx
	mov [eax + 4], esi
	mov [eax + 8], edi
	mov [eax + 12], ebp
	lea ecx, [esp + 4]		; esp as it will be after our ret
	mov [eax + 16], ecx
	mov ecx, [esp]			; return address
	mov [eax + 20], ecx
	pushfd
	pop ecx
	mov [eax + 24], ecx
	xor eax, eax
	ret

longjmp:
	mov edx, [esp + 4]
	mov eax, [esp + 8]
	test eax, eax
	jnz .nonzero
	inc eax
.nonzero:
	mov ebx, [edx + 0]
	mov esi, [edx + 4]
	mov edi, [edx + 8]
	mov ebp, [edx + 12]
	mov esp, [edx + 16]
	push dword [edx + 24]
	popfd
	jmp [edx + 20]

section .note.GNU-stack noalloc noexec nowrite progbits

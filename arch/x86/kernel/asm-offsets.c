/*
 * asm-offsets: the one place the assembly files learn C's numbers, as in Linux.
 *
 * NASM cannot read C headers, and a constant copied by hand into a .asm file drifts
 * the day someone edits the header. So this file is compiled with the kernel's own flags
 * to assembly only (gcc -S, never linked), where each DEFINE() leaves a marker line
 *	.ascii "->NAME 123"
 * holding the value the compiler computed, and tools/gen-asm-offsets turns the markers
 * into build/include/generated/asm-offsets.inc ("NAME equ 0x7b"), which the boot/ and
 * arch/x86/kernel/ .asm files %include. Offsets into struct pt_regs come from offsetof,
 * so reordering the structure moves the assembly with it.
 *
 * Relies on: the headers below; the Makefile's rule for asm-offsets.inc.
 */
#include <multiboot.h>
#include <setup.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/sections.h>
#include <asm/segment.h>
#include <asm/traps.h>
#include <asm/x86.h>
#include <uapi/errno.h>

/* "i": the compiler must know the value now; %c0 prints it without the '$'. */
#define DEFINE(sym, val) \
	asm volatile("\n.ascii \"->" #sym " %c0\"" : : "i"((long long)(val)))
#define OFFSET(sym, str, mem)	DEFINE(sym, __builtin_offsetof(struct str, mem))

void asm_offsets(void);

void asm_offsets(void)
{
	/* struct pt_regs, as entry_32.asm builds it. */
	OFFSET(PT_EBX, pt_regs, ebx);
	OFFSET(PT_ECX, pt_regs, ecx);
	OFFSET(PT_EDX, pt_regs, edx);
	OFFSET(PT_ESI, pt_regs, esi);
	OFFSET(PT_EDI, pt_regs, edi);
	OFFSET(PT_EBP, pt_regs, ebp);
	OFFSET(PT_EAX, pt_regs, eax);
	OFFSET(PT_DS, pt_regs, ds);
	OFFSET(PT_ES, pt_regs, es);
	OFFSET(PT_FS, pt_regs, fs);
	OFFSET(PT_GS, pt_regs, gs);
	OFFSET(PT_VECTOR, pt_regs, vector);
	OFFSET(PT_ERROR_CODE, pt_regs, error_code);
	OFFSET(PT_EIP, pt_regs, eip);
	OFFSET(PT_CS, pt_regs, cs);
	OFFSET(PT_EFLAGS, pt_regs, eflags);
	OFFSET(PT_OLDESP, pt_regs, esp);
	OFFSET(PT_OLDSS, pt_regs, ss);
	DEFINE(PT_REGS_SIZE, sizeof(struct pt_regs));

	/* Segment selectors (asm/segment.h). */
	DEFINE(__KERNEL_CS, __KERNEL_CS);
	DEFINE(__KERNEL_DS, __KERNEL_DS);
	DEFINE(__USER_CS, __USER_CS);
	DEFINE(__USER_DS, __USER_DS);

	/* Vectors and system calls. */
	DEFINE(X86_TRAP_PF, X86_TRAP_PF);
	DEFINE(X86_TRAP_IRET, X86_TRAP_IRET);
	DEFINE(SYSCALL_VECTOR, SYSCALL_VECTOR);
	DEFINE(NR_TRAP_STUBS, FIRST_EXTERNAL_VECTOR + NR_IRQS);
	DEFINE(ENOSYS, ENOSYS);

	/* Memory layout and the boot page tables (boot/head.asm). */
	DEFINE(PAGE_OFFSET, PAGE_OFFSET);
	DEFINE(PAGE_SIZE, PAGE_SIZE);
	DEFINE(PAGE_SHIFT, PAGE_SHIFT);
	DEFINE(PGDIR_SHIFT, PGDIR_SHIFT);
	DEFINE(PTRS_PER_PTE, PTRS_PER_PTE);
	DEFINE(THREAD_SIZE, THREAD_SIZE);
	DEFINE(BOOT_MAP_SIZE, BOOT_MAP_SIZE);
	DEFINE(BOOT_PT_COUNT, BOOT_MAP_SIZE / PGDIR_SIZE);
	DEFINE(_PAGE_PRESENT, _PAGE_PRESENT);
	DEFINE(_PAGE_RW, _PAGE_RW);
	DEFINE(X86_CR0_WP, X86_CR0_WP);
	DEFINE(X86_CR0_PG, X86_CR0_PG);

	/* The Multiboot header (boot/head.asm). */
	DEFINE(MULTIBOOT_HEADER_MAGIC, MULTIBOOT_HEADER_MAGIC);
	DEFINE(MULTIBOOT_HEADER_FLAGS, MULTIBOOT_HEADER_FLAGS);
}

/*
 * The sysenter fast system call (Linux's enable_sep_cpu()): the three SYSENTER MSRs,
 * set once at boot when the CPU has SEP (CPUID leaf 1, edx bit 11).
 *
 *	SYSENTER_CS	__KERNEL_CS: sysenter loads CS from it and SS from it + 8
 *			(__KERNEL_DS); sysexit loads CS from it + 16 | 3 (__USER_CS) and
 *			SS from it + 24 | 3 (__USER_DS): the GDT (asm/segment.h) is laid
 *			out for exactly this.
 *	SYSENTER_ESP	the top of sysenter_stack, a small stack of our own: sysenter
 *			does not switch to the task's stack, so entry_SYSENTER_32's
 *			first instruction loads it from the TSS's esp0. The stack is
 *			there only for a debug trap taken on that first instruction.
 *
 * That trap: sysenter keeps TF, so a program that sets it (popf) right before sysenter
 * gets a single-step trap on the kernel's first instruction, in ring 0 with the user's
 * TF still set, until entry_SYSENTER_32 loads clean flags. sysenter_debug_fixup(),
 * called by do_trap() for every exception in kernel mode, recognises it (a #DB whose
 * eip lies before sysenter_flags_clean) and returns to the entry with TF cleared, as
 * Linux's exc_debug() does; the program's TF is then lost for that call (Linux keeps it
 * as TIF_SINGLESTEP; this kernel has no debugger interface to give it to). It must look
 * at nothing but regs: current cannot be found from that stack.
 *	SYSENTER_EIP	entry_SYSENTER_32 (arch/x86/kernel/entry_32.asm).
 *
 * Relies on: cpuid, the GDT layout, init_tss (its esp0 at offset 4, which the entry
 * code reads directly).
 */
#include <vdso.h>
#include <printk.h>
#include <stddef.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/x86.h>

#define MSR_IA32_SYSENTER_CS	0x174
#define MSR_IA32_SYSENTER_ESP	0x175
#define MSR_IA32_SYSENTER_EIP	0x176

#define X86_EFLAGS_TF		0x100
#define X86_FEATURE_SEP		(1U << 11)	/* CPUID 1, edx */

_Static_assert(offsetof(struct tss_struct, esp0) == 4, "entry_SYSENTER_32 reads esp0 at 4");
_Static_assert(GDT_ENTRY_KERNEL_DS == GDT_ENTRY_KERNEL_CS + 1 &&
	       GDT_ENTRY_DEFAULT_USER_CS == GDT_ENTRY_KERNEL_CS + 2 &&
	       GDT_ENTRY_DEFAULT_USER_DS == GDT_ENTRY_KERNEL_CS + 3,
	       "sysenter/sysexit need kernel CS, kernel DS, user CS, user DS in a row");

extern char entry_SYSENTER_32[], sysenter_flags_clean[];

static u32 sysenter_stack[256] __aligned(16);	/* a trap frame, do_trap(), this file */

static inline void wrmsr(u32 msr, u32 lo, u32 hi)
{
	asm volatile("wrmsr" : : "c"(msr), "a"(lo), "d"(hi));
}

/* SEP, and not a Pentium Pro before stepping 3 of model 3, whose bit lies (Intel's note). */
static bool cpu_has_sep(void)
{
	u32 a, b, c, d, family, model, stepping;

	cpuid(0, &a, &b, &c, &d);
	if (a < 1)
		return false;
	cpuid(1, &a, &b, &c, &d);
	family = (a >> 8) & 0xf;
	model = (a >> 4) & 0xf;
	stepping = a & 0xf;
	if (family == 6 && model < 3 && stepping < 3)
		return false;
	return d & X86_FEATURE_SEP;
}

bool sysenter_setup(void)
{
	if (!cpu_has_sep())
		return false;
	wrmsr(MSR_IA32_SYSENTER_CS, __KERNEL_CS, 0);
	wrmsr(MSR_IA32_SYSENTER_ESP, (u32)(uintptr_t)(sysenter_stack + ARRAY_SIZE(sysenter_stack)),
	      0);
	wrmsr(MSR_IA32_SYSENTER_EIP, (u32)(uintptr_t)entry_SYSENTER_32, 0);
	return true;
}

bool sysenter_debug_fixup(struct pt_regs *regs)
{
	if (regs->vector != X86_TRAP_DB || regs->eip < (u32)(uintptr_t)entry_SYSENTER_32 ||
	    regs->eip >= (u32)(uintptr_t)sysenter_flags_clean)
		return false;
	regs->eflags &= ~X86_EFLAGS_TF;
	return true;
}

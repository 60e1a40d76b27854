/*
 * Switching the FPU and SSE on, and each process's copy of their registers.
 *
 * See include/asm/fpu.h for when the state is saved and restored (and why so rarely).
 * At boot: CR0.EM off (no emulation: the FPU exists), CR0.MP and CR0.NE on (wait/fwait
 * honours TS, x87 errors raise #MF rather than the ancient IRQ 13), CR0.TS off (no lazy
 * switching: the switch saves eagerly). If CPUID says FXSR and SSE exist, CR4.OSFXSR tells
 * the CPU the OS saves the SSE registers with fxsave (without it SSE instructions raise
 * #UD) and CR4.OSXMMEXCPT lets unmasked SIMD exceptions raise #XM (SIGFPE), not #UD.
 * CR4.OSXSAVE stays off, so AVX is unavailable and XCR0 needs no handling; glibc then
 * sees no AVX in CPUID's OSXSAVE bit and keeps to SSE2.
 *
 * A CPU without FXSR (none that QEMU emulates by default) falls back to fnsave/frstor of
 * the 108-byte x87 image, in the same 512-byte area.
 *
 * Relies on: cpuid, read/write_cr0/cr4 (asm/x86.h).
 */
#include <asm/fpu.h>
#include <asm/x86.h>
#include <kernel.h>
#include <string.h>

#define CPUID_FPU	(1u << 0)
#define CPUID_FXSR	(1u << 24)
#define CPUID_SSE	(1u << 25)

static bool has_fxsr, has_sse;

/* What fninit + the default MXCSR leave in the registers: every process starts here. */
static u8 init_fpstate[FPU_STATE_SIZE] __aligned(FPU_STATE_ALIGN);

bool fpu_has_fxsr(void)
{
	return has_fxsr;
}

void fpu_save(void *state)
{
	if (has_fxsr)
		asm volatile("fxsave (%0)" : : "r"(state) : "memory");
	else
		asm volatile("fnsave (%0); fwait" : : "r"(state) : "memory");
}

void fpu_restore(const void *state)
{
	if (has_fxsr)
		asm volatile("fxrstor (%0)" : : "r"(state) : "memory");
	else
		asm volatile("frstor (%0)" : : "r"(state) : "memory");
}

void fpu_reset(void)
{
	fpu_restore(init_fpstate);
}

void fpu_state_init(void *state)
{
	memcpy(state, init_fpstate, FPU_STATE_SIZE);
}

void fpu_init(void)
{
	u32 a, b, c, d, mxcsr = MXCSR_DEFAULT;
	unsigned long cr0, cr4;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & CPUID_FPU))
		panic("no x87 FPU: this kernel needs an i686-class CPU");
	has_fxsr = d & CPUID_FXSR;
	has_sse = has_fxsr && (d & CPUID_SSE);

	cr0 = read_cr0();
	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	cr0 |= X86_CR0_AM;	/* not the FPU's, but set with it: user EFLAGS.AC works, as on Linux */
	write_cr0(cr0);
	if (has_fxsr) {
		cr4 = read_cr4() | X86_CR4_OSFXSR;
		if (has_sse)
			cr4 |= X86_CR4_OSXMMEXCPT;
		write_cr4(cr4);
	}

	asm volatile("fninit");
	if (has_sse)
		asm volatile("ldmxcsr %0" : : "m"(mxcsr));
	fpu_save(init_fpstate);
	pr_info("FPU: x87%s%s, state saved with %s\n", has_fxsr ? " FXSR" : "",
		has_sse ? " SSE (CR4.OSFXSR|OSXMMEXCPT on)" : "",
		has_fxsr ? "fxsave" : "fnsave");
}

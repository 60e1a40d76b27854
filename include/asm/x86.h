/*
 * Thin wrappers around the x86 instructions the kernel needs: port I/O, control
 * registers, TLB invalidation, interrupts on/off, rdtsc. Each is one instruction;
 * "memory" clobbers stop the compiler from moving memory accesses across the ones
 * that change how memory is seen (CR3, invlpg, cli/sti).
 */
#ifndef _ASM_X86_H
#define _ASM_X86_H

#include "../types.h"

static inline void outb(u16 port, u8 val)
{
	asm volatile("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;
	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(u16 port, u32 val)
{
	asm volatile("outl %0, %1" : : "a"(val), "Nd"(port));
}

#define DEFINE_CR(n)								\
static inline unsigned long read_cr##n(void)					\
{										\
	unsigned long v;							\
	asm volatile("mov %%cr" #n ", %0" : "=r"(v));				\
	return v;								\
}										\
static inline void write_cr##n(unsigned long v)				\
{										\
	asm volatile("mov %0, %%cr" #n : : "r"(v) : "memory");			\
}
DEFINE_CR(0)
DEFINE_CR(2)
#ifndef HOST_TEST
DEFINE_CR(3)
#endif
DEFINE_CR(4)
#undef DEFINE_CR

#define X86_CR0_WP	(1UL << 16)
#define X86_CR0_PG	(1UL << 31)
#define X86_CR0_EM	(1UL << 2)
#define X86_CR0_MP	(1UL << 1)
#define X86_CR0_TS	(1UL << 3)
#define X86_CR0_NE	(1UL << 5)
#define X86_CR0_AM	(1UL << 18)	/* alignment checks in ring 3 when EFLAGS.AC is set */
#define X86_CR4_PGE	(1UL << 7)
#define X86_CR4_OSFXSR	(1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)

#define X86_EFLAGS_IF	0x200UL

#ifndef HOST_TEST
static inline void invlpg(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}
#else
/*
 * Host unit tests (tests/host) compile mm/pgtable.c natively, where there is no CPU to
 * program: CR3 is a variable holding the "physical" address of the page directory,
 * and every TLB flush (a CR3 load, an invlpg) is only counted. Both variables live in
 * tests/host/host_env.c.
 */
extern unsigned long host_cr3;
extern unsigned long host_tlb_flushes;

static inline unsigned long read_cr3(void)
{
	return host_cr3;
}

static inline void write_cr3(unsigned long v)
{
	host_cr3 = v;
	host_tlb_flushes++;
}

static inline void invlpg(unsigned long addr)
{
	(void)addr;
	host_tlb_flushes++;
}
#endif

/* Reloading CR3 drops every TLB entry that is not global. */
static inline void flush_tlb_all(void)
{
	write_cr3(read_cr3());
}

static inline void local_irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline unsigned long local_irq_save(void)
{
	unsigned long flags;
	asm volatile("pushf; pop %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

static inline void halt(void)
{
	asm volatile("hlt");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;
	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	asm volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

/*
 * Leave QEMU through its isa-debug-exit device (port 0xf4): the host sees exit status
 * (code << 1) | 1. Without that device the write is ignored and we halt instead.
 */
#define QEMU_EXIT_PASS	0x10	/* host sees 33 */
#define QEMU_EXIT_FAIL	0x11	/* host sees 35: tests failed */
#define QEMU_EXIT_PANIC	0x12	/* host sees 37: panic or oops */
__noreturn void machine_exit(int code);
__noreturn void machine_halt(void);

#endif /* _ASM_X86_H */

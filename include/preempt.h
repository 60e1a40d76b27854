/*
 * Which context the CPU is in, and the check that keeps sleeping code out of the
 * contexts that cannot sleep (Linux's preempt_count, in_interrupt() and might_sleep()).
 *
 * One CPU, a non-preemptive kernel (docs/concurrency.md): preempt_count only counts
 * hard interrupt nesting, in HARDIRQ_OFFSET units as Linux keeps it. irq_enter() and
 * irq_exit() bracket every interrupt handler (arch/x86/kernel/traps.c).
 *
 * might_sleep() marks a function that may sleep (schedule(), a GFP_KERNEL allocation).
 * Called in an interrupt handler or with interrupts off, it prints Linux's report,
 *	BUG: sleeping function called from invalid context at FILE:LINE
 *	in_atomic(): 0, irqs_disabled(): 1, pid: 3, name: prog
 *	caller is func+0x12/0x40
 * and carries on. Before start_kernel() first enables interrupts everything runs with
 * them off and nothing can sleep anyway, so the check stays quiet then
 * (early_boot_irqs_disabled, as Linux's).
 *
 * Relies on: the interrupt flag (asm/x86.h); __might_sleep is in kernel/sched/core.c.
 */
#ifndef _PREEMPT_H
#define _PREEMPT_H

#include "types.h"
#include "asm/x86.h"

#define HARDIRQ_SHIFT	16
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)
#define HARDIRQ_MASK	(0xfUL << HARDIRQ_SHIFT)

extern unsigned long __preempt_count;
extern bool early_boot_irqs_disabled;

static inline unsigned long preempt_count(void)
{
	return __preempt_count;
}

#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define in_irq()	(hardirq_count() != 0)
#define in_interrupt()	(hardirq_count() != 0)	/* no softirqs, no NMI handlers */

static inline void irq_enter(void)
{
	__preempt_count += HARDIRQ_OFFSET;
}

static inline void irq_exit(void)
{
	__preempt_count -= HARDIRQ_OFFSET;
}

static inline bool irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

static inline bool irqs_disabled(void)
{
	unsigned long flags;

	asm volatile("pushf; pop %0" : "=r"(flags));
	return irqs_disabled_flags(flags);
}

/* Report (once per call) if sleeping is not allowed here; caller is who to blame. */
void __might_sleep(const char *file, int line, unsigned long caller);
/* Is sleeping allowed now? The test __might_sleep makes, for callers with own reports. */
bool sleep_allowed(void);

#define might_sleep() \
	__might_sleep(__FILE__, __LINE__, (unsigned long)__builtin_return_address(0))
#define might_sleep_if(cond) do {						\
	if (cond)								\
		might_sleep();							\
} while (0)

#endif /* _PREEMPT_H */

/*
 * The 8253/8254 programmable interval timer: the clock tick.
 *
 * Channel 0 counts down from PIT_TICK_RATE / HZ at 1.193182 MHz and raises IRQ 0 each
 * time it wraps (mode 2, rate generator), so jiffies advances HZ times a second.
 * Under QEMU's TCG the tick follows the host clock, not the instructions executed.
 * Each tick also runs the expired timers (kernel/timer.c: nanosleep's wake-ups) and
 * counts down the running task's time slice (scheduler_tick, kernel/sched/core.c).
 */
#include <asm/traps.h>
#include <asm/x86.h>
#include <jiffies.h>
#include <sched.h>
#include <timer.h>
#include <vdso.h>

#define PIT_TICK_RATE	1193182
#define PIT_CH0		0x40
#define PIT_MODE	0x43

volatile unsigned long jiffies;
static u64 tsc_at_first_tick, tsc_per_tick;

static void timer_interrupt(struct pt_regs *regs)
{
	(void)regs;
	jiffies++;
	if (jiffies == 1)
		tsc_at_first_tick = rdtsc();
	else if (jiffies == 11)
		tsc_per_tick = (rdtsc() - tsc_at_first_tick) / 10;
	timekeeping_tick();	/* kernel/time.c: the clocks and the vDSO's copy */
	run_timers();
	scheduler_tick();
}

void time_init(void)
{
	u16 latch = (PIT_TICK_RATE + HZ / 2) / HZ;

	outb(PIT_MODE, 0x34);	/* channel 0, lo/hi byte, mode 2, binary */
	outb(PIT_CH0, latch & 0xff);
	outb(PIT_CH0, latch >> 8);
	request_irq(0, timer_interrupt);
}

/* 0 until ten ticks have been seen. */
u64 tsc_khz_estimate(void)
{
	return tsc_per_tick * HZ / 1000;
}

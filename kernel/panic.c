/*
 * panic() and WARN_ON(): reporting a broken invariant.
 *
 * panic prints the message with the file and line that called it and a backtrace, then
 * stops. While a self-test runs, the test counts as failed and the runner goes on with
 * the next one (ktest_abort); outside tests the machine stops, and under QEMU the exit
 * status tells the host it was a panic, not a clean stop.
 */
#include <kernel.h>
#include <kallsyms.h>
#include <ktest.h>
#include <asm/x86.h>

void dump_stack(void)
{
	const unsigned long *frame;

	/* Start at our caller: its return address, then its caller's frame. */
	asm volatile("mov %%ebp, %0" : "=r"(frame));
	show_trace(frame[1], frame[0]);
}

__noreturn void __panic(const char *file, int line, const char *fmt, ...)
{
	static char msg[256];
	va_list ap;

	local_irq_disable();
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic at %s:%d: %s\n", file, line, msg);
	printk(KERN_EMERG "Call Trace:\n");
	dump_stack();
	ktest_abort();
	printk(KERN_EMERG "---[ end Kernel panic ]---\n");
	machine_exit(QEMU_EXIT_PANIC);
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: at %s:%d: %s\n", file, line, cond);
	dump_stack();
}

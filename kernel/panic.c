/*
 * panic(), WARN_ON() and the reports of kernel bugs.
 *
 * panic prints the message with the file and line that called it and a backtrace, then
 * calls the panic notifiers (panic_notifier_list) and stops; under QEMU the exit
 * status tells the host it was a panic, not a clean stop. A notifier may leave
 * instead of returning: the self-test runner counts the running test as failed and
 * goes on with the next one.
 *
 * pr_report() prints the first line of a report of a kernel bug that the kernel
 * survives (a WARNING, a "BUG: Bad page free", a slab corruption) and passes that line
 * to report_notifier_list, so whoever cares (the self-test runner) learns that one
 * came, whatever the log level lets through.
 *
 * Relies on: printk, show_trace (kallsyms), the notifier chains (kernel/notifier.c).
 */
#include <kernel.h>
#include <kallsyms.h>
#include <notifier.h>
#include <string.h>
#include <asm/x86.h>

ATOMIC_NOTIFIER_HEAD(panic_notifier_list);
ATOMIC_NOTIFIER_HEAD(report_notifier_list);

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
	atomic_notifier_call_chain(&panic_notifier_list, 0, msg);
	printk(KERN_EMERG "---[ end Kernel panic ]---\n");
	machine_exit(QEMU_EXIT_PANIC);
}

void pr_report(const char *fmt, ...)
{
	char line[384], level_fmt[5] = KERN_SOH "4%s";
	const char *text = line;
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	if (vsnprintf(line, sizeof(line), fmt, ap) >= (int)sizeof(line))
		line[sizeof(line) - 2] = '\n';	/* cut short, but still a whole line */
	va_end(ap);
	/* printk takes the level from its format only, so rebuild one: "\001N%s". */
	if (line[0] == KERN_SOH[0] && line[1] >= '0' && line[1] <= '7') {
		level_fmt[1] = line[1];
		text += 2;
	}
	printk(level_fmt, text);
	n = strlen(line);
	if (n && line[n - 1] == '\n')
		line[n - 1] = '\0';	/* the listeners get the line without its newline */
	atomic_notifier_call_chain(&report_notifier_list, 0, (void *)text);
}

void __warn(const char *file, int line, const char *cond)
{
	pr_report(KERN_WARNING "WARNING: at %s:%d: %s\n", file, line, cond);
	dump_stack();
}

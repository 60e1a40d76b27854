/*
 * The kernel's own part of a system call: everything from "int $0x80" to "iret", for
 * getpid (a handler of a few instructions) and for an unknown number (-ENOSYS), called
 * from kernel mode so that no user program's instructions are counted. From ring 3 the
 * CPU also switches stacks, which costs cycles but no instructions.
 */
#include <bench.h>
#include <sched.h>
#include <syscalls.h>

static long raw_syscall0(long nr)
{
	long ret;

	asm volatile("int $0x80" : "=a"(ret) : "a"(nr) : "memory");
	return ret;
}

static u64 syscall_cost(long nr)
{
	u64 t[BENCH_SAMPLES];
	int i;

	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		raw_syscall0(nr);
		t[i] = bench_end(t0);
	}
	return bench_median(t, BENCH_SAMPLES);
}

BENCH(syscall)
{
	static struct task_struct fake = { .pid = 1 };
	struct task_struct *saved = current;

	current = &fake;	/* getpid reads current->pid */
	bench_report("syscall: getpid through int $0x80, kernel part", syscall_cost(__NR_getpid),
		     "instructions");
	bench_report("syscall: unknown number (-ENOSYS), kernel part", syscall_cost(449),
		     "instructions");
	current = saved;
}

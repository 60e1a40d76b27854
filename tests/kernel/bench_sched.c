/*
 * The cost of a context switch between two kernel threads: schedule() picking the
 * other one, switch_mm (nothing to load: both use the kernel's directory), __switch_to
 * (TSS.esp0, %fs/%gs; no FPU or TLS work for kernel threads) and the stack switch.
 * Thread "ping" times a schedule() that goes to "pong" and back: two switches.
 * A switch between two user processes adds an fxsave, an fxrstor, load_TLS and a CR3
 * load; that is measured once fork exists (issue 14: the pipe round trip).
 */
#include <bench.h>
#include <sched.h>

static volatile bool bench_done;
static u64 samples[BENCH_SAMPLES];

static int pong(void *arg)
{
	(void)arg;
	while (!bench_done)
		schedule();
	return 0;
}

static int ping(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		schedule();
		samples[i] = bench_end(t0);
	}
	bench_done = true;
	return 0;
}

BENCH(sched)
{
	struct task_struct *a, *b;

	bench_done = false;
	a = kthread_create(ping, NULL, "ping");
	b = kthread_create(pong, NULL, "pong");
	if (!a || !b) {
		bench_report("sched: could not create the threads", 0, "instructions");
		return;
	}
	wake_up_process(b);
	wake_up_process(a);
	kernel_wait(a);		/* we sleep: only ping and pong are runnable */
	kernel_wait(b);
	bench_report("sched: switch between two kernel threads (schedule+switch_to)",
		     bench_median(samples, BENCH_SAMPLES) / 2, "instructions");
}

/*
 * Self-tests for wait queues (kernel/wait.c, include/wait.h): a kernel thread sleeps
 * until another task (a thread, the test itself, or an interrupt handler) makes its
 * condition true and wakes it; a wake-up that comes between the check and schedule()
 * is not lost; exclusive waiters wake one at a time. The interrupt tests also check
 * what an interrupt handler may and may not do (docs/concurrency.md).
 */
#include <ktest.h>
#include <mm.h>
#include <preempt.h>
#include <sched.h>
#include <slab.h>
#include <wait.h>
#include <asm/traps.h>

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static volatile int cond_value;
static int wakeups;

static int sleeper(void *arg)
{
	(void)arg;
	wait_event(test_wq, cond_value >= 3);
	return cond_value;
}

/* Counts how often it is woken: a manual prepare_to_wait loop. */
static int counting_sleeper(void *arg)
{
	DEFINE_WAIT(wait);

	(void)arg;
	for (;;) {
		prepare_to_wait(&test_wq, &wait, TASK_UNINTERRUPTIBLE);
		if (cond_value >= 3)
			break;
		schedule();
		wakeups++;
	}
	finish_wait(&test_wq, &wait);
	return 0;
}

static int waker(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 3; i++) {
		cond_value++;
		wake_up(&test_wq);
		schedule();		/* let the sleeper look */
	}
	return 0;
}

static void run_until_asleep(struct task_struct *t)
{
	int tries = 0;

	while ((t->on_rq || t->state == TASK_RUNNING) && tries++ < 100)
		schedule();
}

/* A sleeper() thread, run until it sleeps in wait_event(); NULL without memory. */
static struct task_struct *start_sleeper(void)
{
	struct task_struct *t;

	cond_value = 0;
	t = kthread_run(sleeper, NULL, "sleeper");
	if (t)
		run_until_asleep(t);
	return t;
}

KTEST(wait, wait_event_sleeps_until_the_condition_is_woken_true)
{
	struct task_struct *t = start_sleeper();

	KTEST_ASSERT_NOT_NULL(t);
	KTEST_EXPECT_EQ(t->state, TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_FALSE(t->on_rq);
	KTEST_EXPECT_TRUE(waitqueue_active(&test_wq));

	cond_value = 1;			/* woken, but the condition is still false */
	wake_up(&test_wq);
	KTEST_EXPECT_EQ(t->state, TASK_RUNNING);
	run_until_asleep(t);
	KTEST_EXPECT_EQ(t->state, TASK_UNINTERRUPTIBLE);	/* it went back to sleep */

	cond_value = 3;
	wake_up(&test_wq);
	KTEST_EXPECT_EQ(kernel_wait(t), 3);
	KTEST_EXPECT_FALSE(waitqueue_active(&test_wq));
}

KTEST(wait, a_kernel_thread_wakes_another)
{
	struct task_struct *s, *w;

	cond_value = 0;
	wakeups = 0;
	s = kthread_run(counting_sleeper, NULL, "sleeper");
	KTEST_ASSERT_NOT_NULL(s);
	run_until_asleep(s);
	w = kthread_run(waker, NULL, "waker");
	KTEST_ASSERT_NOT_NULL(w);
	KTEST_EXPECT_EQ(kernel_wait(w), 0);
	KTEST_EXPECT_EQ(kernel_wait(s), 0);
	KTEST_EXPECT_EQ(wakeups, 3);		/* one per wake_up: none lost, none extra */
	KTEST_EXPECT_FALSE(waitqueue_active(&test_wq));
}

KTEST(wait, a_wake_up_before_schedule_is_not_lost)
{
	DEFINE_WAIT(wait);

	prepare_to_wait(&test_wq, &wait, TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_EQ(current->state, TASK_UNINTERRUPTIBLE);
	/* As if an interrupt woke us between the condition check and schedule(): */
	wake_up(&test_wq);
	KTEST_EXPECT_EQ(current->state, TASK_RUNNING);
	KTEST_EXPECT_FALSE(waitqueue_active(&test_wq));	/* autoremove took the entry */
	schedule();			/* returns: we are still runnable */
	finish_wait(&test_wq, &wait);
	KTEST_EXPECT_EQ(current->state, TASK_RUNNING);
}

static int exclusive_sleeper(void *arg)
{
	DEFINE_WAIT(wait);

	(void)arg;
	prepare_to_wait_exclusive(&test_wq, &wait, TASK_UNINTERRUPTIBLE);
	schedule();
	finish_wait(&test_wq, &wait);
	return 0;
}

static int count_running(struct task_struct **t, int n)
{
	int i, r = 0;

	for (i = 0; i < n; i++)
		r += t[i]->state == TASK_RUNNING;
	return r;
}

KTEST(wait, exclusive_waiters_wake_one_at_a_time)
{
	struct task_struct *t[3];
	int i;

	for (i = 0; i < 3; i++) {
		t[i] = kthread_run(exclusive_sleeper, NULL, "excl");
		KTEST_ASSERT_NOT_NULL(t[i]);
	}
	for (i = 0; i < 3; i++)
		run_until_asleep(t[i]);
	KTEST_EXPECT_EQ(count_running(t, 3), 0);
	wake_up(&test_wq);
	KTEST_EXPECT_EQ(count_running(t, 3), 1);
	KTEST_EXPECT_EQ(t[0]->state, TASK_RUNNING);	/* the first in line */
	wake_up_all(&test_wq);
	KTEST_EXPECT_EQ(count_running(t, 3), 3);
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(kernel_wait(t[i]), 0);
}

/*
 * A real interrupt: "int $0x25" reaches do_trap() as IRQ 5 (no device uses it), so
 * irq_enter()/irq_exit() bracket the handler as for the timer.
 */
#define TEST_IRQ	5

static volatile int irq_mode;
static bool irq_saw_interrupt;
static void *irq_object;
static struct page *irq_page;

static void test_irq_handler(struct pt_regs *regs)
{
	(void)regs;
	irq_saw_interrupt = in_interrupt();
	if (irq_mode == 1) {
		cond_value = 3;
		wake_up(&test_wq);
	} else if (irq_mode == 2) {
		irq_page = alloc_page(GFP_ATOMIC);	/* allowed */
	} else if (irq_mode == 3) {
		irq_object = kmalloc(24, GFP_ATOMIC);	/* not allowed: the slab is not irq-safe */
	} else if (irq_mode == 4) {
		schedule();				/* reported, and refused */
	}
}

static void raise_test_irq(int mode)
{
	static bool registered;

	if (!registered) {
		request_irq(TEST_IRQ, test_irq_handler);
		registered = true;
	}
	irq_mode = mode;
	irq_saw_interrupt = false;
	asm volatile("int $0x25" : : : "memory");
	irq_mode = 0;
}

KTEST(wait, an_interrupt_handler_wakes_a_sleeper)
{
	struct task_struct *t = start_sleeper();

	KTEST_ASSERT_NOT_NULL(t);
	KTEST_EXPECT_EQ(t->state, TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_FALSE(in_interrupt());
	raise_test_irq(1);
	KTEST_EXPECT_TRUE(irq_saw_interrupt);
	KTEST_EXPECT_FALSE(in_interrupt());		/* irq_exit() balanced irq_enter() */
	KTEST_EXPECT_EQ(t->state, TASK_RUNNING);
	KTEST_EXPECT_EQ(kernel_wait(t), 3);
}

KTEST(wait, interrupt_handlers_may_allocate_only_atomic_pages)
{
	ktest_capture_start();
	raise_test_irq(2);
	KTEST_EXPECT_FALSE(ktest_capture_contains("BUG:"));
	KTEST_EXPECT_NOT_NULL(irq_page);
	if (irq_page)
		__free_page(irq_page);
	raise_test_irq(3);
	KTEST_EXPECT_LOGGED("BUG: slab allocation in interrupt context, caller is test_irq_handler+");
	kfree(irq_object);
	raise_test_irq(4);
	KTEST_EXPECT_LOGGED("BUG: sleeping function called from invalid context at kernel/sched/core.c");
	KTEST_EXPECT_LOGGED("in_atomic(): 1, irqs_disabled(): 1");
	ktest_capture_stop();
	KTEST_EXPECT_EQ(current->pid, 1);	/* schedule() from the handler did not switch */
}

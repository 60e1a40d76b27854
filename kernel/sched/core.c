/*
 * The scheduler (Linux's kernel/sched/core.c, reduced to one CPU and round robin).
 *
 * The run queue is a list of the runnable tasks (state TASK_RUNNING), the running one
 * included; the idle task is never on it and runs when it is empty. schedule() moves
 * the running task to the tail if it is still runnable, takes it off if it went to
 * sleep (its state was set before the call: see include/wait.h), and switches to the
 * task at the head.
 *
 * Time slices: each task runs RR_TIMESLICE ticks (100 ms, Linux's SCHED_RR slice) at a
 * time. scheduler_tick(), from the timer interrupt, counts them down and, when the
 * slice is used up and another task is runnable, sets need_resched. The switch happens
 * only on the way back to user mode from an interrupt (schedule_user(), called by
 * entry_32.asm's common_entry), never inside the kernel: the kernel stays non-preemptive
 * (docs/concurrency.md, rule 1). A task that is in a system call when its slice ends
 * is switched at the next tick that finds it in user mode, or when it sleeps.
 *
 * Locking (docs/concurrency.md): rq_lock with interrupts off, because an interrupt
 * handler may wake a task. schedule() takes it and the task switched to releases it
 * (finish_task_switch, or schedule_tail for a new task), as in Linux; interrupts come
 * back on with the flags each task saved on its own stack.
 *
 * Also here: might_sleep()'s report, and the idle loop.
 *
 * Relies on: switch_to (arch/x86/kernel/process_32.c), switch_pgd, kallsyms.
 */
#include <sched.h>
#include <kallsyms.h>
#include <kernel.h>
#include <pgtable.h>
#include <preempt.h>
#include <spinlock.h>
#include <syscalls.h>
#include <uaccess.h>
#include <asm/fpu.h>
#include <asm/x86.h>

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.flags = PF_KTHREAD,
	.pid = 0,
	.comm = "swapper",
	.stack = boot_stack,
	.thread = { .sp0 = (unsigned long)boot_stack_top },
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.parent = &init_task,
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_task.wait_chldexit),
	.cred = { .cap_permitted = true, .cap_effective = true },	/* root, every id 0 */
};

struct task_struct *current = &init_task;
unsigned long __preempt_count;
bool early_boot_irqs_disabled = true;
unsigned long nr_context_switches;
volatile int need_resched;

static DEFINE_SPINLOCK(rq_lock);
static LIST_HEAD(run_queue);
static int rq_nr_running;

void sched_init(void)
{
	current = &init_task;
}

int nr_running(void)
{
	return rq_nr_running;
}

static void enqueue_task(struct task_struct *p)
{
	list_add_tail(&p->run_list, &run_queue);
	p->on_rq = true;
	rq_nr_running++;
}

static void dequeue_task(struct task_struct *p)
{
	list_del_init(&p->run_list);
	p->on_rq = false;
	rq_nr_running--;
}

int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	int woken = 0;

	spin_lock_irqsave(&rq_lock, flags);
	if (p->state & state) {
		p->state = TASK_RUNNING;
		if (!p->on_rq && p != &init_task)
			enqueue_task(p);
		woken = 1;
	}
	spin_unlock_irqrestore(&rq_lock, flags);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}

void wake_up_new_task(struct task_struct *p)
{
	try_to_wake_up(p, TASK_NORMAL);
}

/* Kernel threads run on the kernel's own directory: no lazy TLB (active_mm) yet. */
static void switch_mm(struct mm_struct *next)
{
	pgd_t *pgd = next ? next->pgd : swapper_pg_dir;

	if (current_pgd() != pgd)
		switch_pgd(pgd);
}

/* On next's stack, rq_lock held, interrupts off. */
static void finish_task_switch(struct task_struct *prev)
{
	(void)prev;		/* a dead prev is freed by its parent (release_task) */
	spin_unlock(&rq_lock);
}

void schedule_tail(struct task_struct *prev)
{
	struct task_struct *p = current;

	finish_task_switch(prev);
	local_irq_enable();
	/* CLONE_CHILD_SETTID: the child writes its pid in its own memory (a fault is ignored). */
	if (p->set_child_tid)
		(void)copy_to_user((void *)p->set_child_tid, &p->pid, sizeof(p->pid));
}

/* Timer interrupt: the running task's slice. The idle task has none. */
void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p == &init_task)
		return;
	if (--p->time_slice > 0)
		return;
	p->time_slice = RR_TIMESLICE;
	if (rq_nr_running > 1)
		need_resched = 1;
}

/*
 * From entry_32.asm on the way back to user mode after an interrupt, interrupts off,
 * nothing held: the task's kernel work is done, so switching here is no preemption of
 * the kernel. Another tick may have set the flag again by the time we come back.
 */
void schedule_user(void)
{
	while (need_resched) {
		local_irq_enable();
		schedule();
		local_irq_disable();
	}
}

long sys_sched_yield(void)
{
	schedule();		/* round robin: the running task goes to the tail */
	return 0;
}

static struct task_struct *pick_next_task(struct task_struct *prev)
{
	if (prev->on_rq)
		list_move_tail(&prev->run_list, &run_queue);	/* round robin */
	if (list_empty(&run_queue))
		return &init_task;
	return list_first_entry(&run_queue, struct task_struct, run_list);
}

void schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	if (unlikely(!sleep_allowed())) {
		__might_sleep(__FILE__, __LINE__, (unsigned long)__builtin_return_address(0));
		if (in_interrupt())
			return;		/* switching away would strand the interrupted task */
	}
	flags = local_irq_save();
	spin_lock(&rq_lock);
	if (prev->state != TASK_RUNNING && prev->on_rq)
		dequeue_task(prev);
	next = pick_next_task(prev);
	need_resched = 0;
	if (next != prev) {
		nr_context_switches++;
		switch_mm(next->mm);
		current = next;
		prev = switch_to(prev, next);
		/* Now we are next again, resumed by whoever ran last ("prev"). */
	}
	finish_task_switch(prev);
	local_irq_restore(flags);
}

/*
 * The idle task's loop: run anything runnable, else halt until an interrupt. sti;hlt
 * is one step for interrupts (they are taken only after hlt starts), so a wake-up by
 * an interrupt between the check and the hlt still ends the hlt.
 */
__noreturn void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (rq_nr_running) {
			local_irq_enable();
			schedule();
		} else {
			asm volatile("sti; hlt" : : : "memory");
		}
	}
}

bool sleep_allowed(void)
{
	return early_boot_irqs_disabled || (!in_interrupt() && !irqs_disabled());
}

void __might_sleep(const char *file, int line, unsigned long caller)
{
	char sym[64];

	if (sleep_allowed())
		return;
	sprint_symbol(sym, sizeof(sym), caller);
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       in_interrupt() ? 1 : 0, irqs_disabled() ? 1 : 0, current->pid, current->comm);
	pr_err("caller is %s\n", sym);
}

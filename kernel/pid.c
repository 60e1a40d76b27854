/*
 * Process ids (Linux's kernel/pid.c, reduced to one pid namespace and a list walk), and
 * the process-group and session calls that name them: getpgid, setpgid, getpgrp, setsid,
 * getsid (Linux has those in kernel/sys.c; they live here beside the ids they check).
 *
 * alloc_pid() hands out the next free pid after the last one given, up to pid_max - 1
 * (32767, Linux's default), then wraps to RESERVED_PIDS (300) as Linux does so that
 * low pids stay with early daemons, skipping every pid still in use: a task's own,
 * or a process group or session that still names it (Linux keeps a struct pid alive for
 * as long as any of the three refers to it). Pid 1 is init and is never handed out again.
 *
 * Relies on: the task list (init_task.tasks, kernel/fork.c), task->signal (pgrp, session).
 */
#include <sched.h>
#include <kernel.h>
#include <resource.h>
#include <syscalls.h>
#include <uapi/errno.h>

int pid_max = PID_MAX_DEFAULT;
int last_pid;

int task_pgrp(const struct task_struct *tsk)
{
	return tsk->signal ? tsk->signal->pgrp : 0;
}

int task_session(const struct task_struct *tsk)
{
	return tsk->signal ? tsk->signal->session : 0;
}

static bool pid_in_use(int nr)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->pid == nr || task_pgrp(p) == nr || task_session(p) == nr)
			return true;
	return false;
}

int alloc_pid(void)
{
	int nr = last_pid, tries;

	for (tries = 0; tries < pid_max; tries++) {
		if (++nr >= pid_max)
			nr = last_pid >= RESERVED_PIDS ? RESERVED_PIDS : 1;
		if (!pid_in_use(nr)) {
			last_pid = nr;
			return nr;
		}
	}
	return -EAGAIN;		/* every pid taken: Linux's alloc_pid() gives the same */
}

static struct task_struct *find_process(int pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	if (!p || p == &init_task || p->exit_state == EXIT_DEAD)
		return NULL;
	return p;
}

long sys_getpgid(int pid)
{
	struct task_struct *p = find_process(pid);

	return p ? task_pgrp(p) : -ESRCH;
}

long sys_getpgrp(void)
{
	return task_pgrp(current);
}

long sys_getsid(int pid)
{
	struct task_struct *p = find_process(pid);

	return p ? task_session(p) : -ESRCH;
}

/* A process group in session sid that some task is in. */
static bool pgrp_in_session(int pgrp, int sid)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (task_pgrp(p) == pgrp && task_session(p) == sid && !p->exit_state)
			return true;
	return false;
}

/*
 * Linux's checks, in its order: pgid < 0 EINVAL; the target is the caller or one of its
 * children (else ESRCH), a child that has not exec'ed (EACCES) in the caller's session
 * (EPERM); a session leader cannot move (EPERM); the group joined must exist in the
 * same session unless it is the target's own pid (EPERM).
 */
long sys_setpgid(int pid, int pgid)
{
	struct task_struct *p;

	if (pgid < 0)
		return -EINVAL;
	p = pid ? find_process(pid) : current;
	if (!p || (p != current && p->parent != current))
		return -ESRCH;
	if (!pgid)
		pgid = p->pid;
	if (!p->signal)
		return -ESRCH;
	if (p != current) {
		if (task_session(p) != task_session(current))
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	}
	if (task_session(p) == p->pid)
		return -EPERM;
	if (pgid != p->pid && !pgrp_in_session(pgid, task_session(current)))
		return -EPERM;
	p->signal->pgrp = pgid;
	return 0;
}

/* A process-group leader cannot start a session (nor can anyone whose pid names a group). */
long sys_setsid(void)
{
	struct task_struct *p;

	if (!current->signal)
		return -EPERM;
	list_for_each_entry(p, &init_task.tasks, tasks)
		if (task_pgrp(p) == current->pid)
			return -EPERM;
	current->signal->pgrp = current->signal->session = current->pid;
	return current->pid;
}

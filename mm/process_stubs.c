/*
 * Stand-ins for the process layer until it is in the tree: weak definitions that the
 * real ones (kernel/process.c, kernel/exit.c, arch/x86/uaccess.c) replace at link time.
 * Without processes nothing runs in user space, so there is no current process, and a
 * copy from user memory has nothing to copy from. Remove this file once those land.
 */
#include <kernel.h>
#include <sched.h>
#include <uaccess.h>

__attribute__((weak)) struct task_struct *current;

__attribute__((weak)) void do_exit(int code)
{
	panic("do_exit(%d) called, but there is no process layer", code);
}

__attribute__((weak)) unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	(void)to;
	(void)from;
	return n;
}

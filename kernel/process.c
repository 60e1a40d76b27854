/*
 * Processes: creating one, entering ring 3, and the run loop that takes it back.
 *
 * One process at a time, run to completion (there is no scheduler yet). run_program()
 * is the whole life cycle:
 *
 *	task_create()		task_struct (a slab object), pid, comm, kernel stack
 *	setjmp(exit_env)	the point do_exit() will come back to, on this stack
 *	load_elf_binary()	a new mm: segments, break, stack with argv and auxv
 *	start_thread()		"return" into ring 3 through entry.asm's ret_from_trap
 *	  ... the program runs; system calls and faults enter on its kernel stack ...
 *	do_exit()		frees the address space, longjmps to exit_env
 *	task_free()		kernel stack and task_struct, now that nobody runs on them
 *
 * Entering user mode is a return from a trap that never happened: a struct pt_regs is
 * built at the top of the task's kernel stack, exactly where the CPU and entry.asm put
 * one when the program traps in, with cs/ss/ds/es the user selectors, eflags 0x202
 * (interrupts on), every general register 0 (glibc registers edx with atexit), and
 * esp/eip from the loader. The TSS's esp0 points just above it, so the next trap from
 * ring 3 lands at the same place and task_pt_regs() finds the registers there.
 *
 * The kernel stack is an order-2 block (THREAD_SIZE = 16 KiB), so it is 16 KiB aligned.
 * Its bottom holds the task's FXSAVE area (16-byte aligned for free) and a canary word
 * above it; a stack overflowing into them is caught at exit (like Linux's
 * STACK_END_MAGIC) rather than silently corrupting the FPU state.
 *
 * Leaks: before and after each program the run loop takes the free page count and the
 * slab counters and prints them; any page or object the process did not give back is
 * reported as a LEAK. Pages kept by slab caches (freed objects in cached slabs) are
 * not leaks, so pages are compared as free + slab pages, and slab objects separately.
 *
 * Relies on: alloc_pages, kmem_cache_*, load_elf_binary (fs/binfmt_elf.c), do_exit
 * (kernel/exit.c), tss_set_kernel_stack, load_TLS, fpu_*, switch_pgd, ret_from_trap.
 */
#include <sched.h>
#include <binfmts.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <multiboot.h>
#include <pgtable.h>
#include <resource.h>
#include <serial.h>
#include <slab.h>
#include <string.h>
#include <timekeeping.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/tls.h>
#include <asm/x86.h>

#define STACK_END_MAGIC		0x57ac6e9dUL
#define EFLAGS_FIXED		0x2UL	/* bit 1 of eflags always reads 1 */

struct task_struct *current;
static int next_pid = 1;		/* pids are never reused */
static struct kmem_cache *task_cachep;

extern char ret_from_trap[];

static unsigned long *end_of_stack(const struct task_struct *tsk)
{
	return (unsigned long *)((char *)tsk->stack + FPU_STATE_SIZE);
}

/* comm is the basename, truncated to 15 characters as Linux's. */
static void set_comm(struct task_struct *tsk, const char *path)
{
	const char *base = path, *s;

	for (s = path; *s; s++)
		if (*s == '/' && s[1])
			base = s + 1;
	strlcpy(tsk->comm, base, sizeof(tsk->comm));
}

/* At boot, once the slab allocator is up (Linux's proc_caches_init()). */
void proc_caches_init(void)
{
	task_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 0,
					SLAB_PANIC, NULL);
}

static struct task_struct *task_create(const char *path)
{
	struct task_struct *tsk;
	struct page *page;

	tsk = kmem_cache_zalloc(task_cachep, GFP_KERNEL);
	if (!tsk)
		return NULL;
	page = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!page || copy_signal(tsk)) {
		if (page)
			__free_pages(page, THREAD_SIZE_ORDER);
		kmem_cache_free(task_cachep, tsk);
		return NULL;
	}
	tsk->stack = page_address(page);
	tsk->fpu_state = tsk->stack;
	fpu_state_init(tsk->fpu_state);
	*end_of_stack(tsk) = STACK_END_MAGIC;
	tsk->pid = next_pid++;
	set_comm(tsk, path);
	return tsk;
}

static void task_free(struct task_struct *tsk)
{
	if (*end_of_stack(tsk) != STACK_END_MAGIC)
		panic("kernel stack overflow in %s[%d]: canary at %p overwritten", tsk->comm,
		      tsk->pid, (void *)end_of_stack(tsk));
	free_pages((unsigned long)tsk->stack, THREAD_SIZE_ORDER);
	exit_signal(tsk);
	kmem_cache_free(task_cachep, tsk);
}

/*
 * Enter ring 3 at eip with the stack at esp. Interrupts stay off from here until iret
 * loads the user's eflags, so nothing runs on the kernel stack while it is switched.
 */
static __noreturn void start_thread(struct task_struct *tsk, unsigned long eip,
				    unsigned long esp)
{
	struct pt_regs *regs = task_pt_regs(tsk);

	local_irq_disable();
	memset(regs, 0, sizeof(*regs));
	regs->eip = eip;
	regs->cs = __USER_CS;
	regs->eflags = X86_EFLAGS_IF | EFLAGS_FIXED;
	regs->esp = esp;
	regs->ss = __USER_DS;
	regs->ds = __USER_DS;
	regs->es = __USER_DS;
	regs->fs = 0;
	regs->gs = 0;

	tss_set_kernel_stack((unsigned long)tsk->stack + THREAD_SIZE);
	load_TLS(tsk);
	fpu_restore(tsk->fpu_state);
	switch_pgd(tsk->mm->pgd);
	tsk->start_time = ktime_get_ns();
	asm volatile("mov %0, %%esp\n\t"
		     "jmp ret_from_trap"
		     : : "r"(regs) : "memory");
	__builtin_unreachable();
}

/*
 * "PATH ARG..." into argv: a kmalloc'ed copy of the line cut at blanks, and a
 * NULL-terminated array of pointers into it. Returns argc (0 if the line is blank).
 */
static int split_args(const char *line, char **bufp, char ***argvp)
{
	size_t len = strlen(line);
	char *buf, **argv, *s;
	int argc = 0, i;
	bool in_word = false;

	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, line, len + 1);
	for (s = buf; *s; s++) {
		bool blank = *s == ' ' || *s == '\t' || *s == '\n';

		if (!blank && !in_word)
			argc++;
		in_word = !blank;
	}
	argv = kmalloc((argc + 1) * sizeof(*argv), GFP_KERNEL);
	if (!argv) {
		kfree(buf);
		return -ENOMEM;
	}
	for (s = buf, i = 0, in_word = false; *s; s++) {
		bool blank = *s == ' ' || *s == '\t' || *s == '\n';

		if (blank)
			*s = 0;
		else if (!in_word)
			argv[i++] = s;
		in_word = !blank;
	}
	argv[argc] = NULL;
	*bufp = buf;
	*argvp = argv;
	return argc;
}

struct mem_snapshot {
	unsigned long free_pages, slab_pages, slab_objects;
};

static void take_snapshot(struct mem_snapshot *m)
{
	m->free_pages = nr_free_pages();
	m->slab_pages = nr_slab_pages();
	m->slab_objects = nr_slab_objects();
}

static void report_memory(const char *comm, int pid, const struct mem_snapshot *b,
			  const struct mem_snapshot *a)
{
	long pages = (long)(b->free_pages + b->slab_pages) - (long)(a->free_pages + a->slab_pages);
	long objects = (long)a->slab_objects - (long)b->slab_objects;

	if (!pages && !objects) {
		pr_notice("run-elf: free pages before %lu after %lu (slab pages %lu -> %lu, "
			  "objects %lu -> %lu): no leak\n", b->free_pages, a->free_pages,
			  b->slab_pages, a->slab_pages, b->slab_objects, a->slab_objects);
		return;
	}
	pr_err("run-elf: LEAK after %s[%d]: %ld pages and %ld slab objects not given back "
	       "(free pages before %lu after %lu, slab pages %lu -> %lu, objects %lu -> %lu)\n",
	       comm, pid, pages, objects, b->free_pages, a->free_pages, b->slab_pages,
	       a->slab_pages, b->slab_objects, a->slab_objects);
}

int run_program(const char *path_and_args, const void *image, size_t size)
{
	struct mem_snapshot before, after;
	struct linux_binprm bprm;
	struct task_struct *tsk;
	char comm[TASK_COMM_LEN], *buf, **argv;
	int argc, status, pid;

	if (current) {
		/* A self-test unwound out of a running process: forget it. */
		pr_warn("run: process %s[%d] was still current; dropped\n", current->comm,
			current->pid);
		current = NULL;
	}
	BUG_ON(!task_cachep);
	take_snapshot(&before);

	argc = split_args(path_and_args, &buf, &argv);
	if (argc <= 0) {
		if (argc == 0) {
			kfree(argv);
			kfree(buf);
		}
		pr_err("run: %s\n", argc ? "out of memory for the arguments" : "empty command line");
		return EXIT_STATUS_NOEXEC;
	}
	tsk = task_create(argv[0]);
	if (!tsk) {
		pr_err("run: %s: out of memory for a new process\n", argv[0]);
		kfree(argv);
		kfree(buf);
		return EXIT_STATUS_NOEXEC;
	}
	memset(&bprm, 0, sizeof(bprm));
	bprm.image = image;
	bprm.size = size;
	bprm.comm = tsk->comm;
	bprm.argc = argc;
	bprm.argv = argv;

	current = tsk;
	if (setjmp(tsk->exit_env) == 0) {
		if (load_elf_binary(&bprm))
			do_exit(EXIT_STATUS_NOEXEC);
		pr_info("run: %s[%d]: entry 0x%08lx, stack 0x%08lx, argc %d\n", tsk->comm,
			tsk->pid, bprm.entry, bprm.p, argc);
		start_thread(tsk, bprm.entry, bprm.p);
	}
	/* do_exit() came back here: the address space is gone, we are on our own stack. */
	status = tsk->exit_code;
	pid = tsk->pid;
	memcpy(comm, tsk->comm, sizeof(comm));
	current = NULL;
	task_free(tsk);
	kfree(argv);
	kfree(buf);

	take_snapshot(&after);
	report_memory(comm, pid, &before, &after);
	return status;
}

/* The protocol line tools/run-elf waits for: on the console whatever the log level. */
static void print_exit_status(int status)
{
	char line[40];
	int n = snprintf(line, sizeof(line), "run-elf: exit-status %d\n", status);

	serial_console_write(line, n);
}

void run_boot_modules(void)
{
	const struct multiboot_info *mbi = boot_mbi;
	const struct multiboot_mod_list *mods;
	unsigned long low_end = max_low_pfn << PAGE_SHIFT;
	u32 i;

	if (!mbi || !(mbi->flags & MULTIBOOT_INFO_MODS) || !mbi->mods_count) {
		pr_err("run: no program to run: give each as a Multiboot module, "
		       "e.g. qemu -initrd \"PROG ARG...\"\n");
		return;
	}
	mods = __va(mbi->mods_addr);
	for (i = 0; i < mbi->mods_count; i++) {
		const struct multiboot_mod_list *m = &mods[i];
		const char *line = m->cmdline ? (const char *)__va(m->cmdline) : "";
		char fallback[24];
		int status;

		if (!*line) {
			snprintf(fallback, sizeof(fallback), "module%u", i);
			line = fallback;
		}
		if (m->mod_end < m->mod_start || m->mod_end > low_end) {
			pr_err("run: %s: module at 0x%08x-0x%08x is not in low memory\n", line,
			       m->mod_start, m->mod_end);
			status = EXIT_STATUS_NOEXEC;
		} else {
			status = run_program(line, __va(m->mod_start), m->mod_end - m->mod_start);
		}
		print_exit_status(status);
	}
}

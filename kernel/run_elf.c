/*
 * The run-elf protocol: run each Multiboot module as a program, one after another, and
 * after each print its exit status and whether it gave back every page and object.
 *
 * run_program() is one program's whole life, seen from its parent (current: "init", or
 * a self-test):
 *
 *	run_args_*()		argv and envp: tools/run-elf's argument block, or
 *				"PATH ARG..." split at blanks (kernel/run_args.c)
 *	copy_process()		the child: task_struct, pid, kernel stack (kernel/fork.c)
 *	wake_up_new_task()	it runs run_elf_thread() on its own stack when we sleep:
 *	  do_execve()		  a new mm with the program, built aside (fs/exec.c)
 *	  ret_from_fork		  "returns" into ring 3 through ret_from_trap
 *	  ... the program runs; system calls and faults enter on its kernel stack ...
 *	  do_exit()		  frees the address space, becomes a zombie, wakes us
 *	kernel_wait()		we sleep on wait_chldexit until then, and reap it:
 *	release_task()		kernel stack and task_struct (kernel/exit.c)
 *
 * Leaks: before and after each program the parent takes the free page count and the
 * slab counters and prints them; any page or object the program did not give back is
 * reported as a LEAK. Pages kept by slab caches (freed objects in cached slabs) are not
 * leaks, so pages are compared as free + slab pages, and slab objects separately.
 *
 * tools/run-elf and tests/run-user read two lines: "run-elf: exit-status N" after each
 * program and the leak report ("... no leak" or "run-elf: LEAK after ...").
 *
 * Relies on: copy_process, wake_up_new_task, kernel_wait (the scheduler), do_execve
 * (fs/exec.c), nr_free_pages and the slab counters, serial_console_write.
 */
#include <sched.h>
#include <binfmts.h>
#include <fdtable.h>
#include <fs.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mm.h>
#include <multiboot.h>
#include <run_args.h>
#include <serial.h>
#include <slab.h>
#include <string.h>

struct mem_snapshot {
	unsigned long free_pages, slab_pages, slab_objects;
	long inodes, dentries, files;
};

static void take_snapshot(struct mem_snapshot *m)
{
	m->free_pages = nr_free_pages();
	m->slab_pages = nr_slab_pages();
	m->slab_objects = nr_slab_objects();
	m->inodes = nr_inodes;
	m->dentries = nr_dentries;
	m->files = nr_files;
}

static void report_memory(const char *comm, int pid, const struct mem_snapshot *b,
			  const struct mem_snapshot *a)
{
	long pages = (long)(b->free_pages + b->slab_pages) - (long)(a->free_pages + a->slab_pages);
	long objects = (long)a->slab_objects - (long)b->slab_objects;
	long inodes = a->inodes - b->inodes, dentries = a->dentries - b->dentries;
	long files = a->files - b->files;

	if (!pages && !objects && !inodes && !dentries && !files) {
		pr_notice("run-elf: free pages before %lu after %lu (slab pages %lu -> %lu, "
			  "objects %lu -> %lu, inodes %ld, dentries %ld, files %ld): no leak\n",
			  b->free_pages, a->free_pages, b->slab_pages, a->slab_pages,
			  b->slab_objects, a->slab_objects, a->inodes, a->dentries, a->files);
		return;
	}
	/* Files left in the ramfs count too: a test program cleans up after itself. */
	if (inodes || dentries || files)
		pr_err("run-elf: LEAK after %s[%d]: %ld inodes, %ld dentries, %ld open files "
		       "more than before (a file left in the file system counts here)\n",
		       comm, pid, inodes, dentries, files);
	pr_err("run-elf: LEAK after %s[%d]: %ld pages and %ld slab objects not given back "
	       "(free pages before %lu after %lu, slab pages %lu -> %lu, objects %lu -> %lu)\n",
	       comm, pid, pages, objects, b->free_pages, a->free_pages, b->slab_pages,
	       a->slab_pages, b->slab_objects, a->slab_objects);
}

/* fds 0, 1 and 2: the console (fs/console.c), new files for each program. */
static int install_std_fds(void)
{
	unsigned int fd;

	for (fd = 0; fd < 3; fd++) {
		struct file *file = console_file(fd);
		int nr;

		if (!file)
			return -ENOMEM;
		nr = get_unused_fd_flags(0);
		if (nr != (int)fd) {
			fput(file);
			return nr < 0 ? nr : -EBUSY;
		}
		fd_install(fd, file);
	}
	return 0;
}

/*
 * The child's first function, in the kernel on its own stack. It returns only after a
 * successful exec, and ret_from_fork then enters the program.
 */
static int run_elf_thread(void *arg)
{
	struct linux_binprm *bprm = arg;

	if (install_std_fds() || do_execve(bprm))
		do_exit(EXIT_STATUS_NOEXEC << 8);
	pr_info("run: %s[%d]: entry 0x%08lx, stack 0x%08lx, argc %d\n", current->comm,
		current->pid, bprm->entry, bprm->p, bprm->argc);
	return 0;
}

int run_program_args(const struct run_args *ra, const void *image, size_t size)
{
	struct mem_snapshot before, after;
	struct linux_binprm bprm;
	struct task_struct *tsk;
	char comm[TASK_COMM_LEN];
	int status, pid;

	take_snapshot(&before);
	memset(&bprm, 0, sizeof(bprm));
	bprm.image = image;
	bprm.size = size;
	bprm.filename = ra->argv[0];
	bprm.argc = ra->argc;
	bprm.argv = ra->argv;
	bprm.envc = ra->envc;
	bprm.envp = ra->envp;

	/* bprm lives on our stack: we sleep in kernel_wait() until the child is done. */
	tsk = copy_process(run_elf_thread, &bprm, ra->argv[0]);
	if (!tsk) {
		pr_err("run: %s: out of memory for a new process\n", ra->argv[0]);
		return EXIT_STATUS_NOEXEC;
	}
	bprm.comm = tsk->comm;
	pid = tsk->pid;
	memcpy(comm, tsk->comm, sizeof(comm));
	wake_up_new_task(tsk);
	status = kernel_wait(tsk);
	/* Its orphans came to us (init): they too must be gone before the leak check. */
	reap_all_children();

	take_snapshot(&after);
	report_memory(comm, pid, &before, &after);
	return status;
}

int run_program(const char *path_and_args, const void *image, size_t size)
{
	struct run_args ra;
	int status, err = run_args_from_line(&ra, path_and_args);

	if (err) {
		pr_err("run: %s\n", err == -ENOMEM ? "out of memory for the arguments" : ra.why);
		return EXIT_STATUS_NOEXEC;
	}
	status = run_program_args(&ra, image, size);
	run_args_free(&ra);
	return status;
}

/* The protocol line tools/run-elf waits for: on the console whatever the log level. */
static void print_exit_status(int status)
{
	char line[40];
	int n = snprintf(line, sizeof(line), "run-elf: exit-status %d\n", status);

	serial_console_write(line, n);
}

static bool module_in_low_memory(const struct multiboot_mod_list *m)
{
	return m->mod_end >= m->mod_start && m->mod_end <= max_low_pfn << PAGE_SHIFT;
}

/*
 * Module i is a program; when module i + 1 is an argument block (tools/run-elf), its
 * argv and envp come from there and it is used up (*used = 2).
 */
static int run_module(const struct multiboot_mod_list *mods, u32 i, u32 count, u32 *used)
{
	const struct multiboot_mod_list *m = &mods[i], *next = i + 1 < count ? m + 1 : NULL;
	const char *line = m->cmdline ? (const char *)__va(m->cmdline) : "";
	struct run_args ra;
	char fallback[24];
	int status, err;

	*used = 1;
	if (!*line) {
		snprintf(fallback, sizeof(fallback), "module%u", i);
		line = fallback;
	}
	if (!module_in_low_memory(m)) {
		pr_err("run: %s: module at 0x%08x-0x%08x is not in low memory\n", line,
		       m->mod_start, m->mod_end);
		return EXIT_STATUS_NOEXEC;
	}
	if (next && module_in_low_memory(next) &&
	    run_args_is_block(__va(next->mod_start), next->mod_end - next->mod_start)) {
		*used = 2;
		err = run_args_from_block(&ra, __va(next->mod_start),
					  next->mod_end - next->mod_start);
	} else {
		err = run_args_from_line(&ra, line);
	}
	if (err) {
		pr_err("run: %s: %s\n", line,
		       err == -ENOMEM ? "out of memory for the arguments" : ra.why);
		return EXIT_STATUS_NOEXEC;
	}
	status = run_program_args(&ra, __va(m->mod_start), m->mod_end - m->mod_start);
	run_args_free(&ra);
	return status;
}

void run_boot_modules(void)
{
	const struct multiboot_info *mbi = boot_mbi;
	const struct multiboot_mod_list *mods;
	u32 i, used, programs = 0;

	if (!mbi || !(mbi->flags & MULTIBOOT_INFO_MODS) || !mbi->mods_count) {
		pr_err("run: no program to run: give each as a Multiboot module, "
		       "e.g. qemu -initrd \"PROG ARG...\"\n");
		return;
	}
	mods = __va(mbi->mods_addr);
	for (i = 0; i < mbi->mods_count; i += used) {
		const struct multiboot_mod_list *m = &mods[i];

		used = 1;
		if (module_in_low_memory(m) &&
		    is_initramfs(__va(m->mod_start), m->mod_end - m->mod_start))
			continue;	/* unpacked into / at boot (fs/initramfs.c) */
		print_exit_status(run_module(mods, i, mbi->mods_count, &used));
		programs++;
	}
	if (!programs)
		pr_err("run: no program to run: the modules were all initramfs archives; "
		       "give each program as a module after them\n");
}

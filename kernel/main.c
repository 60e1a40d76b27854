/*
 * start_kernel(): the first C function, called by boot/head.asm once paging is on and
 * the kernel runs in the higher half on its boot stack.
 *
 * The order matters: the console first (so everything after can explain itself), then
 * the CPU tables (so a mistake is reported, not a triple fault), then memory, then the
 * clock. What happens after boot is chosen on the command line:
 *	test[=SUITE,...]	run the in-kernel self-tests and leave QEMU with the verdict
 *	run			run each Multiboot module as a program, one after another,
 *				printing "run-elf: exit-status N" after each (tools/run-elf)
 *	bench[=NAME,...]	run the in-kernel benchmarks and print their figures
 *	(nothing)		show the memory layout and wait
 * "test" and "bench" are boot modes (include/init.h) that only the test image
 * (build/kernel-test.elf) has; the production image says so and stops.
 *
 * They run in "init", pid 1, a kernel thread (kernel_init); the boot thread becomes the
 * idle task, pid 0, as in Linux's rest_init().
 */
#include <kernel.h>
#include <mmap.h>
#include <mmzone.h>
#include <highmem.h>
#include <init.h>
#include <vdso.h>
#include <multiboot.h>
#include <serial.h>
#include <setup.h>
#include <slab.h>
#include <string.h>
#include <jiffies.h>
#include <sched.h>
#include <fs.h>
#include <preempt.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/fixmap.h>
#include <asm/traps.h>
#include <asm/x86.h>

/* Runs the boot mode named option if the command line has it (it does not return). */
static void run_boot_mode(const char *option, const char *what)
{
	const struct boot_mode *m;

	if (!cmdline_has(option))
		return;
	for (m = __start_boot_modes; m < __stop_boot_modes; m++)
		if (!strcmp(m->name, option))
			m->run(cmdline_value(option));
	pr_err("\"%s\": this image has no %s; boot build/kernel-test.elf "
	       "(make test, make bench, make run-kernel TEST=1)\n", option, what);
	machine_exit(QEMU_EXIT_FAIL);
}

/*
 * Self-tests check every slab object for overruns and use after free, unless
 * "slab_debug=0" keeps the per-cache arrays (the fast path) for them too.
 */
static bool slab_debug_wanted(void)
{
	const char *v = cmdline_value("slab_debug");

	if (v)
		return *v != '0';
	return cmdline_has("slab_debug") || cmdline_has("test");
}

static void parse_early_options(void)
{
	const char *v = cmdline_value("loglevel");

	if (v)
		console_loglevel = simple_strtoul(v, NULL, 10);
	if (cmdline_has("quiet"))
		console_loglevel = 4;
}

/* pid 1: what the command line asks for. It never exits (do_exit would panic). */
static int kernel_init(void *unused)
{
	(void)unused;
	run_boot_mode("test", "self-tests");
	run_boot_mode("bench", "benchmarks");
	if (cmdline_has("run")) {
		run_boot_modules();
		machine_exit(QEMU_EXIT_PASS);
	}

	pr_notice("Nothing to run: boot build/kernel-test.elf with \"test\" for the self-tests, "
		  "or run a program with tools/run-elf. Idle; leave QEMU with Ctrl-A X.\n");
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule();
	}
}

void start_kernel(u32 magic, u32 info_phys)
{
	struct multiboot_info *mbi;
	const char *cmdline = NULL;

	serial_init();
	gdt_init();
	idt_init();
	early_fixmap_init();
	mbi = multiboot_check(magic, info_phys);
	if (!mbi)
		machine_exit(QEMU_EXIT_PANIC);
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
		cmdline = boot_phys_to_virt(mbi->cmdline, 1);
	cmdline_init(cmdline);
	parse_early_options();

	pr_notice("\nTeaching kernel for i386: Linux's memory management, small enough to read.\n");
	pr_info("Command line: %s\n", cmdline_get());
	fpu_init();
	setup_arch(mbi);	/* memblock, the kernel page tables */
	mm_core_init();		/* mem_map, zones, the buddy allocator */
	mem_init_print_info();
	slab_debug_enable(slab_debug_wanted());
	kmem_cache_init();
	sched_init();		/* the boot thread is init_task from here */
	proc_caches_init();
	mm_cache_init();	/* the mm_struct and vm_area_struct caches */

	highmem_init();		/* after the page allocator: registers clear_highpage */
	vdso_init();		/* the [vdso] and [vvar] pages, the sysenter MSRs */
	init_8259A();
	time_init();
	vfs_init();		/* ramfs at /, the initramfs unpacked into it */
	early_boot_irqs_disabled = false;
	local_irq_enable();

	if (kernel_thread(kernel_init, NULL, "init") < 0)
		panic("cannot create the init task");
	cpu_idle();
}

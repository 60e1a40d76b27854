/*
 * Self-tests for processes: tiny hand-written programs run in ring 3 through
 * run_program(), the same path as the "run" command line. Each checks one promise of
 * the user ABI (registers at entry, the initial stack, system-call conventions, how
 * each CPU exception ends a process) and that every page and slab object the process
 * used came back.
 */
#include <ktest.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <asm/desc.h>
#include "user_image.h"

static u8 image[TEST_IMAGE_MAX];

struct mem_count {
	unsigned long pages, objects;
};

/* Pages are counted with the slab's (cached free slabs are not a leak), objects apart. */
static void count_memory(struct mem_count *m)
{
	m->pages = nr_free_pages() + nr_slab_pages();
	m->objects = nr_slab_objects();
}

static int run_code(const char *cmdline, const u8 *start, const u8 *end)
{
	return run_program(cmdline, image, build_program(image, start, end));
}

#define EXPECT_NO_LEAK(before) do {						\
	struct mem_count __after;						\
	count_memory(&__after);							\
	KTEST_EXPECT_EQ(__after.pages, (before).pages);				\
	KTEST_EXPECT_EQ(__after.objects, (before).objects);			\
} while (0)

USER_CODE(prog_hello,
	"call 1f\n"
	".ascii \"hello from ring 3\\n\"\n"
	"1: pop %ecx\n"
	"mov $4, %eax\n"
	"mov $1, %ebx\n"
	"mov $18, %edx\n"
	"int $0x80\n"
	"mov %eax, %ebx\n"		/* exit with write's result */
	SYS_EXIT_EBX);

KTEST(process, write_then_exit_returns_status_and_frees_everything)
{
	struct task_struct *self = current;
	struct mem_count before;
	int tasks = nr_tasks();

	count_memory(&before);
	KTEST_EXPECT_EQ(run_code("tests/hello", prog_hello, prog_hello_end), 18);
	EXPECT_NO_LEAK(before);
	/* The child ran on its own task and was reaped: we are current again, alone. */
	KTEST_EXPECT_EQ((unsigned long)current, (unsigned long)self);
	KTEST_EXPECT_EQ(nr_tasks(), tasks);
}

/* All general registers zero, esp 16-byte aligned, eflags 0x202: each adds a bit. */
USER_CODE(prog_regs,
	"pushf\n"
	"mov %eax, %ebx\n"
	"or %ecx, %ebx\n"
	"or %edx, %ebx\n"
	"or %esi, %ebx\n"
	"or %edi, %ebx\n"
	"or %ebp, %ebx\n"
	"and $1, %ebx\n"		/* 1: a register was not zero */
	"lea 4(%esp), %eax\n"
	"test $15, %eax\n"
	"jz 1f\n"
	"or $2, %ebx\n"			/* 2: esp not 16-byte aligned */
	"1: pop %eax\n"
	"cmp $0x202, %eax\n"
	"je 2f\n"
	"or $4, %ebx\n"			/* 4: eflags not 0x202 */
	"2: mov %ds, %eax\n"
	"cmp $0x7b, %eax\n"
	"je 3f\n"
	"or $8, %ebx\n"			/* 8: ds is not __USER_DS */
	"3:\n"
	SYS_EXIT_EBX);

KTEST(process, registers_at_entry_are_zero_with_eflags_0x202)
{
	KTEST_EXPECT_EQ(run_code("regs", prog_regs, prog_regs_end), 0);
}

/* Exits with 0 when cs = 0x73 and ss = es = 0x7b (Linux i386's user selectors). */
USER_CODE(prog_user_selectors,
	"xor %ebx, %ebx\n"
	"mov %cs, %eax\n"
	"cmp $0x73, %eax\n"
	"je 1f\n"
	"or $1, %ebx\n"
	"1: mov %ss, %eax\n"
	"cmp $0x7b, %eax\n"
	"je 2f\n"
	"or $2, %ebx\n"
	"2: mov %es, %eax\n"
	"cmp $0x7b, %eax\n"
	"je 3f\n"
	"or $4, %ebx\n"
	"3:\n"
	SYS_EXIT_EBX);

KTEST(process, user_mode_runs_with_selectors_0x73_and_0x7b)
{
	KTEST_EXPECT_EQ(run_code("selectors", prog_user_selectors, prog_user_selectors_end), 0);
}

USER_CODE(prog_argc, "mov (%esp), %ebx\n" SYS_EXIT_EBX);
/* argv[2][1] */
USER_CODE(prog_argv, "mov 12(%esp), %esi\n movzbl 1(%esi), %ebx\n" SYS_EXIT_EBX);

KTEST(process, argc_and_argv_come_from_the_command_line)
{
	KTEST_EXPECT_EQ(run_code("prog", prog_argc, prog_argc_end), 1);
	KTEST_EXPECT_EQ(run_code("prog  one two\tthree ", prog_argc, prog_argc_end), 4);
	KTEST_EXPECT_EQ(run_code("/bin/prog one xyz", prog_argv, prog_argv_end), 'y');
}

/* Walk argv, envp, then the auxv pairs; exit with AT_PAGESZ / 256, 255 if missing. */
USER_CODE(prog_auxv,
	"mov (%esp), %ecx\n"
	"lea 8(%esp,%ecx,4), %esi\n"	/* envp[0] */
	"1: lodsl\n"
	"test %eax, %eax\n"
	"jnz 1b\n"
	"2: lodsl\n"
	"mov %eax, %edx\n"
	"lodsl\n"
	"cmp $6, %edx\n"
	"je 3f\n"
	"test %edx, %edx\n"
	"jnz 2b\n"
	"mov $255, %ebx\n"
	"jmp 4f\n"
	"3: mov %eax, %ebx\n"
	"shr $8, %ebx\n"
	"4:\n"
	SYS_EXIT_EBX);

KTEST(process, auxv_follows_empty_environment)
{
	KTEST_EXPECT_EQ(run_code("auxv a b", prog_auxv, prog_auxv_end), 4096 / 256);
}

USER_CODE(prog_preserve,
	"mov $0x11111111, %ebx\n"
	"mov $0x22222222, %ecx\n"
	"mov $0x33333333, %edx\n"
	"mov $0x44444444, %esi\n"
	"mov $0x55555555, %edi\n"
	"mov $0x66666666, %ebp\n"
	"mov %esp, %eax\n"
	"movd %eax, %xmm7\n"		/* keep esp somewhere no syscall may touch */
	"mov $20, %eax\n"		/* getpid */
	"int $0x80\n"
	"cmp $0x11111111, %ebx\n jne 1f\n"
	"cmp $0x22222222, %ecx\n jne 1f\n"
	"cmp $0x33333333, %edx\n jne 1f\n"
	"cmp $0x44444444, %esi\n jne 1f\n"
	"cmp $0x55555555, %edi\n jne 1f\n"
	"cmp $0x66666666, %ebp\n jne 1f\n"
	"movd %xmm7, %ecx\n"
	"cmp %ecx, %esp\n jne 1f\n"
	"mov $0, %ebx\n"
	SYS_EXIT_EBX
	"1: mov $1, %ebx\n"
	SYS_EXIT_EBX);

KTEST(process, system_calls_preserve_every_register_but_eax)
{
	KTEST_EXPECT_EQ(run_code("preserve", prog_preserve, prog_preserve_end), 0);
}

USER_CODE(prog_exit_group, "mov $0x1234, %ebx\n mov $252, %eax\n int $0x80\n");

KTEST(process, exit_status_is_the_low_byte)
{
	KTEST_EXPECT_EQ(run_code("eg", prog_exit_group, prog_exit_group_end), 0x34);
}

USER_CODE(prog_ud2, "ud2\n");
USER_CODE(prog_int3, "int3\n mov $0, %ebx\n" SYS_EXIT_EBX);
USER_CODE(prog_div0, "xor %ecx, %ecx\n mov $1, %eax\n div %ecx\n");
USER_CODE(prog_cli, "cli\n");
USER_CODE(prog_hlt, "hlt\n");
USER_CODE(prog_write_text, "call 1f\n 1: pop %eax\n movl $0, (%eax)\n");
USER_CODE(prog_write_kernel, "movl $1, 0xc0100000\n");
USER_CODE(prog_read_null, "mov 0, %eax\n");

KTEST(process, cpu_exceptions_kill_with_128_plus_signal)
{
	struct mem_count before;

	count_memory(&before);
	ktest_capture_start();
	KTEST_EXPECT_EQ(run_code("ud2", prog_ud2, prog_ud2_end), 128 + SIGILL);
	KTEST_EXPECT_LOGGED("ud2[");
	KTEST_EXPECT_LOGGED("] trap invalid opcode ip:");
	KTEST_EXPECT_EQ(run_code("int3", prog_int3, prog_int3_end), 128 + SIGTRAP);
	KTEST_EXPECT_LOGGED("] trap int3 ip:");
	KTEST_EXPECT_EQ(run_code("div0", prog_div0, prog_div0_end), 128 + SIGFPE);
	KTEST_EXPECT_LOGGED("] trap divide error ip:");
	KTEST_EXPECT_EQ(run_code("cli", prog_cli, prog_cli_end), 128 + SIGSEGV);
	KTEST_EXPECT_LOGGED("] general protection fault ip:");
	KTEST_EXPECT_EQ(run_code("hlt", prog_hlt, prog_hlt_end), 128 + SIGSEGV);
	ktest_capture_stop();
	/* ... and the next program runs normally. */
	KTEST_EXPECT_EQ(run_code("hello", prog_hello, prog_hello_end), 18);
	EXPECT_NO_LEAK(before);
}

KTEST(process, bad_accesses_are_sigsegv)
{
	struct mem_count before;

	count_memory(&before);
	KTEST_EXPECT_EQ(run_code("wtext", prog_write_text, prog_write_text_end), 128 + SIGSEGV);
	KTEST_EXPECT_EQ(run_code("wkern", prog_write_kernel, prog_write_kernel_end),
			128 + SIGSEGV);
	KTEST_EXPECT_EQ(run_code("null", prog_read_null, prog_read_null_end), 128 + SIGSEGV);
	KTEST_EXPECT_EQ(run_code("hello", prog_hello, prog_hello_end), 18);
	EXPECT_NO_LEAK(before);
}

USER_CODE(prog_sse,
	"pxor %xmm0, %xmm0\n"
	"mov $5, %eax\n"
	"movd %eax, %xmm1\n"
	"paddd %xmm1, %xmm1\n"
	"paddd %xmm1, %xmm0\n"
	"movd %xmm0, %ebx\n"
	SYS_EXIT_EBX);
USER_CODE(prog_mxcsr, "sub $4, %esp\n stmxcsr (%esp)\n mov (%esp), %ebx\n shr $8, %ebx\n"
	  SYS_EXIT_EBX);
USER_CODE(prog_fcw, "sub $4, %esp\n fnstcw (%esp)\n movzwl (%esp), %ebx\n and $0xff, %ebx\n"
	  SYS_EXIT_EBX);
USER_CODE(prog_set_xmm0, "mov $77, %eax\n movd %eax, %xmm0\n mov $0, %ebx\n" SYS_EXIT_EBX);
USER_CODE(prog_get_xmm0, "movd %xmm0, %ebx\n" SYS_EXIT_EBX);

KTEST(process, sse_works_and_state_starts_fresh)
{
	KTEST_EXPECT_EQ(run_code("sse", prog_sse, prog_sse_end), 10);
	KTEST_EXPECT_EQ(run_code("mxcsr", prog_mxcsr, prog_mxcsr_end), 0x1f80 >> 8);
	KTEST_EXPECT_EQ(run_code("fcw", prog_fcw, prog_fcw_end), 0x7f);
	KTEST_EXPECT_EQ(run_code("setx", prog_set_xmm0, prog_set_xmm0_end), 0);
	/* The previous program's register must not leak into the next one. */
	KTEST_EXPECT_EQ(run_code("getx", prog_get_xmm0, prog_get_xmm0_end), 0);
}

/* set_thread_area(-1) on a word holding 42, load %gs, read %gs:0. */
USER_CODE(prog_tls,
	"push $42\n"
	"mov %esp, %edi\n"
	"sub $16, %esp\n"
	"movl $-1, (%esp)\n"
	"mov %edi, 4(%esp)\n"
	"movl $0xfffff, 8(%esp)\n"
	"movl $0x51, 12(%esp)\n"	/* seg_32bit, limit_in_pages, useable */
	"mov $243, %eax\n"
	"mov %esp, %ebx\n"
	"int $0x80\n"
	"mov $200, %ebx\n"
	"test %eax, %eax\n"
	"jnz 1f\n"
	"mov (%esp), %eax\n"
	"mov $201, %ebx\n"
	"cmp $6, %eax\n"
	"jne 1f\n"
	"shl $3, %eax\n"
	"or $3, %eax\n"
	"mov %eax, %gs\n"
	"mov $20, %eax\n"		/* a system call in between keeps %gs */
	"int $0x80\n"
	"mov %gs:0, %ebx\n"
	"1:\n"
	SYS_EXIT_EBX);

KTEST(process, set_thread_area_gives_a_working_gs_segment)
{
	u64 gdt6_before = gdt_table[GDT_ENTRY_TLS_MIN];

	KTEST_EXPECT_EQ(run_code("tls", prog_tls, prog_tls_end), 42);
	/* exit cleared the process's descriptors from the GDT */
	KTEST_EXPECT_EQ(gdt_table[GDT_ENTRY_TLS_MIN], 0);
	KTEST_EXPECT_EQ(gdt6_before, 0);
}

/*
 * One check per system-call outcome; the program exits with the number of the first
 * check that failed (0: all passed). A 512-byte scratch buffer is at %esp.
 */
#define CHECK(n, expect)						\
	"cmp $" #expect ", %eax\n je 9f\n mov $" #n ", %ebx\n" SYS_EXIT_EBX "9:\n"
#define SYSCALL4(nr, b, c, d)						\
	"mov $" #nr ", %eax\n mov " b ", %ebx\n mov " c ", %ecx\n mov " d ", %edx\n int $0x80\n"

USER_CODE(prog_syscalls,
	"sub $512, %esp\n"
	"movl $0, 400(%esp)\n"				/* an empty string */
	SYSCALL4(4, "$0", "%esp", "$1")			/* write(0) */
	CHECK(1, -9)
	SYSCALL4(4, "$1", "$0x10", "$5")		/* write from unmapped memory */
	CHECK(2, -14)
	SYSCALL4(4, "$1", "$0xc0100000", "$5")		/* write from kernel memory */
	CHECK(3, -14)
	SYSCALL4(4, "$1", "%esp", "$0")
	CHECK(4, 0)
	SYSCALL4(3, "$0", "%esp", "$10")		/* read(0): end of input */
	CHECK(5, 0)
	SYSCALL4(3, "$1", "%esp", "$10")
	CHECK(6, -9)
	SYSCALL4(9999, "$0", "$0", "$0")
	CHECK(7, -38)
	SYSCALL4(-1, "$0", "$0", "$0")
	CHECK(8, -38)
	SYSCALL4(146, "$1", "%esp", "$1025")		/* writev: too many */
	CHECK(9, -22)
	"movl $0, (%esp)\n movl $0, 4(%esp)\n"
	SYSCALL4(146, "$1", "%esp", "$1")		/* writev({NULL, 0}) */
	CHECK(10, 0)
	SYSCALL4(54, "$1", "$0x5401", "%esp")		/* TCGETS */
	CHECK(11, -25)
	SYSCALL4(54, "$5", "$0x5413", "%esp")
	CHECK(12, -9)
	SYSCALL4(311, "$0", "$0", "$0")
	CHECK(13, -38)
	SYSCALL4(122, "%esp", "$0", "$0")		/* uname */
	CHECK(14, 0)
	"movzbl (%esp), %eax\n"
	CHECK(15, 'L')
	"movzbl 130(%esp), %eax\n"			/* release[0] */
	CHECK(16, '6')
	SYSCALL4(355, "%esp", "$16", "$0")		/* getrandom */
	CHECK(17, 16)
	SYSCALL4(355, "%esp", "$16", "$8")
	CHECK(18, -22)
	SYSCALL4(265, "$1", "%esp", "$0")		/* clock_gettime(MONOTONIC) */
	CHECK(19, 0)
	SYSCALL4(265, "$99", "%esp", "$0")
	CHECK(20, -22)
	SYSCALL4(197, "$1", "%esp", "$0")		/* fstat64(1) */
	CHECK(21, 0)
	"mov 16(%esp), %eax\n"
	CHECK(22, 0x1180)				/* S_IFIFO | 0600 */
	SYSCALL4(197, "$3", "%esp", "$0")
	CHECK(23, -9)
	SYSCALL4(191, "$3", "%esp", "$0")		/* ugetrlimit(STACK) */
	CHECK(24, 0)
	"mov (%esp), %eax\n"
	CHECK(25, 0x800000)
	SYSCALL4(340, "$12345", "$3", "$0")		/* prlimit64(other pid) */
	CHECK(26, -3)
	SYSCALL4(85, "%esp", "%esp", "$10")		/* readlink */
	CHECK(27, -2)
	"mov $20, %eax\n int $0x80\n mov %eax, %edi\n"	/* getpid */
	"mov %eax, 500(%esp)\n"
	"mov $224, %eax\n int $0x80\n"			/* gettid */
	"cmp %eax, %edi\n je 8f\n mov $28, %ebx\n" SYS_EXIT_EBX "8:\n"
	"lea 400(%esp), %ecx\n"
	"mov $383, %eax\n mov $1, %ebx\n mov $0x1000, %edx\n mov $0x7ff, %esi\n"
	"mov %esp, %edi\n int $0x80\n"			/* statx(1, "", AT_EMPTY_PATH) */
	CHECK(29, 0)
	"movzwl 28(%esp), %eax\n"
	CHECK(30, 0x1180)
	"movl $5, (%esp)\n"
	SYSCALL4(244, "%esp", "$0", "$0")		/* get_thread_area(5) */
	CHECK(31, -22)
	"movl $6, (%esp)\n"
	SYSCALL4(244, "%esp", "$0", "$0")
	CHECK(32, 0)
	SYSCALL4(243, "$0x10", "$0", "$0")		/* set_thread_area(bad pointer) */
	CHECK(33, -14)
	SYSCALL4(258, "%esp", "$0", "$0")		/* set_tid_address: the pid */
	"cmp %eax, 500(%esp)\n je 8f\n mov $34, %ebx\n" SYS_EXIT_EBX "8:\n"
	"mov $0, %ebx\n"
	SYS_EXIT_EBX);

KTEST(process, system_call_results_and_errors)
{
	struct mem_count before;

	count_memory(&before);
	KTEST_EXPECT_EQ(run_code("syscalls", prog_syscalls, prog_syscalls_end), 0);
	EXPECT_NO_LEAK(before);
}

USER_CODE(prog_getpid, "mov $20, %eax\n int $0x80\n mov %eax, %ebx\n" SYS_EXIT_EBX);

KTEST(process, pids_increase)
{
	int a = run_code("p", prog_getpid, prog_getpid_end);
	int b = run_code("p", prog_getpid, prog_getpid_end);

	KTEST_EXPECT_EQ(b & 0xff, (a + 1) & 0xff);
}

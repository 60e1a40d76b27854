/*
 * Self-tests for the ELF loader (fs/binfmt_elf.c): every kind of malformed file is
 * refused with a message naming the problem, and run_program() then ends with status
 * 126 having leaked nothing; well-formed files get their segments, .bss, shared pages
 * and auxiliary vector right.
 */
#include <ktest.h>
#include <binfmts.h>
#include <uapi/errno.h>
#include <mm.h>
#include <mmap.h>
#include <pgtable.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include "user_image.h"
#include "mm_test.h"

static u8 image[TEST_IMAGE_MAX];

USER_CODE(prog_exit7, "mov $7, %ebx\n" SYS_EXIT_EBX);

static size_t good_image(void)
{
	return build_program(image, prog_exit7, prog_exit7_end);
}

static size_t image_with(const struct test_segment *extra, int n)
{
	return build_elf(image, prog_exit7, prog_exit7_end - prog_exit7, extra, n);
}

/* Expect refusal with a reason containing text. */
static void expect_refused(size_t size, const char *text, int line)
{
	char why[200] = "";
	int err = elf_check_image(image, size, why, sizeof(why));

	if (err != -ENOEXEC)
		ktest_fail(__FILE__, line, "expected -ENOEXEC, got %d (%s)", err, why);
	else if (!strstr(why, text))
		ktest_fail(__FILE__, line, "reason \"%s\" does not contain \"%s\"", why, text);
}
#define EXPECT_REFUSED(size, text) expect_refused(size, text, __LINE__)

KTEST(exec, good_image_is_accepted)
{
	char why[200] = "";

	KTEST_EXPECT_EQ(elf_check_image(image, good_image(), why, sizeof(why)), 0);
}

KTEST(exec, bad_headers_are_refused_with_their_reason)
{
	size_t size;

	size = good_image();
	image[0] = 0;
	EXPECT_REFUSED(size, "not an ELF file (bad magic)");
	EXPECT_REFUSED(3, "not an ELF file (bad magic)");
	size = good_image();
	EXPECT_REFUSED(20, "truncated ELF header (20 bytes");
	image_ehdr(image)->e_ident[EI_CLASS] = 2;
	EXPECT_REFUSED(size, "not a 32-bit ELF file (class 2)");
	size = good_image();
	image_ehdr(image)->e_ident[EI_DATA] = 2;
	EXPECT_REFUSED(size, "not a little-endian ELF file");
	size = good_image();
	image_ehdr(image)->e_machine = 62;
	EXPECT_REFUSED(size, "wrong machine 62 (x86-64");
	image_ehdr(image)->e_machine = 40;
	EXPECT_REFUSED(size, "wrong machine 40 (ARM)");
	size = good_image();
	image_ehdr(image)->e_type = ET_DYN;
	EXPECT_REFUSED(size, "(ET_DYN)");
	image_ehdr(image)->e_type = ET_REL;
	EXPECT_REFUSED(size, "not an executable (ELF type 1)");
	size = good_image();
	image_ehdr(image)->e_phentsize = 56;
	EXPECT_REFUSED(size, "bad program header size 56");
	size = good_image();
	image_ehdr(image)->e_phnum = 0;
	EXPECT_REFUSED(size, "no program headers");
	size = good_image();
	image_ehdr(image)->e_phoff = size - 16;
	EXPECT_REFUSED(size, "program headers (offset");
	image_ehdr(image)->e_phoff = 0xfffffff0;	/* offset + size wraps in 32 bits */
	EXPECT_REFUSED(size, "past the end of the file");
}

KTEST(exec, bad_segments_are_refused_with_their_reason)
{
	static const u8 data[16];
	struct test_segment s = { 0x0804c000, PF_R | PF_W, data, sizeof(data), 0x1000 };
	size_t size;

	size = image_with(&s, 1);
	image_phdr(image, 1)->p_filesz = 0x2000;
	EXPECT_REFUSED(size, "segment 1: file size 0x2000 larger than memory size 0x1000");
	size = image_with(&s, 1);
	image_phdr(image, 1)->p_offset = size - 4;
	EXPECT_REFUSED(size, "segment 1: file bytes");
	image_phdr(image, 1)->p_offset = 0xfffffff8;
	EXPECT_REFUSED(size, "past the end of the file");

	s.vaddr = 0xc0000000;
	EXPECT_REFUSED(image_with(&s, 1), "reaches into kernel space");
	s.vaddr = 0xbffff800;			/* ends 0x800 bytes into the kernel */
	EXPECT_REFUSED(image_with(&s, 1), "reaches into kernel space");
	s.vaddr = 0xfffff000;
	s.memsz = 0x2000;			/* wraps past 4 GiB */
	EXPECT_REFUSED(image_with(&s, 1), "reaches into kernel space");
	s.vaddr = 0xbfff0000;
	s.memsz = 0x1000;
	EXPECT_REFUSED(image_with(&s, 1), "overlaps the stack");
	s.vaddr = 0x1000;
	EXPECT_REFUSED(image_with(&s, 1), "is below 0x10000");
	s.vaddr = USER_BASE + 0x10;		/* inside segment 0 */
	EXPECT_REFUSED(image_with(&s, 1), "segments 0 and 1 overlap");
	s.vaddr = USER_BASE - 0x800;		/* ends inside segment 0 */
	EXPECT_REFUSED(image_with(&s, 1), "segments 1 and 0 overlap");
}

KTEST(exec, unloadable_programs_are_refused)
{
	static const u8 interp[] = "/lib/ld-linux.so.2";
	struct test_segment s = { 0x0804c000, PF_R, interp, sizeof(interp), sizeof(interp) };
	struct test_segment many[17];
	size_t size;
	int i;

	size = image_with(&s, 1);
	image_phdr(image, 1)->p_type = PT_INTERP;
	EXPECT_REFUSED(size, "dynamically linked");
	size = good_image();
	image_phdr(image, 0)->p_type = PT_NOTE;
	EXPECT_REFUSED(size, "no loadable segment");
	size = good_image();
	image_ehdr(image)->e_entry = 0x09000000;
	EXPECT_REFUSED(size, "entry point 0x09000000 is outside every loadable segment");
	for (i = 0; i < 17; i++)
		many[i] = (struct test_segment){ 0x08100000 + i * 0x1000, PF_R, NULL, 0, 16 };
	EXPECT_REFUSED(image_with(many, 17), "more than 16 loadable segments");
}

struct mem_count {
	unsigned long pages, objects;
};

static void count_memory(struct mem_count *m)
{
	m->pages = nr_free_pages() + nr_slab_pages();
	m->objects = nr_slab_objects();
}

KTEST(exec, refused_program_exits_126_and_leaks_nothing)
{
	struct test_segment s = { 0xc0000000, PF_R | PF_W, NULL, 0, 0x1000 };
	struct mem_count before, after;
	size_t size;

	count_memory(&before);
	ktest_capture_start();
	size = good_image();
	image[1] = 'X';
	KTEST_EXPECT_EQ(run_program("/some/dir/badmagic arg", image, size), EXIT_STATUS_NOEXEC);
	KTEST_EXPECT_LOGGED("exec: badmagic: not an ELF file (bad magic)");
	size = good_image();
	image_ehdr(image)->e_machine = 62;
	KTEST_EXPECT_EQ(run_program("amd64", image, size), EXIT_STATUS_NOEXEC);
	KTEST_EXPECT_LOGGED("exec: amd64: wrong machine 62");
	KTEST_EXPECT_EQ(run_program("kernelseg", image, image_with(&s, 1)), EXIT_STATUS_NOEXEC);
	KTEST_EXPECT_LOGGED("exec: kernelseg: segment 1 at 0xc0000000");
	ktest_capture_stop();
	count_memory(&after);
	KTEST_EXPECT_EQ(after.pages, before.pages);
	KTEST_EXPECT_EQ(after.objects, before.objects);
	/* and a good one still runs */
	KTEST_EXPECT_EQ(run_program("good", image, good_image()), 7);
}

/* Linux's MAX_ARG_STRLEN: one argument of more than 32 pages is E2BIG, nothing leaks. */
KTEST(exec, an_argument_longer_than_max_arg_strlen_is_refused)
{
	static char line[MAX_ARG_STRLEN + 16];
	struct mem_count before, after;
	size_t i;

	memcpy(line, "prog ", 5);
	for (i = 5; i < sizeof(line) - 1; i++)
		line[i] = 'a';
	line[i] = 0;
	count_memory(&before);
	ktest_capture_start();
	KTEST_EXPECT_EQ(run_program(line, image, good_image()), EXIT_STATUS_NOEXEC);
	KTEST_EXPECT_LOGGED("argument string 1 too long");
	ktest_capture_stop();
	count_memory(&after);
	KTEST_EXPECT_EQ(after.pages, before.pages);
	KTEST_EXPECT_EQ(after.objects, before.objects);
}

/*
 * Data and .bss: 4 file bytes at 0x0804a000 and 0x2000 bytes of memory. The rest of
 * the first page and all of the second read 0, and both are writable.
 */
USER_CODE(prog_bss,
	"mov $1, %ebx\n cmpl $0x44332211, 0x0804a000\n jne 9f\n"
	"mov $2, %ebx\n cmpl $0, 0x0804a004\n jne 9f\n"
	"mov $3, %ebx\n cmpl $0, 0x0804affc\n jne 9f\n"
	"mov $4, %ebx\n cmpl $0, 0x0804bffc\n jne 9f\n"
	"movl $5, 0x0804bffc\n"
	"mov $5, %ebx\n cmpl $5, 0x0804bffc\n jne 9f\n"
	"mov $0, %ebx\n"
	"9:\n" SYS_EXIT_EBX);

KTEST(exec, data_is_copied_and_bss_is_zero)
{
	static const u8 data[4] = { 0x11, 0x22, 0x33, 0x44 };
	struct test_segment s = { 0x0804a000, PF_R | PF_W, data, sizeof(data), 0x2000 };

	KTEST_EXPECT_EQ(run_program("bss", image,
				    build_elf(image, prog_bss, prog_bss_end - prog_bss, &s, 1)), 0);
}

/*
 * A data segment starting in the code's page (at USER_BASE + 0x400): that page must
 * be executable and writable, the next one writable. Exit with what was written.
 */
USER_CODE(prog_shared,
	"movl $0x2a, 0x08048400\n"
	"movl $0x1, 0x08049000\n"
	"mov 0x08048400, %ebx\n"
	SYS_EXIT_EBX);

KTEST(exec, segments_sharing_a_page_get_both_rights)
{
	static const u8 data[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct test_segment s = { USER_BASE + 0x400, PF_R | PF_W, data, sizeof(data), 0x1000 };

	KTEST_EXPECT_EQ(run_program("shared", image, build_elf(image, prog_shared,
				    prog_shared_end - prog_shared, &s, 1)), 0x2a);
}

/* Look each auxv entry up (7: lookup %edx -> %eax, 0 if absent) and check it. */
USER_CODE(prog_auxv_check,
	"mov %esp, %ebp\n"
	"mov $3, %edx\n call 7f\n"			/* AT_PHDR -> our program headers */
	"mov $10, %ebx\n test %eax, %eax\n jz 9f\n"
	"mov $11, %ebx\n cmpl $1, (%eax)\n jne 9f\n"	/* p_type PT_LOAD */
	"mov $12, %ebx\n cmpl $0x08048000, 8(%eax)\n jne 9f\n"
	"mov $4, %edx\n call 7f\n"
	"mov $13, %ebx\n cmp $32, %eax\n jne 9f\n"	/* AT_PHENT */
	"mov $5, %edx\n call 7f\n"
	"mov $14, %ebx\n cmp $1, %eax\n jne 9f\n"	/* AT_PHNUM */
	"mov $9, %edx\n call 7f\n"
	"mov $15, %ebx\n cmp $0x08048054, %eax\n jne 9f\n"	/* AT_ENTRY */
	"mov $25, %edx\n call 7f\n"			/* AT_RANDOM: 16 readable bytes */
	"mov $16, %ebx\n test %eax, %eax\n jz 9f\n"
	"mov (%eax), %ecx\n or 12(%eax), %ecx\n"
	"mov $15, %edx\n call 7f\n"			/* AT_PLATFORM "i686" */
	"mov $17, %ebx\n test %eax, %eax\n jz 9f\n"
	"cmpl $0x36383669, (%eax)\n jne 9f\n"
	"mov $31, %edx\n call 7f\n"			/* AT_EXECFN is argv[0]'s text */
	"mov $18, %ebx\n test %eax, %eax\n jz 9f\n"
	"mov 4(%ebp), %esi\n mov (%esi), %ecx\n cmp (%eax), %ecx\n jne 9f\n"
	"mov $32, %edx\n call 7f\n"			/* AT_SYSINFO: __kernel_vsyscall */
	"mov $19, %ebx\n cmp $0xb8001000, %eax\n jbe 9f\n"	/* inside [vdso] */
	"cmp $0xb8002000, %eax\n jae 9f\n"
	"mov $33, %edx\n call 7f\n"			/* AT_SYSINFO_EHDR: the vDSO's ELF */
	"mov $21, %ebx\n cmp $0xb8001000, %eax\n jne 9f\n"	/* header, VDSO_ADDR */
	"cmpl $0x464c457f, (%eax)\n jne 9f\n"
	"mov $6, %edx\n call 7f\n"
	"mov $20, %ebx\n cmp $4096, %eax\n jne 9f\n"	/* AT_PAGESZ */
	"mov $0, %ebx\n"
	"9:\n" SYS_EXIT_EBX
	"7: mov (%ebp), %ecx\n"
	"lea 8(%ebp,%ecx,4), %esi\n"
	"1: lodsl\n test %eax, %eax\n jnz 1b\n"
	"2: lodsl\n mov %eax, %ecx\n lodsl\n cmp %edx, %ecx\n je 3f\n"
	"test %ecx, %ecx\n jnz 2b\n xor %eax, %eax\n"
	"3: ret\n");

KTEST(exec, auxiliary_vector_describes_the_program)
{
	KTEST_EXPECT_EQ(run_program("/bin/auxv x", image, build_program(image, prog_auxv_check,
				    prog_auxv_check_end)), 0);
}

/*
 * exec builds the new address space aside (fs/exec.c). A kernel thread execs (without
 * returning to user mode), and after each attempt we look at its mm and CR3: a refused
 * or failed exec leaves both as they were, a successful one replaces them. The failed
 * attempts are made with memory exhausted but for k pages, for growing k, so they fail
 * at every allocation exec makes in turn (directory, page tables, data and stack pages,
 * slab objects); the last ones succeed. Nothing may leak.
 */
struct exec_probe {
	int refused_err, refused_mm_kept, first_ok, later_refused_kept;
	int failures, failures_kept, successes, replaced;
	unsigned long entry_eip;
};

static size_t probe_size;

static int try_exec(const void *img, size_t size)
{
	static char *const argv[] = { "probe", "arg", NULL };
	struct linux_binprm bprm = {
		.image = img, .size = size, .filename = "probe", .comm = "probe",
		.argc = 2, .argv = argv,
	};

	return do_execve(&bprm);
}

static int exec_probe_thread(void *arg)
{
	struct exec_probe *r = arg;
	static u8 bad[64];
	struct mm_struct *mm;
	unsigned long k;

	memcpy(bad, image, sizeof(bad));
	bad[0] = 0;
	r->refused_err = try_exec(bad, sizeof(bad));
	r->refused_mm_kept = !current->mm && current_pgd() == swapper_pg_dir;

	r->first_ok = try_exec(image, probe_size) == 0 && current->mm &&
		      current_pgd() == current->mm->pgd;
	r->entry_eip = task_pt_regs(current)->eip;
	mm = current->mm;
	r->later_refused_kept = try_exec(bad, sizeof(bad)) == -ENOEXEC && current->mm == mm &&
				current_pgd() == mm->pgd;

	for (k = 0; k < 24 && !r->successes; k++) {
		LIST_HEAD(hog);
		int err;

		hog_all_but(&hog, k);
		err = try_exec(image, probe_size);
		hog_release(&hog);
		if (err) {
			r->failures++;
			r->failures_kept += current->mm == mm && current_pgd() == mm->pgd;
		} else {
			r->successes++;
			r->replaced = current->mm != mm && current_pgd() == current->mm->pgd;
		}
	}
	do_exit(0);		/* frees the last mm: the parent's leak check covers it */
}

KTEST(exec, the_new_mm_is_built_aside_and_a_failure_keeps_the_old_one)
{
	struct exec_probe r;
	struct mem_count before, after;
	struct task_struct *t;

	memset(&r, 0, sizeof(r));
	probe_size = good_image();
	mm_caches_shrink();
	count_memory(&before);
	ktest_capture_start();
	t = copy_process(exec_probe_thread, &r, "probe");
	KTEST_ASSERT_NOT_NULL(t);
	wake_up_new_task(t);
	KTEST_EXPECT_EQ(kernel_wait(t), 0);
	ktest_capture_stop();
	KTEST_EXPECT_EQ(r.refused_err, -ENOEXEC);
	KTEST_EXPECT_TRUE(r.refused_mm_kept);
	KTEST_EXPECT_TRUE(r.first_ok);
	KTEST_EXPECT_EQ(r.entry_eip, image_ehdr(image)->e_entry);
	KTEST_EXPECT_TRUE(r.later_refused_kept);
	KTEST_EXPECT_GE(r.failures, 3);			/* several points of failure met */
	KTEST_EXPECT_EQ(r.failures_kept, r.failures);
	KTEST_EXPECT_EQ(r.successes, 1);
	KTEST_EXPECT_TRUE(r.replaced);
	mm_caches_shrink();
	count_memory(&after);
	KTEST_EXPECT_EQ(after.pages, before.pages);
	KTEST_EXPECT_EQ(after.objects, before.objects);
}

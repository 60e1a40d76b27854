/*
 * Self-tests for the vDSO (arch/x86/entry/vdso/, arch/x86/kernel/vdso_map.c), its data
 * page (kernel/time.c) and the sysenter entry (arch/x86/kernel/entry_32.asm):
 *  - the image linked into the kernel is an ELF shared object with the dynamic symbols
 *    and versions glibc and musl look up, no relocations, and the bytes the kernel
 *    patches and returns to where it expects them;
 *  - a new mm gets [vvar] and [vdso] (read-only, never writable), whose faults map the
 *    shared pages, counted like any page and given back by mmput;
 *  - the data page advances at every tick, under its sequence count, and gives the
 *    kernel's own clock to within the time between two readings;
 *  - user programs calling __kernel_vsyscall (sysenter) get their results, their
 *    registers and their sixth argument right; bad ebp values and a segment spoiled
 *    during the call end in a signal or a null selector, never an oops.
 */
#include <ktest.h>
#include <elf.h>
#include <uapi/errno.h>
#include <uapi/mman.h>
#include <jiffies.h>
#include <mm.h>
#include <mmap.h>
#include <pgtable.h>
#include <sched.h>
#include <string.h>
#include <timekeeping.h>
#include <vdso.h>
#include <asm/vvar.h>
#include <asm/x86.h>
#include "mm_test.h"
#include "user_image.h"

#define DT_NULL		0
#define DT_HASH		4
#define DT_STRTAB	5
#define DT_SYMTAB	6
#define DT_RELA		7
#define DT_REL		17
#define DT_VERSYM	0x6ffffff0
#define DT_VERDEF	0x6ffffffc

typedef struct { s32 d_tag; u32 d_val; } Elf32_Dyn;
typedef struct { u32 st_name, st_value, st_size; u8 st_info, st_other; u16 st_shndx; } Elf32_Sym;
typedef struct { u16 vd_version, vd_flags, vd_ndx, vd_cnt; u32 vd_hash, vd_aux, vd_next; } Elf32_Verdef;
typedef struct { u32 vda_name, vda_next; } Elf32_Verdaux;

struct vdso_view {
	const u8 *img;
	const Elf32_Sym *sym;
	const char *str;
	const u16 *versym;
	const Elf32_Verdef *verdef;
	u32 nsyms;
	bool relocs;
};

static bool vdso_view(struct vdso_view *v)
{
	const Elf32_Ehdr *eh = (const void *)vdso_image_start;
	const Elf32_Phdr *ph = (const void *)(vdso_image_start + eh->e_phoff);
	const Elf32_Dyn *dyn = NULL;
	int i;

	memset(v, 0, sizeof(*v));
	v->img = vdso_image_start;
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const void *)(v->img + ph[i].p_offset);
	if (!dyn)
		return false;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		switch (dyn->d_tag) {	/* linked at 0: addresses are offsets */
		case DT_HASH:
			v->nsyms = ((const u32 *)(v->img + dyn->d_val))[1];	/* nchain */
			break;
		case DT_STRTAB: v->str = (const char *)v->img + dyn->d_val; break;
		case DT_SYMTAB: v->sym = (const void *)(v->img + dyn->d_val); break;
		case DT_VERSYM: v->versym = (const void *)(v->img + dyn->d_val); break;
		case DT_VERDEF: v->verdef = (const void *)(v->img + dyn->d_val); break;
		case DT_REL: case DT_RELA: v->relocs = true; break;
		}
	}
	return v->nsyms && v->str && v->sym && v->versym && v->verdef;
}

/* The version name of verdef index ndx, or NULL. */
static const char *version_name(const struct vdso_view *v, u16 ndx)
{
	const Elf32_Verdef *d = v->verdef;

	for (;;) {
		if (d->vd_ndx == (ndx & 0x7fff))
			return v->str + ((const Elf32_Verdaux *)((const u8 *)d + d->vd_aux))->vda_name;
		if (!d->vd_next)
			return NULL;
		d = (const void *)((const u8 *)d + d->vd_next);
	}
}

/* The symbol's value if it is defined with that version, else 0. */
static u32 lookup(const struct vdso_view *v, const char *name, const char *version)
{
	const char *ver;
	u32 i;

	for (i = 1; i < v->nsyms; i++) {
		if (strcmp(v->str + v->sym[i].st_name, name) || !v->sym[i].st_shndx)
			continue;
		ver = version_name(v, v->versym[i]);
		return ver && !strcmp(ver, version) ? v->sym[i].st_value : 0;
	}
	return 0;
}

KTEST(vdso, image_is_an_elf_dso_with_linux_symbols_and_versions)
{
	static const char *const v26[] = { "__vdso_clock_gettime", "__vdso_gettimeofday",
		"__vdso_time", "__vdso_clock_getres", "__vdso_clock_gettime64" };
	static const char *const v25[] = { "__kernel_vsyscall", "__kernel_sigreturn",
		"__kernel_rt_sigreturn" };
	const Elf32_Ehdr *eh = (const void *)vdso_image_start;
	const u8 *vs = vdso_image_start + vdso_sym_kernel_vsyscall;
	struct vdso_view v;
	unsigned int i;

	KTEST_ASSERT_EQ(memcmp(eh->e_ident, "\177ELF", 4), 0);
	KTEST_EXPECT_EQ(eh->e_ident[EI_CLASS], 1);
	KTEST_EXPECT_EQ(eh->e_type, ET_DYN);
	KTEST_EXPECT_EQ(eh->e_machine, EM_386);
	KTEST_EXPECT_LE(vdso_image_end - vdso_image_start, PAGE_SIZE);
	KTEST_ASSERT_TRUE(vdso_view(&v));
	KTEST_EXPECT_FALSE(v.relocs);
	for (i = 0; i < ARRAY_SIZE(v26); i++)
		KTEST_EXPECT_NE(lookup(&v, v26[i], "LINUX_2.6"), 0);
	for (i = 0; i < ARRAY_SIZE(v25); i++)
		KTEST_EXPECT_NE(lookup(&v, v25[i], "LINUX_2.5"), 0);
	KTEST_EXPECT_EQ(lookup(&v, "__vdso_time", "LINUX_2.5"), 0);	/* wrong version */
	KTEST_EXPECT_EQ(lookup(&v, "__vdso_getcpu", "LINUX_2.6"), 0);	/* not provided */
	KTEST_EXPECT_EQ(lookup(&v, "__kernel_vsyscall", "LINUX_2.5"), vdso_sym_kernel_vsyscall);
	/* push ecx, edx, ebp; mov esp, ebp; sysenter; int $0x80; then the landing pad. */
	KTEST_EXPECT_EQ(memcmp(vs, "\x51\x52\x55\x89\xe5\x0f\x34\xcd\x80", 9), 0);
	KTEST_EXPECT_EQ(vdso_sym_sysenter_seq, vdso_sym_kernel_vsyscall + 3);
	KTEST_EXPECT_EQ(vdso_sym_int80_landing_pad, vdso_sym_kernel_vsyscall + 9);
	KTEST_EXPECT_EQ(vdso_sysenter_return, VDSO_ADDR + vdso_sym_int80_landing_pad);
}

KTEST(vdso, qemu_cpu_has_sep_and_uses_sysenter)
{
	KTEST_EXPECT_TRUE(vdso_uses_sysenter);
	KTEST_EXPECT_NOT_NULL(vdso_data);
}

KTEST(vdso, new_mm_maps_vvar_and_vdso_and_faults_share_the_pages)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vvar, *vdso;
	struct page *vvar_pg = virt_to_page(vdso_data);
	int vvar_maps = page_mapcount(vvar_pg), vvar_refs = vvar_pg->_refcount;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(vdso_base(mm), 0);
	KTEST_ASSERT_EQ(arch_setup_additional_pages(mm), 0);
	KTEST_EXPECT_EQ(mm->map_count, 2);
	KTEST_EXPECT_EQ(mm->total_vm, 2);
	vvar = find_vma(mm, VVAR_ADDR);
	vdso = find_vma(mm, VDSO_ADDR);
	KTEST_ASSERT_NOT_NULL(vvar);
	KTEST_ASSERT_NOT_NULL(vdso);
	KTEST_EXPECT_STREQ(vvar->vm_name, "[vvar]");
	KTEST_EXPECT_STREQ(vdso->vm_name, "[vdso]");
	KTEST_EXPECT_EQ(vvar->vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_MAYWRITE), VM_READ);
	KTEST_EXPECT_EQ(vdso->vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_MAYWRITE),
			VM_READ | VM_EXEC);
	KTEST_EXPECT_EQ(vdso_base(mm), VDSO_ADDR);
	KTEST_EXPECT_EQ(vdso_entry(mm), VDSO_ADDR + vdso_sym_kernel_vsyscall);
	/* Not above mmap_base: the mmap area below is laid out as without a vDSO. */
	KTEST_EXPECT_GE(VVAR_ADDR, mm->mmap_base);
	/* A second call finds the range taken and adds nothing. */
	KTEST_EXPECT_EQ(arch_setup_additional_pages(mm), 0);
	KTEST_EXPECT_EQ(mm->map_count, 2);
	/* mprotect cannot make them writable (no VM_MAYWRITE). */
	KTEST_EXPECT_EQ(do_mprotect(mm, VDSO_ADDR, PAGE_SIZE, PROT_READ | PROT_WRITE), -EACCES);

	KTEST_EXPECT_EQ(handle_mm_fault(mm, vvar, VVAR_ADDR + 8, 0), 0);
	KTEST_EXPECT_EQ(handle_mm_fault(mm, vdso, VDSO_ADDR, 0), 0);
	KTEST_EXPECT_EQ(mm->rss, 2);
	pte = pte_lookup(mm->pgd, VVAR_ADDR);
	KTEST_ASSERT_NOT_NULL(pte);
	KTEST_EXPECT_EQ(pte_pfn(*pte), page_to_pfn(vvar_pg));
	KTEST_EXPECT_FALSE(pte_write(*pte));
	KTEST_EXPECT_EQ(page_mapcount(vvar_pg), vvar_maps + 1);
	pte = pte_lookup(mm->pgd, VDSO_ADDR);
	KTEST_ASSERT_NOT_NULL(pte);
	KTEST_EXPECT_FALSE(pte_write(*pte));
	KTEST_EXPECT_EQ(memcmp(page_address(pte_page(*pte)), vdso_image_start, 16), 0);
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
	/* The kernel's own reference keeps the page; the mapping's went with the mm. */
	KTEST_EXPECT_EQ(page_mapcount(vvar_pg), vvar_maps);
	KTEST_EXPECT_EQ(vvar_pg->_refcount, vvar_refs);
}

/* Wait for n more ticks (interrupts are on in the tests' task). */
static void wait_ticks(unsigned long n)
{
	unsigned long target = jiffies + n;

	while ((long)(jiffies - target) < 0)
		halt();
}

/* The monotonic clock as the vDSO computes it, from the page only. */
static u64 vvar_mono_ns(const struct vdso_data *vd, unsigned int *seq)
{
	u64 ns, cyc;

	do {
		*seq = vd->seq;
		barrier();
		cyc = rdtsc() - vd->cycle_last;
		ns = vd->base[VDSO_BASE_MONO].sec * NSEC_PER_SEC + vd->base[VDSO_BASE_MONO].nsec +
		     (((cyc & 0xffffffffULL) * vd->mult) >> vd->shift) +
		     (((cyc >> 32) * vd->mult) << (32 - vd->shift));
		barrier();
	} while ((*seq & 1) || *seq != vd->seq);
	return ns;
}

KTEST(vdso, vvar_page_advances_every_tick_and_matches_the_kernel_clock)
{
	const struct vdso_data *vd = vdso_data;
	unsigned int seq0, seq1;
	u64 ns0, ns1, k0, k1, coarse0;

	KTEST_ASSERT_NOT_NULL(vd);
	if (vd->clock_mode != VCLOCK_TSC)
		wait_ticks(12);		/* the TSC rate is known at tick 11 */
	KTEST_ASSERT_EQ(vd->clock_mode, VCLOCK_TSC);
	KTEST_EXPECT_NE(vd->mult, 0);
	KTEST_EXPECT_LE(vd->shift, 32);
	KTEST_EXPECT_EQ(vd->tick_ns, NSEC_PER_SEC / HZ);
	k0 = ktime_get_ns();
	ns0 = vvar_mono_ns(vd, &seq0);
	k1 = ktime_get_ns();
	KTEST_EXPECT_GE(ns0, k0);	/* the same formula: between two kernel readings */
	KTEST_EXPECT_LE(ns0, k1);
	coarse0 = vd->coarse[VDSO_BASE_MONO].sec * NSEC_PER_SEC + vd->coarse[VDSO_BASE_MONO].nsec;
	wait_ticks(3);
	ns1 = vvar_mono_ns(vd, &seq1);
	KTEST_EXPECT_EQ(seq0 & 1, 0);
	KTEST_EXPECT_GE(seq1 - seq0, 2 * 3);	/* two steps per tick */
	KTEST_EXPECT_GT(ns1, ns0);
	/* The coarse clock moved with the ticks (by how much depends on the host's timing). */
	KTEST_EXPECT_GT(vd->coarse[VDSO_BASE_MONO].sec * NSEC_PER_SEC +
			vd->coarse[VDSO_BASE_MONO].nsec, coarse0);
	/* The wall clock is the monotonic clock plus a fixed offset. */
	KTEST_EXPECT_GT(vd->base[VDSO_BASE_REAL].sec, 1500000000ULL);	/* after 2017 */
}

/*
 * The user programs' common parts. At entry ebp = the initial esp; "7:" looks up the
 * auxv entry %edx (-> %eax, 0 if absent); AT_SYSINFO goes to %edi.
 */
#define AUXV_LOOKUP							\
	"7: mov (%ebp), %ecx\n"						\
	"lea 8(%ebp,%ecx,4), %esi\n"					\
	"1: lodsl\n test %eax, %eax\n jnz 1b\n"				\
	"2: lodsl\n mov %eax, %ecx\n lodsl\n cmp %edx, %ecx\n je 3f\n"	\
	"test %ecx, %ecx\n jnz 2b\n xor %eax, %eax\n"			\
	"3: ret\n"
#define FIND_VSYSCALL							\
	"mov %esp, %ebp\n"						\
	"mov $32, %edx\n call 7f\n"					\
	"mov $90, %ebx\n test %eax, %eax\n jz 9f\n"			\
	"mov %eax, %edi\n"

/*
 * getpid through __kernel_vsyscall equals getpid by int $0x80; ebx, ecx, edx, esi, edi
 * and ebp come back unchanged; mmap2 with six arguments (the sixth, pgoff 0, read from
 * the user stack) gives a page that can be written.
 */
USER_CODE(prog_vsyscall,
	FIND_VSYSCALL
	"mov $20, %eax\n int $0x80\n mov %eax, %esi\n"		/* getpid by int $0x80 */
	"push %edi\n"
	"mov $20, %eax\n mov $0x11111111, %ebx\n mov $0x22222222, %ecx\n"
	"mov $0x33333333, %edx\n push %ebp\n mov $0x55555555, %ebp\n"
	"call *%edi\n"
	"cmp $0x55555555, %ebp\n pop %ebp\n pop %edi\n"
	"mov $1, %ebx\n jne 9f\n"
	"cmp %eax, %esi\n mov $2, %ebx\n jne 9f\n"
	"cmp $0x22222222, %ecx\n mov $3, %ebx\n jne 9f\n"
	"cmp $0x33333333, %edx\n mov $4, %ebx\n jne 9f\n"
	/* mmap2(0, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0): all six */
	"push %ebp\n push %edi\n"
	"mov $192, %eax\n xor %ebx, %ebx\n mov $4096, %ecx\n mov $3, %edx\n"
	"mov $0x22, %esi\n mov $-1, %edi\n xor %ebp, %ebp\n"
	"call *(%esp)\n pop %edi\n pop %ebp\n"
	"mov $5, %ebx\n test $0xfff, %eax\n jnz 9f\n"
	"cmp $0xb8000000, %eax\n jae 9f\n"			/* below mmap_base */
	"movl $42, (%eax)\n"
	"mov $0, %ebx\n"
	"9:\n" SYS_EXIT_EBX
	AUXV_LOOKUP);

KTEST(vdso, program_calls_through_kernel_vsyscall)
{
	static u8 image[TEST_IMAGE_MAX];

	KTEST_EXPECT_EQ(run_program("vsyscall", image, build_program(image, prog_vsyscall,
				    prog_vsyscall_end)), 0);
}

/*
 * sysenter executed by the program itself with an ebp the kernel must not read: a
 * kernel address (refused before any read) and an unmapped user page (the read faults,
 * the exception table answers). Both get -EFAULT, then sysexit returns with esp = ebp,
 * where the landing pad's pops fault: SIGSEGV (139), as on Linux, and no oops.
 */
USER_CODE(prog_sysenter_kernel_ebp,
	"mov $20, %eax\n mov $0xc0001000, %ebp\n sysenter\n"
	"mov $1, %ebx\n" SYS_EXIT_EBX);
USER_CODE(prog_sysenter_unmapped_ebp,
	"mov $20, %eax\n mov $0x00400000, %ebp\n sysenter\n"
	"mov $1, %ebx\n" SYS_EXIT_EBX);

/*
 * TF set by popf right before the sysenter of a hand-made __kernel_vsyscall call (a call
 * pushes the return address, then ecx, edx, ebp): the single-step trap comes on the kernel's first
 * instruction. It must not oops: the kernel clears TF there (sysenter_32.c) and the call
 * completes, back through the vDSO's landing pad; the status is getpid's sign (0: > 0).
 */
USER_CODE(prog_sysenter_tf,
	"call 0f\n jmp 1f\n"		/* position-independent: the code runs copied */
	"0: push %ecx\n push %edx\n push %ebp\n mov %esp, %ebp\n"
	"mov $20, %eax\n pushf\n orl $0x100, (%esp)\n popf\n sysenter\n"
	"1: mov $2, %ebx\n test %eax, %eax\n jle 9f\n"
	"pushf\n pop %ecx\n mov $3, %ebx\n test $0x100, %ecx\n jnz 9f\n"	/* TF gone */
	"mov $0, %ebx\n"
	"9:\n" SYS_EXIT_EBX);

KTEST(vdso, sysenter_with_tf_set_is_not_an_oops)
{
	static u8 image[TEST_IMAGE_MAX];

	KTEST_EXPECT_EQ(run_program("sysenter-tf", image,
				    build_program(image, prog_sysenter_tf, prog_sysenter_tf_end)),
			0);
}

KTEST(vdso, sysenter_with_a_bad_ebp_is_a_signal_not_an_oops)
{
	static u8 image[TEST_IMAGE_MAX];

	KTEST_EXPECT_EQ(run_program("sysenter-kernel-ebp", image,
				    build_program(image, prog_sysenter_kernel_ebp,
						  prog_sysenter_kernel_ebp_end)), 139);
	KTEST_EXPECT_EQ(run_program("sysenter-unmapped-ebp", image,
				    build_program(image, prog_sysenter_unmapped_ebp,
						  prog_sysenter_unmapped_ebp_end)), 139);
}

/*
 * Loading a static ELF32 i386 executable (Linux's load_elf_binary() and
 * create_elf_tables(), for ET_EXEC files without an interpreter), into the new address
 * space that do_execve() (fs/exec.c) has made for it, bprm->mm. The task's own address
 * space is not touched until the point of no return, begin_new_exec().
 *
 * Two phases. elf_parse() checks the whole file before anything is mapped: the header
 * (magic, class, byte order, machine, type), the program-header table inside the file,
 * and every PT_LOAD segment (file bytes inside the file, no larger than its memory,
 * memory inside user space, not overlapping another segment). A refusal is one clear
 * line, "exec: PROG: reason", and the process never exists in user mode: it gets exit
 * status 126, a shell's "cannot execute".
 *
 * Then the address space: each PT_LOAD becomes an area of bprm->mm at its file offset
 * (vm_map_pgoff), its memory past the last file page an anonymous one (vm_brk, .bss as
 * in Linux), and its file bytes are copied in with copy_to_bprm(), which faults each
 * page in on that mm (demand zero, exactly as if the program had touched it) and writes
 * it through a kernel mapping: CR3 stays what it was. Pages start zeroed, so .bss and
 * the tail of the last file page need no clearing. The areas are created writable,
 * because the copy writes them even where the program may not (text), and get their
 * real rights afterwards with
 * mprotect; a page shared by two segments (they need not start on a page boundary) gets
 * the union of their rights, as it would from Linux's overlapping file mappings.
 *
 * The initial break is the page-aligned end of the highest segment, and the stack a
 * VM_GROWSDOWN area just below TASK_SIZE laid out as Linux lays it out (see
 * create_elf_tables()).
 *
 * Relies on: vm_map_pgoff, vm_brk, setup_stack_vma, mm_set_brk, do_mprotect (the mm
 * layer, include/mmap.h), copy_to_bprm and begin_new_exec (fs/exec.c), start_thread,
 * get_random_bytes.
 */
#include <binfmts.h>
#include <resource.h>
#include <elf.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <mmap.h>
#include <uapi/mman.h>
#include <pgtable.h>
#include <random.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <vdso.h>
#include <asm/x86.h>

#define MAX_LOAD_SEGMENTS	16
#define ELF_PLATFORM		"i686"

struct elf_layout {
	const Elf32_Ehdr *eh;
	const Elf32_Phdr *ph;
	int nload;
	const Elf32_Phdr *load[MAX_LOAD_SEGMENTS];	/* PT_LOADs sorted by address */
	unsigned long phdr_addr;	/* program headers in memory, 0 if not loaded */
	unsigned long end;		/* highest p_vaddr + p_memsz */
};

static __printf(3, 4) int refuse(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return -ENOEXEC;
}

static const char *machine_name(unsigned int m)
{
	switch (m) {
	case 62: return " (x86-64: build with gcc -m32)";
	case 40: return " (ARM)";
	case 183: return " (AArch64)";
	case 243: return " (RISC-V)";
	default: return "";
	}
}

static int check_header(const Elf32_Ehdr *eh, size_t size, char *why, size_t len)
{
	if (size < SELFMAG || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return refuse(why, len, "not an ELF file (bad magic)");
	if (size < sizeof(*eh))
		return refuse(why, len, "truncated ELF header (%zu bytes, need %zu)", size,
			      sizeof(*eh));
	if (eh->e_ident[EI_CLASS] != ELFCLASS32)
		return refuse(why, len, "not a 32-bit ELF file (class %u)", eh->e_ident[EI_CLASS]);
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return refuse(why, len, "not a little-endian ELF file (data encoding %u)",
			      eh->e_ident[EI_DATA]);
	if (eh->e_machine != EM_386 && eh->e_machine != EM_486)
		return refuse(why, len, "wrong machine %u%s: not an i386 program", eh->e_machine,
			      machine_name(eh->e_machine));
	if (eh->e_type == ET_DYN)
		return refuse(why, len, "position-independent executable or shared object "
			      "(ET_DYN): only static ET_EXEC programs load; link with -static -no-pie");
	if (eh->e_type != ET_EXEC)
		return refuse(why, len, "not an executable (ELF type %u)", eh->e_type);
	if (eh->e_phentsize != sizeof(Elf32_Phdr))
		return refuse(why, len, "bad program header size %u (expected %zu)",
			      eh->e_phentsize, sizeof(Elf32_Phdr));
	if (eh->e_phnum == 0)
		return refuse(why, len, "no program headers");
	if ((u64)eh->e_phoff + (u64)eh->e_phnum * sizeof(Elf32_Phdr) > size)
		return refuse(why, len, "program headers (offset 0x%x, %u entries) past the end "
			      "of the file (%zu bytes)", eh->e_phoff, eh->e_phnum, size);
	return 0;
}

static int check_load(const Elf32_Phdr *ph, int i, size_t size, char *why, size_t len)
{
	u64 end = (u64)ph->p_vaddr + ph->p_memsz;

	if (ph->p_filesz > ph->p_memsz)
		return refuse(why, len, "segment %d: file size 0x%x larger than memory size 0x%x",
			      i, ph->p_filesz, ph->p_memsz);
	if ((u64)ph->p_offset + ph->p_filesz > size)
		return refuse(why, len, "segment %d: file bytes 0x%x-0x%llx past the end of the "
			      "file (%zu bytes)", i, ph->p_offset,
			      (u64)ph->p_offset + ph->p_filesz, size);
	if (end > TASK_SIZE)
		return refuse(why, len, "segment %d at 0x%08x-0x%08llx reaches into kernel space "
			      "(user space ends at 0x%08lx)", i, ph->p_vaddr, end, TASK_SIZE);
	if (end > STACK_TOP - STACK_INIT_SIZE)
		return refuse(why, len, "segment %d at 0x%08x-0x%08llx overlaps the stack "
			      "(0x%08lx-0x%08lx)", i, ph->p_vaddr, end,
			      STACK_TOP - STACK_INIT_SIZE, STACK_TOP);
	if (ph->p_vaddr < MMAP_MIN_ADDR)
		return refuse(why, len, "segment %d at 0x%08x is below 0x%lx, the lowest address "
			      "a program may map", i, ph->p_vaddr, MMAP_MIN_ADDR);
	return 0;
}

/* Insert into the sorted list; refuse overlapping neighbours. */
static int add_load(struct elf_layout *l, const Elf32_Phdr *ph, char *why, size_t len)
{
	int i, j;

	if (l->nload == MAX_LOAD_SEGMENTS)
		return refuse(why, len, "more than %d loadable segments", MAX_LOAD_SEGMENTS);
	for (i = l->nload; i > 0 && l->load[i - 1]->p_vaddr > ph->p_vaddr; i--)
		l->load[i] = l->load[i - 1];
	l->load[i] = ph;
	l->nload++;
	/* Sorted by start: a segment can only overlap its neighbours. */
	for (j = i - 1; j <= i; j++) {
		const Elf32_Phdr *a, *b;

		if (j < 0 || j + 1 >= l->nload)
			continue;
		a = l->load[j];
		b = l->load[j + 1];
		if ((u64)a->p_vaddr + a->p_memsz > b->p_vaddr)
			return refuse(why, len, "segments %d and %d overlap (0x%08x-0x%08x and "
				      "0x%08x-0x%08x)", (int)(a - l->ph), (int)(b - l->ph),
				      a->p_vaddr, a->p_vaddr + a->p_memsz,
				      b->p_vaddr, b->p_vaddr + b->p_memsz);
	}
	return 0;
}

/* Where the program headers are once loaded: PT_PHDR, or the PT_LOAD holding them. */
static unsigned long find_phdr_addr(const struct elf_layout *l, unsigned long phdr_vaddr)
{
	u32 off = l->eh->e_phoff, bytes = l->eh->e_phnum * sizeof(Elf32_Phdr);
	int i;

	if (phdr_vaddr)
		return phdr_vaddr;
	for (i = 0; i < l->nload; i++) {
		const Elf32_Phdr *p = l->load[i];

		if (off >= p->p_offset && (u64)off + bytes <= (u64)p->p_offset + p->p_filesz)
			return p->p_vaddr + (off - p->p_offset);
	}
	return 0;
}

static int elf_parse(const void *image, size_t size, struct elf_layout *l,
		     char *why, size_t len)
{
	unsigned long phdr_vaddr = 0;
	bool entry_ok = false;
	int i, err;

	memset(l, 0, sizeof(*l));
	l->eh = image;
	err = check_header(l->eh, size, why, len);
	if (err)
		return err;
	l->ph = (const Elf32_Phdr *)((const u8 *)image + l->eh->e_phoff);
	for (i = 0; i < l->eh->e_phnum; i++) {
		const Elf32_Phdr *ph = &l->ph[i];

		if (ph->p_type == PT_INTERP)
			return refuse(why, len, "dynamically linked (it asks for an interpreter): "
				      "build it with -static");
		if (ph->p_type == PT_PHDR)
			phdr_vaddr = ph->p_vaddr;
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		err = check_load(ph, i, size, why, len);
		if (!err)
			err = add_load(l, ph, why, len);
		if (err)
			return err;
		if (l->eh->e_entry >= ph->p_vaddr && l->eh->e_entry - ph->p_vaddr < ph->p_memsz)
			entry_ok = true;
		if (ph->p_vaddr + ph->p_memsz > l->end)
			l->end = ph->p_vaddr + ph->p_memsz;
	}
	if (!l->nload)
		return refuse(why, len, "no loadable segment");
	if (!entry_ok)
		return refuse(why, len, "entry point 0x%08x is outside every loadable segment",
			      l->eh->e_entry);
	l->phdr_addr = find_phdr_addr(l, phdr_vaddr);
	return 0;
}

int elf_check_image(const void *image, size_t size, char *why, size_t why_len)
{
	struct elf_layout l;

	return elf_parse(image, size, &l, why, why_len);
}

static unsigned long prot_of(const Elf32_Phdr *ph)
{
	return ((ph->p_flags & PF_R) ? PROT_READ : 0) |
	       ((ph->p_flags & PF_W) ? PROT_WRITE : 0) |
	       ((ph->p_flags & PF_X) ? PROT_EXEC : 0);
}

static unsigned long seg_start(const Elf32_Phdr *ph)
{
	return ph->p_vaddr & PAGE_MASK;
}

static unsigned long seg_end(const Elf32_Phdr *ph)
{
	return PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
}

/* Union of the rights of every segment that has bytes in the page at addr. */
static unsigned long page_prot(const struct elf_layout *l, unsigned long addr, int *users)
{
	unsigned long prot = 0;
	int i;

	*users = 0;
	for (i = 0; i < l->nload; i++) {
		if (addr >= seg_start(l->load[i]) && addr < seg_end(l->load[i])) {
			prot |= prot_of(l->load[i]);
			(*users)++;
		}
	}
	return prot;
}

static int set_final_prot(struct mm_struct *mm, const struct elf_layout *l)
{
	long err;
	int i, k, users;

	for (i = 0; i < l->nload; i++) {
		err = do_mprotect(mm, seg_start(l->load[i]),
				  seg_end(l->load[i]) - seg_start(l->load[i]), prot_of(l->load[i]));
		if (err)
			return err;
	}
	/* Only a segment's first or last page can be shared with another segment. */
	for (i = 0; i < l->nload; i++) {
		unsigned long edge[2] = { seg_start(l->load[i]), seg_end(l->load[i]) - PAGE_SIZE };

		for (k = 0; k < 2; k++) {
			unsigned long prot = page_prot(l, edge[k], &users);

			if (users < 2)
				continue;
			err = do_mprotect(mm, edge[k], PAGE_SIZE, prot);
			if (err)
				return err;
		}
	}
	return 0;
}

static int map_segments(struct linux_binprm *bprm, const struct elf_layout *l,
			struct mm_struct *mm)
{
	const unsigned long rwx = VM_READ | VM_WRITE | VM_EXEC;
	unsigned long prev_end = 0;
	int i, err;

	mm->start_code = ~0UL;
	for (i = 0; i < l->nload; i++) {
		const Elf32_Phdr *ph = l->load[i];
		unsigned long start = max(seg_start(ph), prev_end), end = seg_end(ph);

		if (start < end) {
			/* File pages at the segment's file offset; memory past them is .bss. */
			unsigned long fend = min(max(PAGE_ALIGN(ph->p_vaddr + ph->p_filesz), start), end);

			err = fend > start ? vm_map_pgoff(mm, start, fend - start, rwx,
					(ph->p_offset + start - ph->p_vaddr) >> PAGE_SHIFT, current->comm) : 0;
			if (!err && end > fend)
				err = vm_brk(mm, fend, end - fend);
			if (err)
				return err;
		}
		prev_end = max(prev_end, end);

		/* Linux's bookkeeping: code is what is executable, data the rest. */
		if ((ph->p_flags & PF_X) && ph->p_vaddr < mm->start_code)
			mm->start_code = ph->p_vaddr;
		if ((ph->p_flags & PF_X) && ph->p_vaddr + ph->p_filesz > mm->end_code)
			mm->end_code = ph->p_vaddr + ph->p_filesz;
		if (ph->p_vaddr > mm->start_data)
			mm->start_data = ph->p_vaddr;
		if (ph->p_vaddr + ph->p_filesz > mm->end_data)
			mm->end_data = ph->p_vaddr + ph->p_filesz;
	}
	if (mm->start_code == ~0UL)
		mm->start_code = 0;

	for (i = 0; i < l->nload; i++) {
		const Elf32_Phdr *ph = l->load[i];

		err = copy_to_bprm(bprm, ph->p_vaddr, (const u8 *)bprm->image + ph->p_offset,
				   ph->p_filesz);
		if (err)
			return err;	/* the areas exist: only a page allocation can fail */
	}
	err = set_final_prot(mm, l);
	if (err)
		return err;
	mm_set_brk(mm, PAGE_ALIGN(l->end));
	return 0;
}

/* The bytes the strings and pointers of argv and envp take on the new stack. */
static size_t args_size(const struct linux_binprm *bprm)
{
	size_t total = (bprm->argc + 1 + bprm->envc + 1) * sizeof(u32) +
		       strlen(bprm->argv[0]) + 1;
	int i;

	for (i = 0; i < bprm->argc; i++)
		total += strlen(bprm->argv[i]) + 1;
	for (i = 0; i < bprm->envc; i++)
		total += strlen(bprm->envp[i]) + 1;
	return total;
}

/* Linux's limit (fs/exec.c, bprm_stack_limits()): a quarter of the stack limit. */
static unsigned long max_arg_bytes(void)
{
	unsigned long limit = min(rlimit(RLIMIT_STACK) / 4, ARG_MAX_CAP);

	return max(limit, ARG_MAX_MIN);
}

static int check_args(const struct linux_binprm *bprm, char *why, size_t len)
{
	size_t total = args_size(bprm);
	int i;

	for (i = 0; i < bprm->argc + bprm->envc; i++) {
		const char *s = i < bprm->argc ? bprm->argv[i] : bprm->envp[i - bprm->argc];

		if (strlen(s) + 1 > MAX_ARG_STRLEN) {
			snprintf(why, len, "%s string %d too long (%zu bytes, at most %lu)",
				 i < bprm->argc ? "argument" : "environment",
				 i < bprm->argc ? i : i - bprm->argc, strlen(s) + 1, MAX_ARG_STRLEN);
			return -E2BIG;
		}
	}
	if (total > max_arg_bytes()) {
		snprintf(why, len, "argument list too long (%zu bytes, at most %lu)", total,
			 max_arg_bytes());
		return -E2BIG;
	}
	return 0;
}

/* Write one word of the initial stack. */
static int put_word(struct linux_binprm *bprm, unsigned long *sp, unsigned long val)
{
	u32 v = val;

	int err = copy_to_bprm(bprm, *sp, &v, sizeof(v));

	if (err)
		return err;
	*sp += sizeof(v);
	return 0;
}

static unsigned long cpu_hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}

static int copy_string(struct linux_binprm *bprm, unsigned long *p, const char *s)
{
	size_t n = strlen(s) + 1;

	*p -= n;
	return copy_to_bprm(bprm, *p, s, n);
}

/*
 * Entries given only when they hold something: AT_PHDR ("if AT_PHDR is given it must be
 * right"), and AT_SYSINFO and AT_SYSINFO_EHDR (no vDSO: musl would call through a zero
 * AT_SYSINFO).
 */
static bool auxv_omitted(unsigned long type, unsigned long val)
{
	return !val && (type == AT_PHDR || type == AT_SYSINFO || type == AT_SYSINFO_EHDR);
}

/*
 * The initial stack of a static program, as Linux builds it (high to low addresses):
 *
 *	0 (4 bytes)				very top of user space
 *	AT_EXECFN string (the path, argv[0])
 *	envp strings, envp[0] lowest		mm->env_start..env_end
 *	argv strings, argv[0] lowest		mm->arg_start..arg_end
 *	"i686"					AT_PLATFORM, 16-byte aligned below the strings
 *	16 random bytes				AT_RANDOM
 *	auxv pairs ending with AT_NULL
 *	NULL					end of envp
 *	envp[envc-1] ... envp[0]
 *	NULL					end of argv
 *	argv[argc-1] ... argv[0]
 *	argc					<- esp, 16-byte aligned
 *
 * The stack area is made big enough for all of it plus STACK_INIT_SIZE, as Linux's
 * setup_arg_pages() grows it by stack_expand past the arguments.
 */
static int create_elf_tables(struct linux_binprm *bprm, const struct elf_layout *l,
			     struct mm_struct *mm)
{
	unsigned long p = STACK_TOP - sizeof(u32), execfn, platform, random, sp, arg;
	u8 rand[16];
	int i, err, nwords, nauxv;
	unsigned long vec[][2] = {
		{ AT_SYSINFO, vdso_entry(mm) },		/* __kernel_vsyscall, 0: none */
		{ AT_SYSINFO_EHDR, vdso_base(mm) },
		{ AT_HWCAP, cpu_hwcap() },
		{ AT_PAGESZ, PAGE_SIZE },
		{ AT_CLKTCK, 100 },		/* USER_HZ, as times() counts */
		{ AT_PHDR, l->phdr_addr },
		{ AT_PHENT, sizeof(Elf32_Phdr) },
		{ AT_PHNUM, l->eh->e_phnum },
		{ AT_BASE, 0 },			/* no interpreter */
		{ AT_FLAGS, 0 },
		{ AT_ENTRY, l->eh->e_entry },
		{ AT_UID, 0 }, { AT_EUID, 0 }, { AT_GID, 0 }, { AT_EGID, 0 },
		{ AT_SECURE, 0 },
		{ AT_RANDOM, 0 },		/* filled in below */
		{ AT_HWCAP2, 0 },
		{ AT_EXECFN, 0 },
		{ AT_PLATFORM, 0 },
	};

	err = setup_stack_vma(mm, STACK_TOP, PAGE_ALIGN(args_size(bprm)) + STACK_INIT_SIZE);
	if (err)
		return err;

	err = copy_string(bprm, &p, bprm->argv[0]);
	if (err)
		return err;
	execfn = p;
	for (i = bprm->envc - 1; i >= 0; i--) {
		err = copy_string(bprm, &p, bprm->envp[i]);
		if (err)
			return err;
	}
	mm->env_start = p;
	mm->env_end = execfn;
	for (i = bprm->argc - 1; i >= 0; i--) {
		err = copy_string(bprm, &p, bprm->argv[i]);
		if (err)
			return err;
	}
	mm->arg_start = p;
	mm->arg_end = mm->env_start;

	p &= ~15UL;
	err = copy_string(bprm, &p, ELF_PLATFORM);
	if (err)
		return err;
	platform = p;
	get_random_bytes(rand, sizeof(rand));
	p -= sizeof(rand);
	err = copy_to_bprm(bprm, p, rand, sizeof(rand));
	if (err)
		return err;
	random = p;

	for (i = 0, nauxv = 0; i < (int)ARRAY_SIZE(vec); i++) {
		if (!auxv_omitted(vec[i][0], vec[i][1]))
			nauxv++;
		if (vec[i][0] == AT_RANDOM)
			vec[i][1] = random;
		else if (vec[i][0] == AT_EXECFN)
			vec[i][1] = execfn;
		else if (vec[i][0] == AT_PLATFORM)
			vec[i][1] = platform;
	}

	/* argc, argv[], NULL, envp[], NULL, the auxv pairs, AT_NULL's pair. */
	nwords = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * nauxv + 2;
	sp = (p - nwords * sizeof(u32)) & ~15UL;
	mm->start_stack = sp;
	bprm->p = sp;

	err = put_word(bprm, &sp, bprm->argc);
	for (i = 0, arg = mm->arg_start; !err && i < bprm->argc; i++) {
		err = put_word(bprm, &sp, arg);
		arg += strlen(bprm->argv[i]) + 1;
	}
	if (!err)
		err = put_word(bprm, &sp, 0);		/* argv NULL */
	for (i = 0, arg = mm->env_start; !err && i < bprm->envc; i++) {
		err = put_word(bprm, &sp, arg);
		arg += strlen(bprm->envp[i]) + 1;
	}
	if (!err)
		err = put_word(bprm, &sp, 0);		/* envp NULL */
	for (i = 0; !err && i < (int)ARRAY_SIZE(vec); i++) {
		if (auxv_omitted(vec[i][0], vec[i][1]))
			continue;
		err = put_word(bprm, &sp, vec[i][0]);
		if (!err)
			err = put_word(bprm, &sp, vec[i][1]);
	}
	if (!err)
		err = put_word(bprm, &sp, AT_NULL);
	if (!err)
		err = put_word(bprm, &sp, 0);
	return err;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_layout l;
	struct mm_struct *mm;
	char why[200];
	int err;

	err = elf_parse(bprm->image, bprm->size, &l, why, sizeof(why));
	if (!err)
		err = check_args(bprm, why, sizeof(why));
	if (err) {
		pr_err("exec: %s: %s\n", bprm->comm, why);
		return err;
	}

	mm = bprm->mm;
	err = map_segments(bprm, &l, mm);
	if (err) {
		pr_err("exec: %s: cannot map its segments (error %d)\n", bprm->comm, err);
		return err;
	}
	err = arch_setup_additional_pages(mm);	/* [vvar] and [vdso] */
	if (err) {
		pr_err("exec: %s: cannot map the vDSO (error %d)\n", bprm->comm, err);
		return err;
	}
	err = create_elf_tables(bprm, &l, mm);
	if (err) {
		pr_err("exec: %s: cannot set up its stack (error %d)\n", bprm->comm, err);
		return err;
	}
	bprm->entry = l.eh->e_entry;

	/* Everything is built: from here on the old program is gone. */
	err = begin_new_exec(bprm);
	if (err)
		return err;
	start_thread(task_pt_regs(current), bprm->entry, bprm->p);
	return 0;
}

/*
 * Self-tests of address spaces (suite "vma"): the area set (insert, find, split, merge),
 * top-down placement, munmap, mprotect, brk, mremap and madvise on an mm made with
 * mm_alloc() that no process runs in, with the real page tables and buddy allocator.
 * Where memory contents matter, the test loads the mm's page directory and touches the
 * user addresses from kernel mode, with a stand-in "current" owning the mm, so every
 * page arrives through do_page_fault() exactly as a program's would.
 *
 * Every test ends with mmput() and checks that nr_free_pages() is back where it was
 * (the slab caches of areas and mm_structs shrunk to their usual reserve first).
 *
 * The memory-semantics tests at the end: an ELF image's areas carry their file offsets,
 * the limits a process starts with are Linux's, overcommit refuses what Linux refuses
 * on this much RAM, and mlock's count (VmLck) follows the areas.
 */
#include <ktest.h>
#include <kernel.h>
#include <mm.h>
#include <uapi/mman.h>
#include <mmap.h>
#include <pgtable.h>
#include <sched.h>
#include <string.h>
#include <asm/traps.h>
#include <binfmts.h>
#include <resource.h>
#include <syscalls.h>
#include "mm_test.h"
#include "user_image.h"

static unsigned long anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
			  unsigned long prot, unsigned long extra)
{
	return do_mmap(mm, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | extra, -1UL, 0);
}

/* ---- Running kernel code inside an address space ---- */

static struct task_struct vma_test_task = { .pid = 4242, .comm = "vmatest" };
static struct task_struct *saved_current;

static void enter_mm(struct mm_struct *mm)
{
	saved_current = current;
	vma_test_task.mm = mm;
	current = &vma_test_task;
	switch_pgd(mm->pgd);
}

static void leave_mm(void)
{
	switch_pgd(swapper_pg_dir);
	current = saved_current;
}

struct poke {
	unsigned long addr;
	bool write;
	u8 val;
};

static void do_poke(void *arg)
{
	struct poke *p = arg;

	if (p->write)
		*(volatile u8 *)p->addr = p->val;
	else
		p->val = *(volatile u8 *)p->addr;
}

/* One byte through the user mapping; false if the access faulted beyond repair. */
static bool peek(unsigned long addr, u8 *val)
{
	struct poke p = { addr, false, 0 };

	if (ktest_catch(do_poke, &p, NULL))
		return false;
	*val = p.val;
	return true;
}

static bool poke(unsigned long addr, u8 val)
{
	struct poke p = { addr, true, val };

	return !ktest_catch(do_poke, &p, NULL);
}

static bool all_bytes(unsigned long addr, unsigned long len, u8 val)
{
	unsigned long i;
	u8 v;

	for (i = 0; i < len; i += 511)
		if (!peek(addr + i, &v) || v != val)
			return false;
	return peek(addr + len - 1, &v) && v == val;
}

static bool fill(unsigned long addr, unsigned long len, u8 val)
{
	memset((void *)addr, val, len);	/* faults in each page on the way */
	return all_bytes(addr, len, val);
}

/* ---- The tests ---- */

KTEST(vma, mm_alloc_has_linux_layout_and_mmput_frees_everything)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(mm->task_size, TASK_SIZE);
	KTEST_EXPECT_EQ(mm->mmap_base, 0xB8000000);
	KTEST_EXPECT_EQ(mm->map_count, 0);
	/* The kernel's half of the directory is shared, the user half empty. */
	KTEST_EXPECT_EQ(pgd_val(mm->pgd[KERNEL_PGD_BOUNDARY]),
			pgd_val(swapper_pg_dir[KERNEL_PGD_BOUNDARY]));
	KTEST_EXPECT_TRUE(pgd_none(mm->pgd[0]));
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x08048000, 4 * P, VM_READ | VM_EXEC, "prog"), 0);
	KTEST_EXPECT_EQ(handle_mm_fault(mm, find_vma(mm, 0x08048000), 0x08049000, 0), 0);
	KTEST_EXPECT_EQ(mm->rss, 0);		/* a read maps the shared zero page */
	KTEST_EXPECT_EQ(handle_mm_fault(mm, find_vma(mm, 0x08048000), 0x0804a000,
					FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_EQ(mm->rss, 1);
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, areas_insert_find_split_and_merge)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *v, *prev;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x30000000, 3 * P, VM_READ, "c"), 0);
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x10000000, P, VM_READ, "a"), 0);
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x20000000, 2 * P, VM_READ | VM_WRITE, "b"), 0);
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x20001000, P, VM_READ, "x"), -EEXIST);
	KTEST_EXPECT_EQ(mm->map_count, 3);
	KTEST_EXPECT_EQ(mm->total_vm, 6);
	v = find_vma(mm, 0x1fffffff);
	KTEST_ASSERT_NOT_NULL(v);
	KTEST_EXPECT_EQ(v->vm_start, 0x20000000);	/* the first area ending above */
	KTEST_EXPECT_NULL(find_vma(mm, 0x30003000));
	v = find_vma_prev(mm, 0x30000000, &prev);
	KTEST_EXPECT_TRUE(v && prev && prev->vm_start == 0x20000000);

	/* Split "c" in three, then merge it back. */
	v = find_vma(mm, 0x30000000);
	KTEST_ASSERT_EQ(split_vma(mm, v, 0x30001000, 0), 0);	/* v keeps the bottom */
	KTEST_EXPECT_EQ(v->vm_end, 0x30001000);
	v = find_vma(mm, 0x30001000);
	KTEST_ASSERT_EQ(split_vma(mm, v, 0x30002000, 1), 0);
	KTEST_EXPECT_EQ(mm->map_count, 5);
	KTEST_EXPECT_EQ(mm->total_vm, 6);
	v = find_vma(mm, 0x30002000);
	KTEST_EXPECT_EQ(v->vm_start, 0x30002000);
	KTEST_EXPECT_EQ(v->vm_end, 0x30003000);
	v = vma_merge_neighbours(mm, find_vma(mm, 0x30001000));
	KTEST_EXPECT_EQ(v->vm_start, 0x30000000);
	KTEST_EXPECT_EQ(v->vm_end, 0x30003000);
	KTEST_EXPECT_EQ(mm->map_count, 3);
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, mmap_places_top_down_below_mmap_base)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long a, b, c;

	KTEST_ASSERT_NOT_NULL(mm);
	a = anon(mm, 0, 2 * P, RW, 0);
	KTEST_EXPECT_EQ(a, 0xB8000000 - 2 * P);
	b = anon(mm, 0, 5000, PROT_READ, 0);		/* rounds up to 2 pages */
	KTEST_EXPECT_EQ(b, a - 2 * P);
	KTEST_EXPECT_EQ(do_munmap(mm, a, 2 * P), 0);
	c = anon(mm, 0, P, PROT_READ, 0);
	KTEST_EXPECT_EQ(c, 0xB8000000 - P);		/* top of the highest gap */
	KTEST_EXPECT_EQ(anon(mm, 0x40000000, P, RW, 0), 0x40000000);	/* a free hint */
	KTEST_EXPECT_EQ(anon(mm, 0x40000000, P, RW, 0), a);	/* occupied: the highest gap */
	KTEST_EXPECT_EQ(get_unmapped_area(mm, 0, 0xC0000000, 0), (unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(anon(mm, 0, 0, RW, 0), (unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(anon(mm, 0x50000001, P, RW, MAP_FIXED), (unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(anon(mm, 0x40000000, P, RW, MAP_FIXED_NOREPLACE), (unsigned long)-EEXIST);
	KTEST_EXPECT_EQ(do_mmap(mm, 0, P, RW, MAP_ANONYMOUS, -1UL, 0), (unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(do_mmap(mm, 0, P, RW, MAP_PRIVATE, -1UL, 0), (unsigned long)-EBADF);
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, munmap_middle_splits_and_frees_pages)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long m;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(mm);
	m = anon(mm, 0, 3 * P, RW, 0);
	enter_mm(mm);
	KTEST_EXPECT_TRUE(fill(m, 3 * P, 0x33));
	KTEST_EXPECT_EQ(mm->rss, 3);
	KTEST_EXPECT_EQ(do_munmap(mm, m + P, P), 0);
	KTEST_EXPECT_EQ(mm->map_count, 2);
	KTEST_EXPECT_EQ(mm->rss, 2);
	pte = pte_lookup(mm->pgd, m + P);
	KTEST_EXPECT_TRUE(!pte || pte_none(*pte));
	KTEST_EXPECT_FALSE(poke(m + P, 1));		/* gone: the access faults */
	KTEST_EXPECT_TRUE(all_bytes(m, P, 0x33) && all_bytes(m + 2 * P, P, 0x33));
	KTEST_EXPECT_EQ(do_munmap(mm, m + 1, P), -EINVAL);
	KTEST_EXPECT_EQ(do_munmap(mm, m, 0), -EINVAL);
	KTEST_EXPECT_EQ(do_munmap(mm, m - 8 * P, 3 * P), 0);	/* nothing there: fine */
	leave_mm();
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, mprotect_splits_areas_and_rewrites_ptes)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long m;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(mm);
	m = anon(mm, 0, 3 * P, RW, 0);
	enter_mm(mm);
	KTEST_EXPECT_TRUE(fill(m, 3 * P, 0x21));
	KTEST_EXPECT_EQ(do_mprotect(mm, m + P, P, PROT_READ), 0);
	KTEST_EXPECT_EQ(mm->map_count, 3);
	pte = pte_lookup(mm->pgd, m + P);	/* exists: fill() faulted the page in */
	KTEST_EXPECT_TRUE(pte_accessible(*pte) && pte_user(*pte) && !pte_write(*pte));
	KTEST_EXPECT_FALSE(poke(m + P, 1));		/* CR0.WP: the kernel obeys it too */
	KTEST_EXPECT_TRUE(poke(m, 0x21) && poke(m + 2 * P, 0x21));
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 3 * P, PROT_NONE), 0);
	KTEST_EXPECT_EQ(mm->map_count, 1);
	KTEST_EXPECT_TRUE(pte_protnone(*pte));
	KTEST_EXPECT_FALSE(poke(m, 1));
	KTEST_EXPECT_EQ(mm->rss, 3);
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 3 * P, RW), 0);
	KTEST_EXPECT_TRUE(all_bytes(m, 3 * P, 0x21));
	KTEST_EXPECT_EQ(do_mprotect(mm, m + 1, P, PROT_READ), -EINVAL);
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 0, PROT_READ), 0);
	KTEST_EXPECT_EQ(do_mprotect(mm, m, P, 0x10), -EINVAL);
	KTEST_EXPECT_EQ(do_mprotect(mm, m - 2 * P, 2 * P, PROT_READ), -ENOMEM);
	leave_mm();
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, brk_follows_linux_semantics)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long top = 0x0804c000, m;

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x08048000, 4 * P, VM_READ | VM_EXEC, "prog"), 0);
	mm_set_brk(mm, top);
	enter_mm(mm);
	KTEST_EXPECT_EQ(do_brk(mm, 0), top);
	KTEST_EXPECT_EQ(do_brk(mm, top + 3 * P + 123), top + 3 * P + 123);
	KTEST_EXPECT_EQ(do_brk(mm, 0), top + 3 * P + 123);
	KTEST_EXPECT_TRUE(all_bytes(top, 4 * P, 0));
	KTEST_EXPECT_TRUE(fill(top, 4 * P, 0x5c));	/* the break's whole page */
	KTEST_EXPECT_FALSE(poke(top + 4 * P, 1));
	KTEST_EXPECT_EQ(do_brk(mm, top + P), top + P);
	KTEST_EXPECT_FALSE(poke(top + P, 1));		/* shrinking unmapped it */
	KTEST_EXPECT_EQ(do_brk(mm, top + 4 * P), top + 4 * P);
	KTEST_EXPECT_TRUE(all_bytes(top + P, 3 * P, 0));	/* regrown: zero again */
	KTEST_EXPECT_TRUE(all_bytes(top, P, 0x5c));		/* kept */
	m = anon(mm, top + 8 * P, P, PROT_READ, MAP_FIXED_NOREPLACE);
	KTEST_EXPECT_EQ(m, top + 8 * P);
	KTEST_EXPECT_EQ(do_brk(mm, top + 7 * P), top + 7 * P);
	KTEST_EXPECT_EQ(do_brk(mm, top + 7 * P + 1), top + 7 * P);
	KTEST_EXPECT_EQ(do_brk(mm, 1), top + 7 * P);
	KTEST_EXPECT_EQ(do_brk(mm, 0xfffff000), top + 7 * P);
	/* musl's PROT_NONE guard page inside the heap does not stop it growing. */
	KTEST_EXPECT_EQ(do_munmap(mm, m, P), 0);
	KTEST_EXPECT_EQ(anon(mm, top, P, PROT_NONE, MAP_FIXED), top);
	KTEST_EXPECT_EQ(do_brk(mm, top + 12 * P), top + 12 * P);
	KTEST_EXPECT_EQ(do_brk(mm, top), top);
	KTEST_EXPECT_NULL(find_vma_intersection(mm, top, top + 12 * P));
	leave_mm();
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, mremap_moves_page_table_entries_not_data)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long x, y;
	phys_addr_t phys;

	KTEST_ASSERT_NOT_NULL(mm);
	x = anon(mm, 0, 2 * P, RW, 0);
	enter_mm(mm);
	KTEST_EXPECT_TRUE(fill(x, P, 0x6d));
	phys = virt_to_phys_walk(mm->pgd, x);
	KTEST_EXPECT_EQ(do_mprotect(mm, x + P, P, PROT_READ), 0);
	KTEST_EXPECT_EQ(do_mremap(mm, x, P, 3 * P, 0, 0), (unsigned long)-ENOMEM);
	y = do_mremap(mm, x, P, 3 * P, MREMAP_MAYMOVE, 0);
	KTEST_EXPECT_NE(y, x);
	KTEST_EXPECT_EQ(virt_to_phys_walk(mm->pgd, y), phys);	/* the same page */
	KTEST_EXPECT_TRUE(all_bytes(y, P, 0x6d));
	KTEST_EXPECT_TRUE(all_bytes(y + P, 2 * P, 0));
	KTEST_EXPECT_FALSE(poke(x, 1));
	KTEST_EXPECT_EQ(do_mremap(mm, y, 3 * P, P, 0, 0), y);	/* shrink in place */
	KTEST_EXPECT_EQ(do_mremap(mm, y, P, 2 * P, 0, 0), y);	/* grow in place */
	KTEST_EXPECT_EQ(do_mremap(mm, x, P, 2 * P, MREMAP_MAYMOVE, 0), (unsigned long)-EFAULT);
	KTEST_EXPECT_EQ(do_mremap(mm, y, P, 0, MREMAP_MAYMOVE, 0), (unsigned long)-EINVAL);
	leave_mm();
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, madvise_dontneed_frees_pages_and_next_touch_reads_zero)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long m, free_before;

	KTEST_ASSERT_NOT_NULL(mm);
	m = anon(mm, 0, 4 * P, RW, 0);
	enter_mm(mm);
	KTEST_EXPECT_TRUE(fill(m, 4 * P, 0x5a));
	free_before = nr_free_pages();
	KTEST_EXPECT_EQ(do_madvise(mm, m + P, 2 * P, MADV_DONTNEED), 0);
	KTEST_EXPECT_EQ(nr_free_pages(), free_before + 2);
	KTEST_EXPECT_TRUE(all_bytes(m + P, 2 * P, 0));
	KTEST_EXPECT_TRUE(all_bytes(m, P, 0x5a) && all_bytes(m + 3 * P, P, 0x5a));
	KTEST_EXPECT_EQ(do_madvise(mm, m + 1, P, MADV_DONTNEED), -EINVAL);
	KTEST_EXPECT_EQ(do_madvise(mm, m, P, 12345), -EINVAL);
	KTEST_EXPECT_EQ(do_madvise(mm, m - P, P, MADV_DONTNEED), -ENOMEM);
	leave_mm();
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

KTEST(vma, maps_dump_is_printed_in_proc_format)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(mm);
	KTEST_EXPECT_EQ(vm_map_fixed(mm, 0x08048000, P, VM_READ | VM_EXEC, "prog"), 0);
	mm_set_brk(mm, 0x08049000);
	KTEST_EXPECT_EQ(do_brk(mm, 0x0804a000), 0x0804a000);
	KTEST_EXPECT_EQ(anon(mm, 0, P, RW, 0), 0xB7FFF000);
	KTEST_EXPECT_EQ(setup_stack_vma(mm, TASK_SIZE, 32 * P), 0);
	ktest_capture_start();
	show_maps(mm);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("08048000-08049000 r-xp 00000000 00:00 0          prog\n");
	KTEST_EXPECT_LOGGED("08049000-0804a000 rw-p 00000000 00:00 0          [heap]\n");
	KTEST_EXPECT_LOGGED("b7fff000-b8000000 rw-p 00000000 00:00 0 \n");
	KTEST_EXPECT_LOGGED("bffe0000-c0000000 rw-p 00000000 00:00 0          [stack]\n");
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

/* Many areas and pages, unmapped in pieces: nothing may stay behind. */
KTEST(vma, many_mappings_and_pages_leave_no_leak)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long i, a[256];

	KTEST_ASSERT_NOT_NULL(mm);
	enter_mm(mm);
	for (i = 0; i < 256; i++) {
		a[i] = anon(mm, 0, (i % 7 + 1) * P, i & 1 ? PROT_READ : RW, 0);
		KTEST_EXPECT_FALSE(IS_ERR_VALUE(a[i]));
		if (IS_ERR_VALUE(a[i]))
			break;	/* no ASSERT here: leave_mm() must run */
		if (!(i & 1))
			*(volatile u8 *)(a[i] + (i % 7) * P) = (u8)i;
	}
	KTEST_EXPECT_EQ(mm->rss, 128);
	for (i = 0; i < 256; i += 3)
		KTEST_EXPECT_EQ(do_munmap(mm, a[i], P), 0);
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	leave_mm();
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

/* ---- Memory semantics: file offsets, limits, overcommit, locking ---- */

USER_CODE(prog_offsets, "mov $0, %ebx\n" SYS_EXIT_EBX);

static u8 offsets_image[TEST_IMAGE_MAX];
static u8 offsets_blob[5000];

/*
 * A program with a data segment spanning two file pages and a second one whose memory
 * goes far past its file bytes: every area starts at its segment's file offset (in
 * pages, as the maps print it), and the memory past the last file page is anonymous.
 */
struct offsets_probe {
	int exec_err;
	int checked;
};

/* The areas of the running program's mm against its program headers. */
static void check_offsets(struct mm_struct *mm, struct offsets_probe *r)
{
	struct vm_area_struct *vma;
	int i;

	for (i = 0; i < 3; i++) {
		const Elf32_Phdr *ph = image_phdr(offsets_image, i);
		unsigned long file_end = PAGE_ALIGN(ph->p_vaddr + ph->p_filesz);

		vma = find_vma(mm, ph->p_vaddr);
		if (!vma || vma->vm_start > ph->p_vaddr) {
			KTEST_EXPECT_TRUE(vma && vma->vm_start <= ph->p_vaddr);
			return;
		}
		KTEST_EXPECT_FALSE(vma_is_anonymous(vma));
		KTEST_EXPECT_EQ(vma->vm_pgoff << PAGE_SHIFT, ph->p_offset & PAGE_MASK);
		KTEST_EXPECT_EQ(vma->vm_end, file_end);
		if (file_end < PAGE_ALIGN(ph->p_vaddr + ph->p_memsz)) {
			vma = find_vma(mm, file_end);
			KTEST_EXPECT_TRUE(vma && vma->vm_start == file_end && vma_is_anonymous(vma));
		}
		r->checked++;
	}
	ktest_capture_start();
	show_maps(mm);
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("08048000-08049000 r-xp 00000000 00:00 0          vmatest\n");
	KTEST_EXPECT_LOGGED("0804a000-0804c000 rw-p 00000000 00:00 0          vmatest\n");
	KTEST_EXPECT_LOGGED("0804e000-0804f000 r--p 00001000 00:00 0          vmatest\n");
	KTEST_EXPECT_LOGGED("0804f000-08052000 r--p 00000000 00:00 0          [heap]\n");
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
}

/* A task of its own execs the image (exec replaces the caller's mm), checks, exits. */
static int offsets_probe_thread(void *arg)
{
	static char *argv[] = { "vmatest", NULL };
	struct offsets_probe *r = arg;
	struct linux_binprm bprm = {
		.image = offsets_image, .size = 0, .filename = "vmatest", .comm = "vmatest",
		.argc = 1, .argv = argv,
	};

	bprm.size = r->checked;		/* the image's size, passed in */
	r->checked = 0;
	r->exec_err = do_execve(&bprm);
	if (!r->exec_err)
		check_offsets(current->mm, r);
	do_exit(0);			/* frees the mm: the caller's page count covers it */
}

KTEST(vma, exec_segments_carry_their_file_offsets)
{
	unsigned long before = mm_pages_baseline();
	struct test_segment seg[2] = {
		{ 0, PF_R | PF_W, offsets_blob, sizeof(offsets_blob), sizeof(offsets_blob) },
		{ 0, PF_R, offsets_blob, 100, 0x3000 },
	};
	size_t headers = sizeof(Elf32_Ehdr) + 3 * sizeof(Elf32_Phdr);
	size_t off1 = headers + (prog_offsets_end - prog_offsets), off2 = off1 + seg[0].filesz;
	struct offsets_probe r = { 0, 0 };
	struct task_struct *t;

	/* Addresses congruent with the file offsets modulo a page, as linkers make them. */
	seg[0].vaddr = 0x0804a000 + (off1 & ~PAGE_MASK);
	seg[1].vaddr = 0x0804e000 + (off2 & ~PAGE_MASK);
	r.checked = build_elf(offsets_image, prog_offsets, prog_offsets_end - prog_offsets,
			      seg, 2);
	t = copy_process(offsets_probe_thread, &r, "vmatest");
	KTEST_ASSERT_NOT_NULL(t);
	wake_up_new_task(t);
	KTEST_EXPECT_EQ(kernel_wait(t), 0);
	KTEST_EXPECT_EQ(r.exec_err, 0);
	KTEST_EXPECT_EQ(r.checked, 3);
	mm_caches_shrink();
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(vma, a_new_process_gets_linux_init_rlimits)
{
	struct task_struct t = { .pid = 1 };
	unsigned long threads = totalram_pages() * PAGE_SIZE / (THREAD_SIZE * 8);
	struct rlimit r, lower = { 64 << 20, 128 << 20 }, raise = { 64 << 20, RLIM_INFINITY };
	const struct rlimit *l;

	KTEST_ASSERT_EQ(copy_signal(&t), 0);
	l = t.signal->rlim;
	KTEST_EXPECT_EQ(l[RLIMIT_CORE].rlim_cur, 0);
	KTEST_EXPECT_EQ(l[RLIMIT_CORE].rlim_max, RLIM_INFINITY);
	KTEST_EXPECT_EQ(l[RLIMIT_STACK].rlim_cur, 8UL << 20);
	KTEST_EXPECT_EQ(l[RLIMIT_STACK].rlim_max, RLIM_INFINITY);
	KTEST_EXPECT_EQ(l[RLIMIT_NOFILE].rlim_cur, 1024);
	KTEST_EXPECT_EQ(l[RLIMIT_NOFILE].rlim_max, 4096);
	KTEST_EXPECT_EQ(l[RLIMIT_MEMLOCK].rlim_cur, 8UL << 20);
	KTEST_EXPECT_EQ(l[RLIMIT_MEMLOCK].rlim_max, 8UL << 20);
	KTEST_EXPECT_EQ(l[RLIMIT_MSGQUEUE].rlim_cur, 819200);
	KTEST_EXPECT_EQ(l[RLIMIT_NICE].rlim_max, 0);
	KTEST_EXPECT_EQ(l[RLIMIT_RTPRIO].rlim_max, 0);
	KTEST_EXPECT_EQ(l[RLIMIT_AS].rlim_cur, RLIM_INFINITY);
	KTEST_EXPECT_EQ(l[RLIMIT_DATA].rlim_max, RLIM_INFINITY);
	KTEST_EXPECT_EQ(l[RLIMIT_NPROC].rlim_cur, max(threads, 20UL) / 2);
	KTEST_EXPECT_EQ(l[RLIMIT_SIGPENDING].rlim_max, max(threads, 20UL) / 2);

	/* Lowering is anyone's right; raising a hard limit needs CAP_SYS_RESOURCE. */
	KTEST_EXPECT_EQ(do_prlimit(&t, RLIMIT_AS, &lower, &r), 0);
	KTEST_EXPECT_EQ(r.rlim_max, RLIM_INFINITY);
	cap_drop_for_test(1U << CAP_SYS_RESOURCE);
	KTEST_EXPECT_EQ(do_prlimit(&t, RLIMIT_AS, &raise, NULL), -EPERM);
	KTEST_EXPECT_EQ(do_prlimit(&t, RLIMIT_AS, &lower, NULL), 0);
	cap_drop_for_test(0);
	KTEST_EXPECT_EQ(do_prlimit(&t, RLIMIT_AS, &raise, &r), 0);
	KTEST_EXPECT_EQ(r.rlim_max, 128 << 20);
	KTEST_EXPECT_EQ(do_prlimit(&t, RLIM_NLIMITS, NULL, &r), -EINVAL);
	lower.rlim_cur = lower.rlim_max + 1;
	KTEST_EXPECT_EQ(do_prlimit(&t, RLIMIT_AS, &lower, NULL), -EINVAL);
	exit_signal(&t);
	KTEST_EXPECT_NULL(t.signal);
}

/*
 * The case of issue 10: a private read-only mapping larger than RAM is granted (it
 * promises nothing), but making it writable would promise it all: refused, as Linux
 * refuses it. With 2 GiB of RAM or more no such mapping fits in user space, so the
 * strict policy (OVERCOMMIT_NEVER, limit half of RAM) is used there instead. Every
 * charge is given back when the mm goes.
 */
KTEST(vma, mprotect_writable_beyond_ram_is_refused_by_overcommit)
{
	unsigned long before = mm_pages_baseline(), committed = vm_memory_committed();
	bool big = totalram_pages() >= (2UL << 30) >> PAGE_SHIFT;
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	unsigned long m, len;

	KTEST_ASSERT_NOT_NULL(mm);
	if (big)
		sysctl_overcommit_memory = OVERCOMMIT_NEVER;
	len = big ? (vm_commit_limit() + 1) << PAGE_SHIFT
		  : max(1UL << 30, (totalram_pages() + 1) << PAGE_SHIFT);
	m = anon(mm, 0, len, PROT_READ, 0);
	KTEST_EXPECT_FALSE(IS_ERR_VALUE(m));
	KTEST_EXPECT_EQ(vm_memory_committed(), committed);
	KTEST_EXPECT_EQ(do_mprotect(mm, m, len, PROT_READ | PROT_WRITE), -ENOMEM);
	vma = find_vma(mm, m);
	KTEST_EXPECT_TRUE(vma && vma->vm_start == m && vma->vm_end == m + len);
	KTEST_EXPECT_FALSE(vma && (vma->vm_flags & (VM_WRITE | VM_ACCOUNT)));
	KTEST_EXPECT_EQ(do_mprotect(mm, m, 16 * P, PROT_READ | PROT_WRITE), 0);
	KTEST_EXPECT_EQ(vm_memory_committed(), committed + 16);
	KTEST_EXPECT_EQ((long)anon(mm, 0, len, RW, 0), -ENOMEM);
	KTEST_EXPECT_EQ(vm_commit_limit(), totalram_pages() / 2);
	sysctl_overcommit_memory = OVERCOMMIT_GUESS;
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
	KTEST_EXPECT_EQ(vm_memory_committed(), committed);
}

/* VmLck is mm->locked_vm: mlock, mlockall and munmap move it, and locking populates. */
KTEST(vma, locked_vm_follows_mlock_and_locking_populates)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long m, n;

	KTEST_ASSERT_NOT_NULL(mm);
	m = anon(mm, 0, 16 * P, RW, 0);
	KTEST_EXPECT_EQ(do_mlock(mm, m + 100, 2 * P, VM_LOCKED), 0);	/* 3 pages */
	KTEST_EXPECT_EQ(mm->locked_vm, 3);
	KTEST_EXPECT_EQ(mm->rss, 3);
	KTEST_EXPECT_EQ(do_mlock(mm, m + 8 * P, 4 * P, VM_LOCKED | VM_LOCKONFAULT), 0);
	KTEST_EXPECT_EQ(mm->locked_vm, 7);
	KTEST_EXPECT_EQ(mm->rss, 3);		/* on fault: nothing populated */
	n = anon(mm, 0, 4 * P, RW, MAP_LOCKED);
	KTEST_EXPECT_EQ(mm->locked_vm, 11);
	KTEST_EXPECT_EQ(mm->rss, 7);
	KTEST_EXPECT_EQ(do_munmap(mm, n, 4 * P), 0);
	KTEST_EXPECT_EQ(mm->locked_vm, 7);
	KTEST_EXPECT_EQ(do_mlockall(mm, MCL_CURRENT), 0);
	KTEST_EXPECT_EQ(mm->locked_vm, 16);
	KTEST_EXPECT_EQ(mm->rss, 16);
	KTEST_EXPECT_EQ(do_munlockall(mm), 0);
	KTEST_EXPECT_EQ(mm->locked_vm, 0);
	KTEST_EXPECT_EQ(mm->map_count, 1);
	/* Device memory is never locked, counted or populated. */
	n = anon(mm, 0, 2 * P, RW, 0);
	find_vma(mm, n)->vm_flags |= VM_IO;
	KTEST_EXPECT_EQ(do_mlock(mm, n, 2 * P, VM_LOCKED), 0);
	KTEST_EXPECT_EQ(mm->locked_vm, 0);
	KTEST_EXPECT_EQ(do_madvise(mm, n, 2 * P, MADV_POPULATE_WRITE), -EINVAL);
	KTEST_EXPECT_EQ(mm->rss, 16);
	find_vma(mm, n)->vm_flags &= ~VM_IO;
	KTEST_EXPECT_EQ(validate_mm(mm), 0);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

/* The system calls through current: mincore writes the user's vector or gives -EFAULT. */
KTEST(vma, mincore_fills_a_user_vector)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long m, vec, ro;
	u8 v;

	KTEST_ASSERT_NOT_NULL(mm);
	m = anon(mm, 0, 4 * P, RW, 0);
	vec = anon(mm, 0, P, RW, 0);
	ro = anon(mm, 0, P, PROT_READ, 0);
	enter_mm(mm);
	KTEST_EXPECT_TRUE(poke(m + P, 1));
	KTEST_EXPECT_EQ(sys_mincore(m, 4 * P, (unsigned char *)vec), 0);
	KTEST_EXPECT_TRUE(peek(vec, &v) && v == 0);
	KTEST_EXPECT_TRUE(peek(vec + 1, &v) && v == 1);
	KTEST_EXPECT_EQ(sys_mincore(m, 4 * P, (unsigned char *)ro), -EFAULT);
	KTEST_EXPECT_EQ(sys_mincore(m, 4 * P, (unsigned char *)0xc0000000), -EFAULT);
	KTEST_EXPECT_EQ(sys_mincore(m + 1, P, (unsigned char *)vec), -EINVAL);
	KTEST_EXPECT_EQ(sys_mincore(m, 0x40000000, (unsigned char *)vec), -ENOMEM);
	KTEST_EXPECT_EQ(sys_mincore(0xbffff000, 2 * P, (unsigned char *)vec), -ENOMEM);
	KTEST_EXPECT_EQ(sys_msync(m, P, MS_SYNC), 0);
	KTEST_EXPECT_EQ(sys_mlock(m, P), 0);
	KTEST_EXPECT_EQ(sys_mlock2(m, P, 2), -EINVAL);
	KTEST_EXPECT_EQ(sys_munlock(m, P), 0);
	leave_mm();
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

/*
 * prlimit64 on a 32-bit kernel: 64-bit values that do not fit become infinity, and
 * what was set is what ugetrlimit and the old getrlimit (clipped) read back. The mm
 * code sees the new limit at once.
 */
KTEST(vma, prlimit64_keeps_32_bit_limits_and_mmap_obeys_them)
{
	unsigned long before = mm_pages_baseline();
	struct mm_struct *mm = mm_alloc();
	struct rlimit64 *n, *o;
	struct rlimit *r32;
	unsigned long buf;

	KTEST_ASSERT_NOT_NULL(mm);
	buf = anon(mm, 0, P, RW, 0);
	KTEST_ASSERT_EQ(copy_signal(&vma_test_task), 0);
	enter_mm(mm);
	n = (struct rlimit64 *)buf;
	o = n + 1;
	r32 = (struct rlimit *)(o + 1);
	n->rlim_cur = 5ULL << 30;		/* more than 32 bits hold */
	n->rlim_max = RLIM64_INFINITY;
	KTEST_EXPECT_EQ(sys_prlimit64(0, RLIMIT_AS, n, o), 0);
	KTEST_EXPECT_EQ(o->rlim_cur, RLIM64_INFINITY);
	KTEST_EXPECT_EQ(sys_prlimit64(0, RLIMIT_AS, NULL, o), 0);
	KTEST_EXPECT_EQ(o->rlim_cur, RLIM64_INFINITY);	/* 5 GiB is infinity here */
	n->rlim_cur = 16 * P;
	KTEST_EXPECT_EQ(sys_prlimit64(0, RLIMIT_AS, n, NULL), 0);
	KTEST_EXPECT_EQ(sys_ugetrlimit(RLIMIT_AS, r32), 0);
	KTEST_EXPECT_EQ(r32->rlim_cur, 16 * P);
	KTEST_EXPECT_EQ(r32->rlim_max, RLIM_INFINITY);
	KTEST_EXPECT_EQ(sys_old_getrlimit(RLIMIT_AS, r32), 0);
	KTEST_EXPECT_EQ(r32->rlim_max, 0x7fffffff);
	KTEST_EXPECT_EQ((long)anon(mm, 0, 16 * P, PROT_NONE, 0), -ENOMEM);	/* 1 + 16 > 16 */
	KTEST_EXPECT_FALSE(IS_ERR_VALUE(anon(mm, 0, 15 * P, PROT_NONE, 0)));
	KTEST_EXPECT_EQ(sys_prlimit64(4242 + 1, RLIMIT_AS, NULL, o), -ESRCH);
	KTEST_EXPECT_EQ(sys_prlimit64(0, RLIMIT_AS, (void *)0xc0000000, NULL), -EFAULT);
	r32->rlim_cur = 2;
	r32->rlim_max = 1;
	KTEST_EXPECT_EQ(sys_setrlimit(RLIMIT_AS, r32), -EINVAL);
	leave_mm();
	exit_signal(&vma_test_task);
	KTEST_EXPECT_EQ(mm_pages_after(mm), before);
}

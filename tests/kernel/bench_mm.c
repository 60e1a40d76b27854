/*
 * Benchmarks of the address-space paths (make bench), on an mm no process runs in:
 *  - a demand-zero fault: handle_mm_fault() alone, the whole trap from kernel mode
 *    (entry, do_page_fault, iret), and the page allocation with zeroing it contains;
 *  - a read fault on an untouched page (it maps the shared zero page, no allocation),
 *    and the first write to such a page afterwards (do_wp_page allocates);
 *  - brk up one page and back, mmap+munmap of one page (no page touched);
 *  - find_vma() among 1000 areas when the cache misses.
 */
#include <bench.h>
#include <gfp.h>
#include <mm.h>
#include <uapi/mman.h>
#include <mmap.h>
#include <pgtable.h>
#include <sched.h>

#define P	PAGE_SIZE
#define AREA	0x40000000UL

static struct task_struct bench_task = { .pid = 1, .comm = "bench" };

/* One access to each of BENCH_SAMPLES pages from base, each timed (the mm is loaded). */
static void touch_pages(u64 *t, unsigned long base, bool write)
{
	int i;

	for (i = 0; i < BENCH_SAMPLES; i++) {
		volatile char *p = (char *)(base + i * P);
		u64 t0 = bench_start();

		if (write)
			*p = 1;
		else
			(void)*p;
		t[i] = bench_end(t0);
	}
}

BENCH(mm_fault)
{
	struct mm_struct *mm = mm_alloc();
	struct task_struct *saved = current;
	struct vm_area_struct *vma;
	u64 t[BENCH_SAMPLES];
	int i;

	if (!mm || IS_ERR_VALUE(do_mmap(mm, AREA, 4 * BENCH_SAMPLES * P, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0)))
		return;
	vma = find_vma(mm, AREA);
	/* The page table exists already: a typical fault, not the first in 4 MiB. */
	handle_mm_fault(mm, vma, AREA + 4 * BENCH_SAMPLES * P - P, FAULT_FLAG_WRITE);
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		handle_mm_fault(mm, vma, AREA + i * P, FAULT_FLAG_WRITE);
		t[i] = bench_end(t0);
	}
	bench_report("mm: handle_mm_fault, demand-zero page", bench_median(t, BENCH_SAMPLES),
		     "instructions");

	bench_task.mm = mm;
	current = &bench_task;
	switch_pgd(mm->pgd);
	touch_pages(t, AREA + BENCH_SAMPLES * P, true);
	bench_report("mm: first write to a page, whole fault (trap, handler, iret)",
		     bench_median(t, BENCH_SAMPLES), "instructions");
	touch_pages(t, AREA + 2 * BENCH_SAMPLES * P, false);
	bench_report("mm: read fault on an untouched page (zero page), whole fault",
		     bench_median(t, BENCH_SAMPLES), "instructions");
	touch_pages(t, AREA + 2 * BENCH_SAMPLES * P, true);
	bench_report("mm: first write to a zero-page mapping, whole fault (do_wp_page)",
		     bench_median(t, BENCH_SAMPLES), "instructions");
	switch_pgd(swapper_pg_dir);
	current = saved;

	for (i = 0; i < BENCH_SAMPLES; i++) {
		struct page *page;
		u64 t0 = bench_start();

		page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
		t[i] = bench_end(t0);
		if (page)
			__free_page(page);
	}
	bench_report("mm: of which alloc_page(GFP_HIGHUSER | __GFP_ZERO)",
		     bench_median(t, BENCH_SAMPLES), "instructions");
	mmput(mm);
}

BENCH(mm_calls)
{
	struct mm_struct *mm = mm_alloc();
	u64 t[BENCH_SAMPLES];
	unsigned long a, i;

	if (!mm)
		return;
	vm_map_fixed(mm, 0x08048000, 4 * P, VM_READ | VM_EXEC, "bench");
	mm_set_brk(mm, 0x0804c000);
	do_brk(mm, 0x0804c000 + P);
	setup_stack_vma(mm, TASK_SIZE, 32 * P);
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		do_brk(mm, 0x0804c000 + 2 * P);
		do_brk(mm, 0x0804c000 + P);
		t[i] = bench_end(t0);
	}
	bench_report("mm: brk up one page and back", bench_median(t, BENCH_SAMPLES),
		     "instructions");
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		a = do_mmap(mm, 0, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			    -1UL, 0);
		do_munmap(mm, a, P);
		t[i] = bench_end(t0);
	}
	bench_report("mm: mmap + munmap of one page", bench_median(t, BENCH_SAMPLES),
		     "instructions");

	for (i = 0; i < 1000; i++)	/* alternate rights: no merging */
		do_mmap(mm, 0, P, i & 1 ? PROT_READ : PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			-1UL, 0);
	for (i = 0; i < BENCH_SAMPLES; i++) {
		unsigned long addr = 0xB8000000UL - (1 + (i * 337) % 1000) * P;
		u64 t0;

		mm->mmap_cache = NULL;
		t0 = bench_start();
		find_vma(mm, addr);
		t[i] = bench_end(t0);
	}
	bench_report("mm: find_vma among 1000 areas, cache miss", bench_median(t, BENCH_SAMPLES),
		     "instructions");
	mmput(mm);
}

/*
 * Benchmarks of kernel virtual memory: vmalloc+vfree (1 page and 64 KiB), kmap+kunmap,
 * kmap_atomic+kunmap_atomic and one software page-table walk. Run by `make bench`
 * (instructions under QEMU -icount shift=0; see include/bench.h). With no HighMem,
 * the kmap figures are for a low-memory page (no mapping at all), and the kmap_atomic
 * one uses kmap_atomic_pfn, which always takes a fixmap slot.
 */
#include <bench.h>
#include <highmem.h>
#include <mm.h>
#include <pgtable.h>
#include <vmalloc.h>

static u64 samples[BENCH_SAMPLES];

static void bench_vmalloc_size(const char *what, unsigned long size)
{
	int i;

	vfree(vmalloc(size));		/* warm the kmalloc caches and the pcp lists */
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		vfree(vmalloc(size));
		samples[i] = bench_end(t0);
	}
	bench_report(what, bench_median(samples, BENCH_SAMPLES), "instructions");
}

BENCH(vmalloc)
{
	bench_vmalloc_size("vmalloc: vmalloc+vfree of 1 page", PAGE_SIZE);
	bench_vmalloc_size("vmalloc: vmalloc+vfree of 64 KiB (16 pages)", 64UL << 10);
}

static struct page *bench_page(void)
{
	return alloc_page(nr_highmem_pages() ? GFP_HIGHUSER : GFP_KERNEL);
}

/* kmap of pages never mapped before: each takes a new entry and writes its pte. */
static void bench_kmap_new_pages(void)
{
	static struct page *pages[BENCH_SAMPLES];
	int i, n, allocated = 0;

	if (!nr_highmem_pages())
		return;
	for (n = 0; n < BENCH_SAMPLES; n++) {
		pages[n] = alloc_page(GFP_HIGHUSER);
		if (!pages[n])
			break;
		allocated = n + 1;
		if (!PageHighMem(pages[n]) || pages[n]->virtual)
			break;		/* stop at a page that is still (lazily) mapped */
	}
	for (i = 0; i < n; i++) {
		u64 t0 = bench_start();

		kmap(pages[i]);
		kunmap(pages[i]);
		samples[i] = bench_end(t0);
	}
	if (n)
		bench_report("kmap: kmap+kunmap of a HighMem page not mapped yet",
			     bench_median(samples, n), "instructions");
	for (i = 0; i < allocated; i++)
		__free_page(pages[i]);
}

BENCH(kmap)
{
	struct page *page;
	int i;

	bench_kmap_new_pages();		/* first, while HighMem pages are still unmapped */
	page = bench_page();
	if (!page)
		return;
	kmap(page);			/* the first kmap maps; time the steady state */
	kunmap(page);
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		kmap(page);
		kunmap(page);
		samples[i] = bench_end(t0);
	}
	bench_report(PageHighMem(page) ? "kmap: kmap+kunmap of a HighMem page (entry kept)" :
		     "kmap: kmap+kunmap of a low-memory page (no HighMem)",
		     bench_median(samples, BENCH_SAMPLES), "instructions");

	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();
		void *v = PageHighMem(page) ? kmap_atomic(page) :
			  kmap_atomic_pfn(page_to_pfn(page));

		kunmap_atomic(v);
		samples[i] = bench_end(t0);
	}
	bench_report("kmap: kmap_atomic+kunmap_atomic (one fixmap slot)",
		     bench_median(samples, BENCH_SAMPLES), "instructions");
	__free_page(page);
}

BENCH(pagewalk)
{
	void *p = vmalloc(PAGE_SIZE);
	volatile phys_addr_t sink;
	int i;

	if (!p)
		return;
	for (i = 0; i < BENCH_SAMPLES; i++) {
		u64 t0 = bench_start();

		sink = virt_to_phys_walk(swapper_pg_dir, (unsigned long)p);
		samples[i] = bench_end(t0);
	}
	(void)sink;
	bench_report("pgtable: virt_to_phys_walk (two-level walk)",
		     bench_median(samples, BENCH_SAMPLES), "instructions");
	vfree(p);
}

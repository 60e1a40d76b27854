/*
 * Host tests of the address-space code: the area set (mm/vma.c), mmap/munmap/brk
 * (mm/mmap.c), mprotect, mremap, madvise and the page level (mm/memory.c), compiled
 * natively around the stand-in of vma_host_env.c. The expected values are Linux's, as
 * in the ABI reference and the user-level ABI tests (tests/linux-abi): these tests
 * replay those programs one level down, where every area and page can be seen.
 *
 * Every test starts from a fresh "machine", creates an mm, checks every invariant
 * (host_check_mm) and ends with mmput(): the free page count must be back where it
 * was before mm_alloc(), and no area or mm may be left allocated.
 */
#include <stdio.h>
#include <stdlib.h>
#include "vma_host.h"
#include "rmap.h"
#include "tap.h"
#include "uapi/mman.h"
#include "string.h"
#include "syscalls.h"
#include "asm/traps.h"

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)
#define BASE	0xB8000000UL	/* mmap_base for a 3 GiB user space, 8 MiB stack limit */
#define ENOMEM_ ((unsigned long)-ENOMEM)

static unsigned long free_at_start, committed_at_start;
static struct mm_struct *mm;

static void begin(void)
{
	tap_begin();
	host_env_init();
	free_at_start = host_free_pages();
	committed_at_start = vm_memory_committed();
	mm = mm_alloc();
	if (!mm) {
		printf("# mm_alloc failed\n");
		abort();
	}
}

static void end(const char *name)
{
	CHECK_EQ(host_check_mm(mm), 0);
	mmput(mm);
	mm = NULL;
	CHECK_EQ(host_free_pages(), free_at_start);
	CHECK_EQ(vm_memory_committed(), committed_at_start);	/* every charge undone */
	CHECK_EQ(host_vma_count, 0);
	CHECK_EQ(host_mm_count, 0);
	CHECK_EQ(host_warnings, 0);
	tap_end(name);
}

static unsigned long anon(unsigned long addr, unsigned long len, unsigned long prot,
			  unsigned long extra)
{
	return do_mmap(mm, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | extra, -1UL, 0);
}

static bool mapped(unsigned long addr, unsigned long len)
{
	return find_vma_intersection(mm, addr, addr + len) != NULL;
}

/* Does addr map the shared zero page, read-only? */
static bool is_zero_mapped(unsigned long addr)
{
	pte_t *pte = pte_lookup(mm->pgd, addr);

	return pte && pte_present(*pte) && is_zero_pfn(pte_pfn(*pte)) && !pte_write(*pte);
}

/* Does an access fault with SIGSEGV? A write stores the byte that is there already. */
static bool segv(unsigned long addr, bool write)
{
	u8 v = 0;

	if (write)
		host_access(mm, addr, false, &v);
	return host_access(mm, addr, write, &v) == HOST_SEGV;
}

/* Byte i of a pattern that tells every position apart within 7 * 256 bytes. */
static u8 pat(unsigned long i)
{
	return (u8)(i / 7);
}

static bool fill_pattern(unsigned long addr, unsigned long len)
{
	unsigned long i;

	for (i = 0; i < len; i++) {
		u8 v = pat(i);

		if (host_access(mm, addr + i, true, &v) != HOST_OK)
			return false;
	}
	return true;
}

static bool kept_pattern(unsigned long addr, unsigned long len)
{
	unsigned long i;
	u8 v;

	for (i = 0; i < len; i++)
		if (host_access(mm, addr + i, false, &v) != HOST_OK || v != pat(i))
			return false;
	return true;
}

/* ---- mm_alloc, find_vma, the area set ---- */

static void mm_alloc_gives_empty_space_with_linux_mmap_base(void)
{
	begin();
	CHECK_EQ(mm->task_size, 0xC0000000UL);
	CHECK_EQ(mm->mmap_base, BASE);
	CHECK_EQ(mmap_base(0xFFFFE000UL), 0xF7FFE000UL);	/* a 32-bit task on x86-64 */
	CHECK_EQ(mm->map_count, 0);
	CHECK_EQ(mm->total_vm, 0);
	CHECK(find_vma(mm, 0) == NULL);
	CHECK(host_free_pages() == free_at_start - 1);	/* just the page directory */
	end(__func__);
}

static void find_vma_returns_first_area_ending_above(void)
{
	struct vm_area_struct *v, *prev;

	begin();
	CHECK_EQ(vm_map_fixed(mm, 0x10000000, 2 * P, VM_READ, "a"), 0);
	CHECK_EQ(vm_map_fixed(mm, 0x20000000, P, VM_READ | VM_WRITE, "b"), 0);
	CHECK_EQ(vm_map_fixed(mm, 0x30000000, 3 * P, VM_READ | VM_EXEC, "c"), 0);
	v = find_vma(mm, 0);
	CHECK(v && v->vm_start == 0x10000000);
	v = find_vma(mm, 0x10001fff);
	CHECK(v && v->vm_start == 0x10000000);
	v = find_vma(mm, 0x10002000);
	CHECK(v && v->vm_start == 0x20000000);
	CHECK(mm->mmap_cache == v);
	v = find_vma(mm, 0x30002fff);
	CHECK(v && v->vm_start == 0x30000000);
	CHECK(find_vma(mm, 0x30003000) == NULL);
	v = find_vma_prev(mm, 0x25000000, &prev);
	CHECK(v && v->vm_start == 0x30000000 && prev && prev->vm_start == 0x20000000);
	v = find_vma_prev(mm, 0x40000000, &prev);
	CHECK(!v && prev && prev->vm_start == 0x30000000);
	CHECK(find_vma_intersection(mm, 0x20001000, 0x30000000) == NULL);
	CHECK(find_vma_intersection(mm, 0x20001000, 0x30000001) != NULL);
	CHECK_EQ(mm->map_count, 3);
	CHECK_EQ(mm->total_vm, 6);
	end(__func__);
}

/* Many areas inserted in address order (as top-down mmap does): the tree stays valid. */
static void thousands_of_areas_keep_tree_and_list_consistent(void)
{
	unsigned long i, a;
	u32 seed = 12345;

	begin();
	for (i = 0; i < 3000; i++) {
		/* Alternate rights so that neighbours never merge. */
		a = anon(0, P, i & 1 ? PROT_READ : RW, 0);
		CHECK_EQ(a, BASE - (i + 1) * P);
	}
	CHECK_EQ(mm->map_count, 3000);
	CHECK_EQ(host_check_mm(mm), 0);
	for (i = 0; i < 3000; i++) {
		unsigned long addr = BASE - (1 + host_rand(&seed) % 3000) * P;
		struct vm_area_struct *v = find_vma(mm, addr + 5);

		if (!mapped(addr, P))
			continue;
		CHECK(v && v->vm_start == addr);
		if (host_rand(&seed) % 3 == 0)
			CHECK_EQ(do_munmap(mm, addr, P), 0);
	}
	CHECK_EQ(host_check_mm(mm), 0);
	end(__func__);
}

static void vm_map_fixed_refuses_overlap_and_bad_ranges(void)
{
	begin();
	CHECK_EQ(vm_map_fixed(mm, 0x08048000, 2 * P, VM_READ | VM_EXEC, "prog"), 0);
	CHECK_EQ(vm_map_fixed(mm, 0x08049000, 2 * P, VM_READ, "prog"), -EEXIST);
	CHECK_EQ(vm_map_fixed(mm, 0x08047000, 2 * P, VM_READ, "prog"), -EEXIST);
	CHECK_EQ(vm_map_fixed(mm, 0x08050001, P, VM_READ, "prog"), -EINVAL);
	CHECK_EQ(vm_map_fixed(mm, 0x08050000, 100, VM_READ, "prog"), -EINVAL);
	CHECK_EQ(vm_map_fixed(mm, 0x08050000, 0, VM_READ, "prog"), -EINVAL);
	CHECK_EQ(vm_map_fixed(mm, 0xBFFFF000, 2 * P, VM_READ, "prog"), -EINVAL);
	/* Segments of the program side by side stay separate areas (offsets do not follow). */
	CHECK_EQ(vm_map_fixed(mm, 0x0804a000, P, VM_READ | VM_EXEC, "prog"), 0);
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(mm->total_vm, 3);
	/* Pages of a segment are demand-zero like any others. */
	CHECK(host_all(mm, 0x08048000, 16, 0));
	CHECK(segv(0x08048000, true));	/* r-x: not writable */
	end(__func__);
}

/* ---- mmap ---- */

static void mmap_places_each_mapping_at_top_of_highest_gap(void)
{
	unsigned long a, b, c, d;

	begin();
	a = anon(0, 2 * P, RW, 0);
	CHECK_EQ(a, BASE - 2 * P);
	b = anon(0, 3 * P, PROT_READ, 0);
	CHECK_EQ(b, a - 3 * P);		/* ends where the previous one starts */
	CHECK_EQ(do_munmap(mm, a, 2 * P), 0);
	c = anon(0, P, PROT_READ, 0);
	CHECK_EQ(c, BASE - P);		/* top of the highest gap, [a, BASE) */
	d = anon(0, 5 * P, RW, 0);
	CHECK_EQ(d, b - 5 * P);		/* the 1-page gap above b is too small */
	CHECK_EQ(mm->total_vm, 9);
	end(__func__);
}

static void mmap_honours_free_hint_and_rounds_unaligned_hint_down(void)
{
	unsigned long h = 0x40000000, r, m;

	begin();
	r = anon(h, 4 * P, RW, 0);
	CHECK_EQ(r, h);
	m = anon(h, P, RW, 0);		/* occupied: the next top-down slot */
	CHECK_EQ(m, BASE - P);
	r = anon(0x50000000 + 5, P, RW, 0);
	CHECK_EQ(r, 0x50000000);
	r = anon(0x1000, P, RW, 0);	/* below mmap_min_addr: moved up to it */
	CHECK_EQ(r, MMAP_MIN_ADDR);
	r = anon(0xBFFFF000, 2 * P, RW, 0);	/* does not fit below task_size: ignored */
	CHECK_EQ(r, BASE - 3 * P);
	/* A hint just under the stack's guard gap is not free. */
	CHECK_EQ(setup_stack_vma(mm, 0xC0000000, 32 * P), 0);
	r = anon(0xC0000000 - 32 * P - 4 * P, P, RW, 0);
	CHECK_EQ(r, BASE - 4 * P);
	end(__func__);
}

static void mmap_errors_match_linux(void)
{
	unsigned long spot, m;

	begin();
	spot = anon(0, 2 * P, PROT_NONE, 0);
	CHECK_EQ(do_munmap(mm, spot, 2 * P), 0);
	CHECK_EQ(anon(0, 0, RW, 0), -EINVAL);
	CHECK_EQ(anon(0, 0xfffff000UL, RW, 0), -ENOMEM);
	CHECK_EQ(anon(0, -1UL, RW, 0), -ENOMEM);	/* rounds up to 0 */
	CHECK_EQ(anon(spot + 1, P, RW, MAP_FIXED), -EINVAL);
	CHECK_EQ(anon(0xBFFFF000, 2 * P, RW, MAP_FIXED), -ENOMEM);	/* past task_size */
	CHECK_EQ(anon(0x1000, P, RW, MAP_FIXED), -EPERM);	/* below mmap_min_addr */
	CHECK_EQ(do_mmap(mm, 0, P, RW, MAP_ANONYMOUS, -1UL, 0), -EINVAL);
	CHECK_EQ(do_mmap(mm, 0, P, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1UL, 0), -EINVAL);
	CHECK_EQ(do_mmap(mm, 0, P, RW, MAP_PRIVATE, -1UL, 0), -EBADF);
	CHECK_EQ(do_mmap(mm, 0, P, RW, MAP_PRIVATE, 1000, 0), -EBADF);
	CHECK_EQ(do_mmap(mm, 0, 0, RW, MAP_PRIVATE, 1000, 0), -EBADF);	/* fd first */
	CHECK_EQ(do_mmap(mm, 0, 2 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1UL, -1UL),
		 -EOVERFLOW);
	CHECK_EQ(do_mmap(mm, 0, P, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1UL, 0),
		 -EINVAL);
	CHECK_EQ(mm->map_count, 0);
	/* fd and offset are ignored for anonymous memory; len rounds up. */
	m = do_mmap(mm, 0, 5000, RW, MAP_PRIVATE | MAP_ANONYMOUS, 1000, 3);
	CHECK_EQ(m, BASE - 2 * P);
	CHECK_EQ(mm->total_vm, 2);
	CHECK_EQ(do_munmap(mm, m, 2 * P), 0);
	m = anon(spot, P, RW, MAP_FIXED_NOREPLACE);
	CHECK_EQ(m, spot);
	CHECK_EQ(anon(spot, P, RW, MAP_FIXED_NOREPLACE), -EEXIST);
	CHECK_EQ(anon(spot - P, 2 * P, RW, MAP_FIXED_NOREPLACE), -EEXIST);
	CHECK_EQ(anon(spot + 1, P, RW, MAP_FIXED_NOREPLACE), -EINVAL);
	CHECK_EQ(mm->map_count, 1);
	end(__func__);
}

static void mmap_fixed_replaces_overlapped_pages_with_zero_pages(void)
{
	unsigned long m, r, rss;

	begin();
	m = anon(0, 4 * P, RW, 0);
	CHECK(host_all(mm, m, 4 * P, 0));
	CHECK(host_fill(mm, m, 4 * P, 0xaa));
	CHECK_EQ(mm->rss, 4);
	rss = mm->rss;
	r = anon(m + P, 2 * P, RW, MAP_FIXED);
	CHECK_EQ(r, m + P);
	CHECK_EQ(mm->rss, rss - 2);		/* the replaced pages were freed */
	CHECK(host_all(mm, m + P, 2 * P, 0));
	CHECK(host_all(mm, m, P, 0xaa));
	CHECK(host_all(mm, m + 3 * P, P, 0xaa));
	CHECK_EQ(mm->map_count, 1);		/* same rights: merged back into one area */
	/* Different rights: three areas. */
	r = anon(m + P, P, PROT_READ, MAP_FIXED);
	CHECK_EQ(r, m + P);
	CHECK_EQ(mm->map_count, 3);
	end(__func__);
}

static void adjacent_compatible_mappings_merge_into_one_area(void)
{
	unsigned long a, b, c;
	struct vm_area_struct *v;

	begin();
	a = anon(0, P, RW, 0);
	b = anon(0, 2 * P, RW, 0);
	CHECK_EQ(b + 2 * P, a);
	CHECK_EQ(mm->map_count, 1);
	v = find_vma(mm, b);
	CHECK(v && v->vm_start == b && v->vm_end == a + P);
	c = anon(0, P, PROT_READ, 0);
	CHECK_EQ(mm->map_count, 2);
	/* Filling a hole between two equal areas joins all three. */
	CHECK_EQ(do_munmap(mm, b + P, P), 0);
	CHECK_EQ(mm->map_count, 3);
	CHECK_EQ(anon(b + P, P, RW, MAP_FIXED), b + P);
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(mm->total_vm, 4);
	(void)c;
	end(__func__);
}

static void mmap_anonymous_pages_are_zero_and_lazy(void)
{
	unsigned long m, before;

	begin();
	before = host_free_pages();
	m = anon(0, 256 * P, RW, 0);
	CHECK_EQ(host_free_pages(), before);	/* nothing allocated yet */
	CHECK_EQ(mm->rss, 0);
	CHECK_EQ(mm->total_vm, 256);
	CHECK(host_all(mm, m + 100 * P, P, 0));
	CHECK_EQ(mm->rss, 0);			/* a read maps the shared zero page */
	CHECK_EQ(host_free_pages(), before - 1);	/* only its page table */
	CHECK(host_fill(mm, m + 100 * P, 1, 9));	/* the first write allocates */
	CHECK(host_all(mm, m + 100 * P + 1, P - 1, 0));
	CHECK_EQ(mm->rss, 1);
	CHECK_EQ(host_free_pages(), before - 2);	/* the page and its page table */
	/* PROT_WRITE alone is readable on x86; PROT_READ reads zero. */
	m = anon(0, P, PROT_WRITE, 0);
	CHECK(host_fill(mm, m, 10, 42));
	CHECK(host_all(mm, m, 10, 42));
	m = anon(0, P, PROT_READ, 0);
	CHECK(host_all(mm, m, P, 0));
	CHECK(segv(m, true));
	m = anon(0, P, PROT_NONE, 0);
	CHECK(segv(m, false));
	CHECK_EQ(mm->hiwater_rss, 2);		/* the PROT_READ page stayed the zero page */
	end(__func__);
}

/* ---- munmap ---- */

static void munmap_checks_address_not_contents_and_splits_middle(void)
{
	unsigned long m, hole;

	begin();
	m = anon(0, 3 * P, RW, 0);
	CHECK(host_fill(mm, m, 3 * P, 0x33));
	hole = m - 3 * P;
	CHECK_EQ(do_munmap(mm, m + 1, P), -EINVAL);
	CHECK_EQ(do_munmap(mm, m, 0), -EINVAL);
	CHECK_EQ(do_munmap(mm, hole, 3 * P), 0);
	CHECK_EQ(do_munmap(mm, 0xfffff000UL, 2 * P), -EINVAL);
	CHECK_EQ(do_munmap(mm, 0xBFFFF000UL, 2 * P), -EINVAL);
	CHECK(host_all(mm, m, 3 * P, 0x33));

	CHECK_EQ(do_munmap(mm, m + P, P), 0);
	CHECK_EQ(mm->map_count, 2);
	CHECK(!mapped(m + P, P));
	CHECK(segv(m + P, false));
	CHECK(host_all(mm, m, P, 0x33) && host_all(mm, m + 2 * P, P, 0x33));
	CHECK_EQ(do_munmap(mm, m, 1), 0);		/* rounds up to the page */
	CHECK(!mapped(m, P) && mapped(m + 2 * P, P));
	CHECK_EQ(do_munmap(mm, m, 3 * P), 0);
	CHECK(!mapped(m, 3 * P));
	CHECK_EQ(mm->map_count, 0);
	CHECK_EQ(mm->rss, 0);
	CHECK_EQ(mm->total_vm, 0);
	end(__func__);
}

static void munmap_frees_pages_and_page_tables(void)
{
	unsigned long a = 0x40000000, before, i;

	begin();
	before = host_free_pages();
	CHECK_EQ(anon(a, 8UL << 20, RW, MAP_FIXED), a);
	for (i = 0; i < (8UL << 20); i += P)
		CHECK(host_fill(mm, a + i, 1, (u8)i));
	CHECK_EQ(mm->rss, 2048);
	CHECK_EQ(host_free_pages(), before - 2048 - 2);
	/* Unmap half of each 4 MiB: the pages go, the tables stay (still in use). */
	CHECK_EQ(do_munmap(mm, a + (2UL << 20), 4UL << 20), 0);
	CHECK_EQ(mm->rss, 1024);
	CHECK_EQ(host_free_pages(), before - 1024 - 2);
	/* The rest: now both tables are unused and go too. */
	CHECK_EQ(do_munmap(mm, a, 8UL << 20), 0);
	CHECK_EQ(host_free_pages(), before);
	end(__func__);
}

/* ---- mprotect ---- */

static void mprotect_splits_keeps_data_and_merges_back(void)
{
	unsigned long m, hole;

	begin();
	m = anon(0, 3 * P, RW, 0);
	CHECK(host_fill(mm, m, 3 * P, 0x21));
	hole = m - 2 * P;
	CHECK_EQ(do_mprotect(mm, m + P, P, PROT_READ), 0);
	CHECK_EQ(mm->map_count, 3);
	CHECK(!segv(m, true) && !segv(m + 2 * P, true));
	CHECK(segv(m + P, true));
	CHECK(host_all(mm, m + P, P, 0x21));
	CHECK_EQ(do_mprotect(mm, m, 3 * P, PROT_NONE), 0);
	CHECK_EQ(mm->map_count, 1);
	CHECK(segv(m, false) && segv(m + P, false));
	CHECK_EQ(mm->rss, 3);			/* hidden, not freed */
	CHECK_EQ(do_mprotect(mm, m, 3 * P, RW), 0);
	CHECK_EQ(mm->map_count, 1);
	CHECK(host_all(mm, m + 1, 3 * P - 1, 0x21));

	CHECK_EQ(do_mprotect(mm, m + 1, P, PROT_READ), -EINVAL);
	CHECK_EQ(do_mprotect(mm, m, 0, PROT_READ), 0);
	CHECK_EQ(do_mprotect(mm, m, 0, 0x10), 0);		/* length 0 wins */
	CHECK_EQ(do_mprotect(mm, m, P, PROT_READ | 0x10), -EINVAL);
	CHECK_EQ(do_mprotect(mm, m, P, PROT_READ | 0x8), 0);	/* PROT_SEM is valid */
	CHECK_EQ(do_mprotect(mm, m, P, PROT_READ | 0x02000000), -EINVAL);	/* GROWSUP */
	CHECK_EQ(do_mprotect(mm, m, P, PROT_READ | 0x01000000), -EINVAL);	/* not a stack */
	CHECK_EQ(do_mprotect(mm, hole, 2 * P, PROT_READ), -ENOMEM);
	CHECK_EQ(do_mprotect(mm, 0xfffff000UL, 2 * P, PROT_READ), -ENOMEM);
	CHECK_EQ(do_munmap(mm, m + P, P), 0);
	/* A hole: -ENOMEM, but (as Linux) the part before the hole was changed. */
	CHECK_EQ(do_mprotect(mm, m, 3 * P, PROT_READ), -ENOMEM);
	CHECK(segv(m, true));
	CHECK(!segv(m + 2 * P, true));
	CHECK_EQ(do_mprotect(mm, m + 2 * P, 10, PROT_READ), 0);	/* length rounds up */
	CHECK(segv(m + 2 * P, true));
	end(__func__);
}

static void mprotect_growsdown_applies_to_whole_stack(void)
{
	struct vm_area_struct *v;

	begin();
	CHECK_EQ(setup_stack_vma(mm, 0xC0000000, 16 * P), 0);
	CHECK_EQ(do_mprotect(mm, 0xC0000000 - 4 * P, P, PROT_READ | 0x01000000), 0);
	v = find_vma(mm, 0);
	CHECK(v && v->vm_start == 0xC0000000 - 16 * P && v->vm_end == 0xC0000000 - 3 * P);
	CHECK(v && v->vm_flags & VM_GROWSDOWN && !(v->vm_flags & VM_WRITE));
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(mm->stack_vm, 16);
	end(__func__);
}

/* ---- mremap ---- */

static void mremap_shrinks_and_grows_in_place(void)
{
	unsigned long a, r, b;

	begin();
	a = anon(0, 4 * P, RW, 0);
	CHECK(fill_pattern(a, 4 * P));
	r = do_mremap(mm, a, 4 * P, 2 * P, 0, 0);
	CHECK_EQ(r, a);
	CHECK(!mapped(a + 2 * P, 2 * P));
	CHECK(kept_pattern(a, 2 * P));
	CHECK_EQ(mm->rss, 2);
	r = do_mremap(mm, a, 2 * P, 4 * P, 0, 0);
	CHECK_EQ(r, a);
	CHECK(host_all(mm, a + 2 * P, 2 * P, 0));
	CHECK(kept_pattern(a, 2 * P));
	CHECK_EQ(mm->total_vm, 4);
	/* Growing up to a compatible neighbour joins them. */
	b = anon(0, P, RW, 0);
	CHECK_EQ(b, a - P);
	CHECK_EQ(mm->map_count, 1);
	CHECK_EQ(do_munmap(mm, a - P, 2 * P), 0);
	CHECK_EQ(anon(a - 3 * P, P, RW, MAP_FIXED), a - 3 * P);
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(do_mremap(mm, a - 3 * P, P, 2 * P, 0, 0), a - 3 * P);
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(do_mremap(mm, a - 3 * P, 2 * P, 4 * P, 0, 0), a - 3 * P);
	CHECK_EQ(mm->map_count, 1);
	end(__func__);
}

static void mremap_moves_page_table_entries_not_data(void)
{
	unsigned long x, y, t, r;
	phys_addr_t phys;

	begin();
	x = anon(0, 2 * P, RW, 0);
	CHECK(fill_pattern(x, P));
	phys = host_phys(mm, x);
	CHECK_EQ(do_mprotect(mm, x + P, P, PROT_READ), 0);
	CHECK_EQ(do_mremap(mm, x, P, 3 * P, 0, 0), -ENOMEM);
	y = do_mremap(mm, x, P, 3 * P, MREMAP_MAYMOVE, 0);
	CHECK(!IS_ERR_VALUE(y) && y != x);
	CHECK_EQ(host_phys(mm, y), phys);		/* the same page, moved */
	CHECK(kept_pattern(y, P));
	CHECK(host_all(mm, y + P, 2 * P, 0));
	CHECK(!mapped(x, P));
	CHECK(mapped(x + P, P));
	CHECK_EQ(mm->rss, 1);	/* y + P.. were only read: the zero page, moved or not */

	t = 0x60000000;
	r = do_mremap(mm, y, 3 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_FIXED, t);
	CHECK_EQ(r, t);
	CHECK(kept_pattern(t, P));
	CHECK(!mapped(y, 3 * P));
	/* MREMAP_FIXED over an existing mapping replaces it. */
	CHECK_EQ(anon(0x61000000, 2 * P, RW, MAP_FIXED), 0x61000000);
	CHECK(host_fill(mm, 0x61000000, 2 * P, 0x77));
	r = do_mremap(mm, t, P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, 0x61000000);
	CHECK_EQ(r, 0x61000000);
	CHECK(kept_pattern(0x61000000, P));
	CHECK(host_all(mm, 0x61000000 + P, P, 0));
	/* Shrinking while moving. */
	CHECK_EQ(do_mremap(mm, t + P, 2 * P, P, MREMAP_MAYMOVE | MREMAP_FIXED, 0x62000000),
		 0x62000000);
	CHECK(!mapped(t, 3 * P));
	CHECK_EQ(mm->total_vm, 1 + 2 + 1);
	end(__func__);
}

static void mremap_errors_match_linux(void)
{
	unsigned long a, z, t;

	begin();
	a = anon(0, 2 * P, RW, 0);
	CHECK(fill_pattern(a, 2 * P));
	z = anon(0, 2 * P, RW, 0);
	CHECK_EQ(do_mprotect(mm, z + P, P, PROT_READ), 0);
	CHECK_EQ(do_mremap(mm, z, 2 * P, 4 * P, MREMAP_MAYMOVE, 0), -EFAULT);
	t = 0x70000000;
	CHECK_EQ(do_mremap(mm, t, P, 2 * P, MREMAP_MAYMOVE, 0), -EFAULT);
	CHECK_EQ(do_mremap(mm, a + 1, P, 2 * P, MREMAP_MAYMOVE, 0), -EINVAL);
	CHECK_EQ(do_mremap(mm, a, P, 0, MREMAP_MAYMOVE, 0), -EINVAL);
	CHECK_EQ(do_mremap(mm, a, P, 2 * P, 0x10, 0), -EINVAL);
	CHECK_EQ(do_mremap(mm, a, P, P, MREMAP_FIXED, t), -EINVAL);
	CHECK_EQ(do_mremap(mm, a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, t + 1), -EINVAL);
	CHECK_EQ(do_mremap(mm, a, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, a + P), -EINVAL);
	CHECK_EQ(do_mremap(mm, a, P, 2 * P, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0), -EINVAL);
	CHECK_EQ(do_mremap(mm, a, 0, P, MREMAP_MAYMOVE, 0), -EINVAL);
	CHECK(kept_pattern(a, 2 * P));
	/* Same length and no move: nothing to do. */
	CHECK_EQ(do_mremap(mm, a, 2 * P, 2 * P, 0, 0), a);
	end(__func__);
}

static void mremap_dontunmap_leaves_old_range_empty(void)
{
	unsigned long a, r;

	begin();
	a = anon(0, 2 * P, RW, 0);
	CHECK(fill_pattern(a, 2 * P));
	r = do_mremap(mm, a, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	CHECK(!IS_ERR_VALUE(r) && r != a);
	CHECK(kept_pattern(r, 2 * P));
	CHECK(mapped(a, 2 * P));
	CHECK(host_all(mm, a, 2 * P, 0));
	end(__func__);
}

/* ---- madvise ---- */

static void madvise_dontneed_drops_pages(void)
{
	unsigned long m, hole;

	begin();
	m = anon(0, 4 * P, RW, 0);
	CHECK(host_fill(mm, m, 4 * P, 0x5a));
	hole = m - P;
	CHECK_EQ(do_madvise(mm, m + P, 2 * P, MADV_DONTNEED), 0);
	CHECK_EQ(mm->rss, 2);
	CHECK(host_all(mm, m + P, 2 * P, 0));
	CHECK(host_all(mm, m, P, 0x5a) && host_all(mm, m + 3 * P, P, 0x5a));
	CHECK(host_fill(mm, m + P, 1, 7));
	CHECK_EQ(do_madvise(mm, m + 1, P, MADV_DONTNEED), -EINVAL);
	CHECK_EQ(do_madvise(mm, hole, P, MADV_DONTNEED), -ENOMEM);
	CHECK_EQ(do_madvise(mm, m, P, 12345), -EINVAL);
	CHECK_EQ(do_madvise(mm, m + 1, P, 12345), -EINVAL);	/* advice checked first */
	CHECK_EQ(do_madvise(mm, m, 0, MADV_DONTNEED), 0);
	CHECK_EQ(do_madvise(mm, m, P, MADV_WILLNEED), 0);
	CHECK(host_all(mm, m, P, 0x5a));
	/* Over a hole: the mapped part is dropped, the answer is -ENOMEM. */
	CHECK_EQ(do_madvise(mm, hole, 2 * P, MADV_DONTNEED), -ENOMEM);
	CHECK(host_all(mm, m, P, 0));
	CHECK_EQ(mm->map_count, 1);
	end(__func__);
}

/* ---- brk ---- */

static unsigned long setup_program(void)
{
	CHECK_EQ(vm_map_fixed(mm, 0x08048000, 2 * P, VM_READ | VM_EXEC, "prog"), 0);
	CHECK_EQ(vm_map_fixed(mm, 0x0804a000, 2 * P, VM_READ | VM_WRITE, "prog"), 0);
	mm_set_brk(mm, 0x0804c000);
	return 0x0804c000;
}

static void brk_follows_linux_semantics(void)
{
	unsigned long b0, top, want, m;

	begin();
	b0 = setup_program();
	top = PAGE_ALIGN(b0);
	CHECK_EQ(do_brk(mm, 0), b0);
	CHECK_EQ(do_brk(mm, 0), b0);
	want = top + 3 * P + 123;
	CHECK_EQ(do_brk(mm, want), want);
	CHECK_EQ(do_brk(mm, 0), want);
	CHECK(host_all(mm, top, 4 * P, 0));
	CHECK(host_fill(mm, top, 4 * P, 0x5c));	/* the page holding the break, to its end */
	CHECK(segv(top + 4 * P, false));
	CHECK_EQ(mm->rss, 4);

	CHECK_EQ(do_brk(mm, top + P), top + P);
	CHECK(!mapped(top + P, 3 * P));
	CHECK_EQ(mm->rss, 1);
	CHECK(host_all(mm, top, P, 0x5c));
	CHECK_EQ(do_brk(mm, top + 4 * P), top + 4 * P);
	CHECK(host_all(mm, top + P, 3 * P, 0));
	CHECK(host_all(mm, top, P, 0x5c));

	m = anon(top + 8 * P, P, PROT_READ, MAP_FIXED_NOREPLACE);
	CHECK_EQ(m, top + 8 * P);
	CHECK_EQ(do_brk(mm, top + 7 * P), top + 7 * P);
	CHECK_EQ(do_brk(mm, top + 7 * P + 1), top + 7 * P);
	CHECK_EQ(do_brk(mm, top + 8 * P), top + 7 * P);
	CHECK_EQ(do_brk(mm, top + 12 * P), top + 7 * P);
	CHECK_EQ(do_munmap(mm, m, P), 0);
	CHECK_EQ(do_brk(mm, top + 12 * P), top + 12 * P);
	CHECK_EQ(do_brk(mm, b0), b0);
	CHECK(!mapped(top, 12 * P));
	CHECK_EQ(mm->total_vm, 4);
	end(__func__);
}

static void brk_refuses_and_returns_current_break(void)
{
	unsigned long b0;

	begin();
	b0 = setup_program();
	CHECK_EQ(do_brk(mm, 1), b0);
	CHECK_EQ(do_brk(mm, 0x1000), b0);
	CHECK_EQ(do_brk(mm, 0x0804a010), b0);	/* the program's data */
	CHECK_EQ(do_brk(mm, 0x08048000), b0);	/* its code */
	CHECK_EQ(do_brk(mm, 0xfffff000UL), b0);
	CHECK_EQ(do_brk(mm, 0xffffffffUL), b0);
	CHECK_EQ(do_brk(mm, 0xC0000000UL), b0);	/* all of user space up to the top */
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(do_brk(mm, b0 + P), b0 + P);
	CHECK_EQ(do_brk(mm, b0), b0);
	end(__func__);
}

/* musl: a PROT_NONE guard page mapped inside the heap must not stop it growing. */
static void brk_grows_past_a_mapping_inside_the_heap(void)
{
	unsigned long b0, top;

	begin();
	b0 = setup_program();
	top = b0;
	CHECK_EQ(do_brk(mm, top + 2 * P), top + 2 * P);
	CHECK_EQ(anon(top, P, PROT_NONE, MAP_FIXED), top);
	CHECK_EQ(do_brk(mm, top + 10 * P), top + 10 * P);
	CHECK(segv(top, false));
	CHECK(host_fill(mm, top + P, 9 * P, 1));
	CHECK_EQ(mm->map_count, 4);
	/* Shrinking takes the guard page with it, as in Linux. */
	CHECK_EQ(do_brk(mm, b0), b0);
	CHECK(!mapped(top, 10 * P));
	end(__func__);
}

static void brk_shrink_refused_when_heap_was_unmapped(void)
{
	unsigned long b0;

	begin();
	b0 = setup_program();
	CHECK_EQ(do_brk(mm, b0 + 2 * P), b0 + 2 * P);
	CHECK_EQ(do_munmap(mm, b0, 2 * P), 0);
	CHECK_EQ(do_brk(mm, b0), b0 + 2 * P);
	CHECK_EQ(do_brk(mm, b0 + 4 * P), b0 + 4 * P);
	CHECK(!mapped(b0, 2 * P) && mapped(b0 + 2 * P, 2 * P));
	end(__func__);
}

static void brk_stops_at_the_stack_guard_gap(void)
{
	unsigned long stack_start = 0xC0000000 - 32 * P, start = stack_start - (4UL << 20);

	begin();
	CHECK_EQ(setup_stack_vma(mm, 0xC0000000, 32 * P), 0);
	mm_set_brk(mm, start);
	CHECK_EQ(do_brk(mm, stack_start - STACK_GUARD_GAP - P), stack_start - STACK_GUARD_GAP - P);
	CHECK_EQ(do_brk(mm, stack_start - STACK_GUARD_GAP - P + 1),
		 stack_start - STACK_GUARD_GAP - P);
	end(__func__);
}

static void brk_refuses_more_than_all_ram(void)
{
	unsigned long b0;

	begin();
	b0 = setup_program();
	host_totalram = 100;
	CHECK_EQ(do_brk(mm, b0 + 101 * P), b0);
	CHECK_EQ(do_brk(mm, b0 + 100 * P), b0 + 100 * P);
	end(__func__);
}

/* ---- the stack and the fault decisions ---- */

static void fault_decide_follows_area_rights(void)
{
	struct vm_area_struct *v;
	unsigned long rw, ro, none, wo;
	const unsigned long R = X86_PF_USER, W = X86_PF_USER | X86_PF_WRITE;

	begin();
	rw = anon(0, P, RW, 0);
	ro = anon(0x50000000, P, PROT_READ, 0);
	none = anon(0x51000000, P, PROT_NONE, 0);
	wo = anon(0x52000000, P, PROT_WRITE, 0);
	CHECK_EQ(fault_decide(mm, rw, R, &v), FAULT_HANDLE);
	CHECK(v && v->vm_start == rw);
	CHECK_EQ(fault_decide(mm, rw + 5, W, &v), FAULT_HANDLE);
	CHECK_EQ(fault_decide(mm, ro, R, &v), FAULT_HANDLE);
	CHECK_EQ(fault_decide(mm, ro, W, &v), FAULT_BAD_ACCESS);
	CHECK_EQ(fault_decide(mm, ro, W | X86_PF_PROT, &v), FAULT_BAD_ACCESS);
	CHECK_EQ(fault_decide(mm, ro, R | X86_PF_PROT, &v), FAULT_BAD_ACCESS);
	CHECK_EQ(fault_decide(mm, none, R, &v), FAULT_BAD_ACCESS);
	CHECK_EQ(fault_decide(mm, none, W, &v), FAULT_BAD_ACCESS);
	CHECK_EQ(fault_decide(mm, wo, R, &v), FAULT_HANDLE);
	CHECK_EQ(fault_decide(mm, 0, R, &v), FAULT_BAD_AREA);
	CHECK(v == NULL);
	CHECK_EQ(fault_decide(mm, ro + P, R, &v), FAULT_BAD_AREA);	/* between areas */
	CHECK_EQ(fault_decide(mm, 0xC0000000UL, R, &v), FAULT_BAD_AREA);
	CHECK_EQ(fault_decide(mm, 0xC0100000UL, W, &v), FAULT_BAD_AREA);
	/* Kernel-mode faults (uaccess) get the same answers. */
	CHECK_EQ(fault_decide(mm, rw, X86_PF_WRITE, &v), FAULT_HANDLE);
	CHECK_EQ(fault_decide(mm, ro, X86_PF_WRITE, &v), FAULT_BAD_ACCESS);
	CHECK_EQ(mm->rss, 0);		/* deciding changes nothing */
	end(__func__);
}

static void stack_grows_down_to_limit_and_not_into_guard_gap(void)
{
	const unsigned long top = 0xC0000000, R = X86_PF_USER, W = R | X86_PF_WRITE;
	struct vm_area_struct *v;

	begin();
	CHECK_EQ(setup_stack_vma(mm, top, 32 * P), 0);
	CHECK_EQ(mm->stack_vm, 32);
	v = find_vma(mm, top - P);
	CHECK_EQ(fault_decide(mm, top - 32 * P - 4, W, &v), FAULT_EXPAND_STACK);
	CHECK_EQ(v->vm_start, top - 32 * P);		/* deciding did not grow it */
	CHECK(host_fill(mm, top - 32 * P - 4, 4, 9));
	CHECK_EQ(v->vm_start, top - 33 * P);
	CHECK_EQ(mm->stack_vm, 33);
	CHECK_EQ(mm->total_vm, 33);
	/* Up to 8 MiB in all, not a byte more. */
	CHECK_EQ(fault_decide(mm, top - STACK_RLIMIT, R, &v), FAULT_EXPAND_STACK);
	CHECK_EQ(fault_decide(mm, top - STACK_RLIMIT - 1, R, &v), FAULT_BAD_AREA);
	CHECK(segv(top - STACK_RLIMIT - 1, true));
	CHECK(!segv(top - STACK_RLIMIT, true));
	CHECK_EQ(mm->stack_vm, STACK_RLIMIT / P);
	CHECK_EQ(mm->rss, 2);
	end(__func__);
}

static void stack_keeps_guard_gap_above_accessible_area(void)
{
	const unsigned long top = 0xC0000000, W = X86_PF_USER | X86_PF_WRITE;
	const unsigned long below_end = 0xBFD00000;
	struct vm_area_struct *v;

	begin();
	CHECK_EQ(setup_stack_vma(mm, top, 32 * P), 0);
	CHECK_EQ(anon(0xBFC00000, below_end - 0xBFC00000, RW, MAP_FIXED), 0xBFC00000);
	CHECK_EQ(fault_decide(mm, below_end + STACK_GUARD_GAP, W, &v), FAULT_EXPAND_STACK);
	CHECK_EQ(fault_decide(mm, below_end + STACK_GUARD_GAP - 1, W, &v), FAULT_BAD_AREA);
	CHECK(segv(below_end + STACK_GUARD_GAP - P, true));
	/* A PROT_NONE area below needs no gap. */
	CHECK_EQ(do_mprotect(mm, 0xBFC00000, below_end - 0xBFC00000, PROT_NONE), 0);
	CHECK_EQ(fault_decide(mm, below_end, W, &v), FAULT_EXPAND_STACK);
	CHECK(!segv(below_end, true));
	CHECK_EQ(do_mprotect(mm, 0xBFC00000, below_end - 0xBFC00000, RW), 0);
	/* The stack now touches the area: more growth is impossible. */
	CHECK_EQ(fault_decide(mm, below_end - 1, W, &v), FAULT_HANDLE);	/* in the area */
	CHECK(setup_stack_vma(mm, top, 32 * P) == -EEXIST);
	CHECK(setup_stack_vma(mm, top, 0) == -EINVAL);
	CHECK(setup_stack_vma(mm, top - 1, P) == -EINVAL);
	end(__func__);
}

static void write_to_read_only_page_is_refused_even_when_present(void)
{
	unsigned long m;

	begin();
	m = anon(0, P, RW, 0);
	CHECK(host_fill(mm, m, 1, 1));
	CHECK_EQ(do_mprotect(mm, m, P, PROT_READ), 0);
	CHECK(host_all(mm, m, 1, 1));
	CHECK(segv(m, true));		/* present page: error code has X86_PF_PROT */
	CHECK_EQ(do_mprotect(mm, m, P, RW), 0);
	CHECK(!segv(m, true));
	end(__func__);
}

/* ---- running out of memory ---- */

static void fault_without_memory_reports_oom_and_leaks_nothing(void)
{
	unsigned long m, before;
	u8 v = 1;

	begin();
	m = anon(0, 2 * P, RW, 0);
	CHECK(host_fill(mm, m, 1, 3));
	before = host_free_pages();
	fail_page_alloc_set(1);
	CHECK_EQ(host_access(mm, m + P, true, &v), HOST_OOM);
	CHECK_EQ(host_free_pages(), before);
	CHECK_EQ(mm->rss, 1);
	CHECK_EQ(host_access(mm, m + P, true, &v), HOST_OK);
	/* A fresh 4 MiB region needs a page table too: the page comes, the table not. */
	m = anon(0x40000000, P, RW, MAP_FIXED);
	before = host_free_pages();
	host_fail_page_alloc_nth(2);
	CHECK_EQ(host_access(mm, m, true, &v), HOST_OOM);
	CHECK_EQ(host_free_pages(), before);
	CHECK_EQ(mm->rss, 2);
	CHECK_EQ(host_access(mm, m, true, &v), HOST_OK);
	/* A read needs no page, but a fresh 4 MiB region still needs its page table. */
	m = anon(0x40800000, 2 * P, RW, MAP_FIXED);
	before = host_free_pages();
	fail_page_alloc_set(1);
	CHECK_EQ(host_access(mm, m, false, &v), HOST_OOM);
	CHECK_EQ(host_free_pages(), before);
	CHECK_EQ(host_access(mm, m, false, &v), HOST_OK);
	CHECK(is_zero_mapped(m));
	/* The write that replaces the zero page finds no page: the zero page stays. */
	before = host_free_pages();
	fail_page_alloc_set(1);
	v = 9;
	CHECK_EQ(host_access(mm, m, true, &v), HOST_OOM);
	CHECK_EQ(host_free_pages(), before);
	CHECK(is_zero_mapped(m));
	CHECK_EQ(mm->rss, 3);
	CHECK_EQ(host_access(mm, m, true, &v), HOST_OK);
	CHECK(!is_zero_mapped(m) && host_all(mm, m, 1, 9));
	CHECK_EQ(mm->rss, 4);
	end(__func__);
}

static void touching_more_than_ram_ends_in_oom_and_mmput_frees_all(void)
{
	unsigned long m, i, len = 64UL << 20;
	enum host_access_result r = HOST_OK;
	u8 v = 1;

	begin();
	CHECK_EQ(anon(0, len, RW, 0), -ENOMEM);	/* more than all RAM at once */
	m = anon(0, len, RW, MAP_NORESERVE);
	CHECK(!IS_ERR_VALUE(m));
	for (i = 0; i < len && r == HOST_OK; i += P)
		r = host_access(mm, m + i, true, &v);
	CHECK_EQ(r, HOST_OOM);
	CHECK(host_free_pages() < 4);
	end(__func__);
}

static void failed_area_allocation_changes_nothing(void)
{
	unsigned long m;

	begin();
	m = anon(0, 3 * P, RW, 0);
	CHECK(host_fill(mm, m, 3 * P, 0x44));
	host_fail_vma_alloc = 1;
	CHECK_EQ(do_munmap(mm, m + P, P), -ENOMEM);
	CHECK_EQ(mm->map_count, 1);
	host_fail_vma_alloc = 1;
	CHECK_EQ(do_mprotect(mm, m + P, P, PROT_READ), -ENOMEM);
	CHECK_EQ(mm->map_count, 1);
	host_fail_vma_alloc = 2;	/* the first cut succeeds, the second fails */
	CHECK_EQ(do_mprotect(mm, m + P, P, PROT_READ), -ENOMEM);
	CHECK_EQ(host_check_mm(mm), 0);
	host_fail_vma_alloc = 1;
	CHECK_EQ(anon(0, P, PROT_READ, 0), -ENOMEM);
	host_fail_vma_alloc = 1;
	CHECK_EQ(anon(0, P, RW, 0), m - P);	/* merges: no allocation needed */
	host_fail_vma_alloc = 1;
	CHECK_EQ(do_mremap(mm, m, 3 * P, 5 * P, MREMAP_MAYMOVE | MREMAP_FIXED, 0x40000000),
		 -ENOMEM);
	host_fail_vma_alloc = 0;
	CHECK(host_all(mm, m, 3 * P, 0x44));
	CHECK_EQ(mm->map_count, 1);
	end(__func__);
}

static void mapping_more_than_ram_is_refused_unless_not_writable(void)
{
	begin();
	host_totalram = 100;
	CHECK_EQ(anon(0, 101 * P, RW, 0), -ENOMEM);
	CHECK_EQ(anon(0, 101 * P, PROT_READ, 0), BASE - 101 * P);
	CHECK_EQ(anon(0, 101 * P, RW, MAP_NORESERVE), BASE - 202 * P);
	CHECK_EQ(anon(0, 100 * P, RW, 0), BASE - 302 * P);
	end(__func__);
}

/* ---- file offsets, anonymity, overcommit, limits, populate, mlock (issue 10) ---- */

static struct vm_area_struct *area_at(unsigned long addr)
{
	struct vm_area_struct *v = find_vma(mm, addr);

	return v && v->vm_start <= addr ? v : NULL;
}

static void image_offsets_follow_splits_and_merges(void)
{
	struct vm_area_struct *v;

	begin();
	CHECK_EQ(vm_map_pgoff(mm, 0x08048000, 4 * P, VM_READ | VM_EXEC, 3, "prog"), 0);
	v = area_at(0x08048000);
	CHECK(v && !vma_is_anonymous(v) && v->vm_pgoff == 3);
	/* mprotect of page 1 cuts the area in three: offsets 3, 4, 5. */
	CHECK_EQ(do_mprotect(mm, 0x08049000, P, PROT_READ), 0);
	CHECK_EQ(mm->map_count, 3);
	CHECK_EQ(area_at(0x08049000)->vm_pgoff, 4);
	CHECK_EQ(area_at(0x0804a000)->vm_pgoff, 5);
	CHECK_EQ(do_mprotect(mm, 0x08049000, P, PROT_READ | PROT_EXEC), 0);
	CHECK_EQ(mm->map_count, 1);		/* the offsets follow on: one area again */
	CHECK_EQ(area_at(0x08048000)->vm_pgoff, 3);
	/* Unmapping the head moves the start and the offset with it. */
	CHECK_EQ(do_munmap(mm, 0x08048000, P), 0);
	CHECK_EQ(area_at(0x08049000)->vm_pgoff, 4);
	/* A neighbour whose offset does not follow stays apart; one that does merges. */
	CHECK_EQ(vm_map_pgoff(mm, 0x0804c000, P, VM_READ | VM_EXEC, 9, "prog"), 0);
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(do_munmap(mm, 0x0804c000, P), 0);
	CHECK_EQ(vm_map_pgoff(mm, 0x0804c000, P, VM_READ | VM_EXEC, 7, "prog"), 0);
	CHECK_EQ(mm->map_count, 1);
	/* ... also from below: the merged area takes the lower offset. */
	CHECK_EQ(vm_map_pgoff(mm, 0x08048000, P, VM_READ | VM_EXEC, 3, "prog"), 0);
	CHECK_EQ(mm->map_count, 1);
	CHECK_EQ(area_at(0x0804c000)->vm_pgoff, 3);
	CHECK_EQ(area_at(0x0804c000)->vm_start, 0x08048000);
	/* mremap moves a piece with its offset. */
	CHECK_EQ(do_mremap(mm, 0x0804a000, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, 0x40000000),
		 0x40000000);
	v = area_at(0x40000000);
	CHECK(v && !vma_is_anonymous(v) && v->vm_pgoff == 5);
	end(__func__);
}

static void anonymity_does_not_depend_on_the_name(void)
{
	struct vm_area_struct *v;

	begin();
	CHECK_EQ(vm_map_fixed(mm, 0x10000000, P, VM_READ, "[looks-special]"), 0);
	CHECK(!vma_is_anonymous(area_at(0x10000000)));
	CHECK(vma_merge_new(mm, 0x20000000, 0x20001000, VM_READ, "prog") != NULL);
	v = area_at(0x20000000);
	CHECK(v && vma_is_anonymous(v) && v->vm_pgoff == 0);
	/* An anonymous area and an image area side by side never merge. */
	CHECK(vma_merge_new(mm, 0x10001000, 0x10002000, VM_READ | VM_MAYREAD | VM_MAYWRITE |
			    VM_MAYEXEC, "[looks-special]") != NULL);
	CHECK_EQ(mm->map_count, 3);
	end(__func__);
}

/* The pages of the areas carrying VM_ACCOUNT: what vm_committed_as must have gained. */
static unsigned long account_pages(void)
{
	struct vm_area_struct *v;
	unsigned long n = 0;

	for_each_vma(mm, v)
		if (v->vm_flags & VM_ACCOUNT)
			n += vma_pages(v);
	return n;
}

#define CHARGED() (vm_memory_committed() - committed_at_start)

static void commit_is_charged_where_linux_charges(void)
{
	unsigned long a, b, c, d, brk0;

	begin();
	a = anon(0, 10 * P, RW, 0);
	CHECK_EQ(CHARGED(), 10);
	b = anon(0, 10 * P, PROT_READ, 0);
	CHECK_EQ(CHARGED(), 10);			/* read-only: nothing to promise */
	CHECK_EQ(do_mprotect(mm, b, 4 * P, RW), 0);	/* made writable: charged */
	CHECK_EQ(CHARGED(), 14);
	CHECK_EQ(do_mprotect(mm, b, 4 * P, PROT_READ), 0);
	CHECK_EQ(CHARGED(), 14);			/* Linux keeps it: no finer account */
	CHECK_EQ(do_mprotect(mm, b, 4 * P, RW), 0);
	CHECK_EQ(CHARGED(), 14);			/* and does not charge it twice */
	c = anon(0, 5 * P, RW, MAP_NORESERVE);
	CHECK_EQ(CHARGED(), 14);
	d = do_mmap(mm, 0, 3 * P, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1UL, 0);
	CHECK_EQ(CHARGED(), 17);			/* shared anonymous: charged (shmem) */
	CHECK_EQ(do_mprotect(mm, c, 5 * P, PROT_READ), 0);
	CHECK_EQ(do_mprotect(mm, c, 5 * P, RW), 0);
	CHECK_EQ(CHARGED(), 17);			/* MAP_NORESERVE stays uncharged */
	CHECK_EQ(do_munmap(mm, a + 5 * P, 5 * P), 0);
	CHECK_EQ(CHARGED(), 12);
	CHECK_EQ(do_mremap(mm, a, 5 * P, 6 * P, MREMAP_MAYMOVE, 0), a);	/* grows in place */
	CHECK_EQ(CHARGED(), 13);
	CHECK_EQ(do_mremap(mm, a, 3 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_FIXED, 0x40000000),
		 0x40000000);				/* moved: charged once */
	CHECK_EQ(CHARGED(), 13);
	CHECK_EQ(do_mremap(mm, 0x40000000, 3 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_FIXED |
			   MREMAP_DONTUNMAP, 0x50000000), 0x50000000);
	CHECK_EQ(CHARGED(), 16);			/* DONTUNMAP: both ranges stay mapped */
	CHECK_EQ(account_pages(), CHARGED());
	mm_set_brk(mm, 0x0804c000);
	brk0 = do_brk(mm, 0);
	CHECK_EQ(do_brk(mm, brk0 + 3 * P), brk0 + 3 * P);
	CHECK_EQ(CHARGED(), 19);
	CHECK_EQ(setup_stack_vma(mm, TASK_SIZE, 32 * P), 0);
	CHECK_EQ(CHARGED(), 51);
	CHECK(!segv(TASK_SIZE - 40 * P, true));	/* the stack grows: charged too */
	CHECK_EQ(CHARGED(), 59);
	CHECK_EQ(account_pages(), CHARGED());
	(void)d;
	end(__func__);				/* mmput gives every charge back */
}

static void overcommit_refuses_mprotect_mremap_and_brk(void)
{
	unsigned long big = (host_totalram + 1) * P, r, m, brk0;
	struct vm_area_struct *v;

	begin();
	r = anon(0, big, PROT_READ, 0);		/* read-only: not charged, granted */
	CHECK(!IS_ERR_VALUE(r));
	CHECK_EQ(do_mprotect(mm, r, big, RW), -ENOMEM);
	v = area_at(r);
	CHECK(v && v->vm_end - v->vm_start == big && !(v->vm_flags & (VM_WRITE | VM_ACCOUNT)));
	CHECK_EQ(CHARGED(), 0);
	CHECK_EQ(do_munmap(mm, r, big), 0);
	m = anon(0, P, RW, 0);
	CHECK_EQ(do_mremap(mm, m, P, big + P, MREMAP_MAYMOVE, 0), -ENOMEM);
	CHECK_EQ(CHARGED(), 1);
	mm_set_brk(mm, 0x0804c000);
	brk0 = do_brk(mm, 0);
	CHECK_EQ(do_brk(mm, brk0 + big), brk0);
	/* OVERCOMMIT_NEVER: the sum is capped at CommitLimit (half of RAM, no swap). */
	sysctl_overcommit_memory = OVERCOMMIT_NEVER;
	CHECK_EQ(vm_commit_limit(), host_totalram / 2);
	CHECK(!IS_ERR_VALUE(anon(0, (vm_commit_limit() - 100) * P, RW, 0)));
	CHECK_EQ(anon(0, 200 * P, RW, 0), -ENOMEM);
	CHECK_EQ(anon(0, 200 * P, RW, MAP_NORESERVE), -ENOMEM);	/* not honoured here */
	CHECK(!IS_ERR_VALUE(anon(0, 200 * P, PROT_READ, 0)));
	sysctl_overcommit_memory = OVERCOMMIT_ALWAYS;
	CHECK(!IS_ERR_VALUE(anon(0, big, RW, 0)));
	sysctl_overcommit_memory = OVERCOMMIT_GUESS;
	end(__func__);
}

static void address_space_and_data_limits_are_enforced(void)
{
	unsigned long m, brk0, first;

	begin();
	m = anon(0, 10 * P, PROT_READ, 0);
	first = m;
	host_rlim[RLIMIT_AS].rlim_cur = (mm->total_vm + 5) * P;
	CHECK_EQ(anon(0, 6 * P, PROT_NONE, 0), -ENOMEM);
	CHECK(!IS_ERR_VALUE(anon(0, 5 * P, PROT_NONE, 0)));
	/* MAP_FIXED over existing pages needs only the difference. */
	CHECK_EQ(anon(m, 10 * P, RW, MAP_FIXED), m);
	CHECK_EQ(anon(m, 11 * P, RW, MAP_FIXED), -ENOMEM);
	CHECK_EQ(do_mremap(mm, m, 10 * P, 11 * P, MREMAP_MAYMOVE, 0), -ENOMEM);
	mm_set_brk(mm, 0x0804c000);
	brk0 = do_brk(mm, 0);
	CHECK_EQ(do_brk(mm, brk0 + P), brk0);
	host_rlim[RLIMIT_AS].rlim_cur = RLIM_INFINITY;

	/* Data: private writable only; the heap also against brk - start_brk. */
	host_rlim[RLIMIT_DATA].rlim_cur = (mm->data_vm + 4) * P;
	CHECK_EQ(anon(0, 5 * P, RW, 0), -ENOMEM);
	CHECK(!IS_ERR_VALUE(anon(0, 5 * P, PROT_READ, 0)));
	CHECK(!IS_ERR_VALUE(do_mmap(mm, 0, 5 * P, RW, MAP_SHARED | MAP_ANONYMOUS, -1UL, 0)));
	m = anon(0, 5 * P, PROT_READ, 0);
	CHECK_EQ(do_mprotect(mm, m, 5 * P, RW), -ENOMEM);
	CHECK_EQ(do_mprotect(mm, m, 4 * P, RW), 0);
	CHECK_EQ(do_brk(mm, brk0 + P), brk0);	/* data_vm is at the limit now */
	do_munmap(mm, m, 5 * P);
	do_munmap(mm, first, 10 * P);
	CHECK_EQ(mm->data_vm, 0);
	host_rlim[RLIMIT_DATA].rlim_cur = 2 * P;
	CHECK_EQ(do_brk(mm, brk0 + 2 * P), brk0 + 2 * P);
	CHECK_EQ(do_brk(mm, brk0 + 2 * P + 1), brk0 + 2 * P);	/* refused: bytes count */
	end(__func__);
}

static void stack_limit_is_read_at_fault_time(void)
{
	struct vm_area_struct *v;
	unsigned long top = TASK_SIZE;

	begin();
	CHECK_EQ(setup_stack_vma(mm, top, 16 * P), 0);
	host_rlim[RLIMIT_STACK].rlim_cur = 64 * P;
	CHECK_EQ(fault_decide(mm, top - 64 * P, X86_PF_USER | X86_PF_WRITE, &v),
		 FAULT_EXPAND_STACK);
	CHECK_EQ(fault_decide(mm, top - 64 * P - 1, X86_PF_USER | X86_PF_WRITE, &v),
		 FAULT_BAD_AREA);
	CHECK(segv(top - 65 * P, true));
	CHECK(!segv(top - 64 * P, true));
	/* RLIMIT_AS stops it as well, inside the stack limit. */
	host_rlim[RLIMIT_STACK].rlim_cur = 8UL << 20;
	host_rlim[RLIMIT_AS].rlim_cur = mm->total_vm * P;
	CHECK(segv(top - 65 * P, true));
	host_rlim[RLIMIT_AS].rlim_cur = RLIM_INFINITY;
	CHECK(!segv(top - 65 * P, true));
	CHECK_EQ(setup_stack_vma(mm, top - (1UL << 30), 9UL << 20), -EINVAL);	/* > limit */
	end(__func__);
}

static void populate_faults_in_and_reports_failures(void)
{
	unsigned long m;

	begin();
	m = anon(0, 8 * P, RW, MAP_POPULATE);
	CHECK_EQ(mm->rss, 8);
	CHECK(host_all(mm, m, 8 * P, 0));
	CHECK(host_fill(mm, m, P, 0x77));
	CHECK_EQ(do_madvise(mm, m, 8 * P, MADV_POPULATE_WRITE), 0);
	CHECK(host_all(mm, m, P, 0x77));	/* populating keeps what is there */
	m = anon(0, 4 * P, RW, 0);
	/* Populating for reading maps the zero page: nothing is allocated, rss stays. */
	CHECK_EQ(do_madvise(mm, m, 4 * P, MADV_POPULATE_READ), 0);
	CHECK(is_zero_mapped(m) && is_zero_mapped(m + 3 * P));
	CHECK_EQ(mm->rss, 8);
	CHECK_EQ(do_madvise(mm, m, 4 * P, MADV_DONTNEED), 0);
	fail_page_alloc_set(1);
	CHECK_EQ(do_madvise(mm, m, 4 * P, MADV_POPULATE_WRITE), -ENOMEM);
	CHECK_EQ(mm->rss, 8);
	host_fail_page_alloc_nth(3);		/* the third page fails: two are kept */
	CHECK_EQ(do_mlock(mm, m, 4 * P, VM_LOCKED), -EAGAIN);
	CHECK_EQ(mm->rss, 10);
	CHECK_EQ(mm->locked_vm, 4);		/* the area is locked even so, as Linux */
	fail_page_alloc_set(1);
	CHECK(!IS_ERR_VALUE(anon(0, 2 * P, RW, MAP_POPULATE)));	/* errors ignored */
	CHECK_EQ(mm->rss, 10);
	/* Kinds of area that cannot be populated. */
	m = anon(0, 2 * P, RW, 0);
	area_at(m)->vm_flags |= VM_IO;
	CHECK_EQ(do_madvise(mm, m, 2 * P, MADV_POPULATE_WRITE), -EINVAL);
	CHECK_EQ(__mm_populate(mm, m, 2 * P, 0), 0);	/* skipped */
	area_at(m)->vm_flags &= ~VM_IO;
	CHECK_EQ(mm->rss, 10);
	end(__func__);
}

static void mlock_counts_locked_pages_and_honours_memlock(void)
{
	unsigned long m, n;

	begin();
	m = anon(0, 8 * P, RW, 0);
	CHECK_EQ(do_mlock(mm, m + P, 3 * P, VM_LOCKED), 0);
	CHECK_EQ(mm->locked_vm, 3);
	CHECK_EQ(mm->rss, 3);
	CHECK_EQ(mm->map_count, 3);
	CHECK_EQ(do_munlock(mm, m, 8 * P), 0);
	CHECK_EQ(mm->locked_vm, 0);
	CHECK_EQ(mm->map_count, 1);		/* merged back */
	CHECK_EQ(do_mlock(mm, m, 8 * P, VM_LOCKED), 0);
	CHECK_EQ(do_munmap(mm, m + 6 * P, 2 * P), 0);
	CHECK_EQ(mm->locked_vm, 6);		/* unmapping takes locked pages with it */
	CHECK_EQ(do_mremap(mm, m, 6 * P, 7 * P, 0, 0), m);
	CHECK_EQ(mm->locked_vm, 7);
	CHECK_EQ(mm->rss, 7);			/* the new page of a locked area is populated */
	CHECK_EQ(do_munlockall(mm), 0);
	CHECK_EQ(mm->locked_vm, 0);

	/* Without CAP_IPC_LOCK, RLIMIT_MEMLOCK counts. */
	host_caps_dropped = 1U << CAP_IPC_LOCK;
	host_rlim[RLIMIT_MEMLOCK].rlim_cur = 4 * P;
	CHECK_EQ(do_mlock(mm, m, 5 * P, VM_LOCKED), -ENOMEM);
	CHECK_EQ(mm->locked_vm, 0);
	CHECK_EQ(do_mlock(mm, m, 4 * P, VM_LOCKED), 0);
	CHECK_EQ(do_mlock(mm, m + P, 3 * P, VM_LOCKED), 0);	/* already locked: no more */
	CHECK_EQ(anon(0, P, RW, MAP_LOCKED), -EAGAIN);
	CHECK_EQ(do_mremap(mm, m, 4 * P, 5 * P, MREMAP_MAYMOVE, 0), -EAGAIN);
	CHECK_EQ(do_mlockall(mm, MCL_CURRENT), -ENOMEM);	/* total_vm above the limit */
	CHECK_EQ(do_mlockall(mm, MCL_FUTURE), 0);
	n = anon(0, P, RW, 0);
	CHECK_EQ(n, -EAGAIN);			/* MCL_FUTURE: every new mapping is locked */
	CHECK_EQ(do_munlockall(mm), 0);
	host_rlim[RLIMIT_MEMLOCK].rlim_cur = 0;
	CHECK_EQ(do_mlock(mm, m, P, VM_LOCKED), -EPERM);
	CHECK_EQ(anon(0, P, RW, MAP_LOCKED), -EPERM);
	CHECK_EQ(do_mlockall(mm, MCL_CURRENT), -EPERM);
	host_caps_dropped = 0;
	CHECK_EQ(do_mlock(mm, m, 7 * P, VM_LOCKED), 0);	/* root: no limit */
	CHECK_EQ(mm->locked_vm, 7);
	end(__func__);
}

static void mincore_and_msync_answer_as_linux(void)
{
	unsigned char vec[8];
	unsigned long m;

	begin();
	CHECK_EQ(vm_map_fixed(mm, 0x08048000, 2 * P, VM_READ | VM_EXEC, "prog"), 0);
	CHECK_EQ(do_mincore(mm, 0x08048000, 8, vec), 2);	/* stops at the area's end */
	CHECK(vec[0] == 1 && vec[1] == 1);	/* a program image is in memory */
	m = anon(0, 4 * P, RW, 0);
	CHECK(host_fill(mm, m + 2 * P, 1, 9));
	CHECK_EQ(do_mincore(mm, m, 4, vec), 4);
	CHECK(vec[0] == 0 && vec[1] == 0 && vec[2] == 1 && vec[3] == 0);
	CHECK_EQ(do_mprotect(mm, m, 4 * P, PROT_NONE), 0);
	CHECK_EQ(do_mincore(mm, m, 4, vec), 4);
	CHECK_EQ(vec[2], 1);			/* hidden, still in memory */
	CHECK_EQ(do_mincore(mm, m - P, 1, vec), -ENOMEM);
	CHECK_EQ(do_msync(mm, m, 4 * P, MS_SYNC), 0);
	CHECK_EQ(do_msync(mm, m, 4 * P, MS_SYNC | MS_ASYNC), -EINVAL);
	CHECK_EQ(do_msync(mm, m + 1, P, MS_SYNC), -EINVAL);
	CHECK_EQ(do_msync(mm, m, P, 8), -EINVAL);
	CHECK_EQ(do_msync(mm, m - P, 2 * P, MS_SYNC), -ENOMEM);
	CHECK_EQ(do_msync(mm, m - P, 2 * P, MS_ASYNC), -ENOMEM);
	CHECK_EQ(do_mlock(mm, m, P, VM_LOCKED), -ENOMEM);	/* PROT_NONE: nothing to fault */
	CHECK_EQ(do_mprotect(mm, m, 4 * P, RW), 0);
	CHECK_EQ(do_mlock(mm, m, P, VM_LOCKED), 0);
	CHECK_EQ(do_msync(mm, m, P, MS_INVALIDATE), -EBUSY);
	CHECK_EQ(do_msync(mm, m + P, P, MS_INVALIDATE), 0);
	end(__func__);
}

/* ---- the maps dump ---- */

static char maps[4096];

static void collect(const char *line, void *arg)
{
	(void)arg;
	size_t n = strlen(maps);

	snprintf(maps + n, sizeof(maps) - n, "%s\n", line);
}

static void maps_dump_uses_linux_format(void)
{
	const char *expected;
	struct vm_area_struct *v;

	begin();
	setup_program();
	v = find_vma(mm, 0x0804a000);
	v->vm_pgoff = 1;	/* as the ELF loader would set its file offset */
	CHECK_EQ(do_brk(mm, 0x0804c000 + P + 1), 0x0804c000 + P + 1);
	CHECK_EQ(anon(0, 2 * P, RW, 0), 0xb7ffe000);
	CHECK_EQ(do_mmap(mm, 0, P, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1UL, 0), 0xb7ffd000);
	CHECK_EQ(setup_stack_vma(mm, 0xC0000000, 32 * P), 0);
	maps[0] = 0;
	CHECK_EQ(format_maps(mm, collect, NULL), 6);
	expected = "08048000-0804a000 r-xp 00000000 00:00 0          prog\n"
		   "0804a000-0804c000 rw-p 00001000 00:00 0          prog\n"
		   "0804c000-0804e000 rw-p 00000000 00:00 0          [heap]\n"
		   "b7ffd000-b7ffe000 r--s 00000000 00:00 0 \n"
		   "b7ffe000-b8000000 rw-p 00000000 00:00 0 \n"
		   "bffe0000-c0000000 rw-p 00000000 00:00 0          [stack]\n";
	if (strcmp(maps, expected) != 0) {
		CHECK(!"maps differ");
		printf("# got:\n%s# expected:\n%s", maps, expected);
	}
	host_log_reset();
	show_maps(mm);
	CHECK(host_log_contains("bffe0000-c0000000 rw-p 00000000 00:00 0          [stack]\n"));
	end(__func__);
}

/* ---- the system calls, through current ---- */

static void syscalls_act_on_current_mm(void)
{
	u32 args[6] = { 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1U, 0 };
	long r;

	begin();
	host_set_current(mm);
	setup_program();
	CHECK_EQ(sys_brk(0), 0x0804c000);
	CHECK_EQ(sys_brk(0x0804d000), 0x0804d000);
	r = sys_old_mmap((unsigned long)args);
	CHECK_EQ(r, BASE - P);
	args[5] = 100;
	CHECK_EQ(sys_old_mmap((unsigned long)args), -EINVAL);
	args[5] = 2 * P;
	CHECK_EQ(sys_old_mmap((unsigned long)args), BASE - 2 * P);
	CHECK_EQ(sys_old_mmap(16), -EFAULT);
	CHECK_EQ(sys_mmap2(0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0), BASE - 3 * P);
	CHECK_EQ(sys_mprotect(BASE - 3 * P, P, PROT_READ), 0);
	CHECK_EQ(sys_mremap(BASE - 2 * P, P, 2 * P, 0, 0), -ENOMEM);
	CHECK_EQ(sys_madvise(BASE - P, P, MADV_DONTNEED), 0);
	CHECK_EQ(sys_munmap(BASE - 3 * P, 3 * P), 0);
	CHECK_EQ(mm->map_count, 3);
	current = NULL;
	end(__func__);
}

static void mmput_of_the_running_mm_switches_to_swapper(void)
{
	begin();
	CHECK(host_fill(mm, anon(0, P, RW, 0), 1, 1));
	switch_pgd(mm->pgd);
	CHECK_EQ(host_check_mm(mm), 0);
	mmput(mm);
	CHECK(current_pgd() == swapper_pg_dir);
	mm = mm_alloc();
	end(__func__);
}

/* ---- The shared zero page and the page-table API ---- */

static void reads_share_the_zero_page_until_each_page_is_written(void)
{
	unsigned long m, before;

	begin();
	m = anon(0, 64 * P, RW, 0);
	CHECK(host_fill(mm, m, 1, 1));		/* the page table */
	before = host_free_pages();
	CHECK(host_all(mm, m + P, 63 * P, 0));
	CHECK_EQ(host_free_pages(), before);	/* 63 pages read, none allocated */
	CHECK_EQ(mm->rss, 1);
	CHECK(is_zero_mapped(m + P) && is_zero_mapped(m + 63 * P));
	CHECK_EQ(host_phys(mm, m + 5 * P), page_to_phys(ZERO_PAGE(0)));
	CHECK(host_fill(mm, m + 5 * P + 7, 1, 0x55));
	CHECK_EQ(host_free_pages(), before - 1);
	CHECK_EQ(mm->rss, 2);
	CHECK(!is_zero_mapped(m + 5 * P));
	CHECK(host_all(mm, m + 5 * P, 7, 0) && host_all(mm, m + 5 * P + 8, P - 8, 0));
	CHECK(host_all(mm, m + 4 * P, P, 0) && host_all(mm, m + 6 * P, P, 0));
	CHECK(is_zero_mapped(m + 4 * P));
	/* Each walk meets zero-page entries: none frees or counts it (it is reserved). */
	CHECK_EQ(do_mprotect(mm, m, 64 * P, PROT_READ), 0);
	CHECK_EQ(do_mprotect(mm, m, 64 * P, RW), 0);
	CHECK(is_zero_mapped(m + 4 * P));		/* still read-only */
	CHECK_EQ(do_madvise(mm, m + 2 * P, 2 * P, MADV_DONTNEED), 0);
	CHECK_EQ(host_phys(mm, m + 2 * P), (phys_addr_t)-1);	/* dropped, not even the zero page */
	CHECK_EQ(mm->rss, 2);
	CHECK(anon(m + 64 * P, P, PROT_READ, MAP_FIXED) == m + 64 * P);	/* blocks growth */
	m = do_mremap(mm, m, 64 * P, 128 * P, MREMAP_MAYMOVE, 0);
	CHECK(!IS_ERR_VALUE(m));
	CHECK(is_zero_mapped(m + 4 * P) && !is_zero_mapped(m + 5 * P));
	CHECK(host_all(mm, m + 5 * P + 7, 1, 0x55));
	CHECK_EQ(mm->rss, 2);
	CHECK_EQ(do_munmap(mm, m, 128 * P), 0);
	CHECK_EQ(mm->rss, 0);
	CHECK_EQ(host_zero_page->_refcount, 1);
	CHECK_EQ(page_mapcount(host_zero_page), 0);
	CHECK_NOT_LOGGED("BUG");
	end(__func__);
}

static void map_page_refuses_to_replace_an_entry(void)
{
	unsigned long addr = 0x08048000;
	struct page *a, *b;

	begin();
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);
	REQUIRE(a && b);
	CHECK_EQ(map_page(mm->pgd, addr, page_to_phys(a), PAGE_KERNEL | _PAGE_USER), 0);
	host_log_reset();
	CHECK_EQ(map_page(mm->pgd, addr, page_to_phys(b), PAGE_KERNEL | _PAGE_USER), -EEXIST);
	CHECK_LOGGED("BUG: remap of 08048000");
	CHECK_EQ(host_phys(mm, addr), page_to_phys(a));
	CHECK_EQ(pte_pfn(unmap_page(mm->pgd, addr)), page_to_pfn(a));
	CHECK_EQ(map_page(mm->pgd, addr, page_to_phys(b), PAGE_KERNEL | _PAGE_USER), 0);
	CHECK_EQ(host_phys(mm, addr), page_to_phys(b));
	CHECK(pte_accessible(unmap_page(mm->pgd, addr)));
	free_user_page_tables(mm->pgd, 0, TASK_SIZE);
	__free_page(a);
	__free_page(b);
	host_log_reset();
	end(__func__);
}

/* page_remove_rmap only counts: the page survives until its last put_page. */
static void rmap_counts_mappings_and_put_page_frees(void)
{
	struct page *page;
	unsigned long before;

	begin();
	before = host_free_pages();
	page = alloc_page(GFP_KERNEL);
	REQUIRE(page);
	CHECK_EQ(page_mapcount(page), 0);
	CHECK_EQ(page->_mapcount, -1);		/* Linux's "no mapping" */
	{
		struct vm_area_struct vma = { .vm_start = 0x40000000, .vm_end = 0x40010000,
					      .vm_pgoff = 0x40000 };

		page_add_new_anon_rmap(page, &vma, 0x40003000);
		CHECK(PageAnon(page));
		CHECK_EQ(page->index, 0x40003);
		CHECK_EQ(page_mapcount(page), 1);
		page_add_anon_rmap(page, &vma, 0x40003000);
		CHECK_EQ(page_mapcount(page), 2);
	}
	get_page(page);
	page_remove_rmap(page);
	page_remove_rmap(page);
	CHECK(!page_mapped(page));
	CHECK(!PageAnon(page) && !page->mapping);	/* left its mapping with the last pte */
	CHECK_EQ(host_free_pages(), before - 1);	/* unmapped, still referenced */
	host_log_reset();
	page_remove_rmap(page);			/* one too many: reported, count kept */
	CHECK_LOGGED("BUG: Bad page map");
	CHECK_EQ(page->_mapcount, -1);
	put_page(page);
	CHECK_EQ(host_free_pages(), before - 1);
	put_page(page);
	CHECK_EQ(host_free_pages(), before);
	host_log_reset();
	end(__func__);
}

/*
 * fork's bookkeeping (dup_mmap, copy_page_range, do_wp_page): a private area's pages are
 * shared read-only, each mapped twice with two references; a write on either side copies
 * only that page, the other side keeps its bytes; a page left mapped once is reused;
 * shared areas stay shared and writable; the child's charge is its own. host_check_mm
 * checks every pte against these rules on both sides.
 */
static void fork_copies_on_write_in_both_directions(void)
{
	unsigned long priv, shared, before, committed;
	struct mm_struct *child;
	u8 v;

	begin();
	priv = anon(0, 8 * P, RW, 0);
	shared = do_mmap(mm, 0, 2 * P, RW, MAP_SHARED | MAP_ANONYMOUS, -1UL, 0);
	REQUIRE(!IS_ERR_VALUE(priv) && !IS_ERR_VALUE(shared));
	CHECK(host_fill(mm, priv, 8 * P, 0x11));
	committed = vm_memory_committed();
	child = mm_alloc();
	REQUIRE(child);
	REQUIRE(dup_mmap(child, mm) == 0);
	CHECK_EQ(vm_memory_committed() - committed, 10);	/* 8 private + 2 shared */
	CHECK_EQ(child->rss, 10);	/* the shared area was faulted in to be shared */
	CHECK_EQ(host_check_mm(mm), 0);
	CHECK_EQ(host_check_mm(child), 0);
	CHECK_EQ(page_mapcount(pte_page(*pte_lookup(mm->pgd, priv))), 2);
	before = host_free_pages();
	v = 0x22;
	CHECK_EQ(host_access(child, priv + 3 * P, true, &v), HOST_OK);	/* copies one page */
	CHECK_EQ(before - host_free_pages(), 1);
	CHECK(host_all(mm, priv, 8 * P, 0x11));
	v = 0x33;
	CHECK_EQ(host_access(mm, priv + 3 * P, true, &v), HOST_OK);	/* mapped once: reused */
	CHECK_EQ(before - host_free_pages(), 1);
	CHECK_EQ(host_access(mm, priv + 5 * P, true, &v), HOST_OK);	/* parent's turn to copy */
	CHECK_EQ(before - host_free_pages(), 2);
	CHECK(host_all(child, priv + 5 * P, P, 0x11));
	CHECK_EQ(host_access(child, priv + 3 * P, false, &v), HOST_OK);
	CHECK_EQ(v, 0x22);
	v = 0x44;
	CHECK_EQ(host_access(child, shared, true, &v), HOST_OK);	/* shared: both see it */
	v = 0;
	CHECK_EQ(host_access(mm, shared, false, &v), HOST_OK);
	CHECK_EQ(v, 0x44);
	CHECK_EQ(host_check_mm(mm), 0);
	CHECK_EQ(host_check_mm(child), 0);
	mmput(child);
	CHECK_EQ(vm_memory_committed(), committed);
	CHECK(host_all(mm, priv + 6 * P, 2 * P, 0x11));
	end(__func__);
}

int main(void)
{
	mm_alloc_gives_empty_space_with_linux_mmap_base();
	find_vma_returns_first_area_ending_above();
	thousands_of_areas_keep_tree_and_list_consistent();
	vm_map_fixed_refuses_overlap_and_bad_ranges();
	mmap_places_each_mapping_at_top_of_highest_gap();
	mmap_honours_free_hint_and_rounds_unaligned_hint_down();
	mmap_errors_match_linux();
	mmap_fixed_replaces_overlapped_pages_with_zero_pages();
	adjacent_compatible_mappings_merge_into_one_area();
	mmap_anonymous_pages_are_zero_and_lazy();
	munmap_checks_address_not_contents_and_splits_middle();
	munmap_frees_pages_and_page_tables();
	mprotect_splits_keeps_data_and_merges_back();
	mprotect_growsdown_applies_to_whole_stack();
	mremap_shrinks_and_grows_in_place();
	mremap_moves_page_table_entries_not_data();
	mremap_errors_match_linux();
	mremap_dontunmap_leaves_old_range_empty();
	madvise_dontneed_drops_pages();
	brk_follows_linux_semantics();
	brk_refuses_and_returns_current_break();
	brk_grows_past_a_mapping_inside_the_heap();
	brk_shrink_refused_when_heap_was_unmapped();
	brk_stops_at_the_stack_guard_gap();
	brk_refuses_more_than_all_ram();
	fault_decide_follows_area_rights();
	stack_grows_down_to_limit_and_not_into_guard_gap();
	stack_keeps_guard_gap_above_accessible_area();
	write_to_read_only_page_is_refused_even_when_present();
	fault_without_memory_reports_oom_and_leaks_nothing();
	touching_more_than_ram_ends_in_oom_and_mmput_frees_all();
	failed_area_allocation_changes_nothing();
	mapping_more_than_ram_is_refused_unless_not_writable();
	image_offsets_follow_splits_and_merges();
	anonymity_does_not_depend_on_the_name();
	commit_is_charged_where_linux_charges();
	overcommit_refuses_mprotect_mremap_and_brk();
	address_space_and_data_limits_are_enforced();
	stack_limit_is_read_at_fault_time();
	populate_faults_in_and_reports_failures();
	mlock_counts_locked_pages_and_honours_memlock();
	mincore_and_msync_answer_as_linux();
	maps_dump_uses_linux_format();
	syscalls_act_on_current_mm();
	mmput_of_the_running_mm_switches_to_swapper();
	reads_share_the_zero_page_until_each_page_is_written();
	map_page_refuses_to_replace_an_entry();
	rmap_counts_mappings_and_put_page_frees();
	fork_copies_on_write_in_both_directions();
	return tap_done();
}

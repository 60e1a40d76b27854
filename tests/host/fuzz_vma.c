/*
 * Fuzz target for the address-space code: random sequences of mmap (fixed, hinted,
 * placed), munmap, mprotect, mremap, madvise, brk and user accesses on one mm, checked
 * against a model that knows, page by page, whether the page is mapped, its PROT_ bits,
 * whether its area is shared, whether it has a page of its own (written, or read in a
 * shared area) or at most the shared zero page (only read), and the value of one
 * tracked byte in it.
 *
 * After every call the model is updated from the call's documented effect (and its
 * result checked where Linux's rules fix it: a placed mapping lands in a free range,
 * MAP_FIXED_NOREPLACE fails exactly when something is there, mprotect and madvise
 * succeed exactly when the whole range is mapped, brk grows exactly when the range up
 * to one page above is free...). Every few calls, and at the end, the whole state is
 * compared: every area's pages against the model, page contents, and host_check_mm()
 * (tree, list, counters, page tables against areas, rss). Finally mmput() must give
 * every page back.
 *
 * With clang's libFuzzer this is LLVMFuzzerTestOneInput; without it the deterministic
 * random driver of fuzz_standalone.c feeds it the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include "vma_host.h"
#include "uapi/mman.h"
#include "string.h"

#define P		PAGE_SIZE
#define BASE		0xB8000000UL
#define W1_START	(BASE - 16384 * P)	/* where placed mappings land */
#define W1_PAGES	(16384 + 64)
#define MAX_MODEL	2000			/* pages: placements stay inside W1 */
#define W2_START	0x08050000UL		/* the heap */
#define W2_PAGES	256
#define TRACK		123			/* offset of the tracked byte in each page */

#define M_MAPPED	0x80
#define M_OWN		0x40	/* has its own page: never the zero page, counted in rss */
#define M_SHARED	0x20	/* MAP_SHARED: a read allocates too (no zero page) */
#define M_PROT		0x07

static u8 mst[W1_PAGES + W2_PAGES], mval[W1_PAGES + W2_PAGES];
static unsigned long model_pages;
static struct mm_struct *mm;
static const u8 *in;
static size_t in_left;

static void fail(const char *what, unsigned long a, unsigned long b)
{
	host_die("fuzz_vma: %s (0x%lx, 0x%lx)", what, a, b);
}

static long idx(unsigned long addr)
{
	if (addr >= W1_START && addr < W1_START + W1_PAGES * P)
		return (addr - W1_START) / P;
	if (addr >= W2_START && addr < W2_START + W2_PAGES * P)
		return W1_PAGES + (addr - W2_START) / P;
	return -1;
}

static long must_idx(unsigned long addr)
{
	long i = idx(addr);

	if (i < 0)
		fail("address outside the model's windows", addr, 0);
	return i;
}

/* Does [addr, addr + len) lie within one window? */
static bool in_window(unsigned long addr, unsigned long len)
{
	long first = idx(addr), last = idx(addr + len - 1);

	return first >= 0 && last >= 0 && last - first == (long)(len / P - 1);
}

static u8 get8(void)
{
	if (!in_left)
		return 0;
	in_left--;
	return *in++;
}

static bool model_mapped(unsigned long addr)
{
	long i = idx(addr);

	return i >= 0 && (mst[i] & M_MAPPED);
}

static bool range_free(unsigned long addr, unsigned long len)
{
	unsigned long a;

	for (a = addr; a < addr + len; a += P)
		if (model_mapped(a))
			return false;
	return true;
}

static bool range_mapped(unsigned long addr, unsigned long len)
{
	unsigned long a;

	for (a = addr; a < addr + len; a += P)
		if (!model_mapped(a))
			return false;
	return true;
}

/* prot: PROT_ bits, and M_SHARED for a shared area. */
static void model_map(unsigned long addr, unsigned long len, unsigned prot)
{
	unsigned long a;

	for (a = addr; a < addr + len; a += P) {
		long i = must_idx(a);

		if (!(mst[i] & M_MAPPED))
			model_pages++;
		mst[i] = M_MAPPED | (prot & (M_PROT | M_SHARED));
		mval[i] = 0;
	}
}

static void model_unmap(unsigned long addr, unsigned long len)
{
	unsigned long a;

	for (a = addr; a < addr + len; a += P) {
		long i = idx(a);

		if (i >= 0 && (mst[i] & M_MAPPED)) {
			model_pages--;
			mst[i] = 0;
			mval[i] = 0;
		}
	}
}

/* An address in one of the windows, page aligned. */
static unsigned long pick_addr(void)
{
	u8 a = get8(), b = get8();

	if (a & 0x80)
		return W2_START + (b % W2_PAGES) * P;
	if (a & 0x40)	/* where top-down placement puts things: collisions */
		return BASE - 512 * P + (((unsigned long)(a & 1) << 8 | b) % 576) * P;
	return W1_START + ((((unsigned long)a << 8) | b) % W1_PAGES) * P;
}

static unsigned long pick_len(void)
{
	u8 l = get8();

	return (l % 16 + 1) * P - ((l & 0x40) ? 1000 : 0);
}

/* A page of its own is never the zero page; any other holds nothing or the zero page. */
static void check_own_page(unsigned long addr, pte_t *pte, u8 st)
{
	bool present = pte && pte_present(*pte);
	bool zero = present && is_zero_pfn(pte_pfn(*pte));

	if ((st & M_OWN) && (!present || zero))
		fail("a written page lost its own page", addr, present);
	if (!(st & M_OWN) && present && !zero)
		fail("a page never written (nor read shared) has a page of its own", addr, st);
}

static unsigned long committed_start;

static void full_check(void)
{
	struct vm_area_struct *vma;
	unsigned long covered = 0, own = 0, a, charged = 0;

	if (host_check_mm(mm))
		fail("host_check_mm found problems", 0, 0);
	for_each_vma(mm, vma)
		if (vma->vm_flags & VM_ACCOUNT)
			charged += vma_pages(vma);
	if (vm_memory_committed() - committed_start != charged)
		fail("overcommit charge differs from the charged areas",
		     vm_memory_committed() - committed_start, charged);
	for_each_vma(mm, vma) {
		for (a = vma->vm_start; a < vma->vm_end; a += P) {
			long i = idx(a);
			pte_t *pte;
			u8 v;

			if (i < 0)
				continue;	/* the program image */
			covered++;
			if (!(mst[i] & M_MAPPED))
				fail("area covers a page the model has unmapped", a, vma->vm_start);
			if ((mst[i] & M_PROT) != (vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
				fail("rights differ from the model", a, mst[i]);
			/* The byte in the page, present or hidden by PROT_NONE; 0 if none. */
			pte = pte_lookup(mm->pgd, a);
			check_own_page(a, pte, mst[i]);
			if (mst[i] & M_OWN)
				own++;
			v = pte && pte_present(*pte) ?
			    *(u8 *)__va(PFN_PHYS(pte_pfn(*pte)) + TRACK) : 0;
			if (v != mval[i])
				fail("page content differs from the model", a, v);
		}
	}
	if (covered != model_pages)
		fail("the model maps pages no area covers", covered, model_pages);
	if (own != mm->rss)
		fail("rss is not the pages the model says have their own", mm->rss, own);
}

static void op_mmap(void)
{
	u8 how = get8(), prot = get8() & 7;
	unsigned long addr = pick_addr(), len = pick_len(), plen = PAGE_ALIGN(len), r;
	unsigned long flags = MAP_ANONYMOUS | ((how & 8) ? MAP_SHARED : MAP_PRIVATE);

	if (model_pages > MAX_MODEL)
		return;
	/* Populated and locked mappings read the same as lazy ones: zeros. */
	if (how & 16)
		flags |= MAP_POPULATE;
	if (how & 32)
		flags |= MAP_LOCKED;
	switch (how & 3) {
	case 0:
		addr = 0;
		break;
	case 1:
		break;		/* a hint */
	case 2:
		flags |= MAP_FIXED;
		break;
	case 3:
		flags |= MAP_FIXED_NOREPLACE;
		break;
	}
	if (!in_window(addr, plen))
		addr = 0, flags &= ~(MAP_FIXED | MAP_FIXED_NOREPLACE);
	r = do_mmap(mm, addr, len, prot, flags, -1UL, 0);
	if ((how & 3) == 3 && addr) {
		if (range_free(addr, plen) != (r == addr))
			fail("MAP_FIXED_NOREPLACE answer wrong", addr, r);
		if (r != addr && r != (unsigned long)-EEXIST)
			fail("MAP_FIXED_NOREPLACE error", addr, r);
	} else if (IS_ERR_VALUE(r)) {
		fail("mmap failed", addr, r);
	}
	if (IS_ERR_VALUE(r))
		return;
	if (r & ~PAGE_MASK)
		fail("mmap result unaligned", r, 0);
	if ((flags & MAP_FIXED) && r != addr)
		fail("MAP_FIXED not at the address", addr, r);
	if (!(flags & MAP_FIXED) && !range_free(r, plen))
		fail("mmap placed over a mapping", r, plen);
	if ((how & 3) == 1 && addr && range_free(addr, plen) && r != addr)
		fail("free hint not honoured", addr, r);
	model_map(r, plen, prot | ((flags & MAP_SHARED) ? M_SHARED : 0));
	/*
	 * Populating faults each page in as Linux's populate_vma_page_range(): a write fault
	 * where the area is private and writable (a page of its own), a read fault
	 * otherwise (the zero page for a private area, a page of its own for a shared one);
	 * an area with no access at all is left alone.
	 */
	if ((flags & (MAP_POPULATE | MAP_LOCKED)) && (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))) {
		unsigned long a;

		for (a = r; a < r + plen; a += P)
			if ((flags & MAP_SHARED) || (prot & PROT_WRITE))
				mst[must_idx(a)] |= M_OWN;
	}
}

static void op_munmap(void)
{
	unsigned long addr = pick_addr(), len = pick_len();
	int r = do_munmap(mm, addr, len);

	if (r)
		fail("munmap failed", addr, r);
	model_unmap(addr, PAGE_ALIGN(len));
}

static void op_mprotect(void)
{
	unsigned long addr = pick_addr(), len = pick_len(), plen = PAGE_ALIGN(len), a;
	unsigned prot = get8() & 7;
	bool whole = range_mapped(addr, plen);
	int r = do_mprotect(mm, addr, len, prot);

	if ((r == 0) != whole || (r && r != -ENOMEM))
		fail("mprotect answer wrong", addr, r);
	for (a = addr; a < addr + plen && model_mapped(a); a += P) {
		long i = must_idx(a);

		mst[i] = (mst[i] & (M_OWN | M_SHARED)) | M_MAPPED | prot;
	}
}

static void op_madvise(void)
{
	unsigned long addr = pick_addr(), len = pick_len(), plen = PAGE_ALIGN(len), a;
	bool whole = range_mapped(addr, plen);
	int r = do_madvise(mm, addr, len, MADV_DONTNEED);

	if ((r == 0) != whole || (r && r != -ENOMEM))
		fail("madvise answer wrong", addr, r);
	for (a = addr; a < addr + plen; a += P) {
		if (model_mapped(a)) {
			mval[must_idx(a)] = 0;
			mst[must_idx(a)] &= ~M_OWN;	/* dropped: the next read is the zero page */
		}
	}
}

static void op_brk(void)
{
	unsigned long old = mm->brk, want, r, oldA = PAGE_ALIGN(old), newA;
	u8 b = get8();

	want = W2_START + (b % 128) * P + ((b & 0x80) ? 77 : 0);
	newA = PAGE_ALIGN(want);
	r = do_brk(mm, want);
	if (want < mm->start_brk) {
		if (r != old)
			fail("brk below the start accepted", want, r);
		return;
	}
	if (newA > oldA) {
		bool ok = range_free(oldA, newA + P - oldA);

		if (ok != (r == want))
			fail("brk growth answer wrong", want, r);
		if (ok)
			model_map(oldA, newA - oldA, PROT_READ | PROT_WRITE);
	} else if (newA < oldA) {
		bool ok = !range_free(newA, oldA - newA);

		if (ok != (r == want))
			fail("brk shrink answer wrong", want, r);
		if (ok)
			model_unmap(newA, oldA - newA);
	} else if (r != want) {
		fail("brk within the page refused", want, r);
	}
	if (r != want && r != old)
		fail("refused brk did not return the old break", want, r);
}

static void op_mremap(void)
{
	unsigned long addr = pick_addr(), old = pick_len(), new = pick_len();
	unsigned long new_addr = pick_addr(), r, oldp, newp, effp, a;
	u8 f = get8() % 5;
	static const unsigned long flag_sets[5] = {
		0, MREMAP_MAYMOVE, MREMAP_MAYMOVE | MREMAP_FIXED,
		MREMAP_MAYMOVE | MREMAP_DONTUNMAP, MREMAP_MAYMOVE,
	};
	unsigned long flags = flag_sets[f];
	u8 sprot[16], sval[16];
	unsigned long i;

	if (flags & MREMAP_DONTUNMAP)
		new = old;
	oldp = PAGE_ALIGN(old);
	newp = PAGE_ALIGN(new);
	if (!in_window(addr, max(oldp, newp)))
		return;		/* growing in place would leave the window */
	if (!in_window(new_addr, newp)) {
		flags &= ~MREMAP_FIXED;
		new_addr = 0;	/* (a hint, for MREMAP_DONTUNMAP alone) */
	}
	if (model_pages > MAX_MODEL)
		return;
	for (i = 0; i < oldp / P; i++) {
		long j = idx(addr + i * P);

		sprot[i] = j >= 0 ? mst[j] : 0;
		sval[i] = j >= 0 ? mval[j] : 0;
	}
	r = do_mremap(mm, addr, old, new, flags, new_addr);
	if (IS_ERR_VALUE(r)) {
		/*
		 * An error may have unmapped (the destination of MREMAP_FIXED, a shrunk
		 * tail), as in Linux; it must not have changed anything else. Take the
		 * unmapping into the model, the full check verifies the rest.
		 */
		for (a = W1_START; a < W1_START + W1_PAGES * P; a += P)
			if (model_mapped(a) && !find_vma_intersection(mm, a, a + P))
				model_unmap(a, P);
		for (a = W2_START; a < W2_START + W2_PAGES * P; a += P)
			if (model_mapped(a) && !find_vma_intersection(mm, a, a + P))
				model_unmap(a, P);
		return;
	}
	/* Linux checks only that an area holds addr when shrinking in place. */
	if (!model_mapped(addr) || (newp > oldp && !range_mapped(addr, oldp)))
		fail("mremap of an unmapped range succeeded", addr, r);
	effp = min(oldp, newp);
	if (r == addr && !(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))) {
		if (newp > oldp)
			model_map(addr + oldp, newp - oldp, sprot[0] & (M_PROT | M_SHARED));
		else
			model_unmap(addr + newp, oldp - newp);
		return;
	}
	if ((flags & MREMAP_FIXED) && r != new_addr)
		fail("MREMAP_FIXED not at new_addr", new_addr, r);
	/* Moved: the source goes (or stays empty with DONTUNMAP), the destination is new. */
	if (flags & MREMAP_DONTUNMAP) {
		for (a = addr; a < addr + oldp; a += P) {
			mval[must_idx(a)] = 0;
			mst[must_idx(a)] &= ~M_OWN;
		}
	} else {
		model_unmap(addr, oldp);
	}
	model_map(r, newp, sprot[0] & (M_PROT | M_SHARED));
	for (i = 0; i < effp / P; i++) {
		long j = must_idx(r + i * P);

		if ((sprot[i] & M_PROT) != (sprot[0] & M_PROT))
			fail("mremap moved a range with mixed rights", addr, i);
		mval[j] = sval[i];
		mst[j] |= sprot[i] & M_OWN;
	}
}

static void op_touch(void)
{
	unsigned long addr = pick_addr() + TRACK;
	u8 w = get8(), v = w;
	long i = must_idx(addr);
	bool write = w & 1;
	enum host_access_result r = host_access(mm, addr, write, &v);
	bool allowed = (mst[i] & M_MAPPED) && (write ? (mst[i] & PROT_WRITE) : (mst[i] & M_PROT));

	if (allowed != (r == HOST_OK))
		fail("access answer differs from the model", addr, r);
	if (r != HOST_OK)
		return;
	if (write || (mst[i] & M_SHARED))
		mst[i] |= M_OWN;
	if (write)
		mval[i] = w;
	else if (v != mval[i])
		fail("read a value the model does not have", addr, v);
}

static unsigned long free_before_everything;

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	unsigned long free_start, steps = 0;

	if (!free_before_everything) {
		host_env_init();
		free_before_everything = host_free_pages();
	}
	free_start = host_free_pages();
	if (free_start != free_before_everything)
		fail("pages leaked by an earlier input", free_start, free_before_everything);
	in = data;
	in_left = size;
	memset(mst, 0, sizeof(mst));
	memset(mval, 0, sizeof(mval));
	model_pages = 0;
	committed_start = vm_memory_committed();
	mm = mm_alloc();
	if (!mm)
		fail("mm_alloc", 0, 0);
	vm_map_fixed(mm, 0x08048000, 8 * P, VM_READ | VM_EXEC, "prog");
	mm_set_brk(mm, W2_START);

	while (in_left) {
		switch (get8() % 8) {
		case 0: op_mmap(); break;
		case 1: op_munmap(); break;
		case 2: op_mprotect(); break;
		case 3: op_mremap(); break;
		case 4: op_madvise(); break;
		case 5: op_brk(); break;
		default: op_touch(); break;
		}
		if (++steps % 16 == 0)
			full_check();
	}
	full_check();
	mmput(mm);
	mm = NULL;
	if (host_free_pages() != free_start)
		fail("mmput did not give every page back", host_free_pages(), free_start);
	if (host_vma_count || host_mm_count)
		fail("areas or mm_structs leaked", host_vma_count, host_mm_count);
	if (vm_memory_committed() != committed_start)
		fail("mmput left overcommit charged", vm_memory_committed(), committed_start);
	return 0;
}

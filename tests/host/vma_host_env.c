/*
 * The host stand-in described in vma_host.h: the machine, current, copy_from_user and
 * the slab caches of mm/mm_cache.c, in plain C over the fake page allocator and the
 * kernel services of host_env.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include "vma_host.h"
#include "kernel.h"
#include "slab.h"
#include "string.h"
#include "uaccess.h"
#include "resource.h"
#include "asm/traps.h"
#include "asm/x86.h"

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
unsigned long host_vma_count, host_mm_count, host_fail_vma_alloc;
struct page *host_zero_page;

void host_env_init(void)
{
	struct page *frame0;

	fake_mem_init(HOST_PAGES);
	/* Frame 0 stays out: a pte of 0 must never name a real page. */
	frame0 = alloc_page(GFP_KERNEL);
	if (!frame0 || page_to_pfn(frame0) != 0)
		abort();
	SetPageReserved(frame0);
	/* The zero page: reserved like the kernel's (in its image), so a put_page aborts. */
	host_zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!host_zero_page)
		abort();
	SetPageReserved(host_zero_page);
	host_totalram = HOST_PAGES - 2;
	host_cr3 = __pa(swapper_pg_dir);
	host_fail_vma_alloc = 0;
	host_warnings = 0;
	host_log_reset();
	host_rlimits_reset();
}

/* ---- The process around the calls ---- */

static struct task_struct host_task = { .pid = 1, .comm = "host" };
struct task_struct *current;

void host_set_current(struct mm_struct *mm)
{
	host_task.mm = mm;
	current = &host_task;
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if ((uintptr_t)from < 4096) /* the NULL page: what a bad pointer looks like here */
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if ((uintptr_t)to < 4096)
		return n;
	memcpy(to, from, n);
	return 0;
}

/* ---- Limits and capabilities (kernel/resource.c in the kernel) ---- */

struct rlimit host_rlim[RLIM_NLIMITS];
u32 host_caps_dropped;

void host_rlimits_reset(void)
{
	unsigned int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		host_rlim[i].rlim_cur = host_rlim[i].rlim_max = RLIM_INFINITY;
	host_rlim[RLIMIT_STACK].rlim_cur = 8UL << 20;
	host_rlim[RLIMIT_MEMLOCK].rlim_cur = host_rlim[RLIMIT_MEMLOCK].rlim_max = 8UL << 20;
	host_caps_dropped = 0;
}

const struct rlimit *task_rlim(const struct task_struct *tsk)
{
	(void)tsk;
	return host_rlim;
}

unsigned long rlimit(unsigned int limit)
{
	return host_rlim[limit].rlim_cur;
}

unsigned long rlimit_max(unsigned int limit)
{
	return host_rlim[limit].rlim_max;
}

bool capable(int cap)
{
	return !(host_caps_dropped & (1U << cap));
}

/* ---- The slab caches of mm/mm_cache.c ---- */

/*
 * mm/mm_cache.c is compiled as it is, over these: every area and mm_struct is a heap
 * block of its own (AddressSanitizer watches each), counted in host_vma_count or
 * host_mm_count for the leak checks, and area allocation can be made to fail.
 */
struct kmem_cache {
	size_t size;
	unsigned long *live;
	unsigned long *fail_nth;	/* &host_fail_vma_alloc, or NULL */
};

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned long flags, void (*ctor)(void *))
{
	struct kmem_cache *c = calloc(1, sizeof(*c));

	(void)align;
	(void)flags;
	(void)ctor;
	if (!c)
		abort();
	c->size = size;
	if (!strcmp(name, "vm_area_struct")) {
		c->live = &host_vma_count;
		c->fail_nth = &host_fail_vma_alloc;
	} else if (!strcmp(name, "mm_struct")) {
		c->live = &host_mm_count;
	} else {
		fprintf(stderr, "host: no stand-in for the cache %s\n", name);
		abort();
	}
	return c;
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t flags)
{
	void *obj;

	if (c->fail_nth && *c->fail_nth && --*c->fail_nth == 0)
		return NULL;
	obj = (flags & __GFP_ZERO) ? calloc(1, c->size) : malloc(c->size);
	if (!obj)
		abort();
	(*c->live)++;
	return obj;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	memset(obj, 0x6b, c->size);	/* a use after free reads garbage */
	free(obj);
	(*c->live)--;
}

unsigned long kmem_cache_shrink(struct kmem_cache *c)
{
	(void)c;
	return 0;
}

/* ---- Playing the CPU ---- */

phys_addr_t host_phys(struct mm_struct *mm, unsigned long addr)
{
	return virt_to_phys_walk(mm->pgd, addr);
}

enum host_access_result host_access(struct mm_struct *mm, unsigned long addr, bool write,
				    u8 *val)
{
	int tries;

	for (tries = 0; tries < 3; tries++) {
		pte_t *pte = addr < TASK_SIZE ? pte_lookup(mm->pgd, addr) : NULL;
		unsigned long error_code = X86_PF_USER | (write ? X86_PF_WRITE : 0);
		struct vm_area_struct *vma;
		int fault;

		if (pte && pte_accessible(*pte) && pte_user(*pte) && (!write || pte_write(*pte))) {
			u8 *p = (u8 *)__va(PFN_PHYS(pte_pfn(*pte))) + (addr & ~PAGE_MASK);

			if (write)
				*p = *val;
			else
				*val = *p;
			return HOST_OK;
		}
		if (pte && pte_accessible(*pte))
			error_code |= X86_PF_PROT;
		switch (fault_decide(mm, addr, error_code, &vma)) {
		case FAULT_EXPAND_STACK:
			if (expand_stack(mm, vma, addr))
				return HOST_SEGV;
			/* fall through */
		case FAULT_HANDLE:
			fault = handle_mm_fault(mm, vma, addr,
						FAULT_FLAG_USER | (write ? FAULT_FLAG_WRITE : 0));
			if (fault & VM_FAULT_OOM)
				return HOST_OOM;
			if (fault)
				return HOST_SEGV;
			break;
		default:
			return HOST_SEGV;
		}
	}
	fprintf(stderr, "host: access to %lx still faults after handling\n", addr);
	abort();
}

bool host_fill(struct mm_struct *mm, unsigned long addr, unsigned long len, u8 val)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		if (host_access(mm, addr + i, true, &val) != HOST_OK)
			return false;
	return true;
}

bool host_all(struct mm_struct *mm, unsigned long addr, unsigned long len, u8 val)
{
	unsigned long i;
	u8 v;

	for (i = 0; i < len; i++)
		if (host_access(mm, addr + i, false, &v) != HOST_OK || v != val)
			return false;
	return true;
}

/*
 * One pte against the model: empty, or a page inside an area with the area's rights;
 * the zero page read-only and uncounted, any other page anonymous, mapped and
 * referenced exactly once and counted in *pages (rss).
 */
static int host_check_pte(struct mm_struct *mm, unsigned long addr, pte_t pte,
			  unsigned long *pages)
{
	struct vm_area_struct *vma;
	struct page *page;
	bool zero;
	pte_t want;
	int errors = 0;

	if (pte_none(pte))
		return 0;
	if (!pte_present(pte)) {
		printf("# pte %lx at %lx holds no page but is not empty\n", (unsigned long)pte_val(pte), addr);
		return 1;
	}
	zero = is_zero_pfn(pte_pfn(pte));
	page = pte_page(pte);
	if (zero) {
		if (pte_write(pte)) {
			printf("# the zero page is writable at %lx\n", addr);
			errors++;
		}
	} else if (pte_pfn(pte) == 0 || pte_pfn(pte) >= HOST_PAGES || page_mapcount(page) < 1 ||
		   page->_refcount != page_mapcount(page) || !PageAnon(page)) {
		/* Mapped by fork in several mms: one reference per mapping, no more. */
		printf("# pte %lx at %lx: page refcount %d mapcount %d anon %d\n", (unsigned long)pte_val(pte),
		       addr, page->_refcount, page_mapcount(page), PageAnon(page));
		errors++;
	} else {
		++*pages;
	}
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr) {
		printf("# page mapped at %lx outside every area\n", addr);
		return errors + 1;
	}
	want = vma->vm_page_prot ? pfn_pte(pte_pfn(pte), vma->vm_page_prot) :
	       pfn_pte(pte_pfn(pte), _PAGE_PROTNONE);
	/*
	 * The zero page, and a page fork shares in a private area, are never writable. A
	 * private page fork left read-only may stay so once mapped alone again: its next
	 * write faults and reuses it (do_wp_page). So in a private area the pte may be
	 * less writable than the area, never more.
	 */
	if (zero || (page_mapcount(page) > 1 && !(vma->vm_flags & VM_SHARED)))
		want = pte_wrprotect(want);
	if (!(vma->vm_flags & VM_SHARED) && !pte_write(pte))
		want = pte_wrprotect(want);
	if (pte_accessible(pte) != pte_accessible(want) || pte_write(pte) != pte_write(want) ||
	    pte_user(pte) != pte_user(want) || pte_protnone(pte) != pte_protnone(want)) {
		printf("# pte %lx at %lx does not match its area's prot %x\n", (unsigned long)pte_val(pte),
		       addr, vma->vm_page_prot);
		errors++;
	}
	return errors;
}

int host_check_mm(struct mm_struct *mm)
{
	int errors = validate_mm(mm);
	unsigned long i, j, pages = 0;

	if (errors)
		printf("# validate_mm: %d problems:\n# %s\n", errors, host_log_text());
	for (i = 0; i < pgd_index(TASK_SIZE); i++) {
		pte_t *t;

		if (!pgd_present(mm->pgd[i]))
			continue;
		/* A page table no area overlaps should have been freed with its last area. */
		if (!find_vma_intersection(mm, i << PGDIR_SHIFT, (i + 1) << PGDIR_SHIFT)) {
			printf("# page table for %lx-%lx kept, but no area is there\n",
			       i << PGDIR_SHIFT, (i + 1) << PGDIR_SHIFT);
			errors++;
		}
		t = pte_lookup(mm->pgd, i << PGDIR_SHIFT);
		for (j = 0; j < PTRS_PER_PTE; j++) {
			unsigned long addr = (i << PGDIR_SHIFT) | (j << PAGE_SHIFT);
			errors += host_check_pte(mm, addr, t[j], &pages);
		}
	}
	if (host_zero_page->_refcount != 1 || page_mapped(host_zero_page)) {
		printf("# the zero page was counted: refcount %d mapcount %d\n",
		       host_zero_page->_refcount, page_mapcount(host_zero_page));
		errors++;
	}
	if (pages != mm->rss) {
		printf("# rss %lu but %lu pages mapped\n", mm->rss, pages);
		errors++;
	}
	if (host_warnings) {
		printf("# %lu warnings\n", host_warnings);
		errors++;
	}
	return errors;
}

/* Copy-on-write's copy (mm/memory.c): every fake page is in the arena, so no kmap. */
void copy_highpage(struct page *to, struct page *from)
{
	memcpy(__va(PFN_PHYS(page_to_pfn(to))), __va(PFN_PHYS(page_to_pfn(from))), PAGE_SIZE);
}

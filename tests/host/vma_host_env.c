/*
 * The host stand-in described in vma_host.h: physical pages, page tables, printk,
 * panic, current, copy_from_user and area allocation, all in plain C.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "vma_host.h"
#include "kernel.h"
#include "printk.h"
#include "string.h"
#include "uaccess.h"
#include "asm/traps.h"

uintptr_t host_page_offset;
struct page *mem_map;
unsigned long max_pfn, max_low_pfn;
void *high_memory;
pgd_t swapper_pg_dir[PTRS_PER_PGD];
int console_loglevel = 7;

unsigned long host_totalram;
unsigned long host_vma_count, host_mm_count, host_fail_vma_alloc, host_warnings;
unsigned long host_tlb_flushes;

static unsigned char *arena;
static unsigned long *free_stack, nr_free;
static unsigned long fail_allocs, fail_nth;

/* ---- Physical pages ---- */

void host_env_init(void)
{
	unsigned long pfn;

	if (!arena) {
		arena = aligned_alloc(PAGE_SIZE, HOST_PAGES * PAGE_SIZE);
		mem_map = calloc(HOST_PAGES, sizeof(*mem_map));
		free_stack = calloc(HOST_PAGES, sizeof(*free_stack));
		if (!arena || !mem_map || !free_stack)
			abort();
	}
	host_page_offset = (uintptr_t)arena;
	max_pfn = max_low_pfn = HOST_PAGES;
	high_memory = arena + HOST_PAGES * PAGE_SIZE;
	memset(arena, HOST_POISON, HOST_PAGES * PAGE_SIZE);
	memset(mem_map, 0, HOST_PAGES * sizeof(*mem_map));
	nr_free = 0;
	/* Frame 0 stays out: a pte of 0 must never name a real page. */
	SetPageReserved(&mem_map[0]);
	for (pfn = HOST_PAGES - 1; pfn >= 1; pfn--)
		free_stack[nr_free++] = pfn;
	host_totalram = HOST_PAGES - 1;
	fail_allocs = fail_nth = 0;
	host_fail_vma_alloc = 0;
	host_warnings = 0;
	host_log_reset();
}

unsigned long nr_free_pages(void)
{
	return nr_free;
}

unsigned long host_free_pages(void)
{
	return nr_free;
}

unsigned long totalram_pages(void)
{
	return host_totalram;
}

void fail_page_alloc_set(unsigned long nr)
{
	fail_allocs = nr;
}

void host_fail_page_alloc_nth(unsigned long nth)
{
	fail_nth = nth;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (order != 0) {
		fprintf(stderr, "host: order-%u allocation not supported\n", order);
		abort();
	}
	if (fail_allocs) {
		if (fail_allocs != ~0UL)
			fail_allocs--;
		return NULL;
	}
	if (fail_nth && --fail_nth == 0)
		return NULL;
	if (!nr_free)
		return NULL;
	page = &mem_map[free_stack[--nr_free]];
	if (page->_refcount != 0 || page->_mapcount != 0) {
		fprintf(stderr, "host: free page %lu in use\n", page_to_pfn(page));
		abort();
	}
	page->_refcount = 1;
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE);
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	if (order != 0 || pfn == 0 || pfn >= HOST_PAGES || page->_refcount != 1 ||
	    page->_mapcount != 0) {
		fprintf(stderr, "host: bad free of page %lu (refcount %d, mapcount %d)\n",
			pfn, page->_refcount, page->_mapcount);
		abort();
	}
	page->_refcount = 0;
	memset(page_address(page), HOST_POISON, PAGE_SIZE);
	free_stack[nr_free++] = pfn;
}

void put_page(struct page *page)
{
	if (--page->_refcount == 0) {
		page->_refcount = 1;
		__free_pages(page, 0);
	}
}

void *page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

/* ---- Page tables: the real two-level layout, user half only ---- */

static pgd_t *host_cr3 = swapper_pg_dir;

static inline pte_t *pgd_table(pgd_t pde)
{
	return __va(pde & PAGE_MASK);
}

pte_t *pte_lookup(pgd_t *pgd, unsigned long addr)
{
	pgd_t pde = pgd[pgd_index(addr)];

	if (!(pde & _PAGE_PRESENT))
		return NULL;
	return pgd_table(pde) + pte_index(addr);
}

pte_t *pte_alloc(pgd_t *pgd, unsigned long addr)
{
	pgd_t *pde = &pgd[pgd_index(addr)];

	if (addr >= TASK_SIZE) {
		fprintf(stderr, "host: pte_alloc for kernel address %lx\n", addr);
		abort();
	}
	if (!(*pde & _PAGE_PRESENT)) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

		if (!page)
			return NULL;
		*pde = page_to_phys(page) | _PAGE_TABLE;
	}
	return pgd_table(*pde) + pte_index(addr);
}

pgd_t *current_pgd(void)
{
	return host_cr3;
}

void switch_pgd(pgd_t *pgd)
{
	host_cr3 = pgd;
	host_tlb_flushes++;
}

void flush_tlb_page(pgd_t *pgd, unsigned long addr)
{
	(void)addr;
	if (pgd == host_cr3)
		host_tlb_flushes++;
}

int map_page(pgd_t *pgd, unsigned long addr, phys_addr_t phys, u32 prot)
{
	pte_t *pte = pte_alloc(pgd, addr);
	bool was_present;

	if (!pte)
		return -ENOMEM;
	was_present = *pte & _PAGE_PRESENT;
	*pte = (phys & PAGE_MASK) | prot;
	if (was_present)
		flush_tlb_page(pgd, addr);
	return 0;
}

pte_t unmap_page(pgd_t *pgd, unsigned long addr)
{
	pte_t *pte = pte_lookup(pgd, addr);
	pte_t old;

	if (!pte)
		return 0;
	old = *pte;
	*pte = 0;
	if (old & _PAGE_PRESENT)
		flush_tlb_page(pgd, addr);
	return old;
}

bool change_page_prot(pgd_t *pgd, unsigned long addr, u32 prot)
{
	pte_t *pte = pte_lookup(pgd, addr);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return false;
	*pte = (*pte & PAGE_MASK) | prot;
	flush_tlb_page(pgd, addr);
	return true;
}

phys_addr_t virt_to_phys_walk(pgd_t *pgd, unsigned long addr)
{
	pte_t *pte = pte_lookup(pgd, addr);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return (phys_addr_t)-1;
	return (*pte & PAGE_MASK) | (addr & ~PAGE_MASK);
}

pgd_t *pgd_alloc(void)
{
	return (pgd_t *)get_zeroed_page(GFP_KERNEL);
}

void free_user_page_tables(pgd_t *pgd, unsigned long start, unsigned long end)
{
	unsigned long i, first = pgd_index(ALIGN(start, PGDIR_SIZE));
	unsigned long last = end >= TASK_SIZE ? pgd_index(TASK_SIZE) : pgd_index(end & PGDIR_MASK);

	for (i = first; i < last; i++) {
		if (pgd[i] & _PAGE_PRESENT) {
			pte_t *t = pgd_table(pgd[i]);
			int j;

			for (j = 0; j < PTRS_PER_PTE; j++) {
				if (t[j]) {
					fprintf(stderr, "host: freeing a page table with pte %x "
						"at %lx\n", t[j], (i << PGDIR_SHIFT) |
						((unsigned long)j << PAGE_SHIFT));
					abort();
				}
			}
			free_page((unsigned long)t);
			pgd[i] = 0;
		}
	}
}

void pgd_free(pgd_t *pgd)
{
	if (pgd == host_cr3) {
		fprintf(stderr, "host: pgd_free of the directory in CR3\n");
		abort();
	}
	free_user_page_tables(pgd, 0, TASK_SIZE);
	free_page((unsigned long)pgd);
}

/* ---- printk, panic ---- */

static char log_buf[1 << 20];
static size_t log_len;

void host_log_reset(void)
{
	log_len = 0;
	log_buf[0] = 0;
}

bool host_log_contains(const char *text)
{
	return strstr(log_buf, text) != NULL;
}

const char *host_log_text(void)
{
	return log_buf;
}

int vprintk(const char *fmt, va_list ap)
{
	char line[1024];
	const char *p = line;
	int n = vsnprintf(line, sizeof(line), fmt, ap);

	if (line[0] == KERN_SOH[0] && line[1])
		p += 2;
	if (log_len + strlen(p) + 1 < sizeof(log_buf)) {
		memcpy(log_buf + log_len, p, strlen(p) + 1);
		log_len += strlen(p);
	}
	if (getenv("HOST_LOG_ECHO"))
		fprintf(stderr, "%s", p);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void __panic(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "host: panic at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	host_warnings++;
	printk("WARNING at %s:%d: %s\n", file, line, cond);
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

/* ---- Areas and mm_structs ---- */

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	if (host_fail_vma_alloc && --host_fail_vma_alloc == 0)
		return NULL;
	vma = calloc(1, sizeof(*vma));
	if (!vma)
		abort();
	vma->vm_mm = mm;
	INIT_LIST_HEAD(&vma->vm_list);
	host_vma_count++;
	return vma;
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = vm_area_alloc(orig->vm_mm);

	if (vma) {
		*vma = *orig;
		INIT_LIST_HEAD(&vma->vm_list);
		memset(&vma->vm_rb, 0, sizeof(vma->vm_rb));
	}
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	memset(vma, 0x6b, sizeof(*vma));	/* a use after free reads garbage */
	free(vma);
	host_vma_count--;
}

struct mm_struct *allocate_mm(void)
{
	struct mm_struct *mm = malloc(sizeof(*mm));

	if (mm)
		host_mm_count++;
	return mm;
}

void free_mm(struct mm_struct *mm)
{
	free(mm);
	host_mm_count--;
}

void mm_caches_shrink(void)
{
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

		if (pte && (*pte & _PAGE_PRESENT) && (*pte & _PAGE_USER) &&
		    (!write || (*pte & _PAGE_RW))) {
			u8 *p = (u8 *)__va(*pte & PAGE_MASK) + (addr & ~PAGE_MASK);

			if (write)
				*p = *val;
			else
				*val = *p;
			return HOST_OK;
		}
		if (pte && (*pte & _PAGE_PRESENT))
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

int host_check_mm(struct mm_struct *mm)
{
	int errors = validate_mm(mm);
	unsigned long i, j, pages = 0;

	if (errors)
		printf("# validate_mm: %d problems:\n# %s\n", errors, host_log_text());
	for (i = 0; i < pgd_index(TASK_SIZE); i++) {
		pte_t *t;

		if (!(mm->pgd[i] & _PAGE_PRESENT))
			continue;
		/* A page table no area overlaps should have been freed with its last area. */
		if (!find_vma_intersection(mm, i << PGDIR_SHIFT, (i + 1) << PGDIR_SHIFT)) {
			printf("# page table for %lx-%lx kept, but no area is there\n",
			       i << PGDIR_SHIFT, (i + 1) << PGDIR_SHIFT);
			errors++;
		}
		t = pgd_table(mm->pgd[i]);
		for (j = 0; j < PTRS_PER_PTE; j++) {
			unsigned long addr = (i << PGDIR_SHIFT) | (j << PAGE_SHIFT);
			struct vm_area_struct *vma;
			struct page *page;
			pte_t pte = t[j];

			if (!pte)
				continue;
			if (!(pte & (_PAGE_PRESENT | _PAGE_PROTNONE))) {
				printf("# pte %x at %lx holds no page but is not empty\n", pte, addr);
				errors++;
				continue;
			}
			pages++;
			page = pfn_to_page(pte_pfn(pte));
			if (pte_pfn(pte) == 0 || pte_pfn(pte) >= HOST_PAGES ||
			    page->_refcount != 1 || page->_mapcount != 1) {
				printf("# pte %x at %lx: page refcount %d mapcount %d\n", pte, addr,
				       page->_refcount, page->_mapcount);
				errors++;
			}
			vma = find_vma(mm, addr);
			if (!vma || vma->vm_start > addr) {
				printf("# page mapped at %lx outside every area\n", addr);
				errors++;
				continue;
			}
			if (vma->vm_page_prot ?
			    (pte & (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_PROTNONE)) !=
			    (vma->vm_page_prot & (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)) :
			    (pte & (_PAGE_PRESENT | _PAGE_PROTNONE)) != _PAGE_PROTNONE) {
				printf("# pte %x at %lx does not match its area's prot %x\n", pte,
				       addr, vma->vm_page_prot);
				errors++;
			}
		}
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

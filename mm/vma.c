/*
 * The set of areas of an address space: find, insert, remove, split, merge, and the
 * search for a free range (get_unmapped_area).
 *
 * Problem: every page fault asks "which area holds this address?", every mmap asks
 * "where is a free gap big enough?", and munmap/mprotect cut areas in pieces and glue
 * compatible neighbours back together. The areas never overlap, so they are totally
 * ordered by address.
 *
 * Data structure: each vm_area_struct sits on two structures at once, as in Linux
 * before 6.1: mm->mmap_list, a doubly linked list sorted by address (walking areas in
 * order, finding a neighbour in O(1)), and mm->mm_rb, a red-black tree keyed by
 * vm_start (find_vma in O(log n)). mm->mmap_cache remembers the last area found: page
 * faults come in runs on the same area, so most lookups never touch the tree.
 *
 * Trade-offs: the gap search walks the list, O(n) in the number of areas. Linux kept,
 * in every tree node, the largest gap in its subtree (an augmented rbtree), which
 * makes the search logarithmic; that costs a callback on every rotation and is not
 * worth it for the few dozen areas a program here has. Adjacent areas with the same
 * flags, rights and name are merged, so a heap grown by many brk calls or a run of
 * equal mmaps stays one area: fewer nodes, shorter walks, and a readable maps dump.
 *
 * Counters kept here, by vma_link/vma_unlink/vma_set_range/vma_set_flags only:
 * map_count, total_vm (pages covered by areas), stack_vm (pages of VM_GROWSDOWN
 * areas), data_vm (private writable non-stack pages, for RLIMIT_DATA), locked_vm
 * (VM_LOCKED pages, VmLck) and the system's vm_committed_as (VM_ACCOUNT pages, see
 * mm/util.c). Because every change of the area set goes through these four, the
 * counters are always the sums over the areas, which validate_mm() checks.
 *
 * vm_pgoff: a file-backed area (vm_ops set) maps its file from page vm_pgoff, so when
 * an area is cut or its start moves, the upper part's offset moves with it, and two
 * pieces merge again only if the offsets follow on. Anonymous areas ignore it.
 *
 * Relies on: lib/rbtree.c, vm_area_alloc/free (mm/mm_cache.c). No page tables are
 * touched here, so this file is also compiled natively for the host tests.
 */
#include <mmap.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include <kernel.h>
#include <printk.h>
#include <asm/pgtable.h>

static inline struct vm_area_struct *rb_vma(struct rb_node *n)
{
	return n ? rb_entry(n, struct vm_area_struct, vm_rb) : NULL;
}

/*
 * find_vma()'s tree walk, when the cached area is not the answer. Walk down the tree: an
 * area ending above addr is a candidate (the lowest such one is the answer), and if it
 * also starts at or below addr it holds addr and we stop.
 */
struct vm_area_struct *__find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = NULL;
	struct rb_node *n = mm->mm_rb.rb_node;

	while (n) {
		struct vm_area_struct *v = rb_vma(n);

		if (v->vm_end > addr) {
			vma = v;
			if (v->vm_start <= addr)
				break;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	if (vma)
		mm->mmap_cache = vma;
	return vma;
}

struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	*pprev = vma ? vma_prev(mm, vma) : vma_last(mm);
	return vma;
}

static inline __attribute__((always_inline)) void vm_stat_account(struct mm_struct *mm,
							       unsigned long flags,
							       long npages)
{
	mm->total_vm += npages;
	if (is_data_mapping(flags))
		mm->data_vm += npages;
	if (flags & VM_ACCOUNT)
		vm_acct_memory(npages);
	/* Stacks and locked areas are few: one test for both on the common path. */
	if (unlikely(flags & (VM_GROWSDOWN | VM_LOCKED))) {
		if (flags & VM_GROWSDOWN)
			mm->stack_vm += npages;
		if (flags & VM_LOCKED)
			mm->locked_vm += npages;
	}
}

void vma_set_flags(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long flags)
{
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	vm_stat_account(mm, flags, vma_pages(vma));
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *prev;

	BUG_ON(vma->vm_start >= vma->vm_end);
	while (*link) {
		struct vm_area_struct *v;

		parent = *link;
		v = rb_vma(parent);
		/* Overlapping areas would make every answer of find_vma() wrong. */
		BUG_ON(vma->vm_start < v->vm_end && v->vm_start < vma->vm_end);
		link = vma->vm_start < v->vm_start ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);

	/* The list position is the tree's: right after the in-order predecessor. */
	prev = rb_vma(rb_prev(&vma->vm_rb));
	list_add(&vma->vm_list, prev ? &prev->vm_list : &mm->mmap_list);
	vma->vm_mm = mm;
	mm->map_count++;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
}

void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del(&vma->vm_list);
	if (mm->mmap_cache == vma)
		mm->mmap_cache = NULL;
	mm->map_count--;
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
}

/*
 * The tree is keyed by vm_start, but moving a boundary that stays between the same
 * neighbours keeps the in-order sequence, so the node needs no relinking.
 */
void vma_set_range(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long start,
		   unsigned long end)
{
	struct vm_area_struct *prev = vma_prev(mm, vma), *next = vma_next(mm, vma);

	BUG_ON(start >= end);
	BUG_ON(prev && start < prev->vm_end);
	BUG_ON(next && end > next->vm_start);
	vm_stat_account(mm, vma->vm_flags,
			(long)((end - start) >> PAGE_SHIFT) - (long)vma_pages(vma));
	vma->vm_start = start;
	vma->vm_end = end;
}

int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below)
{
	struct vm_area_struct *new;

	BUG_ON(addr <= vma->vm_start || addr >= vma->vm_end || !IS_ALIGNED(addr, PAGE_SIZE));
	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
		if (!vma_is_anonymous(vma))
			vma->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma_set_range(mm, vma, addr, vma->vm_end);
	} else {
		new->vm_start = addr;
		if (!vma_is_anonymous(vma))
			new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma_set_range(mm, vma, vma->vm_start, addr);
	}
	vma_link(mm, new);
	return 0;
}

/*
 * Can a (directly below) and b be one area? Anonymous areas have no offset to keep continuous;
 * file-backed ones (a program image) merge only with the same backing and where the
 * file offsets follow on, as Linux requires. The name is compared too, as Linux
 * compares anon_vma_name. Inline: every mmap, brk and munmap asks it.
 */
static inline bool can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags ||
	    a->vm_page_prot != b->vm_page_prot || a->vm_name != b->vm_name ||
	    a->vm_ops != b->vm_ops || a->vm_file != b->vm_file)
		return false;
	return !a->vm_ops || b->vm_pgoff == a->vm_pgoff + vma_pages(a);
}

bool vma_mergeable(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return can_merge(a, b);
}

struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(mm, vma), *next = vma_next(mm, vma);
	unsigned long end;

	if (next && can_merge(vma, next)) {
		end = next->vm_end;
		vma_unlink(mm, next);
		vm_area_free(next);
		vma_set_range(mm, vma, vma->vm_start, end);
	}
	if (prev && can_merge(prev, vma)) {
		end = vma->vm_end;
		vma_unlink(mm, vma);
		vm_area_free(vma);
		vma_set_range(mm, prev, prev->vm_start, end);
		vma = prev;
	}
	return vma;
}

/*
 * Extending a neighbour needs no allocation, so it is tried first: a program that
 * grows its heap page by page never allocates an area after the first. The new range
 * is compared field by field rather than through a template area, which would have to
 * be built in full on every brk.
 */
struct vm_area_struct *__vma_merge_new(struct mm_struct *mm, unsigned long start,
				       unsigned long end, unsigned long vm_flags,
				       const struct vm_operations_struct *ops,
				       unsigned long pgoff, const char *name)
{
	u32 prot = vm_get_page_prot(vm_flags);
	struct vm_area_struct *prev, *next, *vma;

	if (!ops)
		pgoff = 0;
	next = find_vma_prev(mm, start, &prev);
	BUG_ON(next && next->vm_start < end);
	if (prev && prev->vm_end == start && prev->vm_flags == vm_flags &&
	    prev->vm_page_prot == prot && prev->vm_name == name && prev->vm_ops == ops &&
	    !prev->vm_file && (!ops || pgoff == prev->vm_pgoff + vma_pages(prev))) {
		vma_set_range(mm, prev, prev->vm_start, end);
		return vma_merge_neighbours(mm, prev);
	}
	if (next && next->vm_start == end && next->vm_flags == vm_flags &&
	    next->vm_page_prot == prot && next->vm_name == name && next->vm_ops == ops &&
	    !next->vm_file && (!ops || next->vm_pgoff == pgoff + ((end - start) >> PAGE_SHIFT))) {
		vma_set_range(mm, next, start, next->vm_end);
		next->vm_pgoff = pgoff;
		return next;
	}
	vma = vm_area_alloc(mm);
	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = prot;
	vma->vm_name = name;
	vma->vm_ops = ops;
	vma->vm_pgoff = pgoff;
	vma_link(mm, vma);
	return vma;
}

unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_LOCKED ? VM_LOCKED : 0);
}

/*
 * Linux's protection_map for i386 without PAE. The page-table entry has only two rights
 * bits: present and writable (and user). So any of read, write or exec gives a present
 * page, readable; write adds RW. Without NX (PAE only) nothing forbids executing a
 * readable page, so VM_EXEC cannot be enforced here. PROT_NONE pages are kept but not
 * present (_PAGE_PROTNONE, see change_protection()).
 */
u32 vm_get_page_prot(unsigned long vm_flags)
{
	if (vm_flags & VM_WRITE)
		return _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_ACCESSED;
	if (vm_flags & (VM_READ | VM_EXEC))
		return _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;
	return 0;
}

/* The top of the highest gap in [low, high) that holds len bytes, or -ENOMEM. */
static unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len,
					   unsigned long low, unsigned long high)
{
	struct vm_area_struct *below = vma_last(mm), *above = NULL;

	for (;;) {
		unsigned long gap_end = above ? vm_start_gap(above) : mm->task_size;
		unsigned long gap_start = below ? vm_end_gap(below) : 0;

		gap_end = min(gap_end, high);
		gap_start = max(gap_start, low);
		if (gap_end > gap_start && gap_end - gap_start >= len)
			return gap_end - len;
		if (!below || below->vm_end <= low)
			return -ENOMEM;
		above = below;
		below = vma_prev(mm, below);
	}
}

/* The bottom of the lowest gap in [low, high) that holds len bytes, or -ENOMEM. */
static unsigned long unmapped_area(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high)
{
	struct vm_area_struct *below = NULL, *above = vma_first(mm);

	for (;;) {
		unsigned long gap_start = below ? vm_end_gap(below) : 0;
		unsigned long gap_end = above ? vm_start_gap(above) : mm->task_size;

		gap_end = min(gap_end, high);
		gap_start = max(gap_start, low);
		if (gap_end > gap_start && gap_end - gap_start >= len)
			return gap_start;
		if (!above || above->vm_start >= high)
			return -ENOMEM;
		below = above;
		above = vma_next(mm, above);
	}
}

unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len,
				unsigned long flags)
{
	unsigned long task_size = mm->task_size, low = max(PAGE_SIZE, MMAP_MIN_ADDR);

	if (len > task_size)
		return -ENOMEM;
	if (!(flags & MAP_FIXED)) {
		struct vm_area_struct *vma;

		if (addr) {
			addr &= PAGE_MASK;
			if (addr <= task_size - len) {
				vma = find_vma(mm, addr);
				if (!vma || addr + len <= vm_start_gap(vma))
					return addr;
			}
		}
		addr = unmapped_area_topdown(mm, len, low, mm->mmap_base);
		if (IS_ERR_VALUE(addr))
			addr = unmapped_area(mm, len, TASK_UNMAPPED_BASE, task_size);
		if (IS_ERR_VALUE(addr))
			return addr;
	}
	if (addr > task_size - len)
		return -ENOMEM;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (addr < MMAP_MIN_ADDR)
		return -EPERM;
	return addr;
}

static int check_rb_subtree(const struct rb_node *n, const struct rb_node *parent,
			    int *count)
{
	int l, r;

	if (!n)
		return 1;
	(*count)++;
	if (rb_parent(n) != parent)
		return -1;
	if (rb_color(n) == RB_RED && ((n->rb_left && rb_color(n->rb_left) == RB_RED) ||
				      (n->rb_right && rb_color(n->rb_right) == RB_RED)))
		return -1;
	l = check_rb_subtree(n->rb_left, n, count);
	r = check_rb_subtree(n->rb_right, n, count);
	if (l < 0 || r < 0 || l != r)
		return -1;
	return l + (rb_color(n) == RB_BLACK);
}

#define VM_BAD(...) do { pr_err("validate_mm: " __VA_ARGS__); errors++; } while (0)

int validate_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *n;
	unsigned long total = 0, stack = 0, data = 0, locked = 0;
	int errors = 0, count = 0, tree_count = 0;
	bool cache_found = !mm->mmap_cache;

	for_each_vma(mm, vma) {
		count++;
		if (vma->vm_start >= vma->vm_end || (vma->vm_start | vma->vm_end) & ~PAGE_MASK)
			VM_BAD("bad range %08lx-%08lx\n", vma->vm_start, vma->vm_end);
		if (vma->vm_end > mm->task_size)
			VM_BAD("%08lx-%08lx beyond task_size\n", vma->vm_start, vma->vm_end);
		if (prev && prev->vm_end > vma->vm_start)
			VM_BAD("%08lx-%08lx overlaps or precedes %08lx-%08lx\n", vma->vm_start,
			       vma->vm_end, prev->vm_start, prev->vm_end);
		if (prev && vma_mergeable(prev, vma))
			VM_BAD("%08lx-%08lx and %08lx-%08lx should have merged\n", prev->vm_start,
			       prev->vm_end, vma->vm_start, vma->vm_end);
		if (vma->vm_mm != mm)
			VM_BAD("%08lx-%08lx belongs to another mm\n", vma->vm_start, vma->vm_end);
		if (vma->vm_page_prot != vm_get_page_prot(vma->vm_flags))
			VM_BAD("%08lx-%08lx: page prot %x does not match flags %lx\n",
			       vma->vm_start, vma->vm_end, vma->vm_page_prot, vma->vm_flags);
		if (vma == mm->mmap_cache)
			cache_found = true;
		total += vma_pages(vma);
		if (vma->vm_flags & VM_GROWSDOWN)
			stack += vma_pages(vma);
		if (is_data_mapping(vma->vm_flags))
			data += vma_pages(vma);
		if (vma->vm_flags & VM_LOCKED)
			locked += vma_pages(vma);
		if (vma_is_anonymous(vma) && vma->vm_pgoff)
			VM_BAD("%08lx-%08lx: anonymous with offset %lx\n", vma->vm_start,
			       vma->vm_end, vma->vm_pgoff);
		prev = vma;
	}
	if (count != mm->map_count)
		VM_BAD("map_count %d but %d areas on the list\n", mm->map_count, count);
	if (total != mm->total_vm)
		VM_BAD("total_vm %lu but areas cover %lu pages\n", mm->total_vm, total);
	if (stack != mm->stack_vm)
		VM_BAD("stack_vm %lu but stack areas cover %lu pages\n", mm->stack_vm, stack);
	if (data != mm->data_vm)
		VM_BAD("data_vm %lu but data areas cover %lu pages\n", mm->data_vm, data);
	if (locked != mm->locked_vm)
		VM_BAD("locked_vm %lu but locked areas cover %lu pages\n", mm->locked_vm, locked);
	if (!cache_found)
		VM_BAD("mmap_cache points at an area not in this mm\n");
	if (mm->mm_rb.rb_node && rb_color(mm->mm_rb.rb_node) != RB_BLACK)
		VM_BAD("tree root is red\n");
	if (check_rb_subtree(mm->mm_rb.rb_node, NULL, &tree_count) < 0)
		VM_BAD("tree breaks a red-black rule\n");
	if (tree_count != count)
		VM_BAD("tree has %d nodes, list %d\n", tree_count, count);
	/* The tree's in-order walk is the list. */
	vma = vma_first(mm);
	for (n = rb_first(&mm->mm_rb); n && vma; n = rb_next(n), vma = vma_next(mm, vma)) {
		if (rb_vma(n) != vma) {
			VM_BAD("tree order differs from the list at %08lx\n", vma->vm_start);
			break;
		}
	}
	return errors;
}

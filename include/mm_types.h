/*
 * struct page: one for every physical page frame, all of them in the mem_map array.
 *
 * Which fields mean what depends on who owns the page, as in Linux:
 *  - free in the buddy allocator (PG_buddy): lru links it on a free list, private is the
 *    order of the free block it heads;
 *  - a compound allocation (PG_head on the first page): private is its order;
 *  - a slab page (PG_slab): slab_cache and slab point at the owning cache and the slab
 *    descriptor, so kfree() finds the cache from any object's page with no header;
 *  - a user page: _mapcount counts the page-table entries that map it, from -1 (Linux's
 *    convention: page_mapcount() is _mapcount + 1), and mapping/index say whose it is.
 * The struct stays at most 32 bytes on i386 (checked at build time in page_alloc.c), so
 * mem_map costs 0.8 % of RAM.
 */
#ifndef _MM_TYPES_H
#define _MM_TYPES_H

#include "types.h"
#include "list.h"
#include "rbtree.h"
#include "asm/pgtable.h"

struct kmem_cache;
struct mm_struct;
struct address_space;
struct vm_area_struct;
struct file;			/* no files yet: the page cache will give it a body */

/*
 * Who owns the page decides which member of the union means something; flags, lru,
 * private and the two counts are there for everyone (Linux's layout, within 32 bytes):
 *
 *                 lru              union (8 bytes)          private
 *  free (buddy)   free list        -                        order of the block
 *  compound head  -                -                        order
 *  slab           slab's list      slab_cache, slab         order (compound slab)
 *  anon / file    LRU (reclaim)    mapping, index           swap entry / buffers
 *  vmalloc/kmap   -                virtual, vm_area         -
 *
 * The page allocator records an allocation's order in private and checks it at the
 * free (0 for a single page), so a swap entry or buffer pointer kept there later is
 * cleared before the page goes back.
 *
 * mapping and index are what the page cache and swap will look pages up by; today an
 * anonymous page has PAGE_MAPPING_ANON in mapping (anon_vma later) and its linear
 * index while it is mapped (mm/rmap.c clears mapping with the last mapping).
 * virtual (the kmap address of a HighMem page) shares its word with mapping:
 * no page with a mapping is kmap()ed today; before HighMem page-cache pages exist, the
 * kmap address moves to a hash beside the pkmap table, as Linux's page_address_htable.
 */
struct page {
	unsigned long flags;		/* PG_* bits below; zone number in the top bits */
	struct list_head lru;		/* buddy free list, or the slab's list in its cache */
	union {
		struct {		/* anonymous and (later) page-cache pages */
			struct address_space *mapping;	/* PAGE_MAPPING_ANON for anon */
			unsigned long index;	/* offset in the mapping, in pages */
		};
		struct {		/* PG_slab */
			struct kmem_cache *slab_cache;
			void *slab;
		};
		struct {		/* pages behind a vmalloc area or pkmap */
			void *virtual;	/* kernel address while kmap'ed (HighMem) */
			void *vm_area;
		};
	};
	unsigned long private;		/* buddy/compound: order; later swap entry, buffers */
	int _mapcount;			/* page-table entries mapping it, minus one (-1: none) */
	int _refcount;			/* 0 while free */
};

/* The low bit of page->mapping marks an anonymous page (Linux's PAGE_MAPPING_ANON). */
#define PAGE_MAPPING_ANON	0x1UL

static inline bool PageAnon(const struct page *page)
{
	return (unsigned long)page->mapping & PAGE_MAPPING_ANON;
}

/* Page flag bits. */
enum pageflags {
	PG_reserved,	/* never handed to the buddy allocator: BIOS, kernel image, mem_map */
	PG_buddy,	/* heads a free block on a buddy free list */
	PG_slab,	/* belongs to a slab */
	PG_head,	/* first page of a compound (multi-page kmalloc) allocation */
	NR_PAGEFLAGS
};

#define ZONES_SHIFT	2
#define ZONES_PGSHIFT	(sizeof(unsigned long) * 8 - ZONES_SHIFT)

static inline bool test_page_flag(const struct page *p, int bit)
{
	return (p->flags >> bit) & 1;
}

static inline void set_page_flag(struct page *p, int bit)
{
	p->flags |= 1UL << bit;
}

static inline void clear_page_flag(struct page *p, int bit)
{
	p->flags &= ~(1UL << bit);
}

#define PageReserved(p)		test_page_flag(p, PG_reserved)
#define SetPageReserved(p)	set_page_flag(p, PG_reserved)
#define ClearPageReserved(p)	clear_page_flag(p, PG_reserved)
#define PageBuddy(p)		test_page_flag(p, PG_buddy)
#define PageSlab(p)		test_page_flag(p, PG_slab)
#define __SetPageSlab(p)	set_page_flag(p, PG_slab)
#define __ClearPageSlab(p)	clear_page_flag(p, PG_slab)
#define PageHead(p)		test_page_flag(p, PG_head)

static inline int page_count(const struct page *p)
{
	return p->_refcount;
}

/*
 * A virtual memory area: one contiguous range of a process's address space with the
 * same rights, [vm_start, vm_end), both page aligned. The areas of an address space
 * never overlap; they are kept both on a list sorted by address (for walking them in
 * order) and in a red-black tree (so find_vma() is logarithmic), as in Linux before
 * maple trees.
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;		/* one past the last byte */
	struct mm_struct *vm_mm;
	unsigned long vm_flags;		/* VM_* below */
	u32 vm_page_prot;		/* pte flags for pages of this area */
	unsigned long vm_pgoff;		/* offset in the mapped object, in pages */
	/*
	 * What is behind the area, as in Linux: vm_ops NULL means anonymous memory (zero
	 * pages on demand); a program image's areas carry exec_image_vm_ops, and vm_file
	 * will name the file once there is a page cache (NULL until then).
	 */
	const struct vm_operations_struct *vm_ops;
	struct file *vm_file;
	const char *vm_name;		/* display only: "[stack]", a program name, or NULL */
	struct list_head vm_list;	/* in mm->mmap_list, sorted by address */
	struct rb_node vm_rb;		/* in mm->mm_rb, keyed by address */
};

#define VM_NONE		0x0000
#define VM_READ		0x0001
#define VM_WRITE	0x0002
#define VM_EXEC		0x0004
#define VM_SHARED	0x0008
#define VM_MAYREAD	0x0010
#define VM_MAYWRITE	0x0020
#define VM_MAYEXEC	0x0040
#define VM_GROWSDOWN	0x0100	/* the stack: grows down on a fault just below it */
#define VM_LOCKONFAULT	0x00080000	/* with VM_LOCKED: lock pages as they fault, no populate */
#define VM_LOCKED	0x2000		/* mlock: pages are populated and stay resident */
#define VM_IO		0x4000		/* device memory: never populated or locked */
#define VM_NORESERVE	0x00200000	/* MAP_NORESERVE: not charged to overcommit */
#define VM_PFNMAP	0x0400		/* raw page frames, no struct page */
#define VM_DONTEXPAND	0x00040000
#define VM_ACCOUNT	0x100000	/* its pages are charged to vm_committed_as */
#define VM_SPECIAL	(VM_IO | VM_DONTEXPAND | VM_PFNMAP)
#define VM_LOCKED_MASK	(VM_LOCKED | VM_LOCKONFAULT)
#define VM_STACK	VM_GROWSDOWN

/* An area's operations; only its presence matters yet (it makes the area file-like). */
struct vm_operations_struct {
	const char *(*name)(struct vm_area_struct *vma);
	/*
	 * A special mapping's fault (the vDSO's, arch/x86/kernel/vdso_map.c): map the page
	 * for addr, whose pte is not present; returns 0 or a VM_FAULT_* code.
	 */
	int (*fault)(struct vm_area_struct *vma, unsigned long addr);
};

/*
 * An address space: the page directory and the areas that say what may be mapped in
 * it. Pages are mapped lazily, on the first fault, so rss (resident pages) grows as the
 * program touches memory, while total_vm counts every page the areas cover.
 */
struct mm_struct {
	pgd_t *pgd;			/* page directory */
	/*
	 * As Linux keeps them: mm_users counts the tasks using the address space (vfork's
	 * child shares it), and the last mmput() tears it down; mm_count counts references
	 * to the struct itself, 1 for all the users together (lazy TLB would add its own),
	 * and the last mmdrop() frees it.
	 */
	int mm_users;
	int mm_count;
	struct list_head mmap_list;	/* areas sorted by address */
	struct rb_root mm_rb;		/* the same areas in a tree */
	struct vm_area_struct *mmap_cache;	/* last find_vma() result */
	int map_count;			/* number of areas */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;	/* heap: brk may be unaligned; its page is mapped */
	unsigned long start_stack;	/* where argc is */
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long mmap_base;	/* top-down mmap placement starts below this */
	unsigned long task_size;	/* end of user space (TASK_SIZE) */
	unsigned long total_vm;		/* pages covered by areas */
	unsigned long rss;		/* pages actually mapped */
	unsigned long stack_vm;		/* pages of the stack area */
	unsigned long data_vm;		/* private writable non-stack pages (RLIMIT_DATA) */
	unsigned long locked_vm;	/* pages of VM_LOCKED areas (VmLck) */
	unsigned long def_flags;	/* VM_LOCKED[ONFAULT] for new areas: mlockall(MCL_FUTURE) */
	unsigned long hiwater_rss;	/* highest rss seen */
};


#endif /* _MM_TYPES_H */

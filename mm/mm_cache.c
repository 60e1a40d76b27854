/*
 * Where mm_structs and vm_area_structs come from: two slab caches, as in Linux
 * ("mm_struct" and "vm_area_struct" in /proc/slabinfo). Areas are small (about 50 bytes)
 * and come and go with every mmap, munmap and split, the case a slab cache is for: no
 * per-object header, objects packed dozens to a page, freed ones reused first.
 *
 * mm_cache_init() creates them at boot, right after the slab allocator (Linux does it in
 * proc_caches_init()), so that the first program's memory report does not count them
 * as its own; they are also created on first use if it was not called.
 * mm_caches_shrink() gives their empty slabs back to the buddy allocator, so a test can
 * check that nr_free_pages() returns to where it started.
 *
 * Relies on: the slab allocator (mm/slab.c).
 */
#include <kernel.h>
#include <mmap.h>
#include <slab.h>
#include <string.h>

static struct kmem_cache *vm_area_cachep, *mm_cachep;

static bool mm_caches_ready(void)
{
	if (!vm_area_cachep)
		vm_area_cachep = kmem_cache_create("vm_area_struct",
						   sizeof(struct vm_area_struct), 0, 0, NULL);
	if (!mm_cachep)
		mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
					      SLAB_HWCACHE_ALIGN, NULL);
	return vm_area_cachep && mm_cachep;
}

void mm_cache_init(void)
{
	if (!mm_caches_ready())
		panic("cannot create the mm_struct and vm_area_struct caches");
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	if (!mm_caches_ready())
		return NULL;
	vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);
	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
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
	kmem_cache_free(vm_area_cachep, vma);
}

struct mm_struct *allocate_mm(void)
{
	if (!mm_caches_ready())
		return NULL;
	return kmem_cache_alloc(mm_cachep, GFP_KERNEL);
}

void free_mm(struct mm_struct *mm)
{
	kmem_cache_free(mm_cachep, mm);
}

void mm_caches_shrink(void)
{
	if (vm_area_cachep)
		kmem_cache_shrink(vm_area_cachep);
	if (mm_cachep)
		kmem_cache_shrink(mm_cachep);
}

/*
 * Where mm_structs and vm_area_structs come from: two slab caches, as in Linux
 * ("mm_struct" and "vm_area_struct" in /proc/slabinfo). Areas are small (about 50 bytes)
 * and come and go with every mmap, munmap and split, the case a slab cache is for: no
 * per-object header, objects packed dozens to a page, freed ones reused first.
 *
 * The caches are created on first use, so nothing needs to call an init function at
 * boot. mm_caches_shrink() gives their empty slabs back to the buddy allocator, so a
 * test can check that nr_free_pages() returns to where it started.
 *
 * Relies on: the slab allocator (mm/slab.c).
 */
#include <mmap.h>
#include <slab.h>
#include <string.h>

static struct kmem_cache *vm_area_cachep, *mm_cachep;

static bool mm_caches_init(void)
{
	if (!vm_area_cachep)
		vm_area_cachep = kmem_cache_create("vm_area_struct",
						   sizeof(struct vm_area_struct), 0, 0, NULL);
	if (!mm_cachep)
		mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
					      SLAB_HWCACHE_ALIGN, NULL);
	return vm_area_cachep && mm_cachep;
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	if (!mm_caches_init())
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
	if (!mm_caches_init())
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

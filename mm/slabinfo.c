/*
 * Statistics of the slab allocator, as the slabinfo part of Linux's mm/slab_common.c:
 * get_slabinfo() and show_slabinfo() (/proc/slabinfo's format plus an "overhead"
 * group), slab_colour_of(), and the totals over every cache that the leak checks use
 * (nr_slab_pages, nr_slab_objects: kernel/run_elf.c after each program, and the tests).
 *
 * Reads only. nr_slab_objects() counts what users hold: the off-slab descriptors that
 * mm/slab.c kmallocs for itself (nr_offslab_descs) are taken out again.
 *
 * Relies on: the cache and slab layout, cache_chain and nr_offslab_descs
 * (slab_internal.h), kmalloc_slab (slab.h), virt_to_page (mm.h), printk, memset.
 */
#include <seq_file.h>
#include "slab_internal.h"
#include "kernel.h"
#include "printk.h"

void get_slabinfo(struct kmem_cache *cachep, struct slabinfo *info)
{
	struct slab *slabp;
	unsigned long inuse = 0, desc;

	memset(info, 0, sizeof(*info));
	list_for_each_entry(slabp, &cachep->slabs_full, list) {
		info->full_slabs++;
		inuse += slabp->inuse;
	}
	list_for_each_entry(slabp, &cachep->slabs_partial, list) {
		info->partial_slabs++;
		inuse += slabp->inuse;
	}
	list_for_each_entry(slabp, &cachep->slabs_free, list)
		info->free_slabs++;

	info->num_slabs = info->full_slabs + info->partial_slabs + info->free_slabs;
	info->active_slabs = info->full_slabs + info->partial_slabs;
	info->num_objs = info->num_slabs * cachep->num;
	info->active_objs = inuse - cachep->ac.avail;
	info->objsize = cachep->object_size;
	info->chunk = cachep->size;
	info->objperslab = cachep->num;
	info->pagesperslab = 1u << cachep->gfporder;
	info->limit = cachep->ac.limit;
	info->batchcount = cachep->ac.batchcount;
	info->avail = cachep->ac.avail;
	info->colours = cachep->colour;
	info->colour_off = cachep->colour_off;
	info->off_slab = off_slab(cachep);
	info->flags = cachep->flags;

	/* An off-slab descriptor costs a kmalloc chunk; an on-slab one its own size. */
	desc = off_slab(cachep) ? kmalloc_slab(sizeof(struct slab))->size : SLAB_DESC_SIZE;
	info->overhead_per_obj = cachep->size - cachep->object_size +
				 DIV_ROUND_UP(desc, cachep->num);
	info->waste_per_slab = slab_bytes(cachep) - cachep->num * cachep->size -
			       (off_slab(cachep) ? 0 : SLAB_DESC_SIZE);
	info->lost_per_slab = slab_bytes(cachep) - cachep->num * cachep->object_size +
			      (off_slab(cachep) ? desc : 0);
}

/*
 * /proc/slabinfo's format, version 2.1 (objsize is the chunk, as in Linux), plus
 * "overhead": bytes of metadata and padding per object, bytes per slab no object can
 * use, and the share of each slab (plus its off-slab descriptor) not holding objects.
 */
void slabinfo_show(struct seq_file *m)
{
	struct kmem_cache *cachep;
	struct slabinfo si;
	unsigned long bp;

	seq_printf(m, "slabinfo - version: 2.1\n");
	seq_printf(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> "
		   "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
		   "<active_slabs> <num_slabs> <sharedavail> : overhead <bytes/obj> "
		   "<waste/slab> <lost%%>\n");
	list_for_each_entry(cachep, &cache_chain, list) {
		get_slabinfo(cachep, &si);
		bp = si.lost_per_slab * 10000 / slab_bytes(cachep);
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u : slabdata %6lu %6lu "
			   "%6u : overhead %4u %6u %2lu.%02lu%%\n",
			   cachep->name, si.active_objs, si.num_objs, si.chunk, si.objperslab,
			   si.pagesperslab, si.limit, si.batchcount, 0u, si.active_slabs,
			   si.num_slabs, 0u, si.overhead_per_obj, si.waste_per_slab, bp / 100,
			   bp % 100);
	}
}

/* The boot and test reports: the same text on the console. */
void show_slabinfo(void)
{
	struct seq_file m = SEQ_CONSOLE;

	slabinfo_show(&m);
}

long slab_colour_of(const void *objp)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(objp) || !virt_addr_valid(objp))
		return -1;
	page = virt_to_page(objp);
	if (!PageSlab(page))
		return -1;
	return (long)((struct slab *)page->slab)->colour * page->slab_cache->colour_off;
}

unsigned long nr_slab_pages(void)
{
	struct kmem_cache *cachep;
	unsigned long pages = 0;

	list_for_each_entry(cachep, &cache_chain, list)
		pages += cachep->nr_slabs << cachep->gfporder;
	return pages;
}

unsigned long nr_slab_objects(void)
{
	struct kmem_cache *cachep;
	struct slabinfo si;
	unsigned long objs = 0;

	list_for_each_entry(cachep, &cache_chain, list) {
		get_slabinfo(cachep, &si);
		objs += si.active_objs;
	}
	return objs - nr_offslab_descs;
}

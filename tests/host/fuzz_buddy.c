/*
 * Fuzz target for the buddy allocator: the input is a program of 2-byte operations
 * (allocate, free, double free, free with a wrong order, drain, check) run against the
 * fake machine of host_buddy.c. After every operation the free page count must be
 * exactly "free at boot minus what the program holds"; every allocated block is
 * checked for alignment and zone, tagged in its memory, and the tags are verified on
 * free (two live blocks sharing a page would overwrite each other's tag). At the end of
 * each input everything is freed and the free lists must be exactly those after boot
 * (the fully merged state is unique), with check_page_alloc() finding nothing wrong.
 * Any violation aborts, which libFuzzer reports with the input that caused it.
 *
 * Built with clang -fsanitize=fuzzer when available; otherwise fuzz_standalone.c's
 * main() feeds it seeded random inputs instead (same checks).
 */
#include <stdio.h>
#include <stdlib.h>
#include "host_buddy.h"
#include "gfp.h"
#include "string.h"

#define NSLOTS	64

struct slot {
	struct page *page;
	unsigned int order;
	bool compound;
};

static struct slot slots[NSLOTS];
static unsigned long held_pages;
static unsigned long boot_nr_free[MAX_NR_ZONES][MAX_ORDER];

static const unsigned char zero_page[PAGE_SIZE];
static const gfp_t fuzz_gfps[4] = { GFP_KERNEL, GFP_HIGHUSER, GFP_DMA, GFP_ATOMIC };

#define die(fmt, ...)	host_die("fuzz_buddy: " fmt, ##__VA_ARGS__)

static unsigned char *block_mem(struct page *page)
{
	return host_arena + (page_to_pfn(page) << PAGE_SHIFT);
}

static void tag_block(struct slot *s, unsigned char tag)
{
	unsigned long i;

	for (i = 0; i < (1UL << s->order); i++)
		block_mem(s->page)[i << PAGE_SHIFT] = tag;
}

static void verify_tags(struct slot *s, unsigned char tag)
{
	unsigned long i;

	for (i = 0; i < (1UL << s->order); i++)
		if (block_mem(s->page)[i << PAGE_SHIFT] != tag)
			die("page %lu of block at pfn 0x%lx was overwritten: two owners",
			    i, page_to_pfn(s->page));
}

static void check_count(const char *after)
{
	if (nr_free_pages() != host_boot_free_pages - held_pages)
		die("after %s: %lu free, expected %lu", after, nr_free_pages(),
		    host_boot_free_pages - held_pages);
}

static void check_new_block(struct page *page, unsigned int order, gfp_t gfp)
{
	unsigned long pfn = page_to_pfn(page), i;

	if (!IS_ALIGNED(pfn, 1UL << order))
		die("order-%u block at pfn 0x%lx misaligned", order, pfn);
	if ((gfp & __GFP_DMA) && pfn + (1UL << order) > MAX_DMA_PFN)
		die("GFP_DMA block at pfn 0x%lx above 16 MiB", pfn);
	if (!(gfp & __GFP_HIGHMEM) && pfn >= max_low_pfn)
		die("HighMem pfn 0x%lx without __GFP_HIGHMEM", pfn);
	if (page_count(page) != 1 || PageBuddy(page) || PageReserved(page))
		die("new block at pfn 0x%lx in a bad state", pfn);
	if (gfp & __GFP_ZERO)
		for (i = 0; i < (1UL << order); i++)
			if (memcmp(block_mem(page) + (i << PAGE_SHIFT), zero_page, PAGE_SIZE))
				die("__GFP_ZERO block at pfn 0x%lx not zeroed", pfn);
}

static void op_alloc(u8 a, u8 b)
{
	struct slot *s = &slots[b % NSLOTS];
	unsigned int order = (a & 0x80) ? (a >> 3) % MAX_ORDER : (a >> 3) & 1;
	gfp_t gfp = fuzz_gfps[b >> 6] | __GFP_NOWARN;

	if (s->page)
		return;
	if (a & 0x40)
		gfp |= __GFP_ZERO;
	if ((a & 0x20) && order)
		gfp |= __GFP_COMP;
	s->page = alloc_pages(gfp, order);
	if (!s->page)
		return;
	s->order = order;
	s->compound = gfp & __GFP_COMP;
	check_new_block(s->page, order, gfp);
	tag_block(s, (unsigned char)(s - slots + 1));
	held_pages += 1UL << order;
}

static void free_slot(struct slot *s)
{
	verify_tags(s, (unsigned char)(s - slots + 1));
	if (s->compound)
		put_page(s->page);
	else
		__free_pages(s->page, s->order);
	held_pages -= 1UL << s->order;
	s->page = NULL;
}

/* A mistake must be reported and change nothing. */
static void expect_rejected(const char *what, const char *report)
{
	if (!host_log_contains(report))
		die("%s not reported (wanted \"%s\")", what, report);
	check_count(what);
	host_log_reset();
}

static void op_double_free(struct slot *s)
{
	struct page *page = s->page;
	unsigned int order = s->order;

	if (!page)
		return;
	free_slot(s);
	check_count("free");
	host_log_reset();
	__free_pages(page, order);
	expect_rejected("double free", "double free");
}

static void op_wrong_order(struct slot *s, u8 b)
{
	unsigned int wrong;

	if (!s->page)
		return;
	wrong = (b & 1) || !s->order ? s->order + 1 + (b >> 6) : s->order - 1;
	host_log_reset();
	__free_pages(s->page, wrong);
	expect_rejected("wrong order free", "bad order");
}

static void step(u8 a, u8 b)
{
	struct slot *s = &slots[b % NSLOTS];

	switch (a & 7) {
	case 0: case 1: case 2:
		op_alloc(a, b);
		break;
	case 3: case 4:
		if (s->page)
			free_slot(s);
		break;
	case 5:
		op_double_free(s);
		break;
	case 6:
		op_wrong_order(s, b);
		break;
	case 7:
		if (b & 1)
			drain_all_pages();
		else if (!check_page_alloc())
			die("check_page_alloc failed");
		break;
	}
	check_count("an operation");
}

static void record_boot_lists(void)
{
	struct zone *zone;
	unsigned int order;

	drain_all_pages();
	for_each_zone(zone)
		for (order = 0; order < MAX_ORDER; order++)
			boot_nr_free[zone_idx(zone)][order] = zone->free_area[order].nr_free;
}

static void verify_back_to_boot(void)
{
	struct zone *zone;
	unsigned int order;

	drain_all_pages();
	if (!check_page_alloc())
		die("check_page_alloc failed at the end");
	check_count("freeing everything");
	for_each_zone(zone)
		for (order = 0; order < MAX_ORDER; order++)
			if (zone->free_area[order].nr_free != boot_nr_free[zone_idx(zone)][order])
				die("zone %s order %u: %lu free blocks, %lu at boot", zone->name,
				    order, zone->free_area[order].nr_free,
				    boot_nr_free[zone_idx(zone)][order]);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static bool booted;
	size_t i;

	if (!booted) {
		host_mm_boot_default();
		record_boot_lists();
		booted = true;
	}
	host_log_reset();
	for (i = 0; i + 1 < size; i += 2)
		step(data[i], data[i + 1]);
	for (i = 0; i < NSLOTS; i++)
		if (slots[i].page)
			free_slot(&slots[i]);
	verify_back_to_boot();
	return 0;
}

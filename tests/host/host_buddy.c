/*
 * Host shim for the buddy allocator tests: printk into a searchable log, panic that a
 * test can catch, dump_stack/__warn, and a fake machine whose "physical memory" is a
 * malloc'ed arena (see host_buddy.h). Relies on libc only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include "host_buddy.h"
#include "memblock.h"
#include "kernel.h"
#include "printk.h"
#include "string.h"

uintptr_t host_page_offset;
int console_loglevel = 8;
unsigned char *host_arena;
unsigned long host_boot_free_pages;
unsigned long host_clear_highpage_calls;
jmp_buf *host_panic_jmp;

static char log_buf[1 << 16];
static size_t log_len;
static bool log_echo;

void host_log_reset(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

bool host_log_contains(const char *text)
{
	return strstr(log_buf, text) != NULL;
}

const char *host_log_text(void)
{
	return log_buf;
}

void host_log_echo(bool on)
{
	log_echo = on;
}

/* Appends to the log; when it is full, the oldest half goes. */
static void log_append(const char *s)
{
	size_t n = strlen(s);

	if (n >= sizeof(log_buf) / 2)
		n = sizeof(log_buf) / 2 - 1;
	if (log_len + n >= sizeof(log_buf)) {
		size_t keep = log_len / 2;

		memmove(log_buf, log_buf + log_len - keep, keep);
		log_len = keep;
	}
	memcpy(log_buf + log_len, s, n);
	log_len += n;
	log_buf[log_len] = '\0';
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[1024];
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	log_append(buf);
	if (log_echo)
		printf("# %s", buf);
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
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk("Kernel panic - not syncing: %s (%s:%d)\n", buf, file, line);
	if (host_panic_jmp)
		longjmp(*host_panic_jmp, 1);
	fprintf(stderr, "Kernel panic - not syncing: %s (%s:%d)\n", buf, file, line);
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	printk("WARNING: %s at %s:%d\n", cond, file, line);
}

void dump_stack(void)
{
	printk("(dump_stack)\n");
}

void host_clear_highpage(struct page *page)
{
	/* The arena maps all of "physical memory", HighMem included. */
	memset(__va(page_to_phys(page)), 0, PAGE_SIZE);
	host_clear_highpage_calls++;
}

void host_memblock_reset(void)
{
	static struct memblock pristine;
	static bool saved;

	if (!saved) {
		pristine = memblock;
		saved = true;
	}
	memblock = pristine;
}

unsigned long host_mm_boot(unsigned long mem_pfns, unsigned long low_pfns)
{
	u64 mem = (u64)mem_pfns << PAGE_SHIFT;
	unsigned long max_zone_pfns[MAX_NR_ZONES];

	if (mem > HOST_ARENA_SIZE || low_pfns > mem_pfns) {
		fprintf(stderr, "host_mm_boot: bad layout\n");
		abort();
	}
	if (!host_arena) {
		host_arena = aligned_alloc(4UL << 20, HOST_ARENA_SIZE);
		if (!host_arena)
			abort();
		host_page_offset = (uintptr_t)host_arena;
	}
	memset(host_arena, HOST_ARENA_FILL, mem);
	host_log_reset();
	host_memblock_reset();
	fail_page_alloc_set(0);
	page_alloc_set_clear_highpage(host_clear_highpage);
	host_clear_highpage_calls = 0;
	mem_map = NULL;

	/* RAM as a PC's firmware reports it: a BIOS hole, and one more hole at 18 MiB. */
	memblock_add(0, 0x9f000);
	if (mem > (19UL << 20)) {
		memblock_add(0x100000, (18UL << 20) - 0x100000);
		memblock_add((18UL << 20) + 0x10000, mem - (18UL << 20) - 0x10000);
	} else {
		memblock_add(0x100000, mem - 0x100000);
	}
	memblock_reserve(0, PAGE_SIZE);			/* the first page, as Linux */
	memblock_reserve(0x100000, 512UL << 10);	/* "kernel image" */
	memblock_set_limit((u64)low_pfns << PAGE_SHIFT);
	/* mem_map goes low, so the pages on both sides of each zone boundary are free */
	memblock_set_bottom_up(true);

	max_zone_pfns[ZONE_DMA] = min(MAX_DMA_PFN, low_pfns);
	max_zone_pfns[ZONE_NORMAL] = low_pfns;
	max_zone_pfns[ZONE_HIGHMEM] = mem_pfns;
	free_area_init(max_zone_pfns);
	memblock_free_all();
	host_log_reset();
	host_boot_free_pages = nr_free_pages();
	return host_boot_free_pages;
}

/*
 * DMA 0-16 MiB, Normal 16 MiB to pfn 5844, HighMem to pfn 8150 (about 31.8 MiB).
 * Neither 5844 nor 8150 is a multiple of 1024: merging must stop at the zone
 * boundary and at the end of mem_map.
 */
unsigned long host_mm_boot_default(void)
{
	return host_mm_boot(8150, 5844);
}

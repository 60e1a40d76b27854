/*
 * Symbol lookup and backtraces.
 *
 * The table (build/kallsyms.c, from tools/gen-kallsyms) is sorted by address, so a
 * binary search finds the function containing a return address. Backtraces follow the
 * frame-pointer chain (the kernel is built with -fno-omit-frame-pointer): at every
 * frame, [ebp] is the caller's ebp and [ebp + 4] the return address. The walk stays
 * inside the current kernel stack, so a corrupt chain ends the trace instead of faulting.
 */
#include <kallsyms.h>
#include <printk.h>
#include <string.h>
#include <asm/sections.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned long kallsyms_sizes[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	unsigned long lo = 0, hi = kallsyms_num;

	/* Find the last symbol whose address is <= addr. */
	while (lo < hi) {
		unsigned long mid = (lo + hi) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	lo--;
	if (addr - kallsyms_addresses[lo] >= kallsyms_sizes[lo])
		return NULL;
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	if (size)
		*size = kallsyms_sizes[lo];
	return kallsyms_names + kallsyms_offsets[lo];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	for (i = 0; i < kallsyms_num; i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

/*
 * A return address may be the first byte after a function that ends in a call to a
 * noreturn function, so the name comes from addr - 1, the call instruction itself.
 */
static void print_address(unsigned long addr, bool is_return)
{
	unsigned long off, size;
	const char *name = kallsyms_lookup(addr - is_return, &off, &size);

	if (name)
		printk(KERN_EMERG " [<%08lx>] %s+0x%lx/0x%lx\n", addr, name, off + is_return, size);
	else
		printk(KERN_EMERG " [<%08lx>] ?\n", addr);
}

void show_trace(unsigned long eip, unsigned long ebp)
{
	unsigned long esp, base;
	int depth = 0;

	asm volatile("mov %%esp, %0" : "=r"(esp));
	base = esp & ~(unsigned long)(THREAD_SIZE - 1);
	print_address(eip, false);
	while (ebp >= base + 8 && ebp + 8 <= base + THREAD_SIZE && depth++ < 32) {
		const unsigned long *frame = (const unsigned long *)ebp;

		if (!frame[1])
			break;
		print_address(frame[1], true);
		if (frame[0] <= ebp)
			break;
		ebp = frame[0];
	}
}

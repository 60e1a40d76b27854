/*
 * mmap_errors: mmap2's answers to bad requests, and the fields an anonymous mapping
 * ignores. Also the old mmap (number 90) that takes its six arguments in a struct.
 */
#include "abi.h"

#define RW	(PROT_READ | PROT_WRITE)
#define PA	(MAP_PRIVATE | MAP_ANONYMOUS)

static void show(const char *what, long r)
{
	out("%-48s %s\n", what, res(r));
	if (!is_err(r))
		sys_munmap(r, PAGE);
}

int main(void)
{
	unsigned long spot = free_range(2);
	unsigned long args[6];
	long m, r;

	show("len 0", sys_mmap2(0, 0, RW, PA, -1, 0));
	show("len 0xfffff000", sys_mmap2(0, 0xfffff000UL, RW, PA, -1, 0));
	show("len 0xffffffff (rounds up to 0)", sys_mmap2(0, 0xffffffffUL, RW, PA, -1, 0));
	show("MAP_FIXED at an unaligned address", sys_mmap2(spot + 1, PAGE, RW, PA | MAP_FIXED, -1, 0));
	show("neither MAP_PRIVATE nor MAP_SHARED", sys_mmap2(0, PAGE, RW, MAP_ANONYMOUS, -1, 0));
	show("file mapping, fd -1", sys_mmap2(0, PAGE, RW, MAP_PRIVATE, -1, 0));
	show("file mapping, fd 1000 (not open)", sys_mmap2(0, PAGE, RW, MAP_PRIVATE, 1000, 0));
	r = sys_mmap2(0, PAGE, RW, PA, 1000, 3);
	show("anonymous with fd 1000 and offset 3 (ignored)", r);
	r = sys_mmap2(0, 5000, RW, PA, -1, 0);
	out("%-48s %s, page aligned %s\n", "len 5000", res(r), yesno((r & (PAGE - 1)) == 0));
	sys_munmap(r, 2 * PAGE);

	m = sys_mmap2(spot, PAGE, RW, PA | MAP_FIXED_NOREPLACE, -1, 0);
	out("%-48s %s, at the address %s\n", "MAP_FIXED_NOREPLACE on a free spot", res(m),
	    yesno((unsigned long)m == spot));
	show("MAP_FIXED_NOREPLACE over that mapping",
	     sys_mmap2(spot, PAGE, RW, PA | MAP_FIXED_NOREPLACE, -1, 0));
	show("MAP_FIXED_NOREPLACE overlapping its end",
	     sys_mmap2(spot - PAGE, 2 * PAGE, RW, PA | MAP_FIXED_NOREPLACE, -1, 0));
	sys_munmap(m, PAGE);

	args[0] = 0;
	args[1] = PAGE;
	args[2] = RW;
	args[3] = PA;
	args[4] = (unsigned long)-1;
	args[5] = 0;
	r = sc(SYS_old_mmap, (long)args, 0, 0, 0, 0, 0);
	show("old mmap (90), anonymous", r);
	args[5] = 100;
	show("old mmap (90), unaligned offset", sc(SYS_old_mmap, (long)args, 0, 0, 0, 0, 0));
	return 0;
}

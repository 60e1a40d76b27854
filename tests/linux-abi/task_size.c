/*
 * task_size: user space ends at TASK_SIZE, 0xC0000000, the 3 GiB/1 GiB split of Linux
 * i386 (and of this kernel). Every mapping the kernel chooses ends at or below it, even
 * when the address space is filled up; a fixed mapping, a hint or a brk beyond it are
 * refused or ignored as Linux does; the stack sits just below it.
 *
 * Linux i386 is the oracle of this case. The x86-64 host fallback gives 32-bit processes
 * 4 GiB of user space, so tests/linux-abi/i386-only names this case and the suite skips
 * it there.
 */
#include "abi.h"

#define TASK_SIZE	0xC0000000UL
#define CHUNK		(64UL << 20)
#define MAX_CHUNKS	64	/* 4 GiB: more than any 32-bit user space holds */

/* The address space filled with PROT_NONE reservations: no memory, no commit charge. */
static void fill_up(void)
{
	unsigned long addr[MAX_CHUNKS];
	int n = 0, above = 0, i;
	long r = 0;

	while (n < MAX_CHUNKS) {
		r = anon(0, CHUNK, PROT_NONE, 0);
		if (is_err(r))
			break;
		addr[n++] = r;
		above |= (unsigned long)r + CHUNK > TASK_SIZE || (unsigned long)r + CHUNK < (unsigned long)r;
	}
	out("filling the address space with 64 MiB reservations ends with %s\n", res(r));
	out("it held at least 2.5 GiB of them: %s\n", yesno(n >= 40));
	out("every one ends at or below 0xC0000000: %s\n", yesno(!above));
	for (i = 0; i < n; i++)
		sys_munmap(addr[i], CHUNK);
}

static void show(const char *what, long r)
{
	out("%-52s %s\n", what, res(r));
}

int main(void)
{
	char local;
	unsigned long brk0;
	long r;

	out("a stack variable lies in the 8 MiB below 0xC0000000: %s\n",
	    yesno((unsigned long)&local < TASK_SIZE &&
		  (unsigned long)&local >= TASK_SIZE - (8UL << 20)));
	fill_up();

	r = anon(TASK_SIZE, PAGE, PROT_READ, MAP_FIXED);
	show("MAP_FIXED at 0xC0000000", r);
	r = anon(TASK_SIZE - PAGE, 2 * PAGE, PROT_READ, MAP_FIXED);
	show("MAP_FIXED across 0xC0000000", r);
	r = anon(TASK_SIZE, PAGE, PROT_READ, MAP_FIXED_NOREPLACE);
	show("MAP_FIXED_NOREPLACE at 0xC0000000", r);
	r = anon(0xF0000000UL, PAGE, PROT_READ, 0);
	out("%-52s %s, below 0xC0000000 %s\n", "a hint at 0xF0000000", res(r),
	    yesno(!is_err(r) && (unsigned long)r < TASK_SIZE));
	if (!is_err(r))
		sys_munmap(r, PAGE);
	r = anon(TASK_SIZE - PAGE, PAGE, PROT_READ, MAP_FIXED_NOREPLACE);
	out("%-52s %s, at the address %s\n", "MAP_FIXED_NOREPLACE at the last user page", res(r),
	    yesno((unsigned long)r == TASK_SIZE - PAGE));
	if (!is_err(r))
		sys_munmap(r, PAGE);

	show("munmap at 0xC0000000", sys_munmap(TASK_SIZE, PAGE));
	show("munmap across 0xC0000000", sys_munmap(TASK_SIZE - PAGE, 2 * PAGE));
	show("mprotect at 0xC0000000", sys_mprotect(TASK_SIZE, PAGE, PROT_READ));
	show("madvise(DONTNEED) at 0xC0000000", sys_madvise(TASK_SIZE, PAGE, MADV_DONTNEED));

	brk0 = sys_brk(0);
	out("brk(0xC0001000) leaves the break where it was: %s\n",
	    yesno((unsigned long)sys_brk(TASK_SIZE + PAGE) == brk0));
	return 0;
}

/*
 * brk_refused: a refused brk returns the current break and changes nothing: requests
 * below the start of the heap (address 1, low memory, the program's own data) and near
 * the top of the address space. After all of them the heap still grows normally.
 */
#include "abi.h"

static int in_data = 1;

static void try(const char *what, unsigned long addr, unsigned long b0)
{
	long r = sys_brk(addr);

	out("brk(%s): refused, returns the current break: %s\n", what,
	    yesno((unsigned long)r == b0));
}

int main(void)
{
	unsigned long b0 = sys_brk(0);
	long r;

	try("1", 1, b0);
	try("0x1000", 0x1000, b0);
	try("a variable in .data", (unsigned long)&in_data, b0);
	try("the program's code", (unsigned long)&main, b0);
	try("0xfffff000", 0xfffff000UL, b0);
	try("0xffffffff", 0xffffffffUL, b0);
	r = sys_brk(PAGE_UP(b0) + PAGE);
	out("after all that, growth by a page works: %s\n",
	    yesno((unsigned long)r == PAGE_UP(b0) + PAGE));
	sys_brk(b0);
	out("data untouched: %s\n", yesno(in_data == 1));
	return 0;
}

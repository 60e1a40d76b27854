/*
 * big_data: a program whose file is big: BIG_DATA_MIB MiB of initialised data, all of
 * it in the ELF file, so the Multiboot module is that big and loading it needs that
 * much RAM again. tests/run-loader runs it where it fits (it must run) and where it
 * cannot (the kernel must refuse it cleanly: status 126, a message, nothing leaked).
 *
 * Relies on: ulib (user/lib).
 */
#include "ulib.h"

#ifndef BIG_DATA_MIB
#define BIG_DATA_MIB	40
#endif

/* One non-zero byte keeps the array in .data (in the file), not in .bss. */
static unsigned char big[BIG_DATA_MIB << 20] = { 1 };

int main(void)
{
	unsigned long i, sum = 0;

	for (i = 0; i < sizeof(big); i += PAGE_SIZE)
		sum += big[i];
	printf("big_data: %d MiB of initialised data read, sum %lu\n", BIG_DATA_MIB, sum);
	return 0;
}

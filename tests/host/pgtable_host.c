/*
 * mm/pgtable.c as the address-space host tests run it: the kernel's own page-table code,
 * compiled unchanged but for one constant.
 *
 * On the host PAGE_OFFSET is the address of the fake page allocator's arena (a 64-bit
 * heap address), not 0xC0000000, so KERNEL_PGD_BOUNDARY (PAGE_OFFSET >> PGDIR_SHIFT)
 * would name no entry of a 1024-entry directory. The boundary between the user and the
 * kernel half of a directory is still TASK_SIZE (entry 768), so that is what it is here.
 * read_cr3/write_cr3/invlpg come from asm/x86.h's HOST_TEST section (host_env.c).
 */
#include "asm/pgtable.h"
#undef KERNEL_PGD_BOUNDARY
#define KERNEL_PGD_BOUNDARY	(TASK_SIZE >> PGDIR_SHIFT)
#include "../../mm/pgtable.c"

/*
 * Shared by the residency cases (mlock_semantics, populate_semantics, mincore_semantics):
 * the i386 numbers of the calls they make, and mincore() as a string of 0/1 per page.
 */
#ifndef MM_RESIDENCY_H
#define MM_RESIDENCY_H

#include "abi.h"

#define SYS_setrlimit		75
#define SYS_getrlimit		76
#define SYS_msync		144
#define SYS_mlock		150
#define SYS_munlock		151
#define SYS_mlockall		152
#define SYS_munlockall		153
#define SYS_mincore		218
#define SYS_mlock2		376

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT		4
#endif
#define MLOCK_ONFAULT_		1

#define RW	(PROT_READ | PROT_WRITE)

static inline long sys_mincore(unsigned long addr, unsigned long len, unsigned char *vec)
{
	return sc(SYS_mincore, addr, len, (long)vec, 0, 0, 0);
}

/* "1010" for pages 0 and 2 resident of 4; the call's error instead if it fails. */
static inline const char *resident(unsigned long addr, unsigned long pages)
{
	static char s[64];
	unsigned char vec[64];
	unsigned long i;
	long r;

	if (pages > sizeof(s) - 1)
		return "too many pages";
	r = sys_mincore(addr, pages * PAGE, vec);
	if (is_err(r))
		return res(r);
	for (i = 0; i < pages; i++)
		s[i] = vec[i] & 1 ? '1' : '0';
	s[pages] = 0;
	return s;
}

#endif /* MM_RESIDENCY_H */

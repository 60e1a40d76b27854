/*
 * Linux's struct sysinfo as sysinfo(2) fills it on i386 (64 bytes): memory sizes are
 * counts of mem_unit bytes, loads are fixed point with SI_LOAD_SHIFT fraction bits.
 */
#ifndef _UAPI_SYSINFO_H
#define _UAPI_SYSINFO_H

#include "../types.h"

#define SI_LOAD_SHIFT	16

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5 and 15 minute load averages */
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	u16 procs;			/* tasks in the system */
	u16 pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	u32 mem_unit;
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(u32)];
};

#endif /* _UAPI_SYSINFO_H */

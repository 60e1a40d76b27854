/*
 * sysinfo_counts: sysinfo(2)'s invariants, which hold whatever the machine (the values
 * differ between the oracle and the kernel; tests/kernel/test_sys.c checks the kernel's
 * against its own counters): memory in units of 1 byte or one page, free within total,
 * high memory within RAM, at least one process, a positive uptime that does not go
 * back, and the libc's sysconf(_SC_PHYS_PAGES) computed from it (musl's was 0 when
 * sysinfo failed).
 */
#include "abi.h"

#define SYS_sysinfo	116

struct k_sysinfo {		/* Linux's struct sysinfo on i386: 64 bytes */
	int32_t uptime;
	uint32_t loads[3];
	uint32_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t totalhigh, freehigh, mem_unit;
	char _f[8];
};

int main(void)
{
	struct k_sysinfo a, b;
	unsigned long long phys, unit_pages;
	long r, pages, avpages;

	memset(&a, 0xa5, sizeof(a));
	r = sc(SYS_sysinfo, (long)&a, 0, 0, 0, 0, 0);
	out("sysinfo: %s (%u bytes)\n", res(r), (unsigned)sizeof(a));
	out("sysinfo to a bad pointer: %s\n", res(sc(SYS_sysinfo, 0xc0001000, 0, 0, 0, 0, 0)));
	out("sysinfo to NULL: %s\n", res(sc(SYS_sysinfo, 0, 0, 0, 0, 0, 0)));
	out("mem_unit is 1 or a page: %s\n", yesno(a.mem_unit == 1 || a.mem_unit == PAGE));
	out("totalram > 0: %s, freeram <= totalram: %s\n", yesno(a.totalram > 0),
	    yesno(a.freeram <= a.totalram));
	out("sharedram, bufferram <= totalram: %s\n",
	    yesno(a.sharedram <= a.totalram && a.bufferram <= a.totalram));
	out("freeswap <= totalswap: %s\n", yesno(a.freeswap <= a.totalswap));
	out("totalhigh <= totalram: %s, freehigh <= totalhigh: %s, freehigh <= freeram: %s\n",
	    yesno(a.totalhigh <= a.totalram), yesno(a.freehigh <= a.totalhigh),
	    yesno(a.freehigh <= a.freeram));
	out("procs >= 1: %s, uptime > 0: %s\n", yesno(a.procs >= 1), yesno(a.uptime > 0));
	out("padding zeroed: %s\n", yesno(a.pad == 0 && all_bytes(a._f, 0, sizeof(a._f))));
	unit_pages = (unsigned long long)a.totalram * a.mem_unit / PAGE;
	out("at least 1 MiB of RAM: %s\n", yesno(unit_pages >= 256));

	sc(SYS_sysinfo, (long)&b, 0, 0, 0, 0, 0);
	out("second call: same total, same unit, uptime not going back: %s\n",
	    yesno(b.totalram == a.totalram && b.mem_unit == a.mem_unit && b.uptime >= a.uptime));

	pages = sysconf(_SC_PHYS_PAGES);
	avpages = sysconf(_SC_AVPHYS_PAGES);
	phys = (unsigned long long)b.totalram * b.mem_unit / PAGE;
	out("sysconf(_SC_PHYS_PAGES) > 0: %s, agrees with sysinfo: %s\n", yesno(pages > 0),
	    yesno((unsigned long long)pages == phys));
	out("sysconf(_SC_AVPHYS_PAGES) within it: %s\n", yesno(avpages >= 0 && avpages <= pages));
	return 0;
}

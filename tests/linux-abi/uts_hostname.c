/*
 * uts_hostname: uname and the calls that change its node and domain names, on their
 * error paths only (a successful sethostname would rename the oracle's host; the
 * kernel's user program user/hostname.c checks the successes): a length above 64 or
 * below 0 is -EINVAL, a bad name -EFAULT, and once the process is no longer root,
 * -EPERM before anything else is looked at. Nothing changes on any of them.
 */
#include <string.h>
#include "abi.h"

#define SYS_sethostname		74
#define SYS_setdomainname	121
#define SYS_setuid32		213

#define BAD_PTR	((long)0xc0001000)

struct k_utsname {		/* Linux's struct new_utsname: six 65-byte fields */
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

static int terminated(const char *field)
{
	return memchr(field, 0, 65) != NULL;
}

int main(void)
{
	static const char name[100] = "abcdefghijklmnopqrstuvwxyz";
	struct k_utsname before, after;
	int nr[2] = { SYS_sethostname, SYS_setdomainname }, i;
	const char *what[2] = { "sethostname", "setdomainname" };
	long r;

	r = sc(SYS_uname, (long)&before, 0, 0, 0, 0, 0);
	out("uname: %s, struct of %u bytes, every field terminated: %s\n", res(r),
	    (unsigned)sizeof(before),
	    yesno(terminated(before.sysname) && terminated(before.nodename) &&
		  terminated(before.release) && terminated(before.version) &&
		  terminated(before.machine) && terminated(before.domainname)));
	out("uname to a bad pointer: %s\n", res(sc(SYS_uname, BAD_PTR, 0, 0, 0, 0, 0)));
	for (i = 0; i < 2; i++) {
		out("%s(65 bytes): %s\n", what[i], res(sc(nr[i], (long)name, 65, 0, 0, 0, 0)));
		out("%s(len -1): %s\n", what[i], res(sc(nr[i], (long)name, -1, 0, 0, 0, 0)));
		out("%s(len 100): %s\n", what[i], res(sc(nr[i], (long)name, 100, 0, 0, 0, 0)));
		out("%s(bad pointer): %s\n", what[i], res(sc(nr[i], BAD_PTR, 5, 0, 0, 0, 0)));
		out("%s(bad pointer, len 65): %s\n", what[i], res(sc(nr[i], BAD_PTR, 65, 0, 0, 0, 0)));
	}
	sc(SYS_uname, (long)&after, 0, 0, 0, 0, 0);
	out("names unchanged: %s\n", yesno(memcmp(&before, &after, sizeof(before)) == 0));

	out("setuid32(1000): %s\n", res(sc(SYS_setuid32, 1000, 0, 0, 0, 0, 0)));
	for (i = 0; i < 2; i++) {
		r = sc(nr[i], (long)name, 3, 0, 0, 0, 0);
		out("%s as uid 1000: %s\n", what[i], r == -1 ? "-EPERM" : res(r));
		r = sc(nr[i], (long)name, 100, 0, 0, 0, 0);
		out("%s(len 100) as uid 1000: %s\n", what[i], r == -1 ? "-EPERM" : res(r));
		r = sc(nr[i], BAD_PTR, 3, 0, 0, 0, 0);
		out("%s(bad pointer) as uid 1000: %s\n", what[i], r == -1 ? "-EPERM" : res(r));
	}
	sc(SYS_uname, (long)&after, 0, 0, 0, 0, 0);
	out("names unchanged: %s\n", yesno(memcmp(&before, &after, sizeof(before)) == 0));
	return 0;
}

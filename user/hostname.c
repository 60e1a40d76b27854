/*
 * hostname: what the differential case uts_hostname cannot do on the oracle (it would
 * rename the host): set the node and domain names and read them back with uname. Run
 * on the kernel only. Prints the names a fresh boot has (Linux's "(none)"), the names
 * after sethostname/setdomainname (a 64-byte name fills the field, its terminator
 * included; a shorter one clears what the longer one left), and restores "(none)" so a
 * later program in the same boot sees what a fresh one would.
 */
#include "ulib.h"

#define SYS_uname		122
#define SYS_sethostname		74
#define SYS_setdomainname	121

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

static void show(const char *when)
{
	struct new_utsname u;
	long r;

	memset(&u, 'x', sizeof(u));
	r = __syscall6(SYS_uname, (long)&u, 0, 0, 0, 0, 0);
	printf("%s: uname %ld, nodename \"%s\", domainname \"%s\"\n", when, r, u.nodename,
	       u.domainname);
}

static long set(int nr, const char *name, long len)
{
	return __syscall6(nr, (long)name, len, 0, 0, 0, 0);
}

int main(void)
{
	static const char long_name[] =
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	show("at start");
	printf("sethostname(\"box\", 3): %ld\n", set(SYS_sethostname, "boxes", 3));
	printf("setdomainname(\"lab\", 3): %ld\n", set(SYS_setdomainname, "lab", 3));
	show("after setting");
	printf("sethostname(64 bytes): %ld\n", set(SYS_sethostname, long_name, 64));
	show("after 64 bytes");
	printf("sethostname(\"ab\", 2): %ld\n", set(SYS_sethostname, "ab", 2));
	show("after a shorter one");
	printf("sethostname(\"\", 0): %ld\n", set(SYS_sethostname, "", 0));
	show("after an empty one");
	printf("sethostname(65 bytes): %ld\n", set(SYS_sethostname, long_name, 65));
	show("after the refused one");
	set(SYS_sethostname, "(none)", 6);
	set(SYS_setdomainname, "(none)", 6);
	show("restored");
	return 0;
}

/*
 * identity: the user and group id calls as Linux answers a root process (what the
 * kernel's programs are, and what the oracle runs as), and then as Linux answers once
 * the process drops root: the real/effective/saved ids of setreuid, setresuid and
 * setuid, privilege coming back through a saved id 0 and not once it is gone, the
 * supplementary groups (sorted, sizes checked), the 16-bit calls next to the 32-bit
 * ones, and the error paths (-EINVAL, -EFAULT, -EPERM).
 *
 * The initial group list is set to empty before being printed: Linux's init has none,
 * a shell on the host may have some.
 */
#include "abi.h"

#define SYS_setuid16		23
#define SYS_getuid16		24
#define SYS_getgid16		47
#define SYS_geteuid16		49
#define SYS_getgroups16		80
#define SYS_setgroups16		81
#define SYS_setfsuid32		215
#define SYS_getresuid16		165
#define SYS_getuid32		199
#define SYS_getgid32		200
#define SYS_geteuid32		201
#define SYS_getegid32		202
#define SYS_setreuid32		203
#define SYS_setregid32		204
#define SYS_getgroups32		205
#define SYS_setgroups32		206
#define SYS_setresuid32		208
#define SYS_getresuid32		209
#define SYS_setresgid32		210
#define SYS_getresgid32		211
#define SYS_setuid32		213
#define SYS_setgid32		214

#define BAD_PTR	((long)0xc0001000)	/* kernel half on either oracle */

static void show_uids(const char *when)
{
	uint32_t r = 7, e = 7, s = 7;
	long rc = sc(SYS_getresuid32, (long)&r, (long)&e, (long)&s, 0, 0, 0);

	out("%s: getresuid %s %u %u %u\n", when, res(rc), r, e, s);
}

static void show_gids(const char *when)
{
	uint32_t r = 7, e = 7, s = 7;
	long rc = sc(SYS_getresgid32, (long)&r, (long)&e, (long)&s, 0, 0, 0);

	out("%s: getresgid %s %u %u %u\n", when, res(rc), r, e, s);
}

static void show_groups(const char *when)
{
	uint32_t g[8] = { 0 };
	long n = sc(SYS_getgroups32, 8, (long)g, 0, 0, 0, 0);
	long i;

	out("%s: getgroups32 %ld:", when, n);
	for (i = 0; i < n && i < 8; i++)
		out(" %u", g[i]);
	out("\n");
}

int main(void)
{
	uint32_t groups[3] = { 100, 5, 70000 };
	uint16_t g16[4] = { 0 }, r16 = 7, e16 = 7, s16 = 7;
	long rc;

	out("getuid32 %ld geteuid32 %ld getgid32 %ld getegid32 %ld\n",
	    sc(SYS_getuid32, 0, 0, 0, 0, 0, 0), sc(SYS_geteuid32, 0, 0, 0, 0, 0, 0),
	    sc(SYS_getgid32, 0, 0, 0, 0, 0, 0), sc(SYS_getegid32, 0, 0, 0, 0, 0, 0));
	out("getuid %ld geteuid %ld getgid %ld (16-bit)\n", sc(SYS_getuid16, 0, 0, 0, 0, 0, 0),
	    sc(SYS_geteuid16, 0, 0, 0, 0, 0, 0), sc(SYS_getgid16, 0, 0, 0, 0, 0, 0));
	show_uids("root");
	show_gids("root");
	out("libc: getuid %u geteuid %u getgid %u\n", (unsigned)getuid(), (unsigned)geteuid(),
	    (unsigned)getgid());

	/* supplementary groups */
	out("setgroups32(0): %s\n", res(sc(SYS_setgroups32, 0, 0, 0, 0, 0, 0)));
	out("getgroups32(0, NULL): %ld\n", sc(SYS_getgroups32, 0, 0, 0, 0, 0, 0));
	out("setgroups32(3): %s\n", res(sc(SYS_setgroups32, 3, (long)groups, 0, 0, 0, 0)));
	show_groups("after setgroups");
	out("getgroups32(0, NULL): %ld\n", sc(SYS_getgroups32, 0, 0, 0, 0, 0, 0));
	out("getgroups32(2): %s\n", res(sc(SYS_getgroups32, 2, (long)groups, 0, 0, 0, 0)));
	out("getgroups32(-1): %s\n", res(sc(SYS_getgroups32, -1, (long)groups, 0, 0, 0, 0)));
	out("getgroups32 to a bad pointer: %s\n", res(sc(SYS_getgroups32, 3, BAD_PTR, 0, 0, 0, 0)));
	rc = sc(SYS_getgroups16, 4, (long)g16, 0, 0, 0, 0);
	out("getgroups16: %ld: %u %u %u (above 65535 shows as 65534)\n", rc, g16[0], g16[1], g16[2]);
	out("setgroups32 from a bad pointer: %s\n", res(sc(SYS_setgroups32, 2, BAD_PTR, 0, 0, 0, 0)));
	show_groups("after the refused setgroups");
	out("setgroups32(-1): %s\n", res(sc(SYS_setgroups32, -1, (long)groups, 0, 0, 0, 0)));
	out("setgroups32(65537): %s\n", res(sc(SYS_setgroups32, 65537, (long)groups, 0, 0, 0, 0)));
	g16[0] = 9;
	g16[1] = 4;
	out("setgroups16(2): %s\n", res(sc(SYS_setgroups16, 2, (long)g16, 0, 0, 0, 0)));
	show_groups("after setgroups16");

	/* group ids as root */
	out("setresgid32(10, 20, 30): %s\n", res(sc(SYS_setresgid32, 10, 20, 30, 0, 0, 0)));
	show_gids("after setresgid");
	out("setregid32(-1, 40): %s\n", res(sc(SYS_setregid32, -1, 40, 0, 0, 0, 0)));
	show_gids("after setregid");
	out("setgid32(-1): %s\n", res(sc(SYS_setgid32, -1, 0, 0, 0, 0, 0)));
	out("setgid32(0): %s\n", res(sc(SYS_setgid32, 0, 0, 0, 0, 0, 0)));
	show_gids("after setgid");

	/* uid changes that keep a saved or effective 0 */
	out("setreuid32(1000, -1): %s\n", res(sc(SYS_setreuid32, 1000, -1, 0, 0, 0, 0)));
	show_uids("after setreuid");
	out("setresuid32(-1, 1000, -1): %s\n", res(sc(SYS_setresuid32, -1, 1000, -1, 0, 0, 0)));
	show_uids("after setresuid");
	out("libc: getuid %u geteuid %u\n", (unsigned)getuid(), (unsigned)geteuid());
	out("setgroups32(0) with euid 1000: %s\n", res(sc(SYS_setgroups32, 0, 0, 0, 0, 0, 0)));
	out("setgid32(5) with euid 1000: %s\n", res(sc(SYS_setgid32, 5, 0, 0, 0, 0, 0)));
	out("setresuid32(7, -1, -1) with euid 1000: %s\n",
	    res(sc(SYS_setresuid32, 7, -1, -1, 0, 0, 0)));
	out("setfsuid32(9) with euid 1000 returns %ld\n", sc(SYS_setfsuid32, 9, 0, 0, 0, 0, 0));
	out("setfsuid32(1000) returns %ld\n", sc(SYS_setfsuid32, 1000, 0, 0, 0, 0, 0));
	out("setfsuid32(-1) returns %ld\n", sc(SYS_setfsuid32, -1, 0, 0, 0, 0, 0));
	out("setuid32(0) back through the saved id: %s\n", res(sc(SYS_setuid32, 0, 0, 0, 0, 0, 0)));
	show_uids("after setuid(0)");
	rc = sc(SYS_getresuid16, (long)&r16, (long)&e16, (long)&s16, 0, 0, 0);
	out("getresuid16: %s %u %u %u\n", res(rc), r16, e16, s16);
	out("getresuid32 to a bad pointer: %s\n",
	    res(sc(SYS_getresuid32, (long)&r16, BAD_PTR, (long)&s16, 0, 0, 0)));
	out("setgroups32(0) with euid 0 again: %s\n", res(sc(SYS_setgroups32, 0, 0, 0, 0, 0, 0)));

	/* dropping root for good */
	out("setuid32(-1): %s\n", res(sc(SYS_setuid32, -1, 0, 0, 0, 0, 0)));
	out("setuid32(2000): %s\n", res(sc(SYS_setuid32, 2000, 0, 0, 0, 0, 0)));
	show_uids("after setuid(2000)");
	out("setuid32(0): %s\n", res(sc(SYS_setuid32, 0, 0, 0, 0, 0, 0)));
	out("setuid16(0): %s\n", res(sc(SYS_setuid16, 0, 0, 0, 0, 0, 0)));
	out("setreuid32(-1, 0): %s\n", res(sc(SYS_setreuid32, -1, 0, 0, 0, 0, 0)));
	out("setresuid32(0, 0, 0): %s\n", res(sc(SYS_setresuid32, 0, 0, 0, 0, 0, 0)));
	out("setuid32(2000) again: %s\n", res(sc(SYS_setuid32, 2000, 0, 0, 0, 0, 0)));
	out("setreuid32(-1, -1): %s\n", res(sc(SYS_setreuid32, -1, -1, 0, 0, 0, 0)));
	out("setgid32(0), gid 0 being the real id: %s\n", res(sc(SYS_setgid32, 0, 0, 0, 0, 0, 0)));
	out("setgid32(5): %s\n", res(sc(SYS_setgid32, 5, 0, 0, 0, 0, 0)));
	out("setresgid32(-1, -1, 8): %s\n", res(sc(SYS_setresgid32, -1, -1, 8, 0, 0, 0)));
	out("setgroups32(0): %s\n", res(sc(SYS_setgroups32, 0, 0, 0, 0, 0, 0)));
	show_uids("at the end");
	show_gids("at the end");
	show_groups("at the end");
	return 0;
}

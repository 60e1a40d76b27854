/*
 * The process's view of itself and of the system: pids, user and group ids, uname and
 * the host name, sysinfo, and the thread calls a static libc makes at
 * start-up (see docs/syscalls.md for each one's number and how it differs from Linux).
 *
 * Relies on: current (sched.h) and its credentials (kernel/cred.c), uaccess, the zone
 * counters (mmzone.h) and the clock (timekeeping.h) for sysinfo.
 */
#include <uapi/errno.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <cred.h>
#include <mm.h>
#include <mmzone.h>
#include <slab.h>
#include <timekeeping.h>
#include <uapi/resource.h>
#include <uapi/sysinfo.h>
#include <uapi/utsname.h>

/* ---- identity ---- */

long sys_getpid(void)
{
	return current->pid;
}

/* One thread per process: its thread id is its pid. */
long sys_gettid(void)
{
	return current->pid;
}

long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

/* No threads, no futexes, no restartable sequences: libcs accept -ENOSYS for these. */
long sys_set_robust_list(void *head, size_t len)
{
	(void)head;
	(void)len;
	return -ENOSYS;
}

long sys_rseq(void *rseq, u32 len, int flags, u32 sig)
{
	(void)rseq;
	(void)len;
	(void)flags;
	(void)sig;
	return -ENOSYS;
}

/* ---- user and group ids (the rules are in kernel/cred.c) ---- */

/*
 * The 16-bit calls (below 199) see ids through Linux's high2lowuid()/low2highuid(): an
 * id above 65535 shows as 65534, and a 16-bit -1 means "unchanged" as the 32-bit -1.
 */
static old_uid_t high2lowuid(uid_t uid)
{
	return (uid & ~0xffffU) ? OVERFLOW_UID : (old_uid_t)uid;
}

static old_gid_t high2lowgid(gid_t gid)
{
	return (gid & ~0xffffU) ? OVERFLOW_GID : (old_gid_t)gid;
}

static uid_t low2highuid(old_uid_t uid)
{
	return uid == (old_uid_t)-1 ? INVALID_UID : uid;
}

static gid_t low2highgid(old_gid_t gid)
{
	return gid == (old_gid_t)-1 ? INVALID_GID : gid;
}

long sys_getuid(void)
{
	return current->cred.uid;
}

long sys_geteuid(void)
{
	return current->cred.euid;
}

long sys_getgid(void)
{
	return current->cred.gid;
}

long sys_getegid(void)
{
	return current->cred.egid;
}

long sys_getuid16(void)
{
	return high2lowuid(current->cred.uid);
}

long sys_geteuid16(void)
{
	return high2lowuid(current->cred.euid);
}

long sys_getgid16(void)
{
	return high2lowgid(current->cred.gid);
}

long sys_getegid16(void)
{
	return high2lowgid(current->cred.egid);
}

long sys_setuid(uid_t uid)
{
	return cred_setuid(&current->cred, uid);
}

long sys_setgid(gid_t gid)
{
	return cred_setgid(&current->cred, gid);
}

long sys_setreuid(uid_t ruid, uid_t euid)
{
	return cred_setreuid(&current->cred, ruid, euid);
}

long sys_setregid(gid_t rgid, gid_t egid)
{
	return cred_setregid(&current->cred, rgid, egid);
}

long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return cred_setresuid(&current->cred, ruid, euid, suid);
}

long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return cred_setresgid(&current->cred, rgid, egid, sgid);
}

long sys_setfsuid(uid_t uid)
{
	return cred_setfsuid(&current->cred, uid);
}

long sys_setfsgid(gid_t gid)
{
	return cred_setfsgid(&current->cred, gid);
}

/* The 16-bit arguments arrive as words; only the low half is the id. */
long sys_setuid16(unsigned long uid)
{
	return sys_setuid(low2highuid(uid));
}

long sys_setgid16(unsigned long gid)
{
	return sys_setgid(low2highgid(gid));
}

long sys_setreuid16(unsigned long ruid, unsigned long euid)
{
	return sys_setreuid(low2highuid(ruid), low2highuid(euid));
}

long sys_setregid16(unsigned long rgid, unsigned long egid)
{
	return sys_setregid(low2highgid(rgid), low2highgid(egid));
}

long sys_setresuid16(unsigned long ruid, unsigned long euid, unsigned long suid)
{
	return sys_setresuid(low2highuid(ruid), low2highuid(euid), low2highuid(suid));
}

long sys_setresgid16(unsigned long rgid, unsigned long egid, unsigned long sgid)
{
	return sys_setresgid(low2highgid(rgid), low2highgid(egid), low2highgid(sgid));
}

long sys_setfsuid16(unsigned long uid)
{
	return high2lowuid(sys_setfsuid(low2highuid(uid)));
}

long sys_setfsgid16(unsigned long gid)
{
	return high2lowgid(sys_setfsgid(low2highgid(gid)));
}

/* Three ids to three user words, stopping at the first that faults (as put_user). */
static long put_ids(const u32 ids[3], void *p0, void *p1, void *p2, size_t size)
{
	void *ptrs[3] = { p0, p1, p2 };
	int i;

	for (i = 0; i < 3; i++) {
		u16 id16 = (u16)ids[i];
		const void *src = size == sizeof(u16) ? (const void *)&id16 : (const void *)&ids[i];

		if (copy_to_user(ptrs[i], src, size))
			return -EFAULT;
	}
	return 0;
}

long sys_getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	const struct cred *c = &current->cred;
	u32 ids[3] = { c->uid, c->euid, c->suid };

	return put_ids(ids, ruid, euid, suid, sizeof(uid_t));
}

long sys_getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	const struct cred *c = &current->cred;
	u32 ids[3] = { c->gid, c->egid, c->sgid };

	return put_ids(ids, rgid, egid, sgid, sizeof(gid_t));
}

long sys_getresuid16(old_uid_t *ruid, old_uid_t *euid, old_uid_t *suid)
{
	const struct cred *c = &current->cred;
	u32 ids[3] = { high2lowuid(c->uid), high2lowuid(c->euid), high2lowuid(c->suid) };

	return put_ids(ids, ruid, euid, suid, sizeof(old_uid_t));
}

long sys_getresgid16(old_gid_t *rgid, old_gid_t *egid, old_gid_t *sgid)
{
	const struct cred *c = &current->cred;
	u32 ids[3] = { high2lowgid(c->gid), high2lowgid(c->egid), high2lowgid(c->sgid) };

	return put_ids(ids, rgid, egid, sgid, sizeof(old_gid_t));
}

/*
 * getgroups: size 0 asks for the count; a smaller buffer than the list is -EINVAL
 * and a negative size too. wide: 32-bit entries (getgroups32), else 16-bit.
 */
static long getgroups_common(int gidsetsize, void *list, bool wide)
{
	const struct group_info *gi = current->cred.group_info;
	unsigned int n = cred_ngroups(&current->cred), i;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return n;
	if (n > (unsigned int)gidsetsize)
		return -EINVAL;
	if (wide)
		return copy_to_user(list, gi ? gi->gid : NULL, n * sizeof(gid_t)) ? -EFAULT : (long)n;
	for (i = 0; i < n; i++) {
		old_gid_t g = high2lowgid(gi->gid[i]);

		if (copy_to_user((old_gid_t *)list + i, &g, sizeof(g)))
			return -EFAULT;
	}
	return n;
}

long sys_getgroups(int gidsetsize, gid_t *grouplist)
{
	return getgroups_common(gidsetsize, grouplist, true);
}

long sys_getgroups16(int gidsetsize, old_gid_t *grouplist)
{
	return getgroups_common(gidsetsize, grouplist, false);
}

/* Linux's order: privilege first, then the size, then memory, then the copy. */
static long setgroups_common(int gidsetsize, const void *list, bool wide)
{
	struct group_info *gi;
	unsigned int i;

	if (!cred_capable(&current->cred))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	if (wide) {
		if (copy_from_user(gi->gid, list, gi->ngroups * sizeof(gid_t)))
			goto fault;
	} else {
		for (i = 0; i < gi->ngroups; i++) {
			old_gid_t g16;

			if (copy_from_user(&g16, (const old_gid_t *)list + i, sizeof(g16)))
				goto fault;
			gi->gid[i] = low2highgid(g16);
		}
	}
	groups_sort(gi);
	cred_set_groups(&current->cred, gi);
	return 0;
fault:
	groups_free(gi);
	return -EFAULT;
}

long sys_setgroups(int gidsetsize, const gid_t *grouplist)
{
	return setgroups_common(gidsetsize, grouplist, true);
}

long sys_setgroups16(int gidsetsize, const old_gid_t *grouplist)
{
	return setgroups_common(gidsetsize, grouplist, false);
}

/* ---- uname and the host name ---- */

/*
 * Linux's init_uts_ns: one for the whole system, so a host name set by one program is
 * what the next one sees. The node and domain names start as Linux's "(none)".
 */
static struct new_utsname init_uts_name = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = "6.1.0",		/* glibc refuses to start below 3.2.0 */
	.version = "#1",
	.machine = "i686",
	.domainname = "(none)",
};

long sys_uname(struct new_utsname *name)
{
	return copy_to_user(name, &init_uts_name, sizeof(init_uts_name)) ? -EFAULT : 0;
}

/* sethostname/setdomainname: root only, at most 64 bytes, the rest of the field zeroed. */
static long set_uts_field(char field[__NEW_UTS_LEN + 1], const char *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (!cred_capable(&current->cred))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	return 0;
}

long sys_sethostname(const char *name, int len)
{
	return set_uts_field(init_uts_name.nodename, name, len);
}

long sys_setdomainname(const char *name, int len)
{
	return set_uts_field(init_uts_name.domainname, name, len);
}

/* ---- sysinfo ---- */

/*
 * Linux's do_sysinfo() from this kernel's counters: uptime in whole seconds rounded up,
 * RAM from the zones (the buddy allocator's pages, high memory separately), one task
 * per process. No scheduler yet, so the load averages are 0; no swap, shared memory or
 * block devices, so those are 0 too. The sizes are in bytes (mem_unit 1) when
 * RAM + swap in bytes fits 32 bits, else in pages (mem_unit PAGE_SIZE), as Linux
 * keeps the 2.2-era unit whenever it can.
 */
void do_sysinfo(struct sysinfo *info)
{
	const struct zone *high = &contig_page_data.node_zones[ZONE_HIGHMEM];
	u64 ns = ktime_get_ns();
	unsigned long mem_total, unit;
	int bits = 0;

	memset(info, 0, sizeof(*info));
	info->uptime = (long)(ns / 1000000000ULL) + (ns % 1000000000ULL ? 1 : 0);
	info->procs = nr_threads;
	info->totalram = totalram_pages();
	info->freeram = nr_free_pages();
	info->totalhigh = high->managed_pages;
	info->freehigh = zone_free_pages(high);
	info->mem_unit = PAGE_SIZE;

	mem_total = info->totalram + info->totalswap;
	if (mem_total < info->totalram)
		return;
	for (unit = info->mem_unit; unit > 1; unit >>= 1) {
		unsigned long saved = mem_total;

		mem_total <<= 1;
		if (mem_total < saved)
			return;
		bits++;
	}
	info->mem_unit = 1;
	info->totalram <<= bits;
	info->freeram <<= bits;
	info->sharedram <<= bits;
	info->bufferram <<= bits;
	info->totalswap <<= bits;
	info->freeswap <<= bits;
	info->totalhigh <<= bits;
	info->freehigh <<= bits;
}

long sys_sysinfo(struct sysinfo *info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

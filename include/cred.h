/*
 * Credentials: who a task is, for the identity system calls (kernel/cred.c holds the
 * rules, kernel/sys.c the system calls).
 *
 * Linux keeps them in a shared, reference-counted struct cred; with one task at a time
 * and no fork, this kernel embeds the ids in the task_struct and changes them in place.
 * The rules are Linux's: the real, effective, saved and file-system ids, the
 * supplementary groups, and root's privilege as Linux derives it from the ids when no
 * capability is set by hand (cap_emulate_setxuid()): CAP_SETUID, CAP_SETGID and
 * CAP_SYS_ADMIN follow the same two bits here (cap_permitted, cap_effective), as every
 * capability of root does on Linux without prctl(PR_SET_KEEPCAPS) or file capabilities.
 *
 * Relies on: kmalloc (the group list), nothing else.
 */
#ifndef _CRED_H
#define _CRED_H

#include "types.h"

typedef u32 uid_t;
typedef u32 gid_t;
typedef u16 old_uid_t;		/* the 16-bit calls' ids (getuid, setuid, ... below 199) */
typedef u16 old_gid_t;

#define INVALID_UID	((uid_t)-1)	/* "leave unchanged" in setreuid and friends */
#define INVALID_GID	((gid_t)-1)
#define NGROUPS_MAX	65536		/* Linux's limit on setgroups() */
#define OVERFLOW_UID	65534		/* what the 16-bit calls show for an id above 65535 */
#define OVERFLOW_GID	65534

/* The supplementary groups, sorted ascending (Linux's groups_sort()). */
struct group_info {
	unsigned int ngroups;
	gid_t gid[];
};

struct cred {
	uid_t uid, euid, suid, fsuid;	/* real, effective, saved, file system */
	gid_t gid, egid, sgid, fsgid;
	bool cap_permitted;		/* root's capabilities may be (re)gained */
	bool cap_effective;		/* root's capabilities are in force now */
	struct group_info *group_info;	/* NULL: no supplementary groups (init's) */
};

/* What Linux's init has: every id 0, all capabilities, no supplementary groups. */
void cred_init_root(struct cred *cred);
/* fork: new = a copy of old, with a group list of its own; -ENOMEM (new owns nothing). */
int copy_creds(struct cred *new, const struct cred *old);
/* Frees what the credentials own (the group list); at task exit. */
void exit_creds(struct cred *cred);

/* ns_capable(CAP_SETUID / CAP_SETGID / CAP_SYS_ADMIN) for this task. */
static inline bool cred_capable(const struct cred *cred)
{
	return cred->cap_effective;
}

/* The rules of Linux's sys_setuid() and friends: 0 or -EPERM/-EINVAL, cred unchanged. */
long cred_setuid(struct cred *cred, uid_t uid);
long cred_setreuid(struct cred *cred, uid_t ruid, uid_t euid);
long cred_setresuid(struct cred *cred, uid_t ruid, uid_t euid, uid_t suid);
long cred_setgid(struct cred *cred, gid_t gid);
long cred_setregid(struct cred *cred, gid_t rgid, gid_t egid);
long cred_setresgid(struct cred *cred, gid_t rgid, gid_t egid, gid_t sgid);
/* setfsuid/setfsgid: return the old fsuid/fsgid whether or not the change was allowed. */
uid_t cred_setfsuid(struct cred *cred, uid_t uid);
gid_t cred_setfsgid(struct cred *cred, gid_t gid);

/* A group list of n entries (NULL if n > NGROUPS_MAX or out of memory). */
struct group_info *groups_alloc(unsigned int n);
void groups_free(struct group_info *gi);
void groups_sort(struct group_info *gi);
/* Install gi (sorted, or NULL for none); the cred owns it afterwards, the old list is freed. */
void cred_set_groups(struct cred *cred, struct group_info *gi);
static inline unsigned int cred_ngroups(const struct cred *cred)
{
	return cred->group_info ? cred->group_info->ngroups : 0;
}

#endif /* _CRED_H */

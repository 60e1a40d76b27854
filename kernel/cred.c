/*
 * Credentials: Linux's rules for changing a task's user and group ids (kernel/sys.c in
 * Linux), applied to a struct cred (include/cred.h). The system calls in kernel/sys.c
 * pass &current->cred; the self-tests (tests/kernel/test_cred.c) pass their own.
 *
 * Every change is computed on a copy and committed only when allowed, so a refused call
 * leaves the ids as they were. The privilege bits follow the uid changes as Linux's
 * cap_emulate_setxuid() makes root's capabilities follow them:
 *   - once none of uid, euid, suid is 0 (having been so), they are gone for good;
 *   - euid 0 -> non-zero clears the effective set, non-zero -> 0 restores it from the
 *     permitted one.
 * Group changes never touch them. File-system capabilities (what fsuid alone changes)
 * matter only to a file system, which this kernel does not have.
 *
 * Relies on: kmalloc/kfree (the group list).
 */
#include <cred.h>
#include <slab.h>
#include <string.h>
#include <uapi/errno.h>

void cred_init_root(struct cred *cred)
{
	cred->uid = cred->euid = cred->suid = cred->fsuid = 0;
	cred->gid = cred->egid = cred->sgid = cred->fsgid = 0;
	cred->cap_permitted = cred->cap_effective = true;
	cred->group_info = NULL;
}

int copy_creds(struct cred *new, const struct cred *old)
{
	const struct group_info *gi = old->group_info;

	*new = *old;
	new->group_info = NULL;
	if (!gi)
		return 0;
	/* A copy, not a shared reference: the list is small and nothing counts users. */
	new->group_info = groups_alloc(gi->ngroups);
	if (!new->group_info)
		return -ENOMEM;
	memcpy(new->group_info->gid, gi->gid, gi->ngroups * sizeof(gid_t));
	return 0;
}

void exit_creds(struct cred *cred)
{
	groups_free(cred->group_info);
	cred->group_info = NULL;
}

/* cap_emulate_setxuid(): what the uid change from old to new does to the privileges. */
static void emulate_setxuid(struct cred *new, const struct cred *old)
{
	if ((old->uid == 0 || old->euid == 0 || old->suid == 0) &&
	    new->uid != 0 && new->euid != 0 && new->suid != 0)
		new->cap_permitted = new->cap_effective = false;
	if (old->euid == 0 && new->euid != 0)
		new->cap_effective = false;
	if (old->euid != 0 && new->euid == 0)
		new->cap_effective = new->cap_permitted;
}

static long commit_uids(struct cred *cred, struct cred *new)
{
	emulate_setxuid(new, cred);
	*cred = *new;
	return 0;
}

long cred_setuid(struct cred *cred, uid_t uid)
{
	struct cred new = *cred;

	if (uid == INVALID_UID)
		return -EINVAL;
	if (cred_capable(cred))
		new.uid = new.suid = uid;
	else if (uid != cred->uid && uid != cred->suid)
		return -EPERM;
	new.euid = new.fsuid = uid;
	return commit_uids(cred, &new);
}

long cred_setreuid(struct cred *cred, uid_t ruid, uid_t euid)
{
	struct cred new = *cred;

	if (ruid != INVALID_UID) {
		if (ruid != cred->uid && ruid != cred->euid && !cred_capable(cred))
			return -EPERM;
		new.uid = ruid;
	}
	if (euid != INVALID_UID) {
		if (euid != cred->uid && euid != cred->euid && euid != cred->suid &&
		    !cred_capable(cred))
			return -EPERM;
		new.euid = euid;
	}
	/* The saved id follows the effective one when the real one is set, or the
	 * effective one is set to something other than the old real id. */
	if (ruid != INVALID_UID || (euid != INVALID_UID && euid != cred->uid))
		new.suid = new.euid;
	new.fsuid = new.euid;
	return commit_uids(cred, &new);
}

/* An unprivileged task may set any of its three ids to any of its current three. */
static bool uid_is_own(const struct cred *cred, uid_t id)
{
	return id == INVALID_UID || id == cred->uid || id == cred->euid || id == cred->suid;
}

long cred_setresuid(struct cred *cred, uid_t ruid, uid_t euid, uid_t suid)
{
	struct cred new = *cred;

	if (!cred_capable(cred) &&
	    (!uid_is_own(cred, ruid) || !uid_is_own(cred, euid) || !uid_is_own(cred, suid)))
		return -EPERM;
	if (ruid != INVALID_UID)
		new.uid = ruid;
	if (euid != INVALID_UID)
		new.euid = euid;
	if (suid != INVALID_UID)
		new.suid = suid;
	new.fsuid = new.euid;
	return commit_uids(cred, &new);
}

long cred_setgid(struct cred *cred, gid_t gid)
{
	if (gid == INVALID_GID)
		return -EINVAL;
	if (cred_capable(cred))
		cred->gid = cred->sgid = gid;
	else if (gid != cred->gid && gid != cred->sgid)
		return -EPERM;
	cred->egid = cred->fsgid = gid;
	return 0;
}

long cred_setregid(struct cred *cred, gid_t rgid, gid_t egid)
{
	struct cred new = *cred;

	if (rgid != INVALID_GID) {
		if (rgid != cred->gid && rgid != cred->egid && !cred_capable(cred))
			return -EPERM;
		new.gid = rgid;
	}
	if (egid != INVALID_GID) {
		if (egid != cred->gid && egid != cred->egid && egid != cred->sgid &&
		    !cred_capable(cred))
			return -EPERM;
		new.egid = egid;
	}
	if (rgid != INVALID_GID || (egid != INVALID_GID && egid != cred->gid))
		new.sgid = new.egid;
	new.fsgid = new.egid;
	*cred = new;
	return 0;
}

static bool gid_is_own(const struct cred *cred, gid_t id)
{
	return id == INVALID_GID || id == cred->gid || id == cred->egid || id == cred->sgid;
}

long cred_setresgid(struct cred *cred, gid_t rgid, gid_t egid, gid_t sgid)
{
	if (!cred_capable(cred) &&
	    (!gid_is_own(cred, rgid) || !gid_is_own(cred, egid) || !gid_is_own(cred, sgid)))
		return -EPERM;
	if (rgid != INVALID_GID)
		cred->gid = rgid;
	if (egid != INVALID_GID)
		cred->egid = egid;
	if (sgid != INVALID_GID)
		cred->sgid = sgid;
	cred->fsgid = cred->egid;
	return 0;
}

uid_t cred_setfsuid(struct cred *cred, uid_t uid)
{
	uid_t old = cred->fsuid;

	if (uid == INVALID_UID)
		return old;
	if (uid == cred->uid || uid == cred->euid || uid == cred->suid || uid == cred->fsuid ||
	    cred_capable(cred))
		cred->fsuid = uid;
	return old;
}

gid_t cred_setfsgid(struct cred *cred, gid_t gid)
{
	gid_t old = cred->fsgid;

	if (gid == INVALID_GID)
		return old;
	if (gid == cred->gid || gid == cred->egid || gid == cred->sgid || gid == cred->fsgid ||
	    cred_capable(cred))
		cred->fsgid = gid;
	return old;
}

/* ---- supplementary groups ---- */

struct group_info *groups_alloc(unsigned int n)
{
	struct group_info *gi;

	if (n > NGROUPS_MAX)
		return NULL;
	gi = kmalloc(sizeof(*gi) + n * sizeof(gid_t), GFP_KERNEL);
	if (gi)
		gi->ngroups = n;
	return gi;
}

void groups_free(struct group_info *gi)
{
	kfree(gi);
}

static void sift_down(gid_t *a, unsigned int root, unsigned int n)
{
	for (;;) {
		unsigned int child = 2 * root + 1;
		gid_t t;

		if (child >= n)
			return;
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[root] >= a[child])
			return;
		t = a[root];
		a[root] = a[child];
		a[child] = t;
		root = child;
	}
}

/* Heap sort: in place and O(n log n) for NGROUPS_MAX entries, as Linux's sort(). */
void groups_sort(struct group_info *gi)
{
	unsigned int n = gi->ngroups, i;

	for (i = n / 2; i-- > 0; )
		sift_down(gi->gid, i, n);
	while (n > 1) {
		gid_t t = gi->gid[0];

		gi->gid[0] = gi->gid[--n];
		gi->gid[n] = t;
		sift_down(gi->gid, 0, n);
	}
}

void cred_set_groups(struct cred *cred, struct group_info *gi)
{
	groups_free(cred->group_info);
	cred->group_info = gi;
}

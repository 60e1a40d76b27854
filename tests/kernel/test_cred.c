/*
 * Self-tests of the credential rules (kernel/cred.c): Linux's answers for root and for
 * a process that gave root up, on struct creds of the tests' own (no process needed).
 * The system calls on top are checked end to end by the differential case
 * tests/linux-abi/identity.c.
 */
#include <ktest.h>
#include <cred.h>
#include <slab.h>
#include <uapi/errno.h>

#define NONE	INVALID_UID

static void expect_uids(struct cred *c, uid_t r, uid_t e, uid_t s, uid_t fs)
{
	KTEST_EXPECT_EQ(c->uid, r);
	KTEST_EXPECT_EQ(c->euid, e);
	KTEST_EXPECT_EQ(c->suid, s);
	KTEST_EXPECT_EQ(c->fsuid, fs);
}

KTEST(cred, a_new_task_is_root_without_groups)
{
	struct cred c;

	cred_init_root(&c);
	expect_uids(&c, 0, 0, 0, 0);
	KTEST_EXPECT_EQ(c.gid | c.egid | c.sgid | c.fsgid, 0);
	KTEST_EXPECT_TRUE(cred_capable(&c));
	KTEST_EXPECT_EQ(cred_ngroups(&c), 0);
}

KTEST(cred, root_setuid_sets_all_four_ids_and_drops_root_for_good)
{
	struct cred c;

	cred_init_root(&c);
	KTEST_EXPECT_EQ(cred_setuid(&c, INVALID_UID), -EINVAL);
	expect_uids(&c, 0, 0, 0, 0);
	KTEST_EXPECT_EQ(cred_setuid(&c, 1000), 0);
	expect_uids(&c, 1000, 1000, 1000, 1000);
	KTEST_EXPECT_FALSE(cred_capable(&c));
	KTEST_EXPECT_FALSE(c.cap_permitted);
	KTEST_EXPECT_EQ(cred_setuid(&c, 0), -EPERM);
	KTEST_EXPECT_EQ(cred_setreuid(&c, NONE, 0), -EPERM);
	KTEST_EXPECT_EQ(cred_setresuid(&c, 0, NONE, NONE), -EPERM);
	expect_uids(&c, 1000, 1000, 1000, 1000);
	KTEST_EXPECT_EQ(cred_setuid(&c, 1000), 0);	/* to its own id: allowed */
}

KTEST(cred, a_saved_root_id_brings_privilege_back)
{
	struct cred c;

	cred_init_root(&c);
	KTEST_EXPECT_EQ(cred_setreuid(&c, 1000, NONE), 0);
	expect_uids(&c, 1000, 0, 0, 0);		/* ruid set: suid follows the euid (0) */
	KTEST_EXPECT_TRUE(cred_capable(&c));
	KTEST_EXPECT_EQ(cred_setresuid(&c, NONE, 1000, NONE), 0);
	expect_uids(&c, 1000, 1000, 0, 1000);
	KTEST_EXPECT_FALSE(cred_capable(&c));
	KTEST_EXPECT_TRUE(c.cap_permitted);
	KTEST_EXPECT_EQ(cred_setresuid(&c, 7, NONE, NONE), -EPERM);
	KTEST_EXPECT_EQ(cred_setgid(&c, 5), -EPERM);
	/* Unprivileged setuid to the saved id changes only euid and fsuid. */
	KTEST_EXPECT_EQ(cred_setuid(&c, 0), 0);
	expect_uids(&c, 1000, 0, 0, 0);
	KTEST_EXPECT_TRUE(cred_capable(&c));
}

KTEST(cred, setreuid_moves_the_saved_id_as_linux)
{
	struct cred c;

	cred_init_root(&c);
	KTEST_EXPECT_EQ(cred_setresuid(&c, 10, 20, 30), 0);
	expect_uids(&c, 10, 20, 30, 20);
	KTEST_EXPECT_FALSE(cred_capable(&c));
	KTEST_EXPECT_FALSE(c.cap_permitted);
	/* euid to the old real id: the saved id stays */
	KTEST_EXPECT_EQ(cred_setreuid(&c, NONE, 10), 0);
	expect_uids(&c, 10, 10, 30, 10);
	/* euid to the saved id (not the real one): the saved id becomes the new euid */
	KTEST_EXPECT_EQ(cred_setreuid(&c, NONE, 30), 0);
	expect_uids(&c, 10, 30, 30, 30);
	/* swap real and effective: allowed, saved follows */
	KTEST_EXPECT_EQ(cred_setreuid(&c, 30, 10), 0);
	expect_uids(&c, 30, 10, 10, 10);
	KTEST_EXPECT_EQ(cred_setreuid(&c, 99, NONE), -EPERM);
	KTEST_EXPECT_EQ(cred_setreuid(&c, NONE, 99), -EPERM);
	expect_uids(&c, 30, 10, 10, 10);
}

KTEST(cred, group_ids_follow_linux_and_never_touch_privilege)
{
	struct cred c;

	cred_init_root(&c);
	KTEST_EXPECT_EQ(cred_setresgid(&c, 10, 20, 30), 0);
	KTEST_EXPECT_EQ(c.gid, 10);
	KTEST_EXPECT_EQ(c.egid, 20);
	KTEST_EXPECT_EQ(c.sgid, 30);
	KTEST_EXPECT_EQ(c.fsgid, 20);
	KTEST_EXPECT_TRUE(cred_capable(&c));
	KTEST_EXPECT_EQ(cred_setregid(&c, INVALID_GID, 40), 0);
	KTEST_EXPECT_EQ(c.sgid, 40);		/* egid set to other than the real gid */
	KTEST_EXPECT_EQ(cred_setgid(&c, INVALID_GID), -EINVAL);
	KTEST_EXPECT_EQ(cred_setgid(&c, 0), 0);
	KTEST_EXPECT_EQ(c.gid | c.egid | c.sgid | c.fsgid, 0);

	KTEST_EXPECT_EQ(cred_setresgid(&c, 10, 20, 30), 0);
	KTEST_EXPECT_EQ(cred_setuid(&c, 1000), 0);	/* no longer root */
	KTEST_EXPECT_EQ(cred_setgid(&c, 30), 0);	/* to the saved gid: egid, fsgid */
	KTEST_EXPECT_EQ(c.gid, 10);
	KTEST_EXPECT_EQ(c.egid, 30);
	KTEST_EXPECT_EQ(c.sgid, 30);
	KTEST_EXPECT_EQ(cred_setgid(&c, 20), -EPERM);	/* the old egid is neither */
	KTEST_EXPECT_EQ(cred_setresgid(&c, 30, 10, INVALID_GID), 0);
	KTEST_EXPECT_EQ(cred_setresgid(&c, 99, INVALID_GID, INVALID_GID), -EPERM);
	KTEST_EXPECT_EQ(cred_setregid(&c, 99, INVALID_GID), -EPERM);
	KTEST_EXPECT_EQ(c.gid, 30);
	KTEST_EXPECT_EQ(c.egid, 10);
}

KTEST(cred, setfsuid_returns_the_old_id_and_checks_the_new)
{
	struct cred c;

	cred_init_root(&c);
	KTEST_EXPECT_EQ(cred_setfsuid(&c, 5), 0);
	KTEST_EXPECT_EQ(c.fsuid, 5);
	KTEST_EXPECT_EQ(cred_setfsuid(&c, INVALID_UID), 5);
	KTEST_EXPECT_EQ(cred_setuid(&c, 1000), 0);
	KTEST_EXPECT_EQ(cred_setfsuid(&c, 9), 1000);
	KTEST_EXPECT_EQ(c.fsuid, 1000);
	KTEST_EXPECT_EQ(cred_setfsgid(&c, 9), 0);	/* gids: still root's 0, not allowed 9 */
	KTEST_EXPECT_EQ(c.fsgid, 0);
}

KTEST(cred, groups_are_sorted_and_freed)
{
	static const gid_t in[] = { 70000, 5, 100, 5, 0, 4294967294u, 3 };
	static const gid_t want[] = { 0, 3, 5, 5, 100, 70000, 4294967294u };
	unsigned long objs = nr_slab_objects();
	struct group_info *gi = groups_alloc(ARRAY_SIZE(in));
	struct cred c;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(gi);
	KTEST_EXPECT_NULL(groups_alloc(NGROUPS_MAX + 1));
	for (i = 0; i < ARRAY_SIZE(in); i++)
		gi->gid[i] = in[i];
	groups_sort(gi);
	for (i = 0; i < ARRAY_SIZE(want); i++)
		KTEST_EXPECT_EQ(gi->gid[i], want[i]);
	cred_init_root(&c);
	cred_set_groups(&c, gi);
	KTEST_EXPECT_EQ(cred_ngroups(&c), ARRAY_SIZE(in));
	cred_set_groups(&c, groups_alloc(0));		/* replaces and frees the old list */
	KTEST_EXPECT_EQ(cred_ngroups(&c), 0);
	exit_creds(&c);
	KTEST_EXPECT_NULL(c.group_info);
	KTEST_EXPECT_EQ(nr_slab_objects(), objs);
}

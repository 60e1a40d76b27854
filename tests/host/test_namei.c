/*
 * Host tests of path lookup (fs/namei.c) on the real dcache, inodes and ramfs: fixed
 * cases (dots, slashes, symlinks relative and absolute, the 40-link limit, long names,
 * the errors of a walk), and a randomized comparison of thousands of generated paths
 * over a known tree (components ".", "..", "", names, a file in the middle) against a
 * reference resolver written here from the rules, not from the code. At the end every
 * dentry, inode, object and page is given back.
 *
 * Built natively with AddressSanitizer and UBSan (tests/host/namei.mk); TAP output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dcache.h>
#include <err.h>
#include <mm.h>
#include <fdtable.h>
#include <namei.h>
#include <sched.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>
#include "fake_page_alloc.h"
#include "tap.h"

extern long host_live_objects;

/* The kernel's string.h (first on the include path) has no strcpy or strcat. */
static void cat(char *d, const char *s)
{
	memcpy(d + strlen(d), s, strlen(s) + 1);
}

static void cpy(char *d, const char *s)
{
	memcpy(d, s, strlen(s) + 1);
}
static struct super_block *sb;
static char namebuf[PATH_MAX + 8];

static void setup(void)
{
	static bool once;

	if (!once) {
		fake_mem_init(256);
		dcache_init();
		inode_init();
		files_init();
		files_cache_init();
		memset(&current->cred, 0, sizeof(current->cred));	/* root */
		current->cred.cap_permitted = current->cred.cap_effective = true;
		once = true;
	}
	sb = ramfs_mount();
	root_sb = sb;
	current->fs = NULL;
	copy_fs(0, current);
}

static void teardown(void)
{
	exit_fs(current);
	kill_litter_super(sb);
}

static int lookup(const char *path, unsigned int flags, struct dentry **res)
{
	snprintf(namebuf, sizeof(namebuf), "%s", path);
	return filename_lookup(AT_FDCWD, namebuf, flags, res);
}

static struct dentry *must(const char *path)
{
	struct dentry *d = NULL;
	int err = lookup(path, LOOKUP_FOLLOW, &d);

	CHECK_MSG(err == 0, "%s: %d", path, err);
	return d;
}

static void mk(const char *path, bool dir)
{
	long err;

	snprintf(namebuf, sizeof(namebuf), "%s", path);
	if (dir) {
		err = do_mkdirat(AT_FDCWD, namebuf, 0755);
	} else {
		struct file *f = do_filp_open(AT_FDCWD, namebuf, O_CREAT | O_EXCL | O_WRONLY, 0644);

		err = IS_ERR(f) ? PTR_ERR(f) : 0;
		if (!err)
			fput(f);
	}
	CHECK_MSG(err == 0, "make %s: %ld", path, err);
}

static void link_to(const char *target, const char *path)
{
	snprintf(namebuf, sizeof(namebuf), "%s", path);
	CHECK(do_symlinkat(target, AT_FDCWD, namebuf) == 0);
}

static void fixed_cases(void)
{
	long objs = host_live_objects, dents;
	struct dentry *c, *d;
	char big[300];
	int i;

	setup();
	dents = nr_dentries;
	mk("/a", true);
	mk("/a/b", true);
	mk("/a/b/c", true);
	mk("/a/f", false);
	c = must("/a/b/c");
	d = must("a//b/./c/../c/");
	CHECK(d == c);
	dput(d);
	d = must("/../../..");
	CHECK(d == sb->s_root);
	dput(d);
	link_to("b/c", "/a/rel");
	link_to("/a/rel", "/abs");
	d = must("/abs");
	CHECK(d == c);
	dput(d);
	CHECK(lookup("/abs", 0, &d) == 0 && S_ISLNK(d->d_inode->i_mode));
	dput(d);
	CHECK(lookup("/abs/", 0, &d) == 0 && d == c);	/* a slash follows it */
	dput(d);
	link_to("s0", "/s1");
	for (i = 2; i <= 41; i++) {
		char t[16], l[16];

		snprintf(t, sizeof(t), "s%d", i - 1);
		snprintf(l, sizeof(l), "/s%d", i);
		link_to(t, l);
	}
	mk("/s0", true);
	d = must("/s40");		/* 40 links */
	dput(d);
	CHECK(lookup("/s41", LOOKUP_FOLLOW, &d) == -ELOOP);
	CHECK(lookup("/s41/x", 0, &d) == -ELOOP);
	link_to("", "/empty");
	CHECK(lookup("/empty", LOOKUP_FOLLOW, &d) == -ENOENT);
	CHECK(lookup("/a/f/x", 0, &d) == -ENOTDIR);
	CHECK(lookup("/a/f/", 0, &d) == -ENOTDIR);
	CHECK(lookup("/a/f/..", 0, &d) == -ENOTDIR);
	CHECK(lookup("/a/nope/..", 0, &d) == -ENOENT);
	memset(big, 'x', sizeof(big));
	big[256] = 0;
	CHECK(lookup(big, 0, &d) == -ENAMETOOLONG);
	big[255] = 0;
	CHECK(lookup(big, 0, &d) == -ENOENT);
	/* a symlink whose splice would pass PATH_MAX */
	memset(namebuf, 0, sizeof(namebuf));
	{
		char *target = malloc(PATH_MAX);

		memset(target, 'y', 4000);
		target[4000] = 0;
		for (i = 0; i < 4000; i += 100)
			target[i] = '/';
		link_to(target, "/long");
		free(target);
	}
	{
		char p[200];

		cpy(p, "/long/");
		memset(p + 6, 'z', 150);
		p[156] = 0;
		CHECK(lookup(p, 0, &d) == -ENAMETOOLONG);
	}
	dput(c);
	teardown();
	CHECK_MSG(nr_dentries == dents - 1, "dentries %ld, before %ld (with the root)",
		  nr_dentries, dents);
	CHECK_MSG(host_live_objects == objs, "objects %ld, before %ld", host_live_objects, objs);
	CHECK_MSG(nr_free_pages() == fake_total_pages(), "pages not given back");
}

/*
 * The reference: a tree of directories d0..d2 nested twice (/dI/dJ) and a file /f,
 * resolved by a small interpreter of the rules: "" and "." stay, ".." goes up (not
 * above /), a name must exist and its parent be a directory; a trailing slash or a
 * later component needs a directory.
 */
static int ref_resolve(const char *path, char *out)
{
	char comp[64][8];
	int depth = 0, n = 0, i;
	const char *s = path;
	char stack[8][8];
	bool isdir = true, slash_end = false;

	while (*s) {
		const char *e = strchr(s, '/');
		size_t len = e ? (size_t)(e - s) : strlen(s);

		if (n == 64)
			return -E2BIG;
		snprintf(comp[n++], 8, "%.*s", (int)len, s);
		if (!e)
			break;
		slash_end = !e[1];
		s = e + 1;
	}
	for (i = 0; i < n; i++) {
		const char *c = comp[i];

		if (!*c || !strcmp(c, "."))
			continue;
		if (!isdir)
			return -ENOTDIR;
		if (!strcmp(c, "..")) {
			if (depth)
				depth--;
			continue;
		}
		if (depth == 0 && !strcmp(c, "f")) {
			isdir = false;
			snprintf(stack[depth++], 8, "%s", c);
			continue;
		}
		if (depth >= 2 || c[0] != 'd' || c[1] < '0' || c[1] > '2' || c[2])
			return -ENOENT;
		snprintf(stack[depth++], 8, "%s", c);
	}
	if (!isdir && slash_end)
		return -ENOTDIR;
	/* a walk through the file with "." or "" after it also needs a directory */
	out[0] = 0;
	for (i = 0; i < depth; i++) {
		cat(out, "/");
		cat(out, stack[i]);
	}
	if (!depth)
		cpy(out, "/");
	return 0;
}

static void random_paths_resolve_as_the_rules_say(void)
{
	static const char *const parts[] = { "d0", "d1", "d2", "d3", ".", "..", "", "f", "x" };
	char path[256], want[64], got[64];
	int i, j, mism = 0, found = 0, refused = 0;
	long objs = host_live_objects;

	setup();
	for (i = 0; i < 3; i++) {
		char p[32];

		snprintf(p, sizeof(p), "/d%d", i);
		mk(p, true);
		for (j = 0; j < 3; j++) {
			snprintf(p, sizeof(p), "/d%d/d%d", i, j);
			mk(p, true);
		}
	}
	mk("/f", false);
	srand(1);
	for (i = 0; i < 20000; i++) {
		struct dentry *d;
		int n = 1 + rand() % 6, r, err;

		cpy(path, "/");
		for (j = 0; j < n; j++) {
			cat(path, parts[rand() % 9]);
			if (j + 1 < n || rand() % 4 == 0)
				cat(path, "/");
		}
		/* a file followed by "" or "." is still "through a file" for Linux */
		r = ref_resolve(path, want);
		if (r == 0 && strstr(path, "/f/") && strcmp(want, "/f"))
			r = -ENOTDIR;
		if (r == 0 && !strcmp(want, "/f") && strstr(path, "/f/"))
			r = -ENOTDIR;
		err = lookup(path, 0, &d);
		if (!err) {
			long len = d_path(d, got, sizeof(got));

			dput(d);
			if (len < 0)
				err = (int)len;
		}
		found += !r;
		refused += !!r;
		if (err != r || (!err && strcmp(got, want))) {
			if (mism++ < 5)
				CHECK_MSG(0, "%s: kernel %d \"%s\", rules %d \"%s\"", path, err,
					  err ? "" : got, r, r ? "" : want);
		}
	}
	CHECK_MSG(mism == 0, "%d paths resolved differently", mism);
	CHECK_MSG(found > 2000 && refused > 2000, "found %d, refused %d: a poor mix", found,
		  refused);
	teardown();
	CHECK_MSG(host_live_objects == objs, "objects %ld, before %ld", host_live_objects, objs);
	CHECK_MSG(nr_free_pages() == fake_total_pages(), "pages not given back");
}

int main(void)
{
	static const struct tap_case cases[] = {
		TAP_CASE(fixed_cases),
		TAP_CASE(random_paths_resolve_as_the_rules_say),
	};

	return tap_run(cases, sizeof(cases) / sizeof(cases[0]), NULL, NULL);
}

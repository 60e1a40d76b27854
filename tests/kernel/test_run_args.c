/*
 * Self-tests of the run-elf argument block (kernel/run_args.c): a good block gives argv
 * and envp byte for byte; every malformed one is refused with a message saying what is
 * wrong, and nothing is allocated for it; the command-line form gets init's environment.
 */
#include <ktest.h>
#include <binfmts.h>
#include <run_args.h>
#include <slab.h>
#include <string.h>
#include <uapi/errno.h>

/* A block from a header and strings given with their NULs ("a\0b\0"), of len bytes. */
static size_t make_block(char *buf, const char *header, const char *strings, size_t len)
{
	size_t h = strlen(header);

	memcpy(buf, header, h);
	memcpy(buf + h, strings, len);
	return h + len;
}

KTEST(run_args, a_block_gives_argv_and_envp_byte_for_byte)
{
	static char buf[128];
	static const char strings[] = "prog\0a b,c\0\0quo'te\"\0HOME=/\0TERM=linux";
	size_t n = make_block(buf, "run-elf args v1 4 2\n", strings, sizeof(strings));
	struct run_args ra;

	KTEST_ASSERT_EQ(run_args_from_block(&ra, buf, n), 0);
	KTEST_EXPECT_EQ(ra.argc, 4);
	KTEST_EXPECT_EQ(ra.envc, 2);
	KTEST_EXPECT_STREQ(ra.argv[0], "prog");
	KTEST_EXPECT_STREQ(ra.argv[1], "a b,c");
	KTEST_EXPECT_STREQ(ra.argv[2], "");
	KTEST_EXPECT_STREQ(ra.argv[3], "quo'te\"");
	KTEST_EXPECT_NULL(ra.argv[4]);
	KTEST_EXPECT_STREQ(ra.envp[0], "HOME=/");
	KTEST_EXPECT_STREQ(ra.envp[1], "TERM=linux");
	KTEST_EXPECT_NULL(ra.envp[2]);
	run_args_free(&ra);
}

struct bad_block {
	const char *header;
	const char *strings;
	size_t len;
	const char *why;
};

KTEST(run_args, malformed_blocks_are_refused_with_the_reason_and_nothing_kept)
{
	static const struct bad_block bad[] = {
		{ "run-elf args v1 x 0\n", "p", 2, "bad header" },
		{ "run-elf args v1 1\n", "p", 2, "bad header" },
		{ "run-elf args v1 0 0\n", "", 0, "argc is 0" },
		{ "run-elf args v1 2 0\n", "p", 2, "1 strings, header says 2" },
		{ "run-elf args v1 1 0\n", "p\0q", 4, "2 bytes after the last string" },
		{ "run-elf args v1 1 0\n", "pq", 2, "string 0 has no NUL" },
	};
	static char buf[128];
	unsigned long objects = nr_slab_objects();
	struct run_args ra;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		size_t n = make_block(buf, bad[i].header, bad[i].strings, bad[i].len);

		KTEST_EXPECT_EQ(run_args_from_block(&ra, buf, n), -EINVAL);
		KTEST_EXPECT_TRUE(strstr(ra.why, bad[i].why) != NULL);
		KTEST_EXPECT_NULL(ra.argv);
	}
	KTEST_EXPECT_FALSE(run_args_is_block("ELF", 3));
	KTEST_EXPECT_EQ(nr_slab_objects(), objects);
}

KTEST(run_args, a_string_longer_than_max_arg_strlen_is_refused)
{
	static char buf[MAX_ARG_STRLEN + 64];
	size_t h = strlen("run-elf args v1 1 0\n"), n = h + MAX_ARG_STRLEN + 1;
	struct run_args ra;

	memcpy(buf, "run-elf args v1 1 0\n", h);
	memset(buf + h, 'a', MAX_ARG_STRLEN);
	buf[n - 1] = 0;
	KTEST_EXPECT_EQ(run_args_from_block(&ra, buf, n), -EINVAL);
	KTEST_EXPECT_TRUE(strstr(ra.why, "more than 131072") != NULL);
}

KTEST(run_args, a_command_line_is_split_at_blanks_with_inits_environment)
{
	struct run_args ra;

	KTEST_ASSERT_EQ(run_args_from_line(&ra, "  /bin/prog  a\tb "), 0);
	KTEST_EXPECT_EQ(ra.argc, 3);
	KTEST_EXPECT_STREQ(ra.argv[0], "/bin/prog");
	KTEST_EXPECT_STREQ(ra.argv[2], "b");
	KTEST_EXPECT_EQ(ra.envc, 2);
	KTEST_EXPECT_STREQ(ra.envp[0], "HOME=/");
	KTEST_EXPECT_STREQ(ra.envp[1], "TERM=linux");
	run_args_free(&ra);
	KTEST_EXPECT_EQ(run_args_from_line(&ra, " \t "), -EINVAL);
	KTEST_EXPECT_STREQ(ra.why, "empty command line");
}

/*
 * fork_cow: after fork, parent and child each see their own copy of every kind of
 * private memory: .data, .bss, the heap (brk and a malloc'ed block), the stack and a
 * big anonymous mapping (8 MiB, touched). Each side writes its own pattern after the
 * fork, in both directions, and checks that it reads back its own and never the
 * other's. The child reports through its exit status (0 when all checks held); the
 * parent prints after the child is reaped, so the output does not depend on timing.
 */
#include "abi.h"
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define BIG (8UL << 20)

static int data_var = 1;
static int bss_var;
static char bss_block[3 * 4096];

struct area {
	const char *name;
	volatile unsigned char *p;
	unsigned long len;
};

/* Write v into every page of each area (and the scalar variables). */
static void fill(struct area *a, int n, unsigned char v, volatile int *stack_var)
{
	int i;
	unsigned long off;

	data_var = v;
	bss_var = v;
	*stack_var = v;
	for (i = 0; i < n; i++)
		for (off = 0; off < a[i].len; off += 4096)
			a[i].p[off] = v;
}

/* 0 if every page holds v; else the first area that does not, printed. */
static int check(struct area *a, int n, unsigned char v, volatile int *stack_var, const char *who)
{
	int i, bad = 0;
	unsigned long off;

	if (data_var != v || bss_var != v || *stack_var != v) {
		out("%s: scalars %d %d %d, wanted %d\n", who, data_var, bss_var, *stack_var, v);
		bad = 1;
	}
	for (i = 0; i < n; i++)
		for (off = 0; off < a[i].len; off += 4096)
			if (a[i].p[off] != v) {
				out("%s: %s page %lu holds %d, wanted %d\n", who, a[i].name,
				    off / 4096, a[i].p[off], v);
				bad = 1;
				break;
			}
	return bad;
}

int main(void)
{
	volatile int stack_var = 0;
	volatile unsigned char stack_block[2 * 4096];
	/* The break moves before malloc runs: musl's malloc may grow it too. */
	unsigned long brk0 = sys_brk(0);
	long brk1 = sys_brk(brk0 + 4 * 4096);
	long big = anon(0, BIG, PROT_READ | PROT_WRITE, 0);
	unsigned char *heap = malloc(64 * 1024);
	int status, bad;
	pid_t pid;

	if (is_err(big) || !heap || brk1 != (long)(brk0 + 4 * 4096)) {
		out("setup failed\n");
		return 1;
	}
	struct area a[] = {
		{ "bss", (volatile unsigned char *)bss_block, sizeof(bss_block) },
		{ "stack", stack_block, sizeof(stack_block) },
		{ "brk", (volatile unsigned char *)brk0, 4 * 4096 },
		{ "malloc", heap, 64 * 1024 },
		{ "mmap", (volatile unsigned char *)big, BIG },
	};
	int n = sizeof(a) / sizeof(a[0]);

	fill(a, n, 7, &stack_var);
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		out("fork failed\n");
		return 1;
	}
	if (pid == 0) {
		/* The child sees the parent's values, then writes its own. */
		bad = check(a, n, 7, &stack_var, "child before");
		fill(a, n, 42, &stack_var);
		bad |= check(a, n, 42, &stack_var, "child after");
		_exit(bad ? 3 : 0);
	}
	/* Meanwhile the parent writes its own: the child must not see them either. */
	fill(a, n, 9, &stack_var);
	if (waitpid(pid, &status, 0) != pid) {
		out("waitpid failed\n");
		return 1;
	}
	bad = check(a, n, 9, &stack_var, "parent");
	out("child: %s, status %d\n", WIFEXITED(status) ? "exited" : "killed",
	    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	out("parent: its own copy %s\n", bad ? "CHANGED" : "kept");
	/* A second fork after the writes: the pages are now mapped once, then shared again. */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(check(a, n, 9, &stack_var, "second child") ? 3 : 0);
	waitpid(pid, &status, 0);
	out("second child: status %d\n", WEXITSTATUS(status));
	return 0;
}

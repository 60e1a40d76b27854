/*
 * argv and envp for a program started from a Multiboot module (kernel/run_args.c): from
 * tools/run-elf's argument block, or from the module's command line split at blanks.
 */
#ifndef _RUN_ARGS_H
#define _RUN_ARGS_H

#include "types.h"

struct run_args {
	int argc, envc;
	char **argv;		/* argc strings, then NULL */
	char **envp;		/* envc strings, then NULL */
	char *buf;		/* the strings themselves */
	char why[96];		/* why a block was refused */
};

/* Does this module's content start like an argument block? */
bool run_args_is_block(const void *data, size_t size);
/* Parse a block; -EINVAL with ra->why set if it is malformed, -ENOMEM. */
int run_args_from_block(struct run_args *ra, const void *data, size_t size);
/* "PROG ARG..." split at blanks, with the environment Linux gives init. */
int run_args_from_line(struct run_args *ra, const char *line);
void run_args_free(struct run_args *ra);

#endif /* _RUN_ARGS_H */

/*
 * The kernel's random numbers (drivers/char/random.c): AT_RANDOM's 16 bytes and getrandom().
 *
 * NOT cryptographic: a xorshift generator seeded from the TSC and jiffies at first
 * use. Good enough for glibc's stack protector and pointer guard in a teaching kernel,
 * and documented as such in docs/syscalls.md.
 */
#ifndef _RANDOM_H
#define _RANDOM_H

#include "types.h"

void get_random_bytes(void *buf, size_t n);

#endif /* _RANDOM_H */

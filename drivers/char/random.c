/*
 * A source of random-looking bytes for user space: AT_RANDOM and getrandom().
 *
 * Linux collects entropy from interrupt timings and hashes it with BLAKE2s/ChaCha20.
 * This kernel needs far less: programs want 16 bytes at start-up (glibc builds its
 * stack-protector canary and pointer guard from AT_RANDOM) and a few for malloc's
 * tcache key. So: Marsaglia's xorshift64* generator, seeded the first time it is used
 * from the TSC and jiffies (the TSC's low bits differ between boots under TCG; under
 * -icount they do not, and then every boot gives the same bytes: reproducible, which
 * the benchmarks like). The TSC is mixed in again on every call so two programs of one
 * boot never see the same stream. Predictable by anyone who can guess the TSC: this is
 * not for cryptography, and docs/syscalls.md says so.
 *
 * Relies on: rdtsc (asm/x86.h), jiffies.
 */
#include <uapi/errno.h>
#include <kernel.h>
#include <random.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/random.h>
#include <jiffies.h>
#include <asm/x86.h>

static u64 state;

static u64 xorshift64star(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dULL;
}

static void mix_in_time(void)
{
	/* splitmix64's finaliser spreads the few changing low bits over the whole word. */
	u64 z = state + rdtsc() + ((u64)jiffies << 32) + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	state = z ? z : 0x9e3779b97f4a7c15ULL;	/* xorshift must never hold 0 */
}

void get_random_bytes(void *buf, size_t n)
{
	u8 *p = buf;

	mix_in_time();
	while (n) {
		u64 r = xorshift64star();
		size_t i;

		for (i = 0; i < 8 && n; i++, n--) {
			*p++ = (u8)r;
			r >>= 8;
		}
	}
}

long sys_getrandom(char *ubuf, size_t count, unsigned int flags)
{
	u8 chunk[64];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > 0x7fffffff)
		count = 0x7fffffff;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk)), left;

		get_random_bytes(chunk, n);
		left = copy_to_user(ubuf + done, chunk, n);
		done += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

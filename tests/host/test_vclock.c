/*
 * Host tests of the vDSO's clock arithmetic (include/asm/vvar.h), which kernel/time.c
 * and arch/x86/entry/vdso/vclock_gettime.c share: vdso_cyc2ns() against a 128-bit
 * reference, for every shift 1..32, for cycle counts below and above 2^32 (a tick
 * missed for seconds), for the largest multipliers kernel/time.c chooses, and the
 * choice itself (mult fits 32 bits, one millisecond of cycles converts to 10^6 ns
 * within the rounding of mult).
 *
 * Built natively with AddressSanitizer and UBSan (tests/host/vdso.mk); TAP output.
 */
#include <stdlib.h>
#include <asm/vvar.h>
#include "tap.h"

static unsigned long long ref(unsigned long long cyc, unsigned int mult, unsigned int shift)
{
	return (unsigned long long)(((unsigned __int128)cyc * mult) >> shift);
}

static unsigned long long rnd64(void)
{
	return (unsigned long long)rand() << 40 ^ (unsigned long long)rand() << 20 ^ rand();
}

static void cyc2ns_matches_128_bit_arithmetic(void)
{
	unsigned int shift, i, mult;
	unsigned long long cyc;

	srand(12);
	for (shift = 1; shift <= 32; shift++) {
		for (i = 0; i < 20000; i++) {
			mult = (unsigned int)rnd64();
			cyc = rnd64() >> (i % 40);
			/* only where the result fits 64 bits, as the callers guarantee */
			if (((unsigned __int128)cyc * mult) >> shift >> 64)
				continue;
			CHECK_EQ(vdso_cyc2ns(cyc, mult, shift), ref(cyc, mult, shift));
		}
		CHECK_EQ(vdso_cyc2ns(0, 0xffffffffu, shift), 0);
		CHECK_EQ(vdso_cyc2ns(0xffffffffull, 0xffffffffu, shift),
			 ref(0xffffffffull, 0xffffffffu, shift));
		CHECK_EQ(vdso_cyc2ns(0x100000000ull, 1u << (shift - 1), shift), 0x80000000ull);
	}
}

/* kernel/time.c's choice: the largest shift <= 32 whose mult fits in 32 bits. */
static void choose(unsigned long long khz, unsigned int *mult, unsigned int *shift)
{
	unsigned int s = 32;

	while (s > 1 && (1000000ULL << s) / khz > 0xffffffffULL)
		s--;
	*mult = (1000000ULL << s) / khz;
	*shift = s;
}

static void chosen_scales_convert_a_millisecond(void)
{
	static const unsigned long long khz[] = { 1000, 100000, 999999, 1000000, 1193182,
						  2400000, 3700000, 5000000 };
	unsigned int i, mult, shift;
	unsigned long long ns;

	for (i = 0; i < sizeof(khz) / sizeof(khz[0]); i++) {
		choose(khz[i], &mult, &shift);
		CHECK(shift >= 1 && shift <= 32);
		CHECK(mult > 0x7fffffffu || shift == 32);	/* as precise as 32 bits allow */
		ns = vdso_cyc2ns(khz[i], mult, shift);		/* 1 ms of cycles */
		CHECK(ns <= 1000000 && ns >= 999999);
		ns = vdso_cyc2ns(khz[i] * 3600000, mult, shift);	/* an hour, in one go */
		CHECK(ns <= 3600000000000ULL && ns >= 3600000000000ULL - 3600000000ULL / 1000);
	}
}

int main(void)
{
	static const struct tap_case cases[] = {
		TAP_CASE(cyc2ns_matches_128_bit_arithmetic),
		TAP_CASE(chosen_scales_convert_a_millisecond),
	};

	return tap_run(cases, sizeof(cases) / sizeof(cases[0]), NULL, NULL);
}

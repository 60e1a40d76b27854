/*
 * Self-tests of sysinfo's values (do_sysinfo() in kernel/sys.c) against the counters it
 * reports: the differential case tests/linux-abi/sysinfo_counts.c can only check the
 * invariants, since the oracle's machine is another one.
 */
#include <ktest.h>
#include <mm.h>
#include <mmzone.h>
#include <sched.h>
#include <syscalls.h>
#include <timekeeping.h>
#include <uapi/sysinfo.h>

KTEST(sys, sysinfo_reports_the_zone_counters_in_bytes)
{
	const struct zone *high = &contig_page_data.node_zones[ZONE_HIGHMEM];
	struct sysinfo si;
	u64 before = ktime_get_ns() / 1000000000ULL, after;

	do_sysinfo(&si);
	after = ktime_get_ns() / 1000000000ULL;
	/* Below 4 GiB of RAM the sizes fit in 32 bits as bytes: Linux then uses unit 1. */
	KTEST_ASSERT_LT(totalram_pages(), 1UL << (32 - PAGE_SHIFT));
	KTEST_EXPECT_EQ(si.mem_unit, 1);
	KTEST_EXPECT_EQ(si.totalram, totalram_pages() << PAGE_SHIFT);
	KTEST_EXPECT_EQ(si.freeram, nr_free_pages() << PAGE_SHIFT);
	KTEST_EXPECT_EQ(si.totalhigh, high->managed_pages << PAGE_SHIFT);
	KTEST_EXPECT_EQ(si.freehigh, zone_free_pages(high) << PAGE_SHIFT);
	KTEST_EXPECT_EQ(si.procs, nr_threads);
	KTEST_EXPECT_GE((u64)si.uptime, before);
	KTEST_EXPECT_LE((u64)si.uptime, after + 1);
	KTEST_EXPECT_GT(si.uptime, 0);
	/* No scheduler, swap, shared memory or block devices yet: Linux's 0s. */
	KTEST_EXPECT_EQ(si.loads[0] | si.loads[1] | si.loads[2], 0);
	KTEST_EXPECT_EQ(si.totalswap | si.freeswap | si.sharedram | si.bufferram, 0);
}

KTEST(sys, sysinfo_follows_allocations)
{
	struct sysinfo a, b;
	struct page *page;

	do_sysinfo(&a);
	page = alloc_pages(GFP_KERNEL, 2);
	KTEST_ASSERT_NOT_NULL(page);
	do_sysinfo(&b);
	__free_pages(page, 2);
	KTEST_EXPECT_EQ(a.freeram - b.freeram, 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(a.totalram, b.totalram);
}

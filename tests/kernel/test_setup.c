/*
 * Self-tests of the boot protocol's side of setup (arch/x86/kernel/setup.c): the one
 * Multiboot memory-map iterator, on the loader's map and on hand-made ones (empty and
 * malformed entries), and the loader's data reserved as it must be (modules and
 * command lines whole, in whole pages).
 */
#include <ktest.h>
#include <memblock.h>
#include <multiboot.h>
#include <setup.h>
#include <string.h>
#include <asm/page.h>

/* Usable RAM by the iterator, clipped to 4 GiB as memblock clips it, is memblock's. */
KTEST(setup, mmap_iterator_agrees_with_memblock)
{
	const struct multiboot_mmap_entry *e;
	u64 usable = 0;
	int n = 0;

	KTEST_ASSERT_NOT_NULL(boot_mbi);
	KTEST_ASSERT_TRUE(multiboot_has_mmap(boot_mbi));
	for_each_multiboot_mmap_entry(e, boot_mbi) {
		u64 end = min(e->addr + e->len, 1ULL << 32);

		KTEST_EXPECT_NE(e->len, 0);
		if (e->type == MULTIBOOT_MEMORY_AVAILABLE && e->addr < end)
			usable += end - e->addr;
		n++;
	}
	KTEST_EXPECT_GT(n, 1);
	KTEST_EXPECT_EQ(usable, memblock_phys_mem_size());
}

static struct {
	struct multiboot_mmap_entry e[4];
} __packed fake_map;

static int count_entries(const struct multiboot_info *mbi, u64 *last_addr)
{
	const struct multiboot_mmap_entry *e;
	int n = 0;

	for_each_multiboot_mmap_entry(e, mbi) {
		*last_addr = e->addr;
		n++;
	}
	return n;
}

KTEST(setup, mmap_iterator_skips_empty_and_stops_at_malformed_entries)
{
	struct multiboot_info mbi;
	u64 last = 0;
	int i;

	memset(&mbi, 0, sizeof(mbi));
	memset(&fake_map, 0, sizeof(fake_map));
	for (i = 0; i < 4; i++) {
		fake_map.e[i].size = sizeof(fake_map.e[i]) - 4;
		fake_map.e[i].addr = 0x100000 * (i + 1);
		fake_map.e[i].len = 0x1000;
		fake_map.e[i].type = MULTIBOOT_MEMORY_AVAILABLE;
	}
	mbi.flags = MULTIBOOT_INFO_MEM_MAP;
	mbi.mmap_addr = __pa(&fake_map);
	mbi.mmap_length = sizeof(fake_map);
	KTEST_EXPECT_EQ(count_entries(&mbi, &last), 4);
	KTEST_EXPECT_EQ(last, 0x400000);

	fake_map.e[1].len = 0;			/* padding some firmware leaves */
	KTEST_EXPECT_EQ(count_entries(&mbi, &last), 3);

	fake_map.e[2].size = 0x10000;		/* runs past mmap_length: stop there */
	KTEST_EXPECT_EQ(count_entries(&mbi, &last), 1);
	KTEST_EXPECT_EQ(last, 0x100000);

	mbi.mmap_length = sizeof(fake_map.e[0]) - 1;	/* not even one whole entry */
	KTEST_EXPECT_EQ(count_entries(&mbi, &last), 0);

	mbi.flags = 0;				/* no map at all */
	KTEST_EXPECT_FALSE(multiboot_has_mmap(&mbi));
	KTEST_EXPECT_EQ(count_entries(&mbi, &last), 0);
}

static bool range_reserved(u64 start, u64 end)
{
	u64 a;

	for (a = ALIGN_DOWN(start, PAGE_SIZE); a < end; a += PAGE_SIZE)
		if (!memblock_is_reserved(a))
			return false;
	return true;
}

/* The kernel's command line, whole, and (under run-elf) every module and its line. */
KTEST(setup, loader_data_is_reserved_whole)
{
	const struct multiboot_mod_list *mods;
	u32 i;

	KTEST_ASSERT_NOT_NULL(boot_mbi);
	if (boot_mbi->flags & MULTIBOOT_INFO_CMDLINE) {
		const char *s = __va(boot_mbi->cmdline);

		KTEST_EXPECT_TRUE(range_reserved(boot_mbi->cmdline,
						 boot_mbi->cmdline + strlen(s) + 1));
	}
	KTEST_EXPECT_TRUE(range_reserved(__pa(boot_mbi), __pa(boot_mbi) + sizeof(*boot_mbi)));
	if (!(boot_mbi->flags & MULTIBOOT_INFO_MODS))
		return;
	mods = __va(boot_mbi->mods_addr);
	for (i = 0; i < boot_mbi->mods_count; i++) {
		KTEST_EXPECT_TRUE(range_reserved(mods[i].mod_start, mods[i].mod_end));
		if (mods[i].cmdline)
			KTEST_EXPECT_TRUE(range_reserved(mods[i].cmdline, mods[i].cmdline +
							 strlen(__va(mods[i].cmdline)) + 1));
	}
}

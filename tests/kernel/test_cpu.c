/*
 * Self-tests for the CPU set-up of the boot: the GDT and TSS as the CPU sees them
 * (read back with sgdt/str), exceptions caught and reported, the identity mapping gone,
 * the timer running.
 */
#include <ktest.h>
#include <kernel.h>
#include <jiffies.h>
#include <kallsyms.h>
#include <setup.h>
#include <asm/page.h>
#include <multiboot.h>
#include <string.h>
#include <asm/desc.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <asm/x86.h>

struct desc_ptr {
	u16 limit;
	u32 base;
} __packed;

#define ACCESSED (1ULL << 40)

KTEST(cpu, gdt_has_linux_flat_segments)
{
	struct desc_ptr gdtr;
	const u64 *gdt;

	asm volatile("sgdt %0" : "=m"(gdtr));
	gdt = (const u64 *)(uintptr_t)gdtr.base;
	KTEST_ASSERT_EQ(gdtr.limit, GDT_ENTRIES * 8 - 1);
	/*
	 * Base 0, limit 0xfffff pages, and Linux's flag words 0xc09a/0xc092/0xc0fa/0xc0f2.
	 * The CPU sets the "accessed" bit (bit 40) when it loads a segment: ignore it.
	 */
	KTEST_EXPECT_EQ(gdt[GDT_ENTRY_KERNEL_CS] & ~ACCESSED, 0x00cf9a000000ffffULL);
	KTEST_EXPECT_EQ(gdt[GDT_ENTRY_KERNEL_DS] & ~ACCESSED, 0x00cf92000000ffffULL);
	KTEST_EXPECT_EQ(gdt[GDT_ENTRY_DEFAULT_USER_CS] & ~ACCESSED, 0x00cffa000000ffffULL);
	KTEST_EXPECT_EQ(gdt[GDT_ENTRY_DEFAULT_USER_DS] & ~ACCESSED, 0x00cff2000000ffffULL);
	KTEST_EXPECT_EQ(gdt_make_desc(0xc09a, 0, 0xfffff), 0x00cf9a000000ffffULL);
}

/* Linux i386's GDT (arch/x86/include/asm/segment.h): the positions gdb shows there. */
KTEST(cpu, gdt_layout_is_linux_i386)
{
	u16 cs, ds, tr;
	int i;

	KTEST_EXPECT_EQ(__KERNEL_CS, 0x60);
	KTEST_EXPECT_EQ(__KERNEL_DS, 0x68);
	KTEST_EXPECT_EQ(__USER_CS, 0x73);
	KTEST_EXPECT_EQ(__USER_DS, 0x7b);
	KTEST_EXPECT_EQ(GDT_ENTRY_TSS, 16);
	KTEST_EXPECT_EQ(GDT_ENTRY_TLS_MIN, 6);
	KTEST_EXPECT_EQ(GDT_ENTRY_TLS_MAX, 8);
	KTEST_EXPECT_EQ(GDT_ENTRY_DOUBLEFAULT_TSS, 31);
	KTEST_EXPECT_EQ(GDT_ENTRIES, 32);
	asm volatile("mov %%cs, %0; mov %%ds, %1; str %2" : "=r"(cs), "=r"(ds), "=r"(tr));
	KTEST_EXPECT_EQ(cs, 0x60);
	KTEST_EXPECT_EQ(ds, 0x68);
	KTEST_EXPECT_EQ(tr, 0x80);
	/* The double-fault TSS: present, DPL 0, 32-bit TSS, at entry 31. */
	KTEST_EXPECT_EQ((gdt_table[31] >> 40) & 0xff, 0x89);
	/* Every slot Linux leaves to features this kernel lacks is empty (not present). */
	for (i = 1; i < GDT_ENTRIES; i++) {
		if ((i >= GDT_ENTRY_TLS_MIN && i <= GDT_ENTRY_TLS_MAX) ||
		    (i >= GDT_ENTRY_KERNEL_CS && i <= GDT_ENTRY_TSS) ||
		    i == GDT_ENTRY_DOUBLEFAULT_TSS)
			continue;
		KTEST_EXPECT_EQ(gdt_table[i], 0);
	}
}

KTEST(cpu, segment_registers_use_kernel_selectors)
{
	u16 cs, ds, ss;

	asm volatile("mov %%cs, %0; mov %%ds, %1; mov %%ss, %2" : "=r"(cs), "=r"(ds), "=r"(ss));
	KTEST_EXPECT_EQ(cs, __KERNEL_CS);
	KTEST_EXPECT_EQ(ds, __KERNEL_DS);
	KTEST_EXPECT_EQ(ss, __KERNEL_DS);
}

KTEST(cpu, tss_is_loaded_with_kernel_stack)
{
	u16 tr;
	u64 d;
	u32 base;

	asm volatile("str %0" : "=r"(tr));
	KTEST_ASSERT_EQ(tr, GDT_TSS_SEL);
	d = gdt_table[GDT_ENTRY_TSS];
	base = ((d >> 16) & 0xffffff) | ((d >> 56) << 24);
	KTEST_EXPECT_EQ(base, (u32)(uintptr_t)&init_tss);
	/* Type 0xb: the CPU marked it busy when ltr loaded it. */
	KTEST_EXPECT_EQ((d >> 40) & 0xff, 0x8b);
	KTEST_EXPECT_EQ(init_tss.ss0, __KERNEL_DS);
	KTEST_EXPECT_NE(init_tss.esp0, 0);
	KTEST_EXPECT_EQ(init_tss.iomap_base, sizeof(init_tss));
}

static void do_int3(void *arg)
{
	(void)arg;
	asm volatile("int3");
}

static void do_divide_error(void *arg)
{
	volatile int zero = *(int *)arg;
	volatile int r = 10 / zero;
	(void)r;
}

static void do_ud2(void *arg)
{
	(void)arg;
	asm volatile("ud2");
}

KTEST(traps, int3_is_caught)
{
	struct ktest_fault f;

	KTEST_ASSERT_TRUE(ktest_catch(do_int3, NULL, &f));
	KTEST_EXPECT_EQ(f.vector, X86_TRAP_BP);
}

KTEST(traps, divide_error_is_caught)
{
	struct ktest_fault f;
	int zero = 0;

	KTEST_ASSERT_TRUE(ktest_catch(do_divide_error, &zero, &f));
	KTEST_EXPECT_EQ(f.vector, X86_TRAP_DE);
	KTEST_EXPECT_STREQ(trap_name(f.vector), "divide error");
}

KTEST(traps, invalid_opcode_is_caught)
{
	struct ktest_fault f;

	KTEST_ASSERT_TRUE(ktest_catch(do_ud2, NULL, &f));
	KTEST_EXPECT_EQ(f.vector, X86_TRAP_UD);
}

KTEST(traps, no_fault_when_nothing_goes_wrong)
{
	int one = 1;

	KTEST_EXPECT_FALSE(ktest_catch(do_divide_error, &one, NULL));
}

static void read_address(void *arg)
{
	volatile u32 v = *(volatile u32 *)arg;
	(void)v;
}

KTEST(paging, identity_mapping_is_gone)
{
	struct ktest_fault f;

	/* The kernel was loaded at physical 1 MiB; after boot only 0xC0100000 reaches it. */
	KTEST_ASSERT_TRUE(ktest_catch(read_address, (void *)0x100000, &f));
	KTEST_EXPECT_EQ(f.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(f.cr2, 0x100000);
	KTEST_EXPECT_EQ(f.error_code & (X86_PF_PROT | X86_PF_WRITE | X86_PF_USER), 0);
	KTEST_EXPECT_FALSE(ktest_catch(read_address, (void *)(0x100000 + 0xC0000000UL), NULL));
}

KTEST(paging, paging_and_write_protect_are_on)
{
	KTEST_EXPECT_TRUE(read_cr0() & X86_CR0_PG);
	KTEST_EXPECT_TRUE(read_cr0() & X86_CR0_WP);
}

KTEST(paging, stack_guard_page_is_unmapped)
{
	struct ktest_fault f;

	KTEST_ASSERT_TRUE(ktest_catch(read_address, boot_stack_guard, &f));
	KTEST_EXPECT_EQ(f.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(f.cr2, (unsigned long)boot_stack_guard);
}

KTEST(timer, jiffies_advance)
{
	unsigned long start = jiffies;
	u64 t0 = rdtsc();

	/* hlt sleeps until the next interrupt: at most a few ticks, bounded in any case. */
	while (jiffies < start + 3 && rdtsc() - t0 < 20000000000ULL)
		halt();
	KTEST_EXPECT_GE(jiffies, start + 3);
}

KTEST(kallsyms, resolves_kernel_functions)
{
	unsigned long addr = (unsigned long)ktest_catch, off = 99, size = 0;
	const char *name = kallsyms_lookup(addr + 3, &off, &size);

	KTEST_ASSERT_NOT_NULL(name);
	KTEST_EXPECT_STREQ(name, "ktest_catch");
	KTEST_EXPECT_EQ(off, 3);
	KTEST_EXPECT_GT(size, 3);
	KTEST_EXPECT_EQ(kallsyms_lookup_name("start_kernel"), (unsigned long)kallsyms_lookup_name("start_kernel"));
	KTEST_EXPECT_NE(kallsyms_lookup_name("start_kernel"), 0);
	KTEST_EXPECT_NULL(kallsyms_lookup(0x1000, NULL, NULL));
}

KTEST(kallsyms, backtrace_names_the_callers)
{
	ktest_capture_start();
	dump_stack();
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("ktest_kallsyms_backtrace_names_the_callers+");
	KTEST_EXPECT_LOGGED("run_one+");
	KTEST_EXPECT_LOGGED("kernel_init+");	/* the self-tests run in init, pid 1 */
}

KTEST(boot, wrong_multiboot_magic_is_refused_clearly)
{
	ktest_capture_start();
	KTEST_EXPECT_NULL(multiboot_check(0x36d76289, 0x9500));	/* a Multiboot2 loader's magic */
	KTEST_EXPECT_NULL(multiboot_check(MULTIBOOT_BOOTLOADER_MAGIC, 0x7ff00000));
	ktest_capture_stop();
	KTEST_EXPECT_LOGGED("Not booted by a Multiboot loader: magic 0x36d76289, expected 0x2badb002");
	KTEST_EXPECT_LOGGED("beyond the boot mapping");
	KTEST_EXPECT_NOT_NULL(multiboot_check(MULTIBOOT_BOOTLOADER_MAGIC, __pa(boot_mbi)));
}

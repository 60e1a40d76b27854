/*
 * Global descriptor table and task-state segment.
 *
 * Linux on i386 uses segmentation only because the CPU insists: every segment here
 * has base 0 and a 4 GiB limit, so a virtual address is already a linear address. The
 * four code/data descriptors carry exactly Linux's flag words (0xc09a kernel code,
 * 0xc092 kernel data, 0xc0fa user code, 0xc0f2 user data); only the privilege level
 * differs between kernel and user. The TSS is not used for task switching, only to
 * tell the CPU which stack (esp0/ss0) to load when user code traps into the kernel.
 * The entries sit where Linux's i386 puts them (asm/segment.h): kernel code and data at
 * 12 and 13, user code and data at 14 and 15, the TSS at 16, the three TLS descriptors
 * of set_thread_area() at 6..8, the double-fault TSS at 31; the rest stay zero (not
 * present), so loading one of their selectors faults.
 *
 * Relies on: include/asm/desc.h.
 */
#include <asm/desc.h>
#include <asm/sections.h>
#include <string.h>

u64 gdt_table[GDT_ENTRIES] __aligned(8);
struct tss_struct init_tss __aligned(64);

/*
 * flags packs the access byte (low 8 bits) and the granularity/size nibble (bits 12..15)
 * in the layout Linux uses; base and limit are spread over the descriptor as the CPU wants.
 */
u64 gdt_make_desc(u16 flags, u32 base, u32 limit)
{
	u64 d = 0;

	d |= limit & 0xffffULL;
	d |= (u64)(base & 0xffffff) << 16;
	d |= (u64)(flags & 0xff) << 40;
	d |= (u64)((limit >> 16) & 0xf) << 48;
	d |= (u64)((flags >> 12) & 0xf) << 52;
	d |= (u64)((base >> 24) & 0xff) << 56;
	return d;
}

void gdt_set_entry(int index, u64 desc)
{
	gdt_table[index] = desc;
}

void tss_set_kernel_stack(unsigned long esp0)
{
	init_tss.esp0 = esp0;
}

static void load_gdt(void)
{
	struct {
		u16 limit;
		u32 base;
	} __packed gdtr = { sizeof(gdt_table) - 1, (u32)(uintptr_t)gdt_table };

	/* Reload every segment register so none keeps a descriptor cached from the loader. */
	asm volatile("lgdt %0\n\t"
		     "ljmp %1, $1f\n"
		     "1:\n\t"
		     "mov %2, %%ds\n\t"
		     "mov %2, %%es\n\t"
		     "mov %2, %%ss\n\t"
		     "mov %3, %%fs\n\t"
		     "mov %3, %%gs\n\t"
		     : : "m"(gdtr), "i"(__KERNEL_CS), "r"(__KERNEL_DS), "r"(0) : "memory");
}

void gdt_init(void)
{
	gdt_table[0] = 0;
	gdt_set_entry(GDT_ENTRY_KERNEL_CS, gdt_make_desc(0xc09a, 0, 0xfffff));
	gdt_set_entry(GDT_ENTRY_KERNEL_DS, gdt_make_desc(0xc092, 0, 0xfffff));
	gdt_set_entry(GDT_ENTRY_DEFAULT_USER_CS, gdt_make_desc(0xc0fa, 0, 0xfffff));
	gdt_set_entry(GDT_ENTRY_DEFAULT_USER_DS, gdt_make_desc(0xc0f2, 0, 0xfffff));

	memset(&init_tss, 0, sizeof(init_tss));
	init_tss.ss0 = __KERNEL_DS;
	init_tss.esp0 = (u32)(uintptr_t)boot_stack_top;
	/* An I/O map offset past the limit: ring 3 gets no port access at all. */
	init_tss.iomap_base = sizeof(init_tss);
	/* 0x89: present, DPL 0, 32-bit available TSS; byte granularity. */
	gdt_set_entry(GDT_ENTRY_TSS, gdt_make_desc(0x0089, (u32)(uintptr_t)&init_tss,
						   sizeof(init_tss) - 1));
	load_gdt();
	asm volatile("ltr %w0" : : "r"(GDT_TSS_SEL));
}

/*
 * bad_segment CASE: a program spoils a segment it has loaded, or breaks a segment rule,
 * and the kernel must answer with a signal to the process, as Linux does, never with an
 * oops.
 *
 *   REG-cleared   (REG = ss ds es fs gs) load REG with a TLS selector of our own, then
 *                 clear that slot with set_thread_area while REG holds it
 *   REG-readonly  the same, but the slot is made read-only instead
 *   not-present   a not-present TLS descriptor is refused (-EINVAL), as on Linux: no
 *                 program can load a not-present segment, so #NP cannot come from ring 3
 *
 * SS is reloaded only by the iret back to user mode, which refuses a cleared or read-only
 * stack segment: the process gets SIGILL (132), Linux i386's answer to a faulting iret
 * ("iret exception"; a 64-bit host says SIGSEGV), on the way back from set_thread_area.
 * A data segment register whose slot was cleared is null afterwards (Linux reloads it,
 * loading 0 when that fails; this kernel's ret_from_trap does the same); loading the
 * cleared selector again faults (SIGSEGV). One made read-only still holds its selector;
 * loading that into SS faults (SIGSEGV).
 *
 * Not here, because QEMU's TCG, which runs the kernel in the tests, does not check them:
 * a segment's limit and rights on each access (a write through a read-only DS, a push
 * beyond SS's limit, which Linux answers with SIGBUS for #SS) and alignment checks
 * (EFLAGS.AC; SIGBUS for #AC). tests/kernel/test_trap_signals.c checks those signals.
 *
 * Selectors are computed from the entry set_thread_area picks (6..8 here, 12..14 on
 * x86-64 Linux), never printed. Each case prints what it is about to do first.
 */
#include "abi.h"

#define SYS_set_thread_area	243

struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

static long set_thread_area(struct user_desc *d)
{
	return sc(SYS_set_thread_area, (long)d, 0, 0, 0, 0, 0);
}

/* A flat, writable, 32-bit data segment, as the libcs ask for their TLS. */
static struct user_desc flat(unsigned int entry)
{
	struct user_desc d = {
		.entry_number = entry, .base_addr = 0, .limit = 0xfffff,
		.seg_32bit = 1, .limit_in_pages = 1, .useable = 1,
	};
	return d;
}

/* A new TLS slot holding a flat segment; returns its selector (ring 3, GDT). */
static unsigned int new_flat_segment(void)
{
	struct user_desc d = flat(-1);
	long r = set_thread_area(&d);

	if (r) {
		out("set_thread_area(flat, entry -1): %s\n", res(r));
		_exit(97);
	}
	return d.entry_number << 3 | 3;
}

/* The request that clears a slot ("LDT_empty"), or one that makes it read-only. */
static struct user_desc spoiled(unsigned int sel, int readonly)
{
	struct user_desc d = flat(sel >> 3);

	if (!readonly) {
		memset(&d, 0, sizeof(d));
		d.entry_number = sel >> 3;
		d.read_exec_only = 1;
		d.seg_not_present = 1;
	} else {
		d.read_exec_only = 1;
	}
	return d;
}

/*
 * SS: load it, spoil its slot. The kernel's answer comes on the iret that ends the
 * system call; nothing between mov ss and int $0x80 touches memory.
 */
static void ss_case(int readonly)
{
	unsigned int sel = new_flat_segment();
	struct user_desc d = spoiled(sel, readonly);
	long r;

	out("loading ss with a TLS selector, then making its slot %s\n",
	    readonly ? "read-only" : "empty");
	asm volatile("mov %%ss, %%esi\n\t"
		     "mov %%dx, %%ss\n\t"
		     "int $0x80\n\t"
		     "mov %%si, %%ss"
		     : "=a"(r)
		     : "a"(SYS_set_thread_area), "b"(&d), "d"(sel)
		     : "esi", "memory");
	out("set_thread_area returned %s and the process goes on: wrong\n", res(r));
}

/*
 * A data segment register: load it with the selector, spoil the slot, read the register
 * back right after the call, put the original back; then use what the kernel left.
 */
#define DATA_CASE(reg)								\
static void reg##_case(int readonly)						\
{										\
	unsigned int sel = new_flat_segment(), after, orig;			\
	struct user_desc d = spoiled(sel, readonly);				\
	long r;									\
										\
	asm volatile("mov %%" #reg ", %0" : "=r"(orig));			\
										\
	out("loading " #reg " with a TLS selector, then making its slot %s\n",	\
	    readonly ? "read-only" : "empty");					\
	asm volatile("push %%" #reg "\n\t"					\
		     "mov %%dx, %%" #reg "\n\t"					\
		     "int $0x80\n\t"						\
		     "mov %%" #reg ", %%ecx\n\t"				\
		     "pop %%" #reg						\
		     : "=a"(r), "=c"(after)					\
		     : "a"(SYS_set_thread_area), "b"(&d), "d"(sel)		\
		     : "memory");						\
	out("set_thread_area: %s\n", res(r));					\
	if (readonly) {								\
		out(#reg " still holds its selector: %s\n",			\
		    yesno((after & 0xffff) == sel));				\
		out("loading ss with the read-only selector\n");		\
		asm volatile("mov %%ss, %%esi\n\t"				\
			     "mov %%dx, %%ss\n\t"				\
			     "mov %%si, %%ss"					\
			     : : "d"(sel) : "esi");				\
	} else {								\
		out(#reg " is null after its slot was cleared: %s\n",		\
		    yesno((after & 0xfffc) == 0));				\
		out("loading " #reg " with the cleared selector again\n");	\
		asm volatile("mov %%dx, %%" #reg "\n\t"			\
			     "mov %%cx, %%" #reg				\
			     : : "d"(sel), "c"(orig));				\
	}									\
	out(#reg ": no fault: wrong\n");					\
}

DATA_CASE(ds)
DATA_CASE(es)
DATA_CASE(fs)
DATA_CASE(gs)

static void not_present(void)
{
	unsigned int sel = new_flat_segment();
	struct user_desc d = flat(sel >> 3), back = { .entry_number = sel >> 3 };
	long r;

	d.seg_not_present = 1;
	r = set_thread_area(&d);
	out("set_thread_area(not present): %s\n", res(r));
	r = sc(244, (long)&back, 0, 0, 0, 0, 0);	/* get_thread_area */
	out("get_thread_area: %s, the slot still present: %s, still writable: %s\n", res(r),
	    yesno(!back.seg_not_present), yesno(!back.read_exec_only));
	/* and the slot still works as a stack segment */
	asm volatile("mov %%ss, %%esi\n\t"
		     "mov %%dx, %%ss\n\t"
		     "pushl $7\n\t"
		     "popl %%eax\n\t"
		     "mov %%si, %%ss"
		     : "=a"(r) : "d"(sel) : "esi", "memory");
	out("pushed and popped through it: %ld\n", r);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(int);
		int arg;
	} cases[] = {
		{ "ss-cleared", ss_case, 0 }, { "ss-readonly", ss_case, 1 },
		{ "ds-cleared", ds_case, 0 }, { "ds-readonly", ds_case, 1 },
		{ "es-cleared", es_case, 0 }, { "es-readonly", es_case, 1 },
		{ "fs-cleared", fs_case, 0 }, { "fs-readonly", fs_case, 1 },
		{ "gs-cleared", gs_case, 0 }, { "gs-readonly", gs_case, 1 },
	};
	unsigned int i;

	if (argc == 2) {
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			if (!strcmp(argv[1], cases[i].name)) {
				cases[i].fn(cases[i].arg);
				return 1;
			}
		}
		if (!strcmp(argv[1], "not-present")) {
			not_present();
			return 0;
		}
	}
	out("usage: bad_segment REG-cleared|REG-readonly|not-present\n");
	return 2;
}

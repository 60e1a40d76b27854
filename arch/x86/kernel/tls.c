/*
 * set_thread_area (243) and get_thread_area (244): Linux's i386 thread-local storage.
 *
 * Both libcs start by asking for a TLS segment: a user_desc with entry_number = -1, the
 * base of their thread control block, limit 0xfffff in pages, 32-bit, data, "useable".
 * The kernel picks the first free one of the task's three slots (GDT entries 6..8),
 * writes the number back and installs the descriptor; the libc loads %gs with it.
 *
 * Validation follows Linux's tls_desc_okay(): an "empty" request (every field zero, or
 * the pattern Linux calls LDT_empty) clears the slot; otherwise a 16-bit segment
 * (seg_32bit = 0), a code segment (contents > 1) or a not-present one is -EINVAL. An
 * explicit entry outside 6..8 is -EINVAL, and no free slot for -1 is -ESRCH.
 *
 * The descriptors belong to the process: they live in task->tls_array and are copied
 * into the GDT before it enters user mode (load_TLS) and when it changes them; exit
 * clears them. The user's %gs is in its saved registers (pt_regs) like any other.
 *
 * Relies on: gdt_table/gdt_make_desc (asm/desc.h), current and task_pt_regs (sched.h),
 * copy_from_user/copy_to_user.
 */
#include <asm/tls.h>
#include <asm/desc.h>
#include <uapi/errno.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

/* Linux's LDT_empty(): the "delete this entry" pattern older libcs use. */
static bool desc_request_empty(const struct user_desc *info)
{
	return info->base_addr == 0 && info->limit == 0 && info->contents == 0 &&
	       info->read_exec_only == 1 && info->seg_32bit == 0 &&
	       info->limit_in_pages == 0 && info->seg_not_present == 1 && info->useable == 0;
}

/* Linux's LDT_zero(): every field zero. Also clears the entry. */
static bool desc_request_zero(const struct user_desc *info)
{
	return info->base_addr == 0 && info->limit == 0 && info->contents == 0 &&
	       info->read_exec_only == 0 && info->seg_32bit == 0 &&
	       info->limit_in_pages == 0 && info->seg_not_present == 0 && info->useable == 0;
}

bool tls_desc_okay(const struct user_desc *info)
{
	if (desc_request_empty(info) || desc_request_zero(info))
		return true;
	if (!info->seg_32bit)
		return false;		/* 16-bit segments need espfix: refused */
	if (info->contents > 1)
		return false;		/* only data segments (contents 0 or 1: expand-down) */
	if (info->seg_not_present)
		return false;
	return true;
}

/*
 * Linux's fill_ldt(): the access byte is P, DPL 3, S (code/data), and the type: writable
 * unless read_exec_only, contents (expand-down) in bits 2..3, and the accessed bit set
 * in advance. The flags nibble is G (limit in pages), D (32-bit), L = 0, AVL = useable.
 */
u64 tls_desc_encode(const struct user_desc *info)
{
	u16 flags;

	if (desc_request_empty(info) || desc_request_zero(info))
		return 0;
	flags = 0x01 | ((info->read_exec_only ^ 1) << 1) | (info->contents << 2);
	flags |= 0x10 | (3 << 5) | ((info->seg_not_present ^ 1) << 7);
	flags |= (info->useable << 12) | (info->seg_32bit << 14) | (info->limit_in_pages << 15);
	return gdt_make_desc(flags, info->base_addr, info->limit & 0xfffff);
}

/* Linux's fill_user_desc(): what get_thread_area reports. */
void tls_desc_decode(u64 d, int idx, struct user_desc *info)
{
	u32 type = (d >> 40) & 0xf;

	memset(info, 0, sizeof(*info));
	info->entry_number = idx;
	info->base_addr = ((d >> 16) & 0xffffff) | ((d >> 56) << 24);
	info->limit = (d & 0xffff) | (((d >> 48) & 0xf) << 16);
	info->seg_32bit = (d >> 54) & 1;
	info->contents = type >> 2;
	info->read_exec_only = !(type & 2);
	info->limit_in_pages = (d >> 55) & 1;
	info->seg_not_present = !((d >> 47) & 1);
	info->useable = (d >> 52) & 1;
}

int tls_pick_entry(const struct task_struct *p, const struct user_desc *info)
{
	int idx = (int)info->entry_number, i;

	if (!tls_desc_okay(info))
		return -EINVAL;
	if (idx == -1) {
		for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
			if (!p->tls_array[i])
				return GDT_ENTRY_TLS_MIN + i;
		return -ESRCH;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	return idx;
}

void load_TLS(const struct task_struct *p)
{
	int i;

	for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt_set_entry(GDT_ENTRY_TLS_MIN + i, p->tls_array[i]);
}

/*
 * A selector the process still holds may now name a cleared descriptor. Its saved
 * DS/ES/FS/GS/SS (pt_regs) are left as they are: ret_from_trap's exception-table
 * fix-ups (entry_32.asm) load the null selector for a data segment register that no
 * longer loads and turn a refused SS into a signal, for every change of a slot (cleared
 * or spoiled) and on every way back to user mode, as Linux's entry code does. Only the
 * kernel's live FS and GS, which keep the user's values while it runs, are reset here,
 * so that nothing in the kernel runs with a selector that names a dead slot.
 */
static void drop_stale_selectors(void)
{
	asm volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
}

void tls_install(struct task_struct *p, int idx, const struct user_desc *info)
{
	u64 d = tls_desc_encode(info);

	p->tls_array[idx - GDT_ENTRY_TLS_MIN] = d;
	if (p != current)
		return;
	if (!d && p->stack)
		drop_stale_selectors();
	load_TLS(p);
}

void tls_exit(struct task_struct *p)
{
	memset(p->tls_array, 0, sizeof(p->tls_array));
	load_TLS(p);
}

long sys_set_thread_area(struct user_desc *u_info)
{
	struct user_desc info;
	int idx;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	idx = tls_pick_entry(current, &info);
	if (idx < 0)
		return idx;
	if ((int)info.entry_number == -1 &&
	    copy_to_user(&u_info->entry_number, &idx, sizeof(idx)))
		return -EFAULT;
	tls_install(current, idx, &info);
	return 0;
}

long sys_get_thread_area(struct user_desc *u_info)
{
	struct user_desc info;
	int idx;

	if (copy_from_user(&idx, &u_info->entry_number, sizeof(idx)))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	tls_desc_decode(current->tls_array[idx - GDT_ENTRY_TLS_MIN], idx, &info);
	if (copy_to_user(u_info, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}

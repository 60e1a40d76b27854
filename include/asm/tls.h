/*
 * Thread-local storage descriptors: set_thread_area/get_thread_area (arch/x86/kernel/tls.c).
 *
 * Each process has three TLS segment descriptors, copied into GDT entries 6..8 while
 * it runs (as on native i386 Linux). A libc asks for one with entry_number = -1, gets
 * the number back (6), and loads %gs with 6 * 8 + 3 = 0x33; %gs:0 then reads its
 * thread control block at the base it chose. struct user_desc is Linux's ABI.
 */
#ifndef _ASM_TLS_H
#define _ASM_TLS_H

#include "../types.h"

struct user_desc {
	u32 entry_number;
	u32 base_addr;
	u32 limit;
	u32 seg_32bit:1;
	u32 contents:2;
	u32 read_exec_only:1;
	u32 limit_in_pages:1;
	u32 seg_not_present:1;
	u32 useable:1;
};

struct task_struct;

/* The checks and the encoding of Linux's arch/x86/kernel/tls.c, exposed for self-tests. */
bool tls_desc_okay(const struct user_desc *info);	/* -EINVAL when false */
u64 tls_desc_encode(const struct user_desc *info);	/* 0 for an "empty" request */
void tls_desc_decode(u64 desc, int idx, struct user_desc *info);
/* The GDT index to set (allocating when entry_number is -1), or -EINVAL / -ESRCH. */
int tls_pick_entry(const struct task_struct *p, const struct user_desc *info);
void tls_install(struct task_struct *p, int idx, const struct user_desc *info);

void load_TLS(const struct task_struct *p);	/* task's descriptors into GDT 6..8 */
void tls_exit(struct task_struct *p);		/* clear them, in the task and the GDT */

#endif /* _ASM_TLS_H */

/*
 * copy_from_user, copy_to_user, clear_user, strncpy_from_user: the only ways the kernel
 * touches memory whose address came from user space.
 *
 * Two lines of defence, as in Linux. access_ok() first refuses any range reaching
 * above TASK_SIZE, so a program cannot make the kernel read or write kernel memory for
 * it. The range may still be unmapped, or mapped without the right: the copy touches
 * it anyway, and each instruction that may fault has an entry in the exception table
 * (__ex_table: {instruction, fix-up}). The page-fault handler first tries to resolve
 * the fault for the process (demand-zero page, stack growth); if it cannot, it finds
 * the entry and resumes at the fix-up, which ends the copy and reports how much was
 * left. No oops, no kill: the system call returns -EFAULT.
 *
 * The copies use rep movsl for the bulk and rep movsb for the tail. A rep instruction
 * that faults leaves ecx/esi/edi describing the work not yet done, so after a fault in
 * the word copy the remaining bytes are retried one by one: the count returned is then
 * exact to the byte (the bytes before the bad page are copied), as Linux promises.
 *
 * Relies on: access_ok (include/uaccess.h), the __ex_table section (linker.ld) and
 * fixup_exception (arch/x86/mm/extable.c), do_page_fault for resolvable faults.
 */
#include <uaccess.h>
#include <uapi/errno.h>
#include <string.h>

/*
 * Copy n bytes between any two addresses, either of which may fault; returns the number
 * of bytes not copied. The caller has checked the user side with access_ok().
 */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	unsigned long words = n / 4, rest = n % 4;

	asm volatile("1:	rep movsl\n"
		     "	mov %3, %0\n"
		     "2:	rep movsb\n"
		     "	jmp 4f\n"
		     /* fix-up for 1: ecx words left, plus the tail; retry them bytewise */
		     "3:	lea (%3,%0,4), %0\n"
		     "	jmp 2b\n"
		     "4:\n"
		     ".pushsection __ex_table, \"a\"\n"
		     "	.balign 4\n"
		     "	.long 1b, 3b\n"
		     "	.long 2b, 4b\n"	/* a fault in the byte copy: ecx is what is left */
		     ".popsection\n"
		     : "+c"(words), "+D"(to), "+S"(from)
		     : "r"(rest)
		     : "memory");
	return words;
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_user(to, from, n);
	/* As Linux: the kernel buffer never keeps stale bytes where the copy failed. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user(to, from, n);
}

unsigned long clear_user(void *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	asm volatile("1:	rep stosb\n"
		     "2:\n"
		     ".pushsection __ex_table, \"a\"\n"
		     "	.balign 4\n"
		     "	.long 1b, 2b\n"
		     ".popsection\n"
		     : "+c"(n), "+D"(to)
		     : "a"(0)
		     : "memory");
	return n;
}

/* Read one user byte: 0, or -EFAULT if it faults. The caller checked access_ok. */
static inline int __get_user_u8(u8 *val, const u8 *addr)
{
	int err = 0;
	u8 v;

	asm volatile("1:	movb (%2), %1\n"
		     "2:\n"
		     ".pushsection __ex_table, \"a\"\n"
		     "	.balign 4\n"
		     "	.long 1b, 3f\n"
		     ".popsection\n"
		     ".pushsection .text.fixup, \"ax\"\n"
		     "3:	mov %3, %0\n"
		     "	xor %1, %1\n"
		     "	jmp 2b\n"
		     ".popsection\n"
		     : "+r"(err), "=q"(v)
		     : "r"(addr), "i"(-EFAULT));
	*val = v;
	return err;
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	long i, max = count;

	if (count <= 0)
		return 0;
	/*
	 * Only bytes below TASK_SIZE may be read. As Linux's, a string that runs into the
	 * end of user space without its NUL is a bad address, not a truncated copy.
	 */
	if ((unsigned long)src >= TASK_SIZE)
		return -EFAULT;
	if ((unsigned long)max > TASK_SIZE - (unsigned long)src)
		max = TASK_SIZE - (unsigned long)src;
	for (i = 0; i < max; i++) {
		u8 c;

		if (__get_user_u8(&c, (const u8 *)src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return max < count ? -EFAULT : count;
}

/*
 * Tiny user programs for the process self-tests, and the ELF files that carry them.
 *
 * USER_CODE(name, "instructions") assembles position-independent i386 code into
 * .rodata (name[] .. name_end[]); build_elf() wraps such bytes into an ELF32 ET_EXEC
 * image in a buffer, in the layout real static programs have: one PT_LOAD that maps
 * the file from offset 0 (headers included, so AT_PHDR can point at them) at
 * USER_BASE, with the code right after the program headers. More segments can be
 * given for the loader's tests, and the header fields can then be broken on purpose.
 */
#ifndef _TESTS_USER_IMAGE_H
#define _TESTS_USER_IMAGE_H

#include <types.h>
#include <elf.h>

#define USER_BASE	0x08048000UL

#define USER_CODE(name, body)						\
	asm(".pushsection .rodata\n"					\
	    ".balign 16\n"						\
	    #name ":\n" body "\n"					\
	    #name "_end:\n"						\
	    ".popsection\n");						\
	extern const u8 name[], name##_end[]

/* Exit with the value in %ebx: the last lines of most test programs. */
#define SYS_EXIT_EBX	"mov $1, %eax\n int $0x80\n"

struct test_segment {
	u32 vaddr;
	u32 flags;		/* PF_R | PF_W | PF_X */
	const void *data;	/* filesz bytes, placed after the previous segment's */
	u32 filesz;
	u32 memsz;
};

#define TEST_IMAGE_MAX	8192

/*
 * An image whose first segment is the file's start (headers + code) at USER_BASE,
 * read+execute, entry at the code; extra segments follow. Returns its size.
 */
size_t build_elf(u8 *buf, const void *code, size_t code_len,
		 const struct test_segment *extra, int nextra);

/* The same with only the code segment. */
static inline size_t build_program(u8 *buf, const u8 *start, const u8 *end)
{
	return build_elf(buf, start, end - start, NULL, 0);
}

/* Offsets inside an image made by build_elf(), to break it on purpose. */
static inline Elf32_Ehdr *image_ehdr(u8 *buf)
{
	return (Elf32_Ehdr *)buf;
}

static inline Elf32_Phdr *image_phdr(u8 *buf, int i)
{
	return (Elf32_Phdr *)(buf + sizeof(Elf32_Ehdr)) + i;
}

#endif /* _TESTS_USER_IMAGE_H */

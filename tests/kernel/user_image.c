/*
 * build_elf() for the process and loader self-tests (see user_image.h).
 */
#include "user_image.h"
#include <kernel.h>
#include <string.h>

size_t build_elf(u8 *buf, const void *code, size_t code_len,
		 const struct test_segment *extra, int nextra)
{
	Elf32_Ehdr *eh = (Elf32_Ehdr *)buf;
	size_t headers = sizeof(*eh) + (1 + nextra) * sizeof(Elf32_Phdr);
	size_t off = headers + code_len;
	Elf32_Phdr *ph;
	int i;

	BUG_ON(off > TEST_IMAGE_MAX);
	memset(buf, 0, TEST_IMAGE_MAX);
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS32;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_386;
	eh->e_version = EV_CURRENT;
	eh->e_entry = USER_BASE + headers;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(Elf32_Phdr);
	eh->e_phnum = 1 + nextra;

	ph = image_phdr(buf, 0);
	ph->p_type = PT_LOAD;
	ph->p_offset = 0;
	ph->p_vaddr = ph->p_paddr = USER_BASE;
	ph->p_filesz = ph->p_memsz = headers + code_len;
	ph->p_flags = PF_R | PF_X;
	ph->p_align = 0x1000;
	memcpy(buf + headers, code, code_len);

	for (i = 0; i < nextra; i++) {
		const struct test_segment *s = &extra[i];

		ph = image_phdr(buf, 1 + i);
		BUG_ON(off + s->filesz > TEST_IMAGE_MAX);
		ph->p_type = PT_LOAD;
		ph->p_offset = off;
		ph->p_vaddr = ph->p_paddr = s->vaddr;
		ph->p_filesz = s->filesz;
		ph->p_memsz = s->memsz;
		ph->p_flags = s->flags;
		ph->p_align = 0x1000;
		if (s->filesz)
			memcpy(buf + off, s->data, s->filesz);
		off += s->filesz;
	}
	return off;
}

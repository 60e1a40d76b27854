/*
 * The vDSO in every process: the pages behind [vvar] and [vdso], and their mapping at
 * exec (Linux's arch/x86/entry/vdso/vma.c, map_vdso()).
 *
 * At boot vdso_init() copies the image linked into the kernel (vdso-image.asm) into a
 * page of its own and takes a zeroed page for the data (include/asm/vvar.h), which
 * kernel/time.c then keeps up to date. The kernel holds one reference to each page for
 * ever; every process maps the same two pages. Without SEP the four bytes "movl %esp,
 * %ebp; sysenter" of __kernel_vsyscall become no-ops, so it falls through to int $0x80.
 *
 * At exec arch_setup_additional_pages() adds two special mappings to the new mm at
 * VVAR_ADDR and VDSO_ADDR (include/vdso.h), with no pages in them yet: the first touch
 * faults, and vdso_fault() maps the shared page with the area's rights, counted as any
 * mapped page is (a reference, the mapcount, rss), so that zap_page_range() undoes it
 * like any other (and the kernel's own reference keeps the page). A fork that copies
 * the ptes, or leaves them to fault again, gets the same pages either way. Neither area
 * may ever become writable (no VM_MAYWRITE): mprotect refuses, as for a read-only file.
 *
 * A program whose own segments cover those addresses simply gets no vDSO (and no
 * AT_SYSINFO*), as a libc then makes its system calls by int $0x80 itself.
 *
 * Relies on: alloc_page, page_address, pte_lookup/pte_alloc, __vma_merge_new,
 * sysenter_setup (arch/x86/kernel/sysenter_32.c), update_vsyscall (kernel/time.c).
 */
#include <vdso.h>
#include <gfp.h>
#include <kernel.h>
#include <mm.h>
#include <mmap.h>
#include <pgtable.h>
#include <printk.h>
#include <string.h>
#include <uapi/errno.h>
#include <asm/vvar.h>

struct vdso_data *vdso_data;
unsigned long vdso_sysenter_return;
bool vdso_uses_sysenter;

static struct page *vdso_text_page, *vdso_vvar_page;

static int vdso_fault(struct vm_area_struct *vma, unsigned long addr);

static const struct vm_operations_struct vdso_vm_ops = { .fault = vdso_fault };
static const struct vm_operations_struct vvar_vm_ops = { .fault = vdso_fault };

static int vdso_fault(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = vma->vm_ops == &vdso_vm_ops ? vdso_text_page : vdso_vvar_page;
	pte_t *pte;

	if (addr != vma->vm_start)	/* one page each: a wider area was mremapped */
		return VM_FAULT_SIGBUS;
	pte = pte_lookup(mm->pgd, addr);
	if (!pte && !(pte = pte_alloc(mm->pgd, addr)))
		return VM_FAULT_OOM;
	get_page(page);
	page->_mapcount++;		/* one more pte maps it (mm/rmap.c's rule) */
	mm->rss++;
	if (mm->rss > mm->hiwater_rss)
		mm->hiwater_rss = mm->rss;
	set_pte_at(mm, addr, pte, mk_pte(page, vma->vm_page_prot));	/* was empty */
	return 0;
}

void vdso_init(void)
{
	size_t size = vdso_image_end - vdso_image_start;
	u8 *text;

	_Static_assert(sizeof(struct vdso_data) <= PAGE_SIZE, "vvar is one page");
	if (size > PAGE_SIZE) {
		pr_err("vdso: the image is %zu bytes, more than a page: no vDSO\n", size);
		return;
	}
	vdso_text_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	vdso_vvar_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!vdso_text_page || !vdso_vvar_page) {
		pr_err("vdso: no memory for its pages: no vDSO\n");
		if (vdso_text_page)
			put_page(vdso_text_page);
		if (vdso_vvar_page)
			put_page(vdso_vvar_page);
		vdso_text_page = vdso_vvar_page = NULL;
		return;
	}
	text = page_address(vdso_text_page);
	memcpy(text, vdso_image_start, size);
	vdso_uses_sysenter = sysenter_setup();
	if (!vdso_uses_sysenter)
		memset(text + vdso_sym_sysenter_seq, 0x90, 4);	/* nop x4: int $0x80 */
	vdso_sysenter_return = VDSO_ADDR + vdso_sym_int80_landing_pad;
	vdso_data = page_address(vdso_vvar_page);
	update_vsyscall();
	pr_info("vdso: [vvar] at 0x%lx, [vdso] at 0x%lx, system calls by %s\n", VVAR_ADDR,
		VDSO_ADDR, vdso_uses_sysenter ? "sysenter" : "int $0x80");
}

/* Linux's VM_* flags for the two areas (VM_DONTEXPAND: mremap may not grow them). */
#define VVAR_FLAGS	(VM_READ | VM_MAYREAD | VM_DONTEXPAND)
#define VDSO_FLAGS	(VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC | VM_DONTEXPAND)

int arch_setup_additional_pages(struct mm_struct *mm)
{
	if (!vdso_text_page || VDSO_ADDR + PAGE_SIZE > mm->task_size ||
	    find_vma_intersection(mm, VVAR_ADDR, VDSO_ADDR + PAGE_SIZE))
		return 0;
	if (!__vma_merge_new(mm, VVAR_ADDR, VVAR_ADDR + PAGE_SIZE, VVAR_FLAGS, &vvar_vm_ops, 0,
			     "[vvar]"))
		return -ENOMEM;
	if (!__vma_merge_new(mm, VDSO_ADDR, VDSO_ADDR + PAGE_SIZE, VDSO_FLAGS, &vdso_vm_ops, 0,
			     "[vdso]"))
		return -ENOMEM;	/* [vvar] goes with the unfinished mm */
	return 0;
}

unsigned long vdso_base(struct mm_struct *mm)
{
	struct vm_area_struct *vma = find_vma(mm, VDSO_ADDR);

	return vma && vma->vm_start == VDSO_ADDR && vma->vm_ops == &vdso_vm_ops ? VDSO_ADDR : 0;
}

unsigned long vdso_entry(struct mm_struct *mm)
{
	unsigned long base = vdso_base(mm);

	return base ? base + vdso_sym_kernel_vsyscall : 0;
}

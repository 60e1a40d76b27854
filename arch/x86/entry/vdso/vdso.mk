# The 32-bit vDSO (arch/x86/entry/vdso/): an ELF shared object built from these sources
# with the host's gcc (-m32 -fPIC -shared -nostdlib, no libgcc) into vdso32.so.dbg,
# stripped of its symbol table and debug information (objcopy -S) into vdso32.so, which
# must fit in one page (the size Linux's is too), then embedded in the kernel image by vdso-image.asm (incbin) together with the
# offsets of the symbols the kernel itself needs (vdso-syms.inc, from nm).
#
# The C files here are the vDSO's, not the kernel's: they are taken out of the kernel's
# object list, and vdso-image.o (found by the Makefile's wildcard like any .asm file)
# is what the kernel links.

VDSO_DIR   := arch/x86/entry/vdso
VDSO_OUT   := $(BUILD)/$(VDSO_DIR)
VDSO_SRCS  := $(VDSO_DIR)/vclock_gettime.c $(VDSO_DIR)/vsyscall.S
VDSO_SO    := $(VDSO_OUT)/vdso32.so
VDSO_DBG   := $(VDSO_OUT)/vdso32.so.dbg
VDSO_SYMS  := $(VDSO_OUT)/vdso-syms.inc
VDSO_CFLAGS := -m32 -march=i686 -fPIC -O2 -g -std=gnu11 -Wall -Wextra -Werror \
               -ffreestanding -fno-stack-protector -fno-omit-frame-pointer \
               -fno-asynchronous-unwind-tables -mgeneral-regs-only -Iinclude
VDSO_LDFLAGS := -m32 -shared -nostdlib -Wl,-T,$(VDSO_DIR)/vdso32.lds -Wl,-soname=linux-gate.so.1 \
                -Wl,--hash-style=both -Wl,-Bsymbolic -Wl,--no-undefined -Wl,-z,max-page-size=4096 \
                -Wl,--build-id=sha1 -Wl,-z,noexecstack

KERNEL_OBJ := $(filter-out $(VDSO_OUT)/%,$(KERNEL_OBJ)) $(VDSO_OUT)/vdso-image.o

$(VDSO_DBG): $(VDSO_SRCS) $(VDSO_DIR)/vdso32.lds include/asm/vvar.h $(VDSO_DIR)/vdso.mk
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  VDSO    $@")
	$(Q)$(CC) $(VDSO_CFLAGS) $(VDSO_LDFLAGS) $(VDSO_SRCS) -o $@.tmp
	$(Q)if readelf -r $@.tmp | grep -q 'Relocation section'; then \
		echo "$@: the vDSO must have no relocations" >&2; readelf -r $@.tmp >&2; \
		rm -f $@.tmp; exit 1; fi
	$(Q)mv $@.tmp $@

$(VDSO_SO): $(VDSO_DBG)
	$(Q)objcopy -S $< $@.tmp
	$(Q)if [ $$(stat -c %s $@.tmp) -gt 4096 ]; then \
		echo "$@: the vDSO is larger than a page" >&2; rm -f $@.tmp; exit 1; fi
	$(Q)mv $@.tmp $@

# NASM defines for the offsets the kernel uses (the sysenter landing pad, the bytes to
# patch without SEP), read from the object's own symbol table.
$(VDSO_SYMS): $(VDSO_DBG)
	$(Q)nm $< | awk '$$3 == "int80_landing_pad" || $$3 == "vdso_sysenter_seq" || \
		$$3 == "__kernel_vsyscall" { printf "%%define VDSO_SYM_%s 0x%s\n", $$3, $$1 }' \
		> $@.tmp && [ $$(wc -l < $@.tmp) -eq 3 ] && mv $@.tmp $@

$(VDSO_OUT)/vdso-image.o: $(VDSO_SO) $(VDSO_SYMS)
$(VDSO_OUT)/vdso-image.o: NASMFLAGS += -I$(VDSO_OUT)/

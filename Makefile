# Build, run, test and debug the kernel.
#
#   make            build build/kernel.elf (the Multiboot kernel, no self-tests)
#   make run        boot the GRUB ISO in QEMU, serial console on this terminal
#   make run-kernel boot the same ELF with qemu -kernel (faster, no GRUB)
#   make test       host unit tests, in-kernel self-tests, end-to-end tests: "N passed, N failed"
#   make bench      benchmarks with exact instruction counts (QEMU -icount shift=0);
#                   the figures quoted in docs/ are rewritten from them (tools/gen-bench-docs)
#   make debug      QEMU paused with its gdb stub on :1234; then "make gdb" in another terminal
#
# Two images are built from the same objects: build/kernel.elf, the production kernel,
# and build/kernel-test.elf, which adds the self-tests and benchmarks of tests/kernel/
# (make test and make bench use it). TEST=1 makes run-kernel, debug and gdb use the
# test image: make run-kernel TEST=1 CMDLINE=test=slab. run, run-kernel and debug exit
# 0 when the kernel ends well (tools/qemu-status explains the other statuses).
#
# Sources are found by wildcard: a new .c or .asm file in a kernel folder is built
# without touching this file. Host-side tests and user programs bring their own
# rules in *.mk fragments included below.

BUILD     := build
CC        := gcc
LD        := ld
NASM      := nasm
QEMU      := qemu-system-i386

KCFLAGS   := -m32 -march=i686 -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
             -nostdlib -O2 -g -std=gnu11 -Wall -Wextra -Werror \
             -fno-omit-frame-pointer -fno-toplevel-reorder -mgeneral-regs-only -fno-strict-aliasing \
             -Iinclude -MMD -MP
KLDFLAGS  := -m elf_i386 -L $(BUILD)/include/generated -T linker.ld --no-warn-rwx-segments -z noexecstack
# Lazy (=): asked of gcc only when a recipe links, once the packages are installed.
LIBGCC     = $(shell $(CC) -m32 -print-libgcc-file-name)
NASMFLAGS := -f elf32 -g -F dwarf -I$(BUILD)/include/generated/

# The kernel's folders, as in Linux: arch/x86/{kernel,mm,lib}, kernel, mm, fs, lib, drivers.
# The test image adds tests/kernel/ (self-tests, benchmarks) after all of them.
KERNEL_DIRS := arch/x86 kernel mm fs lib drivers
# asm-offsets.c is compiled to assembly only, never linked (see asm-offsets.inc below).
KERNEL_C   := $(filter-out arch/x86/kernel/asm-offsets.c,$(sort $(shell find $(KERNEL_DIRS) -name '*.c')))
KERNEL_ASM := $(sort $(wildcard boot/*.asm) $(shell find arch/x86 -name '*.asm'))
KERNEL_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(KERNEL_C)) \
              $(patsubst %.asm,$(BUILD)/%.o,$(KERNEL_ASM))
-include arch/x86/entry/vdso/vdso.mk
KTEST_OBJ  := $(patsubst %.c,$(BUILD)/%.o,$(sort $(wildcard tests/kernel/*.c)))

KERNEL      := $(BUILD)/kernel.elf
KERNEL_TEST := $(BUILD)/kernel-test.elf
ISO         := $(BUILD)/kernel.iso

.PHONY: all run run-kernel test bench debug gdb iso deps clean host-test list-host-tests \
	test-image
all: $(KERNEL)
test-image: $(KERNEL_TEST)

# Installed packages come first. The fragments below ask the tools while make reads
# them (gcc -m32 -print-file-name, tests/linux-abi's musl check), so make must not read
# them before tools/install-deps has run. It does not: this file includes
# $(BUILD)/deps.mk, which only tools/install-deps makes. When it is missing or older than
# the script, make reads this file without the fragments, runs the script before any
# goal (so also before any compile under -j), then starts again from the top with the
# packages in place. "make clean" needs no package.
DEPS_STAMP := $(BUILD)/deps.mk
ifneq ($(filter-out clean,$(or $(MAKECMDGOALS),all)),)
include $(DEPS_STAMP)
endif
$(DEPS_STAMP): tools/install-deps
	@tools/install-deps
	@mkdir -p $(BUILD) && echo "# made by the Makefile once tools/install-deps succeeded" > $@

# "make V=1" shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/%.o: %.asm
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# asm-offsets: C's constants and structure offsets for the assembly files. The C file is
# compiled with the kernel's flags to assembly, whose "->NAME value" markers
# tools/gen-asm-offsets turns into a NASM include; every .asm file may %include it.
ASM_OFFSETS := $(BUILD)/include/generated/asm-offsets.inc

$(BUILD)/arch/x86/kernel/asm-offsets.s: arch/x86/kernel/asm-offsets.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KCFLAGS) -S $< -o $@

$(ASM_OFFSETS): $(BUILD)/arch/x86/kernel/asm-offsets.s tools/gen-asm-offsets
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)tools/gen-asm-offsets $< > $@.tmp && mv $@.tmp $@

$(patsubst %.asm,$(BUILD)/%.o,$(KERNEL_ASM)): $(ASM_OFFSETS)

# The same numbers for linker.ld, which INCLUDEs this fragment.
ASM_OFFSETS_LDS := $(BUILD)/include/generated/asm-offsets.lds
$(ASM_OFFSETS_LDS): $(BUILD)/arch/x86/kernel/asm-offsets.s tools/gen-asm-offsets
	@mkdir -p $(dir $@)
	$(Q)tools/gen-asm-offsets --lds $< PAGE_OFFSET PAGE_SIZE > $@.tmp && mv $@.tmp $@

# Each image is linked twice: the first link gives the addresses of every function,
# tools/gen-kallsyms turns them into a symbol table for backtraces, and the second
# link adds that table in its own section at the very end, so no address moves.
$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJ) $(BUILD)/kallsyms-empty.o linker.ld $(ASM_OFFSETS_LDS)
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(BUILD)/kallsyms-empty.o $(LIBGCC)

$(BUILD)/kernel-test.pass1.elf: $(KERNEL_OBJ) $(KTEST_OBJ) $(BUILD)/kallsyms-empty.o linker.ld $(ASM_OFFSETS_LDS)
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(KTEST_OBJ) $(BUILD)/kallsyms-empty.o $(LIBGCC)

$(BUILD)/%.kallsyms.c: $(BUILD)/%.pass1.elf tools/gen-kallsyms
	$(Q)tools/gen-kallsyms $< > $@

$(BUILD)/kallsyms-empty.c: tools/gen-kallsyms
	@mkdir -p $(BUILD)
	$(Q)tools/gen-kallsyms --empty > $@

$(BUILD)/%.kallsyms.o: $(BUILD)/%.kallsyms.c
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(BUILD)/kallsyms-empty.o: $(BUILD)/kallsyms-empty.c
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
.PRECIOUS: $(BUILD)/%.kallsyms.c $(BUILD)/%.pass1.elf

$(KERNEL): $(KERNEL_OBJ) $(BUILD)/kernel.kallsyms.o linker.ld $(ASM_OFFSETS_LDS) tools/check-kernel
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(BUILD)/kernel.kallsyms.o $(LIBGCC)
	$(Q)tools/check-kernel --production $@

$(KERNEL_TEST): $(KERNEL_OBJ) $(KTEST_OBJ) $(BUILD)/kernel-test.kallsyms.o linker.ld \
		tools/check-kernel
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(KTEST_OBJ) $(BUILD)/kernel-test.kallsyms.o \
		$(LIBGCC)
	$(Q)tools/check-kernel --test $@

iso: $(ISO)
$(ISO): $(KERNEL) iso/boot/grub/grub.cfg
	@tools/install-deps --check grub-mkrescue xorriso mformat
	$(Q)rm -rf $(BUILD)/iso && mkdir -p $(BUILD)/iso/boot/grub
	$(Q)cp iso/boot/grub/grub.cfg $(BUILD)/iso/boot/grub/
	$(Q)cp $(KERNEL) $(BUILD)/iso/boot/kernel.elf
	@echo "  ISO     $@"
	$(Q)grub-mkrescue -o $@ $(BUILD)/iso 2> $(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }

deps:
	@tools/install-deps
	@mkdir -p $(BUILD) && touch $(DEPS_STAMP)

QEMU_BASE := -display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4
MEM       ?= 256M
CMDLINE   ?=

# The image run-kernel, debug and gdb boot: TEST=1 for the one with the self-tests.
ifeq ($(TEST),1)
RUN_KERNEL := $(KERNEL_TEST)
else
RUN_KERNEL := $(KERNEL)
endif
# QEMU's status, made 0 on success (tools/qemu-status lists the others).
QEMU_STATUS = || tools/qemu-status $$?

run: $(ISO)
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -cdrom $(ISO) $(QEMU_STATUS)

run-kernel: $(RUN_KERNEL)
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -kernel $(RUN_KERNEL) \
		-append "$(CMDLINE)" $(QEMU_STATUS)

debug: $(RUN_KERNEL)
	@echo "QEMU is waiting for gdb on localhost:1234:" \
		"run 'make gdb$(if $(filter 1,$(TEST)), TEST=1)' in another terminal."
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -kernel $(RUN_KERNEL) -append "$(CMDLINE)" \
		-S -s $(QEMU_STATUS)

gdb: $(RUN_KERNEL)
	gdb -q -x tools/gdbinit $(RUN_KERNEL)

# Fragments: user programs (user/*.mk) and tests (tests/*/*.mk: host unit tests, ABI suite).
HOST_TESTS :=
USER_PROGS :=
ifneq ($(wildcard $(DEPS_STAMP)),)
-include $(sort $(wildcard user/*.mk))
-include $(sort $(wildcard tests/*/*.mk))
endif

# The initramfs: a staging tree, build/rootfs (/bin with the teaching programs, an
# empty /tmp), packed with cpio -H newc. tools/run-elf --initrd build/initramfs.cpio
# boots with it as the first Multiboot module; the kernel unpacks it into / (fs/initramfs.c).
INITRAMFS := $(BUILD)/initramfs.cpio
.PHONY: initramfs
initramfs: $(INITRAMFS)
$(INITRAMFS): $(USER_BINS)
	@tools/install-deps --check cpio
	@echo "  CPIO    $@"
	$(Q)rm -rf $(BUILD)/rootfs && mkdir -p $(BUILD)/rootfs/bin $(BUILD)/rootfs/tmp
	$(Q)cp $(USER_BINS) $(BUILD)/rootfs/bin/ && chmod 1777 $(BUILD)/rootfs/tmp
	$(Q)cd $(BUILD)/rootfs && find . | LC_ALL=C sort | \
		cpio --quiet -o -H newc -R 0:0 > $(abspath $@).tmp && mv $(abspath $@).tmp $(abspath $@)

host-test: $(HOST_TESTS)
	@STAGES=run-host tests/run-all

list-host-tests:
	@echo $(HOST_TESTS)

test: $(KERNEL) $(KERNEL_TEST) $(ISO) $(HOST_TESTS) $(USER_PROGS) $(INITRAMFS)
	@tests/run-all

bench: $(KERNEL) $(KERNEL_TEST) $(USER_PROGS)
	@tools/bench | tee $(BUILD)/bench.log
	@tools/gen-bench-docs --record $(BUILD)/bench.log && tools/gen-bench-docs

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

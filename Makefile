# Build, run, test and debug the kernel.
#
#   make            build build/kernel.elf (the Multiboot kernel)
#   make run        boot the GRUB ISO in QEMU, serial console on this terminal
#   make run-kernel boot the same ELF with qemu -kernel (faster, no GRUB)
#   make test       host unit tests, in-kernel self-tests, end-to-end tests: "N passed, N failed"
#   make bench      benchmarks with exact instruction counts (QEMU -icount shift=0)
#   make debug      QEMU paused with its gdb stub on :1234; then "make gdb" in another terminal
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
LIBGCC    := $(shell $(CC) -m32 -print-libgcc-file-name)
NASMFLAGS := -f elf32 -g -F dwarf -I$(BUILD)/include/generated/

# The kernel's folders, as in Linux: arch/x86/{kernel,mm,lib}, kernel, mm, fs, lib, drivers.
KERNEL_DIRS := arch/x86 kernel mm fs lib drivers tests/kernel
# asm-offsets.c is compiled to assembly only, never linked (see asm-offsets.inc below).
KERNEL_C   := $(filter-out arch/x86/kernel/asm-offsets.c,$(sort $(shell find $(KERNEL_DIRS) -name '*.c')))
KERNEL_ASM := $(sort $(wildcard boot/*.asm) $(shell find arch/x86 -name '*.asm'))
KERNEL_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(KERNEL_C)) \
              $(patsubst %.asm,$(BUILD)/%.o,$(KERNEL_ASM))

KERNEL    := $(BUILD)/kernel.elf
ISO       := $(BUILD)/kernel.iso

.PHONY: all run run-kernel test bench debug gdb iso deps clean host-test list-host-tests
all: $(KERNEL)

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

# The kernel is linked twice: the first link gives the addresses of every function,
# tools/gen-kallsyms turns them into a symbol table for backtraces, and the second
# link adds that table in its own section at the very end, so no address moves.
$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJ) $(BUILD)/kallsyms-empty.o linker.ld $(ASM_OFFSETS_LDS)
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(BUILD)/kallsyms-empty.o $(LIBGCC)

$(BUILD)/kallsyms.c: $(BUILD)/kernel.pass1.elf tools/gen-kallsyms
	$(Q)tools/gen-kallsyms $< > $@

$(BUILD)/kallsyms-empty.c: tools/gen-kallsyms
	@mkdir -p $(BUILD)
	$(Q)tools/gen-kallsyms --empty > $@

$(BUILD)/kallsyms.o $(BUILD)/kallsyms-empty.o: $(BUILD)/%.o: $(BUILD)/%.c
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(KERNEL): $(KERNEL_OBJ) $(BUILD)/kallsyms.o linker.ld $(ASM_OFFSETS_LDS)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(BUILD)/kallsyms.o $(LIBGCC)
	$(Q)tools/check-kernel $@

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

QEMU_BASE := -display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4
MEM       ?= 256M
CMDLINE   ?=

run: deps $(ISO)
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -cdrom $(ISO)

run-kernel: deps $(KERNEL)
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -kernel $(KERNEL) -append "$(CMDLINE)"

debug: deps $(KERNEL)
	@echo "QEMU is waiting for gdb on localhost:1234: run 'make gdb' in another terminal."
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -kernel $(KERNEL) -append "$(CMDLINE)" -S -s

gdb: $(KERNEL)
	gdb -q -x tools/gdbinit $(KERNEL)

# Fragments: user programs (user/*.mk) and tests (tests/*/*.mk: host unit tests, ABI suite).
HOST_TESTS :=
USER_PROGS :=
-include $(sort $(wildcard user/*.mk))
-include $(sort $(wildcard tests/*/*.mk))

host-test: $(HOST_TESTS)
	@STAGES=run-host tests/run-all

list-host-tests:
	@echo $(HOST_TESTS)

test: deps $(KERNEL) $(ISO) $(HOST_TESTS) $(USER_PROGS)
	@tests/run-all

bench: deps $(KERNEL) $(USER_PROGS)
	@tools/bench

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

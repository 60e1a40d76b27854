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
KLDFLAGS  := -m elf_i386 -T linker.ld --no-warn-rwx-segments -z noexecstack
# Lazy (=): asked of gcc only when a recipe links, once the packages are installed.
LIBGCC     = $(shell $(CC) -m32 -print-libgcc-file-name)
NASMFLAGS := -f elf32 -g -F dwarf

# The kernel's folders, as in Linux: arch/x86/{kernel,mm,lib}, kernel, mm, fs, lib, drivers.
KERNEL_DIRS := arch/x86 kernel mm fs lib drivers tests/kernel
KERNEL_C   := $(sort $(shell find $(KERNEL_DIRS) -name '*.c'))
KERNEL_ASM := $(sort $(wildcard boot/*.asm) $(shell find arch/x86 -name '*.asm'))
KERNEL_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(KERNEL_C)) \
              $(patsubst %.asm,$(BUILD)/%.o,$(KERNEL_ASM))

KERNEL    := $(BUILD)/kernel.elf
ISO       := $(BUILD)/kernel.iso

.PHONY: all run run-kernel test bench debug gdb iso deps clean host-test list-host-tests
all: $(KERNEL)

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

# The kernel is linked twice: the first link gives the addresses of every function,
# tools/gen-kallsyms turns them into a symbol table for backtraces, and the second
# link adds that table in its own section at the very end, so no address moves.
$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJ) $(BUILD)/kallsyms-empty.o linker.ld
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(BUILD)/kallsyms-empty.o $(LIBGCC)

$(BUILD)/kallsyms.c: $(BUILD)/kernel.pass1.elf tools/gen-kallsyms
	$(Q)tools/gen-kallsyms $< > $@

$(BUILD)/kallsyms-empty.c: tools/gen-kallsyms
	@mkdir -p $(BUILD)
	$(Q)tools/gen-kallsyms --empty > $@

$(BUILD)/kallsyms.o $(BUILD)/kallsyms-empty.o: $(BUILD)/%.o: $(BUILD)/%.c
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(KERNEL): $(KERNEL_OBJ) $(BUILD)/kallsyms.o linker.ld
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
	@mkdir -p $(BUILD) && touch $(DEPS_STAMP)

QEMU_BASE := -display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4
MEM       ?= 256M
CMDLINE   ?=

run: $(ISO)
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -cdrom $(ISO)

run-kernel: $(KERNEL)
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -kernel $(KERNEL) -append "$(CMDLINE)"

debug: $(KERNEL)
	@echo "QEMU is waiting for gdb on localhost:1234: run 'make gdb' in another terminal."
	$(QEMU) $(QEMU_BASE) -m $(MEM) -serial stdio -kernel $(KERNEL) -append "$(CMDLINE)" -S -s

gdb: $(KERNEL)
	gdb -q -x tools/gdbinit $(KERNEL)

# Fragments: user programs (user/*.mk) and tests (tests/*/*.mk: host unit tests, ABI suite).
HOST_TESTS :=
USER_PROGS :=
ifneq ($(wildcard $(DEPS_STAMP)),)
-include $(sort $(wildcard user/*.mk))
-include $(sort $(wildcard tests/*/*.mk))
endif

host-test: $(HOST_TESTS)
	@STAGES=run-host tests/run-all

list-host-tests:
	@echo $(HOST_TESTS)

test: $(KERNEL) $(ISO) $(HOST_TESTS) $(USER_PROGS)
	@tests/run-all

bench: $(KERNEL) $(USER_PROGS)
	@tools/bench

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

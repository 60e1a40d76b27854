# User programs for the teaching kernel: ulib (user/lib) and one program per user/*.c.
#
# Each program is a static ELF32 ET_EXEC linked at 0x08048000 without any libc but
# ulib, built to build/user/NAME. They run on the kernel (tools/run-elf build/user/NAME)
# and, being plain Linux i386 binaries, natively on Linux too, which is how
# tests/run-user checks their output. bench_mm is also built against glibc as
# build/user/bench_mm-linux for the side-by-side table of `make bench`.

USER_GCC_INC := $(shell $(CC) -m32 -print-file-name=include)
USER_CFLAGS  := -m32 -march=i686 -ffreestanding -nostdlib -nostdinc -isystem $(USER_GCC_INC) \
                -fno-pie -fno-pic -fno-stack-protector -fno-tree-loop-distribute-patterns \
                -fno-asynchronous-unwind-tables -O2 -g -std=gnu11 -Wall -Wextra -Werror \
                -DULIB -Iuser/lib -MMD -MP
USER_LDFLAGS := -m32 -nostdlib -static -no-pie -Wl,-Ttext-segment=0x08048000 \
                -Wl,--build-id=none -Wl,-z,noexecstack
USER_LIBGCC  := $(shell $(CC) -m32 -print-libgcc-file-name)

# crt0 first, so that _start opens the text segment.
ULIB_SRC   := user/lib/crt0.S $(filter-out user/lib/crt0.S,$(sort $(wildcard user/lib/*.c user/lib/*.S)))
ULIB_OBJ   := $(patsubst user/lib/%,$(BUILD)/user/lib/%.o,$(ULIB_SRC))
USER_NAMES := $(sort $(basename $(notdir $(wildcard user/*.c))))
USER_BINS  := $(addprefix $(BUILD)/user/,$(USER_NAMES))

USER_PROGS += $(USER_BINS) $(BUILD)/user/bench_mm-linux

.PHONY: user
user: $(USER_BINS) $(BUILD)/user/bench_mm-linux

$(BUILD)/user/lib/%.c.o: user/lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(BUILD)/user/lib/%.S.o: user/lib/%.S
	@mkdir -p $(dir $@)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(BUILD)/user/obj/%.o: user/%.c
	@mkdir -p $(dir $@)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_BINS): $(BUILD)/user/%: $(BUILD)/user/obj/%.o $(ULIB_OBJ)
	$(CC) $(USER_LDFLAGS) -o $@ $(ULIB_OBJ) $< $(USER_LIBGCC)

$(BUILD)/user/bench_mm-linux: user/bench_mm.c
	@mkdir -p $(dir $@)
	$(CC) -m32 -static -fno-pie -no-pie -O2 -g -std=gnu11 -Wall -Wextra -Werror $< -o $@

# Differential ABI tests: every tests/linux-abi/*.c built twice, against glibc
# (gcc -m32 -static) into build/abi/glibc/NAME and against musl (i386-linux-musl-gcc
# -static) into build/abi/musl/NAME. tests/run-user runs each case listed in
# tests/linux-abi/cases on Linux i386 (the oracle, through tools/run-linux; the x86-64
# host when the Linux package could not be fetched) and on the kernel, and compares.
# Without i386-linux-musl-gcc the musl half is skipped with a message, not an error.
# MUSL_CC is asked of the shell while make reads this file: the top-level Makefile reads
# the fragments only once tools/install-deps has run, so a first `make test` has musl.

ABI_CFLAGS := -static -fno-pie -no-pie -O2 -g -std=gnu11 -Wall -Wextra -Werror \
              -fno-strict-aliasing -MMD -MP
ABI_NAMES  := $(sort $(basename $(notdir $(wildcard tests/linux-abi/*.c))))
ABI_GLIBC  := $(addprefix $(BUILD)/abi/glibc/,$(ABI_NAMES))
MUSL_CC    := $(shell command -v i386-linux-musl-gcc 2>/dev/null)

ifeq ($(MUSL_CC),)
ABI_MUSL   :=
ifneq ($(filter test abi,$(MAKECMDGOALS)),)
$(info tests/linux-abi: i386-linux-musl-gcc not found, musl cases skipped (make deps installs musl-dev:i386))
endif
else
ABI_MUSL   := $(addprefix $(BUILD)/abi/musl/,$(ABI_NAMES))
endif

USER_PROGS += $(ABI_GLIBC) $(ABI_MUSL)

.PHONY: abi
abi: $(ABI_GLIBC) $(ABI_MUSL)

$(BUILD)/abi/glibc/%: tests/linux-abi/%.c tests/linux-abi/abi.h
	@mkdir -p $(dir $@)
	$(CC) -m32 $(ABI_CFLAGS) $< -o $@ -lm

$(BUILD)/abi/musl/%: tests/linux-abi/%.c tests/linux-abi/abi.h
	@mkdir -p $(dir $@)
	$(MUSL_CC) $(ABI_CFLAGS) $< -o $@ -lm

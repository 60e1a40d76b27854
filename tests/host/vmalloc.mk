# Host tests of vmalloc, vmap and ioremap (mm/vmalloc.c, mm/ioremap.c) on the buddy
# allocator's fake machine with fake page tables (tests/host/host_vmalloc.c), compiled
# natively with AddressSanitizer and UBSan; the fuzz target runs briefly too.
#
#   build/host/test_vmalloc      unit tests (TAP)
#   build/host/fuzz_vmalloc_run  a bounded fuzz run (libFuzzer if clang has it, else a
#                                deterministic random driver), one TAP line
#   make fuzz-vmalloc            a longer fuzz run (FUZZ_TIME seconds, default 60)

VMALLOC_HOST_CFLAGS := -DHOST_TEST -fsanitize=address,undefined -fno-sanitize-recover=all \
                       -g -O1 -std=gnu11 -Wall -Wextra -Werror -fno-omit-frame-pointer \
                       -Iinclude -Itests/host
# The buddy allocator's sources and fake machine come from buddy.mk, which the Makefile
# includes before this fragment (fragments are read in sorted order).
VMALLOC_HOST_SRC     = mm/vmalloc.c mm/ioremap.c $(BUDDY_HOST_SRC) tests/host/host_vmalloc.c
VMALLOC_HOST_DEPS    = $(VMALLOC_HOST_SRC) $(BUDDY_HOST_DEPS) tests/host/host_vmalloc.h \
                       tests/host/vmalloc.mk $(wildcard include/*.h include/asm/*.h)

HOST_TESTS += $(BUILD)/host/test_vmalloc $(BUILD)/host/fuzz_vmalloc_run

$(BUILD)/host/test_vmalloc: tests/host/test_vmalloc.c $(VMALLOC_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(VMALLOC_HOST_CFLAGS) tests/host/test_vmalloc.c $(VMALLOC_HOST_SRC) -o $@

# libFuzzer needs clang; without it the same target is driven by its own main().
$(BUILD)/host/fuzz_vmalloc: tests/host/fuzz_vmalloc.c $(VMALLOC_HOST_DEPS)
	@mkdir -p $(dir $@)
	@if clang -fsanitize=fuzzer,address,undefined -DHOST_TEST -g -O1 -std=gnu11 \
		-Wall -Wextra -Werror -Iinclude -Itests/host \
		tests/host/fuzz_vmalloc.c $(VMALLOC_HOST_SRC) -o $@ 2>$@.log; then \
		echo "  FUZZ    $@ (libFuzzer)"; \
	else \
		echo "  FUZZ    $@ (no libFuzzer: deterministic driver)"; \
		$(CC) $(VMALLOC_HOST_CFLAGS) -DFUZZ_STANDALONE tests/host/fuzz_vmalloc.c \
			$(VMALLOC_HOST_SRC) -o $@; \
	fi

$(BUILD)/host/fuzz_vmalloc_run: $(BUILD)/host/fuzz_vmalloc tests/host/vmalloc.mk
	@printf '%s\n' '#!/bin/sh' \
	  '# Bounded fuzz run of vmalloc/vmap/ioremap, reported as one TAP line.' \
	  'dir=$$(dirname "$$0")' \
	  'log="$$dir/fuzz_vmalloc.out"' \
	  'if "$$dir/fuzz_vmalloc" -artifact_prefix="$$dir/fuzz_vmalloc-" -seed=1 -runs=5000 -max_len=256 -max_total_time=10 >"$$log" 2>&1; then' \
	  '	echo "ok 1 - fuzz_vmalloc_random_sequences_keep_invariants"' \
	  'else' \
	  '	echo "not ok 1 - fuzz_vmalloc_random_sequences_keep_invariants"' \
	  '	tail -n 40 "$$log" | sed "s/^/# /"' \
	  '	exit 1' \
	  'fi' > $@
	@chmod +x $@

.PHONY: fuzz-vmalloc
fuzz-vmalloc: $(BUILD)/host/fuzz_vmalloc
	$(BUILD)/host/fuzz_vmalloc -artifact_prefix=$(BUILD)/host/fuzz_vmalloc- -max_len=512 -max_total_time=$(FUZZ_TIME)

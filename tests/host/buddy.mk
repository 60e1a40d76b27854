# Host tests of the buddy allocator and memblock (mm/page_alloc.c, mm/mm_init.c,
# mm/page_alloc_check.c, mm/show_mem.c, mm/memblock.c), compiled natively with
# AddressSanitizer and UBSan; the fuzz target runs briefly too.
#
#   build/host/test_buddy        unit tests (TAP)
#   build/host/fuzz_buddy_run    a bounded fuzz run (libFuzzer if clang has it, else a
#                                deterministic random driver), one TAP line
#   make fuzz-buddy              a longer fuzz run (FUZZ_TIME seconds, default 60)

BUDDY_HOST_CFLAGS := -DHOST_TEST -fsanitize=address,undefined -fno-sanitize-recover=all \
                     -g -O1 -std=gnu11 -Wall -Wextra -Werror -fno-omit-frame-pointer \
                     -Iinclude -Itests/host
BUDDY_HOST_SRC    := mm/page_alloc.c mm/mm_init.c mm/page_alloc_check.c mm/show_mem.c \
                     mm/memblock.c tests/host/host_buddy.c
BUDDY_HOST_DEPS   := $(BUDDY_HOST_SRC) mm/internal.h tests/host/host_buddy.h \
                     tests/host/buddy.mk \
                     $(wildcard include/*.h include/asm/*.h)

HOST_TESTS += $(BUILD)/host/test_buddy $(BUILD)/host/fuzz_buddy_run

$(BUILD)/host/test_buddy: tests/host/test_buddy.c $(BUDDY_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(BUDDY_HOST_CFLAGS) tests/host/test_buddy.c $(BUDDY_HOST_SRC) -o $@

# libFuzzer needs clang; without it the same target is driven by its own main().
$(BUILD)/host/fuzz_buddy: tests/host/fuzz_buddy.c $(BUDDY_HOST_DEPS)
	@mkdir -p $(dir $@)
	@if clang -fsanitize=fuzzer,address,undefined -DHOST_TEST -g -O1 -std=gnu11 \
		-Wall -Wextra -Werror -Iinclude -Itests/host \
		tests/host/fuzz_buddy.c $(BUDDY_HOST_SRC) -o $@ 2>$@.log; then \
		echo "  FUZZ    $@ (libFuzzer)"; \
	else \
		echo "  FUZZ    $@ (no libFuzzer: deterministic driver)"; \
		$(CC) $(BUDDY_HOST_CFLAGS) -DFUZZ_STANDALONE tests/host/fuzz_buddy.c \
			$(BUDDY_HOST_SRC) -o $@; \
	fi

$(BUILD)/host/fuzz_buddy_run: $(BUILD)/host/fuzz_buddy tests/host/buddy.mk
	@printf '%s\n' '#!/bin/sh' \
	  '# Bounded fuzz run of the buddy allocator, reported as one TAP line.' \
	  'dir=$$(dirname "$$0")' \
	  'log="$$dir/fuzz_buddy.out"' \
	  'if "$$dir/fuzz_buddy" -artifact_prefix="$$dir/fuzz_buddy-" -seed=1 -runs=20000 -max_len=512 -max_total_time=10 >"$$log" 2>&1; then' \
	  '	echo "ok 1 - fuzz_buddy_random_sequences_keep_invariants"' \
	  'else' \
	  '	echo "not ok 1 - fuzz_buddy_random_sequences_keep_invariants"' \
	  '	tail -n 40 "$$log" | sed "s/^/# /"' \
	  '	exit 1' \
	  'fi' > $@
	@chmod +x $@

.PHONY: fuzz-buddy
FUZZ_TIME ?= 60
fuzz-buddy: $(BUILD)/host/fuzz_buddy
	$(BUILD)/host/fuzz_buddy -artifact_prefix=$(BUILD)/host/fuzz_buddy- -max_len=1024 -max_total_time=$(FUZZ_TIME)

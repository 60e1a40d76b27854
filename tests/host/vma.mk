# Host tests of the address space: kernel/rbtree.c, and the area, mapping and page-level
# code (mm/vma.c, mmap.c, memory.c, mprotect.c, mremap.c, madvise.c) compiled natively
# around tests/host/vma_host_env.c, with AddressSanitizer and UBSan.
#
#   build/host/test_rbtree      red-black tree invariants under random inserts/erases
#   build/host/test_vma         mmap/munmap/brk/mprotect/mremap/madvise/faults, Linux's answers
#   build/host/fuzz_vma_run     a bounded fuzz run against a page-level model, one TAP line
#   make fuzz-vma               a longer fuzz run (FUZZ_TIME seconds, default 60)

VMA_HOST_CFLAGS := -DHOST_TEST -fsanitize=address,undefined -fno-sanitize-recover=all \
                   -g -O1 -std=gnu11 -Wall -Wextra -Werror -fno-omit-frame-pointer \
                   -Iinclude -Itests/host
VMA_HOST_SRC    := kernel/rbtree.c mm/vma.c mm/mmap.c mm/memory.c mm/mprotect.c \
                   mm/mremap.c mm/madvise.c tests/host/vma_host_env.c
VMA_HOST_DEPS   := $(VMA_HOST_SRC) tests/host/vma_host.h tests/host/vma.mk \
                   $(wildcard include/*.h include/asm/*.h)

HOST_TESTS += $(BUILD)/host/test_rbtree $(BUILD)/host/test_vma $(BUILD)/host/fuzz_vma_run

$(BUILD)/host/test_rbtree: tests/host/test_rbtree.c kernel/rbtree.c include/rbtree.h
	@mkdir -p $(dir $@)
	$(CC) $(VMA_HOST_CFLAGS) tests/host/test_rbtree.c kernel/rbtree.c -o $@

$(BUILD)/host/test_vma: tests/host/test_vma.c $(VMA_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(VMA_HOST_CFLAGS) tests/host/test_vma.c $(VMA_HOST_SRC) -o $@

# libFuzzer needs clang; without it the same target is driven by its own main().
$(BUILD)/host/fuzz_vma: tests/host/fuzz_vma.c $(VMA_HOST_DEPS)
	@mkdir -p $(dir $@)
	@if clang -fsanitize=fuzzer,address,undefined -DHOST_TEST -g -O1 -std=gnu11 \
		-Wall -Wextra -Werror -Iinclude -Itests/host \
		tests/host/fuzz_vma.c $(VMA_HOST_SRC) -o $@ 2>$@.log; then \
		echo "  FUZZ    $@ (libFuzzer)"; \
	else \
		echo "  FUZZ    $@ (no libFuzzer: deterministic driver)"; \
		$(CC) $(VMA_HOST_CFLAGS) -DFUZZ_STANDALONE tests/host/fuzz_vma.c \
			$(VMA_HOST_SRC) -o $@; \
	fi

$(BUILD)/host/fuzz_vma_run: $(BUILD)/host/fuzz_vma tests/host/vma.mk
	@printf '%s\n' '#!/bin/sh' \
	  '# Bounded fuzz run of the address-space code, reported as one TAP line.' \
	  'dir=$$(dirname "$$0")' \
	  'log="$$dir/fuzz_vma.out"' \
	  'if "$$dir/fuzz_vma" -seed=1 -runs=3000 -max_len=400 -max_total_time=10 >"$$log" 2>&1; then' \
	  '	echo "ok 1 - fuzz_vma_random_calls_match_page_model"' \
	  'else' \
	  '	echo "not ok 1 - fuzz_vma_random_calls_match_page_model"' \
	  '	tail -n 40 "$$log" | sed "s/^/# /"' \
	  '	exit 1' \
	  'fi' > $@
	@chmod +x $@

.PHONY: fuzz-vma
fuzz-vma: $(BUILD)/host/fuzz_vma
	$(BUILD)/host/fuzz_vma -max_len=1000 -max_total_time=$(or $(FUZZ_TIME),60)

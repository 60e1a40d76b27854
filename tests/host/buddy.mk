# Host tests of the buddy allocator and memblock (mm/page_alloc.c, mm/mm_init.c,
# mm/page_alloc_check.c, mm/show_mem.c, mm/memblock.c) on the fake machine of
# tests/host/host_buddy.c; the fuzz target runs briefly too.
#
#   build/host/test_buddy        unit tests (TAP)
#   build/host/fuzz_buddy_run    a bounded fuzz run (libFuzzer if clang has it, else a
#                                deterministic random driver), one TAP line
#   make fuzz-buddy              a longer fuzz run (FUZZ_TIME seconds, default 60)

BUDDY_HOST_SRC    := mm/page_alloc.c mm/mm_init.c mm/page_alloc_check.c mm/show_mem.c \
                     lib/seq_file.c mm/memblock.c tests/host/host_buddy.c $(HOST_ENV_SRC)
BUDDY_HOST_DEPS   := $(BUDDY_HOST_SRC) mm/internal.h tests/host/host_buddy.h \
                     tests/host/buddy.mk $(HOST_ENV_DEPS)

$(eval $(call host_test,$(BUILD)/host/test_buddy,tests/host/test_buddy.c $(BUDDY_HOST_SRC), \
	$(BUDDY_HOST_DEPS)))

$(eval $(call host_fuzz,$(BUILD)/host,fuzz_buddy,fuzz_buddy_run,$(BUDDY_HOST_SRC), \
	$(BUDDY_HOST_DEPS),,-seed=1 -runs=20000 -max_len=512 -max_total_time=10, \
	fuzz_buddy_random_sequences_keep_invariants))

.PHONY: fuzz-buddy
fuzz-buddy: $(BUILD)/host/fuzz_buddy
	$(BUILD)/host/fuzz_buddy -artifact_prefix=$(BUILD)/host/fuzz_buddy- -max_len=1024 -max_total_time=$(FUZZ_TIME)

# Host tests of vmalloc, vmap and ioremap (mm/vmalloc.c, arch/x86/mm/ioremap.c) on the buddy
# allocator's fake machine with fake page tables (tests/host/host_vmalloc.c); the fuzz
# target runs briefly too.
#
#   build/host/test_vmalloc      unit tests (TAP)
#   build/host/fuzz_vmalloc_run  a bounded fuzz run (libFuzzer if clang has it, else a
#                                deterministic random driver), one TAP line
#   make fuzz-vmalloc            a longer fuzz run (FUZZ_TIME seconds, default 60)

# The buddy allocator's sources and fake machine come from buddy.mk, which the Makefile
# includes before this fragment (fragments are read in sorted order).
VMALLOC_HOST_SRC    := mm/vmalloc.c arch/x86/mm/ioremap.c tests/host/host_vmalloc.c $(BUDDY_HOST_SRC)
VMALLOC_HOST_DEPS   := $(VMALLOC_HOST_SRC) $(BUDDY_HOST_DEPS) tests/host/host_vmalloc.h \
                       tests/host/vmalloc.mk

$(eval $(call host_test,$(BUILD)/host/test_vmalloc, \
	tests/host/test_vmalloc.c $(VMALLOC_HOST_SRC),$(VMALLOC_HOST_DEPS)))

$(eval $(call host_fuzz,$(BUILD)/host,fuzz_vmalloc,fuzz_vmalloc_run,$(VMALLOC_HOST_SRC), \
	$(VMALLOC_HOST_DEPS),,-seed=1 -runs=5000 -max_len=256 -max_total_time=10, \
	fuzz_vmalloc_random_sequences_keep_invariants))

.PHONY: fuzz-vmalloc
fuzz-vmalloc: $(BUILD)/host/fuzz_vmalloc
	$(BUILD)/host/fuzz_vmalloc -artifact_prefix=$(BUILD)/host/fuzz_vmalloc- -max_len=512 -max_total_time=$(FUZZ_TIME)

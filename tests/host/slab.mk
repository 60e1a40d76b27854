# Host tests of the slab allocator, kmalloc and mempools (mm/slab.c and its companions
# mm/kmalloc.c, mm/slab_debug.c, mm/slabinfo.c; mm/mempool.c), compiled
# natively over the fake page allocator (tests/host/fake_page_alloc.c), and the host
# benchmark.
#
#   build/host/slab/test_slab          debug mode on (as in the kernel's test boot)
#   build/host/slab/test_slab_nodebug  same cases with the fast path's arrays in use
#   build/host/slab/test_mempool
#   build/host/slab/test_slab_ktests   tests/kernel/test_slab.c run on the host
#   build/host/slab/fuzz_slab.tap      a bounded fuzz run, with kmalloc's debug checks
#                                      on and off (libFuzzer if clang has it, else a
#                                      deterministic random driver), two TAP lines
#   make bench-slab-host               instruction counts under callgrind (not a test)

SLAB_HOST_DIR    := $(BUILD)/host/slab
SLAB_HOST_SRC    := mm/slab.c mm/kmalloc.c mm/slab_debug.c mm/slabinfo.c mm/mempool.c lib/seq_file.c \
                    tests/host/fake_page_alloc.c tests/host/slab_test.c $(HOST_ENV_SRC)
SLAB_HOST_DEPS   := $(SLAB_HOST_SRC) mm/slab_internal.h include/slab.h include/mempool.h \
                    include/mm.h include/mm_types.h include/gfp.h include/shrinker.h \
                    tests/host/slab_test.h tests/host/fake_page_alloc.h \
                    tests/host/slab.mk $(HOST_ENV_DEPS)
# Bounded fuzz runs, per mode: libFuzzer inputs grow from short ones. A few seconds each.
SLAB_FUZZ_RUNS   ?= 30000

$(eval $(call host_test,$(SLAB_HOST_DIR)/test_slab,tests/host/test_slab.c $(SLAB_HOST_SRC), \
	$(SLAB_HOST_DEPS)))
$(eval $(call host_test,$(SLAB_HOST_DIR)/test_slab_nodebug, \
	tests/host/test_slab.c $(SLAB_HOST_SRC),$(SLAB_HOST_DEPS),-DSLAB_TEST_NODEBUG))
$(eval $(call host_test,$(SLAB_HOST_DIR)/test_mempool, \
	tests/host/test_mempool.c $(SLAB_HOST_SRC),$(SLAB_HOST_DEPS)))
# The kernel self-tests (tests/kernel/test_slab.c), run on the host until the kernel boots.
$(eval $(call host_test,$(SLAB_HOST_DIR)/test_slab_ktests, \
	tests/host/slab_ktest_host.c $(SLAB_HOST_SRC),tests/kernel/test_slab.c $(SLAB_HOST_DEPS)))

$(eval $(call host_fuzz,$(SLAB_HOST_DIR),fuzz_slab,fuzz_slab.tap,$(SLAB_HOST_SRC), \
	$(SLAB_HOST_DEPS),-fno-sanitize-coverage=trace-cmp -fno-sanitize-recover=all, \
	-runs=$(SLAB_FUZZ_RUNS) -seed=1 -max_len=512 -max_total_time=10, \
	fuzz_slab_invariants_hold_debug fuzz_slab_invariants_hold_nodebug@SLAB_FUZZ_NODEBUG=1))

# Benchmark builds: optimised like the kernel (-O2, frame pointers, no PIE, and
# -fno-toplevel-reorder, which also decides gcc's calling convention for local
# functions), no sanitizers; 64-bit and i386.
SLAB_BENCH_FLAGS := $(HOST_FLAGS) -O2 -g -fno-omit-frame-pointer -fno-strict-aliasing \
                    -fno-toplevel-reorder -fno-pie -no-pie

$(SLAB_HOST_DIR)/bench_slab: tests/host/bench_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_BENCH_FLAGS) -o $@ $< $(SLAB_HOST_SRC)

$(SLAB_HOST_DIR)/bench_slab32: tests/host/bench_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_BENCH_FLAGS) -m32 -march=i686 -o $@ $< $(SLAB_HOST_SRC)

.PHONY: bench-slab-host
bench-slab-host: $(SLAB_HOST_DIR)/bench_slab $(SLAB_HOST_DIR)/bench_slab32
	@tools/bench-slab-host $(SLAB_HOST_DIR)/bench_slab $(SLAB_HOST_DIR)/bench_slab32

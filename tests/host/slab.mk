# Host tests of the slab allocator and mempools (mm/slab.c, mm/mempool.c), compiled
# natively over a fake page allocator, and the host benchmark.
#
#   build/host/slab/test_slab          debug mode on (as in the kernel's test boot)
#   build/host/slab/test_slab_nodebug  same cases with the fast path's arrays in use
#   build/host/slab/test_mempool
#   build/host/slab/test_slab_ktests   tests/kernel/test_slab.c run on the host
#   build/host/slab/fuzz_slab.tap      a bounded libFuzzer run (deterministic driver
#                                      with gcc if clang is missing), one TAP line
#   make bench-slab-host               instruction counts under callgrind (not a test)

SLAB_HOST_DIR    := $(BUILD)/host/slab
SLAB_HOST_FLAGS  := -DHOST_TEST -std=gnu11 -Wall -Wextra -Werror -Iinclude -Itests/host
SLAB_HOST_CFLAGS := $(SLAB_HOST_FLAGS) -fsanitize=address,undefined \
                    -fno-sanitize-recover=all -g -O1
SLAB_HOST_SRC    := mm/slab.c mm/mempool.c tests/host/slab_fake_page_alloc.c \
                    tests/host/slab_host_env.c
SLAB_HOST_DEPS   := $(SLAB_HOST_SRC) include/slab.h include/mempool.h include/mm.h \
                    include/mm_types.h include/gfp.h include/shrinker.h \
                    tests/host/slab_test.h tests/host/slab.mk
SLAB_CLANG       := $(shell command -v clang 2>/dev/null)
# Bounded fuzz runs, per mode: libFuzzer inputs (they grow from short ones), or
# pseudo-random programs of up to 512 steps for the gcc driver. A few seconds each.
SLAB_FUZZ_RUNS   ?= 30000
SLAB_FUZZ_DRIVER_RUNS ?= 2000

$(SLAB_HOST_DIR)/test_slab: tests/host/test_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_HOST_CFLAGS) -o $@ $< $(SLAB_HOST_SRC)

$(SLAB_HOST_DIR)/test_slab_nodebug: tests/host/test_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_HOST_CFLAGS) -DSLAB_TEST_NODEBUG -o $@ $< $(SLAB_HOST_SRC)

$(SLAB_HOST_DIR)/test_mempool: tests/host/test_mempool.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_HOST_CFLAGS) -o $@ $< $(SLAB_HOST_SRC)

# The kernel self-tests (tests/kernel/test_slab.c), run on the host until the kernel boots.
$(SLAB_HOST_DIR)/test_slab_ktests: tests/host/slab_ktest_host.c tests/kernel/test_slab.c \
				   $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_HOST_CFLAGS) -o $@ $< $(SLAB_HOST_SRC)

ifneq ($(SLAB_CLANG),)
$(SLAB_HOST_DIR)/fuzz_slab: tests/host/fuzz_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(SLAB_CLANG) $(SLAB_HOST_FLAGS) -DSLAB_LIBFUZZER -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-coverage=trace-cmp \
		-fno-sanitize-recover=all -g -O1 -o $@ $< $(SLAB_HOST_SRC)
SLAB_FUZZ_CMD := $(abspath $(SLAB_HOST_DIR)/fuzz_slab) -runs=$(SLAB_FUZZ_RUNS) -seed=1 -max_len=512 \
		 -artifact_prefix=$(abspath $(SLAB_HOST_DIR))/
else
$(SLAB_HOST_DIR)/fuzz_slab: tests/host/fuzz_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_HOST_CFLAGS) -o $@ $< $(SLAB_HOST_SRC)
SLAB_FUZZ_CMD := $(abspath $(SLAB_HOST_DIR)/fuzz_slab) $(SLAB_FUZZ_DRIVER_RUNS)
endif

# The runner takes executables: wrap the fuzz run into one that prints a TAP line.
$(SLAB_HOST_DIR)/fuzz_slab.tap: $(SLAB_HOST_DIR)/fuzz_slab tests/host/slab_fuzz_tap.sh
	printf '#!/bin/sh\nexec %s %s\n' "$(abspath tests/host/slab_fuzz_tap.sh)" \
		"$(SLAB_FUZZ_CMD)" > $@
	chmod +x $@

HOST_TESTS += $(SLAB_HOST_DIR)/test_slab $(SLAB_HOST_DIR)/test_slab_nodebug \
              $(SLAB_HOST_DIR)/test_mempool $(SLAB_HOST_DIR)/test_slab_ktests \
              $(SLAB_HOST_DIR)/fuzz_slab.tap

# Benchmark builds: optimised like the kernel (-O2, frame pointers, no PIE), no
# sanitizers; 64-bit and i386.
SLAB_BENCH_FLAGS := $(SLAB_HOST_FLAGS) -O2 -g -fno-omit-frame-pointer -fno-strict-aliasing \
                    -fno-pie -no-pie

$(SLAB_HOST_DIR)/bench_slab: tests/host/bench_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_BENCH_FLAGS) -o $@ $< $(SLAB_HOST_SRC)

$(SLAB_HOST_DIR)/bench_slab32: tests/host/bench_slab.c $(SLAB_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(SLAB_BENCH_FLAGS) -m32 -march=i686 -o $@ $< $(SLAB_HOST_SRC)

.PHONY: bench-slab-host
bench-slab-host: $(SLAB_HOST_DIR)/bench_slab $(SLAB_HOST_DIR)/bench_slab32
	@tools/bench-slab-host $(SLAB_HOST_DIR)/bench_slab $(SLAB_HOST_DIR)/bench_slab32

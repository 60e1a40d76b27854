# What every host test build shares. The Makefile reads the fragments in sorted order
# and the leading underscore puts this one first: the others use these variables in
# their rules, which make expands as it reads them.
#
# Host tests are compiled natively with AddressSanitizer and UBSan, and linked with the
# TAP harness (tap.c) and the kernel services (host_env.c) of tests/host.

HOST_FLAGS    := -DHOST_TEST -std=gnu11 -Wall -Wextra -Werror -Iinclude -Itests/host
HOST_CFLAGS   := $(HOST_FLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
                 -g -O1 -fno-omit-frame-pointer
HOST_ENV_SRC  := tests/host/host_env.c tests/host/tap.c
HOST_ENV_DEPS := $(HOST_ENV_SRC) tests/host/host_env.h tests/host/tap.h \
                 tests/host/_common.mk $(wildcard include/*.h include/asm/*.h)
FUZZ_TIME     ?= 60

# $(eval $(call host_test,BINARY,SOURCES,DEPS[,CFLAGS]))
#
# BINARY, added to HOST_TESTS, is SOURCES (the test's own file first) compiled with
# HOST_CFLAGS and CFLAGS; it is rebuilt when SOURCES or DEPS change.
define host_test
$(1): $(2) $(3) $(HOST_ENV_DEPS)
	@mkdir -p $$(dir $$@)
	$(CC) $(HOST_CFLAGS) $(4) $(2) -o $$@

HOST_TESTS += $(1)
endef

# $(eval $(call host_fuzz,DIR,NAME,WRAPPER,SOURCES,DEPS,CLANG_FLAGS,OPTIONS,TEST_NAMES))
#
# DIR/NAME is tests/host/NAME.c linked with SOURCES, built with libFuzzer if clang has
# it, else with gcc and the deterministic driver of fuzz_standalone.c (same checks).
# DIR/WRAPPER, added to HOST_TESTS, is a bounded run of it (libFuzzer OPTIONS) reported
# as one TAP line per name of TEST_NAMES (see fuzz_tap.sh).
define host_fuzz
$(1)/$(2): tests/host/$(2).c tests/host/fuzz_standalone.c $(4) $(5) $(HOST_ENV_DEPS)
	@mkdir -p $$(dir $$@)
	@if clang $(HOST_FLAGS) -fsanitize=fuzzer,address,undefined $(6) -g -O1 \
		tests/host/$(2).c $(4) -o $$@ 2>$$@.log; then \
		echo "  FUZZ    $$@ (libFuzzer)"; \
	else \
		echo "  FUZZ    $$@ (no libFuzzer: deterministic driver)"; \
		$(CC) $(HOST_CFLAGS) tests/host/$(2).c tests/host/fuzz_standalone.c $(4) -o $$@; \
	fi

$(1)/$(3): $(1)/$(2) tests/host/fuzz_tap.sh
	@printf '#!/bin/sh\nexec %s %s -- %s %s\n' "$(abspath tests/host/fuzz_tap.sh)" \
		"$(8)" "$(abspath $(1)/$(2))" \
		"-artifact_prefix=$(abspath $(1))/$(2)- $(7)" > $$@
	@chmod +x $$@

HOST_TESTS += $(1)/$(3)
endef

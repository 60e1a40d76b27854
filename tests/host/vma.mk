# Host tests of the address space: lib/rbtree.c, and the area, mapping and page-level
# code (mm/vma.c, mmap.c, memory.c, mprotect.c, mremap.c, madvise.c, mm_cache.c,
# pgtable.c, pagewalk.c and rmap.c) compiled natively around
# tests/host/vma_host_env.c over the fake page allocator (tests/host/fake_page_alloc.c).
#
#   build/host/test_rbtree      red-black tree invariants under random inserts/erases
#   build/host/test_vma         mmap/munmap/brk/mprotect/mremap/madvise/faults, Linux's answers
#   build/host/fuzz_vma_run     a bounded fuzz run against a page-level model, one TAP line
#   make fuzz-vma               a longer fuzz run (FUZZ_TIME seconds, default 60)

VMA_HOST_SRC    := lib/rbtree.c mm/vma.c mm/mmap.c mm/memory.c mm/mprotect.c \
                   mm/mremap.c mm/madvise.c mm/mm_cache.c mm/pgtable.c mm/util.c \
                   mm/pagewalk.c mm/rmap.c mm/gup.c mm/mlock.c mm/mincore.c mm/msync.c \
                   tests/host/vma_host_env.c tests/host/fake_page_alloc.c $(HOST_ENV_SRC)
VMA_HOST_DEPS   := $(VMA_HOST_SRC) tests/host/vma_host.h \
                   tests/host/fake_page_alloc.h tests/host/vma.mk $(HOST_ENV_DEPS)

$(eval $(call host_test,$(BUILD)/host/test_rbtree, \
	tests/host/test_rbtree.c lib/rbtree.c $(HOST_ENV_SRC),tests/host/vma.mk))
$(eval $(call host_test,$(BUILD)/host/test_vma,tests/host/test_vma.c $(VMA_HOST_SRC), \
	$(VMA_HOST_DEPS)))

$(eval $(call host_fuzz,$(BUILD)/host,fuzz_vma,fuzz_vma_run,$(VMA_HOST_SRC), \
	$(VMA_HOST_DEPS),,-seed=1 -runs=3000 -max_len=400 -max_total_time=10, \
	fuzz_vma_random_calls_match_page_model))

.PHONY: fuzz-vma
fuzz-vma: $(BUILD)/host/fuzz_vma
	$(BUILD)/host/fuzz_vma -max_len=1000 -max_total_time=$(FUZZ_TIME)

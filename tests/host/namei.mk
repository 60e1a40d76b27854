# Host tests of path lookup (fs/namei.c) on the real dcache, inodes and ramfs, over the
# kernel services of tests/host/namei_host_env.c and the fake page allocator.
#
#   build/host/test_namei    fixed cases and 20000 random paths against the rules (TAP)

NAMEI_HOST_SRC  := fs/namei.c fs/dcache.c fs/inode.c fs/file_table.c fs/file.c fs/super.c \
                   fs/ramfs/inode.c fs/readdir.c fs/read_write.c \
                   tests/host/namei_host_env.c tests/host/fake_page_alloc.c
NAMEI_HOST_DEPS := $(NAMEI_HOST_SRC) tests/host/namei.mk

$(eval $(call host_test,$(BUILD)/host/test_namei, \
	tests/host/test_namei.c $(NAMEI_HOST_SRC) $(HOST_ENV_SRC),$(NAMEI_HOST_DEPS)))

# Host tests of the initramfs's cpio newc parser (fs/cpio.c).
#
#   build/host/test_cpio      unit tests (TAP): good archives, every refusal and its offset
#   build/host/fuzz_cpio_run  a bounded fuzz run, one TAP line
#   make fuzz-cpio            a longer fuzz run (FUZZ_TIME seconds, default 60)

CPIO_HOST_DEPS := fs/cpio.c include/cpio.h tests/host/cpio.mk

$(eval $(call host_test,$(BUILD)/host/test_cpio, \
	tests/host/test_cpio.c fs/cpio.c $(HOST_ENV_SRC),$(CPIO_HOST_DEPS)))

$(eval $(call host_fuzz,$(BUILD)/host,fuzz_cpio,fuzz_cpio_run,fs/cpio.c, \
	$(CPIO_HOST_DEPS),,-seed=1 -runs=20000 -max_len=1024 -max_total_time=10, \
	fuzz_cpio_parser_stays_inside_the_buffer))

.PHONY: fuzz-cpio
fuzz-cpio: $(BUILD)/host/fuzz_cpio
	$(BUILD)/host/fuzz_cpio -artifact_prefix=$(BUILD)/host/fuzz_cpio- -max_len=4096 -max_total_time=$(FUZZ_TIME)

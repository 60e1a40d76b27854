# Host tests of the vDSO's clock arithmetic (include/asm/vvar.h):
#   build/host/test_vclock      vdso_cyc2ns against 128-bit arithmetic, the scales chosen
$(eval $(call host_test,$(BUILD)/host/test_vclock, \
	tests/host/test_vclock.c $(HOST_ENV_SRC),include/asm/vvar.h tests/host/vdso.mk))

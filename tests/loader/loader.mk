# Programs for tests/run-loader, the boot-loader edge cases (big and many Multiboot
# modules, long command lines): built like the user/ programs, with ulib, into
# build/loader/. The big ones are made at test time from build/user/hello instead.

LOADER_BINS := $(BUILD)/loader/big_data

USER_PROGS += $(LOADER_BINS)

$(BUILD)/loader/obj/%.o: tests/loader/%.c
	@mkdir -p $(dir $@)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(LOADER_BINS): $(BUILD)/loader/%: $(BUILD)/loader/obj/%.o $(ULIB_OBJ)
	$(CC) $(USER_LDFLAGS) -o $@ $(ULIB_OBJ) $< $(USER_LIBGCC)

# The fuzzers of tests/fuzz, run by tests/run-fuzz (a stage of make test):
#   build/fuzz/syscall_fuzz   the system-call fuzzer, a ulib program (tests/fuzz/syscall_fuzz.c)
#   build/fuzz/triple.elf, hang.elf, odd_exit.elf
#                             tiny kernels that fail on purpose (tests/fuzz/bad_kernel.asm),
#                             for tools/run-elf's statuses
# The malformed ELF files are made at test time by tests/fuzz/gen_bad_elf.py.
#
#   make fuzz SEED=N CALLS=N [MEM=256M]   one longer soak of the system-call fuzzer

FUZZ_BINS := $(BUILD)/fuzz/syscall_fuzz $(BUILD)/fuzz/triple.elf $(BUILD)/fuzz/hang.elf \
             $(BUILD)/fuzz/odd_exit.elf
USER_PROGS += $(FUZZ_BINS)

$(BUILD)/fuzz/syscall_fuzz.o: tests/fuzz/syscall_fuzz.c
	@mkdir -p $(dir $@)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(BUILD)/fuzz/syscall_fuzz: $(BUILD)/fuzz/syscall_fuzz.o $(ULIB_OBJ)
	$(CC) $(USER_LDFLAGS) -o $@ $(ULIB_OBJ) $< $(USER_LIBGCC)

$(BUILD)/fuzz/triple.elf: BAD_KERNEL_DEF := TRIPLE
$(BUILD)/fuzz/hang.elf: BAD_KERNEL_DEF := HANG
$(BUILD)/fuzz/odd_exit.elf: BAD_KERNEL_DEF := ODD_EXIT
$(BUILD)/fuzz/%.elf: tests/fuzz/bad_kernel.asm
	@mkdir -p $(dir $@)
	$(NASM) -f elf32 -D$(BAD_KERNEL_DEF) $< -o $@.o
	$(LD) -m elf_i386 -Ttext=0x100000 $@.o -o $@

SEED  ?= 1
CALLS ?= 1000000

# The kernel log is kept in build/fuzz/soak.log and the program's stderr (the fuzzer's
# random writes to fd 2) in build/fuzz/soak.err; the soak fails on a kernel failure (run-elf's
# status), a failed check in the fuzzer (status 3) or a leak.
.PHONY: fuzz
fuzz: $(KERNEL) $(BUILD)/fuzz/syscall_fuzz
	@tools/run-elf --mem $(MEM) --timeout 3600 --log $(BUILD)/fuzz/soak.log \
		$(BUILD)/fuzz/syscall_fuzz $(SEED) $(CALLS) 2> $(BUILD)/fuzz/soak.err || \
		{ s=$$?; grep -a '^run-elf' $(BUILD)/fuzz/soak.err; tail -n 20 $(BUILD)/fuzz/soak.log; exit $$s; }
	@grep -a '^run-elf: free pages' $(BUILD)/fuzz/soak.log
	@grep -aq '^run-elf: free pages before .*: no leak' $(BUILD)/fuzz/soak.log && \
		! grep -aq 'run-elf: LEAK' $(BUILD)/fuzz/soak.log

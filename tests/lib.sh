# Shared helpers for the test stages (sourced by tests/run-*).
#
# Every stage prints TAP lines on stdout: "ok - what" or "not ok - what", with "# "
# lines of detail after a failure. tests/run-all counts them.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KERNEL=$ROOT/build/kernel.elf			# production: no self-tests
KERNEL_TEST=$ROOT/build/kernel-test.elf		# with tests/kernel/ (run-ktests)
OUT=$ROOT/build/test-output
mkdir -p "$OUT"

QEMU=qemu-system-i386
QBOOT=/usr/share/qemu/qboot.rom
BOOT_TIMEOUT=${BOOT_TIMEOUT:-120}

tap_ok() { echo "ok - $*"; }
tap_skip() { echo "ok - $1 # SKIP $2"; }
tap_fail() {
	echo "not ok - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

# Prints the last lines of a log as TAP detail.
tap_tail() {
	tail -n "${2:-15}" "$1" | tr -d '\r' | sed 's/^/#   /'
}

# qemu_kernel LOG MEM APPEND [extra qemu args...]: boots $KERNEL with -kernel;
# returns QEMU's status (33 pass, 35 tests failed, 37 panic, 0 triple fault, 124 timeout).
qemu_kernel() {
	log=$1 mem=$2 append=$3
	shift 3
	bios=""
	[ -e "$QBOOT" ] && bios="-bios $QBOOT"
	timeout "$BOOT_TIMEOUT" $QEMU $bios -display none -no-reboot -m "$mem" \
		-device isa-debug-exit,iobase=0xf4,iosize=4 \
		-serial "file:$log" -kernel "$KERNEL" -append "$append" "$@" \
		> "$log.qemu" 2>&1 < /dev/null
}

# Explains a QEMU exit status in words.
qemu_status_text() {
	case $1 in
	33) echo "passed (exit 33)" ;;
	35) echo "self-tests failed (exit 35)" ;;
	37) echo "kernel panic or oops (exit 37)" ;;
	0) echo "triple fault or reset (QEMU exited 0)" ;;
	124) echo "timeout after ${BOOT_TIMEOUT}s (hang)" ;;
	*) echo "QEMU exited with status $1" ;;
	esac
}

#!/bin/sh
# Runs a bounded fuzz session of the slab allocator (the command line given) twice,
# with kmalloc's debug checks on and off, and reports each as one TAP line.
# Used by tests/host/slab.mk through build/host/slab/fuzz_slab.tap.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
echo "1..2"
n=1
for mode in debug nodebug; do
	if [ $mode = nodebug ]; then
		export SLAB_FUZZ_NODEBUG=1
	fi
	if "$@" >"$log" 2>&1; then
		echo "ok $n - fuzz_slab_invariants_hold_$mode"
	else
		echo "not ok $n - fuzz_slab_invariants_hold_$mode"
		tail -n 30 "$log" | sed 's/^/# /'
		status=1
	fi
	n=$((n + 1))
done
exit $status

#!/bin/sh
# Runs a bounded fuzz session and reports it as TAP, one line per NAME: each NAME is a
# run of the same command, with VAR=VALUE in its environment when written NAME@VAR=VALUE.
# A run's output goes to COMMAND-NAME.out, and its last lines into the report if it
# fails. The fuzz wrappers of tests/host/*.mk (host_fuzz in _common.mk) call it:
#
#   fuzz_tap.sh NAME[@VAR=VALUE]... -- COMMAND [ARG...]
names=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	names="$names $1"
	shift
done
shift
status=0
n=0
for spec in $names; do
	n=$((n + 1))
	name=${spec%%@*}
	setting=
	[ "$spec" = "$name" ] || setting=${spec#*@}
	log="$1-$name.out"
	if env $setting "$@" >"$log" 2>&1; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		tail -n 40 "$log" | sed 's/^/# /'
		status=1
	fi
done
echo "1..$n"
exit $status

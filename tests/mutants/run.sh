#!/bin/sh
# make check-mutants: does the suite catch what carnet promises?  Each
# patch here plants one small bug.  Alone, in a scratch copy of the tree,
# each is applied, built, and given first to the suites its "Caught by:"
# line names; when none of them fails, to every suite.  Prints, for each,
# the tests that caught it, or MISSED.  Local, not run by CI (it takes
# a few minutes a mutant at worst).
#	sh tests/mutants/run.sh [PATCH...]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/carnet-mutants.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
[ $# -gt 0 ] || set -- "$top"/tests/mutants/*.patch
suites="tests/unit tests/commands tests/file tests/privacy tests/paper
    tests/screens tests/docs"
caught=0 missed=0
# failing TESTS...: the files prove reports as failing.
failing() {
	(cd "$scratch/tree" && CARNET="$scratch/tree/carnet" \
	    CARNET_LOCALEDIR="$scratch/tree/locale" \
	    CARNET_DATADIR="$scratch/tree/po" prove -e '' -r "$@" 2>&1) |
	    sed -n 's|^\(tests/[^ ]*\.t\) *(Wstat.*|\1|p' | tr '\n' ' '
}
for patch; do
	name=$(basename "$patch" .patch)
	rm -rf "$scratch/tree"
	mkdir "$scratch/tree"
	(cd "$top" && cp -R Makefile config.mk src include po tests \
	    "$scratch/tree")
	if ! patch -s -d "$scratch/tree" -p1 < "$patch" > /dev/null; then
		echo "$name: does not apply"
		continue
	fi
	if ! make -s -C "$scratch/tree" -j2 all units tests/nolandlock.so \
	    tests/badkey.so > "$scratch/build.log" 2>&1; then
		echo "$name: does not build"
		continue
	fi
	hint=$(sed -n 's/^# Caught by: //p' "$patch")
	found=$(failing $hint)
	[ -n "$found" ] || found=$(failing $suites)
	if [ -n "$found" ]; then
		caught=$((caught + 1))
		printf '%-26s caught by %s\n' "$name" "$found"
	else
		missed=$((missed + 1))
		printf '%-26s MISSED: %s\n' "$name" \
		    "$(sed -n '1s/^# //p' "$patch")"
	fi
done
echo "caught $caught, missed $missed"

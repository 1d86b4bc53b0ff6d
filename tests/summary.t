#!/usr/bin/env bash
# make check's closing table: what the suites before this one tried and
# found, added up from their "tally" lines (lib.sh).  Leaks found and
# notes lost must be 0.  make check runs this file last, with
# CARNET_REPORT set; alone, it has nothing to add up.
. "$(dirname "$0")/lib.sh"
f="${CARNET_REPORT:-}/figures"
if [ -z "${CARNET_REPORT:-}" ] || [ ! -f "$f" ]; then
	skip_all "make check runs this after the other suites"
fi
total() { awk -F '\t' -v w="$1" '$1 == w {n += $2} END {print n + 0}' "$f"; }
from() {
	awk -F '\t' -v w="$1" '$1 == w {print $3}' "$f" | sort -u |
	    tr '\n' ' ' | sed 's/ $//'
}
line() { printf '# %-30s %7s   %s\n' "$1" "$2" "$3"; }
{
	echo "#"
	echo "# make check, in figures"
	line "hostile inputs tried" "$(total inputs)" "$(from inputs)"
	line "kills survived (SIGKILL)" "$(total kills)" "$(from kills)"
	line "leaks found (must be 0)" "$(total leaks)" "$(from leaks)"
	line "notes lost (must be 0)" "$(total lost)" "$(from lost)"
	echo "#"
} >&2
is "$(total leaks)" 0 "no leak found by any witness"
is "$(total lost)" 0 "no note lost"
# The witnesses did report (a suite skipped, e.g. not as root, did not).
for t in no_plaintext_on_disk.t no_trace_when_destroyed.t a_session.t \
    killed_commands.t killed_drafts.t; do
	if grep -q "	$t\$" "$f"; then
		ok 0 "$t reported"
	else
		skip "$t did not report (skipped here?)"
	fi
done
finish

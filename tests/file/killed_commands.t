#!/usr/bin/env bash
# Crash consistency: carnet killed with SIGKILL at random moments during
# add, rm, backup and passwd.  After every kill the notebook opens,
# "check" passes, and every note whose add had exited 0 is there, intact.
# make check runs a short pass; make check-crash sets CARNET_CRASH_KILLS
# to 200.
. "$(dirname "$0")/../lib.sh"
KILLS=${CARNET_CRASH_KILLS:-24}

init
c new Journal > /dev/null
: > "$T/kept"
big() { head -c 120000 /dev/urandom | base64 -w 76; }
span=400	# ms: an add of this size, a backup, a passwd take about that

for i in $(seq 1 "$KILLS"); do
	case $((i % 4)) in
	0)	# add a large note
		{ echo "MARK-$i"; big; } > "$T/note-$i"
		"$CARNET" --passphrase-fd 3 add Journal < "$T/note-$i" \
		    3<<< "$PASS" 2> /dev/null &
		what="add" ;;
	1)	# destroy a dossier made for it
		c new "Temp $i" > /dev/null
		big | c add "Temp $i"
		"$CARNET" --passphrase-fd 3 rm -y "Temp $i" 3<<< "$PASS" \
		    2> /dev/null &
		what="rm" ;;
	2)	# a backup
		"$CARNET" --passphrase-fd 3 backup "$T/backup.db" \
		    3<<< "$PASS" 2> /dev/null &
		what="backup" ;;
	3)	# a passphrase change, to the same passphrase
		printf '%s\n%s\n' "$PASS" "$PASS" > "$T/pw"
		"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> /dev/null &
		what="passwd" ;;
	esac
	pid=$!
	delay=$(( (RANDOM * 32768 + RANDOM) % span ))
	sleep "0.$(printf '%03d' "$delay")"
	kill -9 "$pid" 2> /dev/null
	{ wait "$pid"; } 2> /dev/null
	rc=$?
	[ "$what" = add ] && [ "$rc" -eq 0 ] && echo "MARK-$i" >> "$T/kept"
	c check > /dev/null 2> "$T/err"
	ok $? "kill $i during $what after ${delay} ms (exit $rc): the notebook checks out"
	c show Journal > "$T/show" 2>&1
	missing=0
	while read -r m; do
		grep -qx "$m" "$T/show" || missing=$((missing + 1))
	done < "$T/kept"
	tally kills 1
	tally lost "$missing"
	is "$missing" 0 "kill $i: every note whose add succeeded is there ($(wc -l < "$T/kept"))"
done
# Whole, not only present: every note there (an add killed after its
# commit leaves one too) is exactly what was sent, line for line.
c show Journal > "$T/show"
bad=0
for m in $(grep '^MARK-' "$T/show"); do
	awk -v m="$m" '$0 == m {on = 1} on && /^$/ {exit} on' "$T/show" \
	    > "$T/got"
	cmp -s "$T/got" "$T/note-${m#MARK-}" || bad=$((bad + 1))
done
tally lost "$bad"
is "$bad" 0 "no half note: each note there is the whole of what was sent"
finish

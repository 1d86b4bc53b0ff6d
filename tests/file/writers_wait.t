#!/usr/bin/env bash
# Several carnet processes on one notebook: writers wait for each other and
# all succeed; what needs the notebook alone (passwd) gets 5 while another
# process has it open; nothing is lost or damaged.
. "$(dirname "$0")/../lib.sh"

init
c new A > /dev/null
c new B > /dev/null

# Two writers at once, twenty notes each.
writer() {
	local i
	for i in $(seq 1 20); do
		echo "note $i de $1" | c add "$1" || echo "failed $1 $i"
	done
}
writer A > "$T/wa" 2>&1 &
writer B > "$T/wb" 2>&1 &
wait
is "$(cat "$T/wa" "$T/wb")" "" "two writers at once: every add succeeds"
is "$(c ls | cut -f3 | tr '\n' ' ')" "20 20 " "and every note is there"
c check > /dev/null; ok $? "the notebook checks out"

# A process holding the notebook: an add waiting for its text.
mkfifo "$T/fifo"
c add A < "$T/fifo" 2> "$T/holder" &
holder=$!
exec 4> "$T/fifo"
holds_notebook "$holder"
echo "pendant" | c add B; ok $? "another writer works beside it"
printf '%s\n%s\n' "$PASS" "a brand new passphrase" > "$T/pw"
# It gives up by itself after a short wait (a few seconds): were it to
# wait on, timeout would stop it, with 124.
timeout 120 "$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> "$T/err"
is $? 5 "passwd while another carnet has the notebook: 5, after a short wait"
like "$T/err" 'in use' "says the notebook is in use"
echo "la note du processus qui attendait" >&4
exec 4>&-
wait "$holder"; ok $? "the waiting add then finishes"
c show A | grep -q 'processus qui attendait'; ok $? "and its note is kept"
finish

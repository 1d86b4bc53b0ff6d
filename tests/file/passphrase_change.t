#!/usr/bin/env bash
# passwd changes the passphrase, and is atomic: killed at any moment, the
# notebook opens with the old or the new passphrase, never neither, and
# keeps every note.
. "$(dirname "$0")/../lib.sh"
KILLS=${CARNET_PASSWD_KILLS:-20}

init
c new 'Amina Benali' > /dev/null
echo "Une note qui doit survivre." | c add 1

# pw OLD NEW ARGS: passwd with both passphrases on descriptor 3.
pw() {
	local old=$1 new=$2
	shift 2
	printf '%s\n%s\n' "$old" "$new" | "$CARNET" --passphrase-fd 3 "$@" \
	    passwd 3<&0
}
pw "$PASS" "the new passphrase" 2> "$T/err"; ok $? "passwd"
c ls > /dev/null 2>&1; is $? 3 "the old passphrase no longer opens it"
PASS="the new passphrase"
c show 1 > "$T/out"; ok $? "the new one does"
like "$T/out" 'doit survivre' "the notes came through"
pw "wrong one" "another passphrase" 2> /dev/null; is $? 3 \
    "passwd with a wrong current passphrase: 3"
pw "$PASS" "short" 2> "$T/err"; is $? 1 "a short new passphrase: 1"
c ls > /dev/null 2>&1; ok $? "and the passphrase is unchanged"
ls "$T" | grep -q 'nb.db.new'; is $? 1 "no temporary file left"

# Enough content that the copy takes a moment to kill it in.
for i in 1 2 3 4 5 6; do
	head -c 1500000 /dev/urandom | base64 | c add 1
done
notes=$(c ls | cut -f3)
is "$notes" 7 "seven notes before the kills"

# How long a whole passwd takes here: the kills fall anywhere in it.
start=$(date +%s%N)
pw "$PASS" "passphrase to start" 2> /dev/null
span=$(( ($(date +%s%N) - start) / 1000000 * 12 / 10 + 1 ))
echo "# a passwd takes about $((span * 10 / 12)) ms"
old="passphrase to start"
new="passphrase number 0"
for i in $(seq 1 "$KILLS"); do
	# carnet itself in the background, so that the kill reaches it.
	printf '%s\n%s\n' "$old" "$new" > "$T/pw"
	"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> /dev/null &
	pid=$!
	# Anywhere from before the key derivation to after the rename.
	delay=$((RANDOM * 32768 + RANDOM))
	delay=$((delay % span))
	sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
	kill -9 "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	if PASS=$old c ls > "$T/out" 2> /dev/null; then
		opened=old
	elif PASS=$new c ls > "$T/out" 2> /dev/null; then
		opened=new
		old=$new
	else
		opened=neither
	fi
	ok $([ "$opened" != neither ]; echo $?) \
	    "kill $i: opens with the $opened passphrase"
	tally kills 1
	tally lost $(( notes - $(cut -f3 "$T/out" | grep . || echo 0) ))
	is "$(cut -f3 "$T/out")" "$notes" "kill $i: every note is there"
	new="passphrase number $i"
done
finish

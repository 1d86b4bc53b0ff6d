#!/usr/bin/env bash
# Crash consistency of drafts: the screens killed with SIGKILL at random
# moments while a draft is being saved, half the time the save a lock
# (^L) makes at once, half the time the one made two seconds after the
# last key.  After every kill the notebook checks out, and every draft in
# it, read back with the stock sqlcipher tool, is one whole pasted text:
# never a half.  At the end a kept draft is resumed and saved as a note,
# whole.  make check runs a short pass; make check-crash sets
# CARNET_CRASH_KILLS.
. "$(dirname "$0")/../lib.sh"
KILLS=$(( ${CARNET_CRASH_KILLS:-24} / 4 ))

if ! command -v sqlcipher > /dev/null || ! command -v argon2 > /dev/null; then
	skip_all "needs sqlcipher and argon2"
fi
init
c new Brouillons > /dev/null
key=$(raw_key)$(notebook_salt)
# sql QUERY: run on the notebook, as carnet(5)'s recovery recipe does.
sql() { stock_sql "$key" "$1"; }
run="env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 TZ=UTC"

# The screens, unlocked; drafts left by an earlier kill are thrown away
# (n), which tries that path too.
start() {
	tm_start "$run '$CARNET'"
	tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
	tm_wait 'Brouillons' > /dev/null
	for _ in 1 2 3 4 5 6; do
		sleep 0.2
		tm_screen | grep -q 'A draft for' || break
		tm_keys n
	done
}
# paste_note FILE LAST: the screens, a new note in Brouillons, FILE
# pasted in it; waits until LAST, its last line, shows.
paste_note() {
	start
	tm_keys Enter
	tm_wait 'p Print' > /dev/null && tm_keys n
	tm_wait 'new note' > /dev/null
	tm load-buffer "$1"
	tm paste-buffer -p -t t
	TM_TRIES=100 tm_wait "$2" > /dev/null
}

kept=0
for i in $(seq 1 "$KILLS"); do
	# BEGIN-i, 40 KB of lines, END-i: a half draft cannot pass for whole.
	{ echo "BEGIN-$i"; head -c 30000 /dev/urandom | base64 -w 76
	  printf 'END-%s' "$i"; } > "$T/draft-$i"
	paste_note "$T/draft-$i" "END-$i"
	pid=$(tm_pid)
	if [ $((i % 2)) -eq 0 ]; then
		what="the save on ^L"
		delay=$(( (RANDOM * 32768 + RANDOM) % 120 ))
		tm_keys C-l
	else
		# The timer saves 2 to 3 s after the last key.
		what="the save 2 s after the last key"
		delay=$(( 1900 + (RANDOM * 32768 + RANDOM) % 1300 ))
	fi
	sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
	kill -9 "$pid" 2> /dev/null
	tm_stop
	c check > /dev/null 2> "$T/err"
	ok $? "kill $i during $what (+${delay} ms): the notebook checks out"
	# Every draft is one of the texts pasted, whole.
	bad=0
	for id in $(sql 'SELECT id FROM draft;'); do
		sql "SELECT body FROM draft WHERE id = $id;" > "$T/got"
		n=$(sed -n 's/^BEGIN-//p' "$T/got" | head -1)
		# sqlcipher ends the value with a newline.
		if [ -n "$n" ] && [ -f "$T/draft-$n" ] &&
		    cmp -s "$T/got" <(cat "$T/draft-$n"; echo); then
			kept=$((kept + 1))
		else
			bad=$((bad + 1))
		fi
	done
	tally kills 1
	tally lost "$bad"
	is "$bad" 0 "kill $i: every draft in the notebook is whole"
done
echo "# $kept drafts found whole after $KILLS kills"

# The last draft (one is made: a lock saves at once) comes back whole.
printf 'FIN-%s\n' "$KILLS" > "$T/last"
{ echo "BEGIN-last"; head -c 3000 /dev/urandom | base64 -w 76
  cat "$T/last"; } > "$T/draft-last"
paste_note "$T/draft-last" "FIN-$KILLS"
tm_keys C-l
tm_wait 'carnet locked' > /dev/null
kill -9 "$(tm_pid)"
tm_stop
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'A draft for' && tm_keys y
tm_wait "BEGIN-last" > /dev/null && tm_keys C-e
tm_wait "FIN-$KILLS" > /dev/null && tm_keys C-s
tm_wait 'Note saved'; ok $? "the draft kept through a kill is resumed and saved"
tm_keys C-x
tm_stop
c show Brouillons > "$T/show"
perl -e 'local $/; open(my $a, "<", $ARGV[0]); open(my $b, "<", $ARGV[1]);
    my ($x, $y) = (<$a>, <$b>); exit(index($y, $x) >= 0 ? 0 : 1)' \
    "$T/draft-last" "$T/show"
ok $? "the note is the whole text, byte for byte"
finish

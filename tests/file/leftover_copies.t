#!/usr/bin/env bash
# Copies left behind: a passwd or a backup killed halfway leaves a whole
# encrypted copy (NAME.new-XXXXXX) beside its target, in which notes
# destroyed afterwards would stay readable with the old passphrase.  The
# next open (and so check) removes those that no living process writes,
# and says so; a backup removes those at its destination.  Kills at
# random moments, as file/killed_commands.t does, and copies made by hand.
. "$(dirname "$0")/../lib.sh"
KILLS=${CARNET_CRASH_KILLS:-12}
init
c new Journal > /dev/null
for i in 1 2 3; do echo "Note $i du journal." | c add Journal; done
big() { head -c 200000 /dev/urandom | base64 -w 76; }
big | c add Journal
copies() { find "$T" -maxdepth 2 -name '*.new-??????' | wc -l; }
notes() { c ls 2> /dev/null | awk -F '\t' '{n += $3} END {print n + 0}'; }

# Killed at random moments: whatever was left is gone after the next
# open, and nothing is lost.
left=0 lost=0
mkdir -p "$T/usb"
for i in $(seq 1 "$KILLS"); do
	if [ $((i % 2)) -eq 0 ]; then
		printf '%s\n%s\n' "$PASS" "$PASS" > "$T/pw"
		"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> /dev/null &
	else
		"$CARNET" --passphrase-fd 3 backup "$T/usb/copie.db" \
		    3<<< "$PASS" 2> /dev/null &
	fi
	pid=$!
	sleep "0.$(printf '%03d' $(( (RANDOM * 32768 + RANDOM) % 300 )))"
	{ kill -9 "$pid"; wait "$pid"; } 2> /dev/null
	tally kills 1
	left=$((left + $(copies)))
	n=$(notes)
	[ "$n" = 4 ] || lost=$((lost + 1))
	c backup "$T/usb/copie.db" > /dev/null 2>&1
	is "$(copies)" 0 "kill $i: no copy left after the next open and backup"
done
echo "# copies found after the kills, before the next open: $left"
is "$lost" 0 "no note lost"
tally lost "$lost"

# A copy made by hand, as a killed passwd leaves it: removed, and said.
cp "$CARNET_FILE" "$CARNET_FILE.new-Ab12Cd"
c ls > /dev/null 2> "$T/err"
test ! -e "$CARNET_FILE.new-Ab12Cd"; ok $? "a copy left beside the notebook is removed"
like "$T/err" 'removed 1 copy of the notebook that an interrupted passphrase change or backup had left' \
    "and it is said"
# SQLite's journal of a copy goes with it, or alone when the copy is gone.
cp "$CARNET_FILE" "$CARNET_FILE.new-Jr12Cd"
echo x > "$CARNET_FILE.new-Jr12Cd-journal"
echo x > "$CARNET_FILE.new-Or12Cd-journal"
c ls > /dev/null 2>&1
is "$(find "$T" -maxdepth 1 -name '*.new-*' | wc -l)" 0 \
    "a copy's journal goes with it, an orphan journal too"
# Only the exact name: another file of the user's is never touched.
for f in "$CARNET_FILE.new-Ab12C" "$CARNET_FILE.new-Ab12Cde" \
    "$CARNET_FILE.new-Ab-2Cd" "$T/other.db.new-Ab12Cd"; do
	cp "$CARNET_FILE" "$f"
done
c ls > /dev/null 2>&1
is "$(find "$T" -maxdepth 1 -name '*.new-*' | wc -l)" 4 \
    "files that only look like one are left alone"
rm -f "$T"/*.new-*
# A link is never followed nor removed.
ln -s "$T/target" "$CARNET_FILE.new-Ln12Cd"
echo "garder" > "$T/target"
c ls > /dev/null 2>&1
test -L "$CARNET_FILE.new-Ln12Cd" && grep -q garder "$T/target"
ok $? "a link of that name is left alone, and what it points to"
rm -f "$CARNET_FILE.new-Ln12Cd"

# One a living process writes (it holds the lock) is left to it.
cp "$CARNET_FILE" "$CARNET_FILE.new-Lv12Cd"
mkfifo "$T/hold"
flock -x "$CARNET_FILE.new-Lv12Cd" sh -c "read x < '$T/hold'" &
holder=$!
until ! flock -n -x "$CARNET_FILE.new-Lv12Cd" true 2> /dev/null; do
	:
done
c ls > /dev/null 2> "$T/err"
test -e "$CARNET_FILE.new-Lv12Cd"; ok $? "a copy being written is not removed"
unlike "$T/err" 'removed' "and nothing is said"
echo done > "$T/hold"
wait "$holder"
c check > "$T/out" 2> "$T/err"; ok $? "once its writer is gone, check opens"
test ! -e "$CARNET_FILE.new-Lv12Cd"; ok $? "and removes it"
like "$T/out" 'copies left by an interrupted passphrase change or backup: removed 1' \
    "check says so"
c check > "$T/out" 2>&1
like "$T/out" 'copies left by an interrupted passphrase change or backup: none' \
    "and none the next time"

# A backup killed on the key left its copy there: the next backup to
# that place removes it.
cp "$CARNET_FILE" "$T/usb/copie.db.new-Us12Cd"
c backup "$T/usb/copie.db" > /dev/null 2> "$T/err"
test ! -e "$T/usb/copie.db.new-Us12Cd"; ok $? "a backup removes the copy a killed one left at its place"
like "$T/err" 'removed 1 copy' "and says so"

# The screens say it too.
if command -v tmux > /dev/null; then
	cp "$CARNET_FILE" "$CARNET_FILE.new-Sc12Cd"
	tm_start "env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' LC_ALL=C.UTF-8 CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET' -f '$CARNET_FILE'"
	tm_wait 'Passphrase' > /dev/null && tm_keys "$PASS" Enter
	tm_wait '1 copy of the notebook left by an interrupted passphrase'
	ok $? "the screens say a leftover copy was removed"
	tm_stop
	test ! -e "$CARNET_FILE.new-Sc12Cd"; ok $? "and it is gone"
else
	skip "no tmux"; skip "no tmux"
fi
finish

#!/usr/bin/env bash
# Notebooks changed by hand (the carnet(5) recipe opens them with the stock
# tools): dates no calendar has, a note whose dossier is gone.  Nothing is
# hidden because of them, and an export never says it exported everything
# while leaving notes out.
. "$(dirname "$0")/../lib.sh"
init
c new 'Amina Benali' > /dev/null
c new 'Paul Martin' > /dev/null
c new 'Nadia Haddad' > /dev/null
echo "Note ordinaire." | c add 1
echo "Note du bout des temps." | c add 2
echo "Note d'avant les temps." | c add 3
sql() { stock_sql "$(raw_key)$(notebook_salt)" "$1"; }
max=9223372036854775807 min=-9223372036854775808
sql "UPDATE note SET created = $max, updated = $max, written = $max
    WHERE dossier = 2; UPDATE dossier SET last = $max WHERE id = 2;
    UPDATE note SET created = $min, updated = $min WHERE dossier = 3;
    UPDATE dossier SET last = $min WHERE id = 3;"
tally inputs 2

c ls > "$T/ls"; ok $? "ls runs"
is "$(grep -c . "$T/ls")" 3 "every dossier is listed, the one dated INT64_MAX too"
grep -q "Paul Martin.*$max" "$T/ls"; ok $? "its date shown as it is"
c show 2 | grep -q 'Note du bout des temps'; ok $? "show reads its note"
c search temps | grep -c . > "$T/n"
is "$(cat "$T/n")" 2 "search finds both notes"
c export "$T/out" > "$T/said" 2>&1; ok $? "export runs"
grep -q 'Exported 3 notes of 3 dossiers' "$T/said"; ok $? "and exports all three"
is "$(find "$T/out" -type f | wc -l)" 3 "three files written"
rm -rf "$T/out"

# The screens list them too.
if command -v tmux > /dev/null; then
	tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 \
	    CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET'"
	tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
	tm_wait 'Dossiers \(3\)'; ok $? "the screens list the three dossiers"
	tm_keys Down Enter
	tm_wait 'Note (du bout|ordinaire|d.avant)'; ok $? "and open one"
	tm_stop
else
	skip "no tmux"; skip "no tmux"
fi

# A note whose dossier is gone: the export refuses, and leaves nothing.
sql "PRAGMA foreign_keys = OFF; UPDATE note SET dossier = 99 WHERE dossier = 3;"
tally inputs 1
c export "$T/out" > "$T/said" 2>&1
is $? 1 "an export that would leave a note out fails"
grep -q 'leave out 1 of the notebook.s 3 notes' "$T/said"; ok $? "and says how many"
[ ! -e "$T/out" ]; ok $? "no half export is left behind"
finish

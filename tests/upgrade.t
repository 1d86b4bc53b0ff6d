#!/usr/bin/env bash
# A notebook written by an earlier carnet opens, and is brought up to the
# schema of this one once, whole: schema 1 gave notes ids of seconds times
# 1024, schema 2 of ten-minute steps.  tests/data/v1.db was written by
# carnet at commit 0d91d9f (schema 1): two dossiers, five notes out of
# date order (two in the same second), one on paper, a draft of a note
# and a draft of a new one.
. "$(dirname "$0")/lib.sh"
plan 17
here="$(cd "$(dirname "$0")" && pwd)"
PASS="une phrase de passe"
cp "$here/data/v1.db" "$CARNET_FILE"
sql() {
	sqlcipher "$CARNET_FILE" "PRAGMA key = \"x'$(raw_key)$(notebook_salt)'\";" \
	    "$1" 2> /dev/null | sed '/^ok$/d'
}

is "$(sql 'PRAGMA user_version;')" 1 "the fixture is a schema 1 notebook"
before=$(sql 'SELECT id FROM note ORDER BY id;' | tr '\n' ' ')
c ls > "$T/ls"; ok $? "it opens"
is "$(cut -f2,3 "$T/ls" | tr '\t\n' ':,')" "Amina Benali:4,Jules Martin:1," \
    "with its dossiers and their counts"
is "$(sql 'PRAGMA user_version;')" 2 "brought up to schema 2"
is "$(sql 'SELECT count(*) FROM note WHERE id <> created / 600 AND
    id <> created / 600 + 1;')" 0 "ids count ten minutes (or the next one)"
is "$(sql 'SELECT count(*) FROM note a JOIN note b
    ON a.created < b.created AND a.id > b.id;')" 0 "ids follow dates"
[ "$(sql 'SELECT id FROM note ORDER BY id;' | tr '\n' ' ')" != "$before" ]
ok $? "every id changed"
is "$(sql "SELECT count(*) FROM draft d JOIN note n ON n.id = d.note
    WHERE n.body LIKE 'Premier entretien%';")" 1 "the draft follows its note"
is "$(sql 'SELECT count(*) FROM draft WHERE note IS NULL;')" 1 \
    "the draft of a new note stays one"
is "$(c search 'échéancier' | cut -f3)" \
    "Premier entretien : la CAF demande l’[échéancier]." \
    "the index was built again: search finds the notes"
is "$(c search 'domicile' | wc -l)" 1 "every one of them"
c show 1 | grep -o 'on paper since [0-9-]*' > "$T/paper"
is "$(cat "$T/paper")" "on paper since 2023-07-22" "paper stays paper"
c check > /dev/null; ok $? "check passes"

# New notes, in and out of date order, take their place by date.
CARNET_NOW=1600000100 c add 1 <<< "Dix minutes plus tard." > /dev/null
CARNET_NOW=1400000000 c add 1 <<< "Plus ancienne que toutes." > /dev/null
c show 1 | grep -E '^[0-9]{4}-' | cut -c1-10 > "$T/dates"
sort -c "$T/dates"; ok $? "a dossier lists its notes by date"
is "$(wc -l < "$T/dates")" 6 "all six"
after=$(sql 'SELECT id FROM note ORDER BY id;' | tr '\n' ' ')
c ls > /dev/null
is "$(sql 'SELECT id FROM note ORDER BY id;' | tr '\n' ' ')" "$after" \
    "opened again, nothing is renumbered"
c search 'ancienne' | cut -f2 | cut -c1-4 > "$T/years"
is "$(tr '\n' ' ' < "$T/years")" "2017 2014 " "search: newest first"
finish

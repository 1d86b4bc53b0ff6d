#!/usr/bin/env bash
# carnet restore COPY: what the copy holds and what would be lost, by
# dossier, said before anything happens; the notebook in place kept
# aside (NAME.before-restore-DATE), never deleted, and listed by check;
# the copy itself only read; a copy from before a passphrase change;
# a notebook in place that is damaged, in use, or absent (a new
# computer); a wrong passphrase, no terminal, not a notebook; kills at
# random moments.  The drill: a notebook's whole life, backed up, brought
# back on a fresh home, exports identical.
. "$(dirname "$0")/../lib.sh"
key="$T/key"
mkdir -p "$key"
sum_of() { cksum < "$1"; }

# --- A notebook's life, backed up ------------------------------------
init
c new 'Martin Dupont' > /dev/null
c new 'Amina Benali' > /dev/null
c new --another 'Martin Dupont' > /dev/null
printf 'Premier entretien.\nDeux lignes.\n' | c add 1 --date '12/03/2024 14h30'
printf 'Visite.\n' | c add 1 --date '2/04/2024'
printf 'Accueil.\n' | c add 2 --date 'hier'
printf 'Homonyme.\n' | c add 3
printf 'Déplacée.\n' | c add 2
c mv 2 2 1 > /dev/null 2>&1
c rm -y 1 1 > /dev/null 2>&1
c backup "$key/copie.db" > /dev/null 2>&1; ok $? "a backup"
copy_sum=$(sum_of "$key/copie.db")
c export "$T/before" > /dev/null 2>&1

# After it: a note written, one changed, one destroyed.
printf 'Écrite après la copie.\n' | c add 2
printf 'Encore une.\n' | c add 2
c rm -y 3 1 > /dev/null 2>&1
before_sum=$(sum_of "$CARNET_FILE")

# --- Said first, nothing done without yes -------------------------------
setsid -w "$CARNET" --passphrase-fd 3 restore "$key/copie.db" \
    > "$T/out" 2>&1 3<<< "$PASS"
is $? 2 "no terminal and no -y: usage status"
like "$T/out" 'nothing was restored (add -y' "and it says how"
is "$(sum_of "$CARNET_FILE")" "$before_sum" "the notebook is as it was"
is "$(ls "$T" | grep -c 'nb.db.new-')" 0 "and nothing was left beside it"
like "$T/out" 'holds 3 dossiers and 4 notes; its last note is of' \
    "what the copy holds"
like "$T/out" '^2 notes written or changed since the copy would no longer be in the notebook:' \
    "what would be lost, counted"
like "$T/out" '^  Amina Benali: 2$' "and named by dossier"
like "$T/out" '^1 note destroyed since the copy would come back' \
    "what would come back"

"$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" > "$T/out" 2>&1 3<<< "$PASS"
ok $? "restore -y"
is "$(sum_of "$key/copie.db")" "$copy_sum" "the copy itself was only read"
kept="$CARNET_FILE.before-restore-$(date +%Y-%m-%d)"
[ -f "$kept" ]; ok $? "the notebook in place is kept aside, with the date"
is "$(sum_of "$kept")" "$before_sum" "as it was"
like "$T/out" "kept as $kept" "and its name is said"
like "$T/out" 'read back: [0-9]* pages checked' "the result is checked"
c export "$T/after" > /dev/null 2>&1
diff -r "$T/before" "$T/after" > "$T/diff"; ok $? "the notebook is the copy: exports identical"
CARNET_FILE="$kept" c show 2 | grep -q 'Écrite après la copie'
ok $? "the kept notebook opens, with what the copy lacked"
c check > "$T/out" 2>&1
like "$T/out" "kept aside by a restore: $kept" "check lists it"

# A second restore the same day keeps another name.
"$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" > /dev/null 2>&1 3<<< "$PASS"
ok $? "restored again"
[ -f "$kept-2" ]; ok $? "the second notebook kept aside has its own name"
like "$T/out" 'kept aside' "(check said it)"
rm -f "$kept-2"

# --- A copy from before a passphrase change ---------------------------
NEW="another passphrase here"
printf '%s\n%s\n' "$PASS" "$NEW" > "$T/pw"
"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> /dev/null; ok $? "passphrase changed"
printf '%s\n%s\n' "$PASS" "$NEW" > "$T/pw"
"$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" 3< "$T/pw" > "$T/out" 2>&1
ok $? "the copy's passphrase first, then the notebook's own"
like "$T/out" "opens with the copy's passphrase, the one it had when the copy was made" \
    "it says the notebook now opens with the old passphrase"
c ls > /dev/null 2>&1; ok $? "and it does"
ls "$T" | grep -c 'before-restore' | grep -qx 2
ok $? "the one in place was kept aside too"

# --- Wrong passphrase, not a notebook ----------------------------------
before_sum=$(sum_of "$CARNET_FILE")
"$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" > "$T/out" 2>&1 3<<< "not the passphrase"
is $? 3 "a wrong passphrase for the copy: status 3"
is "$(sum_of "$CARNET_FILE")" "$before_sum" "nothing changed"
is "$(ls "$T" | grep -c 'nb.db.new-')" 0 "nothing left beside the notebook"
printf 'pas un carnet' > "$key/faux.db"
"$CARNET" --passphrase-fd 3 restore -y "$key/faux.db" > "$T/out" 2>&1 3<<< "$PASS"
is $? 4 "not a notebook: status 4"

# --- In use by another carnet ------------------------------------------
# This shell holds the notebook's lock, shared, as an open carnet does.
exec 9< "$CARNET_FILE"
flock -s 9
"$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" > "$T/out" 2>&1 3<<< "$PASS"
is $? 5 "another carnet holds the notebook: status 5"
exec 9<&-
is "$(sum_of "$CARNET_FILE")" "$before_sum" "nothing changed"

# --- Damaged in place ---------------------------------------------------
printf 'XXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$CARNET_FILE" bs=1 seek=1000 \
    conv=notrunc 2> /dev/null
"$CARNET" --passphrase-fd 3 restore "$key/copie.db" > "$T/out" 2>&1 3<<< "$PASS"
is $? 2 "a damaged notebook in place, no terminal: nothing without -y"
"$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" > "$T/out" 2>&1 3<<< "$PASS"
ok $? "with -y, restored over it"
like "$T/out" 'The notebook in place cannot be opened' "after saying it cannot be opened"
c check > /dev/null 2>&1; ok $? "the notebook checks out"
ls "$T" | grep -c 'before-restore' | grep -qx 3
ok $? "the damaged one kept aside all the same"

# --- A new computer: nothing in place -----------------------------------
fresh="$T/fresh/nb.db"
mkdir -p "$T/fresh"
CARNET_FILE="$fresh" "$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" > "$T/out" 2>&1 3<<< "$PASS"
ok $? "restored where there was no notebook"
like "$T/out" 'no notebook here yet' "and said so"
ls "$T/fresh" | grep -q before-restore; is $? 1 "nothing to keep aside"
CARNET_FILE="$fresh" c export "$T/fresh-export" > /dev/null 2>&1
diff -r "$T/before" "$T/fresh-export" > /dev/null; ok $? "the drill: a fresh home, the same notes, dates, names"

# --- Killed at random moments --------------------------------------------
KILLS=${CARNET_CRASH_KILLS:-8}
for i in $(seq 1 "$KILLS"); do
	"$CARNET" --passphrase-fd 3 restore -y "$key/copie.db" 3<<< "$PASS" \
	    > /dev/null 2>&1 &
	pid=$!
	sleep "0.$(printf '%03d' $(( RANDOM % 300 )))"
	kill -9 "$pid" 2> /dev/null
	{ wait "$pid"; } 2> /dev/null
	c ls > "$T/ls" 2>&1
	ok $? "kill $i during a restore: the notebook opens"
	tally kills 1
done
c check > /dev/null 2>&1; ok $? "and checks out"
is "$(ls "$T" | grep -c 'nb.db.new-')" 0 "no staged copy left after the next open"
finish

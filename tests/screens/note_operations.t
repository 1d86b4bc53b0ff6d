#!/usr/bin/env bash
# A note in the wrong dossier can be undone from the screens, in French
# at 80x24: each note shows its number (as "show" gives it), d destroys
# one after a question naming it, m moves it to another dossier asked by
# name, from the dossier's list and from the reader.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="notes-phrase-9Lp"
init
c new 'Amina Benali' > /dev/null
c new 'Paul Martin' > /dev/null
for i in 1 2 3; do
	echo "Note $i d'Amina." | CARNET_NOW=$((1700000000 + i * 3600)) c add 1
done
run=$(french_screens)
count() { c ls | awk -F '\t' -v d="$1" '$2 == d {print $3}'; }
nbsp() { sed 's/\xc2\xa0/ /g'; }

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null && tm_keys 'amina'
tm_wait 'correspondant' > /dev/null && tm_keys Enter
tm_wait "Note 3 d'Amina" > /dev/null
# As show numbers them in French: n° 3.
tm_screen | sed 's/\xc2\xa0/ /g' | grep -q "n° 3 .*Note 3 d'Amina"; ok $? "each note shows its number"
tm_screen | sed 's/\xc2\xa0/ /g' | grep -q "n° 1 .*Note 1 d'Amina"; ok $? "1 the oldest"
tm_keys Down d
tm_wait 'Détruire la note 2'; ok $? "d asks before destroying the selected note"
tm_screen | nbsp | grep -q "(« Note 2 d'Amina. »)"; ok $? "naming it by its first words"
tm_keys n
sleep 0.3
is "$(count 'Amina Benali')" 3 "n keeps it"
tm_keys d
tm_wait 'Détruire la note 2' > /dev/null && tm_keys o
tm_wait 'La note 2 a été détruite'; ok $? "o destroys it, and the screen says so"
is "$(count 'Amina Benali')" 2 "it is gone"
c show 1 | grep -q "Note 2 d'Amina"; is $? 1 "its text with it"
tm_keys Home e
tm_wait 'note du'; ok $? "e on the dossier's list edits the selected note"
tm_keys C-x
tm_wait 'Imprimer' > /dev/null
tm_keys Home m
tm_wait 'Son nom ou son numéro'; ok $? "m asks where to move the note"
tm_keys 'Paul Martin' Enter
tm_wait 'Note déplacée dans .*Paul Martin.*, où c’est la note 1'
ok $? "and moves it, saying its number there"
is "$(count 'Paul Martin')" 1 "it is in the other dossier"
c show 'Paul Martin' | grep -q "^2023-11-15 01:13 #1"; ok $? "with its date"
tm_keys m
tm_wait 'Son nom ou son numéro' > /dev/null && tm_keys 'Amina Benali' Enter
tm_wait 'déjà dans ce dossier'; ok $? "moving to the same dossier is said"
tm_keys Enter
tm_wait 'Note 1 d' > /dev/null
tm_screen | head -1 | grep -q '#1'; ok $? "the reader's title has the number"
tm_keys d
tm_wait 'Détruire la note 1' > /dev/null && tm_keys o
tm_wait 'La note 1 a été détruite'; ok $? "d from the reader destroys the note"
tm_screen | grep -q 'Pas encore de note\|Aucune note'; ok $? "and goes back to the dossier"
is "$(count 'Amina Benali')" 0 "no note left there"
tm_stop

# The review: a dossier kept is asked about again a period later.
c new 'Dossier Ancien' > /dev/null
echo "Il y a trois ans." | CARNET_NOW=$(($(date +%s) - 3 * 365 * 86400)) c add 'Dossier Ancien'
c ls --review | grep -q 'Dossier Ancien'; ok $? "a dossier without a note for 3 years is to review"
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys C-a
tm_wait 'Dossier Ancien' > /dev/null && tm_keys C-k
tm_wait 'Gardé : redemandé dans 2 ans|Gardé.*2 ans'; ok $? "^K keeps it, and says until when, in years (730 days are 2 years)"
c ls --review | grep -q 'Dossier Ancien'; is $? 1 "it leaves the review"
# Paul Martin's one note, moved above, is from 2023: kept too.
tm_wait 'Paul Martin' > /dev/null && tm_keys C-k
tm_wait 'Rien à revoir'; ok $? "an empty review says there is nothing to review"
tm_screen | tr '\n' ' ' | sed 's/\xc2\xa0/ /g' | tr -s ' ' |
    grep -q 'Échap ramène à la liste'
ok $? "and says Esc leaves it"
tm_screen | tail -2 | grep -q 'Échap Toute la liste'
ok $? "so does its bar (issue 23: no key left it)"
tm_keys Escape
tm_wait 'Dossiers \([0-9]*\)'; ok $? "Esc leaves the review for the whole list"
tm_screen | tail -2 | grep -q 'Échap'; ok $((!$?)) "where the bar no longer offers Esc"
tm_keys C-t
tm_wait 'Tous les dossiers' > /dev/null && tm_keys Escape
tm_wait 'Dossiers \([0-9]*\)'; ok $? "Esc leaves the closed ones' list too"
tm_keys 'xyz'
tm_wait 'correspondant à' > /dev/null && tm_keys C-a
tm_wait 'À revoir' > /dev/null && tm_keys Escape
tm_wait 'Rien à revoir|À revoir' > /dev/null
tm_screen | head -1 | grep -q 'À revoir'
ok $? "in the review with a filter, Esc clears the filter first"
tm_keys Escape
tm_wait 'Dossiers \([0-9]*\)'; ok $? "then leaves the review"
tm_keys Escape
sleep 0.3
tm_screen | head -1 | grep -q 'Dossiers ([0-9]*)'
ok $? "and Esc in the whole list quits nothing"
tm_stop
CARNET_NOW=$(($(date +%s) + 731 * 86400)) c ls --review | grep -q 'Dossier Ancien'
ok $? "and comes back a retention period later"
c check > /dev/null; ok $? "the notebook checks out"
finish

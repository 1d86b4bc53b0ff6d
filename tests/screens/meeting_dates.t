#!/usr/bin/env bash
# A note carries the date of the meeting, in French at 80x24: ^D in the
# editor takes a date as a person says it ("lundi 9h"), shows what it
# understood before keeping it, and the note takes its place by that date
# in the dossier, in show and on paper, which say when it was written
# when that was more than a day later.  A date kept survives a lock.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="dates-phrase-4Qm"
init
c new 'Amina Benali' > /dev/null
# Tuesday 2 December 2025, 12:53 (UTC): "lundi" is the 1st.
now=1764680000
echo "Note du jour." | CARNET_NOW=$now c add 1
run=$(french_screens CARNET_NOW=$now)
heads() { c show 1 | grep '#[0-9]'; }

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null && tm_keys Enter
tm_wait 'Note du jour' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null
tm_screen | grep -q '\^D Date'; ok $? "the editor's bar shows ^D Date at 80 columns"
tm_screen | head -1 | grep -q 'vide *$'; ok $? "a blank new note says it is empty"
tm_screen | head -1 | grep -q 'enregistrée'; is $? 1 "not that it was saved"
tm_keys 'Visite à domicile, la mère était là.'
tm_keys C-d
tm_wait 'Date du rendez-vous'; ok $? "^D asks the date of the meeting"
joined | grep -qF '(par exemple : hier 14h30, lundi, 12/03 9h ; Entrée : maintenant) :'
ok $? "the question whole, with examples, at 80 columns"
tm_keys 'demain' Enter
tm_wait 'n’est pas une date'; ok $? "a date it does not understand is said"
joined | grep -qF '« demain »'; ok $? "naming the word"
tm_screen | grep -q 'la mère était là'; ok $? "and the text stays"
tm_keys C-d
tm_wait 'Date du rendez-vous' > /dev/null && tm_keys 'lundi 9h' Enter
tm_wait 'Dater la note du lundi 1 décembre 2025, 9 h 00'
ok $? "what it understood is shown, written out, before it is kept"
tm_keys o
tm_wait 'Datée du lundi 1 décembre'; ok $? "o keeps it"
tm_screen | head -1 | grep -q 'nouvelle note du 01/12/2025 9 h 00'
ok $? "the title shows the meeting's date"
tm_keys C-s
tm_wait 'enregistrée' > /dev/null
heads > "$T/heads"
is "$(head -1 "$T/heads")" '2025-12-01 09:00 #2 (written 2025-12-02 12:53)' \
    "saved at Monday's date, first of the dossier, saying when it was written"
is "$(sed -n 2p "$T/heads")" '2025-12-02 12:53 #1' \
    "today's note comes after it, keeping its number"
tm_keys C-x
tm_wait 'Note du jour' > /dev/null
tm_keys Down Enter
tm_wait 'Visite à domicile' > /dev/null
tm_screen | grep -q '(écrite le 02/12/2025 12 h 53)'
ok $? "the reader says when it was written"
tm_keys Escape
# An existing note dated again takes its new place.
tm_wait 'Note du jour' > /dev/null && tm_keys Home e
tm_wait 'note du 02/12/2025' > /dev/null && tm_keys C-d
tm_wait 'Date du rendez-vous' > /dev/null
joined | grep -qF 'Entrée : la garder) :'
ok $? "for a note already written, Enter keeps its date"
tm_keys 'avant-hier 17h' Enter
tm_wait 'Dater la note du dimanche 30 novembre 2025, 17 h 00' > /dev/null &&
    tm_keys o
tm_wait 'Datée' > /dev/null && tm_keys C-s
tm_wait 'enregistrée' > /dev/null
heads > "$T/heads"
is "$(head -1 "$T/heads")" '2025-11-30 17:00 #1 (written 2025-12-02 12:53)' \
    "today's note dated Sunday is now the first, with its number"
like "$T/heads" '^2025-12-01 09:00 #2 ' "Monday's second"
c search 'jour' | cut -f2 > "$T/found"
like "$T/found" '^2025-11-30 17:00' "search gives it its new date"
tm_keys C-x
# A date chosen and not yet saved survives a lock.
tm_wait 'Amina' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null && tm_keys 'Appel de la CAF.' C-d
tm_wait 'Date du rendez-vous' > /dev/null && tm_keys 'hier 10h' Enter
tm_wait 'Dater la note' > /dev/null && tm_keys o
tm_wait 'Datée' > /dev/null && tm_keys C-l
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'nouvelle note du 01/12/2025 10 h 00'
ok $? "after a lock, the note still has the date chosen"
tm_keys C-s
tm_wait 'enregistrée' > /dev/null
heads | grep -q '^2025-12-01 10:00 #3 '; ok $? "and keeps it once saved"
tm_stop

# Paper, in French: the meeting's date, then when it was written.
CARNET_NOW=$now LC_ALL=fr_FR.UTF-8 c print 1 --all -o "$T/dossier.pdf" \
    > /dev/null 2>&1 < /dev/null
pdftotext "$T/dossier.pdf" - | sed 's/\xc2\xa0/ /g' | tr '\n' ' ' |
    tr -s ' ' > "$T/paper"
echo >> "$T/paper"
like "$T/paper" 'dimanche 30 novembre 2025, 17 h 00 (écrite le mardi 2 décembre 2025, 12 h 53)' \
    "the print gives the meeting's date and when it was written"
like "$T/paper" 'lundi 1 décembre 2025, 9 h 00 (écrite le' "a date without a leading zero"
finish

#!/usr/bin/env bash
# No PDF left lying around, in French at 80x24 with no printer: a PDF
# saved and not yet printed is remembered (in the notebook, with its
# notes as they went in); the list's title counts the PDFs still on disk
# (never names them); "was it printed?" is asked again when the dossier
# is opened, marks only the notes unchanged since and names the others,
# then offers to delete the PDF; a second PDF the same day gets its own
# name; check lists what is left; a PDF deleted by hand is forgotten.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="papier-phrase-9Kw"
mkdir -p "$T/carnet"
export CARNET_FILE="$T/carnet/nb.db"
init
c new 'Amina Benali' > /dev/null
echo "Première note." | c add 1 > /dev/null
echo "Seconde note." | c add 1 > /dev/null
no_printer
run="$(french_screens CARNET_NOW=1764633600) --lock-after 0"
pdf="$HOME/Documents/Amina Benali 02-12-2025.pdf"

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null
tm_screen | head -1 | grep -q 'PDF'; is $? 1 "no PDF yet: the title says none"
tm_keys Enter
tm_wait 'Imprimer' > /dev/null && tm_keys p
tm_wait 'Imprimer toutes' > /dev/null && tm_keys n
tm_wait 'Nom du fichier' > /dev/null && tm_keys Enter
tm_wait 'a-t-il été imprimé' > /dev/null && tm_keys n
tm_wait 'pas marquées' > /dev/null
[ -s "$pdf" ]; ok $? "a PDF saved, said not yet printed"
tm_keys Escape
tm_wait 'Dossiers \(1\)' > /dev/null
tm_screen | head -1 | grep -q "1 PDF non chiffré"; r=$?; [ $r -eq 0 ] || tm_screen | head -3 | sed "s/^/# /"; (exit $r)
ok $? "the list's title counts it"
tm_screen | head -1 | grep -q 'Amina'; is $? 1 "and does not name it"
c check > "$T/check" 2>&1
like "$T/check" "PDFs made by carnet still on disk, NOT encrypted: 1" "check counts it"
like "$T/check" "$pdf (was it printed? not answered yet)" "and says where, and that it waits"

# A note changed since the PDF: not the note on paper.
tm_stop
echo "Troisième note, écrite après." | c add 1 > /dev/null
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null && tm_keys Enter
tm_wait 'a-t-il été imprimé'; ok $? "opening the dossier asks about the PDF that waits"
joined | grep -qF "$pdf"; ok $? "naming the file"
tm_keys o
tm_wait 'Supprimer' > /dev/null
is "$(c show 1 | grep -c 'sur papier\|on paper')" 2 \
    "o: the two notes that went into it are marked, not the one written since"
tm_keys o
tm_wait 'supprimé'; ok $? "then it offers to delete the PDF, and does"
[ -e "$pdf" ]; is $? 1 "the file is gone"
tm_keys Escape
tm_wait 'Dossiers \(1\)' > /dev/null
sleep 0.3
tm_screen | head -1 | grep -q 'PDF'; is $? 1 "the title no longer counts it"

# Two PDFs the same day: each its own name.  One deleted by hand is
# forgotten.
tm_keys Enter
tm_wait 'Imprimer' > /dev/null && tm_keys p
tm_wait 'Imprimer toutes' > /dev/null && tm_keys o
tm_wait 'Nom du fichier' > /dev/null && tm_keys Enter
tm_wait 'a-t-il été imprimé' > /dev/null && tm_keys n
tm_wait 'pas marquées' > /dev/null && tm_keys p
tm_wait 'Imprimer toutes' > /dev/null && tm_keys o
tm_wait 'plus tard' > /dev/null && tm_keys Escape
tm_wait 'Nom du fichier' > /dev/null
joined | grep -qF 'Amina Benali 02-12-2025 (2).pdf'
r=$?; ok $r "a second PDF the same day is offered its own name"
[ $r -eq 0 ] || tm_screen | sed 's/^/# /' 
tm_keys Enter
tm_wait 'a-t-il été imprimé' > /dev/null && tm_keys n
tm_wait 'pas marquées' > /dev/null
[ -s "$HOME/Documents/Amina Benali 02-12-2025 (2).pdf" ]; ok $? "and saved under it"
tm_keys Escape
tm_wait 'Dossiers \(1\)' > /dev/null
tm_screen | head -1 | grep -q '2 PDF non chiffrés'; ok $? "two PDFs counted"
rm -f "$pdf"
tm_keys C-g
tm_wait 'touches' > /dev/null && tm_keys Escape
tm_wait 'Dossiers \(1\)' > /dev/null
title_says() { tm_screen | head -1 | grep -q "$1"; }
eventually title_says '1 PDF non chiffré'; ok $? "one deleted by hand: no longer counted"
tm_stop
c check > "$T/check" 2>&1
like "$T/check" "still on disk, NOT encrypted: 1" "check agrees"

# The day without a printer: ^E makes one PDF, each dossier from a new
# page, under one name, with one question.
c new 'Paul Martin' > /dev/null
echo "Note du jour pour Paul." | c add 'Paul Martin'
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys C-e
tm_wait 'Nom du fichier'; ok $? "^E without a printer: one PDF is offered"
joined | grep -qF '(Échap : non) : Journée 02-12-2025.pdf'
ok $? "one name for the day"
tm_keys Enter
tm_wait 'Imprimez-le maintenant' > /dev/null && tm_keys o
tm_wait 'marquées'; ok $? "one question, and o marks the notes"
tm_stop
day="$HOME/Documents/Journée 02-12-2025.pdf"
[ -s "$day" ]; ok $? "the day's PDF is saved"
if command -v pdftotext > /dev/null; then
	pdftotext "$day" - | tr '\f' '@' > "$T/day.txt"
	grep -c '^page 1 / 1' "$T/day.txt" | grep -qx 2
	ok $? "two dossiers, each its own page, numbered on its own"
	grep -q 'Note du jour pour Paul' "$T/day.txt"; ok $? "Paul's note is in it"
	grep -q 'Troisième note' "$T/day.txt"; ok $? "and Amina's not yet on paper"
else
	skip "no pdftotext"; skip "no pdftotext"; skip "no pdftotext"
fi
is "$(c show 'Paul Martin' | grep -c 'sur papier\|on paper')" 1 "Paul's note is marked"

# The command line: --today -o, refused until now.
echo "Une autre." | c add 'Paul Martin'
c print --today -o "$T/jour.pdf" > "$T/out" 2>&1; ok $? "print --today -o FILE"
like "$T/out" "The day's notes, 1 dossier, each from a new page" "one dossier not yet on paper"
[ -s "$T/jour.pdf" ]; ok $? "one PDF written"
c check > "$T/check" 2>&1
like "$T/check" "$T/jour.pdf (was it printed? not answered yet)" "remembered, its question waiting"
# Deleted, then made again under the same name: one file, listed once.
rm "$T/jour.pdf"
c print --today --all -o "$T/jour.pdf" > /dev/null 2>&1
c check > "$T/check" 2>&1
is "$(grep -c "$T/jour.pdf" "$T/check")" 1 "a PDF made again where one was is listed once"
finish

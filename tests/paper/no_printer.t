#!/usr/bin/env bash
# Paper without a printer, in French at 80x24, as a worker with no IT help
# has it: the printer refuses, the screens offer a PDF in the documents
# folder under the dossier's name and the date, in full view; it is saved
# inside the sandbox; asked whether it was printed, "o" marks the notes
# on paper, so that they can then be destroyed.  The notice too.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="papier-phrase-2Vb"
# In a folder of its own, as the default place is: the sandbox leaves the
# notebook's whole folder writable.
mkdir -p "$T/carnet"
export CARNET_FILE="$T/carnet/nb.db"
init
c new 'Amina Benali' > /dev/null
echo "Première note." | c add 1 > /dev/null
echo "Seconde note." | c add 1 > /dev/null
no_printer
run="$(french_screens CARNET_NOW=1764633600) --lock-after 0"
pdf="$HOME/Documents/Amina Benali 02-12-2025.pdf"

c check | grep -q "^répertoire des PDF : $HOME/Documents\|PDF folder: $HOME/Documents"
ok $? "check names the PDF folder"

# The printing system's own English is said in plain French, with the
# one thing to do; its words are for check and the manual.
LC_ALL=fr_FR.UTF-8 c print 1 < /dev/null 2> "$T/err"
sed 's/\xc2\xa0/ /g' "$T/err" > "$T/err.txt"
like "$T/err.txt" 'aucune imprimante n’est choisie sur cet ordinateur : enregistrez le document en PDF maintenant, ou demandez à qui s’occupe de l’ordinateur de choisir une imprimante' \
    "lp's \"No default destination\" is said in plain French, with what to do"
unlike "$T/err.txt" 'lp\|Error\|destination\|lpoptions' "without lp's words"

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null && tm_keys Enter
tm_wait 'Imprimer' > /dev/null && tm_keys p
tm_wait 'Imprimer toutes' > /dev/null && tm_keys n
tm_wait 'Nom du fichier'; ok $? "the printer refuses: a PDF is offered"
joined | grep -qF "en PDF (NON chiffré) dans $HOME/Documents ?"
ok $? "in the documents folder, the question whole"
joined | grep -qF "(Échap : non) : Amina Benali 02-12-2025.pdf"
ok $? "under the dossier's name and the date, in view"
tm_keys Enter
tm_wait 'a-t-il été imprimé'; ok $? "saved, it asks whether it was printed"
[ -s "$pdf" ]; ok $? "the PDF is in the documents folder (inside the sandbox)"
is "$(stat -c %a "$pdf")" 600 "readable by its owner only"
tm_keys o
tm_wait 'marquées comme sur papier'; ok $? "o marks its notes as on paper"
is "$(c show 1 | grep -c 'sur papier\|on paper')" 2 "both of them"
tm_keys x
tm_wait 'Détruire les notes' > /dev/null && tm_keys o
tm_wait 'détruites'; ok $? "and they can then be destroyed"
is "$(c ls | cut -f3)" 0 "no note left"
tm_wait '2 notes mises sur papier, puis détruites ici'
ok $? "the dossier keeps a record without text: how many, and when"
c show 1 | grep -q '^(2 notes put on paper, then destroyed here; the last time on 2025-12-02)$'
ok $? "show says it too"

# A name outside the PDF folder is refused by the sandbox, and said.
echo "Troisième note." | c add 1 > /dev/null
tm_keys p
tm_wait 'Imprimer toutes' > /dev/null && tm_keys n
tm_wait 'Nom du fichier' > /dev/null
tm_keys C-u
for i in $(seq 1 40); do tm_keys BSpace; done
tm_keys "~/ailleurs.pdf" Enter
TM_TRIES=30 tm_wait 'Permission|autoris' > /dev/null
[ ! -e "$HOME/ailleurs.pdf" ]; ok $? "outside the PDF folder, nothing is written"
tm_screen | grep -q 'Permission\|autoris'; ok $? "and the screen says why"

# The notice, the same way.
tm_keys Escape
tm_wait 'Dossiers' > /dev/null && tm_keys C-p
tm_wait 'Nom du fichier' > /dev/null && tm_keys Enter
tm_wait 'Enregistrée dans' > /dev/null
joined | grep -q 'Enregistrée dans .*notice 02-12-2025.pdf'
ok $? "the notice is saved as a PDF too"
ls "$HOME/Documents" | grep -q '^notice 02-12-2025.pdf$'; ok $? "named so"
tm_stop
finish

#!/usr/bin/env bash
# Names as people have them, in French at 80x24: a second dossier of a
# name already taken is asked for, never made by mistake, and then each
# shows its number; destroying asks for the name, typed with or without
# its accents and capitals.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="noms-phrase-7Hc"
init
c new 'Émilie Faure' > /dev/null
run=$(french_screens)

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Émilie' > /dev/null && tm_keys C-n
tm_wait 'Nom du nouveau dossier' > /dev/null && tm_keys 'emilie faure' Enter
tm_wait 'S’agit-il d’une autre'
ok $? "a name already taken, but for accents and case, is asked about"
joined | grep -qF 'Il y a déjà un dossier « Émilie Faure » : le numéro 1.'
ok $? "naming the dossier that has it, and its number"
joined | grep -qF '(o : oui, continuer ; n ou Échap : non)'
ok $? "its answers in view at 80 columns"
tm_keys n
sleep 0.3
is "$(c ls | wc -l)" 1 "n makes nothing"
tm_keys C-n
tm_wait 'Nom du nouveau dossier' > /dev/null && tm_keys 'Émilie Faure' Enter
tm_wait 'S’agit-il d’une autre' > /dev/null && tm_keys o
tm_wait 'créé'; ok $? "o makes a second Émilie Faure"
is "$(c ls | grep -c 'Émilie Faure')" 2 "two dossiers of that name"
tm_screen | sed 's/\xc2\xa0/ /g' > "$T/screen"
like "$T/screen" 'Émilie Faure (n° 1)' "the list shows the first's number"
like "$T/screen" 'Émilie Faure (n° 2)' "and the second's"
# Destroying the newer one, listed first: its name typed without accents
# nor capitals.
tm_keys Home
tm_keys C-d
tm_wait 'Tapez son nom' > /dev/null && tm_keys 'emilie faure' Enter
tm_wait 'a été détruit'; ok $? "the destroy confirmation takes the name without its accents"
joined | grep -qF 'Le dossier « Émilie Faure (n° 2) » a été détruit'
ok $? "and says the dossier's name and number, not what was typed"
is "$(c ls | cut -f1,2 | tr '\t' ' ')" "1 Émilie Faure" "the first one is left"
# A message from the notebook reads as a sentence: a capital, a full stop.
tm_keys C-n
tm_wait 'Nom du nouveau dossier' > /dev/null && tm_keys '2024' Enter
tm_wait 'Un nom fait seulement de chiffres serait pris pour un numéro de dossier\.'
ok $? "a message from the notebook starts with a capital and ends with a full stop"
tm_keys C-d
tm_wait 'Tapez son nom' > /dev/null && tm_keys 'Emilie Fort' Enter
tm_wait 'pas son nom'; ok $? "another name is still refused"
is "$(c ls | wc -l)" 1 "and nothing is destroyed"
tm_stop

# Two people of one name are told apart on every screen: the dossier's
# title, the editor's, the reader's, search, and where a note is moved.
# Made a minute apart, the first one's note last: it is listed first.
CARNET_NOW=1764000000 c new 'Martin Dupont' > /dev/null
CARNET_NOW=1764000060 c new --another 'Martin Dupont' > /dev/null
five=$(c ls | awk -F '\t' '$2 == "Martin Dupont" {print $1}' | sort -n | head -1)
nine=$(c ls | awk -F '\t' '$2 == "Martin Dupont" {print $1}' | sort -n | tail -1)
echo "Visite chez le premier Martin." |
    CARNET_NOW=1764000120 c add "$five" > /dev/null
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Martin Dupont' > /dev/null && tm_keys 'martin'
tm_wait 'correspondant' > /dev/null && tm_keys Home Enter
tm_wait "carnet — Martin Dupont \(n°.$five\) \(1 note\)"
ok $? "the dossier's title gives the number"
tm_keys n
tm_wait "carnet — Martin Dupont \(n°.$five\) — nouvelle note"
ok $? "the editor's title too"
tm_keys C-x
tm_wait 'Martin Dupont \(n°.[0-9]*\) \(1 note\)' > /dev/null && tm_keys Enter
tm_wait "carnet — Martin Dupont \(n°.$five\) — "
ok $? "and the reader's"
tm_keys m
tm_wait 'dans quel dossier' > /dev/null && tm_keys 'martin dupont' Enter
tm_wait 'Plusieurs dossiers|plusieurs dossiers'
ok $? "m with the shared name asks again, giving the numbers"
tm_keys "$nine" Enter
tm_wait "Note déplacée dans «.Martin Dupont \(n°.$nine\).»"
ok $? "and the message names the dossier by its number"
tm_stop
c show "$nine" | grep -q 'premier Martin'; ok $? "the note is in the second one"
for n in "$five" "$nine"; do c rm -y "$n" > /dev/null 2>&1; done

# A name too long for its row gives way with "…"; the marks in brackets
# after it are whole.
long='Marie-Christine Eugénie de La Tour d Auvergne-Lauraguais Montmorency-Laval'
c new "$long" > /dev/null
c new --another "$long" > /dev/null
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Marie-Christine' > /dev/null
tm_screen | sed 's/\xc2\xa0/ /g' | grep 'Marie-Christine' > "$T/rows"
like "$T/rows" '… (n° [0-9]*)' "a long name is cut with …, its number whole"
unlike "$T/rows" '(n° [0-9]*$' "never a bracket lost"
tm_stop
finish

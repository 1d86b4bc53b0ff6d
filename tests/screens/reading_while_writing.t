#!/usr/bin/env bash
# Reading and searching in the middle of writing, in French at 80x24: ^R
# shows the dossier's notes and ^F searches them all while the text
# waits; Esc comes back to it, the cursor where it was, even after
# reading a note of another dossier or a lock; no second text is begun
# meanwhile, and nothing is lost.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="pendant-phrase-8Kx"
init
c new 'Amina Benali' > /dev/null
c new 'Paul Martin' > /dev/null
echo "Rendez-vous CAF le 3 : apporter l'échéancier." | CARNET_NOW=1764500000 c add 1
echo "Le bailleur attend l'échéancier aussi." | CARNET_NOW=1764500000 c add 2
run=$(french_screens)
nbsp() { sed 's/\xc2\xa0/ /g'; }

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null && tm_keys 'amina'
tm_wait 'correspondant' > /dev/null && tm_keys Enter
tm_wait 'Rendez-vous CAF' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null
tm_keys 'Vu ce matin. La date du rendez-vous : ' C-r
tm_wait 'Rendez-vous CAF'; ok $? "^R shows the dossier's notes while writing"
tm_screen | head -1 | nbsp | grep -q 'Échap : retour au texte'
ok $? "the title says Esc goes back to the text"
bar() { tm_screen | tail -2 | nbsp; }
bar | grep -q 'Échap Retour au texte'
ok $? "the dossier's bar says Esc goes back to the text"
bar | grep -q 'Dossiers\|Nouvelle note'
ok $((!$?)) "not to the dossiers, and offers no new note (issue 23)"
tm_keys Enter
tm_wait "apporter l'échéancier"; ok $? "a note can be read meanwhile"
bar | grep -q 'Échap Retour au texte'
ok $? "the reader's bar says Esc goes back to the text"
bar | grep -q 'Retour au dossier\|Modifier'
ok $((!$?)) "not to the dossier, and offers no editing"
tm_keys e
tm_wait 'en cours d’écriture'; ok $? "but not a second one begun"
tm_keys Escape
tm_wait 'La date du rendez-vous'; ok $? "Esc goes back to the text"
tm_keys 'le 3.'
tm_wait 'rendez-vous : le 3\.'; ok $? "the cursor where it was"
tm_keys C-f
tm_wait 'Rechercher' > /dev/null && tm_keys 'bailleur'
tm_wait 'Paul Martin'; ok $? "^F searches every note meanwhile"
tm_keys Enter
tm_wait 'Le bailleur attend'; ok $? "a note of another dossier can be read"
tm_keys C-l
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Le bailleur attend'; ok $? "a lock comes back to it"
tm_keys Escape
tm_wait 'rendez-vous : le 3\.'; ok $? "and Esc still to the text, in its dossier"
tm_screen | head -1 | grep -q 'Amina Benali'; ok $? "(Amina's)"
tm_keys ' Fin.' C-s
tm_wait 'enregistrée' > /dev/null
c show 'Amina Benali' | grep -q 'La date du rendez-vous : le 3. Fin.$'
ok $? "the text is saved whole, where it belongs"
is "$(c show 'Paul Martin' | grep -c 'Fin\.')" 0 "and nowhere else"
tm_stop
finish

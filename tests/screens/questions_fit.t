#!/usr/bin/env bash
# Questions at 80x24, in French: a question wraps over as many rows as it
# needs, so that its answer keys and what is typed are always on screen
# (a hidden "n : le jeter" once made a hurried n throw a draft away).
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="question-phrase-4Rm"
init
c new 'Marie-Hélène de la Tour-Montmorency-Beauregard' > /dev/null
echo "Une note." | c add 1 > /dev/null
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'print_command = sh -c cat>/dev/null\n' > "$XDG_CONFIG_HOME/carnet/config"
run=$(french_screens)
# The screen's rows joined, every space (no-break ones too) as one.
shows() { joined | grep -qF -- "$1"; }

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Montmorency' > /dev/null && tm_keys Enter
tm_wait 'Imprimer' > /dev/null && tm_keys p
tm_wait 'Imprimer toutes' > /dev/null
shows "(n : seulement les nouvelles, o : toutes, Échap : annuler)"
ok $? "print: the answer keys are all on screen"
tm_keys Escape
sleep 0.3	# an Escape followed at once by n would be Alt-n
tm_keys n
tm_wait 'nouvelle note'; ok $? "n writes a new note"
tm_keys 'Un brouillon à garder.'
tm_wait 'modifiée' > /dev/null
tm_screen | head -1 > "$T/title"
grep -q 'Marie-Hélène de la Tour-Montmorency-Beauregard  *modifiée · 4 mots' "$T/title"
r=$?; [ $r -eq 0 ] || sed 's/^/# /' "$T/title"
ok $r "the title: the long name whole, and the status; what the note is gave way"
drafts_kept 1; ok $? "the keys paused: the text is kept as a draft"
kill -9 "$(tm_pid)"
tally kills 1
tm_stop

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Un brouillon pour' > /dev/null
shows "Le reprendre ? (o : reprendre, n : le jeter, Échap : plus tard)"
ok $? "a draft kept: the whole question, its keys with it"
tm_keys o
tm_wait 'Un brouillon à garder'; ok $? "o resumes it"
tm_keys ' encore' C-x
tm_wait 'Enregistrer la note' > /dev/null
shows "Enregistrer la note ? (o : oui, n : en brouillon, j : jeter, Échap : continuer)"
ok $? "^X with a text not saved: the whole question, j to throw away"
tm_keys Escape
tm_wait 'modifiée' > /dev/null
tm_keys C-s
tm_wait 'enregistrée' > /dev/null && tm_keys C-x
tm_wait 'Imprimer' > /dev/null && tm_keys Escape
tm_wait 'Dossiers' > /dev/null && tm_keys C-d
tm_wait 'Tapez son nom' > /dev/null
shows "Tapez son nom pour confirmer :"
ok $? "destroy: the question is whole"
tm_keys 'Marie-Hélène de la Tour-Montmorency-Beau'
tm_wait 'Tour-Montmorency-Beau *$' > /dev/null
shows "confirmer : Marie-Hélène de la Tour-Montmorency-Beau"
ok $? "and what is typed shows beside it"
tm_keys Escape
tm_wait 'Dossiers' > /dev/null && tm_keys C-n
tm_wait 'Nom du nouveau dossier' > /dev/null
long="Un nom très long pour voir que la fin reste visible pendant la frappe Z"
tm_keys "$long"
tm_wait 'frappe Z'; ok $? "a long answer: its end stays in view"
tm_keys Escape
tm_stop

# The end of the day: ^E prints every note written today.
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys C-e
tm_wait 'Les notes écrites aujourd'; ok $? "^E prints the day's notes"
tm_stop
c show 1 | grep -c 'sur papier\|on paper' > "$T/n"
[ "$(cat "$T/n")" -ge 1 ]; ok $? "and they are on paper"

# Under LANG=C nothing typed is dropped: "café" stays "café".
tm_start "env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' CARNET_FILE='$CARNET_FILE' LANG=C LC_ALL=C '$CARNET'"
tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys C-n
tm_wait 'Name of the new dossier' > /dev/null && tm_keys 'Café Noël' Enter
tm_wait 'created'; ok $? "LANG=C: a name with accents is typed"
c ls | grep -q 'Café Noël'; ok $? "and kept whole"
tm_stop

# A pasted tab shows as a space, not as a '?'.
printf 'Avant\tapr\303\250s la tabulation.\n' | c add 'Café Noël' > /dev/null
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Café' > /dev/null && tm_keys 'cafe'
tm_wait 'correspondant' > /dev/null && tm_keys Enter
tm_wait 'Avant' > /dev/null
tm_screen | grep -q 'Avant après la tabulation'; ok $? "a tab shows as a space"
tm_stop
# A message belongs to its moment: when a question follows a message that
# took two rows, no row of the message stays beside the question (issue
# 23: old message lines left on screen).
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys C-b
tm_wait 'Aucune clé USB' > /dev/null
[ "$(tm_screen | grep -c 'Aucune clé USB\|attendez que le bureau')" -eq 2 ]
ok $? "a message over two rows (no USB key for ^B)"
tm_keys C-n
tm_wait 'Nom du nouveau dossier' > /dev/null
tm_screen | grep -q 'Aucune clé USB\|attendez que le bureau'
ok $((!$?)) "a question that follows leaves none of its rows"
tm_keys Escape
tm_stop
# ^U clears a question's line, as on the passphrase page (renaming once
# gave "martin dupontMartin Dupont").
c new 'martin dupont' > /dev/null
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'martin dupont' > /dev/null && tm_keys 'martin' Enter
tm_wait 'martin dupont' > /dev/null && tm_keys Escape
sleep 0.3	# an Escape followed at once by a key would be Alt and that key
tm_keys C-r
tm_wait 'Nouveau nom' > /dev/null && tm_keys C-u 'Martin Dupont' Enter
tm_wait 'renommé|Renommé'; ok $? "^U, then the new name: renamed"
c ls | grep -q "	Martin Dupont	"; ok $? "^U cleared the line: the name is the one typed"
tm_stop
# At 60x20, the editor's title keeps the person's name: the status goes
# first, then what the note is; the name last of all.
c new 'Christine Lefebvre-Moreau' > /dev/null
tm_start "$(french_screens)"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys 'lefeb'
tm_wait 'correspondant' > /dev/null && tm_keys Enter
tm_wait 'Nouvelle note' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null
# title_has PATTERN, title_ends PATTERN: the title's row shows it, or
# ends so (the pane redrawn at its new width).
title_has() { tm_screen | head -1 > "$T/title"; grep -q "$1" "$T/title"; }
title_ends() { title_has "$1 *\$"; }
tm resize-window -t t -x 60 -y 20
eventually title_has 'Christine Lefebvre-Moreau'; r=$?
[ $r -eq 0 ] || sed 's/^/# /' "$T/title"
ok $r "60 columns: the editor's title still names the person whole"
tm resize-window -t t -x 40 -y 20
eventually title_ends 'Christine Lefebvre-Moreau'; r=$?
[ $r -eq 0 ] || sed 's/^/# /' "$T/title"
ok $r "40 columns: what the note is goes before the name, which stays whole"
tm_stop
# At 60 columns the list keeps how many notes wait for paper (the count
# of notes gives way first).
tm_start "$(french_screens)"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null
tm resize-window -t t -x 60 -y 20
list_says() { tm_screen > "$T/list"; grep -q "$1" "$T/list"; }
eventually list_says "Café Noël  *1 à imprimer  [0-9][0-9]/"; r=$?
[ $r -eq 0 ] || sed "s/^/# /" "$T/list" | head -5
ok $r "60 columns: the list still says what is to print"
tm_stop
finish

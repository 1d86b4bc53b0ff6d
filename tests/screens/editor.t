#!/usr/bin/env bash
# The editor, driven in tmux: write with accents and save; edit; paste
# 50 KB at once; a draft that survives kill -9 (a zombie too); lock and
# unlock while writing; resize while writing; closing asks before
# throwing away.
. "$(dirname "$0")/../lib.sh"
if ! command -v tmux > /dev/null; then
	skip_all "no tmux"
fi
PASS="une phrase de passe"
init
c new 'Amina Benali' > /dev/null
run="env HOME='$HOME' CARNET_FILE='$CARNET_FILE' TZ=UTC LC_ALL=C.UTF-8"
open_dossier() {
	tm_start "$run '$CARNET' $*"
	tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
	tm_wait 'Dossiers \(1\)' && tm_keys Enter
	tm_wait 'Amina Benali \(' > /dev/null
}

# Write, save, find it again.
open_dossier
tm_keys n
tm_wait 'Amina Benali — new note'; ok $? "n opens the editor on a new note"
tm_screen | grep -q '\^S Save.*\^X Close'; ok $? "the bar shows save and close"
tm_keys 'Première ligne : éàç œ « guillemets » — 中文.' Enter 'Deuxième.'
tm_wait 'modified · 11 words'; ok $? "the status says modified, and counts words"
tm_keys C-s
tm_wait 'Note saved'; ok $? "^S saves"
tm_wait 'saved · 11 words'; ok $? "the status says saved"
tm_keys C-x
tm_wait 'Amina Benali \(1 note\)'; ok $? "^X closes back to the dossier"
c show 1 | tail -n +4 > "$T/out"
printf 'Première ligne : éàç œ « guillemets » — 中文.\nDeuxième.\n' > "$T/want"
cmp -s "$T/out" "$T/want"
ok $? "the note is stored exactly as typed"

# Edit it: undo, redo, word moves, a warning only for notes on paper.
tm_keys Enter
tm_wait 'Deuxième' && tm_keys e
tm_wait 'note of'; ok $? "e edits the note"
tm_keys C-e ' Ajout' C-z
tm_wait 'saved|modified'
tm_screen | grep -q 'Ajout'; is $? 1 "^Z undoes the last words"
tm_keys C-y
tm_wait 'Deuxième. Ajout'; ok $? "^Y redoes them"
tm_keys C-t Delete
tm_wait '^ remière ligne'; ok $? "^T goes to the top, Delete erases"
tm_keys C-x
tm_wait 'Save the note\?'; ok $? "closing with changes asks"
joined | grep -qF 'Save the note? (y: yes, n: keep as a draft, d: throw away, Esc: go on)'
ok $? "the question names the three ways out, and Esc"
tm_keys Escape
tm_gone 'Save the note'; ok $? "Esc goes on writing"
tm_keys C-x
tm_wait 'Save the note' && tm_keys n
tm_wait 'Kept as a draft'; ok $? "n keeps the text as a draft, and says so"
c show 1 | grep -q '^Première ligne'; ok $? "the note is as it was"
tm_stop
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'A draft for'; ok $? "the draft is offered the next time the notebook opens"
tm_keys y
tm_wait 'Deuxième. Ajout'; ok $? "with the text as it was left"
tm_keys C-x
tm_wait 'Save the note' && tm_keys d
tm_wait 'p Print'; ok $? "d, named in the question, throws the text away"
c show 1 | grep -q '^Première ligne'; ok $? "and the note is still as it was"
tm_stop
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Amina Benali' > /dev/null
sleep 0.5
tm_screen | grep -q 'A draft for'; is $? 1 "nothing thrown away is offered again"
# ^Q with a text not saved asks the same question; y saves, then quits.
tm_keys Enter
tm_wait 'p Print' > /dev/null && tm_keys n
tm_wait 'new note' && tm_keys 'Écrit avant de quitter.'
tm_keys C-q
tm_wait 'Save the note'; ok $? "^Q in the editor asks whether to save"
tm_keys Escape
tm_gone 'Save the note'; ok $? "Esc: back to the text"
tm_keys C-r
tm_wait 'Esc Back to your text' > /dev/null
tm_keys C-q
tm_wait 'Save the note'; ok $? "^Q while reading during writing asks it too"
tm_keys y
tm_wait '\[exit 0\]'; ok $? "y saves, then carnet quits"
c show 1 | grep -q '^Écrit avant de quitter.$'; ok $? "the text is a note"
tm_stop

# Paste 50 KB at once.
awk 'BEGIN { srand(7); split("éducatrice rendez-vous CAF RSA bailleur échéancier curatelle PMI logement école", w, " ");
    while (n < 50000) { l = ""; for (i = 0; i < 3 + int(rand() * 12); i++) l = l w[1 + int(rand() * 10)] " ";
    print l; n += length(l) + 1 } print "FIN-DU-COLLAGE" }' > "$T/paste"
open_dossier
tm_keys n
tm_wait 'new note'
tm load-buffer "$T/paste"
tm paste-buffer -p -t t
TM_TRIES=100 tm_wait 'FIN-DU-COLLAGE'; ok $? "a 50 KB paste arrives, and the end is in view"
tm_keys C-s
tm_wait 'Note saved'; ok $? "and is saved"
tm_keys C-x
tm_stop
c show 1 > "$T/out"
grep -q 'FIN-DU-COLLAGE' "$T/out"
head -c "$(($(wc -c < "$T/paste") - 1))" "$T/paste" > "$T/want"
grep -F -f <(head -3 "$T/want") "$T/out" > /dev/null
ok $? "its text is stored"
perl -e 'local $/; open(my $a, "<", $ARGV[0]); open(my $b, "<", $ARGV[1]);
    my ($x, $y) = (<$a>, <$b>); exit(index($y, $x) >= 0 ? 0 : 1)' \
    "$T/want" "$T/out"
ok $? "intact, byte for byte"

# A draft survives kill -9, even when carnet's parent (the terminal's
# shell) died first: carnet is then a zombie until init reaps it, and an
# init that does not (some containers, this CI's) leaves it one for good.
# A zombie runs no more: its drafts are offered.
open_dossier
tm_keys n
tm_wait 'new note' && tm_keys 'Texte à ne pas perdre, écrit avant le kill.'
tm_wait 'avant le kill\.' > /dev/null
drafts_kept 1; ok $? "the keys paused: the text is kept as a draft"
killed=$(tm_pid)
kill -9 "$(tm display-message -p -t t '#{pane_pid}')"
kill -9 "$killed"
tm_stop
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'A draft for .Amina Benali. was kept'
ok $? "after a kill, the next unlock offers the draft"
tm_keys y
tm_wait 'Texte à ne pas perdre, écrit avant le kill.'
ok $? "resuming gives the exact text back"
tm_keys C-s
tm_wait 'Note saved'
tm_keys C-x
tm_stop
c show 1 | grep -q '^Texte à ne pas perdre'; ok $? "saved as a note"
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(1\)'; ok $? "saving removed the draft: nothing offered"
tm_stop

# A closed terminal (SIGHUP) right after typing: kept as a draft at once.
open_dossier
tm_keys n
tm_wait 'new note' && tm_keys 'Écrit juste avant la fermeture.'
# Every key read first: a closed terminal's unread keys are gone anyway.
tm_wait 'avant la fermeture\.' > /dev/null
kill -HUP "$(tm_pid)"
tm_wait '\[exit 0\]'; ok $? "SIGHUP: carnet closes and exits 0"
tm_stop
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'A draft for' && tm_keys y
tm_wait 'Écrit juste avant la fermeture.'; ok $? "and the text comes back"
tm_keys C-x
tm_wait 'Save the note' && tm_keys d
tm_stop

# Lock while writing, unlock, go on.
open_dossier
tm_keys n
tm_wait 'new note' && tm_keys 'Avant le verrou,'
tm_keys C-l
tm_wait 'carnet locked'; ok $? "^L locks from the editor"
tm_screen | grep -q 'Avant le verrou'; is $? 1 "the text is off the screen"
tm_keys "$PASS" Enter
tm_wait 'Avant le verrou,'; ok $? "unlocking brings the text back"
tm_keys ' après le verrou.'
tm_wait 'Avant le verrou, après le verrou.'; ok $? "and writing goes on"

# Resize while writing: the text rewraps, nothing is lost.
tm resize-window -t t -x 40 -y 12
tm_wait 'Avant le verrou, après le'; ok $? "40 columns: the line wraps"
tm resize-window -t t -x 80 -y 24
tm_wait 'Avant le verrou, après le verrou.'; ok $? "80 again: one line"
tm_keys C-s
tm_wait 'Note saved'; ok $? "saved after all that"
tm_stop
finish

#!/usr/bin/env bash
# A screen reader can follow: the terminal's cursor sits on the selected
# line of the list, a dossier's notes, and the search results' query; at
# the text's start in the reader and the help; where the text cursor is
# in the editor; at the answer in questions.  The selection and the
# matches are marked in text ("> ", "[word]"), so that NO_COLOR and a
# braille line lose nothing.  tmux reports the cursor's position.
. "$(dirname "$0")/../lib.sh"
command -v tmux > /dev/null || skip_all "no tmux"
PASS="curseur-phrase-6Rv"
init
c new 'Amina Benali' > /dev/null
c new 'Paul Martin' > /dev/null
echo "Premier rendez-vous, le bailleur." | CARNET_NOW=1764500000 c add 1
echo "Second rendez-vous." | CARNET_NOW=1764600000 c add 1
echo "Le bailleur encore." | CARNET_NOW=1764400000 c add 2
echo "alphabetisation bibliothecaire cartographique dactylographie \
ethnographique francophonie geographiquement historiographie \
iconographique journalistique kaleidoscopique lointainissimement" |
    CARNET_NOW=1764300000 c add 2
run="env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 NO_COLOR=1"
run="$run CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET'"
cursor() { tm display -p -t t '#{cursor_x},#{cursor_y},#{cursor_flag}'; }
# The row the cursor is on, as text.
cursor_row() { tm_screen | sed -n "$(( $(cursor | cut -d, -f2) + 1 ))p"; }
# on_row PATTERN: the cursor's row shows it (waited for: eventually).
on_row() { cursor_row | grep -q -- "$1"; }
cursor_is() { [ "$(cursor)" = "$1" ]; }

tm_start "$run"
tm_wait 'Passphrase:' > /dev/null
is "$(cursor | cut -d, -f3)" 1 "the passphrase prompt: the cursor is shown"
tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)' > /dev/null
is "$(cursor)" "1,1,1" "the list: on the selected dossier, shown"
cursor_row | grep -q '^>Amina Benali'; ok $? "which is marked > in text"
tm_keys Down
eventually cursor_is "1,2,1"
is "$(cursor)" "1,2,1" "Down: the cursor follows the selection"
cursor_row | grep -q '^>Paul Martin'; ok $? "(Paul Martin's row)"
tm_keys Up Enter
tm_wait 'Amina Benali \(2 notes\)' > /dev/null
cursor_row | grep -q '^>#2 .*Second rendez-vous'
ok $? "a dossier: on the selected note, the newest"
tm_keys Down
eventually on_row '^>#1 .*Premier'; ok $? "and follows it"
tm_keys Enter
tm_wait 'Premier rendez-vous, le bailleur' > /dev/null
cursor_row | grep -q 'Premier rendez-vous'; ok $? "the reader: at the text's first row"
is "$(cursor | cut -d, -f3)" 1 "shown"
tm_keys C-g
tm_wait 'Help: every key' > /dev/null
is "$(cursor | cut -d, -f2)" 1 "the help: at its first line"
tm_keys Escape
tm_wait 'Premier rendez-vous' > /dev/null && tm_keys e
tm_wait 'note of' > /dev/null && tm_keys C-e ' Fin'
eventually on_row 'le bailleur. Fin'; ok $? "the editor: where the text cursor is"
is "$(cursor | cut -d, -f1)" "$(( $(cursor_row | sed 's/ *$//' | wc -m) - 1 ))" \
    "at the end of what was typed"
tm_keys C-x
tm_wait 'Save the note' > /dev/null
cursor_row | grep -q 'Save the note'; ok $? "a question: the cursor on its row"
is "$(cursor | cut -d, -f1)" "$(( $(cursor_row | sed 's/ *$//' | wc -m) ))" \
    "after it, where the answer goes"
tm_keys n
tm_wait 'Premier rendez-vous' > /dev/null && tm_keys Escape
tm_wait 'Amina Benali \(2 notes\)' > /dev/null && tm_keys /
tm_wait 'Search:' > /dev/null && tm_keys 'bailleur'
tm_wait 'Paul Martin' > /dev/null
cursor_row | grep -q '^ *Search: bailleur'; ok $? "search: the cursor in the query"
tm_screen | grep -q '^>Paul Martin\|^>Amina Benali'; ok $? "the selected result marked >"
tm_screen | grep -q '\[bailleur\]'; ok $? "the matches between brackets"
tm_keys Down
eventually on_row '^>'; ok $? "an arrow: the cursor goes to the result chosen"
tm_keys 'x'
eventually on_row 'Search: bailleurx'; ok $? "typing: back to the query"
tm_keys Escape C-f 'lointainissimement'
tm_wait 'lointain' > /dev/null
tm_screen | grep "lointain" > "$T/cut"
like "$T/cut" '\[lointain[a-z]*\]' "a match far in its note is brought into the row, its brackets whole"
tm_stop
finish

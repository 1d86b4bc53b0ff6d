#!/usr/bin/env bash
# Every key is reachable from what a screen shows at 80x24, in French:
# each key of the list, a dossier, the reader, search and the editor is
# in the bar, or the bar's help entry says "Toutes les touches" and the
# help, opened from there, starts at that screen's keys and shows those
# the bar had no room for.  The key rows come from the sources
# (tests/keyrows.pl), so a key added later is checked too.
. "$(dirname "$0")/../lib.sh"
need_french_screens
here="$(cd "$(dirname "$0")/.." && pwd)"
PASS="touches-phrase-3Wd"
init
c new 'Amina Benali' > /dev/null
echo "Première note." | c add 1
run=$(french_screens)
perl "$here/keyrows.pl" "$here/../src" "$here/../include/screen.h" \
    > "$T/rows"
# The labels that read the same in every language: ^X, and letters.
labels() {
	awk -F '\t' -v s="$1" '$1 == s {print $2}' "$T/rows" |
	    grep -E '^(\^.|[a-z/?])$' | sort -u
}
# The help's lines from section TITLE to the next one, NEXT.
section() {
	awk -v t="$1" -v n="$2" '
	    { sub(/^ +/, ""); sub(/ +$/, "") }
	    $0 == t { on = 1; next }
	    on && $0 == n { exit }
	    on { print }' "$T/help"
}

# check ENGLISH-NAME FRENCH-TITLE NEXT-TITLE: on the screen shown now.
check() {
	local missing="" l
	tm_screen | tail -2 > "$T/bar"
	for l in $(labels "$1"); do
		grep -qE "(^| )$(printf '%s' "$l" | sed 's/[]^[?/.*]/\\&/g') " \
		    "$T/bar" || missing="$missing $l"
	done
	if [ -z "$missing" ]; then
		ok 0 "$1: every key in the bar"
		skip "$1: nothing left out"
		skip "$1: nothing left out"
		return
	fi
	grep -q '\^G Toutes les touches' "$T/bar"
	ok $? "$1: the bar says ^G Toutes les touches (left out:$missing)"
	tm_keys C-g
	tm_wait 'Aide' > /dev/null
	tm_screen | sed -n 2p | grep -q "^ *$2 *$"
	ok $? "$1: the help opens at its keys"
	: > "$T/help"
	for i in 1 2 3; do
		tm_screen | sed '1d;$d' >> "$T/help"
		tm_keys NPage
		sleep 0.2
	done
	local absent=""
	for l in $missing; do
		section "$2" "$3" |
		    grep -qE "(^| )$(printf '%s' "$l" | sed 's/[]^[?/.*]/\\&/g')( |$)" ||
		    absent="$absent $l"
	done
	[ -z "$absent" ]
	ok $? "$1: and shows the keys the bar left out${absent:+ (not:$absent)}"
	tm_keys Escape
}

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null
check "The list of dossiers" "La liste des dossiers" "Un dossier"
tm_wait 'Amina' > /dev/null && tm_keys Enter
tm_wait 'Première note' > /dev/null
check "A dossier" "Un dossier" "Lecture d’une note"
tm_wait 'Première note' > /dev/null && tm_keys Enter
tm_wait 'note du' > /dev/null
check "Reading a note" "Lecture d’une note" "Rechercher"
tm_keys e
tm_wait 'Enregistrer' > /dev/null
check "Writing a note" "Écrire une note" "Aide"
tm_keys C-x
tm_wait 'Première note' > /dev/null && tm_keys /
tm_wait 'Rechercher' > /dev/null
check "Search" "Rechercher" "Écrire une note"
tm_keys Escape
# The help explains itself: where one is in it, what ^ and the marks mean.
tm_wait 'Première note' > /dev/null && tm_keys C-g
tm_wait 'Aide' > /dev/null
tm_screen | head -1 | sed 's/\xc2\xa0/ /g' |
    grep -q 'Aide : toutes les touches ([0-9]*/[0-9]*, ↓ et PgDn font défiler)'
ok $? "the help's title says which page of how many, and how it scrolls"
tm_keys End
sleep 0.3
tm_screen | head -1 | sed 's/\xc2\xa0/ /g' |
    grep -q 'Aide : toutes les touches (\([0-9]*\)/\1, ↑ et PgUp remontent)'
ok $? "on its last page, how to go back up"
tm_keys Home
tm_wait 'Ce que montrent les écrans' > /dev/null
tm_screen | sed 's/\xc2\xa0/ /g' > "$T/top"
like "$T/top" '^ *\^ *la touche Ctrl : \^X, c’est Ctrl et X ensemble' \
    "at its top: ^ is the Ctrl key, said once"
like "$T/top" '^ *P *une note déjà sur papier' "the P of a note on paper"
like "$T/top" '^ *(fermé) *un dossier fermé' "a closed dossier"
like "$T/top" '^ *> *la ligne choisie' "the mark of the line chosen"
tm_stop
finish

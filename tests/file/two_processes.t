#!/usr/bin/env bash
# Two processes on one notebook, in every combination that matters:
#  1. passwd holding the notebook alone: every other command, and the
#     screens, get 5 ("in use") and change nothing;
#  2. the screens open, with a note being written: every command works
#     beside them (passwd excepted: 5), and the screens show what changed;
#  3. two screens at once, writing in the same dossier, one destroying the
#     dossier the other writes in;
#  4. two commands at once, each writer beside each other.
# After each part: the notebook checks out and no note is lost.
. "$(dirname "$0")/../lib.sh"

init
mkdir -p "$XDG_CONFIG_HOME/carnet"
# A print command that takes the PDF and says yes, like a printer would.
printf 'print_command = sh -c cat>/dev/null\n' \
    > "$XDG_CONFIG_HOME/carnet/config"
for d in Alice Bruno Chloé; do c new "$d" > /dev/null; done
for i in 1 2 3; do echo "Note $i d'Alice." | c add Alice; done
echo "Note de Bruno." | c add Bruno
mkdir -p "$T/src/Importée"
echo "Une note importée." > "$T/src/Importée/2024-01-02.txt"
run="env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME'"
run="$run CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 TZ=UTC"
notes() { c ls | awk -F '\t' '{n += $3} END {print n + 0}'; }

# Every command but passwd and init, each with what it needs; $1 tells
# them apart where they write (a fresh file or folder each round).
commands() {
	cat <<-END
	ls
	show Alice
	search note
	new Dora-$1
	add Alice
	print Alice --all -o $T/p-$1.pdf
	purge -y Bruno
	rm -y Chloé
	import $T/src
	export $T/out-$1
	backup $T/b-$1.db
	check
	END
}

# 1. passwd holds the notebook alone while it waits for the new phrase.
before=$(notes)
mkfifo "$T/pw"
"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> "$T/passwd.err" &
holder=$!
exec 4> "$T/pw"
printf '%s\n' "$PASS" >&4
holds_notebook "$holder"
pids=""
n=0
while read -r cmd; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	{ echo "texte" | c $cmd > /dev/null 2> "$T/err-1-$n"
	  echo $? > "$T/rc-1-$n"; } &
	pids="$pids $!"
done < <(commands 1)
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
TM_TRIES=80 tm_wait 'in use by another'
wait_busy=$?
for p in $pids; do wait "$p"; done
n=0
while read -r cmd; do
	n=$((n + 1))
	[ "$(cat "$T/rc-1-$n")" = 5 ] && grep -q 'in use' "$T/err-1-$n"
	ok $? "passwd holding the notebook: “${cmd%% *}” exits 5, “in use”"
done < <(commands 1)
is "$wait_busy" 0 "the screens say the notebook is in use"
printf '%s\n' "$PASS" >&4
exec 4>&-
wait "$holder"; ok $? "passwd then finishes"
tm_keys "$PASS" Enter
tm_wait 'Alice'; ok $? "and the screens open at the next try"
tm_stop
is "$(notes)" "$before" "nothing was changed by the refused commands"
is "$(c ls | cut -f2 | LC_ALL=C sort | tr "\n" " ")" "Alice Bruno Chloé " "no dossier made or destroyed"
ls "$T"/p-1.pdf "$T"/b-1.db "$T"/out-1 > /dev/null 2>&1; is $? 2 "no file written"

# Two passwd at once: the second is refused.
printf '%s\n%s\n' "$PASS" "$PASS" > "$T/pw2"
exec 4<> "$T/pw"
"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> /dev/null &
holder=$!
printf '%s\n' "$PASS" >&4
holds_notebook "$holder"
"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw2" 2> /dev/null
is $? 5 "a second passwd beside the first exits 5"
printf '%s\n' "$PASS" >&4
exec 4>&-
wait "$holder"
c check > /dev/null; ok $? "part 1: the notebook checks out"

# 2. The screens open, a note being written, while each command runs.
tm_start "$run '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Alice' && tm_keys 'alice'
tm_wait 'matching' && tm_keys Enter
tm_wait 'p Print' && tm_keys n
tm_wait 'new note' && tm_keys 'Écrite pendant que les commandes passent.'
before=$(notes)
n=0
while read -r cmd; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	echo "texte" | c $cmd > "$T/out-2-$n" 2> "$T/err-2-$n"
	ok $? "beside the screens: “${cmd%% *}” works"
done < <(commands 2)
printf '%s\n%s\n' "$PASS" "$PASS" > "$T/pw3"
"$CARNET" --passphrase-fd 3 passwd 3< "$T/pw3" 2> /dev/null
is $? 5 "beside the screens: passwd is refused with 5"
tm_keys C-s
tm_wait 'Note saved'; ok $? "the screens' note is saved after all that"
tm_keys C-x
tm_wait 'Alice \(' && tm_keys Escape
tm_wait 'matching' && tm_keys Escape	# the filter goes
tm_wait 'Dora-2'; ok $? "the list shows the dossier made meanwhile"
tm_screen | grep -q 'Chloé'; is $? 1 "and not the one destroyed"
tm_keys C-q
tm_stop
# 3 by add, Bruno's purged only once printed (it was not: none), Chloé
# had none, one imported the first time, the screens' one.
is "$(notes)" $((before + 3)) "every note is there"
c show Alice | grep -q 'Écrite pendant que les commandes'; ok $? "the screens' one too"
c check > /dev/null; ok $? "part 2: the notebook checks out"

# 3. Two screens at once.  The PDFs of the commands deleted, none waits
# to be said printed when Alice is opened.
rm -f "$T"/p-*.pdf
c new Chloé > /dev/null
before=$(notes)
tm_start "$run '$CARNET'"
s1=$TM_SOCKET
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Alice' && tm_keys 'alice'
tm_wait 'matching' && tm_keys Enter
tm_start "$run '$CARNET'"
s2=$TM_SOCKET
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Alice' && tm_keys 'alice'
tm_wait 'matching' && tm_keys Enter
on() { TM_SOCKET=$1; }
on "$s1"; tm_wait 'p Print' && tm_keys n
tm_wait 'new note' && tm_keys 'Première fenêtre.'
on "$s2"; tm_wait 'p Print' && tm_keys n
tm_wait 'new note' && tm_keys 'Seconde fenêtre.'
on "$s1"; tm_keys C-s; tm_wait 'Note saved'; ok $? "the first screen saves"
on "$s2"; tm_keys C-s; tm_wait 'Note saved'; ok $? "the second too, at once"
tm_keys C-x
tm_wait 'Première fenêtre'; ok $? "each shows the other's note"
on "$s1"; tm_keys C-x
tm_wait 'Seconde fenêtre'; ok $? "both ways"
# The first writes in Chloé's dossier; the second destroys it.
tm_keys Escape
tm_wait 'matching' && tm_keys Escape
tm_wait 'Chloé' && tm_keys 'chlo'
tm_wait 'matching' && tm_keys Enter
tm_wait 'p Print' && tm_keys n
tm_wait 'new note' && tm_keys 'Pour un dossier détruit ailleurs.'
on "$s2"; tm_keys Escape
tm_wait 'matching' && tm_keys Escape
tm_wait 'Chloé' && tm_keys 'chlo'
tm_wait 'matching' && tm_keys C-d
tm_wait 'Type its name' && tm_keys 'Chloé' Enter
tm_wait 'was destroyed'; ok $? "the second screen destroys the dossier"
on "$s1"; tm_keys C-s
tm_wait 'no longer exists'; ok $? "the first cannot save there, and says why"
tm_screen | grep -q 'Pour un dossier détruit ailleurs'
ok $? "its text stays on screen"
tm_wait 'destroyed meanwhile'; ok $? "the title says the dossier is gone"
tm_keys C-x
tm_wait 'Save the note' && tm_keys d
on "$s2"; tm_stop
on "$s1"; tm_stop
is "$(notes)" $((before + 2)) "both screens' notes are there" ||
    c ls | sed 's/^/#   /'
c ls | grep -q 'Chloé'; is $? 1 "and the destroyed dossier is gone"
c check > /dev/null; ok $? "part 3: the notebook checks out"

# 3b. Two screens on one note, and two new notes' drafts in one dossier:
# the second save is told, never overwrites; a killed window's draft is
# offered to the next, a live window's never.
c new Denise > /dev/null
echo "Texte d'origine." | c add Denise > /dev/null
before=$(notes)
sql() { stock_sql "$(raw_key)$(notebook_salt)" "$1"; }
edit_denise() {
	tm_start "$run '$CARNET'"
	tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
	tm_wait 'Denise' && tm_keys 'denise'
	tm_wait 'matching' && tm_keys Enter
	tm_wait 'p Print' && tm_keys "$1"
}
edit_denise Enter
tm_wait "Texte d'origine" && tm_keys e
s1=$TM_SOCKET
tm_wait 'note of' && tm_keys C-e ' Ajout de la première.'
edit_denise Enter
tm_wait "Texte d'origine" && tm_keys e
s2=$TM_SOCKET
tm_wait 'note of' && tm_keys C-e ' Ajout de la seconde.'
on "$s1"; tm_keys C-s; tm_wait 'Note saved'; ok $? "one note, two windows: the first saves"
on "$s2"; tm_keys C-s
tm_wait 'another window changed this note'
ok $? "the second is told the note changed since it opened it"
tm_screen | grep -q 'Note saved'; is $? 1 "and does not say it saved"
tm_keys y
tm_wait 'Saved as a new note'; ok $? "its text becomes a note of its own"
c show Denise > "$T/denise"
grep -q "Texte d'origine. Ajout de la première." "$T/denise"
ok $? "the first window's text is whole"
grep -q "Texte d'origine. Ajout de la seconde." "$T/denise"
ok $? "the second's is there too"
tm_keys C-x
on "$s1"; tm_keys C-x

# A note purged while a window writes in it.
on "$s1"; tm_wait 'p Print' && tm_keys Enter
tm_wait 'Texte' && tm_keys e
tm_wait 'note of' && tm_keys C-e ' Après la purge.'
c print Denise > /dev/null 2>&1
c purge -y Denise > /dev/null 2>&1
tm_keys C-s
tm_wait 'no longer exists'; ok $? "a note purged meanwhile: told"
tm_keys y
tm_wait 'Saved as a new note'; ok $? "and the text is kept as a new note"
c show Denise | grep -q 'Après la purge.'; ok $? "it is there"
tm_keys C-x
on "$s2"; tm_stop
on "$s1"; tm_stop

# Two new notes in one dossier: a draft each; the first window killed.
edit_denise n
s1=$TM_SOCKET
tm_wait 'new note' && tm_keys 'Brouillon de la première fenêtre.'
edit_denise n
s2=$TM_SOCKET
tm_wait 'new note' && tm_keys 'Brouillon de la seconde fenêtre.'
tm_wait 'seconde fenêtre\.' > /dev/null
drafts_kept 2; ok $? "two windows, two drafts"
on "$s1"; kill -9 "$(tm_pid)"
tally kills 1
tm_stop
tm_start "$run '$CARNET'"
s3=$TM_SOCKET
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'A draft for .Denise.'; ok $? "a new window is offered the killed one's draft"
tm_keys y
tm_wait 'Brouillon de la première'; ok $? "the killed window's text, not the live one's"
tm_keys C-s
tm_wait 'Note saved'; ok $? "saved from the new window"
on "$s2"; tm_screen | grep -q 'Brouillon de la seconde'
ok $? "the live window still has its text"
tm_keys C-s
tm_wait 'Note saved'; ok $? "and saves it"
c show Denise > "$T/denise"
grep -q 'Brouillon de la première fenêtre.' "$T/denise" &&
    grep -q 'Brouillon de la seconde fenêtre.' "$T/denise"
ok $? "both new notes are there"
# One note more from the first pair, two purged, one after the purge,
# two new ones.
tally lost $((before + 2 - $(notes)))
is "$(notes)" $((before + 2)) "no note lost in part 3b"
is "$(sql 'SELECT count(*) FROM draft;')" 0 "no draft left"
on "$s2"; tm_stop
on "$s3"; tm_stop
c check > /dev/null; ok $? "part 3b: the notebook checks out"

# 4. Two commands at once: each writer beside an add, three rounds.
c new Chloé > /dev/null
for round in 1 2 3; do
	n=0
	failed=0
	while read -r cmd; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		echo "texte" | c $cmd > /dev/null 2> "$T/err-4-$n" &
		first=$!
		echo "Note parallèle $round-$n." | c add Alice 2>> "$T/err-4-$n" &
		wait "$!" || failed=$((failed + 1))
		wait "$first" || failed=$((failed + 1))
		grep -i -e 'carnet:' -e 'error' "$T/err-4-$n" |
		    while read -r line; do echo "# $cmd: $line"; done
	done < <(commands "4$round")
	is "$failed" 0 "round $round: each command and the add beside it succeed"
	c check > /dev/null; ok $? "round $round of pairs: the notebook checks out"
	c show Alice > "$T/show"
	missing=0
	for m in $(seq 1 "$n"); do
		grep -q "^Note parallèle $round-$m\.\$" "$T/show" ||
		    missing=$((missing + 1))
	done
	tally lost "$missing"
	is "$missing" 0 "round $round: every note added beside them is there"
	c new Chloé > /dev/null 2>&1
done
c backup "$T/final.db" > /dev/null 2>&1; ok $? "a backup after it all is whole"
ls "$T"/b-4*.db > /dev/null 2>&1; ok $? "and the backups made beside adds exist"
finish

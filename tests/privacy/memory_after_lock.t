#!/usr/bin/env bash
# What a lock leaves in memory, from every screen: the list (with a filter
# typed), a dossier, the reader, the editor (a new note being written),
# search (words typed, results shown), the help, a question waiting for
# its answer, and the idle lock.  After each, neither the passphrase, the
# key, a note (any of its lines), a dossier's name, a search word nor the
# text being written may be in the process's memory, heap or stack.
. "$(dirname "$0")/../lib.sh"
command -v tmux > /dev/null || skip_all "no tmux"
[ "$(id -u)" -eq 0 ] || skip_all "reading another process's memory needs root"
here="$(cd "$(dirname "$0")/.." && pwd)"
PASS="verrou-phrase-8Wd"
hexof() { printf %s "$1" | od -An -tx1 | tr -d ' \n'; }
init
c new 'Nadia NAMECANARY-3131' > /dev/null
c new 'Paul Martin' > /dev/null
# Canaries on every line of a long note, and in the middle.
{
	echo "Première ligne : HEADCANARY-1111."
	for i in $(seq 1 40); do echo "Ligne $i du compte rendu, sans rien."; done
	echo "Au milieu : MIDCANARY-2222."
	for i in $(seq 41 80); do echo "Ligne $i du compte rendu, sans rien."; done
	echo "Dernière : TAILCANARY-3333."
} | c add 1
echo "Rendez-vous pris avec la PMI." | c add 2
key=$(raw_key)
needles="$(hexof "$PASS") $key $(hexof "$key") $(hexof HEADCANARY-1111)
    $(hexof MIDCANARY-2222) $(hexof TAILCANARY-3333)
    $(hexof NAMECANARY-3131) $(hexof SEARCHWORD-4444)
    $(hexof TYPEDCANARY-5555) $(hexof NEWPASSCANARY-6666)
    $(hexof Zqspellcanary)"

# lock_and_scan WHERE KEYS...: lock with KEYS (^L unless given), scan,
# unlock.
lock_and_scan() {
	local where="$1"
	shift
	tm_keys "${@:-C-l}"
	tm_wait 'carnet locked' > /dev/null
	ok $? "a lock from $where"
	perl "$here/memscan.pl" "$pid" $needles > "$T/after"
	grep -v 'in \[stack\]$' "$T/after" > "$T/heap"
	is "$(cat "$T/heap")" "" "from $where: nothing left in the heap"
	grep 'in \[stack\]$' "$T/after" > "$T/stack"
	[ ! -s "$T/stack" ]
	ok $? "from $where: nothing left on the stack"
	[ -s "$T/stack" ] && sed 's/^/#   /' "$T/stack"
	tally leaks "$(grep -c . "$T/heap")"
	tally leaks "$(grep -c . "$T/stack")"
	tm_keys "$PASS" Enter
}

# No printer: printing offers a PDF, then asks whether it was printed.
mkdir -p "$XDG_CONFIG_HOME/carnet" "$T/pdf"
printf 'print_command = false\npdf_folder = %s\n' "$T/pdf" \
    > "$XDG_CONFIG_HOME/carnet/config"
tm_start "env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
    CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 \
    CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET' --lock-after 0"
tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)'; ok $? "unlocked"
pid=$(tm_pid)
perl "$here/memscan.pl" "$pid" $needles > "$T/before"
grep -q "^$(hexof NAMECANARY-3131)" "$T/before"
ok $? "before a lock, memory holds the names (the scan can see them)"

tm_keys 'nad'
tm_wait 'matching .nad.'; ok $? "the list, filtered"
lock_and_scan "the list"
tm_wait 'Dossiers'; ok $? "unlocked to the list"

# By its name: two dossiers written in the same second or not, the
# list's order is not what picks it.
tm_keys Escape 'nadia' Enter
tm_wait 'Nadia NAMECANARY-3131 \(1 note\)'; ok $? "a dossier"
lock_and_scan "a dossier"

tm_wait 'NAMECANARY' > /dev/null && tm_keys Enter
tm_wait 'HEADCANARY'; ok $? "the reader"
tm_keys Space
perl "$here/memscan.pl" "$pid" $needles > "$T/reading"
grep -q "^$(hexof MIDCANARY-2222)" "$T/reading"
ok $? "(the reader holds the middle of the note)"
lock_and_scan "the reader"

tm_wait 'Ligne' > /dev/null && tm_keys e
tm_wait 'note of'; ok $? "the editor, on a note"
tm_keys C-e ' TYPEDCANARY-5555'
tm_wait 'modified'; ok $? "text typed"
lock_and_scan "the editor"
tm_wait 'modified'; ok $? "the text came back from its draft"
# Spelling's suggestions open on a misspelt word: neither the word nor
# what was suggested stays, and the spelling process is gone.
tm_keys ' Zqspellcanary '
tm_keys C-o
tm_wait 'Zqspellcanary.: ' > /dev/null
ok $? "the editor, spelling's suggestions open"
spell_pid=$(pgrep -P "$pid" -f carnet-spell)
lock_and_scan "spelling's suggestions"
[ -n "$spell_pid" ] && ! kill -0 "$spell_pid" 2> /dev/null
ok $? "the spelling process ended with the lock"
tm_wait 'modified' > /dev/null
# My words' page (m in the suggestions) lists words that are names: a
# word added there stays in the notebook, not in memory after a lock.
tm_keys C-o
tm_wait 'Zqspellcanary.: ' > /dev/null && tm_keys a
tm_wait 'now in my words' > /dev/null
tm_keys ' Zqotherword ' C-o
tm_wait 'Zqotherword.: ' > /dev/null && tm_keys m
tm_wait 'My words:.*Zqspellcanary'; ok $? "my words' page, a word of it shown"
lock_and_scan "my words' page"
tm_wait 'modified' > /dev/null
tm_keys C-x d
tm_wait 'Ligne' > /dev/null

tm_keys C-f 'searchword'
tm_wait 'Search: searchword'; ok $? "search, words typed"
tm_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace 'MIDCANARY'
tm_wait 'MIDCANARY\]?-2222'; ok $? "search, a result shown"
tm_keys ' SEARCHWORD-4444'
lock_and_scan "search"

tm_wait 'Ligne' > /dev/null && tm_keys C-g
tm_wait 'Help: every key'; ok $? "the help"
lock_and_scan "the help"

tm_keys Escape Escape
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys C-r
tm_wait 'New name:'; ok $? "a question waits, a name in it"
lock_and_scan "a question"
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys 'nadia' C-d
tm_wait 'Destroy .Nadia NAMECANARY'; ok $? "a question naming the dossier"
lock_and_scan "the question to destroy"

# Issue 22: the questions that named a dossier in memory after a lock.
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys C-n
tm_wait 'Name of the new dossier:' > /dev/null &&
    tm_keys 'nadia namecanary-3131' Enter
tm_wait 'Is this someone'; ok $? "a name taken: someone else?"
lock_and_scan "the question of a namesake"
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys Escape 'nadia' Enter
tm_wait 'NAMECANARY' > /dev/null && tm_keys p
tm_wait 'Print every note|File name \(Esc' > /dev/null
tm_screen | grep -q 'Print every note' && tm_keys y
tm_wait 'File name \(Esc'; ok $? "no printer: save it as a PDF? its file name"
lock_and_scan "the PDF's file name"
tm_wait 'NAMECANARY' > /dev/null && tm_keys p
tm_wait 'Print every note|File name \(Esc' > /dev/null
tm_screen | grep -q 'Print every note' && tm_keys y
tm_wait 'File name \(Esc' > /dev/null && tm_keys Enter
tm_wait 'printed\? \(y'; ok $? "saved: was it printed?"
lock_and_scan "the question after a PDF"
tm_wait 'NAMECANARY' > /dev/null && tm_keys Escape
# Not answered: asked again when the dossier is opened (its path names
# the person).
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys Enter
tm_wait 'NOT encrypted, was it printed'
ok $? "opening it again asks about the PDF that waits"
lock_and_scan "the question of a PDF that waits"
tm_wait 'NAMECANARY' > /dev/null && tm_keys Escape

# The passphrase's pages (^W) wait through the frame: the lock key works
# there, and leaves neither the current passphrase nor what was typed of
# the new one (issue 22).
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys C-w
tm_wait 'Current passphrase:'; ok $? "^W asks the current passphrase"
tm_keys 'PASSCANARY'
lock_and_scan "^W's first page"
tm_wait 'Dossiers \(2\)'; ok $? "unlocked to the list, nothing changed"
tm_keys C-w
tm_wait 'Current passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'New passphrase:'; ok $? "the new passphrase is asked, the notebook closed"
tm_keys 'NEWPASSCANARY-6666'
lock_and_scan "the new passphrase's page"
tm_wait 'Dossiers \(2\)'; ok $? "unlocked with the passphrase typed anew"
c ls > /dev/null; ok $? "and the passphrase is as it was"

# The idle lock: a new window with a short delay.
tm_stop
tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 \
    CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET' --lock-after 2"
tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys Enter
tm_wait 'Ligne' > /dev/null && tm_keys Enter
pid=$(tm_pid)
TM_TRIES=100 lock_and_scan "the reader, idle" Escape
tm_stop
# The same delay on ^W's page (it once waited outside the frame's wait,
# and never locked).
tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 \
    CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET' --lock-after 2"
tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys C-w
tm_wait 'Current passphrase:' > /dev/null && tm_keys 'half'
pid=$(tm_pid)
# Esc does nothing on a passphrase page: only the idle delay locks.
TM_TRIES=100 lock_and_scan "^W's page, idle" Escape
tm_wait 'Dossiers \(2\)'; ok $? "unlocked to the list"
tm_stop
finish

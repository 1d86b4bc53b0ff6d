#!/usr/bin/env bash
# The terminal notebook, driven in tmux as a person would: unlock, the
# dossiers (create, filter, rename, close, destroy), reading, searching
# without accents, the instant and the idle lock (and what memory holds
# after it), resizing, signals, French and English.
. "$(dirname "$0")/../lib.sh"
if ! command -v tmux > /dev/null; then
	skip_all "no tmux"
fi
here="$(cd "$(dirname "$0")/.." && pwd)"
PASS="canari-phrase-7Qz"
init
c new 'Amina Benali' > /dev/null
c new 'Jean Dupont' > /dev/null
printf "Entretien avec l'éducatrice : NOTE-CANARY-4242.\nDeuxième ligne.\nTroisième : LINE3-CANARY-5151.\n" |
    c add 1
echo "Appel de la CAF." | c add 2
run="env HOME='$HOME' CARNET_FILE='$CARNET_FILE' TZ=UTC"
run="$run CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}'"
hexof() { printf %s "$1" | od -An -tx1 | tr -d ' \n'; }

# Unlock: wrong, then right.
tm_start "$run LC_ALL=C.UTF-8 '$CARNET' --lock-after 0"
tm_wait 'Passphrase:'; ok $? "the first screen asks the passphrase"
tm_screen | grep -q "$CARNET_FILE"; ok $? "and shows the notebook's path"
tm_keys 'pas la bonne' Enter
tm_wait 'Wrong passphrase: try again'; ok $? "a wrong one: said, asked again"
tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)'; ok $? "the right one opens the dossiers"
tm_screen | grep -q "$PASS"; is $? 1 "the passphrase never shows"
tm_screen | grep -q 'Amina Benali .*1 note .*1 to print'
ok $? "a dossier: name, notes, notes to print, date"
tm_screen | grep -q '\^L Lock'; ok $? "the bar shows the lock key"
tm_screen | grep -q '\^N New dossier'; ok $? "and how to make a dossier"

# Create, filter, rename, close, reopen.
tm_keys C-n
tm_wait 'Name of the new dossier:'; ok $? "^N asks the name"
tm_keys 'Élodie Бенали' Enter
tm_wait 'Dossier .Élodie Бенали. created'; ok $? "a Cyrillic name is taken"
is "$(c ls | grep -c 'Élodie Бенали')" 1 "and stored"
tm_keys 'dup'
tm_wait 'Dossiers matching .dup. \(1\)'; ok $? "typing filters"
tm_screen | grep -q 'Amina'; is $? 1 "the others are hidden"
tm_keys C-r
tm_wait 'New name:' && tm_keys BSpace BSpace BSpace BSpace BSpace BSpace \
    'Durand' Enter
tm_wait 'Renamed'; ok $? "^R renames"
is "$(c ls | grep -c 'Jean Durand')" 1 "the new name is stored"
tm_keys Escape
tm_wait 'Dossiers \(3\)'; ok $? "Esc clears the filter"
tm_keys C-o
tm_wait 'Dossier closed'; ok $? "^O closes the selected dossier"
tm_wait 'Dossiers \(2\)'; ok $? "a closed dossier is hidden"
tm_keys C-t
tm_wait 'closed ones too \(3\)'; ok $? "^T shows the closed ones"
tm_screen | grep -q '(closed)'; ok $? "marked as closed"
tm_keys C-o
tm_wait 'Dossier reopened'; ok $? "^O reopens it"
tm_keys C-t

# Destroy: only by typing the name.
tm_keys 'elo'
tm_wait 'Dossiers matching .elo. \(1\)'; ok $? "a filter ignores accents"
tm_keys C-d
tm_wait 'Type its name to confirm'; ok $? "^D asks for the name"
tm_keys 'Elodie' Enter
tm_wait 'not its name: nothing was destroyed'; ok $? "a wrong name destroys nothing"
is "$(c ls | wc -l)" 3 "all dossiers are still there"
tm_keys C-d
tm_wait 'Type its name' && tm_keys 'Élodie Бенали' Enter
tm_wait 'was destroyed'; ok $? "its exact name destroys it"
is "$(c ls | wc -l)" 2 "it is gone"
tm_keys Escape

# Read a note.
tm_keys 'amina'
tm_wait 'matching .amina. \(1\)' && tm_keys Enter
tm_wait 'Amina Benali \(1 note\)'; ok $? "Enter opens the dossier"
tm_screen | grep -q "Entretien avec l'éducatrice"
ok $? "its notes, one line each, with the date"
tm_keys Enter
tm_wait 'Deuxième ligne'; ok $? "Enter reads the note in full"

# The process's memory while reading: the note is there (the scan works).
pid=$(tm_pid)
key=$(raw_key)
# A canary on the third line too: the list of a dossier keeps only a
# note's first line, and the rest must be wiped with it.
needles="$(hexof "$PASS") $(hexof NOTE-CANARY-4242) $(hexof LINE3-CANARY-5151)
    $key $(hexof "$key")"
perl "$here/memscan.pl" "$pid" $needles > "$T/before"
like "$T/before" "^$(hexof NOTE-CANARY-4242)" \
    "before the lock, memory holds the note (the scan can see it)"
grep -q "^$key" "$T/before"; ok $? "and the key"
is "$(awk '/^Max core file size/ {print $5}' /proc/"$pid"/limits)" 0 \
    "core dumps are off"
# Not dumpable either: the kernel then gives a process's /proc files to
# root.  Seen on a carnet run as nobody, waiting for a passphrase; a sleep
# run as nobody is the control (its files are nobody's).
if nobody_carnet; then
	mkdir -m 777 "$T/nobody"
	mkfifo -m 666 "$T/nobody/pass"
	# setpriv itself in the background (not a function's subshell), so
	# that $! is the process that becomes carnet.
	setpriv --reuid=nobody --regid=nogroup --clear-groups env \
	    HOME=/nonexistent CARNET_FILE="$T/nobody/nb.db" "$NOBODY_CARNET" \
	    --passphrase-fd 3 init --kdf-memory 8 --kdf-passes 1 \
	    3<> "$T/nobody/pass" 2> /dev/null &
	waiting=$!
	setpriv --reuid=nobody --regid=nogroup --clear-groups sleep 30 &
	control=$!
	# Each has become what it runs (so is nobody already), then its
	# /proc files are whose they stay.
	runs() { [ "$(cat /proc/"$1"/comm 2> /dev/null)" = "$2" ]; }
	owner_is() { [ "$(stat -c %U /proc/"$1"/status)" = "$2" ]; }
	eventually runs "$waiting" carnet && eventually runs "$control" sleep
	eventually owner_is "$waiting" root
	ok $? "carnet is not dumpable (its /proc files are root's, not nobody's)"
	is "$(stat -c %U /proc/$control/status)" nobody \
	    "(control: a sleep as nobody keeps its own)"
	kill "$waiting" "$control"
	wait "$waiting" "$control" 2> /dev/null
else
	skip "needs root, and a carnet the user nobody can run"
	skip "needs root, and a carnet the user nobody can run"
fi
locked=$(awk '/^VmLck/ {print $2}' /proc/"$pid"/status)
ok $([ "${locked:-0}" -ge 8 ]; echo $?) \
    "the key lives in locked memory (VmLck ${locked:-0} kB)"

# Instant lock, from the reader.
tm_keys C-l
tm_wait 'carnet locked'; ok $? "^L locks at once"
tm_screen | grep -q 'Entretien\|Amina'; is $? 1 "nothing of the notebook shows"
perl "$here/memscan.pl" "$pid" $needles > "$T/after"
grep -v 'in \[stack\]$' "$T/after" > "$T/after-heap"
is "$(cat "$T/after-heap")" "" \
    "after the lock, memory holds neither passphrase, key nor note"
# The stack too: on Debian 13, ncurses 6.5 left the lines it cleared
# (the note's first one) in frames the passphrase screen then kept.
grep 'in \[stack\]$' "$T/after" > "$T/after-stack"
[ ! -s "$T/after-stack" ]
ok $? "nor on the stack"
[ -s "$T/after-stack" ] && sed 's/^/#   /' "$T/after-stack"
tally leaks "$(grep -c . "$T/after-heap")"
tally leaks "$(grep -c . "$T/after-stack")"
tm_keys "$PASS" Enter
tm_wait 'Deuxième ligne'; ok $? "unlocking returns to the same note"

# Search from anywhere, without accents.
tm_keys C-f
tm_wait 'Search:'; ok $? "^F opens the search"
tm_keys 'educatri'
tm_wait 'Amina Benali'; ok $? "results come as the word is typed"
tm_screen | grep -q "l'\\[éducatrice\\]"; ok $? "educatri finds éducatrice, the match between brackets"
tm_keys Escape
tm_wait 'Deuxième ligne'; ok $? "Esc goes back where it was"
tm_keys C-f 'caf' Enter
tm_wait 'Jean Durand — '; ok $? "Enter goes to the note found"
tm_keys Escape
tm_wait 'Jean Durand \(1 note\)'; ok $? "and Esc to its dossier"
echo "Écrite par une autre fenêtre." | c add 'Jean Durand'
tm_keys Down
tm_wait 'Jean Durand \(2 notes\)'; ok $? "a note added by another process shows at the next key"

# Help.
tm_keys C-g
tm_wait 'Help: every key'; ok $? "^G shows every key"
tm_screen | sed -n 2p | grep -q '^ A dossier'
ok $? "screen by screen, starting with the keys of the screen it was opened from"
tm_keys Escape

# Resize.
tm resize-window -t t -x 40 -y 12
tm_wait 'Jean Durand'; ok $? "40x12 still shows the dossier"
tm resize-window -t t -x 30 -y 8
tm_wait 'terminal too small'; ok $? "30x8: terminal too small"
tm resize-window -t t -x 80 -y 24
tm_wait 'Jean Durand \(2 notes\)'; ok $? "80x24 again: all back"

# Quitting with a signal leaves the notebook closed and sound.
kill -TERM "$(tm_pid)"
tm_wait '\[exit 0\]'; ok $? "SIGTERM: carnet closes and exits 0"
tm_stop
test ! -e "$CARNET_FILE-wal"; ok $? "no -wal left: the notebook was closed"

# Idle lock after 2 seconds.
tm_start "$run LC_ALL=C.UTF-8 '$CARNET' --lock-after 2"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)'
sleep 3
tm_wait 'carnet locked'; ok $? "idle for 2 seconds: locked"
tm_keys C-q
tm_wait '\[exit 0\]'; ok $? "^Q quits from the locked screen"
tm_stop

# French.
if locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$'; then
	tm_start "$run LC_ALL=fr_FR.UTF-8 '$CARNET'"
	tm_wait 'Phrase de passe' && tm_keys "$PASS" Enter
	tm_wait 'Dossiers \(2\)'
	tm_screen | grep -q '\^L Verrouiller'; ok $? "in French: ^L Verrouiller"
	tm_keys C-l
	tm_wait 'carnet verrouillé'; ok $? "carnet verrouillé"
	tm_stop
else
	skip "no fr_FR.UTF-8 locale"
	skip "no fr_FR.UTF-8 locale"
fi

# More results than a screen holds: the search fetches a screenful, and
# moving down brings the older ones, every one of them.
for i in $(seq 1 60); do
	echo "Relance numéro $i du bailleur." |
	    CARNET_NOW=$((1700000000 + i * 60)) c add 'Jean Durand'
done
tm_start "$run LC_ALL=C.UTF-8 '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)' && tm_keys C-f 'relance'
tm_wait 'numéro 60 '; ok $? "the newest result first"
tm_screen | grep -q 'numéro 1 '; is $? 1 "a screenful at a time"
for i in $(seq 1 59); do tm_keys Down; done
tm_wait 'numéro 1 '; ok $? "moving down brings the older results, all 60"
tm_keys Enter
tm_wait 'Relance numéro 1 du bailleur'; ok $? "and Enter opens that one"
# The reader follows another carnet's changes too.
c rm -y 'Jean Durand' 2> /dev/null
tm_keys Down
tm_wait 'no longer exists'; ok $? "a note destroyed elsewhere: the reader says so at the next key"
tm_stop
finish

#!/usr/bin/env bash
# Printing never holds the screens hostage: a print command that does not
# finish is stopped after print_timeout, with a message, and nothing is
# marked as on paper; while it runs, the lock key, the idle lock and Esc
# still work.  The print commands here hang on purpose, as lp does
# against a print server that accepts and never answers.
. "$(dirname "$0")/../lib.sh"
PASS="impression-phrase-5Tq"
init
c new 'Amina Benali' > /dev/null
echo "Une note à imprimer." | c add 1 > /dev/null
mkdir -p "$T/bin" "$XDG_CONFIG_HOME/carnet"
# One ignores the PDF, one reads it all; both then hang.
printf '#!/bin/sh\nexec sleep 47\n' > "$T/bin/deaf"
printf '#!/bin/sh\ncat > /dev/null\nexec sleep 47\n' > "$T/bin/slow"
chmod +x "$T/bin/deaf" "$T/bin/slow"
config() {
	printf 'print_command = %s\nprint_timeout = %s\n' "$1" "$2" \
	    > "$XDG_CONFIG_HOME/carnet/config"
}
on_paper() { c show 1 | grep -c 'on paper'; }
hung() { pgrep -f 'sleep 47' | wc -l; }

for cmd in deaf slow; do
	config "$T/bin/$cmd" 2
	c print 1 2> "$T/err"
	is $? 1 "a print command that hangs ($cmd): 1"
	like "$T/err" 'did not finish within 2 seconds' "it is stopped, and said so"
	is "$(on_paper)" 0 "nothing is marked as on paper"
	is "$(hung)" 0 "the command does not stay behind"
done
config "$T/bin/slow" 2
c notice 2> "$T/err"
like "$T/err" 'did not finish within 2 seconds' "the notice too"

# A command whose child outlives it: stopping it stops the child too, so
# the PDF never lands anywhere once carnet has said nothing was printed.
# The child waits on a FIFO the test holds; if it were still alive, the
# test's write would reach it and it would write late.pdf.
mkfifo "$T/late-go"
cat > "$T/bin/late" <<END
#!/bin/sh
cat | (read x < "$T/late-go"; cat > "$T/late.pdf") &
wait
END
chmod +x "$T/bin/late"
config "$T/bin/late" 2
c print 1 2> "$T/err"
is $? 1 "a print command whose child waits: stopped"
# timeout only ends a write nobody reads; it is no measure of time.
timeout 10 sh -c "echo go > '$T/late-go'"
is $? 124 "its child was stopped with it: nobody reads the FIFO"
test ! -e "$T/late.pdf"; ok $? "and no PDF was written afterwards"

command -v tmux > /dev/null || { finish; exit; }
config "$T/bin/slow" 600
run="env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' CARNET_FILE='$CARNET_FILE'"
run="$run LC_ALL=C.UTF-8 CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET'"
open_dossier() {
	tm_start "$run $1"
	tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
	tm_wait 'Amina' > /dev/null && tm_keys Enter
	tm_wait 'p Print' > /dev/null && tm_keys p
	tm_wait 'Print every note' > /dev/null && tm_keys n
	tm_wait 'Printing… \(Esc stops it\)'
	ok $? "$2: the screen says it prints, and how to stop"
}

open_dossier "--lock-after 0" "the lock key"
tm_keys C-l
tm_wait 'carnet locked'; ok $? "the lock key works while the command runs"
is "$(hung)" 0 "and the command is stopped"
tm_keys "$PASS" Enter
tm_wait 'Amina Benali \(1 note\)'; ok $? "unlocking comes back to the dossier"
tm_stop
is "$(on_paper)" 0 "nothing is marked as on paper"

open_dossier "--lock-after 0" "Esc"
tm_keys Escape
tm_wait 'Printing was stopped'; ok $? "Esc stops it, and the screen says so"
tm_screen | grep -q 'PDF file instead'; is $? 1 "without asking for a PDF"
is "$(hung)" 0 "the command is gone"
tm_keys x
tm_wait 'Destroy the notes' > /dev/null && tm_keys y
tm_wait 'notes? on paper (was|were) destroyed' > /dev/null
c show 1 | grep -q 'Une note à imprimer'; ok $? "the note stays: it was not on paper"
tm_stop

open_dossier "--lock-after 2" "the idle lock"
TM_TRIES=80 tm_wait 'carnet locked'; ok $? "the idle lock works while the command runs"
is "$(hung)" 0 "and the command is stopped"
tm_stop
is "$(on_paper)" 0 "nothing is marked as on paper"

# A print command that ends at once, status 0, without reading the PDF
# printed nothing: it is not "sent to the printer", and nothing is marked.
printf 'print_command = true\n' > "$XDG_CONFIG_HOME/carnet/config"
c print 1 2> "$T/err"
is $? 1 "a print command that reads nothing fails the print"
grep -q 'ended without reading the whole document' "$T/err"
ok $? "and says so, not \"stopped with status 0\""
is "$(on_paper)" 0 "nothing is marked as on paper"
finish

#!/usr/bin/env bash
# Right note, right person: what shows a note and then waits (a question,
# the reader, printing, "was it printed?") acts on exactly the note it
# showed, however other processes write meanwhile.  Until schema 5 a
# note's id was its place in date order: a note written into the same ten
# minutes moved the others' ids, and another person's note could take the
# id a window held.  Each case below is one reported: Amina Benali (1)
# has notes at 9:05 and 9:07 today, Paul Martin (2) one at 8:00, and while
# the first process waits, a second writes Paul's 9:01 (the ten minutes
# of Amina's 9:05).  The waits are held by the test (a question on a
# terminal, a print command blocked on a FIFO), never by a sleep.
. "$(dirname "$0")/../lib.sh"
command -v tmux > /dev/null || skip_all "no tmux"
command -v pdftotext > /dev/null || skip_all "no pdftotext"
PASS="identite-phrase-4Rb"
# 2025-03-12 at noon: "9h05" is today.
export CARNET_NOW=1741780800
mkdir -p "$T/bin" "$XDG_CONFIG_HOME/carnet"
run="env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' CARNET_FILE='$CARNET_FILE'"
run="$run CARNET_NOW=$CARNET_NOW LC_ALL=C.UTF-8 TZ=UTC"
run="$run CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET'"

# A printer that keeps what it is sent (the PDF, then its text), says it
# started on the FIFO started, and finishes only when the test writes to
# the FIFO go.
cat > "$T/bin/printer" <<END
#!/bin/sh
cat > "$T/sent.pdf"
echo started > "$T/started"
read go < "$T/go"
END
# A printer that takes the PDF at once.
printf '#!/bin/sh\ncat > "%s/sent.pdf"\n' "$T" > "$T/bin/quick"
# One that refuses: the screens then offer a PDF file.
printf '#!/bin/sh\ncat > /dev/null\nexit 1\n' > "$T/bin/broken"
chmod +x "$T/bin/printer" "$T/bin/quick" "$T/bin/broken"
printer() {
	printf 'print_command = %s\n' "$T/bin/$1" \
	    > "$XDG_CONFIG_HOME/carnet/config"
}
mkfifo "$T/started" "$T/go"
sent() { pdftotext "$T/sent.pdf" - 2> /dev/null | tr -s ' \n' ' '; }

# A fresh notebook for each case.
fresh() {
	rm -f "$CARNET_FILE" "$CARNET_FILE"-*
	init
	c new 'Amina Benali' > /dev/null
	c new 'Paul Martin' > /dev/null
	echo "Amina, 9 h 05 : la CAF demande l'échéancier." |
	    c add 1 --date 9h05 > /dev/null
	echo "Amina, 9 h 07 : rappeler le bailleur." |
	    c add 1 --date 9h07 > /dev/null
	echo "Paul, 8 h 00 : premier entretien." |
	    c add 2 --date 8h00 > /dev/null
}
# What the second process writes while the first waits.
paul_writes() {
	echo "Paul, 9 h 01 : signalement ASE, à relire." |
	    c add 2 --date 9h01 > /dev/null
}
# Does the dossier's text (show) hold this line?
has() { c show "$1" | grep -qF "$2"; }
# Is the note of that text on paper?
on_paper() {
	c show "$1" | grep -F -B1 "$2" | head -1 | grep -q 'on paper'
}
# tm_open [WORD]: the screens, unlocked, in the first dossier whose name
# WORD (amina) starts.
tm_open() {
	tm_start "$run"
	tm_wait 'Passphrase' > /dev/null && tm_keys "$PASS" Enter
	tm_wait 'Dossiers' > /dev/null && tm_keys "${1:-amina}"
	tm_wait 'matching' > /dev/null && tm_keys Enter
	tm_wait 'p Print' > /dev/null
}

# 1. d in the dossier, the question on screen; Paul's 9:01 written.
fresh
printer quick
tm_open
tm_keys Down
tm_keys d
tm_wait 'Destroy note 1, of 2025-03-12 09:05'
ok $? "screens: d asks about Amina's 9:05 note, by its number"
paul_writes
tm_keys y
tm_wait 'Note 1 was destroyed'; ok $? "y destroys it"
tm_stop
has 1 'Amina, 9 h 05'; is $? 1 "Amina's 9:05 note is the one gone"
has 1 'Amina, 9 h 07'; ok $? "her 9:07 note stays"
has 2 'Paul, 9 h 01'; ok $? "Paul's note written meanwhile stays"
has 2 'Paul, 8 h 00'; ok $? "and his other one"

# 2. carnet rm 1 1 on a terminal, the same write while it asks.
fresh
tm_start "$run rm 1 1"
tm_wait 'Passphrase' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Destroy note 1 of .Amina Benali., of 2025-03-12 09:05'
ok $? "rm asks about Amina's note 1, her 9:05"
paul_writes
tm_keys y Enter
tm_wait 'Note 1 of .Amina Benali. was destroyed'; ok $? "y: it says so"
tm_stop
has 1 'Amina, 9 h 05'; is $? 1 "and it is her 9:05 that is gone"
has 2 'Paul, 9 h 01'; ok $? "Paul's note stays"
c show 1 | grep -q '09:07 #2'; ok $? "her 9:07 is still #2"
# The number names the same note whatever is written around it.
echo "Amina, 9 h 06 : écrite après." | c add 1 --date 9h06 > /dev/null
c rm -y 1 2 > /dev/null 2>&1
has 1 'Amina, 9 h 07'; is $? 1 "rm 1 2 still reaches her 9:07"
has 1 'Amina, 9 h 06'; ok $? "never the note written in before it"
c rm -y 1 1 2> "$T/err"
is $? 1 "a number whose note is gone reaches nothing"
like "$T/err" 'no note number 1' "and says so"

# 3. The reader shows Amina's 9:05; Paul's written; p prints.
fresh
printer quick
tm_open
tm_keys Down Enter
tm_wait 'Amina Benali — 2025-03-12 09:05 #1'
ok $? "the reader shows Amina's 9:05, #1, under her name"
paul_writes
tm_keys p
tm_wait 'page sent'; ok $? "p prints"
sent > "$T/text"
like "$T/text" "Amina, 9 h 05" "the page holds Amina's note"
unlike "$T/text" "Paul" "and nothing of Paul's"
like "$T/text" "Amina Benali" "under her name"
on_paper 2 'Paul, 9 h 01'; is $? 1 "Paul's note is not marked on paper"
on_paper 1 'Amina, 9 h 05'; ok $? "Amina's is"
tm_keys d
tm_wait 'Destroy note 1, of 2025-03-12 09:05'
ok $? "d then still asks about Amina's 9:05"
tm_keys n
# Moved away by another process while the reader shows it.
c mv 1 1 2 > /dev/null 2>&1
tm_keys p
tm_wait 'changed or moved in another window|moved to another dossier'
ok $? "a note moved away meanwhile: the reader says so, prints nothing"
tm_stop
on_paper 2 'Amina, 9 h 05'; ok $? "(it kept its mark from before)"

# 4. carnet print 1 while the print command runs: Paul's note written,
# Amina's 9:07 changed.  Only what went on paper is marked.
fresh
printer printer
c print 1 > "$T/out" 2>&1 &
printing=$!
read -r _ < "$T/started"
paul_writes
c mv 1 2 2 > /dev/null 2>&1	# Amina's 9:07 leaves for Paul's dossier
echo go > "$T/go"
wait "$printing"; ok $? "print finishes"
like "$T/out" 'Note 2 was changed or moved meanwhile' \
    "it names the note that changed while it printed"
on_paper 1 'Amina, 9 h 05'; ok $? "the note printed is marked"
on_paper 2 'Amina, 9 h 07'; is $? 1 "the one moved meanwhile is not"
on_paper 2 'Paul, 9 h 01'; is $? 1 "nor Paul's new note"
c purge -y 2 > /dev/null 2>&1
has 2 'Paul, 9 h 01'; ok $? "so a purge of Paul's dossier leaves it"
has 2 'Amina, 9 h 07'; ok $? "and the moved one"

# 4b. Killed while the print command runs: nothing is marked.
fresh
printer printer
"$CARNET" --passphrase-fd 3 print 1 3<<< "$PASS" > /dev/null 2>&1 &
printing=$!
read -r _ < "$T/started"
{ kill -9 "$printing"; wait "$printing"; } 2> /dev/null
tally kills 1
echo go > "$T/go"
is "$(c show 1 | grep -c 'on paper')" 0 "killed while printing: nothing marked"
is "$(c ls | awk -F '\t' '{n += $3} END {print n}')" 3 "and no note lost"
c check > /dev/null; ok $? "the notebook checks out"

# moved_before_yes N KEPT MOVED KEYS...: while "was it printed?" waits,
# Amina's note N moves to Paul's dossier; KEYS answer yes.  The note of
# text KEPT is marked, the moved one (MOVED) is not, and is named.
moved_before_yes() {
	local n=$1 kept=$2 moved=$3
	shift 3
	c mv 1 "$n" 2 > /dev/null 2>&1
	tm_keys "$@"
	tm_wait "Note $n was changed or moved meanwhile"
	ok $? "y: note $n, moved meanwhile, is named, not marked"
	tm_stop
	on_paper 1 "$kept"; ok $? "the other is marked"
	on_paper 2 "$moved"; is $? 1 "the moved one is not"
}

# 5. The screens' "was it printed?" after a PDF: a note moved meanwhile
# is not marked, and named.
fresh
printer broken
tm_open
tm_keys p
tm_wait 'Print every note' > /dev/null && tm_keys n
tm_wait 'File name' > /dev/null && tm_keys Enter
tm_wait 'was it printed'
ok $? "the printer refuses: a PDF, then was it printed?"
moved_before_yes 2 'Amina, 9 h 05' 'Amina, 9 h 07' y

# 6. The command line's "was it printed?", on a terminal.
fresh
tm_start "$run print 1 -o '$T/amina.pdf'"
tm_wait 'Passphrase' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Was it printed'; ok $? "print -o asks whether it was printed"
moved_before_yes 1 'Amina, 9 h 07' 'Amina, 9 h 05' y Enter

# 7. The dossier destroyed after its question: a note written meanwhile
# is not destroyed unasked.
fresh
tm_start "$run rm 1"
tm_wait 'Passphrase' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'and its 2 notes'; ok $? "rm asks, counting two notes"
echo "Amina, écrite pendant la question." | c add 1 > /dev/null
tm_keys y Enter
tm_wait 'has changed since the question'
ok $? "y: the dossier changed since, so it stays, and it says so"
tm_stop
is "$(c ls | grep -c 'Amina Benali')" 1 "Amina's dossier is there"

# 8. The print of the day (^E), a dossier at a time, by name: while
# Amina's prints, Paul's 9:01 is written.  His note goes on his own page
# and is marked only there.
fresh
printer printer
tm_open
tm_keys Escape
tm_wait 'matching' > /dev/null && tm_keys Escape
tm_keys C-e
read -r _ < "$T/started"
paul_writes
sent > "$T/first"
echo go > "$T/go"
on_paper 2 'Paul, 9 h 01'; is $? 1 "^E: Paul's note written meanwhile is not marked with Amina's page"
read -r _ < "$T/started"
sent > "$T/second"
echo go > "$T/go"
TM_TRIES=100 tm_wait "The day's notes"; ok $? "^E prints both dossiers"
tm_stop
like "$T/first" 'Amina, 9 h 05' "the first page is Amina's"
unlike "$T/first" 'Paul' "with nothing of Paul's"
like "$T/second" 'Paul, 9 h 01' "Paul's note is on his own page"
unlike "$T/second" 'Amina,' "with nothing of Amina's"
on_paper 2 'Paul, 9 h 01'; ok $? "and marked once it is"
# 9. Each screen shows the person it acts on: its content is read for
# the dossier or the note it shows, never kept because the notebook did
# not change in between.  As reported, in French: Karim's dossier, n,
# ^X with nothing typed, Échap Échap, Sophie's dossier, n.
rm -f "$CARNET_FILE" "$CARNET_FILE"-*
init
c new 'Karim Haddad' > /dev/null
c new 'Sophie Lemaître' > /dev/null
echo "Karim : visite à domicile." | c add 'Karim Haddad' > /dev/null
echo "Sophie : appel de l'école." | c add 'Sophie Lemaître' > /dev/null
if locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	tm_start "$(french_screens CARNET_NOW=$CARNET_NOW)"
	tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
	for round in 1 2; do
		for who in 'karim:Karim Haddad:visite' \
		    'sophie:Sophie Lemaître:appel'; do
			typed=${who%%:*}; rest=${who#*:}
			name=${rest%%:*}; word=${rest#*:}
			tm_wait 'Karim' > /dev/null && tm_keys "$typed"
			tm_wait "^ *>.*$name" > /dev/null
			tm_keys Enter
			tm_wait "$name \\(1 note\\)"
			ok $? "round $round: the dossier is $name's"
			tm_keys n
			tm_wait "$name — nouvelle note"
			ok $? "round $round: the editor's title names $name"
			tm_keys C-x
			tm_wait "$name \\(1 note\\)" > /dev/null
			tm_keys Enter
			tm_wait "carnet — $name — .*#1"
			ok $? "round $round: the reader's title names $name"
			tm_screen | grep -q "$word"
			ok $? "round $round: and shows $name's note"
			tm_keys e
			tm_wait "$name — note du"
			ok $? "round $round: editing it, the title names $name"
			tm_keys C-x
			tm_wait "carnet — $name — .*#1" > /dev/null && tm_keys Escape
			tm_wait "$name \\(1 note\\)" > /dev/null &&
			    tm_keys Escape
			# Esc clears the filter; a letter typed right after
			# it would be read as Alt and the letter.
			tm_wait 'correspondant' > /dev/null && tm_keys Escape
			tm_gone 'correspondant'
		done
	done
	tm_stop
else
	for i in $(seq 1 20); do skip "no fr_FR.UTF-8 locale"; done
fi
# 10. Paper names the person: two Martin Dupont, each page and the
# access copy with the dossier's number, and the PDF offered under it.
rm -f "$CARNET_FILE" "$CARNET_FILE"-*
init
c new 'Martin Dupont' > /dev/null
c new --another 'Martin Dupont' > /dev/null
echo "Pour le second Martin." | c add 2 > /dev/null
c print 2 -o "$T/martin.pdf" < /dev/null > /dev/null 2>&1
pdftotext "$T/martin.pdf" - | tr -s ' \n' ' ' > "$T/text"
like "$T/text" 'Martin Dupont (no. 2)' "the page's header gives the number"
c print 2 --for-person -o "$T/copy.pdf" < /dev/null > /dev/null 2>&1
pdftotext "$T/copy.pdf" - | tr -s ' \n' ' ' > "$T/text"
like "$T/text" 'Martin Dupont (no. 2)' "the access copy too"
# Deleted, they are forgotten: no "was it printed?" waits in the screens.
rm -f "$T/martin.pdf" "$T/copy.pdf"
printer broken
tm_open martin
tm_keys p
tm_wait 'Print every note' > /dev/null && tm_keys n
tm_wait 'upont \(no\. 2\) 2025-03-12\.pdf'
ok $? "the PDF is offered under the name with its number"
tm_stop
finish


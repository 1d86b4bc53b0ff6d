#!/usr/bin/env bash
# Paper: the typeset PDF (read back with pdftotext), printing through a
# real CUPS with a cups-pdf queue, what happens when printing fails, the
# notes marked on paper only when the printer took them, the access copy,
# the notice, purge, and the retention list.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cups.sh"
here="$(cd "$(dirname "$0")/.." && pwd)"
export CARNET_DATADIR="$here/../po"
for tool in pdftotext pdfinfo; do
	if ! command -v $tool > /dev/null; then
		skip_all "no $tool (poppler-utils)"
	fi
done
text() { pdftotext -layout "$1" - | tr -d '\342\200\253\342\200\254'; }
# pdftotext writes Arabic between bidi marks (U+202B, U+202C): dropped.
plain() { pdftotext "$1" - | sed 's/\xe2\x80[\xab\xac\x8e\x8f]//g'; }
long_name="Marie-Christine Eugénie de La Tour d'Auvergne-Lauraguais de Montmorency-Laval épouse Fitz-James Stuart de Berwick y Alba"

init
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'worker = Marie Curie\nservice = CMP Belleville\ncontact = 01 23 45 67 89\n' \
    > "$XDG_CONFIG_HOME/carnet/config"
c new 'Amina Benali' > /dev/null
CARNET_NOW=1700000000 c add 1 <<'END'
Entretien avec Mme Benali : l’échéancier CAF est accepté par le bailleur, « enfin ».
Nom en arabe : أمينة بن علي — en russe : Амина Беннали.
.ligne qui commence par un point
\backslash et 'apostrophe
END
CARNET_NOW=1700003600 c add 1 <<< "Deuxième note, courte."

# To a file.
c print 1 -o "$T/a.pdf" 2> "$T/err"; ok $? "print -o writes a PDF"
like "$T/err" 'NOT encrypted' "with a warning that the file is not encrypted"
is "$(stat -c %a "$T/a.pdf")" 600 "the file is private"
plain "$T/a.pdf" > "$T/a.txt"
like "$T/a.txt" "l’échéancier CAF est accepté" "French text comes back"
like "$T/a.txt" 'Амина Беннали' "Cyrillic too"
like "$T/a.txt" 'أمينة بن علي' "and Arabic"
like "$T/a.txt" '^\.ligne qui commence par un point' "a leading dot is text"
like "$T/a.txt" "^\\\\backslash et 'apostrophe" "so are backslash and quote"
like "$T/a.txt" 'Amina Benali' "the dossier's name in the header"
like "$T/a.txt" 'Confidential' "and Confidential"
like "$T/a.txt" 'page 1 / 1 — printed on' "the footer: page N / M, the date"
is "$(grep -c '2023, ' "$T/a.txt")" 2 "one heading per note, with the time"
pdffonts "$T/a.pdf" | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}'
ok $? "every font is embedded"
c show 1 | grep -q 'on paper'; is $? 1 "a file is not paper: nothing marked"
c print 1 -o "$T/a.pdf" 2> "$T/err"; is $? 1 "an existing file is not replaced"
CARNET_NOW=1800000000 c print 1 -o "$T/b1.pdf" 2> /dev/null
CARNET_NOW=1800000000 c print 1 -o "$T/b2.pdf" 2> /dev/null
cmp -s "$T/b1.pdf" "$T/b2.pdf"; ok $? "the same notes give the same bytes"

# A name in Arabic sits at the left of the header, where a reader of the
# page looks, not pushed to the right by its own direction.
c new 'أمينة بن علي' > /dev/null
echo "Une note." | c add 'أمينة بن علي'
c print 'أمينة بن علي' -o "$T/arabic.pdf" 2> /dev/null
x=$(pdftotext -bbox "$T/arabic.pdf" - | awk -F'"' '/<word/ { print int($2); exit }')
[ -n "$x" ] && [ "$x" -lt 70 ]; ok $? "an Arabic name starts at the header's left margin ($x)"
c rm -y 'أمينة بن علي' > /dev/null 2>&1

# Many notes: pages counted right, headings never alone at the foot.
c new 'Long' > /dev/null
for i in $(seq 1 60); do
	printf 'Note numéro %d. %s\n' "$i" "$(printf 'Le bailleur a relancé au sujet de l’échéancier, et la famille attend la réponse de la CAF. %.0s' $(seq 1 6))"
done > "$T/long"
i=0
while IFS= read -r line; do
	i=$((i + 1))
	CARNET_NOW=$((1700000000 + i * 3600)) c add Long <<< "$line"
done < "$T/long"
c print Long -o "$T/long.pdf" 2> /dev/null
n=$(pages "$T/long.pdf")
ok $([ "$n" -ge 5 ]; echo $?) "60 notes make several pages ($n)"
plain "$T/long.pdf" > "$T/long.txt"
is "$(grep -c "^page [0-9]* / $n — printed on" "$T/long.txt")" "$n" \
    "every page says page N / $n"
missing=0
for i in $(seq 1 60); do
	grep -q "Note numéro $i\." "$T/long.txt" || missing=$((missing + 1))
done
is "$missing" 0 "no note is cut or lost"
python_free_check() {	# each page's last line is not a heading
	pdftotext -layout "$T/long.pdf" - | awk '
	    /\f/ { if (last ~ /2023, [0-9][0-9]:[0-9][0-9]$/) bad++ }
	    NF { last = $0 } END { exit bad }'
}
python_free_check; ok $? "no heading is left alone at the foot of a page"

# The access copy.
c print 1 --for-person -o "$T/person.pdf" 2> /dev/null
plain "$T/person.pdf" > "$T/person.txt"
like "$T/person.txt" 'What is written about you' "the access copy has its cover"
like "$T/person.txt" 'Marie Curie, CMP Belleville' "naming who wrote"
like "$T/person.txt" 'Deuxième note' "and every note"

# The notice.
c notice -o "$T/notice.pdf" 2> /dev/null; ok $? "notice -o"
plain "$T/notice.pdf" > "$T/notice.txt"
like "$T/notice.txt" 'What I write about you' "the notice in English"
like "$T/notice.txt" 'Marie Curie' "with the worker's name"
like "$T/notice.txt" '01 23 45' "and how to reach them"
is "$(pages "$T/notice.pdf")" 1 "on one page"
if locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$'; then
	LC_ALL=fr_FR.UTF-8 c notice -o "$T/avis.pdf" 2> /dev/null
	plain "$T/avis.pdf" > "$T/avis.txt"
	like "$T/avis.txt" "Ce que j’écris à votre sujet\|Ce que j'écris à votre sujet" \
	    "in French under a French locale"
	head -1 "$T/avis.txt" > "$T/avis-head"
	like "$T/avis-head" '^CMP Belleville$' \
	    "its running header names the service, not carnet"
	# French print spacing: no-break before ":" and inside « », narrow
	# before ; ! ?, so that none starts a line.
	# pdftotext reads every space as a space: the narrow ones are
	# measured, the gap after "«" against an English print's.
	LC_ALL=fr_FR.UTF-8 c print 1 --all -o "$T/fr.pdf" 2> /dev/null
	c print 1 --all -o "$T/en.pdf" 2> /dev/null
	gap() {
		pdftotext -bbox "$1" - | awk -F'"' '
		    />«</ { end = $6 } />enfin/ && end { print int(($2 - end) * 100); exit }'
	}
	fr=$(gap "$T/fr.pdf") en=$(gap "$T/en.pdf")
	[ -n "$fr" ] && [ -n "$en" ] && [ "$fr" -lt "$en" ]
	ok $? "inside « », a narrow no-break space in French ($fr < $en)"
	plain "$T/fr.pdf" > "$T/fr.txt"
	like "$T/fr.txt" 'Mme Benali : l’échéancier' "the text is unchanged otherwise"
	c new "$long_name" > /dev/null
	echo "Une note." | c add "$long_name"
	LC_ALL=fr_FR.UTF-8 c print "$long_name" -o "$T/long-name.pdf" 2> /dev/null
	plain "$T/long-name.pdf" | tr '\n' ' ' | tr -s ' ' > "$T/long-name.txt"
	like "$T/long-name.txt" "^Marie-Christine Eugénie .* Berwick y Alba " \
	    "a long name is printed whole in the header, from its first word to its last"
	unlike "$T/long-name.txt" '…' "never cut"
else
	for i in 1 2 3 4 5 6; do skip "no fr_FR.UTF-8 locale"; done
fi

# Printing for real, and failing for real.
if [ "$(id -u)" -ne 0 ] || ! command -v cupsd > /dev/null ||
    ! cups_start > "$T/cups.log" 2>&1; then
	for i in $(seq 1 16); do skip "no private CUPS here"; done
else
	cleanup_hook() { cups_stop; tm_stop; }
	c print 1 2> "$T/err"; ok $? "print through lp to the default queue"
	like "$T/err" '1 page sent to the printer' "says how many pages"
	out=$(cups_output)
	ok $? "the PDF came out of the printer"
	pdftotext "$out" - 2> /dev/null | grep -q 'Deuxième note, courte'
	ok $? "with the notes on it"
	c show 1 | grep -q 'on paper since'; ok $? "the notes are marked on paper"
	c print 1 2> "$T/err"
	like "$T/err" 'Nothing to print' "printing again: nothing new"
	# From the screens: p prints the new notes, and the note on paper
	# warns when it is changed.
	echo "Pour l'écran." | c add 1
	rm -f "$CUPS_OUT"/*.pdf
	# The PDFs made above, deleted, are forgotten: none waits to be
	# said printed when the dossier opens.
	rm -f "$T"/*.pdf
	tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8" \
	    "CUPS_SERVER='$CUPS_SERVER' TZ=UTC '$CARNET'"
	tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
	tm_wait 'Amina Benali .*1 to print' && tm_keys Enter
	tm_wait 'p Print'; ok $? "the dossier screen shows p Print"
	tm_keys p
	tm_wait 'Print every note' && tm_keys n
	tm_wait '1 page sent to the printer'; ok $? "p sends the new note to the printer"
	cups_output > /dev/null; ok $? "and it comes out"
	tm_keys Enter
	tm_wait "Pour l'écran" && tm_keys e
	tm_wait 'already on paper'; ok $? "changing a note on paper warns"
	tm_keys ' Modifiée.' C-s
	tm_wait 'Note saved'
	tm_stop
	c show 1 | grep -B1 "Pour l'écran. Modifiée" | grep -q 'on paper'
	is $? 1 "a changed note is no longer counted as on paper"
	echo "Une troisième." | c add 1
	c check > "$T/check"
	like "$T/check" '^Printing has a printer to print on\.$' \
	    "check: the print server has a printer, in plain words"
	like "$T/check" "^printer: lpstat says “system default destination: $CUPS_QUEUE”" \
	    "then in lpstat's"
	lpadmin -x "$CUPS_QUEUE"
	c print 1 2> "$T/err"; is $? 1 "no default printer: 1"
	like "$T/err" 'no printer is chosen on this computer: save the document as a PDF now, or ask whoever looks after the computer' \
	    "said in plain words, with the one thing to do"
	unlike "$T/err" 'lp\|destination' "without lp's words"
	c check > "$T/check"
	like "$T/check" '^No printer is chosen by default on this computer: ask whoever looks after it' \
	    "check says it, for whoever looks after the computer"
	like "$T/check" '^printer: lpstat says “no system default destination”' \
	    "with lpstat's own words"
	c show 1 | tail -1 | grep -q 'Une troisième'
	c show 1 | grep -B1 'Une troisième' | grep -q 'on paper'; is $? 1 \
	    "and the new note is not marked"
	cups_stop
	c print 1 2> "$T/err"; is $? 1 "CUPS stopped: 1"
	printf 'print_command = /nowhere/lp\n' >> "$XDG_CONFIG_HOME/carnet/config"
	c print 1 2> "$T/err"
	like "$T/err" 'not installed' "lp missing: said so"
	sed -i '/print_command/d' "$XDG_CONFIG_HOME/carnet/config"
fi
leftover=$(find "$HOME" "$TMPDIR" -name '*.pdf' | wc -l)
is "$leftover" 0 "no PDF was written anywhere but where asked"

# Purge: only what is on paper, after the age asked.
before=$(c ls | awk -F'\t' '$2 == "Amina Benali" {print $3}')
c purge 1 < /dev/null 2> /dev/null; is $? 2 "purge without -y nor terminal: 2"
c purge -y 1 --older-than 30 2> "$T/err"
like "$T/err" '^0 notes on paper were destroyed' "--older-than keeps recent paper"
c purge -y 1 2> "$T/err"
is "$(c ls | awk -F'\t' '$2 == "Amina Benali" {print $3}')" \
    "$((before - $(grep -o '^[0-9]*' "$T/err")))" \
    "purge destroys the notes on paper"
c show 1 | grep -q 'Une troisième'; ok $? "and keeps those not on paper"

# The typesetting is a module loaded only to print: the other commands
# start without pango and cairo, and a broken module loses nothing.
ldd "$CARNET" | grep -q -e pango -e cairo; is $? 1 \
    "carnet itself links neither pango nor cairo"
mkdir "$T/bin"
cp "$CARNET" "$T/bin/carnet"
printf 'not a library\n' > "$T/bin/carnet-paper.so"
CARNET="$T/bin/carnet" c print 1 -o "$T/broken.pdf" 2> "$T/err"
is $? 1 "a damaged paper module: exit 1"
like "$T/err" 'paper module .*/bin/carnet-paper.so is missing or damaged' \
    "says which module, and why"
[ ! -e "$T/broken.pdf" ]; ok $? "and writes nothing"
CARNET="$T/bin/carnet" c ls > /dev/null; ok $? "the other commands still work"

# Retention: dossiers without a note for two years.
CARNET_NOW=$((1700000000 + 800 * 86400)) c ls --review > "$T/review"
is "$(cut -f2 "$T/review" | sort | tr '\n' ' ')" "Long " \
    "ls --review lists the dossiers idle for two years"
finish

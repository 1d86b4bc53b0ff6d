#!/usr/bin/env bash
# Every command of the command line, and every exit status of the contract,
# against the real binary.
. "$(dirname "$0")/../lib.sh"

"$CARNET" -V > "$T/out"; ok $? "-V exits 0"
like "$T/out" '^carnet [0-9]' "-V prints the version"
like "$T/out" '^SQLCipher [34]\.[0-9.]* .*(SQLite 3\.[0-9.]*)$' \
    "and the SQLCipher and SQLite it runs on"
"$CARNET" -h > "$T/out"; ok $? "-h exits 0"
for cmd in init passwd ls new add show search print purge notice import \
    export restore rm mv backup check words; do
	grep -q "^  $cmd " "$T/out" || echo "#   $cmd missing"
done
is "$(grep -c '^  [a-z]' "$T/out")" 18 "-h lists the eighteen commands"
"$CARNET" --frobnicate 2> "$T/err"; is $? 2 "unknown option: 2"
"$CARNET" frobnicate 2> "$T/err"; is $? 2 "unknown command: 2"
like "$T/err" 'unknown command' "and says so"
"$CARNET" --passphrase-fd x ls 2>/dev/null; is $? 2 "bad descriptor: 2"
# One reader of options for every command: each mistake is a usage error
# that names the option, and options may follow the operands.
"$CARNET" ls --frobnicate 2> "$T/err"; is $? 2 "a command's unknown option: 2"
like "$T/err" 'unknown option “--frobnicate”' "and names it"
like "$T/err" '^usage: carnet ls \[--review\]' "then the command's usage"
"$CARNET" purge --all --older-than soon 2> "$T/err"; is $? 2 \
    "a number that is not one: 2"
like "$T/err" '--older-than needs a whole number from 0 to' "and the range"
"$CARNET" print 1 -o 2> "$T/err"; is $? 2 "an option without its value: 2"
like "$T/err" '-o needs a value' "and says so"
"$CARNET" rm 2> /dev/null; is $? 2 "a missing operand: 2"
"$CARNET" show 1 2 2> /dev/null; is $? 2 "one operand too many: 2"
"$CARNET" purge 2> /dev/null; is $? 2 "purge: neither a dossier nor --all: 2"
"$CARNET" purge 1 --all 2> /dev/null; is $? 2 "purge: both: 2"

c ls 2> "$T/err"; is $? 1 "no notebook yet: 1"
like "$T/err" 'carnet init' "and says how to make one"

printf 'short\n' | "$CARNET" --passphrase-fd 0 init --kdf-memory 8 \
    --kdf-passes 1 2> "$T/err"
is $? 1 "a short passphrase is refused: 1"
like "$T/err" 'too short' "with the reason"
test ! -e "$CARNET_FILE"; ok $? "and no file is made"
printf '%s\n' "$PASS" | "$CARNET" --passphrase-fd 0 init --kdf-memory 7 \
    2>/dev/null
is $? 2 "7 MiB of key derivation is refused: 2"
printf '%s\n' "$PASS" | "$CARNET" --passphrase-fd 0 init --kdf-passes \
    2>/dev/null
is $? 2 "an option without its number: 2"

init; ok $? "init with cheap parameters"
is "$(stat -c %a "$CARNET_FILE")" 600 "the notebook is private (600)"
before=$(sum "$CARNET_FILE")
init; is $? 1 "init over an existing notebook: 1"
is "$(sum "$CARNET_FILE")" "$before" "and the notebook is untouched"

is "$(c new 'Amina Benali')" 1 "new prints the dossier's number"
is "$(c new Jean Dupont)" 2 "new joins its words: no quotes needed"
c new 'Amina Benali' 2> "$T/err" >/dev/null; is $? 1 "same name twice: 1"
like "$T/err" 'already a dossier “Amina Benali”: number 1' \
    "and says so, with its number"
like "$T/err" 'carnet new --another' "and how to make a second one"
c new 2024 2> "$T/err" >/dev/null; is $? 2 "a name of digits: 2"
c new "$(printf 'Amina Benali\342\200\213')" 2> "$T/err" > /dev/null
is $? 2 "a name ending in a zero-width space: 2"
like "$T/err" 'invisible character (U+200B)' "the message names it"

echo "Entretien avec l'éducatrice : point CAF et RSA." | c add 1
ok $? "add reads the note from standard input"
printf 'Deuxième note,\r\n\ttabulée  \nsur trois lignes.\n' |
    c add 'Amina Benali'
ok $? "add by name"
printf ' \n\n\t\n' | c add 1 2> "$T/err"; is $? 1 "a blank note: 1"
like "$T/err" 'empty' "says it is empty"
printf 'caf\xe9 latin-1\n' | c add 1 2> "$T/err"; is $? 1 "not UTF-8: 1"
like "$T/err" 'UTF-8' "says it is not UTF-8"
printf 'a\0b' | c add 1 2> "$T/err"; is $? 1 "a NUL byte: 1"
tally inputs 2
echo x | c add Personne 2> "$T/err"; is $? 1 "unknown dossier: 1"
like "$T/err" 'no dossier named' "names it"
echo x | c add 99 2> /dev/null; is $? 1 "unknown number: 1"

c ls > "$T/out"; ok $? "ls"
day=$(date -u +%Y-%m-%d)
is "$(head -1 "$T/out")" "$(printf '1\tAmina Benali\t2\t%s' "$day")" \
    "ls: id, name, notes, last note, tab-separated"
is "$(sed -n 2p "$T/out")" "$(printf '2\tJean Dupont\t0\t-')" \
    "a dossier without notes"

c show 1 > "$T/out"; ok $? "show"
is "$(head -1 "$T/out")" "Amina Benali — 2 notes" "show: a heading"
printf 'Deuxième note,\r\n\ttabulée  \nsur trois lignes.' > "$T/want"
sed -n '/^Deuxième/,$p' "$T/out" | head -c $(wc -c < "$T/want") > "$T/got"
cmp -s "$T/got" "$T/want"; ok $? "show gives the text back byte for byte"
grep -n 'Entretien\|Deuxième' "$T/out" | cut -d: -f1 | tr '\n' ' ' \
    > "$T/order"
is "$(cat "$T/order")" "4 7 " "oldest first"
c show 'Personne' 2>/dev/null; is $? 1 "show of an unknown dossier: 1"

c search educatrice > "$T/out"; ok $? "search"
like "$T/out" "^Amina Benali	$day [0-9:]*	.*\[éducatrice\]" \
    "educatrice finds éducatrice: dossier, date, snippet"
c search benali > "$T/out"
like "$T/out" '^Amina Benali	-	' "benali finds the dossier Benali"
c search introuvable > "$T/out" 2> "$T/err"; ok $? "no hit is not an error"
like "$T/err" 'Nothing found' "but says so"
# On a terminal, a C1 control (U+009B, CSI) in a note is shown, in
# search snippets as in show: the snippet was once written byte by byte.
printf 'Contrôle \302\233 31m caché\n' | c add 1
printf '%s\n' "$PASS" > "$T/pass"
for cmd in "search cache" "show 1"; do
	# script(1) runs the command with $SHELL, or sh: POSIX words only.
	script -qec "'$CARNET' --passphrase-fd 3 $cmd 3< '$T/pass'" \
	    /dev/null > "$T/tty" 2>&1
	grep -q "$(printf '\302\233')" "$T/tty"; is $? 1 \
	    "$cmd on a terminal: the C1 control is not sent"
	like "$T/tty" 'Contrôle ^\[\[ 31m' "$cmd: it is shown as ^[["
done

printf 'wrong passphrase\n' | "$CARNET" --passphrase-fd 0 ls 2> "$T/err"
is $? 3 "wrong passphrase: 3"
like "$T/err" 'wrong passphrase' "says so"
"$CARNET" --passphrase-fd 0 ls < /dev/null 2>/dev/null
is $? 2 "no passphrase on the descriptor: 2"
"$CARNET" ls < /dev/null > /dev/null 2>&1 < /dev/null
ok 0 "no terminal and no descriptor does not hang"
head -c 4096 /dev/urandom > "$T/random"
before=$(sum "$T/random")
c -f "$T/random" ls 2> "$T/err"; is $? 4 "a file that is not a notebook: 4"
is "$(sum "$T/random")" "$before" "and it is not written to"
c -f "$T" ls 2> "$T/err"; is $? 4 "a folder: 4"
like "$T/err" 'folder' "says it is a folder"

# The end of the day: every note written today, a dossier at a time,
# Monday's visit written up today too.
mkdir -p "$T/cfg/carnet"
printf 'print_command = sh -c cat>/dev/null\n' > "$T/cfg/carnet/config"
pc() { XDG_CONFIG_HOME="$T/cfg" c "$@"; }
c new 'Jour Un' > /dev/null
c new 'Jour Deux' > /dev/null
echo "D'avant-hier." | CARNET_NOW=$(($(date +%s) - 2 * 86400)) c add 'Jour Un'
echo "Du jour, un." | c add 'Jour Un'
echo "Du jour, deux." | c add 'Jour Deux'
echo "Visite d'avant-hier, écrite ce jour." | c add 'Jour Un' --date avant-hier
pc print --today 2> "$T/err"; ok $? "print --today"
like "$T/err" 'sent to the printer, for [0-9]* dossiers' "prints every dossier written in today"
c show 'Jour Un' | grep -B1 "D'avant-hier" | grep -q 'on paper'
is $? 1 "not the note of two days ago"
c show 'Jour Deux' | grep -B1 'Du jour, deux' | grep -q 'on paper'
ok $? "today's are on paper"
c show 'Jour Un' | grep -B1 "Visite d'avant-hier" | grep -q 'on paper'
ok $? "and one written today about the day before yesterday"
pc print --today 2> "$T/err"
like "$T/err" '^Nothing to print: no note written today' "twice: nothing left"
pc print 'Jour Un' --today 2> /dev/null; is $? 2 "a dossier and --today: 2"
pc print --today -o "$T/x.pdf" 2> /dev/null; is $? 0 "--today and -o: the day as one PDF"
pc print --today --for-person 2> /dev/null; is $? 2 "--today and --for-person: 2"
c rm -y 'Jour Un' > /dev/null 2>&1; c rm -y 'Jour Deux' > /dev/null 2>&1

# A closed dossier says so in ls.
c new 'Dossier Fermé' > /dev/null
is "$(c ls | awk -F '\t' '$2 == "Dossier Fermé" {print NF}')" 4 "ls: four fields"
# (closing is done from the screens: here the stock tool closes it)
stock_sql "$(raw_key)$(notebook_salt)" \
    "UPDATE dossier SET closed = 1 WHERE name = 'Dossier Fermé';" > /dev/null
is "$(c ls | awk -F '\t' '$2 == "Dossier Fermé" {print $5}')" closed \
    "a closed dossier has a fifth field: closed"
c rm -y 'Dossier Fermé' > /dev/null 2>&1

# A name typed without its accents or capitals finds the dossier; two
# that look alike that way are told apart by their numbers.
c new 'Émilie Faure' > /dev/null
c show 'emilie faure' > "$T/out" 2> "$T/err"; ok $? "show finds “emilie faure”"
like "$T/out" '^Émilie Faure — ' "as “Émilie Faure”"
c show 'emilie' > /dev/null 2> "$T/err"; is $? 1 "one of its words alone does not"
c new 'Emilie FAURE' > /dev/null 2> "$T/err"
is $? 1 "a second name alike is refused at first"
like "$T/err" 'already a dossier “Émilie Faure”: number [0-9]' \
    "with the number of the one like it"
c new --another 'Emilie FAURE' > /dev/null; ok $? "and taken with --another"
c show 'emilie faure' > /dev/null 2> "$T/err"; is $? 1 "then “emilie faure” is ambiguous: 1"
like "$T/err" 'several dossiers are named like “emilie faure”: numbers [0-9]*, [0-9]*; give the number' \
    "and says their numbers"
c show 'Emilie FAURE' > "$T/out" 2> /dev/null
like "$T/out" '^Emilie FAURE (no\. [0-9]*) — ' \
    "the exact name still finds its own, shown with its number"
# Two people of one name are told apart wherever they are named.
faure=$(c ls | awk -F '\t' '$2 == "Émilie Faure" {print $1}')
echo "Rendez-vous de la famille Faure." | c add "$faure"
c show "$faure" > "$T/out"
like "$T/out" "^Émilie Faure (no\. $faure) — 1 note" "show names her by number"
c search famille > "$T/out"
like "$T/out" "^Émilie Faure (no\. $faure)	" "search results give the number"
for d in 'Émilie Faure' 'Emilie FAURE'; do c rm -y "$d" > /dev/null 2>&1; done

# Names that only look the same are the same name: spaces of every kind,
# a Cyrillic А, a dotless ı; what draws nothing is refused.
amina_was=$(c ls | awk -F '\t' '$2 == "Amina Benali" {print $1}')
c new 'Amina Benali' > /dev/null 2>&1
for look in 'Amina\xc2\xa0Benali' 'Amina\xe2\x80\x83Benali' \
    'Amina\xe3\x80\x80Benali' 'Amina  Benali' '\xd0\x90mina Benali' \
    'Amina Benal\xc4\xb1'; do
	name=$(printf "$look")
	c new "$name" > /dev/null 2> "$T/err"
	is $? 1 "“$look” is asked about, as “Amina Benali”" ||
	    sed 's/^/#   /' "$T/err"
done
for look in 'Amina\xe3\x85\xa4Benali' 'Amina \xe1\x85\x9fBenali' \
    'Amina \xe1\x85\xa0Benali' 'Amina \xe2\xa0\x80Benali'; do
	name=$(printf "$look")
	c new --another "$name" > /dev/null 2> "$T/err"
	is $? 2 "“$look” draws nothing: refused, even with --another"
done
like "$T/err" 'invisible character (U+2800)' "and the character is named"
c new --another 'Amina  Benali' > /dev/null
is "$(c ls | grep -c 'Amina Benali')" 2 "a second one, kept with one space"
unlike "$T/out" 'Amina  Benali' "(never two)"
c ls | cut -f2 > "$T/out"; unlike "$T/out" 'Amina  Benali' "never two spaces"
for n in $(c ls | awk -F '\t' '$2 == "Amina Benali" {print $1}'); do
	[ "$n" = "$amina_was" ] || c rm -y "$n" > /dev/null 2>&1
done

# Two people of exactly one name: each known by its number.
one=$(c new 'Lina Marchal')
two=$(c new --another 'Lina Marchal'); ok $? "the same name twice, asked for"
c show 'Lina Marchal' > /dev/null 2> "$T/err"; is $? 1 "the name alone: 1"
like "$T/err" "numbers $one, $two; give the number" "and both numbers given"
echo "Pour la seconde." | c add "$two"
c show "$two" > "$T/out"; like "$T/out" 'Pour la seconde' "each by its number"
c ls > "$T/out"
is "$(grep -c 'Lina Marchal' "$T/out")" 2 "ls lists both"
c rm -y "$one" > /dev/null 2>&1; c rm -y "$two" > /dev/null 2>&1

# The date of the meeting: --date, as a person says it.
c new 'Rendez-vous Daté' > /dev/null
echo "Visite à domicile." | CARNET_NOW=1764680000 c add 'Rendez-vous Daté' \
    --date 'hier 14h30' 2> "$T/err"; ok $? "add --date 'hier 14h30'"
echo "Écrite le jour même." | CARNET_NOW=1764680000 c add 'Rendez-vous Daté'
echo "Lundi dernier." | CARNET_NOW=1764680000 c add 'Rendez-vous Daté' \
    --date 'lundi 9h'
TZ=UTC CARNET_NOW=1764680000 c show 'Rendez-vous Daté' > "$T/out"
grep '#[0-9]' "$T/out" > "$T/heads"
# In date order; each keeps the number it was given when written.
is "$(cut -c1-19 "$T/heads" | tr '\n' ' ')" \
    "2025-12-01 09:00 #3 2025-12-01 14:30 #1 2025-12-02 12:53 #2 " \
    "show lists by date, each note with the number it was written with"
like "$T/out" 'Lundi dernier.' "(its text)"
grep '#3' "$T/heads" > "$T/one"
like "$T/one" '#3 (written 2025-12-02 12:53)' \
    "a note written more than a day after its date says when"
grep '#1' "$T/heads" > "$T/two"
unlike "$T/two" 'written' "one written the next morning does not"
echo x | c add 'Rendez-vous Daté' --date 'la semaine des quatre jeudis' \
    2> "$T/err"; is $? 2 "a date not understood: 2"
like "$T/err" '“la” is not a date carnet understands' "and says which word"
echo x | c add 'Rendez-vous Daté' --date '31/12/2099' 2> "$T/err"
is $? 2 "a date in the future: 2"
like "$T/err" 'in the future' "and says so"
c rm -y 'Rendez-vous Daté' > /dev/null 2>&1

# One note, as show numbers it: destroyed, or moved with its dates.
c new 'Note Perdue' > /dev/null
echo "Écrite dans le mauvais dossier." | CARNET_NOW=1700000000 c add 'Note Perdue'
echo "Celle-ci aussi, plus tard." | CARNET_NOW=1700100000 c add 'Note Perdue'
c show 'Note Perdue' | grep -c '#[12]$' > "$T/n"
is "$(cat "$T/n")" 2 "show numbers each note"
# show reads 200 notes at a time: 450, three to a second, each once.
mkdir -p "$T/many/Beaucoup Notes"
for i in $(seq 1 450); do
	s=$(( (i - 1) / 3 ))
	printf 'Note %s.\n' "$i" > "$T/many/Beaucoup Notes/$(printf \
	    '2024-01-01T%02d%02d%02d n%03d.txt' $((s / 3600)) $((s / 60 % 60)) \
	    $((s % 60)) "$i")"
done
c import "$T/many" > /dev/null 2>&1
c show 'Beaucoup Notes' > "$T/out"
is "$(grep -c '^Note [0-9]*\.$' "$T/out")" 450 "show gives 450 notes over pages of 200"
is "$(grep '^Note [0-9]*\.$' "$T/out" | sort -u | wc -l)" 450 "each once"
is "$(grep -o '#[0-9]*$' "$T/out" | sort -u | wc -l)" 450 "each with its own number"
c rm -y 'Beaucoup Notes' > /dev/null 2>&1
c rm 'Note Perdue' 2 < /dev/null 2> "$T/err"; is $? 2 "rm of a note without -y nor terminal: 2"
c rm -y 'Note Perdue' 3 2> "$T/err"; is $? 1 "a note number that is not there: 1"
like "$T/err" 'no note number 3' "and says so"
c rm -y 'Note Perdue' deux 2> "$T/err"; is $? 2 "a note number that is not a number: 2"
c mv 'Note Perdue' 1 1 2> "$T/err"; ok $? "mv moves a note"
grep -o 'where it is note [0-9]*' "$T/err" > "$T/where"
moved=$(grep -o '[0-9]*$' "$T/where")
like "$T/err" "moved to “Amina Benali”, where it is note $moved" \
    "and says where it is now: the next number of that dossier"
c show 1 | grep -E '^[0-9]{4}-' | head -1 > "$T/first"
like "$T/first" "^2023-11-14 22:13 #$moved\$" "it is there, first by its date"
c show 1 | grep -A1 "#$moved\$" | grep -q 'Écrite dans le mauvais dossier'
ok $? "with its text"
is "$(c ls | awk -F '\t' '$2 == "Note Perdue" {print $3}')" 1 \
    "the dossier it left counts one note less"
c rm -y 'Note Perdue' 1 2> "$T/err"; is $? 1 "the moved note's number names nothing in the dossier it left"
c rm -y 'Note Perdue' 2 2> "$T/err"; ok $? "rm -y destroys one note"
like "$T/err" 'Note 2 of “Note Perdue” was destroyed' "and says which"
is "$(c ls | awk -F '\t' '$2 == "Note Perdue" {print $3}')" 0 "none left"
c search 'plus tard' > "$T/out"; is "$(wc -l < "$T/out")" 0 \
    "its words are gone from the search"
c rm -y 'Note Perdue' > /dev/null 2>&1

c rm 2 < /dev/null 2> "$T/err"; is $? 2 "rm without -y nor terminal: 2"
is "$(c ls | wc -l)" 2 "and nothing is destroyed"
c rm -y 2 2> "$T/err"; ok $? "rm -y"
is "$(c ls | wc -l)" 1 "the dossier is gone"

mkdir "$T/usb"
c backup "$T/usb" 2> "$T/err"; ok $? "backup into a folder"
like "$T/err" 'same disk as the notebook' "a copy on the notebook's disk is said to be one"
# Under /media, only onto a mounted drive: in a mount namespace of its
# own, /media/cle first an empty folder, then a drive (a tmpfs).
if [ "$(id -u)" -eq 0 ] && unshare -m true 2> /dev/null; then
	printf '%s\n' "$PASS" > "$T/pass"
	cat > "$T/usb.sh" <<-END
	mount -t tmpfs none /media && mkdir /media/cle || exit 9
	"$CARNET" --passphrase-fd 3 backup /media/cle 3< "$T/pass" 2> "$T/nokey"
	echo "nokey=\$? \$(ls /media/cle | wc -l)"
	mount -t tmpfs none /media/cle || exit 9
	"$CARNET" --passphrase-fd 3 backup /media/cle 3< "$T/pass" 2> "$T/key"
	echo "key=\$? \$(ls /media/cle | wc -l)"
	END
	unshare -m sh "$T/usb.sh" > "$T/usb.out" 2>&1
	grep -q '^nokey=1 0$' "$T/usb.out"
	ok $? "backup to /media/cle with no key mounted: 1, nothing written"
	like "$T/nokey" 'no drive is mounted at /media/cle' "and says why"
	grep -q '^key=0 1$' "$T/usb.out"; ok $? "with a drive mounted there, the copy is made"
	like "$T/key" 'written and checked' "and checked"
else
	for i in 1 2 3 4; do skip "needs root and unshare -m"; done
fi
is "$(c -f "$T/usb/nb.db" ls | cut -f2)" "Amina Benali" \
    "the copy opens with the same passphrase"
c check > "$T/out"; ok $? "check"
# What the print server keeps of each PDF, read from its cupsd.conf.
mkdir -p "$T/cups"
spool() {
	printf '%s' "$1" > "$T/cups/cupsd.conf"
	CUPS_SERVERROOT="$T/cups" c check 2> /dev/null | grep '^printing:'
}
like <(spool '') 'clear copy of each printed dossier for 24 hours: set PreserveJobFiles No' \
    "check: CUPS's default keeps a day's PDFs, and says what to set"
like <(spool 'PreserveJobFiles 3600') 'for 1 hour' "a number of seconds"
like <(spool '  preservejobfiles Yes') 'as long as its job history' "yes"
like <(spool 'PreserveJobFiles No') 'keeps no copy' "no: said as well"
rm "$T/cups/cupsd.conf"
like <(CUPS_SERVERROOT="$T/cups" c check 2> /dev/null) \
    '^printing: whether the print server keeps copies cannot be read' \
    "an unreadable cupsd.conf: said so"
# A FIFO or an endless device there is not read: check ends all the same
# (timeout only stops a hung check; it is no measure of time).
mkfifo "$T/cups/cupsd.conf"
CUPS_SERVERROOT="$T/cups" timeout 60 "$CARNET" --passphrase-fd 3 check \
    3<<< "$PASS" > "$T/fifo-out" 2> /dev/null
is $? 0 "a FIFO for cupsd.conf: check ends"
like "$T/fifo-out" '^printing: whether the print server keeps copies cannot be read' \
    "and says it cannot be read"
rm "$T/cups/cupsd.conf"
ln -s /dev/zero "$T/cups/cupsd.conf"
CUPS_SERVERROOT="$T/cups" timeout 60 "$CARNET" --passphrase-fd 3 check \
    3<<< "$PASS" > /dev/null 2>&1
is $? 0 "/dev/zero for cupsd.conf: check ends too"
rm "$T/cups/cupsd.conf"
like "$T/out" '^ok: [0-9]* pages' "check reports the pages"
head -1 "$T/out" > "$T/first"
like "$T/first" '^The notebook is intact: every note reads back' \
    "after a plain sentence first"
like "$T/out" '^carnet is shut in\|^This computer cannot shut carnet in\|^carnet is not shut in' \
    "the sandbox said plainly before its technical line"
like "$T/out" '^library: SQLCipher [34]\.' "and the library it runs on"
like "$T/out" '^The notes are encrypted by SQLCipher' "said plainly first"

# Where the notebook is: -f, then $CARNET_FILE, then the configuration.
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'notebook = %s\nthis line is wrong\n' "$T/usb/nb.db" \
    > "$XDG_CONFIG_HOME/carnet/config"
(unset CARNET_FILE; c check > /dev/null 2> "$T/err"); ok $? \
    "the configuration names the notebook"
like "$T/err" 'config:2:' "a bad configuration line is named by number"
# A FIFO in the configuration's place is not waited on (nothing would
# ever write to it: without the fix, carnet hangs until the timeout).
rm "$XDG_CONFIG_HOME/carnet/config"
mkfifo "$XDG_CONFIG_HOME/carnet/config"
timeout 30 "$CARNET" --passphrase-fd 3 ls > /dev/null 2> "$T/err" \
    3<<< "$PASS"
is $? 0 "a FIFO as the configuration: carnet starts with the defaults"
like "$T/err" 'not a regular file' "and says why"
rm "$XDG_CONFIG_HOME/carnet/config"
finish

#!/usr/bin/env bash
# Import and export: a folder per dossier, a file per note; dates from
# the names or the files' times; bad files listed and skipped; a re-run
# adds nothing; the source is never touched; export then import gives
# the same notebook.
. "$(dirname "$0")/../lib.sh"
src="$T/src"
mkdir -p "$src/Amina Benali" "$src/Jean Dupont" "$src/Vide"
printf 'Premier entretien, éducatrice présente.\n' > "$src/Amina Benali/2024-03-01.txt"
printf 'Visite à domicile.\nDeux lignes.\n' > "$src/Amina Benali/2024-03-01T1030 entretien.txt"
printf 'Sans date dans le nom.\n' > "$src/Jean Dupont/notes diverses.txt"
touch -d '2023-06-15 09:00:00' "$src/Jean Dupont/notes diverses.txt"
printf 'caf\xe9 en latin-1\n' > "$src/Jean Dupont/2024-01-01 latin1.txt"
# Notepad's Windows-1252: é, the curly apostrophe, a dash, the euro sign.
printf 'R\xe9union avec l\x92\xe9ducatrice \x96 aide de 50 \x80.\r\n' \
    > "$src/Jean Dupont/2024-01-04 windows.txt"
# Windows' line ends inside a note, in Windows-1252 and in UTF-8, and an
# old Mac's: none reaches the notebook.
printf 'Logement\r\nhumidit\xe9.\r\nfin\r\n' > "$src/Jean Dupont/2024-01-06 crlf.txt"
printf 'Deux\r\nlignes \xc3\xa0 la Windows\rpuis Mac\r\n' > "$src/Jean Dupont/2024-01-07 crlf8.txt"
# Binary data, not text in any encoding: refused still.
printf 'bin\x01\x02\xff\xfe\n' > "$src/Jean Dupont/2024-01-05 binaire.txt"
: > "$src/Jean Dupont/2024-01-02 vide.txt"
mkdir "$src/Jean Dupont/sous-dossier"
mkfifo "$src/Jean Dupont/2024-01-03 fifo.txt"
printf 'pas un dossier\n' > "$src/note-perdue.txt"
# Links are not followed, to a folder or to a file: a secret elsewhere on
# the disk must not end up in the notebook.
mkdir -p "$T/elsewhere"
printf 'SECRET-KEY-CANARY\n' > "$T/elsewhere/2024-02-02 id_ed25519"
ln -s "$T/elsewhere" "$src/Sophie"
ln -s "$T/elsewhere/2024-02-02 id_ed25519" "$src/Amina Benali/2024-02-02.txt"
snapshot() { (cd "$src" && find . -printf '%p %s %T@ %m\n' | sort; \
    find . -type f -exec cksum {} + | sort); }
snapshot > "$T/before"

init
c import "$src" 2> "$T/err"
is $? 1 "import: exit 1, some files were refused (the others are in)"
like "$T/err" 'Imported 7 notes (3 new dossiers)\.$' \
    "seven notes, three dossiers"
like "$T/err" '^3 notes were in Windows-1252 and were converted' \
    "two files in Windows-1252 (Latin-1 is part of it), converted, and said"
like "$T/err" '7 files were refused' \
    "seven files refused (binary, empty, FIFO, folder, stray, two links)"
tally inputs 7
like "$T/err" 'Sophie: a symbolic link, not followed' "a linked folder, said"
like "$T/err" '2024-02-02.txt: a symbolic link, not followed' \
    "a linked file, said the same way"
c search SECRET-KEY-CANARY > "$T/out" 2> /dev/null
is "$(cat "$T/out")" "" "nothing behind a link was imported"
like "$T/err" 'binaire.txt: .*not valid UTF-8' "a binary file, with the reason"
c show 'Jean Dupont' > "$T/out"
like "$T/out" '^café en latin-1$' "Latin-1 comes in as UTF-8"
like "$T/out" '^Réunion avec l’éducatrice – aide de 50 €.$' \
    "Windows-1252's apostrophe, dash and euro too"
grep -q "$(printf '\r')" "$T/out"; is $? 1 "no carriage return in any note shown"
like "$T/out" '^humidité.$' "a Windows line end is a line end (Windows-1252)"
like "$T/out" '^lignes à la Windows$' "and in UTF-8"
like "$T/out" '^puis Mac$' "an old Mac's too"
like "$T/err" 'vide.txt: .*empty' "an empty file"
like "$T/err" 'note-perdue.txt: not a folder' "a file outside a dossier"
snapshot > "$T/after"
cmp -s "$T/before" "$T/after"; ok $? "the source is untouched"
c show 'Amina Benali' > "$T/out"
like "$T/out" '^2024-03-01 #[0-9]*$' "a date from the name, without an hour it has not"
like "$T/out" '^2024-03-01 10:30 #[0-9]*$' "a date and time from the name"
c show 'Jean Dupont' | grep -q '^2023-06-15 09:00 #1$'
ok $? "no date in the name: the file's time"
c import "$src" 2> "$T/err"
like "$T/err" 'Imported 0 notes; 7 were already there' \
    "a second import adds nothing"
grep -q 'Windows-1252' "$T/err"; is $? 1 "and converts nothing it did not add"
# Names carnet prints are shown, never obeyed: a folder that sets the
# window's title, a file that clears the screen, one that writes to the
# clipboard (OSC 52), one with a C1 control and one with a newline.
hostile="$T/hostile"
mkdir -p "$hostile/$(printf 'Titre\033]2;pwned\007')" "$hostile/Bien"
# Empty files: each is skipped, so its name is printed.
for name in '\033[2J\033[HAll notes imported' '\033]52;c;cm0gLXJmIH4=\007' \
    'c1\302\233 31m' 'a\ncarnet: 0 files were refused'; do
	: > "$hostile/Bien/$(printf "$name")"
done
c import "$hostile" 2> "$T/err"
is $? 1 "an import of hostile names: refused, exit 1"
tally inputs 5
grep -q "$(printf '\033')" "$T/err"; is $? 1 "no escape character reaches stderr"
grep -q "$(printf '\302\233')" "$T/err"; is $? 1 "nor a C1 control"
like "$T/err" 'Titre^\[\]2;pwned^G' "the title sequence is shown as text"
like "$T/err" '5 files were refused' "every hostile name was printed"
is "$(grep -c '^carnet: 0 files were refused' "$T/err")" 0 \
    "a newline in a name cannot fake a line"

# Into a dossier that is already there: what it has is told apart by
# date and text, even among many files of the same second.
more="$T/more"
mkdir -p "$more/Jean Dupont"
for i in $(seq 1 300); do
	printf 'Note %d, copiée avec les autres.\n' "$i" > "$more/Jean Dupont/n$i.txt"
done
printf 'Copiée avec les autres.\n' > "$more/Jean Dupont/double-1.txt"
printf 'Copiée avec les autres.\n' > "$more/Jean Dupont/double-2.txt"
touch -d '2024-05-01 12:00:00' "$more/Jean Dupont/"*
c import "$more" 2> "$T/err"
like "$T/err" 'Imported 301 notes; 1 was already there' \
    "300 files of one second, and one twice: 301 notes"
c import "$more" 2> "$T/err"
like "$T/err" 'Imported 0 notes; 302 were already there' \
    "imported again: nothing more"
printf 'Note 7, corrigée.\n' > "$more/Jean Dupont/n7.txt"
printf 'Note 8, copiée avec les autres.\n' > "$more/Jean Dupont/n8.txt"
touch -d '2024-05-01 12:00:00' "$more/Jean Dupont/n7.txt"
touch -d '2024-05-02 12:00:00' "$more/Jean Dupont/n8.txt"
c import "$more" 2> "$T/err"
like "$T/err" 'Imported 2 notes; 300 were already there' \
    "a changed text, or the same text at another date, is a new note"
is "$(c ls | awk -F'\t' '$2 == "Jean Dupont" {print $3}')" 308 \
    "the dossier holds its five notes and the 303 new ones"

# Names that a folder cannot hold as they are: two that once mapped to
# one folder (export stopped half-way on it), a hidden one, a '%'.
for name in 'Dupont/Martin' 'Dupont-Martin' '.Lucie' 'Sami 100%'; do
	c new "$name" > /dev/null
	printf 'Note de %s.\n' "$name" | c add "$name"
done
mkdir "$T/full"; touch "$T/full/x"
c export "$T/full" 2> "$T/err"; is $? 1 "export refuses a folder that is not empty"
c export "$T/out-dir" 2> "$T/err"; ok $? "export"
like "$T/err" 'NOT encrypted' "with a warning"
is "$(ls "$T/out-dir/Amina Benali" | tr '\n' '|')" \
    "2024-03-01T000000.txt|2024-03-01T103000.txt|" "one file per note, named by date"
CARNET_FILE="$T/again.db" init
CARNET_FILE="$T/again.db" c import "$T/out-dir" 2> /dev/null
is "$(c ls | cut -f2 | sort)" "$(CARNET_FILE="$T/again.db" c ls | cut -f2 | sort)" \
    "importing the export gives the same dossier names"
ok_all=0
for d in 'Amina Benali' 'Jean Dupont' 'Vide' 'Dupont/Martin' \
    'Dupont-Martin' '.Lucie' 'Sami 100%'; do
	[ "$(c show "$d" 2>&1)" = "$(CARNET_FILE="$T/again.db" c show "$d" 2>&1)" ] ||
	    ok_all=1
done
ok $ok_all "importing the export gives the same dossiers and notes"
is "$(stat -c %a "$T/out-dir/Amina Benali/2024-03-01T000000.txt")" 600 \
    "exported files are private"

# Two people of one name: an export gives each a folder with its number,
# and an import gives back both, each with its own notes, whichever
# notebook it goes into; again, it adds nothing.  A dossier without a
# note goes and comes back too.
export CARNET_FILE="$T/twins.db"
init
c new 'Martin Dupont' > /dev/null
c new --another 'Martin Dupont' > /dev/null
c new 'Sans Note' > /dev/null
echo "Le premier Martin : suivi CAF." | c add 1 > /dev/null
echo "Le second Martin : suivi MDPH." | c add 2 > /dev/null
c export "$T/twins" > /dev/null 2> "$T/err"; ok $? "export with two “Martin Dupont”"
ls "$T/twins" | tr '\n' '|' > "$T/folders"
is "$(cat "$T/folders")" "Martin Dupont (1)|Martin Dupont (2)|Sans Note|" \
    "each has its folder, with its number; the one without a note too"
c import "$T/twins" > "$T/out" 2>&1
like "$T/out" 'Imported 0 notes; 2 were already there' \
    "imported back into its notebook: the same two, nothing added"
CARNET_FILE="$T/twins2.db" init
CARNET_FILE="$T/twins2.db" c new 'Quelqu’un' > /dev/null
CARNET_FILE="$T/twins2.db" c import "$T/twins" > "$T/out" 2>&1
like "$T/out" 'Imported 2 notes (3 new dossiers)' \
    "into another notebook: two Martin Dupont and the one without a note"
CARNET_FILE="$T/twins2.db" c ls > "$T/ls"
is "$(grep -c 'Martin Dupont	1	' "$T/ls")" 2 "each Martin with one note"
like "$T/ls" 'Sans Note	0' "the dossier without a note is there"
for n in $(awk -F '\t' '$2 == "Martin Dupont" {print $1}' "$T/ls"); do
	CARNET_FILE="$T/twins2.db" c show "$n"
done > "$T/both"
like "$T/both" 'premier Martin' "the first's note"
like "$T/both" 'second Martin' "and the second's, apart"
CARNET_FILE="$T/twins2.db" c import "$T/twins" > "$T/out" 2>&1
like "$T/out" 'Imported 0 notes; 2 were already there' \
    "imported again there: nothing added"
export CARNET_FILE="$T/nb.db"

# An export that fails half-way (a full disk) takes back what it wrote:
# no half plaintext copy is left for nobody to remember.
if [ "$(id -u)" -eq 0 ] && mkdir "$T/small" &&
    mount -t tmpfs -o size=12k tmpfs "$T/small" 2> /dev/null; then
	cleanup_hook() { umount "$T/small" 2> /dev/null; }
	head -c 20000 /dev/urandom | base64 | c add 'Jean Dupont'
	c export "$T/small/out" 2> "$T/err"
	is $? 1 "an export onto a full disk fails"
	like "$T/err" 'cannot write' "and says why"
	test ! -e "$T/small/out"; ok $? "and leaves nothing behind"
	umount "$T/small"
else
	for i in 1 2 3; do skip "needs root and a tmpfs"; done
fi

# The night the clocks go back (Europe/Paris, 25 October 2026), 02:30
# comes twice: two notes an hour apart have the same local time, and
# their files the same name but for a number; none overwrites the other.
c new 'Heure Double' > /dev/null
echo "À 2h30, heure d'été." | CARNET_NOW=1792888200 c add 'Heure Double'
echo "À 2h30, heure d'hiver." | CARNET_NOW=1792891800 c add 'Heure Double'
TZ=Europe/Paris c export "$T/dst" > /dev/null 2>&1
ok $? "an export in Europe/Paris across the change of hour"
is "$(ls "$T/dst/Heure Double" | grep -c '^2026-10-25T023000')" 2 \
    "two files for the two 02:30, told apart"
cat "$T/dst/Heure Double"/* > "$T/dst.txt"
grep -q "heure d'été" "$T/dst.txt" && grep -q "heure d'hiver" "$T/dst.txt"
ok $? "each holds its own note"
# One note of one dossier: each count with its own plural.
export CARNET_FILE="$T/one.db"
init
c new Seule > /dev/null
echo "Une note." | c add Seule
c export "$T/one-out" 2> "$T/err"
like "$T/err" '^Exported 1 note of 1 dossier to ' "one note of one dossier, said so"
LC_ALL=fr_FR.UTF-8 c export "$T/one-fr" 2> "$T/err"
if locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	like "$T/err" '^1 note exportée de 1 dossier dans ' "and in French"
else
	skip "no fr_FR.UTF-8 locale"
fi
finish

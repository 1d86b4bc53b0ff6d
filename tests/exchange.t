#!/usr/bin/env bash
# Import and export: a folder per dossier, a file per note; dates from
# the names or the files' times; bad files listed and skipped; a re-run
# adds nothing; the source is never touched; export then import gives
# the same notebook.
. "$(dirname "$0")/lib.sh"
plan 17
src="$T/src"
mkdir -p "$src/Amina Benali" "$src/Jean Dupont" "$src/Vide"
printf 'Premier entretien, éducatrice présente.\n' > "$src/Amina Benali/2024-03-01.txt"
printf 'Visite à domicile.\nDeux lignes.\n' > "$src/Amina Benali/2024-03-01T1030 entretien.txt"
printf 'Sans date dans le nom.\n' > "$src/Jean Dupont/notes diverses.txt"
touch -d '2023-06-15 09:00:00' "$src/Jean Dupont/notes diverses.txt"
printf 'caf\xe9 en latin-1\n' > "$src/Jean Dupont/2024-01-01 latin1.txt"
: > "$src/Jean Dupont/2024-01-02 vide.txt"
mkdir "$src/Jean Dupont/sous-dossier"
mkfifo "$src/Jean Dupont/2024-01-03 fifo.txt"
printf 'pas un dossier\n' > "$src/note-perdue.txt"
snapshot() { (cd "$src" && find . -printf '%p %s %T@ %m\n' | sort; \
    find . -type f -exec cksum {} + | sort); }
snapshot > "$T/before"

init
c import "$src" 2> "$T/err"; ok $? "import"
like "$T/err" 'Imported 3 notes (3 new dossiers); 0 were already there' \
    "three notes, three dossiers"
like "$T/err" '5 files were skipped' "five files skipped (Latin-1, empty, FIFO, folder, stray)"
tally inputs 5
like "$T/err" 'latin1.txt: .*not valid UTF-8' "a Latin-1 file, with the reason"
like "$T/err" 'vide.txt: .*empty' "an empty file"
like "$T/err" 'note-perdue.txt: not a folder' "a file outside a dossier"
snapshot > "$T/after"
cmp -s "$T/before" "$T/after"; ok $? "the source is untouched"
c show 'Amina Benali' > "$T/out"
like "$T/out" '^2024-03-01 00:00$' "a date from the name"
like "$T/out" '^2024-03-01 10:30$' "a date and time from the name"
c show 'Jean Dupont' | grep -q '^2023-06-15 09:00$'
ok $? "no date in the name: the file's time"
c import "$src" 2> "$T/err"
like "$T/err" 'Imported 0 notes (0 new dossiers); 3 were already there' \
    "a second import adds nothing"

mkdir "$T/full"; touch "$T/full/x"
c export "$T/full" 2> "$T/err"; is $? 1 "export refuses a folder that is not empty"
c export "$T/out-dir" 2> "$T/err"; ok $? "export"
like "$T/err" 'NOT encrypted' "with a warning"
is "$(ls "$T/out-dir/Amina Benali" | tr '\n' '|')" \
    "2024-03-01T000000.txt|2024-03-01T103000.txt|" "one file per note, named by date"
CARNET_FILE="$T/again.db" init
CARNET_FILE="$T/again.db" c import "$T/out-dir" 2> /dev/null
for d in 'Amina Benali' 'Jean Dupont' 'Vide'; do
	c show "$d"
	CARNET_FILE="$T/again.db" c show "$d"
done > /dev/null 2>&1
ok_all=0
for d in 'Amina Benali' 'Jean Dupont' 'Vide'; do
	[ "$(c show "$d" 2>&1)" = "$(CARNET_FILE="$T/again.db" c show "$d" 2>&1)" ] ||
	    ok_all=1
done
ok $ok_all "importing the export gives the same dossiers and notes"
is "$(stat -c %a "$T/out-dir/Amina Benali/2024-03-01T000000.txt")" 600 \
    "exported files are private"
finish

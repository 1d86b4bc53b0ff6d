#!/usr/bin/env bash
# French under a French locale, English otherwise: messages, usage, dates.
. "$(dirname "$0")/../lib.sh"

init
c new 'Amina Benali' > /dev/null
CARNET_NOW=1700000000 c add 1 <<< "Une note datée."

if ! locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$'; then
	skip_all "no fr_FR.UTF-8 locale here"
fi
fr() { LC_ALL=fr_FR.UTF-8 c "$@"; }
nb=$'\xc2\xa0'	# French puts a no-break space before ':' and inside « »

printf 'mauvaise phrase\n' | LC_ALL=fr_FR.UTF-8 "$CARNET" --passphrase-fd 0 \
    ls 2> "$T/err"
is $? 3 "wrong passphrase, in French too: 3"
like "$T/err" 'mauvaise phrase de passe' "said in French"
fr ls > "$T/out"
is "$(cut -f4 "$T/out")" "14/11/2023" "dates the French way"
c ls > "$T/out"
is "$(cut -f4 "$T/out")" "2023-11-14" "and the international way otherwise"
fr show 1 > "$T/out"
like "$T/out" '^14/11/2023 22 h 13 n°.*1$' "times too, and the note's number"
LC_ALL=fr_FR.UTF-8 "$CARNET" -h > "$T/out"
like "$T/out" "usage${nb}: carnet" "usage in French"
like "$T/out" 'détruire un dossier' "the commands explained in French"
like "$T/out" '^  new     \[--another\] NOM$' "their words in capitals too (NOM)"
like "$T/out" '^  search  RECHERCHE$' "(RECHERCHE)"
like "$T/out" 'FICHIER.pdf' "(FICHIER.pdf)"
like "$T/out" '^  import  \[--dry-run\] RÉPERTOIRE|DOCUMENT$' "(RÉPERTOIRE)"
unlike "$T/out" 'NAME\|QUERY\|DEST$\| DIR$' "no English placeholder left"
fr show Personne 2> "$T/err"
like "$T/err" "pas de dossier nommé «${nb}Personne${nb}»" \
    "French typography: quotes with no-break spaces"

# Run by hand from the build folder, as the README's examples are, with
# nothing in the environment to say where its files are: carnet finds
# the catalogue and the notice's texts beside itself.
built() { env -u CARNET_LOCALEDIR -u CARNET_DATADIR LC_ALL=fr_FR.UTF-8 \
    "$CARNET" --passphrase-fd 3 "$@" 3<<< "$PASS"; }
built show Personne 2> "$T/err"
like "$T/err" "pas de dossier nommé" "without CARNET_LOCALEDIR: French all the same"
built notice -o "$T/notice.pdf" > /dev/null 2>&1
ok $? "without CARNET_DATADIR: the notice's text is found"
pdftotext "$T/notice.pdf" - | grep -q "Ce que j.écris à votre sujet"
ok $? "the French one"
finish

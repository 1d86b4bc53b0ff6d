#!/usr/bin/env bash
# The manual, the translations and the rooms' boundaries stay true.
. "$(dirname "$0")/lib.sh"
top="$(cd "$(dirname "$0")/.." && pwd)"

for page in carnet.1 carnet.5; do
	mandoc -Tlint -W warning "$top/man/$page" > "$T/lint" 2>&1
	is "$(cat "$T/lint")" "" "mandoc -Tlint finds nothing in $page"
done

# usage() says what SYNOPSIS says.
synopsis=$(mandoc -Tascii "$top/man/carnet.1" | col -b |
    sed -n '/^SYNOPSIS/,/^$/p' | sed '1d' | tr '\n\t' '  ' | tr -s ' ' |
    sed 's/^ //; s/ $//')
usage=$("$CARNET" -h | head -1 | sed 's/^usage: //')
is "$(echo "$usage" | tr A-Z a-z)" "$(echo "$synopsis" | tr A-Z a-z)" \
    "usage and SYNOPSIS agree"
missing=
for cmd in $("$CARNET" -h | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
	grep -q "^\.It Cm $cmd" "$top/man/carnet.1" || missing="$missing $cmd"
done
is "$missing" "" "every command has its entry in carnet(1)"
for status in 0 1 2 3 4 5; do
	sed -n '/^\.Sh EXIT STATUS/,/^\.Sh/p' "$top/man/carnet.1" |
	    grep -q "^\.It $status\$" || missing="$missing $status"
done
is "$missing" "" "every exit status is in carnet(1)"

# The French catalogue is complete and covers every message of the code.
msgfmt --statistics -o /dev/null "$top/po/fr.po" > "$T/stats" 2>&1
like "$T/stats" '^[0-9]* translated messages\.$' \
    "fr.po: no message untranslated or fuzzy"
xgettext -k_ -kN_ -kngettext:1,2 --from-code=UTF-8 -o "$T/carnet.pot" \
    "$top"/src/*.c
msgcmp "$top/po/fr.po" "$T/carnet.pot" > "$T/cmp" 2>&1
ok $? "fr.po has every message of the sources"
[ -s "$T/cmp" ] && head -5 "$T/cmp" | sed 's/^/#   /'

# Only store.c speaks SQL (notebook.c only keys, copies and checks the
# file); only ui*.c include curses.
cd "$top/src"
sql='"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|ATTACH|PRAGMA|BEGIN)\b'
is "$(grep -lE "$sql" *.c | grep -vx 'store.c\|notebook.c' | tr '\n' ' ')" \
    "" "SQL only in store.c and notebook.c"
grep -E "$sql|\"[^\"]*\b(dossier|note|draft)\b[^\"]*(FROM|WHERE)" notebook.c |
    grep -E '\b(dossier|note|draft|note_fts)\b' > "$T/nbsql"
is "$(cat "$T/nbsql")" "" "notebook.c never touches the content tables"
is "$(grep -l 'curses\.h' *.c | grep -v '^ui' | tr '\n' ' ')" "" \
    "curses only in ui*.c"
is "$(grep -lE 'argon2\.h|openssl/' *.c | tr '\n' ' ')" "notebook.c " \
    "key material only in notebook.c"
finish

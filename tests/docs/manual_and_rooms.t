#!/usr/bin/env bash
# The manual, the translations and the rooms' boundaries stay true.
. "$(dirname "$0")/../lib.sh"
top="$(cd "$(dirname "$0")/../.." && pwd)"

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
xgettext -k_ -kN_ -kC_:1c,2 -kngettext:1,2 --from-code=UTF-8 -o "$T/carnet.pot" \
    "$top"/src/*.c "$top"/include/screen.h
msgcmp "$top/po/fr.po" "$T/carnet.pot" > "$T/cmp" 2>&1
ok $? "fr.po has every message of the sources"
[ -s "$T/cmp" ] && head -5 "$T/cmp" | sed 's/^/#   /'

# Every key of every screen is in carnet(1), on an .It line under the
# screen's name, and in the help, which is made from the same tables.
perl "$top/tests/keyrows.pl" "$top/src" "$top/include/screen.h" > "$T/rows"
man_word() {
	case "$1" in
	↑) echo Up ;; ↓) echo Down ;; ←) echo Left ;; →) echo Right ;;
	^←) echo ^Left ;; ^→) echo ^Right ;; "a paste") echo paste ;;
	*) echo "$1" ;;
	esac
}
missing=
while IFS="$(printf '\t')" read -r section label; do
	sed -n "/^\.Ss $section\$/,/^\.S[sh] /p" "$top/man/carnet.1" |
	    grep '^\.It ' > "$T/its"
	grep -qwF -- "$(man_word "$label")" "$T/its" ||
	    missing="$missing [$section: $label]"
done < "$T/rows"
is "$missing" "" "every key of every screen is in carnet(1)"
[ "$(wc -l < "$T/rows")" -gt 100 ]
ok $? "(the key rows were read from the sources: $(wc -l < "$T/rows"))"

if command -v tmux > /dev/null; then
	PASS="docs-phrase-3Kx"
	init
	TM_WIDTH=120 TM_HEIGHT=200 tm_start "env HOME='$HOME' \
	    CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 '$CARNET' --lock-after 0"
	tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
	tm_wait 'Dossiers \(0\)' > /dev/null && tm_keys C-g
	tm_wait 'Help: every key' > /dev/null
	tm_screen > "$T/help"
	tm_stop
	# The help's lines: a section's name at column 1, then its keys'
	# labels in columns 3 to 18.
	perl -CSD -e '
		open(my $h, "<:utf8", $ARGV[0]) or die;
		my ($section, %shown);
		while (<$h>) {
			chomp;
			$section = $1, next if /^ (\S.*)$/;
			next unless defined $section && length > 3;
			my $labels = substr($_, 3, 16);
			$labels =~ s/\s+$//;
			$shown{$section}{$labels} = 1;
		}
		open(my $r, "<:utf8", $ARGV[1]) or die;
		while (<$r>) {
			chomp;
			my ($s, $l) = split /\t/;
			print "[$s: $l]" unless grep { " $_ " =~ /\Q $l \E/ }
			    keys %{$shown{$s}};
		}' "$T/help" "$T/rows" > "$T/unshown"
	is "$(cat "$T/unshown")" "" "every key of every screen is in the help"
else
	skip "no tmux: the help is not read"
fi

# Only the store's rooms (store.c, store_*.c) speak SQL (notebook.c only
# keys, copies and checks the file); only ui*.c include curses.
cd "$top/src"
sql='"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|ATTACH|PRAGMA|BEGIN)\b'
is "$(grep -lE "$sql" *.c | grep -vx 'store.c\|store_[a-z]*\.c\|notebook.c' | tr '\n' ' ')" \
    "" "SQL only in the store's rooms (store*.c) and notebook.c"
grep -E "$sql|\"[^\"]*\b(dossier|note|draft)\b[^\"]*(FROM|WHERE)" notebook.c |
    grep -E '\b(dossier|note|draft|note_fts)\b' > "$T/nbsql"
is "$(cat "$T/nbsql")" "" "notebook.c never touches the content tables"
is "$(grep -l 'curses\.h' *.c | grep -v '^ui' | tr '\n' ' ')" "" \
    "curses only in ui*.c"
is "$(grep -lE 'argon2\.h|openssl/' *.c | tr '\n' ' ')" "notebook.c " \
    "key material only in notebook.c"
finish

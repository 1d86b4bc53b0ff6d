#!/usr/bin/env bash
# The manual, in English and in French, the translations and the rooms'
# boundaries stay true.
. "$(dirname "$0")/../lib.sh"
top="$(cd "$(dirname "$0")/../.." && pwd)"
french=0
locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$' && french=1

for page in carnet.1 carnet.5 fr/carnet.1 fr/carnet.5; do
	mandoc -Tlint -W warning "$top/man/$page" > "$T/lint" 2>&1
	is "$(cat "$T/lint")" "" "mandoc -Tlint finds nothing in $page"
	# groff too, as lintian runs it on the .deb's pages: groff 1.23
	# (Debian 13) warns where mandoc and groff 1.22 are silent (a
	# heading its mdoc cannot lower-case).
	if command -v man > /dev/null; then
		(cd "$top/man" && LC_ALL=C.UTF-8 MANROFFSEQ= MANWIDTH=120 \
		    man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 > /dev/null |
		    grep -v '^Reformatting') > "$T/groff"
		is "$(cat "$T/groff")" "" "groff warns of nothing in $page"
	else
		skip "man-db is not installed"
	fi
	# Two quoting macros on one line nest ("Ql 14h , Ql 14h30" gives
	# "(‘14h, ‘14h30’’"): no quote is ever closed twice.
	mandoc -Tutf8 "$top/man/$page" | col -b > "$T/text"
	unlike "$T/text" '’’\|””\|’”\|”’' "no quote nested in another in $page"
done

# Each page against the program, in its language: usage() says what
# SYNOPSIS says, every command has its entry, every exit status is there.
# check_page PAGE LOCALE EXIT_SECTION
check_page() {
	synopsis=$(mandoc -Tascii "$top/man/$1" | col -b |
	    sed -n '/^SYNOPSIS/,/^$/p' | sed '1d' | tr '\n\t' '  ' | tr -s ' ' |
	    sed 's/^ //; s/ $//')
	usage=$(LC_ALL=$2 "$CARNET" -h | head -1 | sed 's/^usage[^:]*: //')
	is "$(echo "$usage" | tr A-Z a-z)" "$(echo "$synopsis" | tr A-Z a-z)" \
	    "$1: usage and SYNOPSIS agree"
	missing=
	for cmd in $("$CARNET" -h | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
		grep -q "^\.It Cm $cmd" "$top/man/$1" || missing="$missing $cmd"
	done
	is "$missing" "" "$1: every command has its entry"
	for status in 0 1 2 3 4 5; do
		sed -n "/^\.Sh $3/,/^\.Sh/p" "$top/man/$1" |
		    grep -q "^\.It $status\$" || missing="$missing $status"
	done
	is "$missing" "" "$1: every exit status is there"
}
check_page carnet.1 C.UTF-8 'EXIT STATUS'
if [ $french = 1 ]; then
	export CARNET_LOCALEDIR="${CARNET_LOCALEDIR:-$top/locale}"
	check_page fr/carnet.1 fr_FR.UTF-8 'CODE DE RETOUR'
else
	for i in 1 2 3; do skip "no fr_FR.UTF-8 locale"; done
fi

# The two languages name the same commands, options, variables, settings
# and tables: a point added to one page and not the other is found.
# names PAGE: each "Cm x", "Fl x", "Ev x", "Sy x" of PAGE, once; not the
# tables' column heads (lines with Ta), which are words of the language.
names() {
	grep -v ' Ta ' "$top/man/$1" | grep -o '\(Cm\|Fl\|Ev\|Sy\) [^ ]*' |
	    grep -v ' \(Ns\|Pq\|No\|Ta\)$' | sed 's/[,.;:]$//' | sort -u
}
for page in carnet.1 carnet.5; do
	names "$page" > "$T/en"
	names "fr/$page" > "$T/fr"
	diff "$T/en" "$T/fr" > "$T/diff"
	is "$(grep '^[<>]' "$T/diff" | tr '\n' ' ')" "" \
	    "$page and fr/$page name the same commands, options, variables and settings ($(wc -l < "$T/en"))"
done

# Installed, man shows the French page under a French locale and the
# English one otherwise (when the tree is built: make install runs no
# compiler here).
if ! command -v man > /dev/null; then
	skip "no man (man-db)"; skip "no man (man-db)"
elif ! make -s -C "$top" -q all 2> /dev/null; then
	skip "the tree is not built"; skip "the tree is not built"
else
	make -s -C "$top" DESTDIR="$T/dest" PREFIX=/usr install > /dev/null 2>&1
	export MANPATH="$T/dest/usr/share/man"
	if [ $french = 1 ]; then
		LC_ALL=fr_FR.UTF-8 LANG=fr_FR.UTF-8 MANWIDTH=80 man -P cat carnet \
		    2> /dev/null > "$T/man-fr"
		like "$T/man-fr" 'un carnet de notes chiffré' \
		    "installed, man carnet is in French under LANG=fr_FR.UTF-8"
	else
		skip "no fr_FR.UTF-8 locale"
	fi
	LC_ALL=C.UTF-8 LANG=C.UTF-8 MANWIDTH=80 man -P cat carnet 2> /dev/null > "$T/man-en"
	like "$T/man-en" 'an encrypted case notebook' "and in English otherwise"
	unset MANPATH
fi

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
# screen's name, and in the help, which is made from the same tables; in
# French, under the screen's French name, with the key's French name.
perl "$top/tests/keyrows.pl" "$top/src" "$top/include/screen.h" > "$T/rows"
man_word() {
	case "$1" in
	↑) echo Up ;; ↓) echo Down ;; ←) echo Left ;; →) echo Right ;;
	^←) echo ^Left ;; ^→) echo ^Right ;; "a paste") echo paste ;;
	*) echo "$1" ;;
	esac
}
fr() { LC_ALL=fr_FR.UTF-8 LANGUAGE=fr TEXTDOMAINDIR="$CARNET_LOCALEDIR" gettext -d carnet -- "$1"; }
man_word_fr() {
	case "$1" in
	↑) echo Haut ;; ↓) echo Bas ;; ←) echo Gauche ;; →) echo Droite ;;
	^←) echo ^Gauche ;; ^→) echo ^Droite ;; "a paste") echo collage ;;
	*) fr "$1" ;;
	esac
}
# keys_missing PAGE SECTION_OF LABEL_OF: the rows not found.
keys_missing() {
	missing=
	while IFS="$(printf '\t')" read -r section label; do
		sed -n "/^\.Ss $($2 "$section")\$/,/^\.S[sh] /p" "$top/man/$1" |
		    grep '^\.It ' > "$T/its"
		grep -qwF -- "$($3 "$label")" "$T/its" ||
		    missing="$missing [$section: $label]"
	done < "$T/rows"
	echo "$missing"
}
same() { echo "$1"; }
is "$(keys_missing carnet.1 same man_word)" "" \
    "every key of every screen is in carnet(1)"
if [ $french = 1 ] && command -v gettext > /dev/null; then
	is "$(keys_missing fr/carnet.1 fr man_word_fr)" "" \
	    "every key of every screen is in the French carnet(1), by its French name"
else
	skip "no fr_FR.UTF-8 locale or no gettext"
fi
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

#!/usr/bin/env bash
# What is destroyed leaves no trace in the file: every page of the
# notebook (and of its -wal, if any) is decrypted here with the key, by
# openssl, and searched.  The same search finds the words before they are
# destroyed, so it can see them.  Then hostile text: escape sequences
# never reach the terminal raw, and very long notes stay usable.
. "$(dirname "$0")/../lib.sh"
if ! command -v openssl > /dev/null || ! command -v argon2 > /dev/null; then
	skip_all "needs openssl and argon2"
fi

# Decrypt every page of FILE with the notebook's key into one file.
plain_pages() {
	local file=$1 out=$2 salt key size pages p off iv
	salt=$(notebook_salt)
	key=$(raw_key)
	: > "$out"
	[ -s "$file" ] || return 0
	size=$(stat -c %s "$file")
	# A -wal is a 32-byte header, then frames of a 24-byte header and a
	# page; the notebook is pages from 0, the first after its salt.
	case $file in
	*-wal) off=32; step=1048; skip_head=24 ;;
	*) off=0; step=1024; skip_head=0 ;;
	esac
	pages=$(( (size - off) / step ))
	for p in $(seq 0 $((pages - 1))); do
		start=$((off + p * step + skip_head))
		first=0
		[ "$file" = "$CARNET_FILE" ] && [ "$p" -eq 0 ] && first=16
		iv=$(dd if="$file" bs=1 skip=$((start + 1024 - 48)) count=16 \
		    2> /dev/null | od -An -tx1 | tr -d ' \n')
		dd if="$file" bs=1 skip=$((start + first)) \
		    count=$((1024 - 48 - first)) 2> /dev/null |
		    openssl enc -d -aes-256-cbc -nopad -K "$key" -iv "$iv" \
		    >> "$out" 2> /dev/null
	done
}

init
c new 'Dossier à garder' > /dev/null
c new 'Dossier CANARIDOSSIER' > /dev/null
echo "Le mot CANARINOTE est écrit ici, et MOTINDEXE aussi." | c add 2
echo "Une note imprimée puis purgée : CANARIPURGE." | c add 1
# On paper the way printing does it, with a print command that takes
# anything: cat.
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'print_command = cat\n' > "$XDG_CONFIG_HOME/carnet/config"
c print 1 > /dev/null 2>&1
echo "Une note à garder, témoin." | c add 1
plain_pages "$CARNET_FILE" "$T/before"
grep -q 'CANARINOTE' "$T/before"; ok $? "decrypted, the pages show the note (the search can see)"
grep -q 'témoin' "$T/before"; ok $? "and the note that stays"
c purge -y 1 2> /dev/null
c rm -y 2 2> /dev/null
plain_pages "$CARNET_FILE" "$T/after"
plain_pages "$CARNET_FILE-wal" "$T/after-wal"
grep -q 'témoin' "$T/after"; ok $? "after rm and purge, the kept note is still readable"
grep -aqi 'canarinote\|canaridossier\|motindexe' "$T/after" "$T/after-wal"
is $? 1 "a destroyed dossier leaves no word of it in any page"
grep -aqi 'canaripurge' "$T/after" "$T/after-wal"
is $? 1 "a purged note leaves no word of it either"
tally leaks "$(grep -aoi 'canarinote\|canaridossier\|motindexe\|canaripurge' \
    "$T/after" "$T/after-wal" | grep -c .)"
rm -f "$XDG_CONFIG_HOME/carnet/config"

# Escape sequences in a note are shown, not obeyed.
printf 'Avant\033[2J\033]0;pirate\007 après \033[31mrouge\n' | c add 1
tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8" \
    "'$CARNET' --passphrase-fd 3 show 1 3< <(echo '$PASS')"
tm_wait 'après'
tm_screen | grep -q 'Avant^\[\[2J^\[\]0;pirate^G après ^\[\[31mrouge'
ok $? "show on a terminal prints escapes as ^[ and ^G"
tm_screen | grep -q 'Une note à garder'; ok $? "and the screen was not cleared"
tm_stop
c show 1 | grep -q "$(printf 'Avant\033\\[2J')"; ok $? "piped, the text is as stored"
tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Dossiers' && tm_keys Enter
tm_wait 'Avant' && tm_keys Enter
r=$(printf '\357\277\275')	# U+FFFD
tm_wait "Avant$r\\[2J$r\\]0;pirate$r après $r\\[31mrouge"
ok $? "the screens show each control as a replacement character"
tally inputs 1

# Very long notes: 100,000 lines, and one line of 10 MiB.
seq 1 100000 | sed 's/^/ligne /' | c add 1; ok $? "a note of 100,000 lines"
head -c 10485760 /dev/zero | tr '\0' 'a' | c add 1; ok $? "a note of one 10 MiB line"
tally inputs 2
sleep 0.5
tm_keys Escape
tm_wait 'Dossier à garder \(' && tm_keys Escape
tm_wait 'Dossiers \(' && tm_keys Enter
tm_wait 'aaaa' && tm_keys Enter
tm_wait 'aaaa' && tm_keys End
TM_TRIES=100 tm_wait '100%'; ok $? "the 10 MiB line opens and scrolls to its end"
tm_stop
finish

#!/usr/bin/env bash
# A notebook crosses SQLCipher generations unchanged: written by one
# carnet (plain, after passwd, a backup, with a draft, after a purge),
# it is opened, changed and checked by the other, and the other way
# round.  CARNET is this build; CARNET_OTHER a program that runs the
# other one (.ci/run: the Debian 13 build, through chroot), which must see
# this test's folder at the same path (TMPDIR shared with it).
. "$(dirname "$0")/../lib.sh"
: "${CARNET_OTHER:?set CARNET_OTHER to a program running the other carnet}"
printf 'print_command = dd of=/dev/null status=none\n' > "$T/config"
mkdir -p "$XDG_CONFIG_HOME/carnet"
cp "$T/config" "$XDG_CONFIG_HOME/carnet/config"
lib_this=$("$CARNET" -V | sed -n 2p)
lib_other=$("$CARNET_OTHER" -V | sed -n 2p)
echo "# this carnet:  $lib_this"
echo "# other carnet: $lib_other"
[ "$lib_this" != "$lib_other" ]
ok $? "the two carnets run on different libraries"

# bin WHO: the carnet named WHO (this, other).
bin() { if [ "$1" = other ]; then echo "$CARNET_OTHER"; else echo "$CARNET"; fi; }
# as WHO ARGS: that carnet, passphrase $PASS on descriptor 3.
as() {
	local b
	b=$(bin "$1")
	shift
	"$b" --passphrase-fd 3 "$@" 3<<-END
	$PASS
	END
}
# screens WHO: that carnet's screens in tmux, unlocked.
screens() {
	tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' \
	    XDG_CONFIG_HOME='$XDG_CONFIG_HOME' LC_ALL=C.UTF-8 TZ=UTC '$(bin "$1")'"
	tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
}

for way in "this other" "other this"; do
	set -- $way
	w=$1 r=$2
	export CARNET_FILE="$T/$w.db"
	PASS="correct horse battery"
	printf '%s\n' "$PASS" | "$(bin "$w")" --passphrase-fd 0 init \
	    --kdf-memory 8 --kdf-passes 1 2> /dev/null
	ok $? "$w: init"
	as "$w" new 'Amina Benali' > /dev/null
	printf 'Écrit par %s, éducatrice.\n' "$w" | as "$w" add 1

	# Plain.
	as "$r" show 1 > "$T/out" 2>&1
	like "$T/out" "Écrit par $w" "$r opens $w's notebook and reads the note"
	printf 'Ajouté par %s.\n' "$r" | as "$r" add 1
	ok $? "$r adds a note to it"
	as "$r" search educatrice > "$T/out" 2>&1
	like "$T/out" 'Amina Benali' "$r searches it without accents"
	as "$w" show 1 > "$T/out" 2>&1
	like "$T/out" "Ajouté par $r" "$w reads $r's note back"
	as "$w" check > /dev/null 2>&1; ok $? "$w: check passes"
	as "$r" check > /dev/null 2>&1; ok $? "$r: check passes"

	# A passphrase changed by the writer.
	printf '%s\n%s\n' "$PASS" "une autre phrase" |
	    "$(bin "$w")" --passphrase-fd 0 passwd > /dev/null 2>&1
	ok $? "$w: passwd"
	as "$r" ls > /dev/null 2>&1
	is $? 3 "$r: the old passphrase is wrong"
	PASS="une autre phrase"
	as "$r" show 1 > "$T/out" 2>&1
	like "$T/out" "Ajouté par $r" "$r opens it with the new one"

	# A backup by the writer.
	as "$w" backup "$T/$w-copy.db" > /dev/null 2>&1
	ok $? "$w: backup"
	CARNET_FILE="$T/$w-copy.db" as "$r" check > /dev/null 2>&1
	ok $? "$r checks $w's backup"
	printf 'Après la copie.\n' | CARNET_FILE="$T/$w-copy.db" as "$r" add 1
	ok $? "and writes in it"

	# A draft left by the writer's screens, killed.
	screens "$w"
	tm_wait 'Amina' > /dev/null && tm_keys Enter
	tm_wait 'p Print' > /dev/null && tm_keys n
	tm_wait 'new note' > /dev/null && tm_keys "Brouillon de $w"
	tm_wait "Brouillon de $w" > /dev/null && tm_keys C-l
	tm_wait 'locked' > /dev/null
	kill -9 "$(tm_pid)"
	tm_stop
	screens "$r"
	tm_wait 'A draft for' > /dev/null
	ok $? "$r offers $w's draft"
	tm_keys y
	tm_wait "Brouillon de $w" > /dev/null
	ok $? "$r resumes it"
	tm_keys End " repris" C-s
	tm_wait 'saved' > /dev/null
	ok $? "$r saves it as a note"
	tm_keys C-q
	tm_wait '\[exit 0\]' > /dev/null
	tm_stop
	as "$w" show 1 > "$T/out" 2>&1
	like "$T/out" "Brouillon de $w repris" "$w reads that note"

	# Printed by the writer, purged by the reader.
	as "$w" print 1 > /dev/null 2>&1
	ok $? "$w prints the dossier"
	as "$r" purge -y 1 > /dev/null 2>&1
	ok $? "$r destroys what is on paper"
	as "$w" ls > "$T/out" 2>&1
	like "$T/out" "Amina Benali$(printf '\t')0$(printf '\t')" \
	    "$w sees the dossier emptied"
	as "$w" check > /dev/null 2>&1; ok $? "$w: check passes after it"
done
finish

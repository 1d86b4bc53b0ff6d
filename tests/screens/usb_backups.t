#!/usr/bin/env bash
# Backups she will actually make, in French at 80x24: ^B in the list
# finds the USB keys mounted for her (here under the configuration's
# "drives", a tmpfs standing for a key), writes the copy named with the
# day, checks it and says where it went; a folder left behind by a key
# unplugged is no key; the list shows the last backup and, after
# backup_days without one, reminds her.
. "$(dirname "$0")/../lib.sh"
need_french_screens
[ "$(id -u)" -eq 0 ] && command -v mount > /dev/null ||
    skip_all "mounting a stand-in USB key needs root"
PASS="copie-phrase-5Tz"
mkdir -p "$T/carnet" "$T/media" "$XDG_CONFIG_HOME/carnet"
export CARNET_FILE="$T/carnet/nb.db"
init
c new 'Amina Benali' > /dev/null
echo "Une note." | c add 1
printf 'drives = %s\n' "$T/media" > "$XDG_CONFIG_HOME/carnet/config"
mounted=""
cleanup_hook() { for m in $mounted; do umount "$m" 2> /dev/null; done; }
plug() {
	mkdir -p "$T/media/$1"
	mount -t tmpfs -o size=16m tmpfs "$T/media/$1" || return 1
	mounted="$mounted $T/media/$1"
}
unplug() { umount "$T/media/$1"; }
now=1764680000		# Tuesday 2 December 2025
start() {
	tm_start "$(french_screens CARNET_NOW=$1)"
	tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
	tm_wait 'Amina' > /dev/null
}

start $now
tm_screen | head -1 | sed 's/\xc2\xa0/ /g' | grep -q 'Jamais sauvegardé : \^B'
ok $? "the list says no backup was ever made, and the key"
tm_screen | tail -2 | grep -q '\^B Sauvegarder'; ok $? "^B is in the bar at 80 columns"
mkdir -p "$T/media/VIEILLE"
tm_keys C-b
tm_wait 'Aucune clé USB'; ok $? "no key plugged in: said"
joined | grep -qF "(elles apparaissent dans $T/media)"
ok $? "with where keys appear; a folder left behind is no key"
plug CLE || { tm_stop; skip_all "tmpfs cannot be mounted here"; }
tm_keys C-b
tm_wait 'Sauvegarder le carnet sur' > /dev/null
joined | grep -qF "Sauvegarder le carnet sur « CLE » ($T/media/CLE) ? (o : oui, n ou Échap : non)"
ok $? "one key: named, asked, the question whole"
tm_keys o
tm_wait 'vérifiée'; ok $? "o writes the copy and checks it"
joined | grep -qF "Copie chiffrée écrite et vérifiée : $T/media/CLE/carnet-2025-12-02.db."
ok $? "and says where it went, named with the day"
CARNET_FILE="$T/media/CLE/carnet-2025-12-02.db" c ls > "$T/ls"
like "$T/ls" 'Amina Benali' "the copy opens with the passphrase"
is "$(stat -c %a "$T/media/CLE/carnet-2025-12-02.db")" 600 "readable by her only"
tm_screen | head -1 | grep -q 'Sauvegardé le 02/12/2025'
ok $? "the list shows when the last backup was made"
plug DISQUE
tm_keys C-b
tm_wait 'quel lecteur' > /dev/null
joined | grep -qF '1 : CLE, 2 : DISQUE (son numéro, Échap : aucun)'
ok $? "two drives: both offered, by number"
tm_keys 1 Enter
tm_wait 'vérifiée' > /dev/null
[ -s "$T/media/CLE/carnet-2025-12-02-2.db" ]
ok $? "a second copy the same day gets a name of its own"
tm_stop
c check > "$T/check"
like "$T/check" "^last backup: 2025-12-02 [0-9:]*, to $T/media/CLE/carnet-2025-12-02-2.db" \
    "check says when and where the last backup went"
like "$T/check" "^drives: $T/media " "and where the screens look for a key"

# Eight days later, the list reminds her; backup_days = 0 never does.
start $((now + 8 * 86400))
tm_screen | head -1 | sed 's/\xc2\xa0/ /g' | grep -q 'Pas de sauvegarde depuis 8 jours : \^B'
ok $? "after 8 days, the list reminds her"
tm_stop
printf 'drives = %s\nbackup_days = 0\n' "$T/media" > "$XDG_CONFIG_HOME/carnet/config"
start $((now + 8 * 86400))
tm_screen | head -1 | grep -q 'Sauvegardé le 02/12/2025'; ok $? "backup_days = 0: no reminder"
unplug DISQUE; unplug CLE
tm_keys C-b
tm_wait 'Aucune clé USB'; ok $? "keys unplugged: none offered"
tm_stop
finish

#!/usr/bin/env bash
# A lost computer, in French at 80x24: a notebook's life (notes, dates,
# namesakes, a note moved, one destroyed, paper marks, a purge, a draft)
# backed up with ^B onto a USB key (a tmpfs under the configuration's
# "drives"), then a fresh home whose first page offers ^R: the copy is
# found on the key, its passphrase asked, what it holds said, and it
# comes back.  Everything came: the stock sqlcipher's dump of the copy
# and of the notebook taken back are the same (the reminder's record of
# the backup aside), and so are the exports.
. "$(dirname "$0")/../lib.sh"
need_french_screens
[ "$(id -u)" -eq 0 ] && command -v mount > /dev/null ||
    skip_all "mounting a stand-in USB key needs root"
PASS="reprise-phrase-7Qd"
mkdir -p "$T/carnet" "$T/media/CLE" "$XDG_CONFIG_HOME/carnet"
export CARNET_FILE="$T/carnet/nb.db"
mount -t tmpfs -o size=16m tmpfs "$T/media/CLE" ||
    skip_all "tmpfs cannot be mounted here"
cleanup_hook() { umount "$T/media/CLE" 2> /dev/null; }
printf 'drives = %s\n' "$T/media" > "$XDG_CONFIG_HOME/carnet/config"

# --- A notebook's life -------------------------------------------------
init
c new 'Amina Benali' > /dev/null
c new 'Martin Dupont' > /dev/null
c new --another 'Martin Dupont' > /dev/null
printf 'Premier entretien.\n' | c add 1 --date '12/03/2024 14h30'
printf 'Visite à domicile.\n' | c add 1 --date '2/04/2024'
printf 'Appel.\n' | c add 2
printf 'Homonyme.\n' | c add 3
printf 'Mal rangée.\n' | c add 2
c mv 2 2 3 > /dev/null 2>&1
printf 'Détruite.\n' | c add 1
c rm -y 1 3 > /dev/null 2>&1
# Paper: a PDF said printed (a terminal answers), then purged.
tm_start "$(french_screens) print 2 -o '$T/p.pdf'"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'imprimé' > /dev/null && tm_keys o Enter
tm_wait '\[exit 0\]' > /dev/null
tm_stop
c ls > "$T/ls"
is "$(awk -F'\t' '$2 == "Martin Dupont" && $1 == 2 {print $3}' "$T/ls")" 1 \
    "(a note of dossier 2 is left after the move)"
c purge -y 2 > /dev/null 2>&1
destroyed=$(stock_sql "$(raw_key)$(notebook_salt)" \
    "SELECT destroyed FROM dossier WHERE id = 2;")
is "$destroyed" 1 "(the note said printed was purged, and the dossier counts it)"
# A draft: written in the editor, kept when the window goes.
tm_start "$(french_screens)"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(3\)' > /dev/null && tm_keys Enter
tm_wait 'Nouvelle note' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null && tm_keys "Brouillon en cours"
drafts_kept 1
tm_stop
# ^B onto the key (the draft offered at the unlock left for later).
tm_start "$(french_screens)"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Un brouillon' > /dev/null && tm_keys Escape
tm_wait 'Dossiers \(3\)' > /dev/null && tm_keys C-b
tm_wait 'Sauvegarder le carnet sur' > /dev/null && tm_keys o
tm_wait 'vérifiée'; ok $? "^B: a copy on the key"
tm_stop
copy=$(ls "$T/media/CLE"/carnet-*.db | head -1)
[ -f "$copy" ]; ok $? "the copy is on the key"
c export "$T/before" > /dev/null 2>&1

# --- A new computer ------------------------------------------------------
export HOME="$T/home2" CARNET_FILE="$T/home2/.local/share/carnet/carnet.db"
export XDG_DATA_HOME="$HOME/.local/share"
mkdir -p "$HOME"
tm_start "$(french_screens)"
tm_wait 'Bienvenue' > /dev/null
joined | grep -q '\^R reprend votre carnet depuis sa sauvegarde'
ok $? "the first page offers ^R for a new computer"
tm_screen | tail -2 | grep -q '\^R Restaurer'; ok $? "^R is in the bar"
tm_keys C-r
tm_wait 'Sauvegardes trouvées' > /dev/null
joined | grep -qF "1 CLE $(basename "$copy")"
ok $? "the copy on the key is listed, by number"
tm_keys 1 Enter
tm_wait 'Sa phrase de passe' > /dev/null
tm_keys 'pas la bonne' Enter
tm_wait 'Phrase de passe incorrecte'; ok $? "a wrong passphrase is said"
tm_keys "$PASS" Enter
tm_wait 'Reprendre ce carnet' > /dev/null
joined | grep -qE 'Il contient 3 dossiers et [0-9]+ notes'
ok $? "what the copy holds is said first"
joined | grep -qF "$CARNET_FILE"; ok $? "and where it goes"
tm_keys o
tm_wait 'Dossiers \(3\)'; ok $? "o: the notebook is back, open"
# The draft came back with the rest: it is offered at once (over the
# message that says the notebook was read back whole).
tm_wait 'Un brouillon pour' > /dev/null
joined | grep -q 'Un brouillon pour « Martin Dupont (n° 3) » a été gardé'
r=$?; ok $r "the draft came back, and is offered"
[ $r -eq 0 ] || tm_screen | sed 's/^/#  /'
tm_keys Escape
tm_screen | head -1 | grep -q 'Jamais sauvegardé'
is $? 1 "the copy counts as a backup for the reminder"
tm_stop

c export "$T/after" > /dev/null 2>&1
diff -r "$T/before" "$T/after" > "$T/diff"; ok $? "the exports are identical"
dump() {	# dump FILE: every table but the backups' record
	CARNET_FILE="$1" stock_sql "$(CARNET_FILE="$1" raw_key)$(CARNET_FILE="$1" notebook_salt)" \
	    ".dump" | grep -v '^INSERT INTO "\{0,1\}backup"\{0,1\} '
}
dump "$copy" > "$T/dump.copy"
dump "$CARNET_FILE" > "$T/dump.back"
grep -q 'Brouillon en cours' "$T/dump.copy"; ok $? "(the copy holds the draft)"
grep -qi 'INSERT INTO "\{0,1\}note"\{0,1\} ' "$T/dump.copy"; ok $? "(and notes)"
cmp -s "$T/dump.copy" "$T/dump.back"
ok $? "every table came back as it was: notes, marks, purge records, drafts"
c check > "$T/check" 2>&1
like "$T/check" "^last backup: .*, to $copy" "check knows the copy it came from"
finish

#!/usr/bin/env bash
# A full disk during a screen session: saving says so, the text stays on
# the screen and in memory, the notebook stays sound, and once there is
# room again the same text saves.
. "$(dirname "$0")/../lib.sh"
if [ "$(id -u)" -ne 0 ] || ! command -v tmux > /dev/null ||
    ! mkdir "$T/full" || ! mount -t tmpfs -o size=320k tmpfs "$T/full" \
    2> /dev/null; then
	skip_all "needs root, tmux and a tmpfs"
fi
cleanup_hook() {
	tm_stop
	for i in $(seq 1 20); do
		umount "$T/full" 2> /dev/null && break
		sleep 0.2
	done
}
export CARNET_FILE="$T/full/nb.db"
init
c new 'Amina Benali' > /dev/null
echo "La note d'avant." | c add 1
tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(1\)' && tm_keys Enter
tm_wait 'Amina Benali \(' && tm_keys n
tm_wait 'new note' && tm_keys 'Texte écrit quand le disque se remplit.'
# Fill what is left of the disk.
dd if=/dev/zero of="$T/full/filler" bs=1k 2> /dev/null
tm_keys C-s
tm_wait 'Not saved: the disk is full'; ok $? "saving on a full disk says so"
tm_screen | grep -q 'Texte écrit quand le disque se remplit.'
ok $? "and the text is still on the screen"
tm_screen | grep -q 'modified'; ok $? "still marked as not saved"
rm -f "$T/full/filler"
tm_keys C-s
tm_wait 'Note saved'; ok $? "with room again, the same text saves"
tm_keys C-x
tm_wait 'Amina Benali \(' && tm_keys C-q
tm_wait '\[exit 0\]'
tm_stop
c check > /dev/null; ok $? "the notebook checks out"
c show 1 | grep -q 'Texte écrit quand le disque se remplit.'
ok $? "and holds both notes"
finish

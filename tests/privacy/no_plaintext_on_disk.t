#!/usr/bin/env bash
# No plaintext on disk.  A whole session (command line, then the screens:
# write, edit, add a word to my words, search, lock, quit) types a unique
# canary, and a made-up word spelling keeps (my words), with HOME,
# TMPDIR and the XDG folders in a fresh place.  Two witnesses: (a) strace
# of every write to a file shows the canary in none; (b) afterwards no
# file there, nor in /tmp, /dev/shm, /var/tmp, holds it.  Each witness has
# a negative control, a deliberate plaintext write it must catch.
. "$(dirname "$0")/../lib.sh"
if ! command -v strace > /dev/null || ! command -v tmux > /dev/null; then
	skip_all "needs strace and tmux"
fi
canary="CANARI$$x$(date +%N)"
# A word of letters alone, added to my words in the screens: spelling
# leaves words with digits alone.
spellword="Zqorth$(echo "$canary" | tr '0-9' 'a-j' | tr -dc 'a-zA-Z')"
trace="$T/trace"
mkdir -p "$trace"
# Only the writes, with the path behind each descriptor.
traced() {
	strace -f -y -qq -s 1000000 -e trace=write,pwrite64,writev,pwritev \
	    -o "$trace/$1" "${@:2}"
}
# The lines of the traces that write the canary to a file (not a pipe, a
# socket or the terminal).
leaks() {
	cat "$trace"/* 2> /dev/null | grep -F -e "$canary" -e "$spellword" |
	    grep -E '^[0-9]+ +(write|pwrite64|writev|pwritev)\([0-9]+</' |
	    grep -vE '\([0-9]+</dev/(pts|tty|null)' || true
}

# The command line.
printf '%s\n' "$PASS" | traced init "$CARNET" --passphrase-fd 0 init \
    --kdf-memory 8 --kdf-passes 1 2> /dev/null
traced new "$CARNET" --passphrase-fd 3 new "Dossier $canary" 3<<< "$PASS" \
    > /dev/null
echo "Note $canary avec éducatrice." | traced add "$CARNET" \
    --passphrase-fd 3 add 1 3<<< "$PASS"
traced show "$CARNET" --passphrase-fd 3 show 1 3<<< "$PASS" > /dev/null
traced search "$CARNET" --passphrase-fd 3 search "$canary" \
    3<<< "$PASS" > /dev/null
traced backup "$CARNET" --passphrase-fd 3 backup "$T/copy.db" \
    3<<< "$PASS" 2> /dev/null
printf '%s\n%s\n' "$PASS" "another passphrase" > "$T/pw"
traced passwd "$CARNET" --passphrase-fd 3 passwd 3< "$T/pw" 2> /dev/null
PASS="another passphrase"
rm -f "$T/pw"

# The screens: write a note, edit it, search, lock, unlock, quit.
tm_start "env HOME='$HOME' CARNET_FILE='$CARNET_FILE' TMPDIR='$TMPDIR'" \
    "LC_ALL=C.UTF-8 strace -f -y -qq -s 1000000" \
    "-e trace=write,pwrite64,writev,pwritev -o '$trace/screens' '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(1\)' && tm_keys Enter
tm_wait 'Dossier ' && tm_keys n
tm_wait 'new note' && tm_keys "Écran $canary, ligne."
drafts_kept 1; ok $? "a draft is kept on the way"
tm_keys C-s
tm_wait 'Note saved'
tm_keys "suite" C-s
tm_wait 'saved' && tm_keys " $spellword "
tm_keys C-o
tm_wait "$spellword.: " > /dev/null && tm_keys a
tm_wait 'now in my words'; ok $? "a made-up word added to my words"
tm_keys C-s
tm_wait 'saved' && tm_keys C-x
tm_keys C-f "$canary"
tm_wait "Dossier $canary"
tm_keys Escape C-l
tm_wait 'carnet locked' && tm_keys "$PASS" Enter
tm_wait 'Dossier' && tm_keys C-q
tm_wait '\[exit 0\]'; ok $? "the screen session ran to its end"
tm_stop
c show 1 | grep -q "Écran $canary"; ok $? "and its note was saved"
c words | grep -qx "$spellword"; ok $? "started again, carnet knows the word added"

is "$(leaks)" "" "(a) strace: no write to a file carries the canary"
tally leaks "$(leaks | grep -c .)"
# Negative control: a plaintext write, traced the same way, is caught.
traced control sh -c "echo '$canary' > '$T/plain.txt'"
leaks | grep -q 'plain.txt'; ok $? "(a) control: a plaintext write is caught"
rm -f "$trace/control" "$T/plain.txt"
is "$(leaks)" "" "(a) and without it, nothing again"

# (b) Afterwards, no file holds it (the traces excepted, which are the
# terminal's and the pipes' copies).  Regular files only, each folder's
# own filesystem only: a /tmp that holds a mounted root (a chroot with its
# /proc and /dev) must not be walked into, nor a FIFO read.
scan() {
	find "$T" /tmp /dev/shm /var/tmp -xdev -path "$trace" -prune -o \
	    -type f -exec grep -lF -e "$canary" -e "$spellword" {} + 2> /dev/null || true
}
is "$(scan)" "" "(b) no file holds the canary"
tally leaks "$(scan | grep -c .)"
echo "$canary" > "$TMPDIR/plain.txt"
scan | grep -q 'plain.txt'; ok $? "(b) control: a plaintext file is found"
rm -f "$TMPDIR/plain.txt"
is "$(scan)" "" "(b) and without it, nothing again"
test -s "$CARNET_FILE" && test -s "$T/copy.db"
ok $? "the notebook and its backup were there to scan"
grep -qF -e "$canary" -e "$spellword" "$CARNET_FILE" "$T/copy.db"
is $? 1 "neither holds the canary, nor my words, in clear"
tally leaks "$(grep -lF "$canary" "$CARNET_FILE" "$T/copy.db" | grep -c .)"
finish

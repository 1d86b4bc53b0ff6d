#!/usr/bin/env bash
# What a command prints is shown, never obeyed: a USB key's label (so the
# path of a backup made on it), a configuration value, a dossier's name
# may hold a terminal's escape sequences (retitle the window, clear the
# screen); "check", "backup", "ls" and "show" print them as ^[ and ^G.
. "$(dirname "$0")/../lib.sh"
init
esc=$(printf 'k\033]0;PWNED\007\033[2J')
raw() { LC_ALL=C grep -c "$(printf '\033')" "$1"; }

mkdir -p "$T/$esc" "$T/pdf$esc" "$XDG_CONFIG_HOME/carnet"
printf 'pdf_folder = %s\n' "$T/pdf$esc" > "$XDG_CONFIG_HOME/carnet/config"
c backup "$T/$esc/copy.db" > "$T/out" 2> "$T/err"
ok $? "a backup into a folder whose name holds escapes"
is "$(cat "$T/out" "$T/err" > "$T/both"; raw "$T/both")" 0 \
    "backup prints no escape byte"
grep -q '\^\[\]0;PWNED\^G' "$T/both"; ok $? "it shows them as ^[ and ^G"

c check > "$T/out" 2> "$T/err"
ok $? "check runs"
is "$(raw "$T/out")" 0 "check prints no escape byte: the last backup's place, the PDF folder"
grep -q 'last backup: .*\^\[\]0;PWNED\^G' "$T/out"; ok $? "the backup's place is shown escaped"
grep -q 'PDF folder: .*pdfk\^\[\]0;PWNED' "$T/out"; ok $? "so is the configured PDF folder"

# A name cannot hold one; a note can (pasted from anywhere): on a terminal
# it is shown escaped (piped, it stays as stored, for scripts: carnet(1)).
c new "Nom$esc" 2> "$T/err"
is $? 2 "a name with an escape sequence is refused (a usage error)"
c new 'Amina Benali' > /dev/null
printf 'Collé depuis un courriel : %s fin.\n' "$esc" | c add 'Amina Benali'
script -qec "env CARNET='$CARNET' PASS='$PASS' bash -c '\"\$CARNET\" --passphrase-fd 3 show 1 3<<< \"\$PASS\"'" /dev/null > "$T/tty" 2>&1
is "$(raw "$T/tty")" 0 "show on a terminal prints no escape byte"
grep -q 'courriel : k\^\[\]0;PWNED' "$T/tty"; ok $? "the note is there, escaped"
finish

#!/usr/bin/env bash
# The sandbox never makes the home folder writable.  Without a documents
# folder the PDF folder once fell back to $HOME, and a print command (or
# anything carnet ran) could then write ~/.profile: now the documents
# folder is made, and said; a documents folder "disabled" to $HOME in
# user-dirs.dirs, or pdf_folder set to the home folder, is never granted.
. "$(dirname "$0")/../lib.sh"
command -v tmux > /dev/null || skip_all "no tmux"
# The notebook in a folder of its own, as carnet makes it: beside the
# notebook is writable, and here the home folder is inside $T.
mkdir -p "$T/data"
export CARNET_FILE="$T/data/nb.db"
init
c new 'Amina Benali' > /dev/null
echo "Une note." | c add 1
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'XDG_DOCUMENTS_DIR="$HOME"\n' > "$XDG_CONFIG_HOME/user-dirs.dirs"
# What a hostile or careless print command would do.
printf 'print_command = tee %s/.profile\nprint_timeout = 5\n' "$HOME" \
    > "$XDG_CONFIG_HOME/carnet/config"

c check > "$T/check"
grep -q "PDF folder: $HOME/Documents (made by the screens" "$T/check"
ok $? "check: no documents folder, and user-dirs.dirs saying \$HOME: ~/Documents, to be made"
[ ! -e "$HOME/Documents" ]; ok $? "check itself makes nothing"
landlock=0
grep -q '^sandbox: Landlock' "$T/check" && landlock=1

# Print the dossier from the screens, and wait for what came of it: sent,
# or refused and a PDF offered instead.
print_from_screens() {
	tm_wait 'Une note' > /dev/null && tm_keys p
	tm_wait 'Print every note|sent to|File name \(Esc' > /dev/null
	if tm_screen | grep -q 'Print every note'; then
		tm_keys y
		tm_wait 'sent to|File name \(Esc' > /dev/null
	fi
}

run="env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' CARNET_FILE='$CARNET_FILE' \
    LC_ALL=C.UTF-8 CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}' '$CARNET'"
tm_start "$run"
tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'was made'; ok $? "the screens make the documents folder, and say so"
[ -d "$HOME/Documents" ]; ok $? "it exists"
is "$(stat -c %a "$HOME/Documents")" 700 "for her alone"
tm_keys Enter
print_from_screens
tm_stop
if [ "$landlock" -eq 1 ]; then
	[ ! -s "$HOME/.profile" ]
	ok $? "the print command could not write ~/.profile"
else
	skip "no Landlock here: nothing confines the print command"
fi
rm -f "$HOME/.profile"

# pdf_folder set to the home folder itself: check says it, the sandbox
# does not grant it.
printf 'pdf_folder = ~\nprint_command = tee %s/.profile\n' "$HOME" \
    > "$XDG_CONFIG_HOME/carnet/config"
c check | grep -q "PDF folder: $HOME: it holds the home folder"
ok $? "check: a PDF folder that holds the home folder is said"
tm_start "$run"
tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys Enter
print_from_screens
tm_stop
if [ "$landlock" -eq 1 ]; then
	[ ! -s "$HOME/.profile" ]
	ok $? "nor then: the home folder is never writable"
else
	skip "no Landlock here"
fi

# A notebook kept in the home folder itself: beside it is writable, so
# check says to give it a folder of its own.
cp "$CARNET_FILE" "$HOME/inhome.db"
CARNET_FILE="$HOME/inhome.db" c check |
    grep -q "notebook's folder: $HOME holds the home folder"
ok $? "check: a notebook in the home folder itself is said"
c check | grep -q "notebook's folder:"
ok $((!$?)) "not one in a folder of its own"
finish

#!/usr/bin/env bash
# The very first start, as "make run" does it: no notebook yet, so the
# screen offers to create one, with the passphrase twice and a reason when
# it is refused; then the empty list says what to do.
. "$(dirname "$0")/../lib.sh"
if ! command -v tmux > /dev/null; then
	skip_all "no tmux"
fi
unset CARNET_FILE
run="env HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' LC_ALL=C.UTF-8"
run="$run CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}'"
nb="$XDG_DATA_HOME/carnet/carnet.db"

tm_start "$run '$CARNET'"
tm_wait 'There is no notebook yet at:'; ok $? "no notebook: it offers one"
tm_screen | grep -q "$nb"; ok $? "and says where it will be"
tm_screen | tail -2 | grep -q 'Enter Create'; ok $? "Enter creates it, as the bar says"
tm_screen | grep -q '●'; is $? 1 "nothing typed: no marker"
tm_keys 'co'
tm_wait 'passphrase: ●●●' > /dev/null
ok $? "a key typed: a marker says it was received"
tm_keys 'urt, et bien plus long'
sleep 0.2
tm_screen | grep -q 'passphrase: ●●●$'; ok $? "the same marker, whatever the length"
tm_keys C-u
sleep 0.2
tm_screen | grep -q '●'; is $? 1 "^U erases it all: the marker goes"
tm_keys 'court' Enter
tm_wait 'too short'; ok $? "a short passphrase is refused with the reason"
tm_keys 'une phrase de passe' Enter
tm_wait 'Once more'; ok $? "asked twice"
tm_keys 'une phrase de pass' Enter
tm_wait 'differ'; ok $? "two different ones are refused"
tm_keys 'une phrase de passe' Enter 'une phrase de passe' Enter
TM_TRIES=300 tm_wait 'No dossier yet. \^N creates one.'
ok $? "created: the empty list says how to make a dossier"
is "$(stat -c %a "$nb")" 600 "the notebook is private"
is "$(stat -c %a "$(dirname "$nb")")" 700 "and so is its folder"
tm_keys C-q
tm_wait '\[exit 0\]'; ok $? "^Q quits"
tm_stop
finish

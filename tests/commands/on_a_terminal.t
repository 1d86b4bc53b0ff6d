#!/usr/bin/env bash
# The command line on a terminal: passphrases asked without echo (twice
# for a new one), a wrong one asked again, confirmations.
. "$(dirname "$0")/../lib.sh"
if ! command -v tmux > /dev/null; then
	skip_all "no tmux"
fi
run="env HOME='$HOME' CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 TZ=UTC"

# init asks twice, and says why a passphrase is refused.
tm_start "$run '$CARNET' init"
tm_wait 'New passphrase:'; ok $? "init asks for a new passphrase"
tm_wait 'Creating the notebook'; ok $? "and says what it is doing"
tm_keys 'short' Enter
tm_wait 'too short'; ok $? "a short one is refused with the reason"
tm_keys 'mon carnet secret' Enter
tm_wait 'Once more'; ok $? "a good one is asked again"
tm_keys 'mon carnet secreT' Enter
tm_wait 'differ'; ok $? "two different ones are refused"
tm_keys 'mon carnet secret' Enter 'mon carnet secret' Enter
TM_TRIES=200 tm_wait '\[exit 0\]'; ok $? "then the notebook is created"
tm_screen | grep -q 'mon carnet'; is $? 1 "the passphrase never shows"
tm_stop
test -s "$CARNET_FILE"; ok $? "the file is there"
PASS='mon carnet secret'
c new 'Amina Benali' > /dev/null

# A wrong passphrase is asked again.
tm_start "$run '$CARNET' ls"
tm_wait 'Passphrase for'; ok $? "ls asks for the passphrase"
tm_keys 'pas la bonne' Enter
tm_wait 'wrong passphrase'; ok $? "a wrong one is said"
tm_keys 'mon carnet secret' Enter
tm_wait 'Amina Benali'; ok $? "the right one opens"
tm_wait '\[exit 0\]'; ok $? "and ls exits 0"
# On a terminal, ls lines its columns up under a header; in a pipe, tabs.
tm_screen | grep -q '^No\.  Dossier  *Notes  Last note$'; ok $? "ls: a header on a terminal"
tm_screen | grep -q '^ *1  Amina Benali  *0  '; ok $? "and columns lined up, no tab"
c ls | grep -q "$(printf '^1\tAmina Benali\t0\t')"; ok $? "in a pipe, the tab-separated fields"
tm_stop

# rm asks before destroying.
tm_start "$run '$CARNET' rm 1"
tm_wait 'Passphrase for' && tm_keys 'mon carnet secret' Enter
tm_wait 'Destroy the dossier .Amina Benali. and its 0 notes\?'
ok $? "rm asks, naming the dossier"
tm_keys 'n' Enter
tm_wait 'Nothing was destroyed'; ok $? "no keeps it"
tm_stop
is "$(c ls | cut -f2)" "Amina Benali" "it is still there"
tm_start "$run '$CARNET' rm 1"
tm_wait 'Passphrase for' && tm_keys 'mon carnet secret' Enter
tm_wait 'Destroy' && tm_keys 'y' Enter
tm_wait '\[exit 0\]'
tm_stop
is "$(c ls | wc -l)" 0 "yes destroys it"
finish

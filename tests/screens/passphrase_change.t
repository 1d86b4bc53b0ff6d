#!/usr/bin/env bash
# The passphrase changed from the screens, in French at 80x24: ^W in the
# list asks the current one (proved by opening the notebook alone), then
# the new one twice, changes it and opens the notebook again; another
# window open on the notebook, or ^Q, leaves it as it was.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="ancienne-phrase-1Qs"
NEW="nouvelle phrase de passe"
init
c new 'Amina Benali' > /dev/null
echo "Une note." | c add 1
run=$(french_screens)

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina' > /dev/null && tm_keys C-w
tm_wait 'Phrase de passe actuelle'; ok $? "^W asks the current passphrase"
tm_screen | grep -q 'Amina'; is $? 1 "the list is gone meanwhile"
tm_screen | tail -2 | grep -q '^Entrée Continuer  \^Q Abandonner'
ok $? "the bar: its entries apart, and ^Q gives the change up"
tm_keys C-q
tm_wait 'Amina' > /dev/null
joined | grep -qF 'La phrase de passe reste la même.'
ok $? "^Q gives up before anything, and the list comes back"
tm_keys C-w
tm_wait 'Phrase de passe actuelle' > /dev/null && tm_keys 'pas la bonne' Enter
tm_wait 'Mauvaise phrase de passe'; ok $? "a wrong current passphrase is said"
tm_keys "$PASS" Enter
tm_wait 'Nouvelle phrase de passe'; ok $? "the right one: the new one is asked"
tm_keys 'court' Enter
tm_wait 'au moins 8'; ok $? "a short one is refused, saying why"
joined | grep -q 'La phrase de passe est trop courte'
ok $? "in a sentence, with its capital"
tm_keys "$NEW" Enter
tm_wait 'Encore une fois' > /dev/null && tm_keys "$NEW" Enter
tm_wait 'a été changée'; ok $? "twice the same: changed, and said"
tm_screen | grep -q 'Amina'; ok $? "the notebook is open again"
c ls > /dev/null 2>&1; is $? 3 "the old passphrase no longer opens it"
PASS="$NEW" c ls | grep -q 'Amina'; ok $? "the new one does"

# Given up once the notebook was closed for the change: it stays closed
# until its passphrase is typed again (it once reopened with the one
# remembered, whoever pressed ^Q).
tm_keys C-w
tm_wait 'Phrase de passe actuelle' > /dev/null && tm_keys "$NEW" Enter
tm_wait 'Nouvelle phrase de passe' > /dev/null && tm_keys 'à moitié' C-q
tm_wait 'verrouillé'; ok $? "^Q on the new passphrase's page: the notebook stays closed"
joined | grep -qF 'tapez-la pour le rouvrir'; ok $? "and the page says why"
tm_screen | grep -q 'Amina'; is $? 1 "nothing of it shows"
tm_keys "$NEW" Enter
tm_wait 'Amina'; ok $? "the passphrase typed anew opens it, unchanged"

# Another carnet on the notebook: it is not changed under it.
tm_keys C-w
tm_wait 'Phrase de passe actuelle' > /dev/null
exec 4< <(PASS="$NEW"; sleep 30 | "$CARNET" --passphrase-fd 3 add 1 3<<< "$PASS" 2>&1)
for i in $(seq 1 50); do
	other=$(pgrep -n -f -- "--passphrase-fd 3 add 1") && break
	sleep 0.1
done
holds_notebook "$other"
tm_keys "$NEW" Enter
tm_wait 'autre|utilis'; ok $? "another carnet has it open: said"
tm_screen | grep -q 'Amina'; ok $? "and the list is back, nothing changed"
pkill -f -- "--passphrase-fd 3 add 1" 2> /dev/null
exec 4<&-
PASS="$NEW" c ls | grep -q 'Amina'; ok $? "and it still opens with it"
tm_stop
finish

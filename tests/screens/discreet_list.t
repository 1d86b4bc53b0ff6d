#!/usr/bin/env bash
# A discreet list, in French at 80x24: with "discreet = yes", the list
# and search results show people by their initials and number until a
# dossier is opened; typing still filters by the full name; ^V shows the
# names and hides them again.
. "$(dirname "$0")/../lib.sh"
need_french_screens
PASS="discret-phrase-2Mn"
init
c new 'Émilie Faure' > /dev/null
c new 'Jean-Marc Dupont' > /dev/null
echo "Rendez-vous avec le bailleur." | c add 1
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'discreet = yes\n' > "$XDG_CONFIG_HOME/carnet/config"
run=$(french_screens)
screen() { tm_screen | sed 's/\xc2\xa0/ /g'; }

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(2\)' > /dev/null
screen | grep -q 'É\. F\. — n° 1'; ok $? "a name shows as its initials and number"
screen | grep -q 'J\.-M\. D\. — n° 2'; ok $? "a hyphenated first name too"
screen | grep -q 'Faure\|Dupont'; is $? 1 "no name is on screen"
# The number shown is the number typed.
tm_keys '2'
tm_wait 'correspondant' > /dev/null
screen | grep -q 'J\.-M\. D\. — n° 2'; r=$?
screen | grep -q 'É\. F\.' && r=1
ok $r "typing 2 finds n° 2, and only it"
tm_keys BSpace
tm_wait 'Dossiers \(2\)' > /dev/null
tm_keys 'emilie'
tm_wait 'correspondant' > /dev/null
screen | grep -q 'É\. F\. — n° 1'; ok $? "typing the name still filters by it"
screen | grep -q 'J\.-M\.'; is $? 1 "(the other one is filtered out)"
tm_keys Enter
tm_wait 'Émilie Faure \(1 note\)'; ok $? "an opened dossier shows the name"
tm_keys Escape
tm_wait 'correspondant' > /dev/null
screen | grep -q 'Faure'; is $? 1 "back in the list: initials again"
tm_keys Escape C-f 'bailleur'
tm_wait 'Rendez-vous' > /dev/null
screen | grep -q 'É\. F\. — n° 1'; ok $? "search results show initials too"
screen | grep -q 'Faure'; is $? 1 "and no name"
tm_keys Escape
tm_wait 'Dossiers \(2\)' > /dev/null && tm_keys C-v
tm_wait 'Jean-Marc Dupont'; ok $? "^V shows the names"
tm_keys C-v
sleep 0.3
screen | grep -q 'Dupont'; is $? 1 "and hides them again"
tm_stop
finish

#!/usr/bin/env bash
# Spelling's process (carnet-spell): Hunspell in a process of its own,
# started with nothing of carnet's (no environment, no open file but its
# pipes), sealed once its dictionary is read (Landlock with no rule, no
# socket), answering over a pipe.  carnet check names the dictionary in
# use, or says why there is none: not installed, turned off, damaged.
. "$(dirname "$0")/../lib.sh"
helper="$(dirname "$CARNET")/carnet-spell"
[ -x "$helper" ] || skip_all "no carnet-spell beside $CARNET"
fr=/usr/share/hunspell/fr_FR
[ -r "$fr.aff" ] && [ -r "$fr.dic" ] || skip_all "no hunspell-fr"

# The process itself, spoken to as carnet does.
printf 'cenfant\ncenfnat\nsenfnat\naCarnetix\ncCarnetix\n' |
    "$helper" "$fr.aff" "$fr.dic" > "$T/said"
is "$(head -3 "$T/said" | tr '\n' ' ')" "ready 1 0 " \
    "it says ready, then whether each word is known"
sed -n '4p' "$T/said" > "$T/count"
n=$(cat "$T/count")
[ "$n" -ge 1 ] && [ "$n" -le 9 ]
ok $? "suggestions: a count, nine at most ($n)"
sed -n "5,$((4 + n))p" "$T/said" > "$T/suggested"
like "$T/suggested" '^enfant$' "enfnat: enfant is among them"
is "$(sed -n "$((5 + n))p" "$T/said")" 1 "a word added is known from then on"
printf 'cEnfant\nccœur\ncpeut-être\ncrendez-vous\n' |
    "$helper" "$fr.aff" "$fr.dic" | tr '\n' ' ' > "$T/said"
is "$(cat "$T/said")" "ready 1 1 1 1 " \
    "a capital at a sentence's start, œ, hyphenated words as French writes them"
# A name's words: known by the one name key, offered among the
# suggestions, and no longer either once the names change (a person
# renamed); a word known before (Martin, one of my words) stays known.
said() { "$helper" "$fr.aff" "$fr.dic" | sed 1d | tr '\n' ' '; }
printf 'nZwolinska\nczwolinska\nsZwolinskq\n' | said > "$T/said"
like "$T/said" '^1 [1-9] .*Zwolinska ' \
    "a name's word: known in lower case, and suggested"
printf 'nZwolinska\nN\nczwolinska\nsZwolinskq\n' | said > "$T/said"
like "$T/said" '^0 [0-9] ' "the names changed: no longer known"
unlike "$T/said" 'Zwolinska' "nor suggested"
printf 'nZwolinska\nN\nnZwolinska\nsZwolinskq\n' | said > "$T/said"
like "$T/said" '^[1-9] .*Zwolinska ' "told again: suggested again"
is "$(printf 'nMartin\naCarnetix\nnCarnetix\nnBenali\naBenali\nN\ncMartin\ncCarnetix\ncBenali\n' |
    said)" "1 1 1 " "a dictionary word or one of my words stays when the names change"
printf 'nBenali\naBenali\nrBenali\ncBenali\nsBenalj\n' | said > "$T/said"
like "$T/said" '^1 [1-9] .*Benali ' \
    "one of my words taken out that is a name stays a name, and suggested"
printf 'x%0200d\n' 0 | "$helper" "$fr.aff" "$fr.dic" > /dev/null
is $? 1 "a request longer than any word ends it, answered with nothing"
"$helper" /nowhere.aff /nowhere.dic < /dev/null > /dev/null; is $? 3 \
    "no dictionary: it says so by its status"

# Started by carnet: nothing of carnet's goes with it, and it seals
# itself before the first word.
init
if command -v strace > /dev/null; then
	strace -f -e trace=execve,landlock_restrict_self,prctl -o "$T/trace" \
	    "$CARNET" --passphrase-fd 3 check 3<<< "$PASS" > "$T/check" 2>&1
	grep 'execve(".*carnet-spell"' "$T/trace" > "$T/exec"
	like "$T/exec" '/\* 0 vars \*/' "carnet starts it with an empty environment"
	pid=$(awk '/execve\(".*carnet-spell"/ {print $1; exit}' "$T/trace")
	grep "^$pid " "$T/trace" > "$T/child"
	if grep -q 'landlock_restrict_self' "$T/trace" &&
	    ! grep -q 'landlock_restrict_self.*ENOSYS' "$T/trace"; then
		like "$T/child" 'landlock_restrict_self(.*) *= 0' \
		    "it confines itself with Landlock"
	else
		skip "no Landlock in this kernel"
	fi
	like "$T/child" 'PR_SET_SECCOMP.* *= 0' "and refuses every socket"
else
	for i in 1 2 3; do skip "no strace"; done
fi
if locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$'; then
	LC_ALL=fr_FR.UTF-8 c check 2>&1 | sed 's/\xc2\xa0/ /g' > "$T/check"
	like "$T/check" "^orthographe : fr_FR ($fr.dic), scellé\$" \
	    "check names the dictionary in use, by the language of the messages"
else
	skip "no fr_FR.UTF-8 locale"
fi
c check > "$T/check" 2>&1
like "$T/check" '^spelling: en_US (/usr/share/hunspell/en_US.dic), sealed$' \
    "in English, en_US"

# Turned off, absent, damaged: said, and nothing else changes.
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'spelling = off\n' > "$XDG_CONFIG_HOME/carnet/config"
c check > "$T/check" 2>&1; ok $? "spelling = off: check still passes"
like "$T/check" '^spelling: spelling is off (spelling = off in the configuration)$' \
    "and says spelling is off"
printf 'spelling = xx_XX\n' > "$XDG_CONFIG_HOME/carnet/config"
c check > "$T/check" 2>&1
like "$T/check" '^spelling: spelling is off: no dictionary xx_XX (install hunspell-en-us)$' \
    "a dictionary not installed: which package to install"
mkdir "$T/dic"
head -c 4096 /dev/urandom > "$T/dic/fr_FR.aff"
head -c 4096 /dev/urandom > "$T/dic/fr_FR.dic"
printf 'spelling = fr_FR\n' > "$XDG_CONFIG_HOME/carnet/config"
DICPATH="$T/dic" c check > "$T/check" 2>&1; ok $? "a damaged dictionary: check still passes"
like "$T/check" "^spelling: .*$T/dic/fr_FR" "and names the damaged dictionary"
ls "$T" | grep -q '^core' ; is $? 1 "no core left anywhere"
finish

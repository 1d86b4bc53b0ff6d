#!/usr/bin/env bash
# Spelling while writing, in French at 80x24, read from the terminal
# itself (tmux capture-pane -e: the underline is SGR 4): a misspelt word
# is underlined once the cursor has left it, never the word being typed;
# an elided word, a hyphenated one, a time, the sector's acronyms and the
# notebook's names (a namesake's too, one added while writing) are not.
# The spelling process is the editor's child, ended at every lock and
# started again after; without a dictionary the editor works and says
# why, once.
. "$(dirname "$0")/../lib.sh"
need_french_screens
[ -r /usr/share/hunspell/fr_FR.dic ] || skip_all "no hunspell-fr"
PASS="orthographe-phrase-5Kp"
init
c new "Amina N'Diaye" > /dev/null
c new --another "Amina N'Diaye" > /dev/null
run=$(french_screens)
# underlined WORD: the screen's escapes show WORD right after SGR 4.
underlined() { tm capture-pane -p -e -t t | grep -q $'\e\\[4m'"$1"; }
# The screen joined, the narrow no-break spaces of « » as spaces too.
said() { joined | sed 's/\xe2\x80\xaf/ /g'; echo; }
spelling() { pgrep -P "$(tm_pid)" -f carnet-spell > /dev/null; }
# marked WORD, unmarked WORD: wait up to 5 s for WORD to be underlined,
# or no longer; the keys just sent may not be read yet on a busy machine.
marked() { eventually underlined "$1"; }
not_underlined() { ! underlined "$1"; }
unmarked() { eventually not_underlined "$1"; }

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys Enter
tm_wait 'Nouvelle note' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null
tm_keys "L'enfnat de Mme N'Diaye, rendez-vous à 14h30 avec la CAF et l’ASE : hospitalisaton"
tm_wait 'hospitalisaton' > /dev/null
marked "L'enfnat"; ok $? "a misspelt word is underlined, its elision with it"
underlined "hospitalisaton"; is $? 1 "never the word being typed"
tm_keys ' '
marked "hospitalisaton"; ok $? "once the cursor has left it, it is"
underlined "N'Diaye"; is $? 1 "a name of the notebook is a word (namesakes alike)"
underlined "rendez-vous"; is $? 1 "a hyphenated word as the dictionary holds it"
underlined "14h30"; is $? 1 "a time is never marked"
underlined "CAF" || underlined "ASE"; is $? 1 "nor the sector's acronyms"
underlined "l’ASE"; is $? 1 "nor an acronym after an elision"
spelling; ok $? "the spelling process runs beside carnet"

# Suggestions: F7 or ^O for the misspelt word at or before the cursor,
# a digit puts one in place, ^Z takes it back; ^P goes to the next one;
# i ignores it in this note.
tm_keys C-o
tm_wait 'hospitalisaton.*1 hospitalisation' > /dev/null
said > "$T/asked"
like "$T/asked" '« hospitalisaton » : 1 hospitalisation' \
    "^O: the suggestions for the word before the cursor, numbered"
like "$T/asked" '(1–9 : le mettre à sa place, a : ajouter à mes mots, i : ignorer dans cette note, m : mes mots, Échap : fermer)' \
    "with what each key does"
tm_keys 1
tm_wait 'hospitalisation$' > /dev/null
tm_screen | grep -q 'hospitalisation$'; ok $? "1 puts the first in place"
underlined "hospitalisation"; is $? 1 "and it is no longer marked"
tm_keys C-z
tm_wait 'hospitalisaton$' > /dev/null
tm_screen | grep -q 'hospitalisaton$'; ok $? "^Z takes it back, whole"
tm_keys C-t F7
tm_wait "«.L'enfnat" > /dev/null
said > "$T/asked"
like "$T/asked" "« L'enfnat » :" "at the top, F7 asks about the word under the cursor"
tm_keys i
unmarked "L'enfnat"; ok $? "i: ignored in this note"
underlined "hospitalisaton"; ok $? "the others still marked"
tm_keys End ' d’enfnat '
tm_wait 'd’enfnat' > /dev/null
sleep 0.3
underlined "d’enfnat"; is $? 1 "what i ignores is the word past its elision: d’enfnat too"
tm_keys C-t C-p
sleep 0.3
tm_keys C-o
tm_wait "«.hospitalisaton" > /dev/null; ok $? "^P goes to the next misspelt word"
tm_keys Escape
sleep 0.3
tm_keys End ' '

# My words: a adds a word, kept in the notebook; m shows them.
tm_keys 'Zwoglimax '
marked "Zwoglimax"; ok $? "(a made-up word is marked)"
tm_keys C-o
tm_wait '«.Zwoglimax' > /dev/null && tm_keys a
tm_wait 'maintenant dans mes mots'; ok $? "a adds it to my words, and says so"
unmarked "Zwoglimax"; ok $? "it is no longer marked"
tm_keys 'l’Abrakadoum '
sleep 0.3
tm_keys C-o
tm_wait '«.l’Abrakadoum' > /dev/null && tm_keys a
tm_wait '«.Abrakadoum.*maintenant dans mes mots'
ok $? "a adds an elided word without its elision"
tm_keys C-o
tm_wait '«.Zwoglimax\|Aucun mot' > /dev/null
tm_keys Escape
sleep 0.3
tm_keys C-t C-p C-o
tm_wait '«.hospitalisaton' > /dev/null && tm_keys m
tm_wait 'Mes mots.*Zwoglimax'; ok $? "m shows my words"
tm_keys Escape
sleep 0.3
tm_keys End ' '

# A name added while writing (^R reads the dossier list; a new dossier
# from the command line, as another window would).
c new 'Bérénice Zwolinska' > /dev/null
tm_keys C-s
tm_wait 'enregistr' > /dev/null
tm_keys Escape
tm_wait 'Nouvelle note' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null
tm_keys 'Zwolinska est venue. '
tm_wait 'Zwolinska est venue\.' > /dev/null
sleep 0.3
underlined "Zwolinska"; is $? 1 "a name added to the notebook is known at the next note"
tm_keys 'Revue avec ndiaye et zwolinska. '
tm_wait 'zwolinska\.' > /dev/null
sleep 0.3
underlined "ndiaye" || underlined "zwolinska"; is $? 1 \
    "names by the one name key: without capitals nor apostrophe"

# The lock ends the process; the unlock brings the marks back.
tm_keys C-l
tm_wait 'Phrase de passe' > /dev/null
no_spelling() { ! spelling; }
eventually no_spelling; ok $? "a lock ends the spelling process"
tm_keys "$PASS" Enter
tm_wait 'Zwolinska est venue' > /dev/null
tm_keys 'Un motserreur ici.'
marked "motserreur"; ok $? "after the unlock, marks again"
tm_keys C-x
tm_wait 'Enregistrer la note' > /dev/null && tm_keys j
# Thrown away, and the editor closed, before the window goes: a window
# closed while writing keeps a draft.
tm_gone 'Enregistrer la note'; ok $? "j throws the text away"
tm_stop

# My words live in the notebook alone: listed on the command line,
# carried by passwd and a backup, and in no file anywhere in this test's
# home, configuration, temporary folder or the notebook's folder.
c words > "$T/words"
like "$T/words" '^Zwoglimax$' "carnet words lists them"
like "$T/words" '^Abrakadoum$' "(the elided one as the word itself)"
grep -rl 'Zwoglimax' "$T" --exclude=words > "$T/found" 2> /dev/null
is "$(cat "$T/found")" "" "no file holds a word of my words in clear"
c backup "$T/copy.db" > /dev/null 2>&1
CARNET_FILE="$T/copy.db" c words > "$T/words"
like "$T/words" '^Zwoglimax$' "a backup carries them"
printf '%s\n%s\n' "$PASS" "autre-phrase-de-passe-7Lm" |
    "$CARNET" --passphrase-fd 0 passwd > /dev/null 2>&1
"$CARNET" --passphrase-fd 3 words 3<<< "autre-phrase-de-passe-7Lm" > "$T/words"
like "$T/words" '^Zwoglimax$' "so does passwd"
printf '%s\n%s\n' "autre-phrase-de-passe-7Lm" "$PASS" |
    "$CARNET" --passphrase-fd 0 passwd > /dev/null 2>&1
c words rm Zwoglimax > /dev/null 2>&1; ok $? "words rm takes one out"
c words > "$T/words"
unlike "$T/words" 'Zwoglimax' "and it is gone"
c words rm Zwoglimax 2> "$T/err"; is $? 1 "a word not there: 1"
like "$T/err" 'is not in my words' "and said"
c words add Zwoglimax 2> /dev/null; is $? 2 "anything but rm is a usage error"

# No dictionary: writing works as before, and it is said once.
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'spelling = xx_XX\n' > "$XDG_CONFIG_HOME/carnet/config"
tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers' > /dev/null && tm_keys Enter
tm_wait 'Nouvelle note' > /dev/null && tm_keys n
tm_wait 'nouvelle note' > /dev/null
tm_wait 'pas de dictionnaire xx_XX'; ok $? "no dictionary: said, with what to install"
tm_keys 'Un motserreur. '
tm_wait 'motserreur' > /dev/null
underlined "motserreur"; is $? 1 "and nothing is marked"
tm_keys C-s
tm_wait 'enregistr'; ok $? "the note is saved as ever"
tm_stop
finish

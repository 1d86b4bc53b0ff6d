#!/usr/bin/env bash
# The file format as carnet(5) tells it: the header's bytes, and the
# recovery recipe run word for word with the stock argon2 and sqlcipher
# tools (SQLCipher 3.4 on Debian 12, 4.6 on Debian 13).
. "$(dirname "$0")/../lib.sh"
man5="$(dirname "$0")/../../man/carnet.5"

printf '%s\n' "$PASS" | "$CARNET" --passphrase-fd 0 init --kdf-memory 16 \
    --kdf-passes 2 2> /dev/null
c new 'Amina Benali' > /dev/null
printf 'Entretien avec l’éducatrice.\nDeux lignes.\n' | c add 1

is "$(head -c 4 "$CARNET_FILE" | od -An -tx1 | tr -d ' ')" 63726e01 \
    "magic 'crn' and format 1"
is "$(od -An -tu1 -j4 -N2 "$CARNET_FILE" | tr -s ' ')" " 14 2" \
    "16 MiB is 2^14 KiB, then 2 passes"
h1=$(od -An -tx1 -j6 -N10 "$CARNET_FILE")
rm "$CARNET_FILE"
printf '%s\n' "$PASS" | "$CARNET" --passphrase-fd 0 init --kdf-memory 16 \
    --kdf-passes 2 2> /dev/null
c new 'Amina Benali' > /dev/null
printf 'Entretien avec l’éducatrice.\nDeux lignes.\n' | c add 1
h2=$(od -An -tx1 -j6 -N10 "$CARNET_FILE")
[ "$h1" != "$h2" ]; ok $? "ten random bytes differ between notebooks"

# The recipe: the "$ " lines of the manual, without the terminal's stty,
# with f pointing at our notebook.
sed -n '/^\.Ss Opening a notebook by hand/,/^\.Ed/p' "$man5" |
    sed -n 's/^\$ //p' | sed 's/\\e/\\/g; s/ *stty [-a-z]*;\{0,1\}//g' |
    sed "s|^f=.*|f='$CARNET_FILE'|" > "$T/recipe.sh"
is "$(wc -l < "$T/recipe.sh")" 7 "the manual's recipe has its seven commands"
query="SELECT d.name, n.body FROM note n JOIN dossier d ON d.id = n.dossier;"
printf '%s\n%s\n' "$PASS" "$query" | sh "$T/recipe.sh" > "$T/out" 2> "$T/err"
ok $? "the recipe runs"
printf 'Amina Benali|Entretien avec l’éducatrice.\nDeux lignes.\n' > "$T/want"
sed -i "/^ok$/d" "$T/out"
cmp -s "$T/out" "$T/want"; ok $? "the stock tools read the note back"
[ -s "$T/err" ] && sed 's/^/#   /' "$T/err"
# The copies carnet writes (backup, passwd) are the same format, whatever
# SQLCipher wrote them: SQLCipher 4's defaults must not leak into them.
c backup "$T/copy.db" 2> /dev/null
sed "s|^f=.*|f='$T/copy.db'|" "$T/recipe.sh" > "$T/recipe-copy.sh"
printf '%s\n%s\n' "$PASS" "$query" | sh "$T/recipe-copy.sh" 2> "$T/err" |
    sed '/^ok$/d' > "$T/out"
cmp -s "$T/out" "$T/want"; ok $? "the recipe reads a backup too"
printf '%s\n%s\n' "$PASS" "une autre phrase" |
    "$CARNET" --passphrase-fd 0 passwd > /dev/null 2>&1
PASS="une autre phrase" && printf '%s\n%s\n' "$PASS" "$query" |
    sh "$T/recipe.sh" 2> "$T/err" | sed '/^ok$/d' > "$T/out"
cmp -s "$T/out" "$T/want"; ok $? "and the notebook after passwd"
printf '%s\n%s\n' "wrong passphrase" "$query" | sh "$T/recipe.sh" \
    > "$T/out" 2>&1
grep -q 'Entretien' "$T/out"; is $? 1 "not with a wrong passphrase"

# Its search index too, accents aside, with the same stock tools: on
# Debian 13 (where CI runs make check as well) they are SQLCipher 4.6, and
# cipher_compatibility = 3 in the recipe opens the notebook there.
printf '%s\n%s\n' "$PASS" "SELECT count(*) FROM note_fts WHERE note_fts
    MATCH 'educatrice';" | sh "$T/recipe.sh" 2> "$T/err" |
    sed '/^ok$/d' > "$T/out"
is "$(cat "$T/out")" 1 "the stock tools search it without accents"
finish

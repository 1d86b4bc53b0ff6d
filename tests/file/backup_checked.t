#!/usr/bin/env bash
# A backup is checked before it is called one: onto a USB key that damages
# what is written to it (tests/badkey.so, through LD_PRELOAD), the copy is
# refused, said, and no file is left there; onto a sound one it is kept.
. "$(dirname "$0")/../lib.sh"
badkey="$(cd "$(dirname "$0")/.." && pwd)/badkey.so"
[ -f "$badkey" ] || skip_all "tests/badkey.so is not built (make check builds it)"
init
c new 'Amina Benali' > /dev/null
for i in 1 2 3 4 5 6; do
	echo "Note $i : assez de texte pour que la copie passe la première page." |
	    c add 1
done
mkdir -p "$T/badkey" "$T/goodkey"
bad() { LD_PRELOAD="$badkey" CARNET_BADKEY="$T/badkey" c "$@"; }

bad backup "$T/badkey/copy.db" > "$T/out" 2> "$T/err"
is $? 1 "a copy damaged on its way to the key is refused"
grep -q 'does not check out' "$T/err"; ok $? "and said"
grep -q 'written and checked' "$T/out" "$T/err"
ok $((!$?)) "never called written and checked"
is "$(ls -A "$T/badkey")" "" "no file is left on the key, not even a part"
c check > /dev/null; ok $? "the notebook itself is untouched"
tally inputs 1

bad backup "$T/goodkey/copy.db" > "$T/out" 2>&1
ok $? "the same program onto a sound key keeps the copy"
grep -q 'written and checked' "$T/out"; ok $? "and says it is checked"
CARNET_FILE="$T/goodkey/copy.db" c show 1 | grep -q 'Note 6'
ok $? "the copy opens with the passphrase and holds the notes"
finish

#!/usr/bin/env bash
# Bad conditions get a clear message and the contract's exit status, and
# nothing already stored is lost: damaged files, a read-only notebook, a
# full disk.
. "$(dirname "$0")/../lib.sh"

init
c new 'Amina Benali' > /dev/null
echo "Première note, à garder." | c add 1
size=$(stat -c %s "$CARNET_FILE")

# Damaged and foreign files: 3 or 4, quickly, and never written to.
# Memory is measured with GNU time, on the plain binary only (the
# sanitizers and valgrind have their own).
measure=
if [ -x /usr/bin/time ] && [ -z "${ASAN_OPTIONS:-}" ] &&
    [ -z "${CARNET_UNDER_VALGRIND:-}" ]; then
	measure="/usr/bin/time -f %M -o $T/rss"
fi
# What the file is: its checksum, or its type (a FIFO is not read).
state() {
	if [ -f "$1" ]; then sum "$1"; else stat -c '%F %Y' "$1"; fi
}
damaged() { # damaged NAME WANT-STATUS: prepare $T/d.db first
	local before rc
	before=$(state "$T/d.db")
	echo 0 > "$T/rss"
	# Answered by itself: one that hung would be stopped, with 124.
	timeout 120 $measure "$CARNET" -f "$T/d.db" --passphrase-fd 3 ls \
	    > /dev/null 2> "$T/err" 3<<< "$PASS"
	rc=$?
	is "$rc" "$2" "$1: exit $2"
	ok $(( $(tail -1 "$T/rss") > 65536 )) "$1: answered in under 64 MiB"
	is "$(state "$T/d.db")" "$before" "$1: the file is not written to"
	grep -v '^carnet: ' "$T/err" >> "$T/noise"
	tally inputs 1
}
: > "$T/noise"
: > "$T/d.db"
damaged "an empty file" 4
cp "$CARNET_FILE" "$T/d.db"; truncate -s 15 "$T/d.db"
damaged "cut at 15 bytes" 4
cp "$CARNET_FILE" "$T/d.db"; truncate -s 1000 "$T/d.db"
damaged "cut inside the first page" 4
cp "$CARNET_FILE" "$T/d.db"; truncate -s $((size / 2 + 100)) "$T/d.db"
damaged "cut in half" 4
cp "$CARNET_FILE" "$T/d.db"
printf 'garbage!' | dd of="$T/d.db" bs=1 seek=400 conv=notrunc 2>/dev/null
damaged "first page overwritten" 4
like "$T/err" 'first page' "says which page"
cp "$CARNET_FILE" "$T/d.db"
printf '\377' | dd of="$T/d.db" bs=1 seek=4 conv=notrunc 2>/dev/null
damaged "absurd key derivation memory" 4
cp "$CARNET_FILE" "$T/d.db"
printf '\377' | dd of="$T/d.db" bs=1 seek=5 conv=notrunc 2>/dev/null
damaged "absurd key derivation passes" 4
cp "$CARNET_FILE" "$T/d.db"; truncate -s 16 "$T/d.db"
damaged "cut after the header" 4
cp "$CARNET_FILE" "$T/d.db"; truncate -s 1024 "$T/d.db"
damaged "cut after one page" 4
cp "$CARNET_FILE" "$T/d.db"
printf 'XYZ' | dd of="$T/d.db" bs=1 conv=notrunc 2>/dev/null
damaged "a wrong magic" 4
like "$T/err" 'not a carnet notebook' "says it is not a notebook"
cp "$CARNET_FILE" "$T/d.db"
printf '\002' | dd of="$T/d.db" bs=1 seek=3 conv=notrunc 2>/dev/null
damaged "a future format" 4
like "$T/err" 'format 2; this one reads format 1' "says which formats"
head -c 65536 /dev/urandom > "$T/d.db"
damaged "random bytes" 4
rm -f "$T/d.db"
sqlcipher "$T/d.db" "CREATE TABLE t (x); INSERT INTO t VALUES ('en clair');"
damaged "an unencrypted SQLite database" 4
like "$T/err" 'unencrypted SQLite' "says it is unencrypted SQLite"
rm -f "$T/d.db"; mkdir "$T/d.db"
damaged "a folder" 4
rmdir "$T/d.db"; mkfifo "$T/d.db"
damaged "a FIFO (not waited on)" 4
rm -f "$T/d.db"

# A damaged page further in: opening works, check finds it.
cp "$CARNET_FILE" "$T/d.db"
pages=$((size / 1024))
printf 'garbage!' | dd of="$T/d.db" bs=1 seek=$(( (pages - 1) * 1024 + 10 )) \
    conv=notrunc 2>/dev/null
c -f "$T/d.db" check > /dev/null 2> "$T/err"
is $? 4 "check finds a damaged page: 4"
like "$T/err" "page $pages of $pages" "and names it"
grep -v '^carnet: ' "$T/err" >> "$T/noise"
# SQLCipher 4 logs "ERROR CORE sqlcipher_page_cipher: hmac check failed"
# on stderr, over the screens, unless carnet silences it.
is "$(cat "$T/noise")" "" "on a damaged notebook, only carnet speaks"

# A notebook we may only read: listed, but not written.
if nobody_carnet; then
	mkdir -m 755 "$T/ro"
	cp "$CARNET_FILE" "$T/ro/nb.db"
	chmod 444 "$T/ro/nb.db"
	as_nobody() {
		as_nobody_run env CARNET_FILE="$T/ro/nb.db" HOME=/nonexistent \
		    "$NOBODY_CARNET" --passphrase-fd 3 "$@" 3<<-END
		$PASS
		END
	}
	as_nobody ls > "$T/out" 2> "$T/err"
	ok $? "a read-only notebook in a read-only folder can be read"
	like "$T/out" 'Amina Benali' "and lists its dossiers"
	echo "nouvelle" | as_nobody add 1 2> "$T/err"
	is $? 1 "adding to it: 1"
	like "$T/err" 'read-only' "says it is read-only"
	is "$(ls "$T/ro")" "nb.db" "and leaves no file beside it"
	chmod 000 "$T/ro/nb.db"
	as_nobody ls > /dev/null 2> "$T/err"
	is $? 1 "a notebook we may not read: 1"
	like "$T/err" 'Permission denied' "says why"
else
	for i in 1 2 3 4 5 6 7; do
		skip "needs root, and a carnet the user nobody can run"
	done
fi

# A full disk: a clear message, and the notes already there stay.
mkdir "$T/full"
if mount -t tmpfs -o size=256k tmpfs "$T/full" 2> /dev/null; then
	cleanup_hook() { umount "$T/full" 2> /dev/null; }
	full="$T/full/nb.db"
	printf '%s\n' "$PASS" | "$CARNET" -f "$full" --passphrase-fd 0 init \
	    --kdf-memory 8 --kdf-passes 1 2> /dev/null
	c -f "$full" new A > /dev/null
	echo "la note d'avant" | c -f "$full" add A
	rc=0
	for i in 1 2 3 4 5 6 7 8; do
		head -c 40000 /dev/urandom | base64 | c -f "$full" add A \
		    2> "$T/err" || { rc=$?; break; }
	done
	is "$rc" 1 "a full disk: 1"
	like "$T/err" 'disk is full' "says the disk is full"
	c -f "$full" show A > "$T/out" 2>&1
	like "$T/out" "la note d'avant" "the earlier note is intact"
	c -f "$full" check > /dev/null 2>&1; ok $? "the notebook checks out"
	rm -f "$T/full/filler"
	umount "$T/full"
	cleanup_hook() { :; }
else
	for i in 1 2 3 4; do skip "cannot mount a tmpfs here"; done
fi
finish

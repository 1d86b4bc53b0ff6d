#!/bin/sh
# make bench: carnet against the SQLCipher floor on generated caseloads of
# 10,000 and 100,000 notes.  Reports median and p95, carnet beside the
# floor and their ratio, as a table and as TSV.  It measures; it does not
# fail the build.  BENCH_SIZES and BENCH_RUNS make it shorter.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$top/tests/.cache/bench
mkdir -p "$bin"
CARNET=$top/carnet
RUNS=${BENCH_RUNS:-20}
PASS="phrase de passe du banc"
out=$bin/results.tsv
: > "$out"
export CARNET_LOCALEDIR="$top/locale" LC_ALL=C.UTF-8 TZ=UTC
unset CARNET_NOW

cc=${CC:-cc}
flags="-O2 -I$top/include $(pkg-config --cflags sqlcipher pangocairo) -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700"
$cc -O2 -o "$bin/gen" "$top/tests/bench/gen.c" -lm
$cc $flags -o "$bin/floor" "$top/tests/bench/floor.c" $(pkg-config --libs sqlcipher)
$cc $flags -o "$bin/bench" "$top/tests/bench/bench.c" "$top/src/notebook.o" \
    "$top"/src/store*.o "$top/src/names.o" "$top/src/leftover.o" \
    "$top/src/secret.o" "$top/src/util.o" \
    "$top/src/text.o" "$top/src/paper.c" \
    "$top/src/paper_send.c" "$top/src/paper_french.c" \
    "$top/tests/bench/print_floor.c" \
    $(pkg-config --libs sqlcipher libargon2 libcrypto icu-uc icu-i18n pangocairo cairo-pdf) \
    -lunistring

# Spelling: carnet's path (the spelling process, beside the program that
# starts it) and Hunspell called directly.
cp "$top/carnet-spell" "$bin/carnet-spell"
$cc $flags $(pkg-config --cflags hunspell) -o "$bin/spelling" \
    "$top/tests/bench/spelling.c" "$top/src/spell.c" \
    "$top/src/spell_words.c" "$top/src/util.o" \
    $(pkg-config --libs hunspell libcrypto icu-uc) -lunistring

cat > "$bin/queries" <<'END'
le
de
et
la
avec
pour
famille
dossier
CAF
RSA
bailleur
échéancier
curatelle
PMI
hébergement
interprète
préfecture
expulsion
harmonique
zodiacale
rendez-vous CAF
bailleur loyer
juge audience
mère enfant
titre séjour
END

ms() { date +%s%N; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
p95() { sort -n | awk '{v[NR] = $1} END {i = int(NR * 0.95 + 0.5); if (i < 1) i = 1; print v[i]}'; }
row() {	# row SIZE OPERATION CARNET FLOOR UNIT
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$out"
}

for N in ${BENCH_SIZES:-10000 100000}; do
	D=$((N / 50))
	# Named by gen.c's version: a changed generator makes a new one.
	corpus=$bin/corpus2-$N
	[ -d "$corpus" ] || "$bin/gen" "$corpus" "$N" "$D"
	nb=$bin/nb-$N.db
	rm -f "$nb" "$nb-wal" "$nb-shm"
	printf '%s\n' "$PASS" | "$CARNET" -f "$nb" --passphrase-fd 0 init \
	    --kdf-memory 8 --kdf-passes 1 2> /dev/null
	# Both imports start alike: the corpus read once (this machine's
	# disk is not what is measured), nothing left to write back.
	warm() { find "$corpus" -type f -exec cat {} + > /dev/null; sync; }
	warm
	t=$(ms)
	printf '%s\n' "$PASS" | "$CARNET" -f "$nb" --passphrase-fd 0 import \
	    "$corpus" 2> /dev/null
	rate=$((N * 1000000000 / ($(ms) - t)))
	# Again: every file is found already there (the re-run's check).
	warm
	t=$(ms)
	printf '%s\n' "$PASS" | "$CARNET" -f "$nb" --passphrase-fd 0 import \
	    "$corpus" 2> /dev/null
	again=$((N * 1000000000 / ($(ms) - t)))
	salt=$(od -An -tx1 -N16 "$nb" | tr -d ' \n')
	key=$(printf %s "$PASS" | argon2 "$salt" -id -t 1 -m 13 -p 1 -l 32 -r)
	warm
	floor=$("$bin/floor" "$nb" "x'$key$salt'" "$corpus" "$bin/queries" "$RUNS")
	frate=$(echo "$floor" | awk -F'\t' '$1 == "import_notes_per_s" {print $2}')
	row "$N" "import (notes/s)" "$rate" "$frate" "rate"
	row "$N" "import again, all already there (notes/s)" "$again" "-" "rate"
	row "$N" "file size per note (bytes)" "$(( $(stat -c %s "$nb") / N ))" "-" "size"
	carnet=$("$bin/bench" "$nb" "$PASS" "$bin/queries" "$RUNS" | grep -v '^#')
	# The floors bench measures itself (printing), beside carnet's.
	floor=$(printf '%s\n%s' "$floor" "$(echo "$carnet" | sed -n 's/^floor://p')")
	carnet=$(echo "$carnet" | grep -v '^floor:')
	kdf=$(echo "$carnet" | awk -F'\t' '$1 == "kdf_alone" {print $2}')
	for i in $(seq 1 "$RUNS"); do
		t=$(ms)
		printf '%s\n' "$PASS" | "$CARNET" -f "$nb" --passphrase-fd 0 ls \
		    > /dev/null
		echo $(( ($(ms) - t) / 1000 ))
	done > "$bin/ls-times"
	lsmed=$(median < "$bin/ls-times"); ls95=$(p95 < "$bin/ls-times")
	# A whole process: starting it and its libraries is most of it.
	row "$N" "command line ls, beyond key derivation (ms, p50/p95)" \
	    "$(awk "BEGIN {printf \"%.1f/%.1f\", $lsmed / 1000 - $kdf, $ls95 / 1000 - $kdf}")" \
	    "-" "ms"
	echo "$carnet" | while IFS="$(printf '\t')" read -r op med p95v max; do
		f=$(echo "$floor" | awk -F'\t' -v o="$op" '$1 == o {print $2 "/" $3}')
		row "$N" "$op (ms, p50/p95, max $max)" "$med/$p95v" "${f:--}" "ms"
	done
	# The screens, measured inside carnet, under tmux.
	if command -v tmux > /dev/null; then
		log=$bin/ui-$N.log
		: > "$log"
		sock=carnet-bench-$$
		tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
		    "env CARNET_BENCH='$log' LC_ALL=C.UTF-8 '$CARNET' -f '$nb'"
		sleep 0.5
		tmux -L "$sock" send-keys "$PASS" Enter
		sleep 1
		pid=$(pgrep -f "^$CARNET -f $nb\$" | head -1)
		for k in $(seq 1 30); do tmux -L "$sock" send-keys Down; sleep 0.02; done
		tmux -L "$sock" send-keys Enter; sleep 0.2
		for k in $(seq 1 10); do tmux -L "$sock" send-keys Down; sleep 0.02; done
		tmux -L "$sock" send-keys Enter; sleep 0.2
		# A note written, spelling on: each letter marks the screen.
		tmux -L "$sock" send-keys Escape; sleep 0.2
		tmux -L "$sock" send-keys n; sleep 0.5
		for ch in L e ' ' r e n d e z - v o u s ' ' a v e c ' ' l a ' ' C A F ' ' e s t ' ' p r i s ' '; do
			tmux -L "$sock" send-keys "$ch"; sleep 0.03
		done
		tmux -L "$sock" send-keys C-x; sleep 0.2
		tmux -L "$sock" send-keys d; sleep 0.3
		tmux -L "$sock" send-keys Escape C-f; sleep 0.2
		for ch in e d u c a t r i c e; do tmux -L "$sock" send-keys "$ch"; sleep 0.05; done
		sleep 0.5
		rss=$(awk '/^VmRSS/ {print $2}' /proc/"$pid"/status)
		hwm=$(awk '/^VmHWM/ {print $2}' /proc/"$pid"/status)
		tmux -L "$sock" send-keys Escape C-q
		sleep 0.3
		tmux -L "$sock" kill-server 2> /dev/null || true
		u=$(awk -F'\t' '$1 == "unlock_to_list" {print $2}' "$log")
		row "$N" "screens: unlock to first list, beyond key derivation (ms)" \
		    "$(awk "BEGIN {printf \"%.1f\", $u - $kdf}")" "-" "ms"
		k50=$(awk -F'\t' '$1 == "keystroke" {print $2}' "$log" | median)
		k95=$(awk -F'\t' '$1 == "keystroke" {print $2}' "$log" | p95)
		kmax=$(awk -F'\t' '$1 == "keystroke" {print $2}' "$log" | sort -n | tail -1)
		row "$N" "screens: keystroke, scroll/open/write a note with spelling/type a search (ms, p50/p95, max $kmax)" \
		    "$k50/$k95" "-" "ms"
		# The search runs between keys (ui.c): from the letter to
		# its results on screen.
		s50=$(awk -F'\t' '$1 == "search_results" {print $2}' "$log" | median)
		s95=$(awk -F'\t' '$1 == "search_results" {print $2}' "$log" | p95)
		smax=$(awk -F'\t' '$1 == "search_results" {print $2}' "$log" | sort -n | tail -1)
		row "$N" "screens: search as you type, letter to results (ms, p50/p95, max $smax)" \
		    "$s50/$s95" "-" "ms"
		row "$N" "screens: steady RSS after unlock, list, search (MiB)" \
		    "$(awk "BEGIN {printf \"%.1f\", $rss / 1024}")" "-" "MiB"
		row "$N" "screens: peak RSS, key derivation included (MiB)" \
		    "$(awk "BEGIN {printf \"%.1f\", $hwm / 1024}")" "-" "MiB"
	fi
done

# Spelling, whatever the notebook's size: the spelling process beside
# Hunspell called directly on the same words.
if [ -r /usr/share/hunspell/fr_FR.dic ]; then
	[ -d "$bin/corpus2-10000" ] || "$bin/gen" "$bin/corpus2-10000" 10000 200
	spelling=$("$bin/spelling" "$bin/corpus2-10000" \
	    /usr/share/hunspell/fr_FR.aff /usr/share/hunspell/fr_FR.dic \
	    "$RUNS" | grep -v '^#')
	sfloor=$(echo "$spelling" | sed -n 's/^floor://p')
	echo "$spelling" | grep -v '^floor:' |
	while IFS="$(printf '\t')" read -r op med p95v max; do
		f=$(echo "$sfloor" | awk -F'\t' -v o="$op" '$1 == o {print $2 "/" $3}')
		row "any" "$op (ms, p50/p95, max $max)" "$med/$p95v" "${f:--}" "ms"
	done
fi

# The table: carnet beside the floor, and the ratio of the medians.
awk -F'\t' '
BEGIN { printf "%-8s %-96s %16s %16s %7s\n", "notes", "operation", "carnet", "floor", "ratio" }
{
	c = $3; f = $4; split(c, cc, "/"); split(f, ff, "/")
	ratio = "-"
	if (f != "-" && ff[1] + 0 > 0) ratio = sprintf("%.2f", $5 == "rate" ? ff[1] / cc[1] : cc[1] / ff[1])
	printf "%-8s %-96s %16s %16s %7s\n", $1, $2, c, f, ratio
}' "$out"
echo "(TSV: $out; ratio = carnet / floor, for a rate floor / carnet: 1.00 is the floor)"

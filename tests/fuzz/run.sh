#!/bin/sh
# make fuzz: build each libFuzzer target (clang, ASan, UBSan) and run it
# for FUZZ_SECONDS (60 by default) from its corpus in tests/fuzz/corpus.
# A crash stops here with the input that caused it.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$top/tests/.cache/fuzz
seconds=${FUZZ_SECONDS:-60}
mkdir -p "$work"
# What a target writes (the dictionary's files) stays in its folder.
export TMPDIR="$work"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
-I$top/include -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700"
crypto="$(pkg-config --cflags --libs sqlcipher libargon2 libcrypto)"
paper="$(pkg-config --cflags --libs pangocairo cairo-pdf)"
icu="$(pkg-config --cflags --libs icu-uc icu-i18n)"
build() {	# build NAME SOURCES... -- LIBS
	name=$1
	shift
	clang $flags -o "$work/$name" "$@"
}
cd "$top"
build header tests/fuzz/header.c src/notebook.c src/leftover.c src/secret.c \
    src/util.c $crypto
build conf tests/fuzz/conf.c src/conf.c src/util.c
build text -DTEXT_BLOCK=16 tests/fuzz/text.c src/text.c src/util.c
build paper tests/fuzz/paper.c src/paper.c src/paper_send.c \
    src/paper_french.c src/util.c \
    $paper
build names tests/fuzz/names.c src/names.c src/util.c $icu
build document tests/fuzz/document.c src/document.c src/document_notes.c \
    src/document_doc.c src/run.c src/when.c src/util.c \
    $(pkg-config --cflags --libs libzip libxml-2.0)
build words tests/fuzz/words.c src/spell_words.c src/util.c -lunistring
build dictionary tests/fuzz/dictionary.c src/spell.c src/spell_words.c \
    src/util.c -lunistring
# The spelling process the dictionary target starts: the build's own,
# beside the target (spell.c looks there first).
cp carnet-spell "$work/carnet-spell"
for name in header conf text paper names document words dictionary; do
	mkdir -p "$work/corpus-$name"
	cp -n tests/fuzz/corpus/$name/* "$work/corpus-$name/" 2> /dev/null || true
	# fontconfig and pango keep caches for the life of the process:
	# not leaks of ours.
	leaks=1
	[ "$name" = paper ] && leaks=0
	# A document holds its text in a zip: seeds of a few KiB.
	max_len=4096
	[ "$name" = document ] && max_len=16384
	# A dictionary starts a process a run: a tenth of the time is
	# already hundreds of them.
	run_seconds=$seconds
	[ "$name" = dictionary ] && run_seconds=$(( (seconds + 9) / 10 ))
	echo "== fuzz $name for $run_seconds s"
	ASAN_OPTIONS=detect_leaks=$leaks \
	    "$work/$name" -max_total_time="$run_seconds" -max_len="$max_len" -timeout=10 \
	    -rss_limit_mb=1024 -print_final_stats=1 -detect_leaks=$leaks \
	    -artifact_prefix="$work/$name-" "$work/corpus-$name" 2>&1 |
	    grep -E '^(stat::number_of_executed_units|stat::new_units_added|==|SUMMARY)' || true
	for f in "$work/$name"-crash-* "$work/$name"-leak-* \
	    "$work/$name"-timeout-* "$work/$name"-oom-*; do
		if [ -e "$f" ]; then
			echo "fuzz $name: failing input kept in $f"
			exit 1
		fi
	done
done
echo "fuzz: no crash"

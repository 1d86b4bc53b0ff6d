#!/usr/bin/env bash
# Paper set like a French document, measured on the PDF itself: where
# each word sits (pdftotext -bbox).  Text is ragged-right (no stretched
# gaps), a number never parts from its unit nor a title from its name,
# the access copy's cover starts the first page, and a title never ends
# on a line of one or two words.
. "$(dirname "$0")/../lib.sh"
here="$(cd "$(dirname "$0")/.." && pwd)"
export CARNET_DATADIR="$here/../po"
command -v pdftotext > /dev/null || skip_all "no pdftotext (poppler-utils)"
locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$' ||
    skip_all "no fr_FR.UTF-8 locale"
# One word a line: page, top, left, right, height, the word; no-break
# spaces count as spaces, as a reader sees them.
words() {
	pdftotext -bbox "$1" - | awk -F'"' '
	    /<page / { page++ }
	    /<word / { w = $9; sub(/^>/, "", w); sub(/<\/word>.*/, "", w)
		printf "%d\t%.1f\t%.2f\t%.2f\t%.1f\t%s\n", page, $4, $2, $6, $8 - $4, w }' |
	    sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'
}

init
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'worker = Marie Curie\nservice = CMP Belleville\ncontact = 01 23 45 67 89\n' \
    > "$XDG_CONFIG_HOME/carnet/config"
c new 'Amina Benali' > /dev/null
CARNET_NOW=1700000000 c add 1 <<'END'
Entretien avec Mme Benali : elle explique que l'échéancier a été accepté par le bailleur mais que la CAF a suspendu l'aide au logement depuis deux mois, faute de déclaration trimestrielle. Nous avons rempli ensemble la déclaration en ligne. Elle reviendra la semaine prochaine avec les quittances. https://www.caf.fr/allocataires/mes-services-en-ligne/faire-une-demande
Pièces à réunir : avis d'imposition, quittances de loyer des trois derniers mois, attestation CAF, relevé d'identité bancaire et justificatif de domicile récent.
Court.
END

# Ragged-right: on every line, the gaps between words are a space's, not
# stretched to the margin.  Justified, this note had gaps of four spaces.
LC_ALL=fr_FR.UTF-8 c print 1 -o "$T/note.pdf" 2> /dev/null
words "$T/note.pdf" | awk -F'\t' '$5 > 15 && $5 < 20' > "$T/body"
gaps=$(awk -F'\t' '$2 == top { print $3 - right } { top = $2; right = $4 }' "$T/body" | sort -n)
median=$(echo "$gaps" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
widest=$(echo "$gaps" | tail -1)
awk -v m="$median" -v w="$widest" 'BEGIN { exit !(m > 0 && w <= m * 1.6) }'
ok $? "no gap is stretched: the widest between two words is $widest pt, a space is $median pt"
ends=$(awk -F'\t' '$2 != top && NR > 1 { print right } { top = $2; right = $4 }' "$T/body" |
    awk '$1 < 595.28 - 62 - 12' | wc -l)
[ "$ends" -ge 3 ]
ok $? "the lines end where their words do, not all at the margin ($ends short)"
awk -F'\t' '$6 == "Court." { print $4 - $3 }' "$T/body" > "$T/short"
awk '{ exit !($1 < 60) }' "$T/short"
ok $? "a line the worker ended herself keeps its width ($(cat "$T/short") pt for Court.)"

# What French print never parts.  The same sentence, pushed one word
# further on each line, so that a break falls at every place in it.
sentence="Reste 348 € dus, 12 % payés. RDV à 14 h 30 avec M. Dupont et Mme Benali, note n° 3, au 01 23 45 67 89."
prefix=
for i in $(seq 0 39); do
	printf '%s%s\n' "$prefix" "$sentence"
	prefix="${prefix}mo "
done > "$T/pushed"
c new 'Paul Martin' > /dev/null
CARNET_NOW=1700000000 c add 'Paul Martin' < "$T/pushed"
# parted FILE: how many of the pairs were set on two lines.
parted() {
	words "$1" | awk -F'\t' '
	    { top[NR] = $1 " " $2; w[NR] = $6 }
	    END {
		split("348 €|12 %|14 h|h 30|M. Dupont|Mme Benali|n° 3|01 23|67 89", pair, "|")
		for (i = 1; i < NR; i++) for (p in pair) {
			split(pair[p], ab, " ")
			if (w[i] == ab[1] && w[i + 1] ~ "^" ab[2] && top[i] != top[i + 1]) n++
		}
		print n + 0
	    }'
}
LC_ALL=fr_FR.UTF-8 c print 'Paul Martin' -o "$T/fr.pdf" 2> /dev/null
is "$(parted "$T/fr.pdf")" 0 "in French, 348 €, 12 %, 14 h 30, M. Dupont, Mme Benali, n° 3 and a telephone number stay on one line"
LC_ALL=C.UTF-8 c print 'Paul Martin' -o "$T/en.pdf" 2> /dev/null
n=$(parted "$T/en.pdf")
[ "$n" -gt 0 ]
ok $? "the measure can fail: printed in English, without French spacing, $n of them part"

# The access copy: what is said to the person starts the first page,
# and her notes follow on it.
CARNET_NOW=1700000000 c print 1 --all --for-person -o "$T/copy.pdf" 2> /dev/null
is "$(pages "$T/copy.pdf")" 1 "an access copy of one note is one page"
pdftotext -f 1 -l 1 "$T/copy.pdf" - | tr -s ' \n' ' ' > "$T/first"
like "$T/first" 'What is written about you' "its first page opens with the words for the person"
like "$T/first" 'Entretien avec Mme Benali' "and holds her first note"
words "$T/copy.pdf" | awk -F'\t' '$6 == "What" { print int($2); exit }' > "$T/top"
awk '{ exit !($1 < 100) }' "$T/top"
ok $? "at the top of the page, not a quarter down ($(cat "$T/top") pt)"

# Titles: no line of one or two words, in the shipped notices and in a
# service's own, whose title is long.
# title_lines FILE: the words of each line of the title, one count a line.
title_lines() {
	words "$1" | awk -F'\t' '$5 > 24 { n[$2]++; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
	    END { for (i = 1; i <= k; i++) print n[order[i]] }'
}
for lang in fr_FR.UTF-8 C.UTF-8; do
	LC_ALL=$lang c notice -o "$T/notice-$lang.pdf" 2> /dev/null
	title_lines "$T/notice-$lang.pdf" > "$T/title"
	awk 'NR > 0 && $1 < 3 && lines > 0 { bad = 1 } { lines++ } END { exit bad || lines == 0 }' "$T/title"
	ok $? "the notice's title ($lang): no second line of one or two words ($(tr '\n' ' ' < "$T/title"))"
done
cat > "$T/notice.txt" <<'END'
Informations sur les notes que je prends pendant nos rendez-vous et vos droits
Texte de la notice.
END
printf 'notice = %s\n' "$T/notice.txt" >> "$XDG_CONFIG_HOME/carnet/config"
LC_ALL=fr_FR.UTF-8 c notice -o "$T/own.pdf" 2> /dev/null
title_lines "$T/own.pdf" > "$T/title"
[ "$(wc -l < "$T/title")" -ge 2 ]
ok $? "a service's long title takes more than one line"
is "$(awk '$1 < 3' "$T/title" | wc -l)" 0 "neither of one or two words ($(tr '\n' ' ' < "$T/title"))"

finish

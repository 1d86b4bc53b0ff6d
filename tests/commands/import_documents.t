#!/usr/bin/env bash
# Old notes in from word processors: .docx and .odt read in memory, .doc
# through antiword or catdoc; a document per person beside the folders,
# or documents in a dossier's folder; each dated entry a note, the text
# before the first date a note of the document's day; headers, footers,
# comments and deleted changes left out; a dry run that writes nothing;
# a second import that adds nothing; hostile documents refused, each
# named with why, while the others come in, and the exit status says
# so; no file written on the way (strace, children followed).
. "$(dirname "$0")/../lib.sh"
docs="$(cd "$(dirname "$0")/../data/documents" && pwd)"
src="$T/src"
mkdir -p "$src/Jean Odt" "$src/Lucas Petit"
cp "$docs/dupont.docx" "$src/Martin Dupont.docx"
cp "$docs/benali.odt" "$src/Amina Benali.odt"
cp "$docs/dupont.odt" "$src/Jean Odt/suivi 2024.odt"
cp "$docs/benali.docx" "$src/Jean Odt/tableau.docx"
cp "$docs/dupont.doc" "$src/Lucas Petit/suivi.doc"
cp "$docs/petit.doc" "$src/Lucas Petit/petit.doc"
touch -d '2024-09-01 10:00:00' "$src/Martin Dupont.docx" \
    "$src/Amina Benali.odt" "$src/Jean Odt/"* "$src/Lucas Petit/"*
init

# --- A .doc its reader never finishes: started now, looked at last, so
# that its half minute passes while the rest runs.  carnet runs readers
# from the system's folders only (Landlock), so the reader that hangs is
# put in antiword's place in a mount namespace of the test's own.
late_can=0
if [ "$(id -u)" -eq 0 ] && command -v unshare > /dev/null &&
    [ -e /usr/bin/antiword ] && [ -e /usr/bin/catdoc ] &&
    unshare -m true 2> /dev/null; then
	late_can=1
	mkdir -p "$T/late/Lucas Petit"
	cp "$docs/dupont.doc" "$T/late/Lucas Petit/suivi.doc"
	printf '#!/bin/sh\nexec sleep 8765\n' > "$T/late-antiword"
	printf '#!/bin/sh\nexit 1\n' > "$T/late-catdoc"
	chmod 755 "$T/late-antiword" "$T/late-catdoc"
	(
		export CARNET_FILE="$T/late.db"
		init
		unshare -m sh -c 'mount --bind "$1" /usr/bin/antiword &&
		    mount --bind "$2" /usr/bin/catdoc && shift 2 && exec "$@"' \
		    - "$T/late-antiword" "$T/late-catdoc" \
		    "$CARNET" --passphrase-fd 3 import "$T/late" \
		    > "$T/late.out" 2>&1 3<<< "$PASS"
		echo $? > "$T/late.rc"
	) &
	late=$!
fi

# --- The dry run ------------------------------------------------------
before=$(sum "$CARNET_FILE")
c import --dry-run "$src" > "$T/out" 2>&1; ok $? "a dry run"
is "$(sum "$CARNET_FILE")" "$before" "the dry run wrote nothing"
is "$(c ls | wc -l)" 0 "and made no dossier"
like "$T/out" '^Would import 23 notes (4 new dossiers)\.$' \
    "it says how many notes and dossiers would come"
like "$T/out" '^  Martin Dupont (new dossier): 5 notes, 2024-03-12 to 2024-09-01$' \
    "per dossier: the notes, the first and last dates"
like "$T/out" 'Martin Dupont.docx: 2 lines before the first date, a note of 2024-09-01' \
    "the text before the first date, and the day it gets"
like "$T/out" '^Nothing was written (--dry-run)' "and says that nothing was written"
command -v antiword > /dev/null && command -v catdoc > /dev/null &&
    have_doc=1 || have_doc=0

# --- The import -------------------------------------------------------
c import "$src" > "$T/out" 2>&1; ok $? "the import"
like "$T/out" '^Imported 23 notes (4 new dossiers)\.$' \
    "the same figures as the dry run"
c show 'Martin Dupont' > "$T/show"
like "$T/show" '^2024-03-12 #1$' "“12/03/2024” heads a note, a day without its hour"
like "$T/show" '^Entretien au CMP. Il parle de son logement humide.$' \
    "the entry's text, a comment's anchor and a deleted change left out"
like "$T/show" '^Il souhaite revoir l’éducatrice.$' "the paragraph after it is in the same note"
like "$T/show" '^Prochain rendez-vous à fixer.$' "a line break is a line"
like "$T/show" '^2024-04-02 #2$' "“Le 2 avril 2024 :” heads a note"
like "$T/show" '^visite à domicile.$' "and the text starts after the colon"
like "$T/show" "$(printf '^- Pièces à réunir :\tavis d’imposition$')" \
    "a list item as “- ”, its tab kept"
like "$T/show" '^- Relevé  de la CAF$' "repeated spaces kept"
like "$T/show" '^2024-05-14 14:30 #3$' "“mardi 14 mai 2024 14h30” with its hour"
like "$T/show" '^2024-06-12 #4$' "“12.06.24 –” heads a note"
like "$T/show" '^Bilan avec la famille.$' "after its dash"
like "$T/show" '^2024-09-01 #5$' "what no date heads: the document's day"
like "$T/show" '^Suivi de M. Dupont$' "its heading kept"
c show 'Jean Odt' > "$T/show2"
for canary in EN-TETE PIED COMMENTAIRE SUPPRIME; do
	grep -q "$canary-CANARY" "$T/show" "$T/show2"
	is $? 1 "no $canary in the notes, from .docx and .odt"
done
c show 'Amina Benali' > "$T/show"
like "$T/show" '^2024-01-05 #1$' "a table's dated row is a note"
like "$T/show" '^Premier accueil.$' "its text"
like "$T/show" '^Mère présente.$' "with the cell's second paragraph"
like "$T/show" '^2024-01-19 #2$' "“19 janvier 2024” in a cell"
like "$T/show" "$(printf '^Date\tNote$')" "the header row is kept, in the undated note"
grep -c '^2024-0[36]-12' "$T/show2" | grep -qx 2
ok $? "a folder of documents: its .odt's entries"
like "$T/show2" '^2024-01-05 #' "and its .docx table's"
if [ "$have_doc" = 1 ]; then
	c show 'Lucas Petit' > "$T/show"
	like "$T/show" '^Bilan avec la famille.$' ".doc, read by antiword"
	like "$T/show" '^Court.$' "a small .doc that antiword refuses, read by catdoc"
else
	skip "antiword or catdoc missing"
	skip "antiword or catdoc missing"
fi

c import "$src" > "$T/out" 2>&1
like "$T/out" '^Imported 0 notes; 23 were already there' \
    "a second import adds nothing"
c import "$docs/dupont.odt" > "$T/out" 2>&1; ok $? "one document named on the command line"
like "$T/out" '^Imported 5 notes (1 new dossier)' "is a dossier of its name"
c ls | cut -f2 | grep -qx dupont; ok $? "named after the file"

# --- No .doc reader ---------------------------------------------------
mkdir -p "$T/nodoc/Lucas Petit" "$T/bin"
cp "$docs/dupont.doc" "$T/nodoc/Lucas Petit/"
PATH="$T/bin" c import "$T/nodoc" > "$T/out" 2>&1
is $? 1 "without antiword or catdoc: refused, exit 1"
like "$T/out" 'dupont.doc: reading a .doc needs antiword or catdoc' \
    "and it says what to install"

# --- Hostile documents ------------------------------------------------
if ! perl -MArchive::Zip -e 1 2> /dev/null; then
	skip_rest=1
fi
bad="$T/bad"
mkdir -p "$bad"
if [ -z "${skip_rest:-}" ]; then
	perl - "$bad" "$docs/dupont.docx" <<-'EOF'
	use strict;
	use Archive::Zip qw(:ERROR_CODES :CONSTANTS);
	my ($dir, $good) = @ARGV;
	sub zip_with {
		my ($file, %members) = @_;
		my $z = Archive::Zip->new();
		for my $name (sort keys %members) {
			my $m = $z->addString($members{$name}, $name);
			$m->desiredCompressionMethod(COMPRESSION_DEFLATED);
			$m->desiredCompressionLevel(9);
		}
		$z->writeToFileNamed("$dir/$file") == AZ_OK or die "$file";
	}
	my $w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
	# 100 MiB of spaces in a paragraph: a few hundred KiB zipped.
	zip_with("Bombe.docx", "word/document.xml" =>
	    "<w:document $w><w:body><w:p><w:r><w:t>" . (" " x (100 << 20)) .
	    "</w:t></w:r></w:p></w:body></w:document>");
	# Billion laughs: entities that expand each other.
	my $lol = join "", map { my $p = $_ - 1;
	    "<!ENTITY l$_ \"" . ("&l$p;" x 10) . "\">" } 1 .. 9;
	zip_with("Rire.docx", "word/document.xml" =>
	    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY l0 \"ha\">$lol]>" .
	    "<w:document $w><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p>" .
	    "</w:body></w:document>");
	# An external entity: a file of this machine.
	zip_with("Externe.docx", "word/document.xml" =>
	    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM " .
	    "\"file:///etc/passwd\">]><w:document $w><w:body><w:p><w:r>" .
	    "<w:t>&x;</w:t></w:r></w:p></w:body></w:document>");
	# A member that would be written outside the folder.
	zip_with("Chemin.docx", "word/document.xml" =>
	    "<w:document $w><w:body><w:p><w:r><w:t>12/03/2024 ok</w:t>" .
	    "</w:r></w:p></w:body></w:document>",
	    "../../../home/evil.sh" => "echo pwned");
	# An OpenDocument protected by a password, as its manifest says.
	zip_with("Secret.odt", "mimetype" =>
	    "application/vnd.oasis.opendocument.text",
	    "META-INF/manifest.xml" => "<manifest:manifest xmlns:manifest=" .
	    "\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">" .
	    "<manifest:file-entry manifest:full-path=\"content.xml\">" .
	    "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>" .
	    "</manifest:file-entry></manifest:manifest>",
	    "content.xml" => join("", map { chr(int(rand(256))) } 1 .. 512));
	# A zip with neither document nor content.
	zip_with("Vide.odt", "mimetype" => "application/zip");
	EOF
	# Word wraps a .docx with a password in a compound file.
	printf '\320\317\021\340\241\261\032\341EncryptedPackage' > "$bad/Verrou.docx"
	# A .docx cut short, as a copy interrupted.
	head -c 3000 "$docs/dupont.docx" > "$bad/Coupé.docx"
	printf 'pas un zip' > "$bad/Texte.docx"
	cp "$docs/benali.odt" "$bad/Bonne Personne.odt"
	echo 0 > "$T/rss"
	measure=
	if [ -x /usr/bin/time ] && [ -z "${ASAN_OPTIONS:-}" ] &&
	    [ -z "${CARNET_UNDER_VALGRIND:-}" ]; then
		measure="/usr/bin/time -f %M -o $T/rss"
	fi
	# shellcheck disable=SC2086
	timeout 300 $measure "$CARNET" --passphrase-fd 3 import "$bad" \
	    > "$T/out" 2>&1 3<<< "$PASS"
	is $? 1 "hostile documents: exit 1, something was refused"
	tally inputs 9
	ok $(( $(tail -1 "$T/rss") > 65536 )) \
	    "in under 64 MiB: the bomb (100 MiB of text) is not inflated"
	like "$T/out" '^Imported 3 notes (1 new dossier)' "the good document comes in"
	like "$T/out" '^9 files were refused' "nine refused"
	like "$T/out" 'Bombe.docx: expands to far more than its size' "the bomb, said"
	like "$T/out" 'Rire.docx: it declares a DTD or entities' "entity expansion, said"
	like "$T/out" 'Externe.docx: it declares a DTD or entities' "an external entity, said"
	like "$T/out" 'Chemin.docx: a part of it is named to be written outside' "a path trick, said"
	like "$T/out" 'Secret.odt: protected by a password: open it and save it without one' \
	    "an .odt with a password, said"
	like "$T/out" 'Verrou.docx: protected by a password' "a .docx with a password, said"
	like "$T/out" 'Coupé.docx: damaged or incomplete' "a file cut short, said"
	like "$T/out" 'Texte.docx: damaged or incomplete' "not a zip at all, said"
	like "$T/out" 'Vide.odt: neither a Word nor an OpenDocument text' "an empty zip, said"
	c ls > "$T/ls"
	for who in Bombe Rire Externe Chemin Secret Verrou Coupé Texte Vide; do
		cut -f2 "$T/ls" | grep -q "^$who" && echo "# $who made a dossier"
	done | grep -q .
	is $? 1 "no refused document made a dossier"
	c search root > "$T/out" 2> /dev/null
	unlike "$T/out" 'root:' "/etc/passwd did not come in"
else
	for i in $(seq 17); do skip "Perl's Archive::Zip missing"; done
fi

# --- No file written: every write or creation, children too -----------
if command -v strace > /dev/null; then
	# A whole import into a fresh notebook, children followed: nothing
	# is opened for writing but the notebook and its journal.
	export CARNET_FILE="$T/traced.db"
	init
	strace -f -qq -e trace=execve,openat,open,creat,rename,renameat,renameat2,link,linkat,mkdir,mkdirat \
	    -o "$T/trace" "$CARNET" --passphrase-fd 3 import "$src" \
	    > /dev/null 2>&1 3<<-END
	$PASS
	END
	grep -q 'O_CREAT' "$T/trace"; ok $? "(the trace sees the notebook's own files made)"
	grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|link|mkdir' "$T/trace" |
	    grep -v -e "$CARNET_FILE" -e '/dev/null' -e '/dev/tty' \
	    -e ENOENT -e EACCES > "$T/writes" || true
	is "$(cat "$T/writes")" "" "an import of documents opens nothing for writing but the notebook"
	CARNET_FILE="$T/traced.db" c ls | grep -c . | grep -qx 4; ok $? "(and it imported)"
	grep -q 'execve("/usr/bin/antiword"\|execve(".*antiword"' "$T/trace" ||
	    grep -q antiword "$T/trace"
	ok $? "antiword was run, and followed"
else
	for i in 1 2 3 4; do skip "no strace"; done
fi

# --- The .doc whose reader never finished ------------------------------
if [ $late_can -eq 1 ]; then
	wait "$late"
	is "$(cat "$T/late.rc")" 1 "a .doc whose reader never ends: given up, exit 1"
	like "$T/late.out" 'suivi.doc: reading it did not end within half a minute' \
	    "and it says the document may be damaged, and what to do"
	pgrep -f '^sleep 8765$' > /dev/null; is $? 1 "the reader was stopped"
	is "$(CARNET_FILE="$T/late.db" c ls | cut -f2,3)" "$(printf 'Lucas Petit\t0')" \
	    "and none of its text came in (the folder's dossier is there, empty)"
else
	for i in 1 2 3 4; do skip "needs root, unshare, antiword and catdoc"; done
fi
finish

#!/bin/sh
# How the documents here were made: LibreOffice's Writer (Debian 12,
# 7.4.7, package libreoffice-writer-nogui), headless, from the flat
# OpenDocument sources beside this script, written by hand.  Not run by
# the tests (LibreOffice is large); run it again only to remake them.
#	sh tests/data/documents/make.sh
set -eu
cd "$(dirname "$0")"
export HOME="$(mktemp -d)"	# LibreOffice's profile, thrown away
trap 'rm -rf "$HOME"' EXIT
soffice --headless --convert-to docx dupont.fodt benali.fodt >/dev/null
soffice --headless --convert-to odt dupont.fodt benali.fodt >/dev/null
soffice --headless --convert-to doc dupont.fodt >/dev/null
printf 'Bonjour.\n12/03/2024 Court.\n' > "$HOME/petit.txt"
soffice --headless --convert-to doc "$HOME/petit.txt" >/dev/null

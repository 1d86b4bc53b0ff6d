# carnet - an encrypted case notebook
# See LICENSE file for copyright and license details.
.POSIX:

include config.mk

# Only curses's -I flags: its -D_XOPEN_SOURCE=600 would clash with ours.
PKG_CFLAGS = `$(PKG_CONFIG) --cflags $(LIBS_PKG)` \
	`$(PKG_CONFIG) --cflags-only-I $(CURSES_PKG)`
PKG_LIBS = `$(PKG_CONFIG) --libs $(LIBS_PKG)`
PAPER_CFLAGS = `$(PKG_CONFIG) --cflags $(PAPER_PKG)`
PAPER_LIBS = `$(PKG_CONFIG) --libs $(PAPER_PKG)`
CURSES_LIBS = `$(PKG_CONFIG) --libs $(CURSES_PKG)`
SPELL_CFLAGS = `$(PKG_CONFIG) --cflags $(SPELL_PKG)`
SPELL_LIBS = `$(PKG_CONFIG) --libs $(SPELL_PKG)`
NAMES_LIBS = `$(PKG_CONFIG) --libs $(NAMES_PKG)`
ALL_CPPFLAGS = $(CARNET_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(CARNET_CFLAGS) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(CARNET_LDFLAGS) $(LDFLAGS)

# carnet itself; the typesetting goes to carnet-paper.so (below).
STORE_SRC = src/store.c src/store_backup.c src/store_dossier.c \
	src/store_draft.c src/store_ids.c src/store_note.c src/store_schema.c \
	src/store_search.c src/store_pdf.c src/store_word.c
SRC = src/cli.c src/cli_check.c src/conf.c src/exchange.c src/main.c \
	src/notebook.c \
	src/paper_load.c src/print.c src/prompt.c src/sandbox.c \
	src/secret.c src/session.c $(STORE_SRC) src/text.c src/ui.c \
	src/ui_dossier.c src/ui_dossiers.c src/ui_editor.c src/ui_help.c \
	src/ui_note.c src/ui_noteops.c src/ui_paper.c src/ui_screens.c \
	src/ui_search.c src/ui_unlock.c src/ui_widgets.c src/ui_place.c src/ui_passphrase.c \
	src/util.c \
	src/when.c src/drives.c src/ui_backup.c src/names.c src/leftover.c \
	src/backup.c src/newpass.c src/document.c src/document_doc.c \
	src/run.c src/document_notes.c src/restore.c src/cli_restore.c src/ui_restore.c \
	src/pdfs.c src/cli_ls.c src/cli_exchange.c src/print_server.c \
	src/spell.c src/spell_words.c src/ui_spelling.c src/cli_words.c
PAPER_SRC = src/paper.c src/paper_french.c src/paper_send.c src/util.c
OBJ = $(SRC:.c=.o)
STORE_OBJ = $(STORE_SRC:.c=.o)
PAPER_OBJ = $(PAPER_SRC:.c=.lo)
UNIT = tests/unit/conf.t tests/unit/notebook.t tests/unit/store.t \
	tests/unit/session.t tests/unit/text.t tests/unit/util.t \
	tests/unit/when.t tests/unit/names.t tests/unit/paper.t \
	tests/unit/spell.t tests/unit/drives.t tests/unit/run.t
MO = locale/fr/LC_MESSAGES/carnet.mo

all: carnet carnet-paper.so carnet-spell $(MO)

# Each object also writes the headers it included (-MMD) to OBJECT.d,
# read back below: a changed header rebuilds what includes it, and the
# list never drifts from the code.
.c.o:
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -MF $@.d -c $< -o $@

carnet: $(OBJ)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS) \
		$(CURSES_LIBS) $(UNISTRING_LIBS)

# The typesetting, loaded only to print (include/paper.h says why); it
# carries its own copy of util.c, so carnet exports nothing to it.
src/paper.lo: src/paper.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PAPER_CFLAGS) -fPIC -MMD -MP \
		-MF $@.d -c src/paper.c -o $@
src/paper_french.lo: src/paper_french.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fPIC -MMD -MP -MF $@.d \
		-c src/paper_french.c -o $@
src/paper_send.lo: src/paper_send.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fPIC -MMD -MP -MF $@.d \
		-c src/paper_send.c -o $@
src/util.lo: src/util.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fPIC -MMD -MP -MF $@.d \
		-c src/util.c -o $@
carnet-paper.so: $(PAPER_OBJ)
	$(CC) $(ALL_CFLAGS) -fPIC -shared $(ALL_LDFLAGS) -o $@ $(PAPER_OBJ) \
		$(PAPER_LIBS)

# The spelling process (include/spell.h says why it is one): Hunspell,
# the sandbox's seal, and nothing of the notebook.
src/spell_main.o: src/spell_main.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(SPELL_CFLAGS) -MMD -MP \
		-MF $@.d -c src/spell_main.c -o $@
carnet-spell: src/spell_main.o src/names.o src/sandbox.o src/util.o
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ src/spell_main.o \
		src/names.o src/sandbox.o src/util.o $(SPELL_LIBS) \
		$(NAMES_LIBS) $(UNISTRING_LIBS)

units: $(UNIT)

# Every target with warnings as errors, by gcc and clang at -g, -O0, -O1,
# -O2 and -O3, in a scratch copy (.ci/builds); CI runs a few of them.
check-builds:
	sh .ci/builds

# Unit tests link only the rooms they test and what those need.
tests/unit/session.t: tests/unit/session.o src/session.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/session.o src/session.o
tests/unit/paper.t: tests/unit/paper.o src/paper_french.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/paper.o src/paper_french.o \
		src/util.o
tests/unit/util.t: tests/unit/util.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/util.o src/util.o
tests/unit/when.t: tests/unit/when.o src/when.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/when.o src/when.o src/util.o
tests/unit/text.t: tests/unit/text.o src/text.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/text.o src/text.o src/util.o
tests/unit/conf.t: tests/unit/conf.o src/conf.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/conf.o src/conf.o src/util.o
tests/unit/notebook.t: tests/unit/notebook.o src/notebook.o \
	src/leftover.o src/secret.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/notebook.o src/notebook.o \
		src/leftover.o src/secret.o src/util.o $(PKG_LIBS)
tests/unit/store.t: tests/unit/store.o $(STORE_OBJ) src/names.o \
	src/notebook.o src/leftover.o src/secret.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/store.o $(STORE_OBJ) \
		src/names.o src/notebook.o src/leftover.o src/secret.o \
		src/util.o $(PKG_LIBS) $(UNISTRING_LIBS)
tests/unit/spell.t: tests/unit/spell.o src/spell_words.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/spell.o src/spell_words.o \
		src/util.o $(UNISTRING_LIBS)
tests/unit/drives.t: tests/unit/drives.o src/drives.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/drives.o src/drives.o src/util.o
tests/unit/run.t: tests/unit/run.o src/run.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/run.o src/run.o
tests/unit/names.t: tests/unit/names.o src/names.o src/util.o
	$(CC) $(ALL_LDFLAGS) -o $@ tests/unit/names.o src/names.o src/util.o \
		$(PKG_LIBS)

$(MO): po/fr.po
	mkdir -p locale/fr/LC_MESSAGES
	msgfmt -c -o $@ po/fr.po

# The catalogue template, and the French catalogue brought up to date.
pot:
	xgettext -k_ -kN_ -kC_:1c,2 -kngettext:1,2 --from-code=UTF-8 \
		--add-comments=TRANSLATORS: --package-name=carnet \
		--package-version=$(VERSION) -o po/carnet.pot $(SRC) src/paper.c src/paper_send.c \
		include/screen.h
	msgmerge -q -U --backup=none po/fr.po po/carnet.pot

# Missing Debian packages are installed (with sudo when not root), saying
# which: the build's for "run", the tests' as well for "check".
deps:
	sh .ci/deps build

deps-test:
	sh .ci/deps test

run: deps all
	./carnet

# The suites, a folder per subject (HACKING says which holds what);
# tests/summary.t runs last: it adds up what the others tallied in
# tests/.report and prints the closing table.
SUITES = tests/unit tests/commands tests/file tests/privacy tests/paper \
	tests/screens tests/docs
check: deps-test all $(UNIT) tests/nolandlock.so tests/badkey.so
	rm -rf tests/.report
	mkdir tests/.report
	CARNET="`pwd`/carnet" CARNET_LOCALEDIR="`pwd`/locale" \
		CARNET_DATADIR="`pwd`/po" CARNET_REPORT="`pwd`/tests/.report" \
		prove -e '' -r $(SUITES) tests/summary.t

# For tests/privacy/sandbox.t: a kernel without Landlock, through LD_PRELOAD.
tests/nolandlock.so: tests/nolandlock.c
	$(CC) -shared -fPIC -o $@ tests/nolandlock.c -ldl

# For tests/file/backup_checked.t: a USB key that damages what it is given.
tests/badkey.so: tests/badkey.c
	$(CC) -shared -fPIC -o $@ tests/badkey.c -ldl

# The same suites built with AddressSanitizer and UBSan (clang); the
# screens' tests are left to check, the rest run here.
ASAN = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
check-asan: deps-test
	$(MAKE) clean
	$(MAKE) CC=clang CFLAGS="$(ASAN)" LDFLAGS="$(ASAN)" carnet \
		carnet-paper.so carnet-spell $(UNIT) $(MO)
	CARNET="`pwd`/carnet" CARNET_LOCALEDIR="`pwd`/locale" \
		CARNET_DATADIR="`pwd`/po" ASAN_OPTIONS=detect_leaks=1 \
		LSAN_OPTIONS=suppressions="`pwd`/tests/lsan.supp" \
		prove -e '' tests/unit/*.t tests/commands/contract.t \
		tests/commands/bad_conditions.t tests/commands/import_export.t \
		tests/commands/import_documents.t \
		tests/file/format.t tests/file/passphrase_change.t \
		tests/paper/printing.t tests/file/upgrade.t
	$(MAKE) clean

# The command-line suites with carnet under valgrind's memcheck.
# VALGRIND_TESTS chooses among them (.ci/debian13 runs the two that
# differ most between SQLCipher generations).
VALGRIND_TESTS = tests/commands/contract.t tests/commands/bad_conditions.t \
	tests/commands/import_export.t tests/file/upgrade.t
check-valgrind: deps-test all
	CARNET="`pwd`/tests/valgrind-carnet" \
		CARNET_UNDER_VALGRIND="`pwd`/carnet" \
		CARNET_LOCALEDIR="`pwd`/locale" CARNET_DATADIR="`pwd`/po" \
		prove -e '' $(VALGRIND_TESTS)

# 200 kills at random moments during add, rm, backup and passwd, and 50
# during draft saves (make check runs 24 and 6).
check-crash: deps-test all
	CARNET="`pwd`/carnet" CARNET_CRASH_KILLS=200 prove -e '' \
		tests/file/killed_commands.t tests/file/killed_drafts.t

# Bugs planted one at a time (tests/mutants/*.patch), each in a scratch
# copy: which test catches it, or MISSED.  Local: a few minutes a mutant.
check-mutants: deps-test
	sh tests/mutants/run.sh

# libFuzzer targets: header, configuration, text buffer, paper layout,
# names, documents.
fuzz: deps-test
	sh tests/fuzz/run.sh

# Measures carnet against the SQLCipher floor, and printing against a bare
# pango/cairo one (tests/bench/run.sh); it
# reports, it does not fail.  BENCH_SIZES=10000 makes it quicker.
bench: deps-test all
	sh tests/bench/run.sh

# A .deb for the Debian or Ubuntu release this runs on (.ci/deb): built
# from install with /usr paths and Debian's hardening flags, its
# dependencies computed by dpkg-shlibdeps.  It cleans the tree before
# and after.  Installs dpkg-dev and lintian if they are missing.
deb:
	sh .ci/deps deb
	sh .ci/deb

# Notebooks written by this build, opened and changed by another (a
# carnet built on the other SQLCipher generation), and the other way
# round: CARNET_OTHER names a program that runs the other carnet.
# .ci/run runs it with the Debian 13 build.
check-cross: all
	CARNET="`pwd`/carnet" CARNET_LOCALEDIR="`pwd`/locale" \
		CARNET_DATADIR="`pwd`/po" prove $(PROVE_FLAGS) -e '' tests/cross/versions.t

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin
	cp -f carnet $(DESTDIR)$(PREFIX)/bin
	chmod 755 $(DESTDIR)$(PREFIX)/bin/carnet
	mkdir -p $(DESTDIR)$(LIBDIR)
	cp -f carnet-paper.so carnet-spell $(DESTDIR)$(LIBDIR)
	chmod 644 $(DESTDIR)$(LIBDIR)/carnet-paper.so
	chmod 755 $(DESTDIR)$(LIBDIR)/carnet-spell
	# The manual in English, and in French where man finds it under a
	# French locale (MANPREFIX/fr).
	for lang in . fr; do \
		for s in 1 5; do \
			d=$(DESTDIR)$(MANPREFIX)/$$lang/man$$s; \
			mkdir -p $$d && \
			sed "s/@VERSION@/$(VERSION)/g" < man/$$lang/carnet.$$s \
			    > $$d/carnet.$$s && chmod 644 $$d/carnet.$$s || exit 1; \
		done; \
	done
	mkdir -p $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES
	cp -f $(MO) $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES/carnet.mo
	chmod 644 $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES/carnet.mo
	mkdir -p $(DESTDIR)$(DATADIR)
	cp -f po/notice.en.txt po/notice.fr.txt po/acronyms.txt \
		$(DESTDIR)$(DATADIR)
	chmod 644 $(DESTDIR)$(DATADIR)/notice.en.txt \
		$(DESTDIR)$(DATADIR)/notice.fr.txt \
		$(DESTDIR)$(DATADIR)/acronyms.txt

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/carnet \
		$(DESTDIR)$(LIBDIR)/carnet-paper.so \
		$(DESTDIR)$(LIBDIR)/carnet-spell \
		$(DESTDIR)$(MANPREFIX)/man1/carnet.1 \
		$(DESTDIR)$(MANPREFIX)/man5/carnet.5 \
		$(DESTDIR)$(MANPREFIX)/fr/man1/carnet.1 \
		$(DESTDIR)$(MANPREFIX)/fr/man5/carnet.5 \
		$(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES/carnet.mo \
		$(DESTDIR)$(DATADIR)/notice.en.txt \
		$(DESTDIR)$(DATADIR)/notice.fr.txt \
		$(DESTDIR)$(DATADIR)/acronyms.txt

clean:
	rm -f carnet carnet-paper.so carnet-spell src/*.o src/*.lo $(UNIT) \
		tests/unit/*.o src/*.d tests/unit/*.d \
		tests/nolandlock.so tests/badkey.so \
		carnet-$(VERSION).tar.gz carnet_*.deb
	rm -rf tests/.report
	rm -rf locale

dist: clean
	mkdir -p carnet-$(VERSION)/tests
	cp -R HACKING LICENSE Makefile README.md config.mk .ci include man po src \
		carnet-$(VERSION)
	cp tests/*.c tests/*.sh tests/*.t tests/*.pl tests/*.supp \
		tests/valgrind-carnet carnet-$(VERSION)/tests
	cp -R tests/bench tests/cross tests/data tests/fuzz tests/mutants \
		$(SUITES) \
		carnet-$(VERSION)/tests
	tar -cf - carnet-$(VERSION) | gzip > carnet-$(VERSION).tar.gz
	rm -rf carnet-$(VERSION)

# What each object includes, as the compiler last saw it (see .c.o).
-include $(OBJ:=.d) $(PAPER_OBJ:=.d) $(UNIT:.t=.o.d)

.PHONY: all units check-builds check-mutants pot deps deps-test run check check-asan check-crash \
	check-cross check-valgrind fuzz bench deb install uninstall clean dist

/*
 * Unit tests of names.c: names kept as they were meant (spaces of every
 * kind one space, nothing invisible), and one key for names that look or
 * are typed alike, as the reported look-alikes of "Amina Benali".
 */
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "tap.h"

/* TYPED is kept as WANT. */
static void
kept(const char *typed, const char *want, const char *what)
{
	struct error err;
	char *got = names_clean(typed, 200, &err);

	if (!ok(got != NULL && strcmp(got, want) == 0, "%s", what))
		printf("#   got “%s”%s%s\n", got ? got : "(refused)",
		    got ? "" : ": ", got ? "" : err.text);
	wipe_free(got);
}

/* TYPED is refused, the message holding WHY. */
static void
refused(const char *typed, const char *why, const char *what)
{
	struct error err;
	char *got = names_clean(typed, 200, &err);

	if (!ok(got == NULL && err.status == EXIT_USAGE &&
	    strstr(err.text, why) != NULL, "%s", what))
		printf("#   got “%s” / %s\n", got ? got : "(refused)",
		    got ? "" : err.text);
	wipe_free(got);
}

/* A and B are one name, once kept: their keys are equal. */
static void
alike(const char *a, const char *b, int want, const char *what)
{
	struct error err;
	char *ca = names_clean(a, 200, &err), *cb = names_clean(b, 200, &err);
	char *ka, *kb;

	if (ca == NULL || cb == NULL) {
		ok(0, "%s (refused: %s)", what, err.text);
		wipe_free(ca);
		wipe_free(cb);
		return;
	}
	ka = names_key(ca);
	kb = names_key(cb);
	if (!ok((strcmp(ka, kb) == 0) == want && names_alike(ca, cb) == want,
	    "%s", what))
		printf("#   keys “%s” and “%s”\n", ka, kb);
	wipe_free(ka);
	wipe_free(kb);
	wipe_free(ca);
	wipe_free(cb);
}

int
main(void)
{
	const char *amina = "Amina Benali";

	/* Spaces of every kind become one ordinary space. */
	kept("Amina\xc2\xa0" "Benali", amina, "a no-break space");
	kept("Amina\xe2\x80\x83" "Benali", amina, "an em space");
	kept("Amina\xe3\x80\x80" "Benali", amina, "an ideographic space");
	kept("Amina\xe2\x80\xaf" "Benali", amina, "a narrow no-break space");
	kept("Amina  Benali", amina, "two spaces");
	kept(" Amina Benali \xc2\xa0", amina, "spaces at either end");
	kept("E\xcc\x81milie Faure", "\xc3\x89milie Faure",
	    "composed: an accent typed apart joins its letter");
	kept("Jean-Marc N\xe2\x80\x99" "Diaye", "Jean-Marc N\xe2\x80\x99"
	    "Diaye", "hyphens and apostrophes are kept as typed");

	/* What draws nothing, or is not text, is refused. */
	refused("Amina\xe3\x85\xa4" "Benali", "invisible", "a Hangul filler "
	    "U+3164");
	refused("Amina \xe1\x85\x9f" "Benali", "invisible", "the Hangul "
	    "choseong filler U+115F");
	refused("Amina \xe1\x85\xa0" "Benali", "invisible", "the Hangul "
	    "jungseong filler U+1160");
	refused("Amina \xe2\xa0\x80" "Benali", "invisible", "the braille "
	    "blank U+2800");
	refused("Amina\xe2\x80\x8b" "Benali", "U+200B", "a zero-width space");
	refused("\xe2\x80\xae" "Amina", "invisible", "a right-to-left "
	    "override");
	refused("Amina\xe2\x80\xa8" "Benali", "invisible", "a line separator");
	refused("Amina\tBenali", "control", "a tab");
	refused("Amina\x1b[2J", "control", "an escape sequence");
	refused("", "needs a name", "nothing");
	refused(" \xc2\xa0 ", "needs a name", "spaces only");
	refused("2024", "digits", "digits only");
	refused("Amina \xff", "UTF-8", "not UTF-8");
	{
		char longname[260];

		memset(longname, 'a', 250);
		longname[250] = '\0';
		refused(longname, "too long", "longer than the limit");
	}

	/* One key for what looks or is typed the same. */
	alike(amina, "amina benali", 1, "case aside");
	alike("\xc3\x89milie Faure", "emilie faure", 1, "accents aside");
	alike(amina, "\xd0\x90mina Benali", 1, "a Cyrillic А");
	alike(amina, "Amina Benal\xc4\xb1", 1, "a dotless ı");
	alike(amina, "Am\xd1\x96na Benali", 1, "a Cyrillic і");
	alike(amina, "Amina\xc2\xa0" "Benali", 1, "a no-break space");
	alike("N'Diaye", "Ndiaye", 1, "an apostrophe aside");
	alike("N\xe2\x80\x99" "Diaye", "N'Diaye", 1, "either apostrophe");
	alike("Jean-Marc Dupont", "Jean Marc Dupont", 1, "a hyphen is a space");
	alike("Jean\xe2\x80\x91Marc Dupont", "Jean-Marc Dupont", 1,
	    "a non-breaking hyphen too");
	alike("\xc5\x92" "dipe Martin", "oedipe martin", 1, "Œ is oe");
	alike(amina, "Amina Benalli", 0, "another name is another key");
	alike(amina, "Aminata Benali", 0, "a longer one too");
	alike("Martin Dupont", "Dupont Martin", 0, "the order of words counts");
	return done();
}

/* Unit tests of when.c: the dates a person types, in UTC, as of
 * Wednesday 2 December 2026, 13:52. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "when.h"

static time_t now;

static time_t
at(int y, int m, int d, int h, int mi)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* TYPED reads as WANT. */
static void
reads(const char *typed, time_t want)
{
	struct error err;
	time_t got = 0;
	int rc = when_parse(typed, now, &got, &err);

	if (!ok(rc == 0 && got == want, "“%s”", typed)) {
		if (rc == -1)
			printf("#   refused: %s\n", err.text);
		else
			printf("#   got %lld, want %lld\n", (long long)got,
			    (long long)want);
	}
}

/* TYPED is refused, with a message that holds SAYS. */
static void
refused(const char *typed, const char *says)
{
	struct error err;
	time_t got = 0;
	int rc = when_parse(typed, now, &got, &err);

	if (!ok(rc == -1 && strstr(err.text, says) != NULL &&
	    err.status == EXIT_USAGE, "“%s” refused", typed))
		printf("#   rc %d, message \"%s\"\n", rc,
		    rc == -1 ? err.text : "");
}

/* TEXT is headed by the date WANT (TIMED or not), its text starting at
 * REST. */
static void
heads(const char *text, time_t want, int timed, const char *rest)
{
	time_t got = 0;
	size_t used = 0;
	int t = -1, rc = when_heading(text, strlen(text), now, &got, &t, &used);

	if (!ok(rc == 1 && got == want && t == timed &&
	    strcmp(text + used, rest) == 0, "heading “%s”", text))
		printf("#   rc %d, got %lld (want %lld), timed %d, rest “%s”\n",
		    rc, (long long)got, (long long)want, t,
		    rc == 1 ? text + used : "");
}

/* No date heads TEXT. */
static void
heads_nothing(const char *text)
{
	time_t got = 0;
	size_t used = 0;
	int t = 0;

	ok(when_heading(text, strlen(text), now, &got, &t, &used) == 0,
	    "no heading in “%s”", text);
}

int
main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	now = at(2026, 12, 2, 13, 52) + 17;

	reads("", now);
	reads("maintenant", now);
	reads("  now ", now);
	reads("aujourd'hui 9h", at(2026, 12, 2, 9, 0));
	reads("aujourd’hui 9h", at(2026, 12, 2, 9, 0));
	reads("hier", at(2026, 12, 1, 13, 52));
	reads("Hier à 17h45", at(2026, 12, 1, 17, 45));
	reads("yesterday 8:05", at(2026, 12, 1, 8, 5));
	reads("avant-hier 9h", at(2026, 11, 30, 9, 0));
	reads("lundi", at(2026, 11, 30, 13, 52));
	reads("Lundi 14h30", at(2026, 11, 30, 14, 30));
	reads("lundi dernier 10 h", at(2026, 11, 30, 10, 0));
	reads("mercredi 8h", at(2026, 12, 2, 8, 0));
	reads("jeudi", at(2026, 11, 26, 13, 52));
	reads("Thursday", at(2026, 11, 26, 13, 52));
	reads("9h", at(2026, 12, 2, 9, 0));
	reads("9 h 05", at(2026, 12, 2, 9, 5));
	reads("13H", at(2026, 12, 2, 13, 0));
	reads("12/03", at(2026, 3, 12, 13, 52));
	reads("12/03 14h30", at(2026, 3, 12, 14, 30));
	reads("le 12/03 à 14h30", at(2026, 3, 12, 14, 30));
	reads("12/03/2025 9h05", at(2025, 3, 12, 9, 5));
	reads("12.03.26", at(2026, 3, 12, 13, 52));
	reads("2026-03-12 14:30", at(2026, 3, 12, 14, 30));
	reads("25/12", at(2025, 12, 25, 13, 52));
	reads("2/12 8h", at(2026, 12, 2, 8, 0));
	reads("12 mars", at(2026, 3, 12, 13, 52));
	reads("12 mars 2025, 10 h 15", at(2025, 3, 12, 10, 15));
	reads("3 déc.", at(2025, 12, 3, 13, 52));
	reads("3 dec", at(2025, 12, 3, 13, 52));
	reads("14 juillet", at(2026, 7, 14, 13, 52));
	reads("1 fevrier 2026", at(2026, 2, 1, 13, 52));
	reads("29/02/2024", at(2024, 2, 29, 13, 52));
	reads("jeudi 12/03/2026", at(2026, 3, 12, 13, 52));

	refused("14h", "future");
	refused("demain", "demain");
	refused("n'importe quoi", "n'importe");
	refused("3 jui", "“3”");
	refused("25h", "25h");
	refused("14h75", "14h75");
	refused("31/02", "no such day");
	refused("29/02/2025", "no such day");
	refused("12/13", "no such day");
	refused("12/03/2027", "future");
	refused("1/1/1969", "too long ago");
	refused("lundi 12/03/2026", "is not a");
	refused("12/03/2026/1", "12/03/2026/1");
	refused("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17", "too long");

	/* The dates that head an entry in a document. */
	heads("12/03/2024 Entretien au CMP.", at(2024, 3, 12, 0, 0), 0,
	    "Entretien au CMP.");
	heads("12/03/24 Entretien", at(2024, 3, 12, 0, 0), 0, "Entretien");
	heads("12.03.2024\tEntretien", at(2024, 3, 12, 0, 0), 0, "Entretien");
	heads("12 mars 2024 visite", at(2024, 3, 12, 0, 0), 0, "visite");
	heads("Le 12 mars 2024 : visite", at(2024, 3, 12, 0, 0), 0, "visite");
	heads("Le 12 mars 2024: visite", at(2024, 3, 12, 0, 0), 0, "visite");
	heads("12/03/2024 – Bilan", at(2024, 3, 12, 0, 0), 0, "Bilan");
	heads("12/03/2024 - Bilan", at(2024, 3, 12, 0, 0), 0, "Bilan");
	heads("mardi 12 mars 2024 14h30 Appel", at(2024, 3, 12, 14, 30), 1,
	    "Appel");
	heads("Mardi 12 mars, 9 h 15 : appel", at(2026, 3, 12, 9, 15), 1,
	    "appel");
	heads("mercredi 12 mars 2024 appel", at(2024, 3, 12, 0, 0), 0,
	    "appel");	/* a wrong weekday does not merge two entries */
	heads("12/03/2024 à la CAF", at(2024, 3, 12, 0, 0), 0, "à la CAF");
	heads("12/03/2024 le matin", at(2024, 3, 12, 0, 0), 0, "le matin");
	heads("12\xc2\xa0mars\xc2\xa0" "2024 visite", at(2024, 3, 12, 0, 0), 0,
	    "visite");
	heads("2024-03-12", at(2024, 3, 12, 0, 0), 0, "");
	heads("12/03 appel", at(2026, 3, 12, 0, 0), 0, "appel");
	heads("25/12 appel", at(2025, 12, 25, 0, 0), 0, "appel");
	heads_nothing("Entretien du 12/03/2024");
	heads_nothing("lundi, appel de la mère");
	heads_nothing("hier soir, appel");
	heads_nothing("14h30 appel");
	heads_nothing("3 enfants à la maison");
	heads_nothing("- 12/03/2024 un élément de liste");
	heads_nothing("31/02/2024 pas un jour");
	heads_nothing("12/03/2042 dans le futur");
	heads_nothing("");
	heads_nothing("le à 12");	/* fillers alone (found by the fuzzer) */
	/* A first line longer than what is looked at, cut after a piece
	 * (found by the fuzzer too). */
	heads_nothing("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaa");
	return done();
}

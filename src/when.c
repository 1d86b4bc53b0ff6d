/*
 * when.c - the date of a meeting, as a person types it (when.h).
 *
 * Words, not a grammar: the typed text is cut at spaces and commas, each
 * piece is a day ("hier", "lundi", "12/03", "2026-03-12"), a day of a
 * month ("12" then "mars"), a time ("14h30", "14:30", "14" "h" "30"), or
 * a small word that says nothing ("le", "à").  Anything else is refused
 * with the piece named: a wrong date on a note is worse than a question.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "when.h"

#define PIECES	16

struct when {
	int	 y, m, d;		/* a day given; y 0: no year */
	int	 back;			/* days before today; -1: none */
	int	 weekday;		/* 0 Sunday; -1: none */
	int	 h, mi;			/* -1: no time */
};

static const char *const fillers[] = {
	"le", "à", "a", "au", "vers", "dernier", "dernière", "derniere",
	"at", "on", "last", "maintenant", "now", NULL
};

/* Each name, in French then in English. */
static const char *const weekdays[][2] = {
	{ "dimanche", "sunday" }, { "lundi", "monday" },
	{ "mardi", "tuesday" }, { "mercredi", "wednesday" },
	{ "jeudi", "thursday" }, { "vendredi", "friday" },
	{ "samedi", "saturday" },
};

/* Month names as written, and as a keyboard without accents gives them;
 * a word of three letters or more that begins only one of them is that
 * month ("janv.", "déc", "sept"). */
static const char *const months[][2] = {
	{ "janvier", NULL }, { "février", "fevrier" }, { "mars", NULL },
	{ "avril", NULL }, { "mai", NULL }, { "juin", NULL },
	{ "juillet", NULL }, { "août", "aout" }, { "septembre", NULL },
	{ "octobre", NULL }, { "novembre", NULL }, { "décembre", "decembre" },
};

static int
in(const char *const *list, const char *word)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, word) == 0)
			return 1;
	return 0;
}

static int
weekday(const char *word)
{
	int i;

	for (i = 0; i < 7; i++)
		if (strcmp(word, weekdays[i][0]) == 0 ||
		    strcmp(word, weekdays[i][1]) == 0)
			return i;
	return -1;
}

/* 1 to 12, or 0. */
static int
month(const char *word)
{
	size_t len = strcspn(word, ".");
	int i, j, found = 0;

	if (len < 3 || (word[len] == '.' && word[len + 1] != '\0'))
		return 0;
	for (i = 0; i < 12; i++)
		for (j = 0; j < 2; j++)
			if (months[i][j] != NULL &&
			    strncmp(word, months[i][j], len) == 0) {
				if (found != 0 && found != i + 1)
					return 0;	/* "jui" */
				found = i + 1;
			}
	return found;
}

/* A whole number of 1 to MAXLEN digits, or -1. */
static int
number(const char *s, size_t maxlen)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= maxlen && s[n] == '\0' ? atoi(s) : -1;
}

/* "14h", "14h30", "14:30", "9H05": 1 with the time set. */
static int
clock_time(const char *s, struct when *w)
{
	int h, mi = 0, n = 0;

	if (sscanf(s, "%2d%n", &h, &n) != 1 || !isdigit((unsigned char)*s))
		return 0;
	s += n;
	if (*s != 'h' && *s != ':')
		return 0;
	s++;
	if (*s != '\0') {
		if (strlen(s) != 2 || !isdigit((unsigned char)s[0]) ||
		    !isdigit((unsigned char)s[1]))
			return 0;
		mi = atoi(s);
	}
	if (h > 23 || mi > 59)
		return 0;
	w->h = h;
	w->mi = mi;
	return 1;
}

/* "12/03", "12/03/26", "12.03.2026", "2026-03-12": 1 with the day set. */
static int
day(const char *s, struct when *w)
{
	int a, b, c = 0, n = 0;
	char sep;

	if (sscanf(s, "%4d-%2d-%2d%n", &a, &b, &c, &n) == 3 && s[n] == '\0' &&
	    n == 10) {
		w->y = a;
		w->m = b;
		w->d = c;
		return 1;
	}
	n = 0;
	if (sscanf(s, "%2d%c%2d%n", &a, &sep, &b, &n) != 3 ||
	    (sep != '/' && sep != '.') || !isdigit((unsigned char)*s))
		return 0;
	s += n;
	if (*s == sep) {
		n = 0;
		if (sscanf(s + 1, "%4d%n", &c, &n) != 1 || s[1 + n] != '\0' ||
		    (n != 2 && n != 4))
			return 0;
		c += n == 2 ? 2000 : 0;
	} else if (*s != '\0')
		return 0;
	w->d = a;
	w->m = b;
	w->y = c;
	return 1;
}

/* Cut LINE (changed) at spaces and commas, lowering ASCII letters. */
static size_t
pieces(char *line, char **piece)
{
	size_t n = 0;
	char *p, *save = NULL;

	for (p = line; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (p = strtok_r(line, " \t,", &save); p != NULL && n < PIECES;
	    p = strtok_r(NULL, " \t,", &save))
		piece[n++] = p;
	return p == NULL ? n : PIECES + 1;
}

/* Read the pieces into W; -1 with the piece not understood in ERR. */
static int
understand(char **piece, size_t n, struct when *w, struct error *err)
{
	size_t i;
	int v, mo;

	for (i = 0; i < n; i++) {
		const char *p = piece[i];

		if (in(fillers, p))
			continue;
		if (strcmp(p, "hier") == 0 || strcmp(p, "yesterday") == 0)
			w->back = 1;
		else if (strcmp(p, "avant-hier") == 0)
			w->back = 2;
		else if (strncmp(p, "aujourd", 7) == 0 ||
		    strcmp(p, "today") == 0)
			w->back = 0;
		else if ((v = weekday(p)) >= 0)
			w->weekday = v;
		else if (clock_time(p, w) || day(p, w))
			continue;
		else if ((v = number(p, 2)) >= 0 && i + 1 < n &&
		    (strcmp(piece[i + 1], "h") == 0 ||
		    strcmp(piece[i + 1], "heures") == 0)) {
			/* "14 h", "14 h 30" */
			w->h = v;
			w->mi = 0;
			i++;
			if (i + 1 < n && (v = number(piece[i + 1], 2)) >= 0) {
				w->mi = v;
				i++;
			}
			if (w->h > 23 || w->mi > 59)
				goto refused;
		} else if ((v = number(p, 2)) >= 1 && i + 1 < n &&
		    (mo = month(piece[i + 1])) > 0) {
			/* "12 mars", "12 mars 2026" */
			w->d = v;
			w->m = mo;
			w->y = 0;
			i++;
			if (i + 1 < n && (v = number(piece[i + 1], 4)) >= 1970) {
				w->y = v;
				i++;
			}
		} else
			goto refused;
		continue;
refused:
		return error_set(err, EXIT_USAGE, _("“%s” is not a date carnet "
		    "understands (for example: yesterday, monday 14h30, 12/03, "
		    "12/03/2026 9h)"), piece[i]);
	}
	return 0;
}

/*
 * W as a moment, as of NOW.  A heading (a date that heads an entry in a
 * document) names a day: its weekday is not checked against it (a slip
 * of the pen must not merge two entries), and without a time it is that
 * day at 00:00, a day without its hour (util_datetime() shows no time).
 */
static int
resolve(const struct when *wp, time_t now, int heading, time_t *out,
    struct error *err)
{
	struct when w = *wp;
	char shown[64], name[64];
	struct tm tm, was;
	time_t t;

	if (heading && w.m != 0)
		w.weekday = -1;
	if (localtime_r(&now, &tm) == NULL)
		return error_set(err, EXIT_ERROR, "localtime");
	tm.tm_sec = 0;
	if (heading && w.h < 0) {
		tm.tm_hour = 0;
		tm.tm_min = 0;
	}
	if (w.m != 0) {
		if (w.y != 0 && w.y < 1970)
			return error_set(err, EXIT_USAGE, _("%d is too long "
			    "ago"), w.y);
		tm.tm_year = (w.y != 0 ? w.y : tm.tm_year + 1900) - 1900;
		tm.tm_mon = w.m - 1;
		tm.tm_mday = w.d;
	}
	if (w.back > 0)
		tm.tm_mday -= w.back;
	if (w.h >= 0) {
		tm.tm_hour = w.h;
		tm.tm_min = w.mi;
	}
	tm.tm_isdst = -1;
	was = tm;
	if ((t = mktime(&tm)) == (time_t)-1)
		return error_set(err, EXIT_USAGE, _("there is no such day"));
	if (w.m != 0 && (tm.tm_mday != was.tm_mday || tm.tm_mon != was.tm_mon))
		return error_set(err, EXIT_USAGE, _("there is no such day: "
		    "%d/%d"), w.d, w.m);
	/* A day and month alone: the latest one, this year or last. */
	if (w.m != 0 && w.y == 0 && t > now && util_day_start(t) >
	    util_day_start(now)) {
		tm = was;
		tm.tm_year--;
		tm.tm_isdst = -1;
		if ((t = mktime(&tm)) == (time_t)-1 || tm.tm_mday != w.d)
			return error_set(err, EXIT_USAGE, _("there is no such "
			    "day: %d/%d"), w.d, w.m);
	}
	if (w.weekday >= 0) {
		if (w.m != 0 && tm.tm_wday != w.weekday) {
			util_date(shown, sizeof(shown), t);
			/* The weekday typed, in the locale's words. */
			tm.tm_mday += w.weekday - tm.tm_wday;
			strftime(name, sizeof(name), "%A", &tm);
			return error_set(err, EXIT_USAGE, _("%s is not a %s"),
			    shown, name);
		}
		tm.tm_mday -= (tm.tm_wday - w.weekday + 7) % 7;
		tm.tm_isdst = -1;
		t = mktime(&tm);
	}
	/* A minute's grace: "now" typed at 14:30:59 is not the future. */
	if (t > now + 60) {
		util_datetime(shown, sizeof(shown), t);
		return error_set(err, EXIT_USAGE, _("%s is in the future: a "
		    "note is dated when the meeting took place"), shown);
	}
	*out = w.m == 0 && w.back < 0 && w.weekday < 0 && w.h < 0 ? now : t;
	return 0;
}

int
when_parse(const char *typed, time_t now, time_t *out, struct error *err)
{
	struct when w = { 0, 0, 0, -1, -1, -1, -1 };
	char line[256], *piece[PIECES + 1];
	size_t n;

	if (strlen(typed) >= sizeof(line))
		return error_set(err, EXIT_USAGE, _("that date is too long"));
	memcpy(line, typed, strlen(typed) + 1);
	if ((n = pieces(line, piece)) > PIECES)
		return error_set(err, EXIT_USAGE, _("that date is too long"));
	if (understand(piece, n, &w, err) == -1)
		return -1;
	return resolve(&w, now, 0, out, err);
}

/* Is P (its LEN bytes) what sets a heading's date apart from its text? */
static int
separator(const char *p, size_t len)
{
	static const char *const marks[] = { ":", "-", "–", "—", ";", NULL };
	size_t i;

	for (i = 0; marks[i] != NULL; i++)
		if (len == strlen(marks[i]) && memcmp(p, marks[i], len) == 0)
			return 1;
	return 0;
}

int
when_heading(const char *text, size_t len, time_t now, time_t *out,
    int *timed, size_t *used)
{
	char line[128], *piece[PIECES + 1];
	size_t end[PIECES], n = 0, i, k, cut;
	struct error err;

	/* The first line, no-break spaces as spaces: one byte for one, so
	 * that a piece's end in LINE is its end in TEXT. */
	cut = 0;
	while (cut < len && cut < sizeof(line) - 1 && text[cut] != '\n' &&
	    text[cut] != '\0')
		cut++;
	memcpy(line, text, cut);
	line[cut] = '\0';
	for (i = 0; i + 1 < cut; i++)
		if ((unsigned char)line[i] == 0xc2 &&
		    (unsigned char)line[i + 1] == 0xa0)
			line[i] = line[i + 1] = ' ';
		else if (i + 2 < cut && memcmp(line + i, "\xe2\x80\xaf", 3) == 0)
			line[i] = line[i + 1] = line[i + 2] = ' ';
	for (i = 0; i < cut; i++)
		line[i] = (char)tolower((unsigned char)line[i]);
	/* Pieces up to a separator ("Le 12 mars 2024 : ..."), a colon
	 * stuck to the last one ("12/03/2024: ...") ending them too. */
	i = 0;
	while (n < PIECES) {
		size_t start;
		int stuck = 0;

		while (i < cut && strchr(" \t,", line[i]) != NULL)
			i++;
		if (i >= cut)
			break;
		start = i;
		while (i < cut && strchr(" \t,", line[i]) == NULL)
			i++;
		if (separator(line + start, i - start))
			break;
		if (i - start > 1 && strchr(":;", line[i - 1]) != NULL)
			stuck = 1;
		end[n] = i;
		line[i - (size_t)stuck] = '\0';
		piece[n++] = line + start;
		if (stuck)
			break;
		i++;
	}
	/* The longest run of pieces that names a day, without the small
	 * words at its end ("12/03/2024 à la CAF" keeps "à"). */
	for (k = n; k > 0; k--) {
		struct when w = { 0, 0, 0, -1, -1, -1, -1 };

		while (k > 0 && in(fillers, piece[k - 1]))
			k--;
		if (k == 0)
			break;
		if (understand(piece, k, &w, &err) == -1 ||
		    w.m == 0 || w.back >= 0)
			continue;
		if (resolve(&w, now, 1, out, &err) == -1)
			return 0;
		*timed = w.h >= 0;
		/* The text starts after the date and its separator. */
		i = end[k - 1];
		while (i < len && strchr(" \t,:;", text[i]) != NULL)
			i++;
		for (k = 0; i < len && k < 3; k++) {
			size_t j = i;

			while (j < len && strchr(" \t", text[j]) == NULL &&
			    text[j] != '\n')
				j++;
			if (!separator(text + i, j - i))
				break;
			i = j;
			while (i < len && strchr(" \t", text[i]) != NULL)
				i++;
		}
		*used = i;
		return 1;
	}
	return 0;
}

/*
 * paper_french.c - French typography on paper: what French print does
 * with spaces around punctuation, so that a ":" or a "»" never starts a
 * line, and between what it never parts (a number and its unit, a time,
 * a title and a name, the groups of a telephone number).  Part of
 * carnet-paper.so; no pango here, so that a unit test reads it alone
 * (tests/unit/paper.c).
 */
#include <string.h>

#include "paper.h"

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Does a capital start at S (LEFT bytes)?  ASCII, or Latin-1's À to Þ
 * in UTF-8. */
static int
capital(const char *s, size_t left)
{
	const unsigned char *u = (const unsigned char *)s;

	return (left > 0 && u[0] >= 'A' && u[0] <= 'Z') || (left > 1 &&
	    u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0x9e && u[1] != 0x97);
}

/* Does the word that ends at S[I] (before a space) read as a title that
 * goes with the name after it: M., Mme, Mlle, MM., Dr, Me, Pr? */
static int
title_before(const char *s, size_t i)
{
	static const char *const titles[] = { "M.", "Mme", "Mlle", "Mmes",
	    "Mlles", "MM.", "Dr", "Me", "Pr", NULL };
	size_t n, k;

	for (k = 0; titles[k] != NULL; k++) {
		n = strlen(titles[k]);
		if (i >= n && memcmp(s + i - n, titles[k], n) == 0 &&
		    (i == n || s[i - n - 1] == ' ' || s[i - n - 1] == '(' ||
		    s[i - n - 1] == '\n'))
			return 1;
	}
	return 0;
}

/*
 * What French print never parts, at the space S[I]: a number and its
 * unit ("348 €", "12 %"), the parts of a time ("14 h 30"), "n° 3", a
 * title and the name after it ("M. Dupont", "Mme Benali"), and groups of
 * digits ("01 23 45 67 89").  The
 * no-break space to put there, or NULL.
 */
static const char *
kept_together(const char *s, size_t len, size_t i)
{
	static const char nbsp[] = "\xc2\xa0", narrow[] = "\xe2\x80\xaf";

	if (i > 0 && digit(s[i - 1]) && i + 3 < len &&
	    memcmp(s + i + 1, "\xe2\x82\xac", 3) == 0)
		return nbsp;
	if (i > 0 && digit(s[i - 1]) && i + 1 < len && s[i + 1] == '%')
		return narrow;
	/* "14 h 30", "9 h": the space before h, and the one after. */
	if (i > 0 && digit(s[i - 1]) && i + 1 < len && s[i + 1] == 'h' &&
	    (i + 2 == len || s[i + 2] == ' ' || s[i + 2] == ',' ||
	    s[i + 2] == '.' || s[i + 2] == '\n'))
		return nbsp;
	if (i > 1 && s[i - 1] == 'h' && s[i - 2] == ' ' && i > 2 &&
	    digit(s[i - 3]) && i + 1 < len && digit(s[i + 1]))
		return nbsp;
	/* "n° 3" ("°" is C2 B0). */
	if (i > 2 && (s[i - 3] == 'n' || s[i - 3] == 'N') &&
	    (unsigned char)s[i - 2] == 0xc2 && (unsigned char)s[i - 1] ==
	    0xb0 && i + 1 < len && digit(s[i + 1]))
		return nbsp;
	if (title_before(s, i) && capital(s + i + 1, len - i - 1))
		return nbsp;
	/* Groups of digits: a telephone number ("01 23 45 67 89"), a
	 * thousand ("12 000"). */
	if (i > 0 && digit(s[i - 1]) && i + 1 < len && digit(s[i + 1]))
		return nbsp;
	return NULL;
}

char *
paper_french_spacing(const char *s, size_t len, size_t *out_len)
{
	/* Each space may grow to a 3-byte no-break space. */
	char *out = wipe_alloc(len * 3 + 1);
	static const char nbsp[] = "\xc2\xa0", narrow[] = "\xe2\x80\xaf";
	const char *space;
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		space = NULL;
		if (s[i] == ' ' && (space = kept_together(s, len, i)) != NULL)
			;
		else if (s[i] == ' ' && i + 1 < len && s[i + 1] == ':')
			space = nbsp;
		else if (s[i] == ' ' && i + 1 < len && (s[i + 1] == ';' ||
		    s[i + 1] == '!' || s[i + 1] == '?'))
			space = narrow;
		/* " »" and "« " ("«" is C2 AB, "»" C2 BB). */
		else if (s[i] == ' ' && i + 2 < len && (unsigned char)s[i + 1] ==
		    0xc2 && (unsigned char)s[i + 2] == 0xbb)
			space = narrow;
		else if (s[i] == ' ' && i >= 2 && (unsigned char)s[i - 2] ==
		    0xc2 && (unsigned char)s[i - 1] == 0xab)
			space = narrow;
		if (space != NULL) {
			memcpy(out + o, space, strlen(space));
			o += strlen(space);
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/*
 * paper_french.c - French typography on paper: what French print does
 * with spaces around punctuation, so that a ":" or a "»" never starts a
 * line.  Part of carnet-paper.so; no pango here, so that a unit test
 * reads it alone (tests/unit_paper.c).
 */
#include <string.h>

#include "paper.h"

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
		if (s[i] == ' ' && i + 1 < len && s[i + 1] == ':')
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

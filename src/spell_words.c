/*
 * spell_words.c - which words of a note spelling checks, and how a word
 * is judged as French is written.  No dictionary here: spell_judge()
 * asks a function it is given, so that the rules are tested alone
 * (tests/unit/spell.c) and the dictionary lives in its own process
 * (spell.c, spell_main.c).
 */
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "spell.h"
#include "util.h"

/* U+2019, the typographic apostrophe, and U+02BC, which some keyboards
 * give for it. */
static int
apostrophe(ucs4_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x02bc;
}

/* A hyphen, and the non-breaking one word processors put in names. */
static int
hyphen(ucs4_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

static int
letter(ucs4_t c)
{
	return uc_is_property_alphabetic(c);
}

/* The character at S (LEFT bytes), its length in *N; U+FFFD for a byte
 * that is not UTF-8, which is no letter. */
static ucs4_t
at(const char *s, size_t left, int *n)
{
	ucs4_t c;

	*n = u8_mbtouc(&c, (const uint8_t *)s, left);
	if (*n <= 0)
		*n = 1;
	return c;
}

static int
space(ucs4_t c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' ||
	    uc_is_property_white_space(c);
}

/* Whether the run between spaces at S (LEN bytes) is left alone: a
 * number, a date or a time (a digit: "14h30", "12/03", "2e"), an e-mail
 * or a web address. */
static int
left_whole(const char *s, size_t len)
{
	size_t i;

	if (len >= 4 && strncmp(s, "www.", 4) == 0)
		return 1;
	for (i = 0; i < len; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '@')
			return 1;
		if (s[i] == ':' && i + 2 < len && s[i + 1] == '/' &&
		    s[i + 2] == '/')
			return 1;
	}
	return 0;
}

/* The words of the run S (LEN bytes, no space in it), from OFFSET in the
 * note, appended to *WORDS. */
static void
words_of_run(const char *s, size_t len, size_t offset,
    struct spell_word **words, size_t *n, size_t *cap)
{
	size_t i = 0, start, end, j;
	ucs4_t c;
	int k, m;

	while (i < len) {
		c = at(s + i, len - i, &k);
		if (!letter(c)) {
			i += (size_t)k;
			continue;
		}
		start = i;
		end = i + (size_t)k;
		i = end;
		/* Letters, and an apostrophe or a hyphen between two. */
		while (i < len) {
			c = at(s + i, len - i, &k);
			if (letter(c)) {
				i += (size_t)k;
				end = i;
				continue;
			}
			if (!(apostrophe(c) || hyphen(c)) ||
			    i + (size_t)k >= len)
				break;
			j = i + (size_t)k;
			if (!letter(at(s + j, len - j, &m)))
				break;
			i = j;
		}
		if (*n == *cap)
			*words = xreallocarray(*words, *cap = *cap ? *cap * 2 :
			    64, sizeof(**words));
		(*words)[*n].start = offset + start;
		(*words)[(*n)++].len = end - start;
		i = end;
	}
}

size_t
spell_words(const char *text, size_t len, struct spell_word **words)
{
	size_t i = 0, start, n = 0, cap = 0;
	int k;

	*words = NULL;
	while (i < len) {
		if (space(at(text + i, len - i, &k))) {
			i += (size_t)k;
			continue;
		}
		start = i;
		while (i < len && !space(at(text + i, len - i, &k)))
			i += (size_t)k;
		if (!left_whole(text + start, i - start))
			words_of_run(text + start, i - start, start, words, &n,
			    &cap);
	}
	return n;
}

/* What French elides before an apostrophe: "l’enfant", "qu’il",
 * "jusqu’ici" are checked as "enfant", "il", "ici". */
static int
elision(const char *s, size_t len)
{
	static const char *const elided[] = { "l", "d", "j", "m", "n", "s",
	    "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
	    "quelqu", NULL };
	char low[8];
	size_t i;

	if (len == 0 || len >= sizeof(low))
		return 0;
	for (i = 0; i < len; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' :
		    s[i]);
	low[len] = '\0';
	for (i = 0; elided[i] != NULL; i++)
		if (strcmp(low, elided[i]) == 0)
			return 1;
	return 0;
}

size_t
spell_elided(const char *word, size_t len)
{
	size_t i;
	ucs4_t c;
	int k;

	for (i = 0; i < len; i += (size_t)k) {
		c = at(word + i, len - i, &k);
		if (apostrophe(c))
			return elision(word, i) && i + (size_t)k < len ?
			    i + (size_t)k : 0;
	}
	return 0;
}

int
spell_judge(const char *word, size_t len,
    int (*is_known)(const char *, void *), void *context)
{
	char plain[SPELL_WORD_MAX + 1];
	size_t i, o = 0, part;
	ucs4_t c;
	int k, known = 1;

	if (len == 0 || len > SPELL_WORD_MAX)
		return 1;	/* nothing, or too long to be a word */
	/* The apostrophes as ', the hyphens as -: what dictionaries hold. */
	for (i = 0; i < len; i += (size_t)k) {
		c = at(word + i, len - i, &k);
		if (apostrophe(c))
			plain[o++] = '\'';
		else if (hyphen(c))
			plain[o++] = '-';
		else {
			memcpy(plain + o, word + i, (size_t)k);
			o += (size_t)k;
		}
	}
	plain[o] = '\0';
	if (is_known(plain, context))
		return 1;
	/* l'enfant: the elided article aside, the word. */
	part = strcspn(plain, "'");
	if (part < o && elision(plain, part))
		return spell_judge(plain + part + 1, o - part - 1, is_known,
		    context);
	/* A hyphenated word the dictionary does not hold whole (a verb and
	 * its pronoun, two names): right when each part is. */
	if (strchr(plain, '-') == NULL && strchr(plain, '\'') == NULL)
		return 0;
	for (i = 0; i < o && known; i = part + 1) {
		part = i + strcspn(plain + i, "-'");
		if (part > i)
			known = spell_judge(plain + i, part - i, is_known,
			    context);
	}
	return known;
}

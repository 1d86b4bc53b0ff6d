/*
 * names.c - names cleaned as they are kept, and their comparison key
 * (names.h says what each promises).  ICU does the Unicode: NFC and NFD,
 * character properties, case folding, and the confusables of UTS #39
 * through its spoof checker, so that "looks the same" is Unicode's data,
 * not a list of our own.  Start with names_clean(), then names_key().
 *
 * A name is a person's: ICU is handed carnet's wiping allocator before
 * its first use (wipe_icu()), so that what it copies is wiped when given
 * back, and every buffer here is wiped too.
 */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uspoof.h>

#include "names.h"

static void *
icu_alloc(const void *ctx, size_t size)
{
	(void)ctx;
	return wipe_alloc(size > 0 ? size : 1);
}

static void *
icu_realloc(const void *ctx, void *p, size_t size)
{
	(void)ctx;
	return wipe_grow(p, size > 0 ? size : 1);
}

static void
icu_free(const void *ctx, void *p)
{
	(void)ctx;
	wipe_free(p);
}

/* Once, before ICU is used: its memory goes through carnet's wiping
 * allocator.  Refused when something else in the process started ICU
 * first; names are then compared all the same. */
static void
wipe_icu(void)
{
	static int done;
	UErrorCode status = U_ZERO_ERROR;

	if (done)
		return;
	done = 1;
	u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &status);
}

/* UTF-8 S as UTF-16, in wiped memory; *LEN its length in units.  NULL
 * when S is not UTF-8. */
static UChar *
to_utf16(const char *s, int32_t *len)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar *u;

	u_strFromUTF8(NULL, 0, len, s, -1, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	u = wipe_alloc(((size_t)*len + 1) * sizeof(*u));
	status = U_ZERO_ERROR;
	u_strFromUTF8(u, *len + 1, NULL, s, -1, &status);
	if (U_FAILURE(status)) {
		wipe_free(u);
		return NULL;
	}
	return u;
}

/* UTF-16 U (LEN units) as UTF-8, in wiped memory. */
static char *
to_utf8(const UChar *u, int32_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	char *s;

	u_strToUTF8(NULL, 0, &n, u, len, &status);
	s = wipe_alloc((size_t)n + 1);
	status = U_ZERO_ERROR;
	u_strToUTF8(s, n + 1, NULL, u, len, &status);
	if (U_FAILURE(status))
		s[0] = '\0';
	return s;
}

/* U (*LEN units) through the normaliser NORM, in place of U. */
static UChar *
normalized(const UNormalizer2 *norm, UChar *u, int32_t *len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n;
	UChar *out;

	n = unorm2_normalize(norm, u, *len, NULL, 0, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return u;
	out = wipe_alloc(((size_t)n + 1) * sizeof(*out));
	status = U_ZERO_ERROR;
	unorm2_normalize(norm, u, *len, out, n + 1, &status);
	if (U_FAILURE(status)) {
		wipe_free(out);
		return u;
	}
	wipe_free(u);
	*len = n;
	return out;
}

/* Draws nothing: default-ignorable code points (the Hangul fillers
 * U+115F, U+1160, U+3164, U+FFA0 among them, variation selectors), and
 * the blank braille pattern, which Unicode counts as a symbol. */
static int
draws_nothing(UChar32 c)
{
	return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
	    c == 0x2800;
}

char *
names_clean(const char *typed, size_t max, struct error *err)
{
	UChar *u, *o;
	UChar32 c;
	int32_t len, i, n = 0;
	int type, digits = 1;
	char *name;

	wipe_icu();
	if (typed[0] == '\0') {
		error_set(err, EXIT_USAGE, _("a dossier needs a name"));
		return NULL;
	}
	if (util_utf8_invalid(typed, strlen(typed)) != -1 ||
	    (u = to_utf16(typed, &len)) == NULL) {
		error_set(err, EXIT_USAGE, _("the name is not valid text "
		    "(UTF-8)"));
		return NULL;
	}
	{
		UErrorCode status = U_ZERO_ERROR;
		const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);

		if (U_SUCCESS(status))
			u = normalized(nfc, u, &len);
	}
	o = wipe_alloc(((size_t)len + 1) * sizeof(*o));
	for (i = 0; i < len; ) {
		U16_NEXT(u, i, len, c);
		type = u_charType(c);
		if (type == U_CONTROL_CHAR) {
			error_set(err, EXIT_USAGE, _("the name contains a "
			    "control character"));
			goto refused;
		}
		/* Before the spaces: the line and paragraph separators
		 * are white space to ICU, and never part of a name. */
		if (type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR ||
		    type == U_PARAGRAPH_SEPARATOR || draws_nothing(c)) {
			error_set(err, EXIT_USAGE, _("the name contains an "
			    "invisible character (U+%04X): type it again "
			    "without it"), (unsigned)c);
			goto refused;
		}
		if (type == U_SPACE_SEPARATOR || u_isUWhiteSpace(c)) {
			if (n > 0 && o[n - 1] != ' ')
				o[n++] = ' ';
			continue;
		}
		if (c < '0' || c > '9')
			digits = 0;
		U16_APPEND_UNSAFE(o, n, c);
	}
	while (n > 0 && o[n - 1] == ' ')
		n--;
	if (n == 0) {
		error_set(err, EXIT_USAGE, _("a dossier needs a name"));
		goto refused;
	}
	if (digits) {
		error_set(err, EXIT_USAGE, _("a name made only of digits would "
		    "be taken for a dossier number"));
		goto refused;
	}
	name = to_utf8(o, n);
	wipe_free(u);
	wipe_free(o);
	if (strlen(name) > max) {
		wipe_free(name);
		error_set(err, EXIT_USAGE, _("the name is too long: at most %zu "
		    "bytes"), max);
		return NULL;
	}
	return name;
refused:
	wipe_free(u);
	wipe_free(o);
	return NULL;
}

/* An apostrophe, as names are written with one: left out of the key. */
static int
apostrophe(UChar32 c)
{
	return c == 0x27 || c == 0x60 || c == 0xB4 || c == 0x2BC ||
	    c == 0x2018 || c == 0x2019 || c == 0x2032;
}

/* A hyphen or a dash: a space in the key. */
static int
hyphen(UChar32 c)
{
	return c == '-' || u_charType(c) == U_DASH_PUNCTUATION || c == 0x2212;
}

/* U (*LEN units) without accents, case, apostrophes; hyphens and spaces
 * one space.  In place. */
static void
fold(UChar **u, int32_t *len)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
	UChar *folded;
	UChar32 c;
	int32_t i, n = 0, flen;

	if (U_SUCCESS(status))
		*u = normalized(nfd, *u, len);
	status = U_ZERO_ERROR;
	flen = u_strFoldCase(NULL, 0, *u, *len, U_FOLD_CASE_DEFAULT,
	    &status);
	folded = wipe_alloc(((size_t)flen + 1) * sizeof(*folded));
	status = U_ZERO_ERROR;
	u_strFoldCase(folded, flen + 1, *u, *len, U_FOLD_CASE_DEFAULT,
	    &status);
	if (U_FAILURE(status)) {
		wipe_free(folded);
		return;
	}
	for (i = 0; i < flen; ) {
		U16_NEXT(folded, i, flen, c);
		if (u_charType(c) == U_NON_SPACING_MARK || apostrophe(c))
			continue;
		if (hyphen(c) || u_isUWhiteSpace(c)) {
			if (n > 0 && folded[n - 1] != ' ')
				folded[n++] = ' ';
			continue;
		}
		U16_APPEND_UNSAFE(folded, n, c);
	}
	while (n > 0 && folded[n - 1] == ' ')
		n--;
	wipe_free(*u);
	*u = folded;
	*len = n;
}

char *
names_key(const char *name)
{
	static USpoofChecker *spoof;
	UErrorCode status = U_ZERO_ERROR;
	UChar *u, *skeleton;
	int32_t len, n;
	char *key;

	wipe_icu();
	if ((u = to_utf16(name, &len)) == NULL)
		return wipe_dup(name, strlen(name));
	fold(&u, &len);
	if (spoof == NULL)
		spoof = uspoof_open(&status);
	if (spoof != NULL) {
		status = U_ZERO_ERROR;
		n = uspoof_getSkeleton(spoof, 0, u, len, NULL, 0, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR) {
			skeleton = wipe_alloc(((size_t)n + 1) *
			    sizeof(*skeleton));
			status = U_ZERO_ERROR;
			uspoof_getSkeleton(spoof, 0, u, len, skeleton, n + 1,
			    &status);
			if (U_SUCCESS(status)) {
				wipe_free(u);
				u = skeleton;
				len = n;
				/* A prototype may be a capital or carry a
				 * mark: folded once more. */
				fold(&u, &len);
			} else
				wipe_free(skeleton);
		}
	}
	key = to_utf8(u, len);
	wipe_free(u);
	return key;
}

int
names_alike(const char *a, const char *b)
{
	char *ka = names_key(a), *kb = names_key(b);
	int same = strcmp(ka, kb) == 0;

	wipe_free(ka);
	wipe_free(kb);
	return same;
}

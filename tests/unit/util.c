/* Unit tests of util.c: UTF-8 checks, numbers, errors, dates. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"

static long
invalid(const char *s)
{
	return util_utf8_invalid(s, strlen(s));
}

int
main(void)
{
	struct error err;
	long long v;
	char buf[64], *s;
	is_int(invalid("plain ascii"), -1, "ASCII is valid");
	is_int(invalid("éducatrice œuvre « € »"), -1, "French is valid");
	is_int(invalid("Бенали بن علي 😀"), -1, "Cyrillic, Arabic, emoji");
	is_int(invalid("ab\xc3"), 2, "a sequence cut at the end");
	is_int(invalid("a\xc0\x80"), 1, "overlong NUL refused");
	is_int(invalid("\xe0\x80\xaf"), 0, "overlong 3-byte refused");
	is_int(invalid("x\xed\xa0\x80"), 1, "surrogate refused");
	is_int(invalid("\xf4\x90\x80\x80"), 0, "beyond U+10FFFF refused");
	is_int(invalid("\xff"), 0, "0xFF refused");
	is_int(invalid("é\x80"), 2, "stray continuation byte");
	is_int(util_utf8_invalid("a\0b", 3), 1, "NUL counts as invalid");
	is_int(util_utf8_length("éte€", strlen("éte€")), 4,
	    "characters, not bytes");

	ok(util_number("42", 0, 100, &v) == 0 && v == 42, "a number");
	ok(util_number("101", 0, 100, &v) == -1, "above the maximum");
	ok(util_number("-1", 0, 100, &v) == -1, "a sign is refused");
	ok(util_number("4x", 0, 100, &v) == -1, "trailing garbage");
	ok(util_number("", 0, 100, &v) == -1, "empty");
	ok(util_number("99999999999999999999", 0, 1LL << 62, &v) == -1,
	    "overflow");

	is_int(error_set(&err, EXIT_BUSY, "in use %d", 5), -1,
	    "error_set returns -1");
	ok(err.status == EXIT_BUSY && strcmp(err.text, "in use 5") == 0,
	    "error_set records status and text");

	s = xasprintf("%s-%d", "a", 7);
	is_str(s, "a-7", "xasprintf");
	free(s);

	/* Note text's own allocation: copies, grows and compares. */
	s = wipe_dup("un\0deux", 7);
	ok(memcmp(s, "un\0deux", 8) == 0, "wipe_dup copies past a NUL, and "
	    "ends with one");
	s = wipe_grow(s, 1 << 16);
	ok(memcmp(s, "un\0deux", 8) == 0, "wipe_grow keeps the text");
	s[(1 << 16) - 1] = 'z';		/* the whole new block is usable */
	ok(wipe_grow(s, 100) == s, "wipe_grow never shrinks");
	wipe_free(s);
	wipe_free(NULL);
	ok(wipe_same("phrase", 6, "phrase", 6), "wipe_same: equal");
	ok(!wipe_same("phrase", 6, "phrasE", 6), "wipe_same: one byte off");
	ok(!wipe_same("phrase", 6, "phrase!", 7), "wipe_same: a prefix is "
	    "not the same");
	ok(wipe_same("", 0, "", 0), "wipe_same: two empty texts");

	setenv("TZ", "UTC", 1);
	setenv("CARNET_NOW", "1700000000", 1);
	is_int(util_now(), 1700000000, "CARNET_NOW fixes now");
	util_datetime(buf, sizeof(buf), util_now());
	is_str(buf, "2023-11-14 22:13", "date and time, untranslated");
	util_date(buf, sizeof(buf), 0);
	is_str(buf, "1970-01-01", "date alone");
	ok(util_is_folder("/"), "/ is a folder");
	ok(!util_is_folder("/etc/passwd"), "a file is not");
	ok(!util_is_folder("/nonexistent/carnet"), "nor what is not there");
	ok(!util_is_folder(NULL), "nor NULL");
	{
		/* Dates a notebook changed by hand may hold: no overflow
		 * (UBSan under make fuzz found one), and shown as they are. */
		char h[256];

		util_note_history(h, sizeof(h), INT64_MIN, INT64_MAX,
		    INT64_MAX, 0);
		ok(strstr(h, "9223372036854775807") != NULL,
		    "note history: the farthest dates, shown as numbers");
		util_note_history(h, sizeof(h), INT64_MAX, INT64_MIN,
		    INT64_MIN, 0);
		ok(strstr(h, "-9223372036854775808") != NULL &&
		    strstr(h, "changed") == NULL,
		    "and a change before the writing is not one");
		util_note_history(h, sizeof(h), 1700000000, 1700000000,
		    1700000300, 0);
		is_str(h, "", "five minutes of saves are no change");
	}
	/* Built into glibc since 2.35 (Debian 12 has 2.36). */
	ok(setlocale(LC_CTYPE, "C.UTF-8") != NULL, "the C.UTF-8 locale");
	{
		char *h;

		is_int(util_width("été", strlen("été")), 3,
		    "util_width: accents take one column");
		is_int(util_width("日本", strlen("日本")), 4,
		    "util_width: a wide character takes two");
		is_int(util_width("a\x01b", 3), 3, "util_width: a control "
		    "counts as its '?'");
		h = util_head("Visite à domicile\nsecond line");
		is_str(h, "Visite à domicile", "util_head: the first line");
		wipe_free(h);
		h = util_head("Rendez-vous avec l’éducatrice de l’ASE pour "
		    "préparer l’audience");
		is_int(util_width(h, strlen(h)), UTIL_HEAD_COLUMNS,
		    "util_head: a long line fills the columns exactly");
		ok(strcmp(h + strlen(h) - strlen("…"), "…") == 0,
		    "util_head: and ends with …");
		wipe_free(h);
		h = util_head("日本日本日本日本日本日本日本日本日本日本日本");
		is_int(util_width(h, strlen(h)), UTIL_HEAD_COLUMNS - 1,
		    "util_head: a wide character never goes past the edge");
		wipe_free(h);
	}
	return done();
}

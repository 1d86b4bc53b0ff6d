/*
 * Unit tests of text.c: inserting and deleting anywhere, multibyte and
 * wide characters, moves by character, word, line and wrapped row, undo
 * and redo, and hostile input that must never corrupt the buffer.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"
#include "util.h"

static char *
all(struct text *t)
{
	static char *last;

	wipe_free(last);
	return last = text_copy(t, 0, text_len(t));
}

/* Random inserts and deletes, small and larger than a block, against a
 * plain array: the text reads back the same, byte by byte and whole,
 * and its words are counted the same.  The bytes are ASCII so that the
 * model needs no boundaries. */
static int
against_model(unsigned long seed, size_t rounds)
{
	struct text *t = text_new();
	size_t cap = 1 << 22, len = 0, i, pos, n, r, words, in;
	char *model = xmalloc(cap), *chunk = xmalloc(100000), *copy;
	int same = 1;

	for (r = 0; r < rounds && same; r++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		pos = len ? (seed >> 17) % (len + 1) : 0;
		n = (seed >> 40) % 8 == 0 ? (seed >> 7) % 100000 :
		    (seed >> 7) % 40;
		if ((seed >> 33) % 3 != 0 && len + n < cap) {
			for (i = 0; i < n; i++)
				chunk[i] = " abcdefghij\n"[(seed >> (i % 50)) % 12];
			text_insert(t, pos, chunk, n);
			memmove(model + pos + n, model + pos, len - pos);
			memcpy(model + pos, chunk, n);
			len += n;
		} else {
			n = n < len - pos ? n : len - pos;
			text_delete(t, pos, pos + n);
			memmove(model + pos, model + pos + n, len - pos - n);
			len -= n;
		}
		same = text_len(t) == len;
		if (r % 64 == 0 || r + 1 == rounds) {
			copy = text_copy(t, 0, text_len(t));
			same = same && memcmp(copy, model, len) == 0;
			wipe_free(copy);
		}
		for (i = 0; i < 64 && len > 0 && same; i++) {
			pos = (seed >> (i % 40)) % len;
			same = text_byte(t, pos) == (unsigned char)model[pos];
		}
		if (len > 10) {
			copy = text_copy(t, len / 3, len / 2);
			same = same && memcmp(copy, model + len / 3,
			    len / 2 - len / 3) == 0;
			wipe_free(copy);
		}
	}
	for (i = 0, words = 0, in = 0; i < len; i++) {
		if (model[i] != ' ' && model[i] != '\n' && !in)
			words++;
		in = model[i] != ' ' && model[i] != '\n';
	}
	same = same && text_words(t) == words;
	free(model);
	free(chunk);
	text_free(t);
	return same;
}

static struct text *
with(const char *s)
{
	struct text *t = text_new();

	text_insert(t, 0, s, strlen(s));
	text_seal(t);
	return t;
}

int
main(void)
{
	struct text *t;
	size_t pos, i;
	wchar_t wc;
	int w;
	char *big;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "en_US.UTF-8");

	t = text_new();
	is_int(text_len(t), 0, "a new text is empty");
	text_insert(t, 0, "milieu", 6);
	text_insert(t, 0, "début ", 7);
	text_insert(t, text_len(t), " fin", 4);
	is_str(all(t), "début milieu fin", "insert at start, middle, end");
	text_insert(t, 7, "é", 2);
	is_str(all(t), "début émilieu fin", "insert a two-byte character");
	text_delete(t, 7, 9);
	is_str(all(t), "début milieu fin", "delete it");
	text_delete(t, 0, 7);
	is_str(all(t), "milieu fin", "delete at the start");
	text_delete(t, 6, text_len(t));
	is_str(all(t), "milieu", "delete at the end");
	text_insert(t, 3, "\nligne\n", 7);
	is_str(all(t), "mil\nligne\nieu", "insert across line breaks");
	text_delete(t, 2, 5);
	is_str(all(t), "miigne\nieu", "delete across a line break");
	text_free(t);

	/* Moves. */
	t = with("Ça va ?\nÉté 中文 e\xcc\x81t\xc3\xa9");
	is_int(text_next(t, 0), 2, "next skips a whole Ç");
	is_int(text_prev(t, 2), 0, "prev comes back to it");
	pos = text_line_end(t, 0);
	is_int(pos, 8, "end of the first line");
	is_int(text_line_start(t, 12), 9, "start of the second line");
	is_int(text_word_next(t, 0), 4, "next word");
	is_int(text_word_prev(t, 6), 4, "previous word");
	pos = 9 + strlen("Été ");
	text_char(t, pos, &wc, &w);
	is_int(w, 2, "a CJK character is two columns wide");
	is_int(text_next(t, pos), pos + 3, "and one character");
	pos = 9 + strlen("Été 中文 ");
	is_int(text_next(t, pos), pos + 3, "e and its combining accent move as one");
	is_int(text_prev(t, pos + 3), pos, "both ways");
	text_free(t);

	/* The cursor never lands inside a character. */
	t = with("😀é");
	for (pos = 0, i = 0; pos < text_len(t); i++)
		pos = text_next(t, pos);
	ok(i == 2 && pos == 6, "an emoji and é: two characters, six bytes");
	text_char(t, 0, &wc, &w);
	is_int(w, 2, "the emoji is two columns");
	text_free(t);

	/* Hostile input. */
	{
		static const char bad[] = "a\xff\xfe" "b\xc3" "c\0d\033[2J\r\ne"
		    "\rf\xc2\x9bg";

		t = text_new();
		text_insert(t, 0, bad, sizeof(bad) - 1);
	}
	ok(util_utf8_invalid(all(t), text_len(t)) == -1,
	    "invalid UTF-8, NUL and escapes leave valid text");
	ok(strchr(all(t), '\033') == NULL && strchr(all(t), '\r') == NULL,
	    "no escape, no CR");
	ok(strstr(all(t), "\xc2\x9b") == NULL, "no C1 control either");
	ok(strstr(all(t), "\n") != NULL && strstr(all(t), "[2J") != NULL,
	    "the rest is kept: CR LF became LF");
	is_int(memcmp(all(t), "a\xef\xbf\xbd\xef\xbf\xbd" "b", 8), 0,
	    "each bad byte becomes U+FFFD");
	text_free(t);

	/* Wrapping. */
	t = with("un deux trois quatre\ncinq");
	is_int(text_row_next(t, 0, 10), 8, "a row breaks after the last space");
	is_int(text_row_next(t, 8, 10), 14, "the next one too");
	is_int(text_row_next(t, 14, 10), 21, "a newline ends a row");
	is_int(text_row_next(t, 21, 10), 25, "the last row ends the text");
	is_int(text_row_start(t, 10, 10), 8, "the row of a position");
	is_int(text_row_start(t, 25, 10), 21, "the end is on the last row");
	text_free(t);
	t = with("anticonstitutionnellement");
	is_int(text_row_next(t, 0, 10), 10, "a long word breaks mid-word");
	text_free(t);
	t = with("中文中文中文");
	is_int(text_row_next(t, 0, 5), 6, "wide characters wrap by width");
	text_free(t);
	t = with("fin\n");
	is_int(text_row_start(t, 4, 10), 4, "after a final newline, a new row");
	text_free(t);

	/* Undo and redo. */
	t = text_new();
	text_insert(t, 0, "b", 1);
	text_insert(t, 1, "o", 1);
	text_insert(t, 2, "n", 1);
	text_seal(t);
	text_insert(t, 3, " jour", 5);
	is_str(all(t), "bon jour", "typed");
	ok(text_undo(t, &pos) == 0 && strcmp(all(t), "bon") == 0 && pos == 3,
	    "undo removes the last step");
	ok(text_undo(t, &pos) == 0 && strcmp(all(t), "") == 0 && pos == 0,
	    "letters typed in a row are one step");
	ok(text_undo(t, &pos) == -1, "nothing more to undo");
	ok(text_redo(t, &pos) == 0 && strcmp(all(t), "bon") == 0 && pos == 3,
	    "redo");
	ok(text_redo(t, &pos) == 0 && strcmp(all(t), "bon jour") == 0,
	    "redo again");
	ok(text_redo(t, &pos) == -1, "nothing more to redo");
	text_seal(t);
	text_delete(t, 7, 8);
	text_delete(t, 6, 7);
	text_delete(t, 5, 6);
	is_str(all(t), "bon j", "three backspaces");
	ok(text_undo(t, &pos) == 0 && strcmp(all(t), "bon jour") == 0,
	    "are one step to undo");
	text_insert(t, 0, "x", 1);
	ok(text_redo(t, &pos) == -1, "a new edit forgets what could be redone");
	text_free(t);

	/* Words. */
	t = with("  un  deux\ttrois\nquatre ");
	is_int(text_words(t), 4, "four words");
	text_free(t);

	/* A megabyte, edited all over. */
	t = text_new();
	big = xmalloc(1 << 20);
	for (i = 0; i < 1 << 20; i++)
		big[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
	text_insert(t, 0, big, 1 << 20);
	for (i = 0; i < 10000; i++)	/* anywhere, even mid-character */
		text_insert(t, (i * 7919) % text_len(t), "é", 2);
	is_int(text_len(t), (1 << 20) + 20000, "10,000 insertions in 1 MiB");
	ok(util_utf8_invalid(all(t), text_len(t)) == -1, "still valid text");
	for (i = 0; i < 10000; i++)
		if (text_undo(t, &pos) == -1)
			break;
	text_undo(t, &pos);
	is_int(text_len(t), 0, "all undone");
	ok(text_redo(t, &pos) == 0 && text_len(t) == 1 << 20,
	    "and the megabyte comes back");
	free(big);
	text_free(t);

	/* Across the blocks the text is kept in. */
	ok(against_model(1, 3000), "3,000 random edits read back as a plain "
	    "array's");
	ok(against_model(2, 3000), "another 3,000");
	ok(against_model(3, 20000), "20,000 more, mostly small");
	t = with("");
	for (i = 0; i < 200; i++)
		text_insert(t, text_len(t), "0123456789", 10);
	text_delete(t, 0, text_len(t));
	is_int(text_len(t), 0, "emptied, the text is empty again");
	text_free(t);
	/* A word spelling suggested: one step to undo, one to redo. */
	{
		struct text *r = text_new();
		size_t at;

		text_insert(r, 0, "l'enfnat dort", 13);
		text_seal(r);
		text_replace(r, 2, 8, "enfant", 6);
		ok(strcmp(all(r), "l'enfant dort") == 0, "replace: the word in "
		    "place");
		ok(text_undo(r, &at) == 0 && strcmp(all(r), "l'enfnat dort") ==
		    0, "one undo takes it back whole");
		ok(text_redo(r, &at) == 0 && strcmp(all(r), "l'enfant dort") ==
		    0, "one redo puts it again");
		ok(text_undo(r, &at) == 0 && text_undo(r, &at) == 0 &&
		    strcmp(all(r), "") == 0, "and the typing before is a step "
		    "of its own");
		text_free(r);
	}
	return done();
}

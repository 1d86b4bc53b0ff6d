/*
 * text.c - the editor's text, without curses.
 *
 * A gap buffer: the bytes before the cursor, a gap, the bytes after.
 * Typing and deleting at the cursor only move bytes when the cursor
 * jumps, so 10,000 insertions spread through a megabyte cost about as
 * much as the jumps between them; a piece table or a rope would pay a
 * lookup on every read for no gain at a note's size.  Every byte that
 * leaves the buffer (a grown copy, an undo record) is wiped first: this
 * is note text.
 *
 * The buffer always holds valid UTF-8 without control characters other
 * than tab and newline; text_insert() enforces it.  Start there.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

struct edit {
	int		 insert;	/* 1: bytes were inserted at pos */
	size_t		 pos;
	char		*bytes;
	size_t		 len;
	unsigned	 step;		/* undo step it belongs to */
};

struct stack {
	struct edit	*edits;
	size_t		 n, cap;
};

struct text {
	char		*buf;
	size_t		 cap;
	size_t		 gap, end;	/* the gap is buf[gap..end) */
	struct stack	 undo, redo;
	unsigned	 step;
	int		 open;		/* the current step can grow */
};

static void
wipe_free(void *p, size_t len)
{
	if (p != NULL) {
		explicit_bzero(p, len);
		free(p);
	}
}

static void
stack_clear(struct stack *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		wipe_free(s->edits[i].bytes, s->edits[i].len);
	s->n = 0;
}

static void
stack_push(struct stack *s, struct edit e)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->edits = xreallocarray(s->edits, s->cap, sizeof(*s->edits));
	}
	s->edits[s->n++] = e;
}

struct text *
text_new(void)
{
	struct text *t = xcalloc(1, sizeof(*t));

	t->cap = 4096;
	t->buf = xmalloc(t->cap);
	t->gap = 0;
	t->end = t->cap;
	return t;
}

void
text_free(struct text *t)
{
	if (t == NULL)
		return;
	wipe_free(t->buf, t->cap);
	stack_clear(&t->undo);
	stack_clear(&t->redo);
	free(t->undo.edits);
	free(t->redo.edits);
	free(t);
}

size_t
text_len(const struct text *t)
{
	return t->cap - (t->end - t->gap);
}

unsigned char
text_byte(const struct text *t, size_t pos)
{
	if (pos >= text_len(t))
		return 0;
	return (unsigned char)(pos < t->gap ? t->buf[pos] :
	    t->buf[pos + (t->end - t->gap)]);
}

/* Put the gap at POS, with room for at least NEED bytes. */
static void
move_gap(struct text *t, size_t pos, size_t need)
{
	size_t len = text_len(t), after, cap;
	char *bigger;

	if (t->end - t->gap < need) {
		cap = t->cap;
		while (cap - len < need)
			cap = cap < 1024 * 1024 ? cap * 2 : cap + cap / 2;
		/* Grow by hand, so that the old block is wiped. */
		bigger = xmalloc(cap);
		after = t->cap - t->end;
		memcpy(bigger, t->buf, t->gap);
		memcpy(bigger + cap - after, t->buf + t->end, after);
		wipe_free(t->buf, t->cap);
		t->buf = bigger;
		t->end = cap - after;
		t->cap = cap;
	}
	if (pos < t->gap) {
		memmove(t->buf + t->end - (t->gap - pos), t->buf + pos,
		    t->gap - pos);
		t->end -= t->gap - pos;
		t->gap = pos;
	} else if (pos > t->gap) {
		memmove(t->buf + t->gap, t->buf + t->end, pos - t->gap);
		t->end += pos - t->gap;
		t->gap = pos;
	}
}

char *
text_copy(const struct text *t, size_t pos, size_t end)
{
	char *out;
	size_t i;

	if (end > text_len(t))
		end = text_len(t);
	if (pos > end)
		pos = end;
	out = xmalloc(end - pos + 1);
	i = end < t->gap ? end : t->gap;
	if (pos < i)
		memcpy(out, t->buf + pos, i - pos);
	else
		i = pos;
	if (i < end)
		memcpy(out + (i - pos), t->buf + i + (t->end - t->gap), end - i);
	out[end - pos] = '\0';
	return out;
}

/* Raw edits, shared by typing, undo and redo. */
static void
raw_insert(struct text *t, size_t pos, const char *s, size_t len)
{
	move_gap(t, pos, len);
	memcpy(t->buf + t->gap, s, len);
	t->gap += len;
}

static void
raw_delete(struct text *t, size_t pos, size_t end)
{
	move_gap(t, pos, 0);
	explicit_bzero(t->buf + t->end, end - pos);
	t->end += end - pos;
}

/* Record an edit: typing at the end of the previous insertion, or
 * erasing next to the previous deletion, stays in the same step. */
static void
record(struct text *t, int insert, size_t pos, const char *bytes,
    size_t len)
{
	struct edit *last = t->undo.n ? &t->undo.edits[t->undo.n - 1] : NULL;
	int joins = 0;

	if (t->open && last != NULL && last->step == t->step &&
	    last->insert == insert) {
		if (insert)
			joins = pos == last->pos + last->len && len == 1 &&
			    bytes[0] != '\n';
		else
			joins = pos + len == last->pos || pos == last->pos;
	}
	if (!joins)
		t->step++;
	t->open = 1;
	stack_clear(&t->redo);
	stack_push(&t->undo, (struct edit){ insert, pos,
	    memcpy(xmalloc(len ? len : 1), bytes, len), len, t->step });
}

/* Append to OUT the bytes of S made safe: U+FFFD for what is not
 * valid text, LF for CR LF and lone CR. */
static size_t
sanitize(const char *s, size_t len, char *out)
{
	static const char replacement[] = "\xef\xbf\xbd";
	size_t i = 0, o = 0, n;
	unsigned char c;

	while (i < len) {
		c = (unsigned char)s[i];
		if (c == '\r') {
			out[o++] = '\n';
			i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
			continue;
		}
		if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f &&
		    c < 0x80)) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		n = util_utf8_char(s + i, len - i);
		/* C1 controls (U+0080..U+009F) are controls too. */
		if (n == 0 || c < 0x20 || c == 0x7f || (n == 2 && c == 0xc2 &&
		    (unsigned char)s[i + 1] < 0xa0)) {
			memcpy(out + o, replacement, 3);
			o += 3;
			i += n ? n : 1;
			continue;
		}
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
	}
	return o;
}

/* POS, or the start of the character it falls in: a caller's position
 * inside a character must not split it. */
static size_t
boundary(const struct text *t, size_t pos)
{
	if (pos > text_len(t))
		pos = text_len(t);
	while (pos > 0 && (text_byte(t, pos) & 0xc0) == 0x80)
		pos--;
	return pos;
}

size_t
text_insert(struct text *t, size_t pos, const char *s, size_t len)
{
	char *clean;
	size_t n;

	if (len == 0)
		return 0;
	if (len > (SIZE_MAX - 1) / 3)
		util_die(EXIT_ERROR, _("out of memory: size overflow"));
	clean = xmalloc(len * 3);
	n = sanitize(s, len, clean);
	pos = boundary(t, pos);
	raw_insert(t, pos, clean, n);
	record(t, 1, pos, clean, n);
	wipe_free(clean, len * 3);
	return n;
}

void
text_delete(struct text *t, size_t pos, size_t end)
{
	char *gone;

	pos = boundary(t, pos);
	end = boundary(t, end);
	if (pos >= end)
		return;
	gone = text_copy(t, pos, end);
	raw_delete(t, pos, end);
	record(t, 0, pos, gone, end - pos);
	wipe_free(gone, end - pos + 1);
}

void
text_clear_undo(struct text *t)
{
	stack_clear(&t->undo);
	stack_clear(&t->redo);
	t->open = 0;
}

void
text_seal(struct text *t)
{
	t->open = 0;
}

/* Undo or redo one step: move its edits from FROM to TO, applying each
 * backwards (undo) or as it was (redo). */
static int
replay(struct text *t, struct stack *from, struct stack *to, int undo,
    size_t *pos)
{
	struct edit e;
	unsigned step;

	if (from->n == 0)
		return -1;
	step = from->edits[from->n - 1].step;
	while (from->n > 0 && from->edits[from->n - 1].step == step) {
		e = from->edits[--from->n];
		if (e.insert == undo) {
			raw_delete(t, e.pos, e.pos + e.len);
			*pos = e.pos;
		} else {
			raw_insert(t, e.pos, e.bytes, e.len);
			*pos = e.pos + e.len;
		}
		stack_push(to, e);
	}
	t->open = 0;
	return 0;
}

/* Undo pops a step's edits last first and pushes them on the redo stack,
 * where they lie first on top: redo replays them in their first order. */
int
text_undo(struct text *t, size_t *pos)
{
	return replay(t, &t->undo, &t->redo, 1, pos);
}

int
text_redo(struct text *t, size_t *pos)
{
	return replay(t, &t->redo, &t->undo, 0, pos);
}

int
text_char(const struct text *t, size_t pos, wchar_t *wc, int *width)
{
	char bytes[4];
	mbstate_t mb;
	size_t n, i;

	for (i = 0; i < 4; i++)
		bytes[i] = (char)text_byte(t, pos + i);
	n = util_utf8_char(bytes, 4);
	if (n == 0) {
		*wc = L'?';
		*width = 1;
		return 1;
	}
	memset(&mb, 0, sizeof(mb));
	if (mbrtowc(wc, bytes, n, &mb) != n)
		*wc = L'?';
	if (*wc == L'\t' || *wc == L'\n')
		*width = 1;
	else if ((*width = wcwidth(*wc)) < 0)
		*width = 1;
	return (int)n;
}

static size_t
codepoint_next(const struct text *t, size_t pos)
{
	size_t len = text_len(t);

	if (pos >= len)
		return len;
	pos++;
	while (pos < len && (text_byte(t, pos) & 0xc0) == 0x80)
		pos++;
	return pos;
}

size_t
text_next(const struct text *t, size_t pos)
{
	size_t len = text_len(t), next;
	wchar_t wc;
	int w;

	pos = codepoint_next(t, pos);
	/* Combining marks stay with their base. */
	while (pos < len && text_byte(t, pos) != '\n') {
		text_char(t, pos, &wc, &w);
		if (w != 0)
			break;
		next = codepoint_next(t, pos);
		pos = next;
	}
	return pos;
}

size_t
text_prev(const struct text *t, size_t pos)
{
	wchar_t wc;
	int w;

	while (pos > 0) {
		pos--;
		while (pos > 0 && (text_byte(t, pos) & 0xc0) == 0x80)
			pos--;
		text_char(t, pos, &wc, &w);
		if (w != 0 || wc == L'\n')
			break;
	}
	return pos;
}

static int
is_space(const struct text *t, size_t pos)
{
	unsigned char c = text_byte(t, pos);

	return c == ' ' || c == '\t' || c == '\n';
}

size_t
text_word_next(const struct text *t, size_t pos)
{
	size_t len = text_len(t);

	while (pos < len && !is_space(t, pos))
		pos = text_next(t, pos);
	while (pos < len && is_space(t, pos))
		pos++;
	return pos;
}

size_t
text_word_prev(const struct text *t, size_t pos)
{
	while (pos > 0 && is_space(t, pos - 1))
		pos--;
	while (pos > 0 && !is_space(t, pos - 1))
		pos = text_prev(t, pos);
	return pos;
}

size_t
text_line_start(const struct text *t, size_t pos)
{
	while (pos > 0 && text_byte(t, pos - 1) != '\n')
		pos--;
	return pos;
}

size_t
text_line_end(const struct text *t, size_t pos)
{
	size_t len = text_len(t);

	while (pos < len && text_byte(t, pos) != '\n')
		pos++;
	return pos;
}

size_t
text_words(const struct text *t)
{
	const char *part[2] = { t->buf, t->buf + t->end };
	size_t size[2] = { t->gap, t->cap - t->end }, i, words = 0;
	int in = 0, k, space;
	unsigned char c;

	/* Straight over the two halves: this runs at every redraw. */
	for (k = 0; k < 2; k++)
		for (i = 0; i < size[k]; i++) {
			c = (unsigned char)part[k][i];
			space = c == ' ' || c == '\t' || c == '\n';
			if (!space && !in)
				words++;
			in = !space;
		}
	return words;
}

size_t
text_row_next(const struct text *t, size_t start, int width)
{
	size_t len = text_len(t), pos = start, next, after_space = 0;
	wchar_t wc;
	int col = 0, w;

	while (pos < len) {
		if (text_byte(t, pos) == '\n')
			return pos + 1;
		next = text_next(t, pos);
		text_char(t, pos, &wc, &w);
		if (col + w > width && pos > start)
			return after_space > start ? after_space : pos;
		if (wc == L' ')
			after_space = next;
		col += w;
		pos = next;
	}
	return len;
}

size_t
text_row_start(const struct text *t, size_t pos, int width)
{
	size_t row = text_line_start(t, pos), next, len = text_len(t);

	for (;;) {
		next = text_row_next(t, row, width);
		if (next > pos || next == row)
			return row;
		if (next == pos && next == len && text_byte(t, next - 1) != '\n')
			return row;
		row = next;
	}
}

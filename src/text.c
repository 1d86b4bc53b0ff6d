/*
 * text.c - the editor's text, without curses.
 *
 * Blocks of 32 KiB, each a gap buffer: the bytes before its gap, the
 * gap, the bytes after.  Typing at the cursor only moves bytes when the
 * cursor jumps, and then only inside one block, so 10,000 insertions
 * spread through a megabyte move a few kilobytes each instead of a
 * third of the text.  A read finds its block from the one the previous
 * read used (reads walk the text byte by byte), else by bisection.
 * Every byte that leaves a buffer (a split, a deletion, an undo record)
 * is wiped first: this is note text.
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

/* The fuzzer builds with tiny blocks, to split and merge them often. */
#ifdef TEXT_BLOCK
#define BLOCK	TEXT_BLOCK
#else
#define BLOCK	(32 * 1024)
#endif

struct block {
	char		*buf;		/* BLOCK bytes */
	size_t		 gap, end;	/* the gap is buf[gap..end) */
	size_t		 start;		/* offset of its first byte in the text */
};

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

/* Never an empty block, but for the one block of an empty text. */
struct text {
	struct block	*blocks;
	size_t		 n, cap;
	size_t		 len;
	size_t		*recent;	/* the block the last read found; a
					 * pointer, so reads through a const
					 * text can keep it */
	struct stack	 undo, redo;
	unsigned	 step;
	int		 open;		/* the current step can grow */
	int		 same_step;	/* text_replace(): one step */
};

static void
stack_clear(struct stack *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		wipe_free(s->edits[i].bytes);
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

static size_t
block_len(const struct block *b)
{
	return BLOCK - (b->end - b->gap);
}

/* Put B's gap at O (an offset in the block). */
static void
block_gap(struct block *b, size_t o)
{
	if (o < b->gap) {
		memmove(b->buf + b->end - (b->gap - o), b->buf + o, b->gap - o);
		b->end -= b->gap - o;
	} else if (o > b->gap) {
		memmove(b->buf + b->gap, b->buf + b->end, o - b->gap);
		b->end += o - b->gap;
	}
	b->gap = o;
}

/* Copy N bytes of B from offset O to OUT. */
static void
block_copy(const struct block *b, size_t o, size_t n, char *out)
{
	size_t before = o < b->gap ? b->gap - o : 0;

	if (before > n)
		before = n;
	memcpy(out, b->buf + o, before);
	if (n > before)
		memcpy(out + before, b->buf + b->end + (o + before - b->gap),
		    n - before);
}

/* Make room for a new, empty block at index I. */
static struct block *
block_add(struct text *t, size_t i)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->blocks = xreallocarray(t->blocks, t->cap, sizeof(*t->blocks));
	}
	memmove(t->blocks + i + 1, t->blocks + i,
	    (t->n - i) * sizeof(*t->blocks));
	t->n++;
	t->blocks[i] = (struct block){ wipe_alloc(BLOCK), 0, BLOCK, 0 };
	return &t->blocks[i];
}

static void
block_remove(struct text *t, size_t i)
{
	wipe_free(t->blocks[i].buf);
	t->n--;
	memmove(t->blocks + i, t->blocks + i + 1,
	    (t->n - i) * sizeof(*t->blocks));
}

/* The offsets of the blocks from I on, after an edit in block I. */
static void
restart(struct text *t, size_t i)
{
	if (i == 0) {
		t->blocks[0].start = 0;
		i = 1;
	}
	for (; i < t->n; i++)
		t->blocks[i].start = t->blocks[i - 1].start +
		    block_len(&t->blocks[i - 1]);
}

/* The block that holds POS (the last one for the end of the text). */
static size_t
find(const struct text *t, size_t pos)
{
	size_t i = *t->recent, lo = 0, hi = t->n, mid;

	if (i < t->n && pos >= t->blocks[i].start &&
	    (pos < t->blocks[i].start + block_len(&t->blocks[i]) ||
	    i + 1 == t->n))
		return i;
	/* The last block whose start is at or before POS. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (t->blocks[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return *t->recent = lo;
}

struct text *
text_new(void)
{
	struct text *t = xcalloc(1, sizeof(*t));

	t->recent = xcalloc(1, sizeof(*t->recent));
	block_add(t, 0);
	return t;
}

void
text_free(struct text *t)
{
	if (t == NULL)
		return;
	while (t->n > 0)
		block_remove(t, t->n - 1);
	free(t->blocks);
	free(t->recent);
	stack_clear(&t->undo);
	stack_clear(&t->redo);
	free(t->undo.edits);
	free(t->redo.edits);
	free(t);
}

size_t
text_len(const struct text *t)
{
	return t->len;
}

unsigned char
text_byte(const struct text *t, size_t pos)
{
	const struct block *b;
	size_t o;

	if (pos >= t->len)
		return 0;
	b = &t->blocks[find(t, pos)];
	o = pos - b->start;
	return (unsigned char)(o < b->gap ? b->buf[o] :
	    b->buf[o + (b->end - b->gap)]);
}

char *
text_copy(const struct text *t, size_t pos, size_t end)
{
	const struct block *b;
	size_t i, o, n, k;
	char *out;

	if (end > t->len)
		end = t->len;
	if (pos > end)
		pos = end;
	out = wipe_alloc(end - pos + 1);
	out[end - pos] = '\0';
	for (i = find(t, pos), n = 0; pos + n < end; i++, n += k) {
		b = &t->blocks[i];
		o = pos + n - b->start;
		k = block_len(b) - o < end - pos - n ? block_len(b) - o :
		    end - pos - n;
		block_copy(b, o, k, out + n);
	}
	return out;
}

/* Raw edits, shared by typing, undo and redo. */
static void
raw_insert(struct text *t, size_t pos, const char *s, size_t len)
{
	size_t i = find(t, pos), o = pos - t->blocks[i].start, n, k;
	struct block *b = &t->blocks[i], *right;

	if (block_len(b) + len > BLOCK && o < block_len(b)) {
		/* Split: what follows POS moves to a block of its own,
		 * with its gap in front, and is wiped where it was. */
		n = block_len(b) - o;
		right = block_add(t, i + 1);
		b = &t->blocks[i];
		block_gap(b, o);
		memcpy(right->buf + BLOCK - n, b->buf + b->end, n);
		right->end = BLOCK - n;
		explicit_bzero(b->buf + b->end, n);
		b->end = BLOCK;
	}
	/* Fill the block at POS, then new ones after it. */
	for (k = i; len > 0; ) {
		b = &t->blocks[k];
		if (block_len(b) == BLOCK) {
			b = block_add(t, ++k);
			o = 0;
		}
		n = BLOCK - block_len(b) < len ? BLOCK - block_len(b) : len;
		block_gap(b, o);
		memcpy(b->buf + b->gap, s, n);
		b->gap += n;
		o += n;
		s += n;
		len -= n;
		t->len += n;
	}
	restart(t, i);
}

static void
raw_delete(struct text *t, size_t pos, size_t end)
{
	size_t i, o, n;
	struct block *b;

	while (pos < end) {
		i = find(t, pos);
		b = &t->blocks[i];
		o = pos - b->start;
		n = block_len(b) - o < end - pos ? block_len(b) - o : end - pos;
		block_gap(b, o);
		explicit_bzero(b->buf + b->end, n);
		b->end += n;
		end -= n;
		t->len -= n;
		/* No empty block; two small neighbours become one. */
		if (block_len(b) == 0 && t->n > 1)
			block_remove(t, i);
		else if (i + 1 < t->n && block_len(b) +
		    block_len(&t->blocks[i + 1]) <= BLOCK / 2) {
			n = block_len(&t->blocks[i + 1]);
			block_gap(b, block_len(b));
			block_copy(&t->blocks[i + 1], 0, n, b->buf + b->gap);
			b->gap += n;
			block_remove(t, i + 1);
		}
		restart(t, i);
	}
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
	if (!joins && !t->same_step)
		t->step++;
	t->open = 1;
	stack_clear(&t->redo);
	stack_push(&t->undo, (struct edit){ insert, pos,
	    memcpy(wipe_alloc(len ? len : 1), bytes, len), len, t->step });
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
	clean = wipe_alloc(len * 3);
	n = sanitize(s, len, clean);
	pos = boundary(t, pos);
	raw_insert(t, pos, clean, n);
	record(t, 1, pos, clean, n);
	wipe_free(clean);
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
	wipe_free(gone);
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

size_t
text_replace(struct text *t, size_t pos, size_t end, const char *s,
    size_t len)
{
	size_t n;

	text_seal(t);
	text_delete(t, pos, end);
	t->same_step = 1;
	n = text_insert(t, pos, s, len);
	t->same_step = 0;
	text_seal(t);
	return n;
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
	const struct block *b;
	const char *part[2];
	size_t size[2], i, j, words = 0;
	int in = 0, k, space;
	unsigned char c;

	/* Straight over each block's two halves: this runs at every
	 * redraw. */
	for (j = 0; j < t->n; j++) {
		b = &t->blocks[j];
		part[0] = b->buf;
		part[1] = b->buf + b->end;
		size[0] = b->gap;
		size[1] = BLOCK - b->end;
		for (k = 0; k < 2; k++)
			for (i = 0; i < size[k]; i++) {
				c = (unsigned char)part[k][i];
				space = c == ' ' || c == '\t' || c == '\n';
				if (!space && !in)
					words++;
				in = !space;
			}
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

/*
 * document_notes.c - a document's text as dated entries (document_int.h).
 *
 * People keep a person's notes in one document, each entry headed by
 * its date as they write it ("12/03/2024", "Le 12 mars 2024 :"), or in a
 * table whose first column is the date.  The date reader is the editor's
 * (when.c), so a date carnet reads in a document is one it reads when
 * typed.  Nothing is dropped: text no date heads joins the entry before
 * it, or, before the first date, makes an entry of the document's date.
 */
#include <stdlib.h>
#include <string.h>

#include "document_int.h"
#include "util.h"
#include "when.h"

void
blocks_start(struct doc_blocks *bs, int row)
{
	struct doc_block *b;

	bs->b = xreallocarray(bs->b, bs->n + 1, sizeof(*bs->b));
	b = &bs->b[bs->n++];
	memset(b, 0, sizeof(*b));
	b->row = row;
	if (!row)
		blocks_cell(bs);
}

void
blocks_cell(struct doc_blocks *bs)
{
	struct doc_block *b;

	if (bs->n == 0)
		blocks_start(bs, 1);
	b = &bs->b[bs->n - 1];
	b->cell = xreallocarray(b->cell, b->ncell + 1, sizeof(*b->cell));
	b->cell[b->ncell].s = NULL;
	b->cell[b->ncell++].len = 0;
}

void
doc_text_put(struct doc_text *t, const char *s, size_t len)
{
	t->s = wipe_grow(t->s, t->len + len + 1);
	memcpy(t->s + t->len, s, len);
	t->len += len;
	t->s[t->len] = '\0';
}

void
blocks_put(struct doc_blocks *bs, const char *s, size_t len)
{
	struct doc_block *b;

	if (bs->n == 0 || bs->b[bs->n - 1].ncell == 0)
		blocks_cell(bs);
	b = &bs->b[bs->n - 1];
	doc_text_put(&b->cell[b->ncell - 1], s, len);
}

size_t
blocks_here(const struct doc_blocks *bs)
{
	const struct doc_block *b;

	if (bs->n == 0 || bs->b[bs->n - 1].ncell == 0)
		return 0;
	b = &bs->b[bs->n - 1];
	return b->cell[b->ncell - 1].len;
}

void
blocks_free(struct doc_blocks *bs)
{
	size_t i, j;

	for (i = 0; i < bs->n; i++) {
		for (j = 0; j < bs->b[i].ncell; j++)
			wipe_free(bs->b[i].cell[j].s);
		free(bs->b[i].cell);
	}
	free(bs->b);
	memset(bs, 0, sizeof(*bs));
}

/* The entry being gathered. */
struct entry {
	struct doc_text	 text;
	time_t		 when;
	int		 open;		/* an entry was started */
	int		 own;		/* by no date: the document's */
	int		 blank;		/* a blank line waits */
};

/* How many lines TEXT has. */
static size_t
lines(const struct doc_text *t)
{
	const char *p = t->s, *end = t->s + t->len;
	size_t n = 1;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		p++;
		n++;
	}
	return n;
}

static void
entry_end(struct entry *e, struct document *d)
{
	if (e->open && e->text.len > 0) {
		if (e->own)
			d->undated = lines(&e->text);
		d->note = xreallocarray(d->note, d->n + 1, sizeof(*d->note));
		d->note[d->n].when = e->when;
		d->note[d->n].body = e->text.s;
		d->note[d->n++].len = e->text.len;
	} else
		wipe_free(e->text.s);
	memset(e, 0, sizeof(*e));
}

/* S (LEN bytes) without the spaces and line ends around it. */
static const char *
trimmed(const char *s, size_t *len)
{
	while (*len > 0 && strchr(" \t\r\n", s[*len - 1]) != NULL)
		(*len)--;
	while (*len > 0 && strchr(" \r\n", *s) != NULL) {
		s++;
		(*len)--;
	}
	return s;
}

/* A line of text into the entry: one that no date heads starts the
 * document's own entry; blank lines between two lines become one. */
static void
entry_line(struct entry *e, struct document *d, const char *s, size_t len)
{
	s = trimmed(s, &len);
	if (len == 0) {
		e->blank = e->text.len > 0;
		return;
	}
	if (!e->open) {
		e->open = 1;
		e->own = 1;
		e->when = d->date;
	}
	if (e->text.len > 0)
		doc_text_put(&e->text, "\n\n", e->blank ? 2 : 1);
	e->blank = 0;
	doc_text_put(&e->text, s, len);
}

static void
entry_new(struct entry *e, struct document *d, time_t when)
{
	entry_end(e, d);
	e->open = 1;
	e->when = when;
}

/* A row whose first cell is a date and nothing else: that entry, the
 * other cells its lines. */
static int
dated_row(const struct doc_block *b, time_t date, struct entry *e,
    struct document *d)
{
	const char *s;
	size_t len, used, i;
	time_t when;
	int timed;

	if (b->ncell < 2)
		return 0;
	len = b->cell[0].len;
	s = trimmed(b->cell[0].s != NULL ? b->cell[0].s : "", &len);
	if (len == 0 || !when_heading(s, len, date, &when, &timed, &used) ||
	    used < len)
		return 0;
	entry_new(e, d, when);
	for (i = 1; i < b->ncell; i++)
		if (b->cell[i].s != NULL)
			entry_line(e, d, b->cell[i].s, b->cell[i].len);
	return 1;
}

/* Any other row: its cells on one line, a tab between two. */
static void
plain_row(const struct doc_block *b, struct entry *e, struct document *d)
{
	struct doc_text line = { NULL, 0 };
	size_t i;

	for (i = 0; i < b->ncell; i++) {
		if (i > 0)
			doc_text_put(&line, "\t", 1);
		if (b->cell[i].len > 0)
			doc_text_put(&line, b->cell[i].s, b->cell[i].len);
	}
	if (line.s != NULL)
		entry_line(e, d, line.s, line.len);
	wipe_free(line.s);
}

void
blocks_split(const struct doc_blocks *bs, time_t date, struct document *d)
{
	struct entry e;
	const struct doc_block *b;
	const char *s;
	size_t i, len, used;
	time_t when;
	int timed;

	memset(d, 0, sizeof(*d));
	memset(&e, 0, sizeof(e));
	d->date = date;
	for (i = 0; i < bs->n; i++) {
		b = &bs->b[i];
		if (b->ncell == 0)
			continue;
		if (b->row) {
			if (!dated_row(b, date, &e, d))
				plain_row(b, &e, d);
			continue;
		}
		len = b->cell[0].len;
		s = trimmed(b->cell[0].s != NULL ? b->cell[0].s : "", &len);
		if (len > 0 && when_heading(s, len, date, &when, &timed,
		    &used)) {
			entry_new(&e, d, when);
			s += used;
			len -= used;
		}
		entry_line(&e, d, s, len);
	}
	entry_end(&e, d);
}

void
document_free(struct document *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		wipe_free(d->note[i].body);
	free(d->note);
	memset(d, 0, sizeof(*d));
}

/*
 * ui_note.c - the reader: one note in full, wrapped to the window as the
 * editor wraps it (the note is held in a struct text), with the dates it
 * was changed and put on paper.  The top row is kept as a byte position,
 * so that a lock or a resize comes back to the same words.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "print.h"
#include "screen.h"
#include "text.h"
#include "util.h"

/* At most this many rows are scrolled back at once (rows_back()). */
#define BACK_MAX	256

/* What was read: wiped whole by forget(). */
static struct {
	struct dossier	 dossier;	/* for the title */
	struct note	 note;		/* body NULL: to load */
	struct text	*shown;		/* the note, to wrap it */
	long long	 version;	/* store_version() when read */
} content;

/* What survives a lock: which note, where the top row starts, and the
 * width that is a row of. */
static long long of_note;
static unsigned long of_opening;	/* struct stop */
static size_t top;
static int top_width;

static void
forget(struct frame *f)
{
	(void)f;
	store_dossier_free(&content.dossier);
	store_note_free(&content.note);
	text_free(content.shown);
	explicit_bzero(&content, sizeof(content));
}

static void
back_to_dossier(struct frame *f)
{
	top = 0;
	if (!ui_back_to_writing(f))
		ui_close(f);
}

static int
width(void)
{
	return COLS - 2 > 10 ? COLS - 2 : 10;
}

/* The rows for the text: less a line about the dates, and a blank, when
 * there is one. */
static int
text_rows(void)
{
	int rows = ui_body_rows();

	char history[256];

	util_note_history(history, sizeof(history), content.note.created,
	    content.note.written, content.note.updated, 0);
	if (history[0] != '\0' || content.note.printed != 0)
		rows -= 2;
	return rows > 1 ? rows : 1;
}

/* Read the note, again when the notebook changed: a note changed or
 * destroyed meanwhile shows as it is. */
static void
load(struct frame *f)
{
	long long now = store_version(f->st);
	struct error err;

	/* Opened anew: read anew; another note, from its top. */
	if (of_opening != ui_here(f)->opened) {
		if (of_note != ui_here(f)->note)
			top = 0;
		of_note = ui_here(f)->note;
		of_opening = ui_here(f)->opened;
		forget(f);
	}
	if (now != content.version)
		forget(f);
	content.version = now;
	if (content.note.body != NULL)
		return;
	if (store_dossier_get(f->st, ui_here(f)->dossier, &content.dossier,
	    &err) == -1 || store_note_get(f->st, ui_here(f)->note, &content.note,
	    &err) == -1) {
		forget(f);
		ui_say(f, 1, "%s", _("That note no longer exists."));
		back_to_dossier(f);
		return;
	}
	/* Never a note under another person's name. */
	if (content.note.dossier != content.dossier.id) {
		forget(f);
		ui_say(f, 1, "%s", _("That note was moved to another dossier "
		    "meanwhile."));
		back_to_dossier(f);
		return;
	}
	content.shown = text_new();
	text_insert(content.shown, 0, content.note.body, content.note.len);
	text_clear_undo(content.shown);
}

static void
draw_dates(int y)
{
	char date[UTIL_DATE_MAX], meta[384];

	/* " (written …, changed …)": without its leading space. */
	util_note_history(meta, sizeof(meta), content.note.created,
	    content.note.written, content.note.updated, 0);
	if (meta[0] != '\0') {
		memmove(meta, meta + 1, strlen(meta));
		strcat(meta, " ");
	}
	if (content.note.printed != 0) {
		util_date(date, sizeof(date), content.note.printed);
		snprintf(meta + strlen(meta), sizeof(meta) - strlen(meta),
		    _("On paper since %s."), date);
	}
	if (meta[0] != '\0')
		ui_text(y, 1, COLS - 2, meta, strlen(meta), A_DIM);
}

static void
draw(struct frame *f)
{
	char where[STORE_NAME_MAX + 128], date[UTIL_DATE_MAX], *row;
	size_t at, next = 0, len, end;
	int y = ui_body_top(), rows = text_rows(), w = width(), text_y;

	if (content.shown == NULL)
		return;
	len = text_len(content.shown);
	util_datetime(date, sizeof(date), content.note.created);
	snprintf(where, sizeof(where), "%s — %s #%ld", content.dossier.person,
	    date, content.note.number);
	ui_title(f, where, ui_writing_hint(f));
	explicit_bzero(where, sizeof(where));
	if (rows < ui_body_rows()) {
		draw_dates(y);
		y += 2;
	}
	text_y = y;
	/* After a resize the top may fall inside a row. */
	if (top_width != w) {
		top = text_row_start(content.shown, top < len ? top : len, w);
		top_width = w;
	}
	for (at = top; rows > 0; rows--, y++) {
		next = text_row_next(content.shown, at, w);
		for (end = next; end > at && (text_byte(content.shown, end -
		    1) == '\n' || text_byte(content.shown, end - 1) == ' ');
		    end--)
			;
		row = text_copy(content.shown, at, end);
		ui_text(y, 1, w, row, end - at, A_NORMAL);
		wipe_free(row);
		if (next == at || next >= len)
			break;
		at = next;
	}
	if (top > 0 || next < len) {
		snprintf(date, sizeof(date), " %zu%% ", len ? next * 100 /
		    len : 100);
		ui_text(ui_body_top() + ui_body_rows(), COLS - 6, 6, date,
		    strlen(date), A_DIM);
	}
	/* The cursor at the first row shown: a screen reader reads on. */
	move(text_y, 1);
	curs_set(1);
}

/*
 * The start of the row K rows above POS.  Rows are found by scanning
 * lines forward, once, keeping the last K starts: a note of one 10 MiB
 * line is scanned once, not once per row.
 */
static size_t
rows_back(size_t pos, int k)
{
	size_t ring[BACK_MAX], line, row, next;
	int count;

	if (k > BACK_MAX)
		k = BACK_MAX;
	while (k > 0 && pos > 0) {
		line = text_line_start(content.shown, pos - 1);
		count = 0;
		for (row = line; row < pos; row = next) {
			ring[count++ % k] = row;
			if ((next = text_row_next(content.shown, row,
			    width())) == row)
				break;
		}
		if (count >= k)
			return ring[(count - k) % k];
		k -= count;
		pos = line;
	}
	return 0;
}

/* Where the last page starts: the top that shows the end. */
static size_t
last_page(void)
{
	size_t len = text_len(content.shown);

	/* A final newline ends the last row; it opens no new one. */
	if (len > 0 && text_byte(content.shown, len - 1) == '\n')
		len--;
	return rows_back(len, text_rows());
}

/* Move the top row by ROWS (negative: up), never past the last page. */
static void
scroll_rows(int rows)
{
	size_t len = text_len(content.shown), next, probe, last;
	int i;

	if (rows < 0) {
		top = rows_back(top, -rows);
		return;
	}
	if (rows == 1) {
		/* One row down, unless the end is already in view. */
		for (probe = top, i = 0; i < text_rows(); i++) {
			last = probe;
			probe = text_row_next(content.shown, probe, width());
			if (probe >= len || probe == last)
				return;
		}
	}
	for (; rows > 0; rows--) {
		next = text_row_next(content.shown, top, width());
		if (next >= len || next == top)
			break;
		top = next;
	}
	if (rows == 0 && top > (last = last_page()))
		top = last;
}

static void
scroll_by(struct frame *f, enum ui_move m)
{
	int page = text_rows() > 2 ? text_rows() - 2 : 1;

	(void)f;
	if (content.shown == NULL)
		return;
	switch (m) {
	case UI_UP:
		scroll_rows(-1);
		break;
	case UI_DOWN:
		scroll_rows(1);
		break;
	case UI_PAGE_UP:
		scroll_rows(-page);
		break;
	case UI_PAGE_DOWN:
		scroll_rows(page);
		break;
	case UI_TOP:
		top = 0;
		break;
	case UI_BOTTOM:
		top = last_page();
		break;
	case UI_NO_MOVE:
		break;
	}
}

static void
edit_note(struct frame *f)
{
	ui_edit(f, ui_here(f)->note);
}

static void
destroy_note(struct frame *f)
{
	if (ui_note_destroy(f, ui_here(f)->note) == 0)
		back_to_dossier(f);
}

static void
move_note(struct frame *f)
{
	if (ui_note_move(f, ui_here(f)->note) == 0)
		back_to_dossier(f);
}

static void
print_note(struct frame *f)
{
	struct print_request rq;

	memset(&rq, 0, sizeof(rq));
	rq.dossier = ui_here(f)->dossier;
	rq.note = ui_here(f)->note;
	rq.revision = content.note.revision;
	ui_print(f, &rq);
}

static const struct ui_key keys[] = {
	{ .key = UI_ESC, .label = N_("Esc"), .text = N_("Back to the dossier"),
	    .run = back_to_dossier, .bar = 1, .now = ui_not_writing },
	{ .key = UI_ESC, .label = N_("Esc"), .text = N_("Back to your text"),
	    .run = back_to_dossier, .bar = 1, .now = ui_writing },
	{ .key = 'e', .label = "e", .text = N_("Edit the note"),
	    .run = edit_note, .bar = 1, .now = ui_not_writing },
	{ .key = 'p', .label = "p", .text = N_("Print the note"),
	    .run = print_note, .bar = 1 },
	{ .key = 'd', .label = "d", .text = N_("Destroy this note"),
	    .run = destroy_note, .bar = 1 },
	{ .key = 'm', .label = "m", .text = N_("Move it to another dossier"),
	    .run = move_note, .bar = 1 },
	{ .key = KEY_LEFT, .code = 1, .label = "←",
	    .text = N_("Back to the dossier"), .run = back_to_dossier },
	{ .key = 'q', .label = "q", .text = N_("Back to the dossier"),
	    .run = back_to_dossier },
	{ .key = '/', .label = "/", .text = N_("Search"),
	    .run = ui_go_search },
	{ .key = '?', .label = "?", .text = N_("Help"), .run = ui_go_help },
	UI_ARROW_ROWS,
	UI_LETTER_ROWS,
};

const struct screen screen_note = {
	.name = N_("Reading a note"),
	UI_KEYS(keys),
	.load = load,
	.draw = draw,
	.step = scroll_by,
	.forget = forget,
};

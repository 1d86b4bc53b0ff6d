/*
 * ui_notes.c - a dossier's notes, newest first, one line each, and the
 * reader that shows one note in full, wrapped to the window.  The list
 * loads only the rows in view; the reader loads one note.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "print.h"
#include "text.h"
#include "ui.h"
#include "util.h"

static void back_to_dossiers(struct ui *);
static void open_note(struct ui *);
static void back_to_dossier(struct ui *);
static void new_note(struct ui *);
static void edit_note(struct ui *);
static void print_all(struct ui *);
static void print_note(struct ui *);
static void copy_for_person(struct ui *);
static void purge(struct ui *);

const struct ui_key ui_dossier_keys[] = {
	{ UI_ESC, 0, N_("Esc"), N_("Dossiers"), back_to_dossiers, 1 },
	{ 'n', 0, "n", N_("New note"), new_note, 1 },
	{ '\r', 0, N_("Enter"), N_("Read the note"), open_note, 1 },
	{ 'p', 0, "p", N_("Print"), print_all, 1 },
	{ 'c', 0, "c", N_("Copy for the person"), copy_for_person, 1 },
	{ 'x', 0, "x", N_("Destroy what is on paper"), purge, 1 },
	{ KEY_ENTER, 1, N_("Enter"), N_("Read the note"), open_note, 0 },
	{ KEY_RIGHT, 1, "→", N_("Read the note"), open_note, 0 },
	{ KEY_LEFT, 1, "←", N_("Dossiers"), back_to_dossiers, 0 },
	{ 'q', 0, "q", N_("Dossiers"), back_to_dossiers, 0 },
	{ '/', 0, "/", N_("Search"), ui_go_search, 0 },
	{ '?', 0, "?", N_("Help"), ui_go_help, 0 },
	{ KEY_UP, 1, "↑ ↓ j k", N_("Move (PgUp, PgDn, Home, End too)"), NULL,
	    0 },
};
const size_t ui_ndossier_keys = sizeof(ui_dossier_keys) /
    sizeof(ui_dossier_keys[0]);

const struct ui_key ui_note_keys[] = {
	{ UI_ESC, 0, N_("Esc"), N_("Back to the dossier"), back_to_dossier, 1 },
	{ 'e', 0, "e", N_("Edit the note"), edit_note, 1 },
	{ 'p', 0, "p", N_("Print the note"), print_note, 1 },
	{ KEY_LEFT, 1, "←", N_("Back to the dossier"), back_to_dossier, 0 },
	{ 'q', 0, "q", N_("Back to the dossier"), back_to_dossier, 0 },
	{ '/', 0, "/", N_("Search"), ui_go_search, 0 },
	{ '?', 0, "?", N_("Help"), ui_go_help, 0 },
	{ KEY_UP, 1, "↑ ↓ j k", N_("Scroll (PgUp, PgDn, space, Home, End "
	    "too)"), NULL, 0 },
};
const size_t ui_nnote_keys = sizeof(ui_note_keys) / sizeof(ui_note_keys[0]);

static void
back_to_dossiers(struct ui *ui)
{
	ui->dossier_wanted = ui->dossier;
	store_dossiers_free(ui->dossiers, ui->ndossiers);
	ui->dossiers = NULL;
	ui->ndossiers = 0;
	ui->screen = UI_DOSSIERS;
}

static void
new_note(struct ui *ui)
{
	ui_editor_open(ui, ui->dossier, 0);
}

static void
edit_note(struct ui *ui)
{
	ui_editor_open(ui, ui->dossier, ui->note);
}

/*
 * Send to the printer; when it fails, say why and offer to save the PDF
 * in a file instead, with a warning that the file is not encrypted.
 */
static void
send(struct ui *ui, struct print_request *rq)
{
	struct print_result res;
	struct error err;
	char path[UI_TEXT_MAX], *question;
	const char *home = getenv("HOME");
	int r;

	ui_say(ui, 0, "%s", _("Printing…"));
	refresh();
	if (print_dossier(ui->st, ui->conf, rq, &res, &err) == 0) {
		if (res.notes == 0)
			ui_say(ui, 0, "%s", _("Nothing to print: every note is "
			    "already on paper."));
		else
			ui_say(ui, 0, ngettext("%d page sent to %s.",
			    "%d pages sent to %s.", res.pages), res.pages,
			    ui->conf->printer != NULL ? ui->conf->printer :
			    _("the printer"));
		ui_reload_dossier(ui);
		return;
	}
	question = xasprintf(_("%s. Save it as a PDF file instead (NOT "
	    "encrypted)? File name:"), err.text);
	snprintf(path, sizeof(path), "%s/carnet.pdf", home != NULL ? home :
	    ".");
	r = ui_ask(ui, question, path, sizeof(path));
	free(question);
	if (r != 1 || path[0] == '\0') {
		ui_say(ui, 1, "%s", err.text);
		return;
	}
	rq->output = path;
	if (print_dossier(ui->st, ui->conf, rq, &res, &err) == -1)
		ui_say(ui, 1, "%s", err.text);
	else
		ui_say(ui, 0, _("Saved in %s: it is NOT encrypted; print it, "
		    "then delete it."), path);
}

static void
print_all(struct ui *ui)
{
	struct print_request rq;
	int r;

	r = ui_yes_no(ui, _("Print every note, even those already on paper? "
	    "(n: only the new ones, y: all, Esc: cancel)"));
	if (r == -1)
		return;
	memset(&rq, 0, sizeof(rq));
	rq.dossier = ui->dossier;
	rq.all = r == 1;
	send(ui, &rq);
}

static void
print_note(struct ui *ui)
{
	struct print_request rq;

	memset(&rq, 0, sizeof(rq));
	rq.dossier = ui->dossier;
	rq.note = ui->note;
	send(ui, &rq);
}

static void
copy_for_person(struct ui *ui)
{
	struct print_request rq;

	memset(&rq, 0, sizeof(rq));
	rq.dossier = ui->dossier;
	rq.for_person = 1;
	send(ui, &rq);
}

static void
purge(struct ui *ui)
{
	struct error err;
	long count;

	if (ui_yes_no(ui, _("Destroy the notes of this dossier that are "
	    "already on paper? This cannot be undone. (y/n)")) != 1)
		return;
	if (store_purge(ui->st, ui->dossier, util_now(), &count, &err) == -1)
		ui_say(ui, 1, "%s", err.text);
	else
		ui_say(ui, 0, ngettext("%ld note on paper was destroyed.",
		    "%ld notes on paper were destroyed.", count), count);
	ui->nsel = ui->ntop = 0;
	ui_reload_dossier(ui);
}

static void
back_to_dossier(struct ui *ui)
{
	store_note_free(&ui->reading);
	ui->screen = UI_DOSSIER;
}

/* When the notebook changed, here or in another carnet, forget what is
 * shown of the dossier and the note: notes written, changed or destroyed
 * meanwhile then show as they are. */
static void
follow_changes(struct ui *ui)
{
	long long now = store_version(ui->st);

	if (now != ui->shown_version) {
		ui_reload_dossier(ui);
		ui->shown_version = now;
	}
}

/* Load the dossier, and the notes of the rows in view. */
static int
load_window(struct ui *ui, size_t rows)
{
	struct error err;

	if (ui->current.name == NULL) {
		if (store_dossier_get(ui->st, ui->dossier, &ui->current,
		    &err) == -1) {
			ui_say(ui, 1, "%s", _("That dossier no longer "
			    "exists."));
			back_to_dossiers(ui);
			return -1;
		}
	}
	if (ui->nsel >= (size_t)ui->current.notes)
		ui->nsel = ui->current.notes ? (size_t)ui->current.notes - 1 :
		    0;
	if (ui->nsel < ui->ntop)
		ui->ntop = ui->nsel;
	if (ui->nsel >= ui->ntop + rows)
		ui->ntop = ui->nsel - rows + 1;
	if (ui->heads != NULL && ui->hoff == ui->ntop && ui->nheads >=
	    rows)
		return 0;
	if (ui->heads != NULL && ui->hoff == ui->ntop &&
	    ui->hoff + ui->nheads == (size_t)ui->current.notes)
		return 0;
	store_notes_free(ui->heads, ui->nheads);
	ui->heads = NULL;
	ui->nheads = 0;
	if (store_note_heads(ui->st, ui->dossier, ui->ntop, rows, &ui->heads,
	    &ui->nheads, &err) == -1) {
		ui_say(ui, 1, "%s", err.text);
		return -1;
	}
	ui->hoff = ui->ntop;
	return 0;
}

void
ui_dossier_draw(struct ui *ui)
{
	char where[512], date[64];
	const char *empty = _("No note yet in this dossier: n writes one.");
	struct note *n;
	size_t rows = (size_t)ui_body_rows(), i;
	int y, x, attr;

	follow_changes(ui);
	if (load_window(ui, rows) == -1)
		return;
	snprintf(where, sizeof(where), ngettext("%s (%ld note)",
	    "%s (%ld notes)", ui->current.notes), ui->current.name,
	    ui->current.notes);
	ui_title(ui, where);
	ui_bar(ui, ui_dossier_keys, ui_ndossier_keys);
	if (ui->current.notes == 0) {
		ui_text(ui_body_top() + 1, 2, COLS - 4, empty, strlen(empty),
		    A_NORMAL);
		return;
	}
	for (i = 0; i < ui->nheads; i++) {
		n = &ui->heads[i];
		y = ui_body_top() + (int)i;
		attr = ui->hoff + i == ui->nsel ? A_REVERSE : A_NORMAL;
		if (attr == A_REVERSE) {
			move(y, 0);
			attron(A_REVERSE);
			hline(' ', COLS);
			attroff(A_REVERSE);
		}
		util_datetime(date, sizeof(date), n->created);
		x = 1 + ui_text(y, 1, 20, date, strlen(date), attr);
		/* P: already on paper. */
		ui_text(y, x + 1, 1, n->printed ? "P" : " ", 1, attr);
		ui_text(y, x + 3, COLS - x - 4, n->body, n->len, attr);
	}
}

static void
open_note(struct ui *ui)
{
	if (ui->heads == NULL || ui->nsel < ui->hoff ||
	    ui->nsel >= ui->hoff + ui->nheads)
		return;
	ui->note = ui->heads[ui->nsel - ui->hoff].id;
	store_note_free(&ui->reading);
	ui->ltop = 0;
	ui->screen = UI_NOTE;
}

static int
move_in(size_t *sel, size_t count, size_t page, int key, int code)
{
	size_t last = count ? count - 1 : 0;

	if ((code && key == KEY_UP) || (!code && key == 'k')) {
		if (*sel > 0)
			(*sel)--;
	} else if ((code && key == KEY_DOWN) || (!code && key == 'j')) {
		if (*sel < last)
			(*sel)++;
	} else if ((code && key == KEY_PPAGE) || (!code && key == 'b'))
		*sel = *sel > page ? *sel - page : 0;
	else if ((code && key == KEY_NPAGE) || (!code && key == ' '))
		*sel = *sel + page < last ? *sel + page : last;
	else if ((code && key == KEY_HOME) || (!code && key == 'g'))
		*sel = 0;
	else if ((code && key == KEY_END) || (!code && key == 'G'))
		*sel = last;
	else
		return 0;
	return 1;
}

int
ui_dossier_key(struct ui *ui, int key, int code)
{
	return move_in(&ui->nsel, (size_t)ui->current.notes,
	    (size_t)ui_body_rows(), key, code);
}

/* The reader: the note held in a struct text, so that it wraps as the
 * editor does; the top row is kept as a byte position. */
static int
reader_width(void)
{
	return COLS - 2 > 10 ? COLS - 2 : 10;
}

static int
reader_rows(struct ui *ui)
{
	int rows = ui_body_rows();

	/* A line about the dates, and a blank, when there is one. */
	if (ui->reading.updated != ui->reading.created ||
	    ui->reading.printed != 0)
		rows -= 2;
	return rows > 1 ? rows : 1;
}

void
ui_note_draw(struct ui *ui)
{
	char where[512], date[64], other[64], meta[256], *row;
	struct error err;
	size_t top, next = 0, len, end;
	int y, rows, width = reader_width();

	follow_changes(ui);
	if (ui->current.name == NULL && load_window(ui, 1) == -1)
		return;
	if (ui->reading.body == NULL) {
		if (store_note_get(ui->st, ui->note, &ui->reading, &err) ==
		    -1) {
			ui_say(ui, 1, "%s", _("That note no longer exists."));
			back_to_dossier(ui);
			return;
		}
		text_free(ui->shown);
		ui->shown = NULL;
	}
	if (ui->shown == NULL) {
		ui->shown_width = 0;
		ui->shown = text_new();
		text_insert(ui->shown, 0, ui->reading.body, ui->reading.len);
		text_clear_undo(ui->shown);
	}
	len = text_len(ui->shown);
	util_datetime(date, sizeof(date), ui->reading.created);
	snprintf(where, sizeof(where), "%s — %s", ui->current.name, date);
	ui_title(ui, where);
	ui_bar(ui, ui_note_keys, ui_nnote_keys);
	meta[0] = '\0';
	if (ui->reading.updated != ui->reading.created) {
		util_datetime(other, sizeof(other), ui->reading.updated);
		snprintf(meta, sizeof(meta), _("Changed %s. "), other);
	}
	if (ui->reading.printed != 0) {
		util_date(other, sizeof(other), ui->reading.printed);
		snprintf(meta + strlen(meta), sizeof(meta) - strlen(meta),
		    _("On paper since %s."), other);
	}
	y = ui_body_top();
	if (meta[0] != '\0') {
		ui_text(y, 1, COLS - 2, meta, strlen(meta), A_DIM);
		y += 2;
	}
	rows = reader_rows(ui);
	/* After a resize the top may fall inside a row. */
	if (ui->shown_width != width) {
		ui->ltop = text_row_start(ui->shown, ui->ltop < len ?
		    ui->ltop : len, width);
		ui->shown_width = width;
	}
	top = ui->ltop;
	for (; rows > 0; rows--, y++) {
		next = text_row_next(ui->shown, top, width);
		for (end = next; end > top && (text_byte(ui->shown, end - 1) ==
		    '\n' || text_byte(ui->shown, end - 1) == ' '); end--)
			;
		row = text_copy(ui->shown, top, end);
		ui_text(y, 1, width, row, end - top, A_NORMAL);
		wipe_free(row);
		if (next == top || next >= len)
			break;
		top = next;
	}
	if (ui->ltop > 0 || next < len) {
		snprintf(meta, sizeof(meta), " %zu%% ", len ? next * 100 /
		    len : 100);
		ui_text(ui_body_top() + ui_body_rows(), COLS - 6, 6, meta,
		    strlen(meta), A_DIM);
	}
}

/*
 * The start of the row K rows above POS.  Rows are found by scanning
 * lines forward, once, keeping the last K starts: a note of one 10 MiB
 * line is scanned once, not once per row.
 */
static size_t
rows_back(struct ui *ui, size_t pos, int k)
{
	size_t ring[256], line, row, next;
	int width = reader_width(), count;

	if (k > 256)
		k = 256;
	while (k > 0 && pos > 0) {
		line = text_line_start(ui->shown, pos - 1);
		count = 0;
		for (row = line; row < pos; row = next) {
			ring[count++ % k] = row;
			if ((next = text_row_next(ui->shown, row, width)) == row)
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
last_page(struct ui *ui)
{
	size_t len = text_len(ui->shown);

	/* A final newline ends the last row; it opens no new one. */
	if (len > 0 && text_byte(ui->shown, len - 1) == '\n')
		len--;
	return rows_back(ui, len, reader_rows(ui));
}

/* Move the top row by ROWS (negative: up), never past the last page. */
static void
scroll_rows(struct ui *ui, int rows)
{
	size_t len = text_len(ui->shown), next, probe, last;
	int width = reader_width(), i;

	if (rows < 0) {
		ui->ltop = rows_back(ui, ui->ltop, -rows);
		return;
	}
	if (rows == 1) {
		/* One row down, unless the end is already in view. */
		for (probe = ui->ltop, i = 0; i < reader_rows(ui); i++) {
			last = probe;
			probe = text_row_next(ui->shown, probe, width);
			if (probe >= len || probe == last)
				return;
		}
	}
	for (; rows > 0; rows--) {
		next = text_row_next(ui->shown, ui->ltop, width);
		if (next >= len || next == ui->ltop)
			break;
		ui->ltop = next;
	}
	if (rows == 0 && ui->ltop > (last = last_page(ui)))
		ui->ltop = last;
}

int
ui_note_key(struct ui *ui, int key, int code)
{
	int page = reader_rows(ui) > 2 ? reader_rows(ui) - 2 : 1;

	if (ui->shown == NULL)
		return 0;
	if ((code && key == KEY_UP) || (!code && key == 'k'))
		scroll_rows(ui, -1);
	else if ((code && key == KEY_DOWN) || (!code && key == 'j'))
		scroll_rows(ui, 1);
	else if ((code && key == KEY_PPAGE) || (!code && key == 'b'))
		scroll_rows(ui, -page);
	else if ((code && key == KEY_NPAGE) || (!code && key == ' '))
		scroll_rows(ui, page);
	else if ((code && key == KEY_HOME) || (!code && key == 'g'))
		ui->ltop = 0;
	else if ((code && key == KEY_END) || (!code && key == 'G'))
		ui->ltop = last_page(ui);
	else
		return 0;
	return 1;
}

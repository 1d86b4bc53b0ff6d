/*
 * ui_editor.c - writing a note, nano-style, inside carnet: never an
 * external editor, which would put the text in a file.  The text lives in
 * a struct text (text.c); this file draws it wrapped to the window, maps
 * the keys, and keeps it safe: a draft in the notebook a few seconds
 * after the last key, before every lock and on SIGTERM or SIGHUP, so that
 * a killed terminal loses at most those seconds.  A paste arrives whole
 * (bracketed paste) and is inserted at once.
 */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "prompt.h"
#include "text.h"
#include "ui.h"
#include "util.h"

/* Seconds after the last key before the text is kept as a draft. */
#define DRAFT_DELAY	2
/* Key codes given to the bracketed-paste markers, above curses's own. */
#define PASTE_BEGIN	(KEY_MAX + 101)
#define PASTE_END	(KEY_MAX + 102)

static void save(struct ui *);
static void close_editor(struct ui *);
static void cut_line(struct ui *);
static void paste(struct ui *);
static void undo(struct ui *);
static void redo(struct ui *);
static void go_top(struct ui *);
static void go_end(struct ui *);
static void quit_keeping(struct ui *);
static void no_search(struct ui *);

const struct ui_key ui_editor_keys[] = {
	{ UI_CTRL('s'), 0, "^S", N_("Save"), save, 1 },
	{ UI_CTRL('x'), 0, "^X", N_("Close"), close_editor, 1 },
	{ UI_CTRL('k'), 0, "^K", N_("Cut line"), cut_line, 1 },
	{ UI_CTRL('u'), 0, "^U", N_("Paste"), paste, 1 },
	{ UI_CTRL('z'), 0, "^Z", N_("Undo"), undo, 1 },
	{ UI_CTRL('y'), 0, "^Y", N_("Redo"), redo, 1 },
	{ UI_CTRL('t'), 0, "^T", N_("Top"), go_top, 1 },
	{ UI_CTRL('e'), 0, "^E", N_("End"), go_end, 1 },
	{ UI_CTRL('q'), 0, "^Q", N_("Quit (the text is kept as a draft)"),
	    quit_keeping, 0 },
	{ UI_CTRL('f'), 0, "^F", N_("Search"), no_search, 0 },
	{ KEY_UP, 1, "↑ ↓ ← →", N_("Move (Home, End, PgUp, PgDn too)"), NULL,
	    0 },
	{ 0, 0, "^← ^→", N_("Word left, word right"), NULL, 0 },
	{ 0, 0, N_("letters"), N_("Write"), NULL, 0 },
};
const size_t ui_neditor_keys = sizeof(ui_editor_keys) /
    sizeof(ui_editor_keys[0]);

/* Ctrl-arrows have no fixed curses code: found by name once. */
static int word_left = -1, word_right = -1;

static void
find_keys(void)
{
	const char *name;
	int c;

	if (word_left != -1)
		return;
	word_left = word_right = 0;
	for (c = KEY_MAX; c < KEY_MAX + 512; c++) {
		if ((name = keyname(c)) == NULL)
			continue;
		if (strcmp(name, "kLFT5") == 0 || strcmp(name, "kLFT3") == 0)
			word_left = word_left ? word_left : c;
		if (strcmp(name, "kRIT5") == 0 || strcmp(name, "kRIT3") == 0)
			word_right = word_right ? word_right : c;
	}
	define_key("\033[200~", PASTE_BEGIN);
	define_key("\033[201~", PASTE_END);
}

/* Bracketed paste on while editing, so that a pasted page is text, not
 * keys. */
static void
bracketed_paste(int on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

static void
changed(struct ui *ui)
{
	ui->modified = 1;
	ui->unsaved_draft = 1;
	ui->last_edit = time(NULL);
	ui->goal = -1;
}

/* The text to start from: the draft if there is one, else the note. */
static void
load(struct ui *ui)
{
	struct draft *drafts;
	struct note note;
	struct error err;
	size_t n, i;
	int from_draft = 0;

	ui->text = text_new();
	if (store_drafts(ui->st, &drafts, &n, &err) == 0) {
		for (i = 0; i < n && !from_draft; i++)
			if (drafts[i].dossier == ui->edit_dossier &&
			    drafts[i].note == ui->edit_note) {
				text_insert(ui->text, 0, drafts[i].body,
				    drafts[i].len);
				from_draft = 1;
			}
		store_drafts_free(drafts, n);
	}
	ui->edit_created = 0;
	if (ui->edit_note != 0 && store_note_get(ui->st, ui->edit_note, &note,
	    &err) == 0) {
		ui->edit_created = note.created;
		if (!from_draft) {
			text_insert(ui->text, 0, note.body, note.len);
			if (note.printed != 0)
				ui_say(ui, 1, "%s", _("This note is already on "
				    "paper: once changed, the paper copy will "
				    "differ."));
		}
		store_note_free(&note);
	}
	/* What was loaded is where undo stops. */
	text_clear_undo(ui->text);
	ui->modified = from_draft;
	ui->unsaved_draft = 0;
	if (ui->cur > text_len(ui->text))
		ui->cur = text_len(ui->text);
}

void
ui_editor_open(struct ui *ui, long long dossier, long long note)
{
	find_keys();
	text_free(ui->text);
	ui->text = NULL;
	ui->edit_dossier = dossier;
	ui->edit_note = note;
	ui->edit_from = ui->screen == UI_EDITOR ? UI_DOSSIER : ui->screen;
	ui->cur = ui->top = 0;
	ui->goal = -1;
	ui->screen = UI_EDITOR;
	bracketed_paste(1);
}

/* Keep the text as a draft: at once (NOW), or when the keys have paused
 * long enough. */
void
ui_editor_keep(struct ui *ui, int now)
{
	struct error err;
	char *body;
	size_t len;

	if (ui->text == NULL || !ui->unsaved_draft || ui->st == NULL)
		return;
	if (!now && time(NULL) - ui->last_edit < DRAFT_DELAY)
		return;
	len = text_len(ui->text);
	body = text_copy(ui->text, 0, len);
	if (store_draft_put(ui->st, ui->edit_dossier, ui->edit_note, body, len,
	    &err) == -1)
		ui_say(ui, 1, _("The draft could not be kept: %s. The text is "
		    "still here."), err.text);
	else
		ui->unsaved_draft = 0;
	wipe_free(body);
}

static void
leave(struct ui *ui)
{
	bracketed_paste(0);
	text_free(ui->text);
	ui->text = NULL;
	ui->modified = ui->unsaved_draft = 0;
	ui->screen = ui->edit_from == UI_NOTE ? UI_NOTE : UI_DOSSIER;
	/* What is shown of the dossier and the note changed. */
	ui_reload_dossier(ui);
	store_dossiers_free(ui->dossiers, ui->ndossiers);
	ui->dossiers = NULL;
	ui->ndossiers = 0;
}

static void
save(struct ui *ui)
{
	struct error err;
	long long id;
	size_t len = text_len(ui->text);
	char *body = text_copy(ui->text, 0, len);

	if (store_note_save(ui->st, ui->edit_dossier, ui->edit_note, body, len,
	    &id, &err) == -1) {
		/* Try the draft too; the reason it was not saved is what the
		 * line must say. */
		ui_editor_keep(ui, 1);
		ui_say(ui, 1, _("Not saved: %s"), err.text);
	} else {
		if (ui->edit_note == 0)
			ui->edit_created = util_now();
		ui->edit_note = id;
		ui->note = id;
		ui->modified = ui->unsaved_draft = 0;
		ui_say(ui, 0, "%s", _("Note saved."));
	}
	wipe_free(body);
	text_seal(ui->text);
}

static void
discard_draft(struct ui *ui)
{
	struct draft *drafts;
	struct error err;
	size_t n, i;

	if (store_drafts(ui->st, &drafts, &n, &err) == -1)
		return;
	for (i = 0; i < n; i++)
		if (drafts[i].dossier == ui->edit_dossier &&
		    drafts[i].note == ui->edit_note)
			store_draft_drop(ui->st, drafts[i].id, &err);
	store_drafts_free(drafts, n);
}

static void
close_editor(struct ui *ui)
{
	int r;

	if (ui->modified) {
		r = ui_yes_no(ui, _("Save the changes? (y: save, n: throw them "
		    "away, Esc: go on writing)"));
		if (r == -1 || ui->text == NULL)
			return;
		if (r == 1) {
			save(ui);
			if (ui->modified)
				return;	/* not saved: stay */
		} else
			discard_draft(ui);
	}
	leave(ui);
}

static void
quit_keeping(struct ui *ui)
{
	ui_editor_keep(ui, 1);
	ui->quit = 1;
}

static void
no_search(struct ui *ui)
{
	ui_say(ui, 0, "%s", _("Close the note first (^X), then search."));
}

static void
cut_line(struct ui *ui)
{
	size_t from = text_line_start(ui->text, ui->cur);
	size_t to = text_line_end(ui->text, ui->cur);
	char *line;

	if (to < text_len(ui->text))
		to++;	/* with its newline */
	if (from == to)
		return;
	line = text_copy(ui->text, from, to);
	wipe_free(ui->clip);
	ui->clip = line;
	ui->cliplen = to - from;
	text_seal(ui->text);
	text_delete(ui->text, from, to);
	text_seal(ui->text);
	ui->cur = from;
	changed(ui);
}

static void
paste(struct ui *ui)
{
	if (ui->clip == NULL)
		return;
	text_seal(ui->text);
	ui->cur += text_insert(ui->text, ui->cur, ui->clip, ui->cliplen);
	text_seal(ui->text);
	changed(ui);
}

static void
undo(struct ui *ui)
{
	if (text_undo(ui->text, &ui->cur) == 0)
		changed(ui);
}

static void
redo(struct ui *ui)
{
	if (text_redo(ui->text, &ui->cur) == 0)
		changed(ui);
}

static void
go_top(struct ui *ui)
{
	ui->cur = 0;
	ui->goal = -1;
}

static void
go_end(struct ui *ui)
{
	ui->cur = text_len(ui->text);
	ui->goal = -1;
}

static int
width(void)
{
	return COLS - 2 > 10 ? COLS - 2 : 10;
}

/* The column of POS in its row. */
static int
column(struct ui *ui, size_t pos)
{
	size_t p = text_row_start(ui->text, pos, width());
	wchar_t wc;
	int col = 0, w;

	while (p < pos) {
		text_char(ui->text, p, &wc, &w);
		col += w;
		p = text_next(ui->text, p);
	}
	return col;
}

/* The position in the row starting at ROW nearest to column GOAL. */
static size_t
at_column(struct ui *ui, size_t row, int goal)
{
	size_t next = text_row_next(ui->text, row, width()), p = row;
	size_t len = text_len(ui->text), stop;
	wchar_t wc;
	int col = 0, w;

	/* The row's last place: before its newline, or before the next
	 * row when it is wrapped. */
	if (next > row && next <= len && text_byte(ui->text, next - 1) ==
	    '\n')
		stop = next - 1;
	else if (next < len)
		stop = text_prev(ui->text, next);
	else
		stop = len;
	while (p < stop) {
		text_char(ui->text, p, &wc, &w);
		if (col + w > goal)
			break;
		col += w;
		p = text_next(ui->text, p);
	}
	return p;
}

static void
vertical(struct ui *ui, int rows)
{
	size_t row = text_row_start(ui->text, ui->cur, width()), next;

	if (ui->goal < 0)
		ui->goal = column(ui, ui->cur);
	for (; rows < 0 && row > 0; rows++)
		row = text_row_start(ui->text, row - 1, width());
	for (; rows > 0; rows--) {
		next = text_row_next(ui->text, row, width());
		if (next == row || (next == text_len(ui->text) &&
		    text_byte(ui->text, next - 1) != '\n'))
			break;
		row = next;
	}
	ui->cur = at_column(ui, row, ui->goal);
}

/* Read a bracketed paste to its end and insert it in one go. */
static void
read_paste(struct ui *ui)
{
	char *buf = NULL, bytes[MB_LEN_MAX];
	size_t len = 0, cap = 0, n;
	mbstate_t mb;
	wint_t wc;
	int rc;

	timeout(2000);
	while ((rc = get_wch(&wc)) != ERR) {
		if (rc == KEY_CODE_YES) {
			if (wc == PASTE_END)
				break;
			continue;
		}
		memset(&mb, 0, sizeof(mb));
		n = wcrtomb(bytes, (wchar_t)wc, &mb);
		if (n == (size_t)-1)
			continue;
		if (len + n > cap) {
			char *bigger = xmalloc(cap = cap ? cap * 2 : 65536);

			if (len > 0)
				memcpy(bigger, buf, len);
			if (buf != NULL) {
				explicit_bzero(buf, len);
				free(buf);
			}
			buf = bigger;
		}
		memcpy(buf + len, bytes, n);
		len += n;
	}
	explicit_bzero(bytes, sizeof(bytes));
	if (len > 0) {
		text_seal(ui->text);
		ui->cur += text_insert(ui->text, ui->cur, buf, len);
		text_seal(ui->text);
		changed(ui);
		explicit_bzero(buf, len);
	}
	free(buf);
}

static int
type(struct ui *ui, int key)
{
	char bytes[MB_LEN_MAX];
	mbstate_t mb;
	size_t n;

	if (key == '\r' || key == '\n')
		key = '\n';
	else if (key != '\t' && iswcntrl((wint_t)key))
		return 0;
	memset(&mb, 0, sizeof(mb));
	n = wcrtomb(bytes, (wchar_t)key, &mb);
	if (n == (size_t)-1)
		return 1;
	ui->cur += text_insert(ui->text, ui->cur, bytes, n);
	explicit_bzero(bytes, sizeof(bytes));
	changed(ui);
	return 1;
}

int
ui_editor_key(struct ui *ui, int key, int code)
{
	size_t len = text_len(ui->text), end;
	int page = ui_body_rows() > 2 ? ui_body_rows() - 2 : 1;

	if (!code && (key == 127 || key == 8)) {
		code = 1;
		key = KEY_BACKSPACE;
	}
	if (!code)
		return type(ui, key);
	if (key != KEY_UP && key != KEY_DOWN && key != KEY_PPAGE &&
	    key != KEY_NPAGE)
		ui->goal = -1;
	if (key != KEY_BACKSPACE && key != KEY_DC)
		text_seal(ui->text);
	switch (key) {
	case PASTE_BEGIN:
		read_paste(ui);
		return 1;
	case PASTE_END:
		return 1;
	case KEY_LEFT:
		ui->cur = text_prev(ui->text, ui->cur);
		return 1;
	case KEY_RIGHT:
		ui->cur = text_next(ui->text, ui->cur);
		return 1;
	case KEY_UP:
		vertical(ui, -1);
		return 1;
	case KEY_DOWN:
		vertical(ui, 1);
		return 1;
	case KEY_PPAGE:
		vertical(ui, -page);
		return 1;
	case KEY_NPAGE:
		vertical(ui, page);
		return 1;
	case KEY_HOME:
		ui->cur = text_line_start(ui->text, ui->cur);
		return 1;
	case KEY_END:
		ui->cur = text_line_end(ui->text, ui->cur);
		return 1;
	case KEY_ENTER:
		return type(ui, '\n');
	case KEY_BACKSPACE:
		if (ui->cur == 0)
			return 1;
		end = ui->cur;
		ui->cur = text_prev(ui->text, ui->cur);
		text_delete(ui->text, ui->cur, end);
		changed(ui);
		return 1;
	case KEY_DC:
		if (ui->cur < len) {
			text_delete(ui->text, ui->cur, text_next(ui->text,
			    ui->cur));
			changed(ui);
		}
		return 1;
	}
	if (key == word_left && key != 0) {
		ui->cur = text_word_prev(ui->text, ui->cur);
		return 1;
	}
	if (key == word_right && key != 0) {
		ui->cur = text_word_next(ui->text, ui->cur);
		return 1;
	}
	return 0;
}

static void
put_cluster(const struct text *t, size_t from, size_t to)
{
	char bytes[64];
	size_t n = 0;

	while (from < to && n < sizeof(bytes))
		bytes[n++] = (char)text_byte(t, from++);
	addnstr(bytes, (int)n);
	explicit_bzero(bytes, n);
}

/* Scroll so that the cursor's row is in view. */
static void
follow(struct ui *ui, int rows)
{
	size_t row = ui->top, next, len = text_len(ui->text);
	int i, w = width();

	if (ui->cur < ui->top) {
		ui->top = text_row_start(ui->text, ui->cur, w);
		return;
	}
	for (i = 0; i < rows; i++) {
		next = text_row_next(ui->text, row, w);
		if (ui->cur < next || next == row || (next == len &&
		    text_byte(ui->text, len - 1) != '\n'))
			return;
		row = next;
	}
	/* Below: put the cursor's row at the bottom. */
	ui->top = text_row_start(ui->text, ui->cur, w);
	for (i = 1; i < rows && ui->top > 0; i++)
		ui->top = text_row_start(ui->text, ui->top - 1, w);
}

void
ui_editor_draw(struct ui *ui)
{
	char where[512], status[128], date[64];
	struct dossier d;
	struct error err;
	size_t row, next, p, len;
	wchar_t wc, space = L' ';
	int rows = ui_body_rows(), y, x, w, cy = -1, cx = 0;

	if (ui->text == NULL)
		load(ui);
	len = text_len(ui->text);
	if (ui->cur > len)
		ui->cur = len;
	if (store_dossier_get(ui->st, ui->edit_dossier, &d, &err) == -1)
		/* Destroyed by another process: saving will say so; the
		 * title tells why before anyone tries. */
		snprintf(where, sizeof(where), "%s", _("a dossier destroyed "
		    "meanwhile"));
	else {
		if (ui->edit_note == 0)
			snprintf(where, sizeof(where), _("%s — new note"),
			    d.name);
		else if (ui->edit_created == 0)
			snprintf(where, sizeof(where), _("%s — a note destroyed "
			    "meanwhile"), d.name);
		else {
			util_datetime(date, sizeof(date), ui->edit_created);
			snprintf(where, sizeof(where), _("%s — note of %s"),
			    d.name, date);
		}
		store_dossier_free(&d);
	}
	ui_title(ui, where);
	snprintf(status, sizeof(status), ngettext("%s · %zu word",
	    "%s · %zu words", text_words(ui->text)), ui->modified ?
	    _("modified") : _("saved"), text_words(ui->text));
	w = ui_width(status, strlen(status));
	ui_text(0, COLS - w - 1, w, status, strlen(status), A_REVERSE);
	ui_bar(ui, ui_editor_keys, ui_neditor_keys);

	follow(ui, rows);
	row = ui->top;
	for (y = ui_body_top(); y < ui_body_top() + rows; y++) {
		next = text_row_next(ui->text, row, width());
		move(y, 1);
		x = 1;
		for (p = row; p < next; p = text_next(ui->text, p)) {
			if (p == ui->cur)
				cy = y, cx = x;
			if (text_byte(ui->text, p) == '\n')
				break;
			text_char(ui->text, p, &wc, &w);
			if (wc == L'\t')
				addnwstr(&space, 1);
			else	/* the base and its combining marks */
				put_cluster(ui->text, p, text_next(ui->text,
				    p));
			x += w;
		}
		if (ui->cur == next && next == len && (len == 0 ||
		    text_byte(ui->text, len - 1) != '\n'))
			cy = y, cx = x;
		if (next == row || next >= len) {
			if (ui->cur == len && cy == -1 && len > 0 &&
			    text_byte(ui->text, len - 1) == '\n')
				cy = y + 1, cx = 1;
			break;
		}
		row = next;
	}
	if (cy == -1)
		cy = ui_body_top(), cx = 1;
	if (cy >= ui_body_top() + rows)
		cy = ui_body_top() + rows - 1;
	move(cy, cx);
	curs_set(1);
}

/* After unlocking: offer each draft left by a crash, a killed terminal
 * or a quit. */
void
ui_editor_offer_drafts(struct ui *ui)
{
	struct draft *drafts;
	struct dossier d;
	struct error err;
	char date[64], *question;
	size_t n, i;
	int r;

	if (ui->drafts_offered || store_drafts(ui->st, &drafts, &n, &err) ==
	    -1)
		return;
	ui->drafts_offered = 1;
	for (i = 0; i < n; i++) {
		if (store_dossier_get(ui->st, drafts[i].dossier, &d, &err) ==
		    -1)
			continue;
		util_datetime(date, sizeof(date), drafts[i].saved);
		question = xasprintf(_("A draft for “%s” was kept on %s. Go on "
		    "with it? (y: resume, n: throw it away, Esc: later)"),
		    d.name, date);
		store_dossier_free(&d);
		r = ui_yes_no(ui, question);
		free(question);
		if (r == 1) {
			ui->dossier = drafts[i].dossier;
			ui_editor_open(ui, drafts[i].dossier, drafts[i].note);
			break;
		}
		if (r == 0)
			store_draft_drop(ui->st, drafts[i].id, &err);
		if (ui->st == NULL)
			break;	/* locked meanwhile */
	}
	store_drafts_free(drafts, n);
}

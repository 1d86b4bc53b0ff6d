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

#include "screen.h"
#include "session.h"
#include "spell.h"
#include "text.h"
#include "util.h"
#include "when.h"

/* Seconds after the last key before the text is kept as a draft. */
#define DRAFT_DELAY	2
/* How long the rest of a paste may take to arrive (milliseconds). */
#define PASTE_WAIT_MS	2000
/* A paste is read into a buffer that starts at this size. */
#define PASTE_CHUNK	65536

/* What was read and written: wiped whole by forget(). */
static struct {
	struct text	*text;		/* NULL: to load (a draft, the
					 * note, or nothing) */
	char		*dossier;	/* its name; NULL: destroyed */
	long long	 of_dossier;	/* the dossier that name is of */
	time_t		 created;	/* the note's date; 0: a note
					 * destroyed meanwhile */
	char		*clip;		/* the lines cut */
	size_t		 cliplen;
	int		 modified;	/* since the last save */
	int		 unsaved_draft;	/* since the last draft */
	time_t		 last_edit;
	long long	 version;	/* store_version() when read */
} content;

/* What survives a lock: the cursor, the first row shown, the column for
 * up and down. */
static size_t cur, top;
static int goal = -1;

/* What is written, the editor's own, which survives a lock too: numbers,
 * set when the editor is opened (enter()) and kept until it is closed. */
static struct {
	unsigned long	 opening;	/* the struct stop they are for */
	long long	 note;		/* the note written; 0 a new one */
	long long	 base;		/* its revision when writing began */
	long long	 draft;		/* the draft kept of it, or 0 */
	time_t		 dated;		/* the date chosen for it (the
					 * meeting's), or 0: now, or as it
					 * was */
	long long	 resuming;	/* the draft the next opening takes
					 * up (opened()) */
	int		 away;		/* reading or searching meanwhile */
} writing;

/* Bracketed paste on while editing, so that a pasted page is text, not
 * keys. */
static void
bracketed_paste(int on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* Keep the text as a draft: at once (NOW), or when the keys have paused
 * long enough. */
static void
keep(struct frame *f, int now)
{
	struct error err;
	char *body;
	size_t len;

	if (content.text == NULL || !content.unsaved_draft || f->st == NULL)
		return;
	if (!now && time(NULL) - content.last_edit < DRAFT_DELAY)
		return;
	len = text_len(content.text);
	body = text_copy(content.text, 0, len);
	if (store_draft_put(f->st, &writing.draft, session_self(),
	    ui_here(f)->dossier, writing.note, writing.base, writing.dated,
	    body, len, &err) == -1)
		ui_say(f, 1, _("The draft could not be kept: %s. The text is "
		    "still here."), err.text);
	else
		content.unsaved_draft = 0;
	wipe_free(body);
}

static void
idle(struct frame *f)
{
	keep(f, 0);
}

static void
forget(struct frame *f)
{
	keep(f, 1);
	text_free(content.text);
	wipe_free(content.clip);
	wipe_free(content.dossier);
	explicit_bzero(&content, sizeof(content));
}

static void
changed(void)
{
	content.modified = 1;
	content.unsaved_draft = 1;
	content.last_edit = time(NULL);
	goal = -1;
}

/* The title's dossier: read for the dossier written in, and again when
 * the notebook changed, so that a dossier destroyed by another carnet is
 * named so before anyone saves.  Never the name read for another
 * dossier because the notebook did not move in between. */
static void
load_dossier(struct frame *f)
{
	struct dossier d;
	struct error err;

	wipe_free(content.dossier);
	content.dossier = NULL;
	content.of_dossier = ui_here(f)->dossier;
	if (store_dossier_get(f->st, ui_here(f)->dossier, &d, &err) == 0) {
		content.dossier = wipe_dup(d.person, strlen(d.person));
		store_dossier_free(&d);
	}
}

/* The text to start from: its draft if it has one (after a lock, or a
 * draft resumed), else the note as it is, whose revision is then where
 * the writing begins. */
static void
load_text(struct frame *f)
{
	struct draft draft;
	struct note note;
	struct error err;
	int from_draft = 0;

	content.text = text_new();
	if (writing.draft != 0) {
		if (store_draft_take(f->st, writing.draft, session_self(),
		    &draft, &err) == 0) {
			text_insert(content.text, 0, draft.body, draft.len);
			writing.base = draft.base;
			if (draft.dated != 0)
				writing.dated = draft.dated;
			from_draft = 1;
			store_draft_free(&draft);
		} else
			writing.draft = 0;
	}
	content.created = 0;
	if (writing.note != 0 && store_note_get(f->st, writing.note,
	    &note, &err) == 0) {
		content.created = note.created;
		if (!from_draft) {
			text_insert(content.text, 0, note.body, note.len);
			writing.base = note.revision;
			if (note.printed != 0)
				ui_say(f, 1, "%s", _("This note is already on "
				    "paper: once changed, the paper copy will "
				    "differ."));
		}
		store_note_free(&note);
	}
	/* What was loaded is where undo stops. */
	text_clear_undo(content.text);
	content.modified = from_draft;
	content.unsaved_draft = 0;
	if (cur > text_len(content.text))
		cur = text_len(content.text);
	bracketed_paste(1);
}

/* Opened (not come back to): a note to write, from its text or its
 * draft. */
static void
enter(const struct stop *here)
{
	if (writing.opening == here->opened)
		return;
	writing.opening = here->opened;
	writing.note = here->note;
	writing.base = 0;
	writing.draft = writing.resuming;
	writing.resuming = 0;
	writing.dated = 0;
	writing.away = 0;
}

static void
load(struct frame *f)
{
	long long now = store_version(f->st);

	enter(ui_here(f));
	/* Back on screen, from search or the dossier (step_out()). */
	if (writing.away) {
		writing.away = 0;
		if (content.text != NULL)
			bracketed_paste(1);
	}
	if (content.text == NULL)
		load_text(f);
	if (now != content.version || content.of_dossier !=
	    ui_here(f)->dossier)
		load_dossier(f);
	content.version = now;
}

static void
leave(struct frame *f)
{
	bracketed_paste(0);
	ui_spelling_note_closed();
	text_free(content.text);
	content.text = NULL;
	content.modified = content.unsaved_draft = 0;
	cur = top = 0;
	goal = -1;
	writing.draft = writing.base = 0;
	writing.dated = 0;
	writing.opening = 0;
	ui_close(f);
}

static void
saved(struct frame *f, long long id, const char *what)
{
	if (writing.dated != 0)
		content.created = writing.dated;
	else if (writing.note == 0)
		content.created = util_now();
	writing.note = id;
	writing.draft = 0;	/* gone with the save */
	content.modified = content.unsaved_draft = 0;
	ui_say(f, 0, "%s", what);
}

/*
 * Another window changed or destroyed the note since this one opened it:
 * its text is never overwritten, nor this one lost.  Kept as a draft
 * first, this text may then become a note of its own.
 */
static void
conflict(struct frame *f, const char *why, const char *body, size_t len)
{
	struct error err;
	char *question;
	long long id, base = 0;
	int r;

	content.unsaved_draft = 1;
	keep(f, 1);
	question = wipe_asprintf(_("Not saved: %s. Save this text as a new "
	    "note? (y: new note, n or Esc: go on writing)"), why);
	r = ui_yes_no(f, question);
	wipe_free(question);
	if (r != 1 || content.text == NULL)
		return;
	if (store_note_save(f->st, ui_here(f)->dossier, 0, &base, writing.draft,
	    writing.dated, body, len, &id, &err) != 0)
		ui_say(f, 1, _("Not saved: %s"), err.text);
	else {
		writing.base = base;
		saved(f, id, _("Saved as a new note; the other one is as the "
		    "other window left it."));
	}
}

static void
save(struct frame *f)
{
	struct error err;
	long long id, base = writing.base;
	size_t len = text_len(content.text);
	char *body = text_copy(content.text, 0, len);
	int r;

	r = store_note_save(f->st, ui_here(f)->dossier, writing.note, &base,
	    writing.draft, writing.dated, body, len, &id, &err);
	if (r == STORE_CHANGED)
		conflict(f, err.text, body, len);
	else if (r != 0) {
		/* Try the draft too; the reason it was not saved is what the
		 * line must say. */
		keep(f, 1);
		ui_say(f, 1, _("Not saved: %s"), err.text);
	} else {
		writing.base = base;
		saved(f, id, _("Note saved."));
	}
	wipe_free(body);
	if (content.text != NULL)
		text_seal(content.text);
}

/*
 * The note's date: the meeting's, typed as a person says it (when.h),
 * shown as understood before it is kept.  Saved with the text; until
 * then, kept with the draft.
 */
static void
choose_date(struct frame *f)
{
	char typed[UI_LINE_MAX] = "", date[128], *question;
	struct error err;
	time_t when;
	int r;

	r = ui_ask(f, writing.note == 0 ? _("Date of the meeting (for "
	    "example: yesterday 14h30, monday, 12/03 9h; Enter: now):") :
	    _("Date of the meeting (for example: yesterday 14h30, monday, "
	    "12/03 9h; Enter: as it is):"), typed, sizeof(typed));
	if (r != 1)
		return;
	if (typed[0] == '\0' && writing.note != 0)
		return;
	if (when_parse(typed, util_now(), &when, &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		return;
	}
	util_long_date(date, sizeof(date), when);
	question = wipe_asprintf(_("Date the note %s? (y: yes, n or Esc: "
	    "no)"), date);
	r = ui_yes_no(f, question);
	wipe_free(question);
	if (r != 1 || content.text == NULL)
		return;
	writing.dated = typed[0] == '\0' ? 0 : when;
	changed();
	ui_say(f, 0, _("Dated %s. Saving keeps it (^S)."), date);
}

static void
discard_draft(struct frame *f)
{
	struct error err;

	if (writing.draft != 0)
		store_draft_drop(f->st, writing.draft, &err);
	writing.draft = 0;
}

/* The text freed without closing a screen: nothing of it is kept on the
 * way out (forget() keeps a text as a draft). */
static void
drop_text(void)
{
	text_free(content.text);
	content.text = NULL;
	content.modified = content.unsaved_draft = 0;
}

/*
 * The text not saved, on its way out (^X, ^Q, and ^Q while reading during
 * writing): saved (y), kept as a draft offered the next time the notebook
 * opens (n), or thrown away, by a key of its own the question names: no
 * single key the hand falls on throws text away.  Esc goes on writing.
 * 1 to go, 0 to stay.
 */
static int
may_leave(struct frame *f)
{
	/* TRANSLATORS: the key that throws the text away in the editor's
	 * closing question (French "j", jeter): one lower-case letter,
	 * neither yes's nor no's. */
	const char *discard = C_("throw away", "d");
	struct error err;
	char *question;
	int r;

	if (content.text == NULL || !content.modified)
		return 1;
	question = wipe_asprintf(_("Save the note? (y: yes, n: keep as a "
	    "draft, %s: throw away, Esc: go on)"), discard);
	r = ui_yes_no_or(f, question, (unsigned char)discard[0]);
	wipe_free(question);
	if (r == -1 || content.text == NULL)
		return 0;
	if (r == 1) {
		save(f);
		return !content.modified;	/* not saved: stay */
	}
	if (r == 2) {
		discard_draft(f);
		drop_text();
		return 1;
	}
	keep(f, 1);
	if (writing.draft != 0 && store_draft_release(f->st, writing.draft,
	    &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		return 0;
	}
	writing.draft = 0;
	drop_text();
	ui_say(f, 0, "%s", _("Kept as a draft: it is offered the next time "
	    "the notebook opens."));
	return 1;
}

static void
close_editor(struct frame *f)
{
	if (may_leave(f))
		leave(f);
}

int
ui_editor_may_quit(struct frame *f)
{
	return may_leave(f);
}

static void
quit_asking(struct frame *f)
{
	if (may_leave(f))
		f->quit = 1;
}

/*
 * Reading or searching in the middle of writing: the text stays as it is
 * (and is kept as a draft at once, should the window be closed), the
 * worker reads the dossier's notes or searches them all, and Esc brings
 * her back to it, cursor and all (ui_back_to_writing()).
 */
static void
step_out(struct frame *f)
{
	keep(f, 1);
	bracketed_paste(0);
	writing.away = 1;
	ui_say(f, 0, "%s", _("Your text waits: Esc goes back to it."));
}

static void
search_meanwhile(struct frame *f)
{
	step_out(f);
	ui_go_search(f);
}

static void
read_meanwhile(struct frame *f)
{
	step_out(f);
	ui_open(f, SCREEN_DOSSIER, ui_here(f)->dossier, 0);
}

/* Put the cursor at TO, as a move: the next letters undo apart. */
static void
jump(size_t to)
{
	text_seal(content.text);
	cur = to;
	goal = -1;
}

static void
cut_line(struct frame *f)
{
	size_t from = text_line_start(content.text, cur);
	size_t to = text_line_end(content.text, cur);

	(void)f;
	if (to < text_len(content.text))
		to++;	/* with its newline */
	if (from == to)
		return;
	wipe_free(content.clip);
	content.clip = text_copy(content.text, from, to);
	content.cliplen = to - from;
	text_seal(content.text);
	text_delete(content.text, from, to);
	jump(from);
	changed();
}

static void
insert(const char *bytes, size_t len)
{
	cur += text_insert(content.text, cur, bytes, len);
	changed();
}

static void
paste(struct frame *f)
{
	(void)f;
	if (content.clip == NULL)
		return;
	text_seal(content.text);
	insert(content.clip, content.cliplen);
	text_seal(content.text);
}

static void
undo(struct frame *f)
{
	(void)f;
	if (text_undo(content.text, &cur) == 0)
		changed();
}

static void
redo(struct frame *f)
{
	(void)f;
	if (text_redo(content.text, &cur) == 0)
		changed();
}

static int
width(void)
{
	return COLS - 2 > 10 ? COLS - 2 : 10;
}

/* The column of POS in its row. */
static int
column(size_t pos)
{
	size_t p = text_row_start(content.text, pos, width());
	wchar_t wc;
	int col = 0, w;

	while (p < pos) {
		text_char(content.text, p, &wc, &w);
		col += w;
		p = text_next(content.text, p);
	}
	return col;
}

/* The position in the row starting at ROW nearest to column GOAL. */
static size_t
at_column(size_t row, int want)
{
	size_t next = text_row_next(content.text, row, width()), p = row;
	size_t len = text_len(content.text), stop;
	wchar_t wc;
	int col = 0, w;

	/* The row's last place: before its newline, or before the next
	 * row when it is wrapped. */
	if (next > row && next <= len && text_byte(content.text, next - 1) ==
	    '\n')
		stop = next - 1;
	else if (next < len)
		stop = text_prev(content.text, next);
	else
		stop = len;
	while (p < stop) {
		text_char(content.text, p, &wc, &w);
		if (col + w > want)
			break;
		col += w;
		p = text_next(content.text, p);
	}
	return p;
}

/* Up or down ROWS rows, keeping to the column where it started. */
static void
vertical(int rows)
{
	size_t row = text_row_start(content.text, cur, width()), next;

	text_seal(content.text);
	if (goal < 0)
		goal = column(cur);
	for (; rows < 0 && row > 0; rows++)
		row = text_row_start(content.text, row - 1, width());
	for (; rows > 0; rows--) {
		next = text_row_next(content.text, row, width());
		if (next == row || (next == text_len(content.text) &&
		    text_byte(content.text, next - 1) != '\n'))
			break;
		row = next;
	}
	cur = at_column(row, goal);
}

static int
page(void)
{
	return ui_body_rows() > 2 ? ui_body_rows() - 2 : 1;
}

static void go_left(struct frame *f) { (void)f;
	jump(text_prev(content.text, cur)); }
static void go_right(struct frame *f) { (void)f;
	jump(text_next(content.text, cur)); }
static void go_up(struct frame *f) { (void)f; vertical(-1); }
static void go_down(struct frame *f) { (void)f; vertical(1); }
static void page_up(struct frame *f) { (void)f; vertical(-page()); }
static void page_down(struct frame *f) { (void)f; vertical(page()); }
static void line_start(struct frame *f) { (void)f;
	jump(text_line_start(content.text, cur)); }
static void line_end(struct frame *f) { (void)f;
	jump(text_line_end(content.text, cur)); }
static void word_left(struct frame *f) { (void)f;
	jump(text_word_prev(content.text, cur)); }
static void word_right(struct frame *f) { (void)f;
	jump(text_word_next(content.text, cur)); }
static void go_top(struct frame *f) { (void)f; jump(0); }
static void go_end(struct frame *f) { (void)f;
	jump(text_len(content.text)); }

/* Backspace and Delete: erasing in a row undoes together, as typing. */
static void
erase_before(struct frame *f)
{
	size_t end = cur;

	(void)f;
	if (cur == 0)
		return;
	cur = text_prev(content.text, cur);
	text_delete(content.text, cur, end);
	changed();
}

static void
erase_after(struct frame *f)
{
	(void)f;
	if (cur == text_len(content.text))
		return;
	text_delete(content.text, cur, text_next(content.text, cur));
	changed();
}

static void
type(struct frame *f)
{
	char bytes[MB_LEN_MAX];
	mbstate_t mb;
	size_t n;

	memset(&mb, 0, sizeof(mb));
	n = wcrtomb(bytes, (wchar_t)(f->key == '\r' ? '\n' : f->key), &mb);
	if (n != (size_t)-1)
		insert(bytes, n);
	explicit_bzero(bytes, sizeof(bytes));
}

/* Read a bracketed paste to its end and insert it in one go, as the
 * terminal sent it (raw: no key is given another meaning). */
static void
read_paste(struct frame *f)
{
	char *buf = NULL, bytes[MB_LEN_MAX];
	size_t len = 0, cap = 0, n;
	mbstate_t mb;
	wint_t wc;
	int rc;

	(void)f;
	timeout(PASTE_WAIT_MS);
	while ((rc = get_wch(&wc)) != ERR) {
		if (rc == KEY_CODE_YES) {
			if (wc == UI_PASTE_END)
				break;
			continue;
		}
		memset(&mb, 0, sizeof(mb));
		n = wcrtomb(bytes, (wchar_t)wc, &mb);
		if (n == (size_t)-1)
			continue;
		if (len + n > cap)
			buf = wipe_grow(buf, cap = cap ? cap * 2 :
			    PASTE_CHUNK);
		memcpy(buf + len, bytes, n);
		len += n;
	}
	wc = 0;
	explicit_bzero(bytes, sizeof(bytes));
	if (len > 0) {
		text_seal(content.text);
		insert(buf, len);
		text_seal(content.text);
	}
	wipe_free(buf);
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
follow(int rows)
{
	size_t row = top, next, len = text_len(content.text);
	int i, w = width();

	if (cur < top) {
		top = text_row_start(content.text, cur, w);
		return;
	}
	for (i = 0; i < rows; i++) {
		next = text_row_next(content.text, row, w);
		if (cur < next || next == row || (next == len &&
		    text_byte(content.text, len - 1) != '\n'))
			return;
		row = next;
	}
	/* Below: put the cursor's row at the bottom. */
	top = text_row_start(content.text, cur, w);
	for (i = 1; i < rows && top > 0; i++)
		top = text_row_start(content.text, top - 1, w);
}

/*
 * The title on a narrow terminal: the person's name is the last thing to
 * go.  First what the note is goes ("— note du …"), then the status on
 * the right (*RIGHT set to NULL), and only then is the name cut, with
 * "…".
 */
static void
title_with(char *where, size_t size, const char *format, const char *name,
    const char *date, const char **right)
{
	size_t fit;
	int used;

	snprintf(where, size, format, name, date);
	if (util_width(where, strlen(where)) <= ui_title_room(*right))
		return;
	snprintf(where, size, "%s", name);
	if (util_width(where, strlen(where)) <= ui_title_room(*right))
		return;
	*right = NULL;
	if (util_width(where, strlen(where)) <= ui_title_room(NULL))
		return;
	fit = util_fit(name, strlen(name), ui_title_room(NULL), &used);
	if (fit < strlen(name))	/* room for the "…" */
		fit = util_fit(name, strlen(name), ui_title_room(NULL) - 1,
		    &used);
	snprintf(where, size, "%.*s%s", (int)fit, name, fit < strlen(name) ?
	    "…" : "");
}

static void
draw_title(struct frame *f)
{
	char where[STORE_NAME_MAX + 128], status[128], date[UTIL_DATE_MAX] = "";
	size_t words = text_words(content.text);
	const char *format, *right = status;

	/* A new note not yet written in is neither saved nor modified. */
	if (writing.note == 0 && !content.modified && words == 0)
		snprintf(status, sizeof(status), "%s", _("empty"));
	else
		snprintf(status, sizeof(status), ngettext("%s · %zu word",
		    "%s · %zu words", words), content.modified ?
		    _("modified") : _("saved"), words);
	if (writing.dated != 0 || content.created != 0)
		util_datetime(date, sizeof(date), writing.dated != 0 ?
		    writing.dated : content.created);
	if (writing.note == 0 && writing.dated != 0)
		format = _("%s — new note of %s");
	else if (writing.note == 0)
		format = _("%s — new note");
	else if (content.created == 0)
		format = _("%s — a note destroyed meanwhile");
	else
		format = _("%s — note of %s");
	if (content.dossier == NULL)
		/* Destroyed by another process: saving will say so; the
		 * title tells why before anyone tries. */
		snprintf(where, sizeof(where), "%s", _("a dossier destroyed "
		    "meanwhile"));
	else
		title_with(where, sizeof(where), format, content.dossier, date,
		    &right);
	ui_title(f, where, right);
	explicit_bzero(where, sizeof(where));
}

/* Where the rows on screen end, from TOP. */
static size_t
shown_end(int rows)
{
	size_t end = top, next;
	int i;

	for (i = 0; i < rows; i++) {
		next = text_row_next(content.text, end, width());
		if (next == end)
			break;
		end = next;
	}
	return end;
}

/* The misspelt words from FROM to END, but the one at the cursor when
 * BUT_CURSOR, as absolute spans in *MARKS (ui_spelling.c); how many. */
static size_t
misspelt(struct frame *f, size_t from, size_t end, int but_cursor,
    struct spell_word **marks)
{
	char *shown = text_copy(content.text, from, end);
	size_t n = ui_spelling_marks(f, shown, end - from, from, but_cursor ?
	    cur : (size_t)-1, marks);

	wipe_free(shown);
	return n;
}

/* F7, ^O: the suggestions for the misspelt word at or before the
 * cursor, on screen; the one chosen in its place (one undo step). */
static void
suggest(struct frame *f)
{
	struct spell_word *marks, at;
	size_t n = misspelt(f, top, shown_end(ui_body_rows()), 0, &marks), i;
	char *word, *better;
	int r;

	for (i = n; i > 0 && marks[i - 1].start > cur; i--)
		;
	if (i == 0) {
		free(marks);
		ui_say(f, 0, "%s", n > 0 ? _("No misspelt word at or before "
		    "the cursor: ^P goes to the next.") : _("No misspelt word "
		    "here."));
		return;
	}
	at = marks[i - 1];
	free(marks);
	word = text_copy(content.text, at.start, at.start + at.len);
	r = ui_spelling_suggest(f, word, at.len, &better);
	wipe_free(word);
	if (r != 1)
		return;
	cur = at.start + text_replace(content.text, at.start, at.start +
	    at.len, better, strlen(better));
	wipe_free(better);
	changed();
}

/* F8, ^P: to the next misspelt word after the cursor, in the whole
 * note. */
static void
next_misspelt(struct frame *f)
{
	struct spell_word *marks;
	size_t n = misspelt(f, cur, text_len(content.text), 0, &marks), i;

	for (i = 0; i < n && marks[i].start <= cur; i++)
		;
	if (i == n)
		ui_say(f, 0, "%s", _("No misspelt word after the cursor."));
	else
		jump(marks[i].start);
	free(marks);
}

static void
draw(struct frame *f)
{
	struct spell_word *marks;
	size_t row, next, p, len, nmarks, m = 0;
	wchar_t wc, space = L' ';
	int rows = ui_body_rows(), y, x, w, cy = -1, cx = 0, attr;

	if (content.text == NULL)
		return;
	len = text_len(content.text);
	if (cur > len)
		cur = len;
	draw_title(f);
	follow(rows);
	nmarks = misspelt(f, top, shown_end(rows), 1, &marks);
	row = top;
	for (y = ui_body_top(); y < ui_body_top() + rows; y++) {
		next = text_row_next(content.text, row, width());
		move(y, 1);
		x = 1;
		for (p = row; p < next; p = text_next(content.text, p)) {
			if (p == cur)
				cy = y, cx = x;
			if (text_byte(content.text, p) == '\n')
				break;
			text_char(content.text, p, &wc, &w);
			/* A misspelt word underlined: an attribute that a
			 * monochrome terminal and NO_COLOR show too. */
			while (m < nmarks && p >= marks[m].start +
			    marks[m].len)
				m++;
			attr = m < nmarks && p >= marks[m].start ?
			    A_UNDERLINE : A_NORMAL;
			attron(attr);
			if (wc == L'\t')
				addnwstr(&space, 1);
			else	/* the base and its combining marks */
				put_cluster(content.text, p,
				    text_next(content.text, p));
			attroff(attr);
			x += w;
		}
		if (cur == next && next == len && (len == 0 ||
		    text_byte(content.text, len - 1) != '\n'))
			cy = y, cx = x;
		if (next == row || next >= len) {
			if (cur == len && cy == -1 && len > 0 &&
			    text_byte(content.text, len - 1) == '\n')
				cy = y + 1, cx = 1;
			break;
		}
		row = next;
	}
	free(marks);
	if (cy == -1)
		cy = ui_body_top(), cx = 1;
	if (cy >= ui_body_top() + rows)
		cy = ui_body_top() + rows - 1;
	move(cy, cx);
	curs_set(1);
}

/* After the first unlock: offer each draft left by a session that is
 * gone (a crash, a killed terminal, a quit); another window's drafts are
 * its own. */
static void
opened(struct frame *f)
{
	struct draft *drafts;
	struct dossier d;
	struct error err;
	char date[UTIL_DATE_MAX], *question;
	size_t n, i;
	int r;

	if (store_drafts(f->st, &drafts, &n, &err) == -1)
		return;
	for (i = 0; i < n; i++) {
		if (session_alive(drafts[i].session) ||
		    store_dossier_get(f->st, drafts[i].dossier, &d, &err) == -1)
			continue;
		util_datetime(date, sizeof(date), drafts[i].saved);
		question = wipe_asprintf(_("A draft for “%s” was kept on %s. Go "
		    "on with it? (y: resume, n: throw it away, Esc: later)"),
		    d.person, date);
		store_dossier_free(&d);
		ui_hold(f, question, strlen(question));
		r = ui_yes_no(f, question);
		ui_unhold(f, question);
		wipe_free(question);
		if (r == 1) {
			/* Closed, it leaves her in its dossier. */
			ui_open(f, SCREEN_DOSSIER, drafts[i].dossier, 0);
			ui_open(f, SCREEN_EDITOR, drafts[i].dossier,
			    drafts[i].note);
			writing.resuming = drafts[i].id;
			break;
		}
		if (r == 0)
			store_draft_drop(f->st, drafts[i].id, &err);
		if (f->st == NULL)
			break;	/* locked meanwhile */
	}
	store_drafts_free(drafts, n);
}

static const struct ui_key keys[] = {
	{ .key = UI_CTRL('s'), .label = "^S", .text = N_("Save"), .run = save,
	    .bar = 1 },
	{ .key = UI_CTRL('x'), .label = "^X", .text = N_("Close"),
	    .run = close_editor, .bar = 1 },
	{ .key = UI_CTRL('d'), .label = "^D", .text = N_("Date"),
	    .run = choose_date, .bar = 1 },
	{ .key = UI_CTRL('r'), .label = "^R", .text = N_("Read the dossier"),
	    .run = read_meanwhile, .bar = 1 },
	{ .key = UI_CTRL('f'), .label = "^F", .text = N_("Search"),
	    .run = search_meanwhile, .bar = 1 },
	{ .key = KEY_F(7), .code = 1, .label = "F7", .text = N_("Spelling: "
	    "suggestions"), .run = suggest },
	{ .key = UI_CTRL('o'), .label = "^O", .text = N_("Spelling: "
	    "suggestions"), .run = suggest },
	{ .key = KEY_F(8), .code = 1, .label = "F8", .text = N_("Next "
	    "misspelt word"), .run = next_misspelt },
	{ .key = UI_CTRL('p'), .label = "^P", .text = N_("Next misspelt "
	    "word"), .run = next_misspelt },
	{ .key = UI_CTRL('k'), .label = "^K", .text = N_("Cut line"),
	    .run = cut_line, .bar = 1 },
	{ .key = UI_CTRL('u'), .label = "^U", .text = N_("Paste"),
	    .run = paste, .bar = 1 },
	{ .key = UI_CTRL('z'), .label = "^Z", .text = N_("Undo"), .run = undo,
	    .bar = 1 },
	{ .key = UI_CTRL('y'), .label = "^Y", .text = N_("Redo"), .run = redo,
	    .bar = 1 },
	{ .key = UI_CTRL('t'), .label = "^T", .text = N_("Top"),
	    .run = go_top, .bar = 1 },
	{ .key = UI_CTRL('e'), .label = "^E", .text = N_("End"),
	    .run = go_end, .bar = 1 },
	{ .key = UI_CTRL('q'), .label = "^Q",
	    .text = N_("Quit (asks whether to save the text)"),
	    .run = quit_asking },
	{ .key = UI_TYPED, .label = N_("letters"), .text = N_("Write"),
	    .run = type },
	{ .key = '\t', .label = N_("Tab"), .text = N_("Write"), .run = type },
	{ .key = '\r', .label = N_("Enter"), .text = N_("New line"),
	    .run = type },
	{ .key = KEY_BACKSPACE, .code = 1, .label = N_("Backspace"),
	    .text = N_("Erase before the cursor"), .run = erase_before },
	{ .key = KEY_DC, .code = 1, .label = N_("Delete"),
	    .text = N_("Erase after the cursor"), .run = erase_after },
	{ .key = KEY_LEFT, .code = 1, .label = "←",
	    .text = N_("Character left"), .run = go_left },
	{ .key = KEY_RIGHT, .code = 1, .label = "→",
	    .text = N_("Character right"), .run = go_right },
	{ .key = KEY_UP, .code = 1, .label = "↑", .text = N_("Row up"),
	    .run = go_up },
	{ .key = KEY_DOWN, .code = 1, .label = "↓", .text = N_("Row down"),
	    .run = go_down },
	{ .key = KEY_PPAGE, .code = 1, .label = "PgUp", .text = N_("Page up"),
	    .run = page_up },
	{ .key = KEY_NPAGE, .code = 1, .label = "PgDn",
	    .text = N_("Page down"), .run = page_down },
	{ .key = KEY_HOME, .code = 1, .label = N_("Home"),
	    .text = N_("Start of the line"), .run = line_start },
	{ .key = KEY_END, .code = 1, .label = N_("End"),
	    .text = N_("End of the line"), .run = line_end },
	{ .key = UI_WORD_LEFT, .code = 1, .label = "^←",
	    .text = N_("Word left"), .run = word_left },
	{ .key = UI_WORD_RIGHT, .code = 1, .label = "^→",
	    .text = N_("Word right"), .run = word_right },
	{ .key = UI_PASTE, .code = 1, .label = N_("a paste"),
	    .text = N_("Inserted whole, as text"), .run = read_paste },
};

const struct screen screen_editor = {
	.name = N_("Writing a note"),
	UI_KEYS(keys),
	.load = load,
	.draw = draw,
	.idle = idle,
	.opened = opened,
	.forget = forget,
};

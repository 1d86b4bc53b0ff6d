/*
 * ui_dossier.c - a dossier's notes, newest first, one line each: date, a
 * P when the note is on paper, its first line.  Only the rows in view are
 * read from the notebook.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "print.h"
#include "screen.h"
#include "util.h"

/* The date's column. */
#define DATE_COLS	20

/* What was read: wiped whole by forget(). */
static struct {
	struct dossier	 dossier;	/* name NULL: to load */
	struct note	*heads;		/* the rows in view */
	size_t		 nheads, first;	/* heads[0] is note FIRST */
	long long	 version;	/* store_version() when read */
} content;

/* What survives a lock: the selected row, the top row, of which dossier,
 * and for which opening (struct stop). */
static size_t sel, top;
static long long of_dossier;
static unsigned long of_opening;

static void
drop_heads(void)
{
	store_notes_free(content.heads, content.nheads);
	content.heads = NULL;
	content.nheads = 0;
}

static void
forget(struct frame *f)
{
	(void)f;
	store_dossier_free(&content.dossier);
	drop_heads();
	explicit_bzero(&content, sizeof(content));
}

static void
back_to_dossiers(struct frame *f)
{
	if (!ui_back_to_writing(f))
		ui_close(f);
}

/* Read the dossier and the rows in view, again when the notebook changed
 * (here or in another carnet): notes written, changed or destroyed
 * meanwhile then show as they are. */
static void
load(struct frame *f)
{
	size_t rows = (size_t)ui_body_rows();
	long long now = store_version(f->st);
	struct error err;

	/* Opened anew: read anew; for another dossier, from its top. */
	if (of_opening != ui_here(f)->opened) {
		if (of_dossier != ui_here(f)->dossier)
			sel = top = 0;
		of_dossier = ui_here(f)->dossier;
		of_opening = ui_here(f)->opened;
		forget(f);
	}
	if (now != content.version)
		forget(f);
	content.version = now;
	if (content.dossier.name == NULL && store_dossier_get(f->st,
	    ui_here(f)->dossier, &content.dossier, &err) == -1) {
		ui_say(f, 1, "%s", _("That dossier no longer exists."));
		back_to_dossiers(f);
		return;
	}
	if (sel >= (size_t)content.dossier.notes)
		sel = content.dossier.notes ? (size_t)content.dossier.notes -
		    1 : 0;
	ui_list_follow(sel, &top, rows);
	if (content.heads != NULL && content.first == top &&
	    (content.nheads >= rows || content.first + content.nheads ==
	    (size_t)content.dossier.notes))
		return;
	drop_heads();
	if (store_note_heads(f->st, ui_here(f)->dossier, top, rows,
	    &content.heads, &content.nheads, &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		return;
	}
	content.first = top;
}

/* The note on the selected row, or 0. */
static long long
selected(void)
{
	if (content.heads == NULL || sel < content.first ||
	    sel >= content.first + content.nheads)
		return 0;
	return content.heads[sel - content.first].id;
}

/* A moment whose hour has two digits, 22:22 local time on 22/12/2022:
 * the widest a note's date and time can be written. */
static time_t
widest_time(void)
{
	struct tm tm = { .tm_year = 122, .tm_mon = 11, .tm_mday = 22,
	    .tm_hour = 22, .tm_min = 22, .tm_isdst = -1 };

	return mktime(&tm);
}

static void
draw(struct frame *f)
{
	char where[STORE_NAME_MAX + 64], date[UTIL_DATE_MAX], number[32], gone[256];
	const char *empty;
	struct note *n;
	size_t i;
	int y, x, attr, digits, rows, date_w;

	if (content.dossier.name == NULL)
		return;
	snprintf(where, sizeof(where), ngettext("%s (%ld note)",
	    "%s (%ld notes)", content.dossier.notes), content.dossier.person,
	    content.dossier.notes);
	ui_title(f, where, ui_writing_hint(f));
	explicit_bzero(where, sizeof(where));
	if (content.dossier.destroyed > 0) {
		util_date(date, sizeof(date), content.dossier.destroyed_at);
		snprintf(gone, sizeof(gone), ngettext("%ld note put on paper, "
		    "then destroyed here (the last time on %s).", "%ld notes "
		    "put on paper, then destroyed here (the last time on %s).",
		    content.dossier.destroyed), content.dossier.destroyed,
		    date);
	}
	if (content.dossier.notes == 0) {
		empty = content.dossier.destroyed > 0 ? _("No note here now: n "
		    "writes one.") : _("No note yet in this dossier: n writes "
		    "one.");
		rows = ui_paragraph(ui_body_top() + 1, 2, COLS - 4, empty,
		    ui_body_rows() - 1, A_NORMAL);
		if (content.dossier.destroyed > 0)
			ui_paragraph(ui_body_top() + 2 + rows, 2, COLS - 4,
			    gone, ui_body_rows() - 2 - rows, A_DIM);
		return;
	}
	/* As show writes it ("#3", "n° 3"), as wide as the largest. */
	snprintf(number, sizeof(number), _("#%ld"), content.dossier.numbered);
	digits = util_width(number, strlen(number));
	/* The dates in a column as wide as the widest ("9 h 05" is
	 * narrower than "23 h 05" in French). */
	util_datetime(date, sizeof(date), widest_time());
	date_w = util_width(date, strlen(date));
	if (date_w > DATE_COLS)
		date_w = DATE_COLS;
	for (i = 0; i < content.nheads; i++) {
		n = &content.heads[i];
		y = ui_body_top() + (int)i;
		attr = content.first + i == sel ? A_REVERSE : A_NORMAL;
		if (attr == A_REVERSE)
			ui_highlight(y);
		/* The number "show", rm and mv know it by, which stays
		 * the note's while it is in this dossier. */
		snprintf(number, sizeof(number), _("#%ld"), n->number);
		ui_text(y, 1, digits, number, strlen(number), attr);
		x = 1 + digits;
		util_datetime(date, sizeof(date), n->created);
		ui_text(y, x + 1, DATE_COLS, date, strlen(date), attr);
		x += 1 + date_w;
		/* P: already on paper. */
		ui_text(y, x + 1, 1, n->printed ? "P" : " ", 1, attr);
		/* Its first line, ending in "…" when it goes on. */
		ui_fit_len(y, x + 3, COLS - x - 4, n->body, n->len, attr);
	}
}

static void
open_note(struct frame *f)
{
	if (selected() == 0)
		return;
	ui_open(f, SCREEN_NOTE, ui_here(f)->dossier, selected());
}

static void
new_note(struct frame *f)
{
	ui_edit(f, 0);
}

static void
edit_note(struct frame *f)
{
	if (selected() != 0)
		ui_edit(f, selected());
}

static void
destroy_note(struct frame *f)
{
	if (selected() != 0)
		ui_note_destroy(f, selected());
}

static void
move_note(struct frame *f)
{
	if (selected() != 0)
		ui_note_move(f, selected());
}

static void
print_new(struct frame *f)
{
	struct print_request rq;
	int r;

	r = ui_yes_no(f, _("Print every note, even those already on paper? "
	    "(n: only the new ones, y: all, Esc: cancel)"));
	if (r == -1)
		return;
	memset(&rq, 0, sizeof(rq));
	rq.dossier = ui_here(f)->dossier;
	rq.all = r == 1;
	ui_print(f, &rq);
}

static void
copy_for_person(struct frame *f)
{
	struct print_request rq;

	memset(&rq, 0, sizeof(rq));
	rq.dossier = ui_here(f)->dossier;
	rq.for_person = 1;
	ui_print(f, &rq);
}

static void
purge(struct frame *f)
{
	struct error err;
	time_t asked = util_now();	/* on paper by then: not after */
	long count;

	if (ui_yes_no(f, _("Destroy the notes of this dossier that are "
	    "already on paper? This cannot be undone. (y/n)")) != 1)
		return;
	if (store_purge(f->st, ui_here(f)->dossier, asked, &count, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else
		ui_say(f, 0, ngettext("%ld note on paper was destroyed.",
		    "%ld notes on paper were destroyed.", count), count);
	sel = top = 0;
}

static void
move_sel(struct frame *f, enum ui_move m)
{
	ui_list_move(&sel, (size_t)content.dossier.notes,
	    (size_t)ui_body_rows(), m);
	(void)f;
}

static const struct ui_key keys[] = {
	{ .key = UI_ESC, .label = N_("Esc"), .text = N_("Dossiers"),
	    .run = back_to_dossiers, .bar = 1, .now = ui_not_writing },
	{ .key = UI_ESC, .label = N_("Esc"), .text = N_("Back to your text"),
	    .run = back_to_dossiers, .bar = 1, .now = ui_writing },
	{ .key = 'n', .label = "n", .text = N_("New note"), .run = new_note,
	    .bar = 1, .now = ui_not_writing },
	{ .key = '\r', .label = N_("Enter"), .text = N_("Read the note"),
	    .run = open_note, .bar = 1 },
	{ .key = 'p', .label = "p", .text = N_("Print"), .run = print_new,
	    .bar = 1 },
	{ .key = 'c', .label = "c", .text = N_("Copy for the person"),
	    .run = copy_for_person, .bar = 1 },
	{ .key = 'x', .label = "x", .text = N_("Destroy what is on paper"),
	    .run = purge, .bar = 1 },
	{ .key = 'e', .label = "e", .text = N_("Edit the note"),
	    .run = edit_note },
	{ .key = 'd', .label = "d", .text = N_("Destroy this note"),
	    .run = destroy_note },
	{ .key = 'm', .label = "m", .text = N_("Move it to another dossier"),
	    .run = move_note },
	{ .key = KEY_RIGHT, .code = 1, .label = "→",
	    .text = N_("Read the note"), .run = open_note },
	{ .key = KEY_LEFT, .code = 1, .label = "←", .text = N_("Dossiers"),
	    .run = back_to_dossiers },
	{ .key = 'q', .label = "q", .text = N_("Dossiers"),
	    .run = back_to_dossiers },
	{ .key = '/', .label = "/", .text = N_("Search"), .run = ui_go_search },
	{ .key = '?', .label = "?", .text = N_("Help"), .run = ui_go_help },
	UI_ARROW_ROWS,
	UI_LETTER_ROWS,
};

const struct screen screen_dossier = {
	.name = N_("A dossier"),
	UI_KEYS(keys),
	.load = load,
	.draw = draw,
	.step = move_sel,
	.forget = forget,
};

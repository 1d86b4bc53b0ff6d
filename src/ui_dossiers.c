/*
 * ui_dossiers.c - the first screen: every dossier, most recent activity
 * first, with its number of notes, of notes not yet on paper, and the date
 * of its last note.  Letters typed filter the list (accents and case
 * ignored); the commands are control keys, so that any name can be typed.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "pdfs.h"
#include "print.h"
#include "screen.h"
#include "util.h"

/* The columns, from the right edge: the number of notes, how many to
 * print, the date.  Below WIDE_COLS the number of notes goes; below
 * MID_COLS how many to print too: only the name and the date show. */
#define NOTES_COL	36
#define NOTES_COLS	10
#define TO_PRINT_COL	25
#define TO_PRINT_COLS	13
#define DATE_COLS	11
#define WIDE_COLS	64
#define MID_COLS	50

/* What was read: wiped whole by forget(). */
static struct {
	struct dossier	*dossiers;	/* NULL: to load */
	size_t		 count;
	long long	 version;	/* store_version() when read */
	char		 filter[UI_LINE_MAX];
	time_t		 backup;	/* the last backup, or 0 */
	size_t		 pdfs;		/* PDFs carnet made, still on disk */
} content;

/* What survives a lock. */
static size_t sel, top;
static int show_closed, review;
static long long wanted;		/* select it at the next load */

static void
forget(struct frame *f)
{
	(void)f;
	store_dossiers_free(content.dossiers, content.count);
	explicit_bzero(&content, sizeof(content));
}

static void
reload(struct frame *f)
{
	struct error err;
	size_t i;

	content.version = store_version(f->st);
	store_dossiers_free(content.dossiers, content.count);
	content.dossiers = NULL;
	content.count = 0;
	content.backup = store_last_backup(f->st, NULL);
	if (store_dossiers(f->st, content.filter[0] ? content.filter : NULL,
	    show_closed || review, review ? util_now() -
	    (time_t)f->conf->retention_days * UTIL_DAY : 0, &content.dossiers,
	    &content.count, &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		content.dossiers = xcalloc(1, sizeof(*content.dossiers));
		content.count = 0;
	}
	for (i = 0; wanted != 0 && i < content.count; i++)
		if (content.dossiers[i].id == wanted)
			sel = i;
	wanted = 0;
	if (sel >= content.count)
		sel = content.count ? content.count - 1 : 0;
}

/* Read again when the notebook changed, here or in another carnet (2,000
 * rows take a few milliseconds: not at every key), keeping the selected
 * dossier selected. */
static void
load(struct frame *f)
{
	struct pdf_made *pdfs;
	struct error err;

	/* Deleted outside carnet, a PDF is no longer counted: looked at
	 * each time (a stat a PDF). */
	if (pdfs_on_disk(f->st, &pdfs, &content.pdfs, &err) == 0)
		store_pdfs_free(pdfs, content.pdfs);
	if (content.dossiers != NULL && store_version(f->st) ==
	    content.version)
		return;
	if (content.dossiers != NULL && content.count > 0 && wanted == 0)
		wanted = content.dossiers[sel].id;
	if (wanted == 0)
		wanted = f->place.last_dossier;
	reload(f);
}

static struct dossier *
selected(struct frame *f)
{
	if (content.dossiers == NULL || content.count == 0) {
		ui_say(f, 1, "%s", _("No dossier is selected."));
		return NULL;
	}
	return &content.dossiers[sel];
}

/* The title's right side: how many PDFs carnet made are still on disk
 * (never their names: the list may be seen over her shoulder); when the
 * last backup was made, or, after backup_days without one, a reminder of
 * the key that makes one. */
static const char *
backup_said(struct frame *f, char *buf, size_t size)
{
	long days = (long)((util_now() - content.backup) / UTIL_DAY);
	char date[UTIL_DATE_MAX];
	size_t len;

	buf[0] = '\0';
	if (content.pdfs > 0)
		snprintf(buf, size, ngettext("%zu PDF not encrypted · ",
		    "%zu PDFs not encrypted · ", content.pdfs), content.pdfs);
	len = strlen(buf);
	buf += len;
	size -= len;
	if (content.backup == 0)
		snprintf(buf, size, "%s", _("No backup yet: ^B"));
	else if (f->conf->backup_days > 0 && days >= f->conf->backup_days)
		snprintf(buf, size, ngettext("No backup for %ld day: ^B",
		    "No backup for %ld days: ^B", days), days);
	else {
		util_date(date, sizeof(date), content.backup);
		snprintf(buf, size, _("Backed up %s"), date);
	}
	return buf - len;
}

static void
draw_row(const struct frame *f, const struct dossier *d, int y, int attr)
{
	char date[UTIL_DATE_MAX], counts[96], number[48], discreet[96];
	const char *name = ui_shown_name(f, d->id, d->name, discreet,
	    sizeof(discreet));
	int marks;
	const char *closed = _(" (closed)");
	int wide = COLS >= WIDE_COLS, mid = !wide && COLS >= MID_COLS, x;
	int namew = wide ? COLS - NOTES_COL - 2 : mid ? COLS - TO_PRINT_COL -
	    2 : COLS - DATE_COLS - 2;

	if (attr == A_REVERSE)
		ui_highlight(y);
	/* Two people of one name: their numbers tell them apart. */
	number[0] = '\0';
	if (d->homonyms > 0 && !f->discreet)
		snprintf(number, sizeof(number), _(" (no. %lld)"), d->id);
	/* The marks in brackets are shown whole or not at all: the name
	 * gives way first, "…" saying so. */
	marks = util_width(number, strlen(number)) + (d->closed != 0 ?
	    util_width(closed, strlen(closed)) : 0);
	x = 1 + ui_fit_text(y, 1, namew - (marks < namew / 2 ? marks : 0),
	    name, attr);
	if (number[0] != '\0' && x + util_width(number, strlen(number)) <=
	    namew + 1)
		x += ui_text(y, x, namew + 1 - x, number, strlen(number),
		    attr | A_DIM);
	if (d->closed != 0 && x + util_width(closed, strlen(closed)) <= namew + 1)
		ui_text(y, x, namew + 1 - x, closed, strlen(closed),
		    attr | A_DIM);
	if (wide) {
		snprintf(counts, sizeof(counts), ngettext("%ld note",
		    "%ld notes", d->notes), d->notes);
		ui_text(y, COLS - NOTES_COL, NOTES_COLS, counts,
		    strlen(counts), attr);
	}
	/* What waits for paper stays longest: it is work to do. */
	if ((wide || mid) && d->unprinted > 0) {
		snprintf(counts, sizeof(counts), _("%ld to print"),
		    d->unprinted);
		ui_text(y, COLS - TO_PRINT_COL, TO_PRINT_COLS, counts,
		    strlen(counts), attr);
	}
	if (d->last != 0)
		util_date(date, sizeof(date), d->last);
	else
		snprintf(date, sizeof(date), "—");
	ui_text(y, COLS - DATE_COLS, DATE_COLS, date, strlen(date), attr);
}

static void
draw(struct frame *f)
{
	char where[UI_LINE_MAX + 128], said[128];
	const char *empty;
	size_t rows = (size_t)ui_body_rows(), i;

	if (review) {
		util_days(said, sizeof(said), f->conf->retention_days);
		snprintf(where, sizeof(where), _("To review: no note for %s "
		    "(%zu)"), said, content.count);
	}
	else if (content.filter[0] != '\0')
		snprintf(where, sizeof(where), _("Dossiers matching “%s” (%zu)"),
		    content.filter, content.count);
	else if (show_closed)
		snprintf(where, sizeof(where), _("All dossiers, closed ones "
		    "too (%zu)"), content.count);
	else
		snprintf(where, sizeof(where), _("Dossiers (%zu)"),
		    content.count);
	ui_title(f, where, backup_said(f, said, sizeof(said)));
	explicit_bzero(where, sizeof(where));
	if (content.count == 0) {
		empty = content.filter[0] != '\0' ? _("No dossier has that "
		    "name. Backspace erases, Esc clears the filter.") : review ?
		    _("Nothing to review: every dossier has a note, or was "
		    "kept, within the retention period. Esc goes back.") :
		    _("No dossier yet. ^N creates one.");
		ui_paragraph(ui_body_top() + 1, 2, COLS - 4, empty,
		    ui_body_rows() - 1, A_NORMAL);
		return;
	}
	ui_list_follow(sel, &top, rows);
	for (i = top; i < content.count && i < top + rows; i++)
		draw_row(f, &content.dossiers[i], ui_body_top() + (int)(i - top),
		    i == sel ? A_REVERSE : A_NORMAL);
}

static void
open_dossier(struct frame *f)
{
	struct dossier *d = selected(f);
	long long id;

	if (d == NULL)
		return;
	/* A PDF of it that waits to be said printed: asked first (a lock
	 * meanwhile takes the list's content: the id is kept). */
	id = d->id;
	ui_pdf_waiting(f, id);
	ui_open(f, SCREEN_DOSSIER, id, 0);
}

/* Two people may share a name: asked (ERR names the other dossier),
 * never by mistake.  1 when it is wanted.  ERR's text is held with the
 * question: a lock while it waits wipes both. */
static int
same_name_wanted(struct frame *f, struct error *err)
{
	char *question;
	int r;

	question = wipe_asprintf(_("%s. Is this someone else of that name? "
	    "(y: yes, go on, n or Esc: no)"), err->text);
	ui_capital(question);
	ui_hold(f, question, strlen(question));
	ui_hold(f, err->text, sizeof(err->text));
	r = ui_yes_no(f, question);
	ui_unhold(f, err->text);
	ui_unhold(f, question);
	wipe_free(question);
	return r == 1;
}

/* Who is looking over her shoulder sees initials and numbers. */
static void
toggle_discreet(struct frame *f)
{
	f->discreet = !f->discreet;
	ui_say(f, 0, "%s", f->discreet ? _("Discreet list: initials and "
	    "numbers until a dossier is opened (^V shows the names).") :
	    _("The names are shown in full (^V hides them)."));
}

/* Once the key is handled, the frame closes the notebook and asks. */
static void
change_passphrase(struct frame *f)
{
	f->passwd_pending = 1;
}

static void
new_dossier(struct frame *f)
{
	char name[UI_LINE_MAX] = "";
	struct dossier d;
	struct error err;
	long long id;
	int rc;

	if (ui_ask(f, _("Name of the new dossier:"), name, sizeof(name)) !=
	    1 || name[0] == '\0')
		return;
	rc = store_dossier_new(f->st, name, 0, &id, &err);
	if (rc == STORE_SAME)
		rc = same_name_wanted(f, &err) ? store_dossier_new(f->st, name, 1,
		    &id, &err) : 1;
	if (rc == -1)
		ui_say(f, 1, "%s", err.text);
	else if (rc == 0) {
		explicit_bzero(content.filter, sizeof(content.filter));
		wanted = id;
		reload(f);
		/* As it is kept (its spaces made one), with its number when
		 * another has a name like it. */
		if (store_dossier_get(f->st, id, &d, &err) == 0) {
			ui_say(f, 0, _("Dossier “%s” created. Enter opens it."),
			    d.person);
			store_dossier_free(&d);
		}
	}
	explicit_bzero(name, sizeof(name));
}

static void
rename_dossier(struct frame *f)
{
	struct dossier *d = selected(f);
	char name[UI_LINE_MAX];
	struct error err;
	int rc;

	if (d == NULL)
		return;
	snprintf(name, sizeof(name), "%s", d->name);
	wanted = d->id;
	if (ui_ask(f, _("New name:"), name, sizeof(name)) == 1) {
		rc = store_dossier_rename(f->st, wanted, name, 0, &err);
		if (rc == STORE_SAME && f->st != NULL)
			rc = same_name_wanted(f, &err) ?
			    store_dossier_rename(f->st, wanted, name, 1, &err) :
			    1;
		if (rc == -1)
			ui_say(f, 1, "%s", err.text);
		else if (rc == 0)
			ui_say(f, 0, _("Renamed."));
	}
	explicit_bzero(name, sizeof(name));
}

static void
close_dossier(struct frame *f)
{
	struct dossier *d = selected(f);
	struct error err;
	int closing;

	if (d == NULL)
		return;
	closing = d->closed == 0;
	wanted = d->id;
	if (store_dossier_close(f->st, d->id, closing, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else
		ui_say(f, 0, closing ? (show_closed ? _("Dossier closed.") :
		    _("Dossier closed: hidden from the list (^T shows closed "
		    "ones).")) : _("Dossier reopened."));
}

/* The retention clock: dossiers without a note for too long, for the
 * worker to print, then destroy, or keep.  Nothing is deleted here. */
static void
toggle_review(struct frame *f)
{
	review = !review;
	sel = top = 0;
	reload(f);
}

static void
toggle_closed(struct frame *f)
{
	show_closed = !show_closed;
	reload(f);
}

/* Destroying asks for the dossier's name, typed in full. */
static void
destroy_dossier(struct frame *f)
{
	struct dossier *d = selected(f);
	char typed[UI_LINE_MAX] = "", *question;
	struct error err;
	long long id;
	long notes;
	int r;

	if (d == NULL)
		return;
	id = d->id;
	notes = d->notes;
	question = wipe_asprintf(ngettext("Destroy “%s” and its %ld note? Type "
	    "its name to confirm:", "Destroy “%s” and its %ld notes? Type its "
	    "name to confirm:", d->notes), d->person, d->notes);
	/* Nothing is read meanwhile: D stays valid unless it locked. */
	ui_hold(f, question, strlen(question));
	r = ui_ask(f, question, typed, sizeof(typed));
	ui_unhold(f, question);
	wipe_free(question);
	if (r == 1 && !names_alike(typed, d->name))
		ui_say(f, 1, "%s", _("That is not its name: nothing was "
		    "destroyed."));
	else if (r == 1) {
		/* Said by its name as the notebook held it (with its number
		 * among namesakes), not as it was typed: the list's content
		 * goes with the destruction. */
		char person[STORE_NAME_MAX + 32];

		snprintf(person, sizeof(person), "%s", d->person);
		if (store_dossier_delete(f->st, id, notes, &err) != 0)
			ui_say(f, 1, "%s", err.text);
		else
			ui_say(f, 0, _("The dossier “%s” was destroyed."),
			    person);
		explicit_bzero(person, sizeof(person));
	}
	explicit_bzero(typed, sizeof(typed));
}

/* In the review: this dossier is kept, and asked about again one
 * retention period from now. */
static void
keep_dossier(struct frame *f)
{
	struct dossier *d;
	struct error err;
	char in[64];

	if (!review) {
		ui_say(f, 0, "%s", _("Only in the dossiers to review (^A)."));
		return;
	}
	if ((d = selected(f)) == NULL)
		return;
	if (store_dossier_keep(f->st, d->id, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else {
		util_days(in, sizeof(in), f->conf->retention_days);
		ui_say(f, 0, _("Kept: asked about again in %s."), in);
	}
}

static void
type_filter(struct frame *f)
{
	if (f->code && f->key == KEY_BACKSPACE && content.filter[0] == '\0')
		return;
	ui_line_key(content.filter, sizeof(content.filter), f->key, f->code);
	sel = top = 0;
	reload(f);
}

/* Esc: the filter goes first; then the list of ^A or ^T is left for the
 * whole list.  From the whole list, it does nothing: ^Q quits. */
static void
escape(struct frame *f)
{
	if (content.filter[0] != '\0')
		explicit_bzero(content.filter, sizeof(content.filter));
	else if (review || show_closed)
		review = show_closed = 0;
	else
		return;
	sel = top = 0;
	reload(f);
}

/* In the bar, Esc first of all where it leaves something. */
static int
escape_shown(const struct frame *f)
{
	(void)f;
	return content.filter[0] != '\0' || review || show_closed;
}

static void
move_sel(struct frame *f, enum ui_move m)
{
	(void)f;
	ui_list_move(&sel, content.count, (size_t)ui_body_rows(), m);
}

static const struct ui_key keys[] = {
	{ .key = UI_TYPED, .label = N_("letters"),
	    .text = N_("Filter the list by name"), .run = type_filter },
	{ .key = KEY_BACKSPACE, .code = 1, .label = N_("Backspace"),
	    .text = N_("Erase a letter of the filter"), .run = type_filter },
	{ .key = UI_ESC, .label = N_("Esc"),
	    .text = N_("Whole list"),
	    .run = escape, .bar = 1, .now = escape_shown },
	{ .key = '\r', .label = N_("Enter"), .text = N_("Open"),
	    .run = open_dossier, .bar = 1 },
	{ .key = KEY_RIGHT, .code = 1, .label = "→", .text = N_("Open"),
	    .run = open_dossier },
	{ .key = UI_CTRL('n'), .label = "^N", .text = N_("New dossier"),
	    .run = new_dossier, .bar = 1 },
	{ .key = UI_CTRL('b'), .label = "^B", .text = N_("Back up"),
	    .run = ui_backup, .bar = 1 },
	{ .key = UI_CTRL('v'), .label = "^V",
	    .text = N_("Discreet list: initials only"),
	    .run = toggle_discreet },
	{ .key = UI_CTRL('w'), .label = "^W",
	    .text = N_("Change the passphrase"), .run = change_passphrase },
	{ .key = UI_CTRL('r'), .label = "^R", .text = N_("Rename"),
	    .run = rename_dossier, .bar = 1 },
	{ .key = UI_CTRL('o'), .label = "^O", .text = N_("Close/reopen"),
	    .run = close_dossier, .bar = 1 },
	{ .key = UI_CTRL('t'), .label = "^T", .text = N_("Closed ones"),
	    .run = toggle_closed, .bar = 1 },
	{ .key = UI_CTRL('d'), .label = "^D", .text = N_("Destroy"),
	    .run = destroy_dossier, .bar = 1 },
	{ .key = UI_CTRL('a'), .label = "^A", .text = N_("To review"),
	    .run = toggle_review, .bar = 1 },
	{ .key = UI_CTRL('k'), .label = "^K",
	    .text = N_("Keep (in the review)"), .run = keep_dossier },
	{ .key = UI_CTRL('p'), .label = "^P", .text = N_("Notice"),
	    .run = ui_print_notice, .bar = 1 },
	{ .key = UI_CTRL('e'), .label = "^E", .text = N_("Print the day"),
	    .run = ui_print_day, .bar = 1 },
	UI_ARROW_ROWS,
};

const struct screen screen_dossiers = {
	.name = N_("The list of dossiers"),
	UI_KEYS(keys),
	.load = load,
	.draw = draw,
	.step = move_sel,
	.forget = forget,
};

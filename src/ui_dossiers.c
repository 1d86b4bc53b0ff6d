/*
 * ui_dossiers.c - the first screen: every dossier, most recent activity
 * first, with its number of notes, of notes not yet on paper, and the date
 * of its last note.  Letters typed filter the list (accents and case
 * ignored); the commands are control keys, so that any name can be typed.
 */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "print.h"
#include "ui.h"
#include "util.h"

static void open_dossier(struct ui *);
static void new_dossier(struct ui *);
static void rename_dossier(struct ui *);
static void close_dossier(struct ui *);
static void toggle_closed(struct ui *);
static void destroy_dossier(struct ui *);
static void notice(struct ui *);
static void toggle_review(struct ui *);

const struct ui_key ui_dossiers_keys[] = {
	{ '\r', 0, N_("Enter"), N_("Open"), open_dossier, 1 },
	{ KEY_ENTER, 1, N_("Enter"), N_("Open"), open_dossier, 0 },
	{ KEY_RIGHT, 1, "→", N_("Open"), open_dossier, 0 },
	{ UI_CTRL('n'), 0, "^N", N_("New dossier"), new_dossier, 1 },
	{ UI_CTRL('r'), 0, "^R", N_("Rename"), rename_dossier, 1 },
	{ UI_CTRL('o'), 0, "^O", N_("Close/reopen"), close_dossier, 1 },
	{ UI_CTRL('t'), 0, "^T", N_("Closed ones"), toggle_closed, 1 },
	{ UI_CTRL('d'), 0, "^D", N_("Destroy"), destroy_dossier, 1 },
	{ UI_CTRL('a'), 0, "^A", N_("To review"), toggle_review, 1 },
	{ UI_CTRL('p'), 0, "^P", N_("Notice"), notice, 1 },
	{ KEY_UP, 1, "↑ ↓", N_("Move (PgUp, PgDn, Home, End too)"), NULL, 0 },
	{ 0, 0, N_("letters"), N_("Filter the list by name"), NULL, 0 },
	{ UI_ESC, 0, N_("Esc"), N_("Clear the filter"), NULL, 0 },
};
const size_t ui_ndossiers_keys = sizeof(ui_dossiers_keys) /
    sizeof(ui_dossiers_keys[0]);

static void
reload(struct ui *ui)
{
	struct error err;
	size_t i;

	ui->list_version = store_version(ui->st);
	store_dossiers_free(ui->dossiers, ui->ndossiers);
	ui->dossiers = NULL;
	ui->ndossiers = 0;
	if (store_dossiers(ui->st, ui->filter[0] ? ui->filter : NULL,
	    ui->show_closed || ui->review, ui->review ? util_now() -
	    (time_t)ui->conf->retention_days * UTIL_DAY : 0, &ui->dossiers,
	    &ui->ndossiers, &err) == -1) {
		ui_say(ui, 1, "%s", err.text);
		ui->dossiers = xcalloc(1, sizeof(*ui->dossiers));
		ui->ndossiers = 0;
	}
	if (ui->dossier_wanted != 0) {
		for (i = 0; i < ui->ndossiers; i++)
			if (ui->dossiers[i].id == ui->dossier_wanted)
				ui->dsel = i;
		ui->dossier_wanted = 0;
	}
	if (ui->dsel >= ui->ndossiers)
		ui->dsel = ui->ndossiers ? ui->ndossiers - 1 : 0;
}

static struct dossier *
selected(struct ui *ui)
{
	if (ui->dossiers == NULL || ui->ndossiers == 0) {
		ui_say(ui, 1, "%s", _("No dossier is selected."));
		return NULL;
	}
	return &ui->dossiers[ui->dsel];
}

void
ui_dossiers_draw(struct ui *ui)
{
	char where[UI_TEXT_MAX + 128], date[64], counts[96];
	const char *empty;
	struct dossier *d;
	int rows = ui_body_rows(), y, namew, x, wide, attr;
	size_t i;

	/* Read again when the notebook changed, here or in another carnet
	 * (2,000 rows take a few milliseconds: not at every key). */
	if (ui->dossiers == NULL || store_version(ui->st) != ui->list_version) {
		if (ui->dossiers != NULL && ui->ndossiers > 0)
			ui->dossier_wanted = ui->dossiers[ui->dsel <
			    ui->ndossiers ? ui->dsel : 0].id;
		reload(ui);
	}
	if (ui->review)
		snprintf(where, sizeof(where), _("To review: no note for %ld "
		    "days (%zu)"), ui->conf->retention_days, ui->ndossiers);
	else if (ui->filter[0] != '\0')
		snprintf(where, sizeof(where), _("Dossiers matching “%s” (%zu)"),
		    ui->filter, ui->ndossiers);
	else if (ui->show_closed)
		snprintf(where, sizeof(where), _("All dossiers, closed ones "
		    "too (%zu)"), ui->ndossiers);
	else
		snprintf(where, sizeof(where), _("Dossiers (%zu)"),
		    ui->ndossiers);
	ui_title(ui, where);
	ui_bar(ui, ui_dossiers_keys, ui_ndossiers_keys);
	if (ui->ndossiers == 0) {
		empty = ui->filter[0] != '\0' ? _("No dossier has that name. "
		    "Backspace erases, Esc clears the filter.") :
		    _("No dossier yet. ^N creates one.");
		ui_text(ui_body_top() + 1, 2, COLS - 4, empty, strlen(empty),
		    A_NORMAL);
		return;
	}
	if (ui->dsel < ui->dtop)
		ui->dtop = ui->dsel;
	if (ui->dsel >= ui->dtop + (size_t)rows)
		ui->dtop = ui->dsel - (size_t)rows + 1;
	/* Name, notes, notes to print, last date; a narrow terminal keeps
	 * the name and the date. */
	wide = COLS >= 64;
	namew = wide ? COLS - 38 : COLS - 13;
	for (i = ui->dtop, y = ui_body_top(); i < ui->ndossiers &&
	    y < ui_body_top() + rows; i++, y++) {
		d = &ui->dossiers[i];
		attr = i == ui->dsel ? A_REVERSE : A_NORMAL;
		if (attr == A_REVERSE) {
			move(y, 0);
			attron(A_REVERSE);
			hline(' ', COLS);
			attroff(A_REVERSE);
		}
		x = 1 + ui_text(y, 1, namew, d->name, strlen(d->name), attr);
		if (d->closed != 0 && x < namew)
			ui_text(y, x, namew + 1 - x, _(" (closed)"),
			    strlen(_(" (closed)")), attr | A_DIM);
		if (wide) {
			snprintf(counts, sizeof(counts), ngettext("%ld note",
			    "%ld notes", d->notes), d->notes);
			ui_text(y, COLS - 36, 10, counts, strlen(counts), attr);
			if (d->unprinted > 0) {
				snprintf(counts, sizeof(counts),
				    _("%ld to print"), d->unprinted);
				ui_text(y, COLS - 25, 13, counts,
				    strlen(counts), attr);
			}
		}
		if (d->last != 0)
			util_date(date, sizeof(date), d->last);
		else
			snprintf(date, sizeof(date), "—");
		ui_text(y, COLS - 11, 11, date, strlen(date), attr);
	}
}

static void
open_dossier(struct ui *ui)
{
	struct dossier *d = selected(ui);

	if (d == NULL)
		return;
	if (ui->dossier != d->id) {
		ui->nsel = ui->ntop = 0;
		ui->dossier = d->id;
	}
	ui_reload_dossier(ui);
	ui->screen = UI_DOSSIER;
}

static void
new_dossier(struct ui *ui)
{
	char name[UI_TEXT_MAX] = "";
	struct error err;
	long long id;

	if (ui_ask(ui, _("Name of the new dossier:"), name, sizeof(name)) !=
	    1 || name[0] == '\0')
		return;
	if (store_dossier_new(ui->st, name, &id, &err) == -1) {
		ui_say(ui, 1, "%s", err.text);
		return;
	}
	explicit_bzero(ui->filter, sizeof(ui->filter));
	ui->dossier_wanted = id;
	reload(ui);
	ui_say(ui, 0, _("Dossier “%s” created. Enter opens it."), name);
	explicit_bzero(name, sizeof(name));
}

static void
rename_dossier(struct ui *ui)
{
	struct dossier *d = selected(ui);
	char name[UI_TEXT_MAX];
	struct error err;

	if (d == NULL)
		return;
	snprintf(name, sizeof(name), "%s", d->name);
	if (ui_ask(ui, _("New name:"), name, sizeof(name)) != 1)
		return;
	if (store_dossier_rename(ui->st, d->id, name, &err) == -1)
		ui_say(ui, 1, "%s", err.text);
	else
		ui_say(ui, 0, _("Renamed."));
	ui->dossier_wanted = d->id;
	reload(ui);
	explicit_bzero(name, sizeof(name));
}

static void
close_dossier(struct ui *ui)
{
	struct dossier *d = selected(ui);
	struct error err;
	int closing;

	if (d == NULL)
		return;
	closing = d->closed == 0;
	if (store_dossier_close(ui->st, d->id, closing, &err) == -1) {
		ui_say(ui, 1, "%s", err.text);
		return;
	}
	ui_say(ui, 0, closing ? (ui->show_closed ? _("Dossier closed.") :
	    _("Dossier closed: hidden from the list (^T shows closed "
	    "ones).")) : _("Dossier reopened."));
	reload(ui);
}

/* The retention clock: dossiers without a note for too long, for the
 * worker to print, then destroy, or keep.  Nothing is deleted here. */
static void
toggle_review(struct ui *ui)
{
	ui->review = !ui->review;
	ui->dsel = ui->dtop = 0;
	reload(ui);
}

static void
notice(struct ui *ui)
{
	struct print_result res;
	struct error err;

	ui_say(ui, 0, "%s", _("Printing…"));
	refresh();
	if (print_notice(ui->conf, NULL, &res, &err) == -1)
		ui_say(ui, 1, "%s", err.text);
	else
		ui_say(ui, 0, "%s", _("The information notice was sent to the "
		    "printer."));
}

static void
toggle_closed(struct ui *ui)
{
	ui->show_closed = !ui->show_closed;
	reload(ui);
}

/* Destroying asks for the dossier's name, typed in full. */
static void
destroy_dossier(struct ui *ui)
{
	struct dossier *d = selected(ui);
	char typed[UI_TEXT_MAX] = "", *question;
	struct error err;
	int r;

	if (d == NULL)
		return;
	question = xasprintf(ngettext("Destroy “%s” and its %ld note? Type "
	    "its name to confirm:", "Destroy “%s” and its %ld notes? Type its "
	    "name to confirm:", d->notes), d->name, d->notes);
	r = ui_ask(ui, question, typed, sizeof(typed));
	free(question);
	if (r != 1)
		return;
	if (strcmp(typed, d->name) != 0) {
		ui_say(ui, 1, "%s", _("That is not its name: nothing was "
		    "destroyed."));
		return;
	}
	if (store_dossier_delete(ui->st, d->id, &err) == -1)
		ui_say(ui, 1, "%s", err.text);
	else
		ui_say(ui, 0, _("The dossier “%s” was destroyed."), typed);
	explicit_bzero(typed, sizeof(typed));
	reload(ui);
}

static int
move_selection(struct ui *ui, int key)
{
	size_t page = (size_t)ui_body_rows(), n = ui->ndossiers;

	switch (key) {
	case KEY_UP:
		if (ui->dsel > 0)
			ui->dsel--;
		return 1;
	case KEY_DOWN:
		if (ui->dsel + 1 < n)
			ui->dsel++;
		return 1;
	case KEY_PPAGE:
		ui->dsel = ui->dsel > page ? ui->dsel - page : 0;
		return 1;
	case KEY_NPAGE:
		ui->dsel = ui->dsel + page < n ? ui->dsel + page :
		    n ? n - 1 : 0;
		return 1;
	case KEY_HOME:
		ui->dsel = 0;
		return 1;
	case KEY_END:
		ui->dsel = n ? n - 1 : 0;
		return 1;
	}
	return 0;
}

int
ui_dossiers_key(struct ui *ui, int key, int code)
{
	if (code && key != KEY_BACKSPACE)
		return move_selection(ui, key);
	if (key == UI_ESC && !code)
		explicit_bzero(ui->filter, sizeof(ui->filter));
	else if (ui->filter[0] == '\0' && ((code && key == KEY_BACKSPACE) ||
	    (!code && (key == 127 || key == 8))))
		return 1;
	else if (!ui_line_key(ui->filter, sizeof(ui->filter), key, code))
		return 0;
	ui->dsel = ui->dtop = 0;
	reload(ui);
	return 1;
}

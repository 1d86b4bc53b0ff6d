/*
 * ui_place.c - where the worker is: a stack of the screens she opened,
 * each over the one it was opened from (tmux's stack of modes is the
 * model).  Screens ask to open and to close; they never write where they
 * go back to, nor remember it: the stack does.  The list of dossiers is at
 * the bottom and never closed; a text being written waits in the stack
 * while she reads or searches over it.  No curses, no store: numbers.
 */
#include <string.h>

#include "screen.h"

static struct stop *
top(struct place *p)
{
	return &p->stack[p->depth - 1];
}

static void
set(struct place *p, struct stop *s, enum screen_id screen, long long dossier,
    long long note)
{
	s->screen = screen;
	s->dossier = dossier;
	s->note = note;
	s->opened = ++p->openings;
	if (dossier != 0)
		p->last_dossier = dossier;
}

void
ui_place_start(struct place *p)
{
	memset(p, 0, sizeof(*p));
	p->depth = 1;
	set(p, &p->stack[0], SCREEN_DOSSIERS, 0, 0);
}

const struct stop *
ui_here(const struct frame *f)
{
	return &f->place.stack[f->place.depth - 1];
}

const struct stop *
ui_under(const struct frame *f)
{
	return f->place.depth > 1 ? &f->place.stack[f->place.depth - 2] : NULL;
}

void
ui_open(struct frame *f, enum screen_id screen, long long dossier,
    long long note)
{
	struct place *p = &f->place;

	/* Never deeper than the stack: the screen shown gives way (the
	 * stack holds more than any walk through the screens needs). */
	if (p->depth < PLACE_DEPTH)
		p->depth++;
	set(p, top(p), screen, dossier, note);
}

void
ui_close(struct frame *f)
{
	if (f->place.depth > 1)
		f->place.depth--;
}

/* Where the text that waits is in the stack, or 0. */
static size_t
text_waiting(const struct place *p)
{
	size_t i;

	for (i = p->depth - 1; i > 0; i--)
		if (p->stack[i - 1].screen == SCREEN_EDITOR)
			return i;
	return 0;
}

void
ui_go_note(struct frame *f, long long dossier, long long note)
{
	size_t keep = text_waiting(&f->place);

	f->place.depth = keep > 0 ? keep : 1;
	ui_open(f, SCREEN_DOSSIER, dossier, 0);
	if (note != 0)
		ui_open(f, SCREEN_NOTE, dossier, note);
}

static int
transient(enum screen_id s)
{
	return ui_screens[s]->transient;
}

void
ui_close_transient(struct frame *f)
{
	while (f->place.depth > 1 && transient(ui_here(f)->screen))
		ui_close(f);
}

void
ui_edit(struct frame *f, long long note)
{
	/* One text at a time: its draft is this window's. */
	if (ui_writing(f)) {
		ui_say(f, 1, "%s", _("A note is being written: Esc goes back "
		    "to it; save or close it first."));
		return;
	}
	ui_open(f, SCREEN_EDITOR, ui_here(f)->dossier, note);
}

int
ui_back_to_writing(struct frame *f)
{
	size_t at = text_waiting(&f->place);

	if (at == 0)
		return 0;
	f->place.depth = at;
	return 1;
}

int
ui_writing(const struct frame *f)
{
	return text_waiting(&f->place) != 0;
}

int
ui_not_writing(const struct frame *f)
{
	return !ui_writing(f);
}

const char *
ui_writing_hint(const struct frame *f)
{
	return ui_writing(f) ? _("Esc: back to your text") : NULL;
}

/* Search and help open over the screen shown, or in the place of each
 * other, so that closing one comes back to where the first was opened. */
static void
open_transient(struct frame *f, enum screen_id screen)
{
	const struct stop *here = ui_here(f);

	if (here->screen == screen)
		return;
	if (transient(here->screen))
		ui_close(f);
	ui_open(f, screen, ui_here(f)->dossier, ui_here(f)->note);
}

void
ui_go_search(struct frame *f)
{
	open_transient(f, SCREEN_SEARCH);
}

void
ui_go_help(struct frame *f)
{
	open_transient(f, SCREEN_HELP);
}

/*
 * ui_noteops.c - what the dossier screen and the reader do to one note
 * beside printing it: destroy it, or move it to another dossier, each
 * after a question that names the note by its number, date and first
 * words.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "screen.h"
#include "util.h"

/* The note ID as a question names it: its number, date, first words;
 * and the revision the question shows, which is the one acted on. */
static int
describe(struct frame *f, long long id, long *number, long long *revision,
    char *date, size_t size, char **head)
{
	struct error err;
	struct note n;

	if (store_note_get(f->st, id, &n, &err) == -1) {
		ui_say(f, 1, "%s", _("That note no longer exists."));
		return -1;
	}
	if (n.dossier != ui_here(f)->dossier) {
		store_note_free(&n);
		ui_say(f, 1, "%s", _("That note was moved to another dossier "
		    "meanwhile: nothing was done."));
		return -1;
	}
	*number = n.number;
	*revision = n.revision;
	util_datetime(date, size, n.created);
	*head = util_head(n.body);
	store_note_free(&n);
	return 0;
}

int
ui_note_destroy(struct frame *f, long long id)
{
	struct error err;
	char date[UTIL_DATE_MAX], *head, *question;
	long long revision;
	long number;
	int r;

	if (describe(f, id, &number, &revision, date, sizeof(date),
	    &head) == -1)
		return -1;
	question = wipe_asprintf(_("Destroy note %ld, of %s (“%s”)? This "
	    "cannot be undone. (y: destroy it, n or Esc: keep it)"), number,
	    date, head);
	wipe_free(head);
	ui_hold(f, question, strlen(question));
	r = ui_yes_no(f, question);
	ui_unhold(f, question);
	wipe_free(question);
	if (r != 1)
		return -1;
	if (store_note_delete(f->st, id, revision, &err) != 0) {
		ui_say(f, 1, "%s", err.text);
		return -1;
	}
	ui_say(f, 0, _("Note %ld was destroyed."), number);
	return 0;
}

int
ui_note_move(struct frame *f, long long id)
{
	struct dossier to;
	struct error err;
	char date[UTIL_DATE_MAX], *head, *question, answer[UI_LINE_MAX] = "";
	long long revision;
	long number;
	int r, found;

	if (describe(f, id, &number, &revision, date, sizeof(date),
	    &head) == -1)
		return -1;
	question = wipe_asprintf(_("Move note %ld, of %s (“%s”), to which "
	    "dossier? Its name or number:"), number, date, head);
	wipe_free(head);
	/* A name that two people share: asked again, for the number. */
	for (;;) {
		ui_hold(f, question, strlen(question));
		r = ui_ask(f, question, answer, sizeof(answer));
		ui_unhold(f, question);
		wipe_free(question);
		if (r != 1 || answer[0] == '\0') {
			explicit_bzero(answer, sizeof(answer));
			return -1;
		}
		if ((found = store_dossier_find(f->st, answer, &to, &err)) !=
		    STORE_SEVERAL)
			break;
		/* "Several dossiers are named like …: numbers 5, 9; give
		 * the number:" */
		question = wipe_asprintf("%s:", err.text);
		ui_capital(question);
		explicit_bzero(answer, sizeof(answer));
	}
	r = -1;
	if (found != 0)
		ui_say(f, 1, "%s", err.text);
	else {
		if (to.id == ui_here(f)->dossier)
			ui_say(f, 1, "%s", _("The note is already in that "
			    "dossier."));
		else if (store_note_move(f->st, id, revision, to.id, &number,
		    &err) != 0)
			ui_say(f, 1, "%s", err.text);
		else {
			ui_say(f, 0, _("Note moved to “%s”, where it is note "
			    "%ld."), to.person, number);
			r = 0;
		}
		store_dossier_free(&to);
	}
	explicit_bzero(answer, sizeof(answer));
	return r;
}

/*
 * ui_paper.c - paper from the screens: a request sent to the printer,
 * with the PDF saved in a file instead when the printer does not take it,
 * and the information notice.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print.h"
#include "screen.h"
#include "util.h"

/* Whether the print command was stopped by a key (Esc or the lock). */
static int stopped;

static int
stop(void *arg)
{
	struct frame *f = arg;

	return stopped = stopped || f->interrupted(f);
}

static void
show_printing(void)
{
	stopped = 0;
	ui_show_now(_("Printing… (Esc stops it)"));
}

/*
 * Send to the printer, the screens still lockable meanwhile; when it
 * fails, say why and offer to save the PDF in a file instead, with a
 * warning that the file is not encrypted.
 */
void
ui_print(struct frame *f, struct print_request *rq)
{
	struct print_result res;
	struct error err;
	char path[UI_LINE_MAX], *question;
	const char *home = getenv("HOME");
	int r;

	show_printing();
	rq->stop.stop = stop;
	rq->stop.arg = f;
	if (print_dossier(f->st, f->conf, rq, &res, &err) == 0) {
		if (res.notes == 0)
			ui_say(f, 0, "%s", _("Nothing to print: every note is "
			    "already on paper."));
		else
			ui_say(f, 0, ngettext("%d page sent to %s.",
			    "%d pages sent to %s.", res.pages), res.pages,
			    f->conf->printer != NULL ? f->conf->printer :
			    _("the printer"));
		return;
	}
	if (f->lock_pending || stopped) {
		ui_say(f, 1, "%s", err.text);
		return;
	}
	question = wipe_asprintf(_("%s. Save it as a PDF file instead (NOT "
	    "encrypted)? File name:"), err.text);
	snprintf(path, sizeof(path), "%s/carnet.pdf", home != NULL ? home :
	    ".");
	r = ui_ask(f, question, path, sizeof(path));
	wipe_free(question);
	if (r == -1)
		return;		/* locked meanwhile */
	if (r != 1 || path[0] == '\0') {
		ui_say(f, 1, "%s", err.text);
		return;
	}
	rq->output = path;
	if (print_dossier(f->st, f->conf, rq, &res, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else
		ui_say(f, 0, _("Saved in %s: it is NOT encrypted; print it, "
		    "then delete it."), path);
}

void
ui_print_notice(struct frame *f)
{
	struct print_result res;
	struct error err;
	struct print_stop how = { stop, f };

	show_printing();
	if (print_notice(f->conf, NULL, &how, &res, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else
		ui_say(f, 0, "%s", _("The information notice was sent to the "
		    "printer."));
}

/*
 * ui_paper.c - paper from the screens: a request sent to the printer,
 * with the PDF saved in a file instead when the printer does not take it,
 * and the information notice.
 */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
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

/* The name a PDF is offered under: the dossier's (or WHAT's) and the
 * date, with nothing a file name cannot hold. */
static void
offered_name(char *buf, size_t size, const char *what)
{
	char date[32];
	size_t i;

	util_date(date, sizeof(date), util_now());
	snprintf(buf, size, "%s %s.pdf", what, date);
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == '/' || (unsigned char)buf[i] < 0x20)
			buf[i] = '-';
}

/* Ask where to save the PDF: in the PDF folder unless the answer is a
 * path ("~/…" or "/…").  1 with PATH, 0 not, -1 locked. */
static int
ask_file(struct frame *f, const char *why, const char *what, char *path,
    size_t size)
{
	char name[UI_LINE_MAX], *question, *full;
	int r;

	if (f->pdf_folder == NULL) {
		ui_say(f, 1, _("%s. There is no folder to save a PDF in (no "
		    "home folder): set pdf_folder in the configuration."), why);
		return 0;
	}
	offered_name(name, sizeof(name), what);
	question = wipe_asprintf(_("%s. Save it as a PDF (NOT encrypted) in "
	    "%s? File name (Esc: no):"), why, f->pdf_folder);
	ui_hold(f, name, sizeof(name));
	r = ui_ask(f, question, name, sizeof(name));
	ui_unhold(f, name);
	wipe_free(question);
	if (r == 1 && name[0] == '\0')
		r = 0;
	if (r == 1) {
		full = name[0] == '/' || name[0] == '~' ? conf_expand(name) :
		    xasprintf("%s/%s", f->pdf_folder, name);
		snprintf(path, size, "%s", full);
		/* It holds the person's name. */
		explicit_bzero(full, strlen(full));
		free(full);
	}
	explicit_bzero(name, sizeof(name));
	return r;
}

/* Notes changed while they printed, or before their PDF was said printed,
 * are not the notes on paper: left unmarked, and said.  1 when said. */
static int
unmarked_said(struct frame *f, const struct print_result *res)
{
	char said[256];

	if (print_unmarked(res, said, sizeof(said)) == NULL)
		return 0;
	ui_say(f, 1, "%s", said);
	return 1;
}

/* After a PDF is saved: said where, and whether it was printed asked, so
 * that its notes can then be destroyed as any on paper. */
static void
saved(struct frame *f, struct print_result *res, const char *path)
{
	struct error err;
	char *question;
	int r;

	if (res->marks == NULL) {
		ui_say(f, 0, _("Saved in %s: it is NOT encrypted; print it, "
		    "then delete it."), path);
		return;
	}
	question = wipe_asprintf(_("Saved in %s (NOT encrypted: delete it "
	    "once printed). Print it now: was it printed? (y: mark its notes "
	    "as on paper, n: not yet)"), path);
	ui_hold(f, question, strlen(question));
	r = ui_yes_no(f, question);
	ui_unhold(f, question);
	wipe_free(question);
	if (r == 1 && print_mark(f->st, res, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else if (r == 1 && unmarked_said(f, res))
		;
	else if (r == 1)
		ui_say(f, 0, _("Its notes are marked as on paper. Delete %s "
		    "once it is printed."), path);
	else if (r == 0)
		ui_say(f, 0, _("Saved in %s; its notes are not marked as on "
		    "paper."), path);
}

/*
 * Send to the printer, the screens still lockable meanwhile; when it
 * fails, say why and offer to save the PDF in the PDF folder instead,
 * with a warning that the file is not encrypted.
 */
int
ui_print(struct frame *f, struct print_request *rq)
{
	struct print_result res;
	struct dossier d;
	struct error err;
	char path[PATH_MAX], why[sizeof(err.text)], who[STORE_NAME_MAX + 32];
	int r;

	show_printing();
	rq->stop.stop = stop;
	rq->stop.arg = f;
	if (print_dossier(f->st, f->conf, rq, &res, &err) == 0) {
		if (res.notes == 0)
			ui_say(f, 0, "%s", _("Nothing to print: every note is "
			    "already on paper."));
		else if (!unmarked_said(f, &res))
			ui_say(f, 0, ngettext("%d page sent to %s.",
			    "%d pages sent to %s.", res.pages), res.pages,
			    f->conf->printer != NULL ? f->conf->printer :
			    _("the printer"));
		print_result_free(&res);
		return res.pages;
	}
	if (f->lock_pending || stopped ||
	    store_dossier_get(f->st, rq->dossier, &d, &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		return -1;
	}
	snprintf(why, sizeof(why), "%s", err.text);
	/* Only the name is kept while the question waits, and held: a lock
	 * meanwhile wipes it. */
	snprintf(who, sizeof(who), "%s", d.person);
	store_dossier_free(&d);
	ui_hold(f, who, sizeof(who));
	r = ask_file(f, why, who, path, sizeof(path));
	ui_unhold(f, who);
	explicit_bzero(who, sizeof(who));
	if (r == -1)
		return -1;	/* locked meanwhile */
	if (r == 0) {
		if (f->message[0] == '\0')	/* ask_file() may have said */
			ui_say(f, 1, "%s", why);
		return -1;
	}
	rq->output = path;
	/* The path names the person: a lock while a question waits wipes
	 * it. */
	ui_hold(f, path, sizeof(path));
	if (print_dossier(f->st, f->conf, rq, &res, &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		r = -1;
	} else {
		saved(f, &res, path);
		r = res.pages;
	}
	ui_unhold(f, path);
	explicit_bzero(path, sizeof(path));
	rq->output = NULL;
	print_result_free(&res);
	return r;
}

void
ui_print_notice(struct frame *f)
{
	struct print_result res;
	struct error err;
	struct print_stop how = { stop, f };

	char path[PATH_MAX], why[sizeof(err.text)];
	int r;

	show_printing();
	if (print_notice(f->conf, NULL, &how, &res, &err) == 0) {
		ui_say(f, 0, "%s", _("The information notice was sent to the "
		    "printer."));
		return;
	}
	if (f->lock_pending || stopped) {
		ui_say(f, 1, "%s", err.text);
		return;
	}
	snprintf(why, sizeof(why), "%s", err.text);
	if ((r = ask_file(f, why, _("notice"), path, sizeof(path))) != 1) {
		if (r == 0 && f->message[0] == '\0')
			ui_say(f, 1, "%s", why);
		return;
	}
	if (print_notice(f->conf, path, &how, &res, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else
		ui_say(f, 0, _("Saved in %s: print it for the people you "
		    "write about."), path);
}

/*
 * ui_paper.c - paper from the screens: a request sent to the printer,
 * with the PDF saved in a file instead when the printer does not take it,
 * and the information notice.
 */
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "pdfs.h"
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
 * date, with nothing a file name cannot hold; a second one the same day
 * in FOLDER gets a number, rather than "already exists". */
static void
offered_name(char *buf, size_t size, const char *folder, const char *what)
{
	char date[32], *path;
	size_t i;
	int n, taken;

	util_date(date, sizeof(date), util_now());
	for (n = 1; n < 100; n++) {
		if (n == 1)
			snprintf(buf, size, "%s %s.pdf", what, date);
		else
			snprintf(buf, size, "%s %s (%d).pdf", what, date, n);
		for (i = 0; buf[i] != '\0'; i++)
			if (buf[i] == '/' || (unsigned char)buf[i] < 0x20)
				buf[i] = '-';
		path = xasprintf("%s/%s", folder, buf);
		taken = access(path, F_OK) == 0;
		explicit_bzero(path, strlen(path));
		free(path);
		if (!taken)
			break;
	}
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
	offered_name(name, sizeof(name), f->pdf_folder, what);
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

/* The printer refused (ERR): unless a lock or Esc stopped it, say why and
 * ask where to save the PDF instead.  1 with PATH, else 0 (said). */
static int
refused_ask_file(struct frame *f, const struct error *err, const char *what,
    char *path, size_t size)
{
	char why[sizeof(err->text)];
	int r;

	if (f->lock_pending || stopped) {
		ui_say(f, 1, "%s", err->text);
		return 0;
	}
	snprintf(why, sizeof(why), "%s", err->text);
	if ((r = ask_file(f, why, what, path, size)) != 1) {
		if (r == 0 && f->message[0] == '\0')
			ui_say(f, 1, "%s", why);
		return 0;
	}
	return 1;
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

	/* A PDF of it that waits to be said printed: asked first, so that
	 * what it holds is not printed again. */
	if (rq->note == 0 && !rq->for_person)
		ui_pdf_waiting(f, rq->dossier);
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

/* The end-of-day filing, a dossier at a time (print_day()): printed,
 * tallied, the notes changed meanwhile said; the first refusal stops it,
 * kept in ERR. */
struct day {
	struct frame	*f;
	int		 pages;
	int		 failed;
	struct error	 err;
};

static int
one_of_day(void *arg, const struct print_request *rq)
{
	struct day *day = arg;
	struct print_result res;

	if (print_dossier(day->f->st, day->f->conf, rq, &res, &day->err) ==
	    -1) {
		day->failed = 1;
		return -1;
	}
	day->pages += res.pages;
	unmarked_said(day->f, &res);
	print_result_free(&res);
	return 0;
}

/*
 * The end-of-day filing: each dossier written in today goes to the
 * printer; when the printer does not take one, the rest of the day
 * becomes one PDF, each dossier from a new page, under one name, and one
 * "was it printed?" (what went to the printer is already on paper, and
 * is not in it).
 */
void
ui_print_day(struct frame *f)
{
	struct print_request rq;
	struct print_result res;
	struct day day;
	char path[PATH_MAX];
	size_t n, in_pdf;

	memset(&rq, 0, sizeof(rq));
	memset(&day, 0, sizeof(day));
	day.f = f;
	rq.since = util_day_start(util_now());
	rq.stop.stop = stop;
	rq.stop.arg = f;
	show_printing();
	if (print_day(f->st, &rq, one_of_day, &day, &n, &day.err) == -1) {
		ui_say(f, 1, "%s", day.err.text);
		return;
	}
	if (n == 0) {
		ui_say(f, 0, "%s", _("No note was written today."));
		return;
	}
	if (!day.failed) {
		if (day.pages > 0)
			ui_say(f, 0, ngettext("The day's notes: %d page, from "
			    "every dossier written in today.", "The day's "
			    "notes: %d pages, from every dossier written in "
			    "today.", day.pages), day.pages);
		else
			ui_say(f, 0, "%s", _("Nothing to print: every note "
			    "written today is already on paper."));
		return;
	}
	if (!refused_ask_file(f, &day.err, _("Day"), path, sizeof(path)))
		return;
	/* The path may name a person: a lock while a question waits wipes
	 * it. */
	ui_hold(f, path, sizeof(path));
	rq.output = path;
	if (print_day_pdf(f->st, f->conf, &rq, &res, &in_pdf, &day.err) == -1)
		ui_say(f, 1, "%s", day.err.text);
	else if (in_pdf > 0)
		saved(f, &res, path);
	print_result_free(&res);
	ui_unhold(f, path);
	explicit_bzero(path, sizeof(path));
}

void
ui_pdf_waiting(struct frame *f, long long dossier)
{
	struct print_result res;
	struct pdf_made *p;
	struct error err;
	char date[UTIL_DATE_MAX], *question;
	int r;

	if ((r = pdfs_waiting(f->st, dossier, &p, &err)) != 1) {
		if (r == -1)
			ui_say(f, 1, "%s", err.text);
		return;
	}
	util_date(date, sizeof(date), p->made);
	/* Its path names the person: held while the question waits. */
	question = wipe_asprintf(_("The PDF of %s (%s), NOT encrypted, was "
	    "it printed? (y: mark its notes as on paper, n: no, Esc: later)"),
	    date, p->path);
	ui_hold(f, question, strlen(question));
	ui_hold(f, p->path, strlen(p->path));
	r = ui_yes_no(f, question);
	ui_unhold(f, question);
	wipe_free(question);
	if (r == 1 && pdfs_printed(f->st, p, &res, &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		r = 0;
	} else if (r == 1) {
		if (!unmarked_said(f, &res))
			ui_say(f, 0, "%s", _("Its notes are marked as on "
			    "paper."));
		print_result_free(&res);
		question = wipe_asprintf(_("Delete %s now? (y/n)"), p->path);
		ui_hold(f, question, strlen(question));
		r = ui_yes_no(f, question);
		ui_unhold(f, question);
		wipe_free(question);
		if (r == 1 && unlink(p->path) == -1)
			ui_say(f, 1, _("%s could not be deleted: %s"), p->path,
			    strerror(errno));
		else if (r == 1) {
			(void)store_pdf_forget(f->st, p->id, &err);
			ui_say(f, 0, "%s", _("Its notes are marked as on paper, "
			    "and the PDF is deleted."));
		}
	} else if (r == 0) {
		/* Not printed: not asked again; it stays counted until it
		 * is deleted. */
		(void)store_pdf_asked(f->st, p->id, &err);
		ui_say(f, 0, _("Its notes are not marked. The PDF stays in %s "
		    "(NOT encrypted): delete it when it is no longer needed."),
		    p->path);
	}
	ui_unhold(f, p->path);
	store_pdfs_free(p, 1);
	/* Esc (later) and a lock alike: what was asked for goes on, by
	 * the dossier's identity. */
}

void
ui_print_notice(struct frame *f)
{
	struct print_result res;
	struct error err;
	struct print_stop how = { stop, f };
	char path[PATH_MAX];

	show_printing();
	if (print_notice(f->conf, NULL, &how, &res, &err) == 0) {
		ui_say(f, 0, "%s", _("The information notice was sent to the "
		    "printer."));
		return;
	}
	if (!refused_ask_file(f, &err, _("notice"), path, sizeof(path)))
		return;
	if (print_notice(f->conf, path, &how, &res, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else
		ui_say(f, 0, _("Saved in %s: print it for the people you "
		    "write about."), path);
}

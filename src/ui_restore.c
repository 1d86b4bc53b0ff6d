/*
 * ui_restore.c - the first start's other way in: a notebook taken back
 * from its backup, on a new computer or after a lost one (^R on the
 * first page).  The copies found on the USB keys plugged in (where ^B
 * puts them) are listed by number; any other is given by its path.  Its
 * passphrase is asked, what it holds is said, and it is put in place as
 * "carnet restore" does (notebook_stage(), notebook_put_in_place()): the
 * backup itself is only read.
 */
#include <sys/stat.h>

#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drives.h"
#include "notebook.h"
#include "restore.h"
#include "screen.h"
#include "secret.h"
#include "util.h"

/* At most this many copies listed: a key holds a few. */
#define COPIES_MAX	9

struct copy {
	char	*path;
	char	*shown;		/* "1  KEY  carnet-2026-12-01.db" */
	time_t	 when;
};

/* What the page shows while a question waits over it. */
static const char *const *page_lines;
static const char *page_heading;

static void
repaint_page(struct frame *f)
{
	ui_show_text(f, page_heading, page_lines);
}

static int
newest_first(const void *a, const void *b)
{
	const struct copy *x = a, *y = b;

	return x->when < y->when ? 1 : x->when > y->when ? -1 :
	    strcmp(x->path, y->path);
}

/* The notebooks at the top of each drive plugged in, newest first. */
static size_t
copies_found(struct frame *f, struct copy *copies)
{
	struct drive *drives;
	struct dirent *e;
	struct error err;
	struct stat sb;
	size_t nd, n = 0, i;
	char *path;
	DIR *d;

	nd = drives_mounted(f->drive_roots, &drives);
	for (i = 0; i < nd; i++) {
		if ((d = opendir(drives[i].path)) == NULL)
			continue;
		while ((e = readdir(d)) != NULL && n < COPIES_MAX) {
			if (e->d_name[0] == '.')
				continue;
			path = xasprintf("%s/%s", drives[i].path, e->d_name);
			if (stat(path, &sb) == -1 || !S_ISREG(sb.st_mode) ||
			    notebook_probe(path, &err) == -1) {
				free(path);
				continue;
			}
			copies[n].path = path;
			copies[n].when = sb.st_mtime;
			copies[n++].shown = xasprintf("%s  %s", drives[i].name,
			    e->d_name);
		}
		closedir(d);
	}
	drives_free(drives, nd);
	qsort(copies, n, sizeof(*copies), newest_first);
	for (i = 0; i < n; i++) {
		char *numbered = xasprintf("%zu  %s", i + 1, copies[i].shown);

		free(copies[i].shown);
		copies[i].shown = numbered;
	}
	return n;
}

static void
copies_free(struct copy *copies, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(copies[i].path);
		free(copies[i].shown);
	}
}

/* The copy she names: a number of the list, or a path.  NULL to give
 * up.  MESSAGE (why the last one could not be taken) is said above. */
static char *
copy_chosen(struct frame *f, const char *message)
{
	struct copy copies[COPIES_MAX];
	const char *lines[COPIES_MAX + 8];
	char typed[UI_LINE_MAX];
	void (*repaint)(struct frame *) = f->repaint;
	char *chosen = NULL;
	size_t n, k = 0, i;
	long long number;
	int r;

	for (;;) {
		n = copies_found(f, copies);
		k = 0;
		lines[k++] = _("Take a notebook back from its backup.");
		lines[k++] = "";
		if (n == 0) {
			lines[k++] = _("No backup was found on a USB key: plug "
			    "it in, then press Enter,");
			lines[k++] = _("or type the path of the copy.");
		} else
			lines[k++] = _("Backups found on the USB keys, the "
			    "newest first:");
		for (i = 0; i < n; i++)
			lines[k++] = copies[i].shown;
		if (message != NULL && message[0] != '\0') {
			lines[k++] = "";
			lines[k++] = message;
		}
		lines[k] = NULL;
		page_lines = lines;
		page_heading = _("take back a notebook");
		f->repaint = repaint_page;
		typed[0] = '\0';
		r = ui_ask(f, n > 0 ? _("Its number, or the copy's path (Esc: "
		    "back):") : _("The copy's path (Esc: back):"), typed,
		    sizeof(typed));
		f->repaint = repaint;
		if (r == 1 && n > 0 && util_number(typed, 1, (long long)n,
		    &number) == 0)
			chosen = xstrdup(copies[number - 1].path);
		else if (r == 1 && typed[0] != '\0')
			chosen = xstrdup(typed);
		copies_free(copies, n);
		if (chosen != NULL || r == 0)
			return chosen;
		/* Enter alone, or a lock meanwhile: look again. */
		message = NULL;
	}
}

/* What the copy holds, then: put in place?  1 yes, 0 no, -1 gone. */
static int
confirmed(struct frame *f, const char *copy, const struct restore_report *r)
{
	char holds[UTIL_MESSAGE_MAX], what[UTIL_MESSAGE_MAX];
	const char *lines[8];
	void (*repaint)(struct frame *) = f->repaint;
	int answer;

	snprintf(holds, sizeof(holds), _("It holds %s"), restore_holds(r,
	    what, sizeof(what)));
	lines[0] = _("The copy:");
	lines[1] = copy;
	lines[2] = "";
	lines[3] = holds;
	lines[4] = "";
	lines[5] = _("It becomes the notebook of this computer, at:");
	lines[6] = f->path;
	lines[7] = NULL;
	page_lines = lines;
	page_heading = _("take back a notebook");
	f->repaint = repaint_page;
	answer = ui_yes_no(f, _("Take this notebook back? (y/n)"));
	f->repaint = repaint;
	return answer;
}

/* COPY opened with its passphrase, compared, put in place and opened
 * for the screens.  0 done; 1 not now (back to the list, with *WHY or
 * nothing); -1 given up. */
static int
take_back(struct frame *f, const char *copy, char *why, size_t size)
{
	const char *lines[] = { _("The copy:"), copy, NULL };
	struct restore_report r;
	struct notebook *nb = NULL;
	struct store *st = NULL;
	struct secret *pass;
	struct error err;
	struct stat sb;
	char *staged, *kept = NULL, message[UTIL_MESSAGE_MAX] = "";
	int claim, ask, rc = 1;
	long pages;

	why[0] = '\0';
	if (access(copy, F_OK) == -1) {
		snprintf(why, size, _("There is no file at %s."), copy);
		return 1;
	}
	if ((claim = notebook_stage(copy, f->path, &staged, &err)) == -1) {
		snprintf(why, size, "%s", err.text);
		return 1;
	}
	pass = secret_new(NOTEBOOK_PASS_READ_MAX);
	for (;;) {
		ask = ui_ask_passphrase(f, _("take back a notebook"), lines,
		    message, _("Its passphrase:"), N_("Open"), pass);
		if (ask == UI_LOCKED)
			continue;
		if (ask != 1)
			goto done;
		ui_busy_page(f, NULL, copy, NULL);
		if ((nb = notebook_open(staged, pass, NOTEBOOK_SHARED, &err)) !=
		    NULL)
			break;
		if (err.status != EXIT_PASSPHRASE) {
			snprintf(why, size, "%s", err.text);
			goto done;
		}
		snprintf(message, sizeof(message), "%s", _("Wrong passphrase: "
		    "this is the one the notebook had when the copy was made."));
	}
	if ((st = store_attach(nb, &err)) == NULL ||
	    restore_compare(st, NULL, &r, &err) == -1) {
		snprintf(why, size, "%s", err.text);
		goto done;
	}
	ask = confirmed(f, copy, &r);
	restore_report_free(&r);
	if (ask != 1) {
		rc = ask == 0 ? 1 : -1;
		goto done;
	}
	store_close(st);
	st = NULL;
	ui_busy_page(f, NULL, _("Taking the notebook back…"), NULL);
	if (notebook_put_in_place(staged, claim, NULL, f->path, &kept,
	    &err) == -1) {
		claim = -1;
		snprintf(why, size, "%s", err.text);
		goto done;
	}
	claim = -1;
	free(kept);
	if ((nb = notebook_open(f->path, pass, NOTEBOOK_SHARED, &err)) ==
	    NULL || notebook_check(nb, &pages, &err) == -1 ||
	    (f->st = store_attach(nb, &err)) == NULL) {
		if (nb != NULL && f->st == NULL)
			notebook_close(nb);
		snprintf(why, size, "%s", err.text);
		rc = -1;
		goto done;
	}
	/* The copy it came from is a backup she has: the reminder counts
	 * from it. */
	if (stat(copy, &sb) == 0)
		(void)store_backup_done(f->st, sb.st_mtime, copy, &err);
	ui_say(f, 0, _("Notebook taken back from its backup, and read back "
	    "whole."));
	rc = 0;
done:
	if (st != NULL)
		store_close(st);
	if (claim != -1) {
		close(claim);
		unlink(staged);
	}
	free(staged);
	secret_free(pass);
	return rc;
}

int
ui_restore_first(struct frame *f)
{
	char why[UTIL_MESSAGE_MAX] = "", *copy;
	int rc;

	while ((copy = copy_chosen(f, why)) != NULL) {
		rc = take_back(f, copy, why, sizeof(why));
		free(copy);
		if (rc != 1)
			return rc;
	}
	return -1;
}

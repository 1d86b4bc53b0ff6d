/*
 * cli_restore.c - "carnet restore COPY": a backup back in place of the
 * notebook, after saying what it holds and what would be lost.
 *
 * The copy's passphrase is asked first (it is the one the notebook had
 * when the copy was made); it is tried on the notebook in place, whose
 * own is asked only when it differs.  A notebook in place that cannot be
 * opened (its passphrase forgotten, the file damaged) is said, and
 * restored over after the same confirmation; it is kept aside all the
 * same, never deleted.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "notebook.h"
#include "prompt.h"
#include "restore.h"
#include "secret.h"
#include "store.h"
#include "util.h"

/* What the copy holds, and what restoring it would change. */
static void
said(const struct restore_report *r, const char *copy, time_t made,
    const struct error *unopened, int in_place)
{
	char when[UTIL_DATE_MAX], holds[UTIL_MESSAGE_MAX], *shown;
	size_t i;

	util_date(when, sizeof(when), made);
	shown = util_shown(copy, strlen(copy), 0);
	util_say(_("The copy %s (of %s) holds "), shown, when);
	wipe_free(shown);
	util_say("%s.\n", restore_holds(r, holds, sizeof(holds)));
	if (!in_place) {
		util_say(_("There is no notebook here yet: the copy becomes "
		    "it.\n"));
		return;
	}
	if (!r->compared) {
		util_say(_("The notebook in place cannot be opened (%s): it "
		    "cannot be compared with the copy, but it will be kept "
		    "aside.\n"), unopened->text);
		return;
	}
	if (r->newer == 0)
		util_say(_("The notebook in place holds nothing the copy "
		    "lacks.\n"));
	else {
		util_say(ngettext("%zu note written or changed since the copy "
		    "would no longer be in the notebook:\n", "%zu notes written "
		    "or changed since the copy would no longer be in the "
		    "notebook:\n", r->newer), r->newer);
		for (i = 0; i < r->nlost; i++) {
			shown = util_shown(r->lost[i].person,
			    strlen(r->lost[i].person), 0);
			util_say("  %s: %zu\n", shown, r->lost[i].notes);
			wipe_free(shown);
		}
	}
	if (r->back > 0)
		util_say(ngettext("%zu note destroyed since the copy would come "
		    "back.\n", "%zu notes destroyed since the copy would come "
		    "back.\n", r->back), r->back);
}

/* The restored notebook read back whole: "check" on it.  The copy it
 * came from, made at MADE, is a backup she has: the reminder counts from
 * it. */
static int
checked(const char *path, const struct secret *pass, const char *copy,
    time_t made, struct error *err)
{
	struct notebook *nb;
	struct store *st;
	struct error why;
	long pages = 0;
	int rc;

	if ((nb = notebook_open(path, pass, NOTEBOOK_SHARED, err)) == NULL)
		return -1;
	if ((rc = notebook_check(nb, &pages, err)) == -1)
		notebook_close(nb);
	else if ((st = store_attach(nb, &why)) != NULL) {
		(void)store_backup_done(st, made, copy, &why);
		store_close(st);
	}
	if (rc == 0)
		util_say(ngettext("The restored notebook was read back: %ld page "
		    "checked.\n", "The restored notebook was read back: %ld "
		    "pages checked.\n", pages), pages);
	return rc;
}

/* The copy opens with a passphrase the notebook no longer had: said,
 * and a new one offered on a terminal. */
static void
old_passphrase(struct cli *c, const char *path)
{
	struct notebook *nb;
	struct secret *pass, *now;
	struct error err;

	util_say(_("The notebook now opens with the copy's passphrase, the "
	    "one it had when the copy was made.\n"));
	if (c->passfd != -1 || cli_confirmed(0, _("Choose a new passphrase "
	    "now? [y/N] "), "", _("Keep it, or change it later with "
	    "“carnet passwd”.\n")) != 1)
		return;
	if ((now = cli_ask_pass(c, _("The copy's passphrase, once more: "),
	    &err)) == NULL || (nb = notebook_open(path, now,
	    NOTEBOOK_EXCLUSIVE, &err)) == NULL) {
		secret_free(now);
		util_warn("%s", err.text);
		return;
	}
	secret_free(now);
	if ((pass = cli_ask_new_pass(c, &err)) == NULL) {
		notebook_close(nb);
		util_warn("%s", err.text);
		return;
	}
	if (notebook_passwd(nb, pass, &err) == -1)
		util_warn("%s", err.text);
	else
		util_say(_("The passphrase has been changed.\n"));
	secret_free(pass);
}

int
cli_restore(struct cli *c, const char *copy, int yes)
{
	struct restore_report r;
	struct error err, unopened;
	struct notebook *copy_nb = NULL, *here = NULL;
	struct store *copy_st = NULL, *here_st = NULL;
	struct secret *copy_pass = NULL, *here_pass = NULL;
	struct stat sb;
	char *staged = NULL, *kept = NULL, *q;
	int claim, in_place, rc;

	memset(&r, 0, sizeof(r));
	memset(&unopened, 0, sizeof(unopened));
	if (stat(copy, &sb) == -1 || (claim = notebook_stage(copy, c->path,
	    &staged, &err)) == -1) {
		if (stat(copy, &sb) == -1)
			error_set(&err, EXIT_ERROR, _("cannot read %s: %s"),
			    copy, strerror(errno));
		util_warn("%s", err.text);
		return err.status;
	}
	q = xasprintf(_("Passphrase of the copy %s: "), copy);
	/* Shared: the stage's claim is shared too, and keeps it from
	 * being swept as a leftover while it is read. */
	copy_nb = cli_open_with(c, staged, NOTEBOOK_SHARED, q, NULL,
	    &copy_pass, &err);
	free(q);
	if (copy_nb == NULL || (copy_st = store_attach(copy_nb, &err)) ==
	    NULL)
		goto failed;
	in_place = access(c->path, F_OK) == 0;
	if (in_place) {
		q = xasprintf(_("Passphrase of the notebook in place %s: "),
		    c->path);
		here = cli_open_with(c, c->path, NOTEBOOK_EXCLUSIVE, q,
		    copy_pass, &here_pass, &unopened);
		free(q);
		if (here == NULL && unopened.status == EXIT_BUSY) {
			err = unopened;
			goto failed;
		}
		if (here != NULL && (here_st = store_attach(here, &err)) ==
		    NULL) {
			here = NULL;
			goto failed;
		}
	}
	if (restore_compare(copy_st, here_st, &r, &err) == -1)
		goto failed;
	said(&r, copy, sb.st_mtime, &unopened, in_place);
	if (in_place)
		util_say(_("The notebook in place is kept aside, beside it, "
		    "named %s.before-restore- and today's date.\n"), c->path);
	rc = cli_confirmed(yes, _("Put the copy in place of the notebook? "
	    "[y/N] "), _("no terminal to confirm on: nothing was restored "
	    "(add -y to restore without asking)"), _("Nothing was "
	    "restored.\n"));
	if (rc != 1) {
		restore_report_free(&r);
		store_close(copy_st);
		store_close(here_st);
		close(claim);
		unlink(staged);
		free(staged);
		secret_free(copy_pass);
		secret_free(here_pass);
		return rc == 0 ? EXIT_OK : EXIT_USAGE;
	}
	store_close(copy_st);
	copy_st = NULL;
	here = store_detach(here_st);
	here_st = NULL;
	if (notebook_put_in_place(staged, claim, here, c->path, &kept,
	    &err) == -1) {
		claim = -1;
		goto failed;
	}
	claim = -1;
	if (checked(c->path, copy_pass, copy, sb.st_mtime, &err) == -1)
		goto failed;
	if (kept != NULL) {
		char *shown = util_shown(kept, strlen(kept), 0);

		util_say(_("Restored.  The notebook as it was is kept as %s: "
		    "remove it once you are sure (“carnet check” lists it).\n"),
		    shown);
		wipe_free(shown);
	} else
		util_say(_("Restored.\n"));
	if (here_pass != NULL)
		old_passphrase(c, c->path);
	restore_report_free(&r);
	free(kept);
	free(staged);
	secret_free(copy_pass);
	secret_free(here_pass);
	return EXIT_OK;
failed:
	util_warn("%s", err.text);
	restore_report_free(&r);
	if (copy_st != NULL)
		store_close(copy_st);
	else
		notebook_close(copy_nb);
	store_close(here_st);
	if (claim != -1) {
		close(claim);
		unlink(staged);
	}
	free(staged);
	free(kept);
	secret_free(copy_pass);
	secret_free(here_pass);
	return err.status;
}

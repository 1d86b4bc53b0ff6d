/*
 * cli_exchange.c - "carnet import" and "carnet export": the dialog around
 * exchange.c, what came in (or would, with --dry-run), dossier by
 * dossier, and what was refused and why.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "exchange.h"
#include "util.h"

/* Per dossier, what came in or would: "Martin Dupont (new): 5 notes,
 * 12/03/2024 to 14/05/2024; 2 already there". */
static void
import_dossiers(const struct exchange_report *r)
{
	const struct exchange_dossier *d;
	char first[UTIL_DATE_MAX], last[UTIL_DATE_MAX], *name;
	size_t i;

	for (i = 0; i < r->nper; i++) {
		d = &r->per[i];
		name = util_shown(d->name, strlen(d->name), 0);
		util_say("  %s%s: ", name, d->made ? _(" (new dossier)") : "");
		wipe_free(name);
		util_say(ngettext("%zu note", "%zu notes", d->notes), d->notes);
		if (d->notes > 0) {
			util_date(first, sizeof(first), d->first);
			util_date(last, sizeof(last), d->last);
			util_say(_(", %s to %s"), first, last);
		}
		if (d->already > 0)
			util_say(ngettext("; %zu already there",
			    "; %zu already there", d->already), d->already);
		util_say("\n");
	}
}

/* Lines of the report (file names may hold anything): each shown, never
 * obeyed. */
static void
import_lines(char *const *line, size_t n)
{
	char *shown;
	size_t i;

	for (i = 0; i < n; i++) {
		shown = util_shown(line[i], strlen(line[i]), 0);
		util_say("  %s\n", shown);
		wipe_free(shown);
	}
}

/* The rest of import's summary: the new dossiers and the notes already
 * there, each said only when there are some ("0 were already there"
 * read oddly, and in French as a singular). */
static void
counts(size_t dossiers, size_t already, int dry)
{
	if (dossiers > 0)
		util_say(ngettext(" (%zu new dossier)", " (%zu new dossiers)",
		    dossiers), dossiers);
	if (already == 0)
		util_say("%s", ".\n");
	else if (dry)
		util_say(ngettext("; %zu is already there.\n",
		    "; %zu are already there.\n", already), already);
	else
		util_say(ngettext("; %zu was already there.\n",
		    "; %zu were already there.\n", already), already);
}

int
cli_import(struct cli *c, struct store *st, const char *dir, int dry)
{
	struct exchange_report r;
	struct error err;
	int rc;

	(void)c;
	rc = exchange_import(st, dir, dry, isatty(STDERR_FILENO), &r, &err);
	if (rc == -1) {
		exchange_report_free(&r);
		util_warn("%s", err.text);
		util_warn(_("nothing was imported"));
		return err.status;
	}
	if (dry) {
		util_say(ngettext("Would import %zu note",
		    "Would import %zu notes", r.notes), r.notes);
		counts(r.dossiers, r.already, 1);
		import_dossiers(&r);
	} else {
		/* Three counts, each with its own plural. */
		util_say(ngettext("Imported %zu note", "Imported %zu notes",
		    r.notes), r.notes);
		counts(r.dossiers, r.already, 0);
	}
	if (r.converted > 0)
		util_say(ngettext("%zu note was in Windows-1252 and was "
		    "converted.\n", "%zu notes were in Windows-1252 and were "
		    "converted.\n", r.converted), r.converted);
	if (r.nundated > 0) {
		util_say(ngettext("Text before a first date, kept as a note of "
		    "the document's date:\n", "Text before a first date, kept "
		    "as notes of each document's date:\n", r.nundated));
		import_lines(r.undated, r.nundated);
	}
	if (r.nbad > 0) {
		util_say(dry ? ngettext("%zu file would be refused:\n",
		    "%zu files would be refused:\n", r.nbad) :
		    ngettext("%zu file was refused:\n",
		    "%zu files were refused:\n", r.nbad), r.nbad);
		import_lines(r.bad, r.nbad);
	}
	if (dry)
		util_say(_("Nothing was written (--dry-run).\n"));
	rc = r.nbad > 0 ? EXIT_ERROR : EXIT_OK;
	exchange_report_free(&r);
	return rc;
}

int
cli_export(struct cli *c, struct store *st, const char *dir)
{
	struct exchange_report r;
	struct error err;

	(void)c;
	if (exchange_export(st, dir, &r, &err) == -1) {
		util_warn("%s", err.text);
		return err.status;
	}
	/* Each count with its own plural. */
	util_say(ngettext("Exported %zu note", "Exported %zu notes", r.notes),
	    r.notes);
	util_say(ngettext(" of %zu dossier", " of %zu dossiers", r.dossiers),
	    r.dossiers);
	util_say(_(" to %s.\nThese files are NOT encrypted: keep them safe, "
	    "and delete them when they are no longer needed.\n"), dir);
	return EXIT_OK;
}

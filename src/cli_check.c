/*
 * cli_check.c - "carnet check": the notebook read back whole, then, for
 * whoever looks after the computer, what protects it here: the sandbox,
 * the sockets, the print server's copies, the PDF folder, the backups.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "drives.h"
#include "notebook.h"
#include "pdfs.h"
#include "print.h"
#include "sandbox.h"
#include "spell.h"
#include "store.h"
#include "util.h"

/* Whether the print server here keeps a clear copy of what is printed:
 * said for whoever looks after the computer, with what to set. */
static void
spool_said(const struct conf *conf)
{
	long seconds;
	int keeps;

	if (conf->print_command == NULL || strncmp(conf->print_command, "lp",
	    2) != 0 || (getenv("CUPS_SERVER") != NULL &&
	    getenv("CUPS_SERVER")[0] != '/'))
		return;		/* not this computer's CUPS */
	keeps = print_spool_keeps(&seconds);
	/* Each case: the plain sentence, then the technical line. */
	if (keeps == 0) {
		util_out("%s\n", _("What is printed leaves no copy on this "
		    "computer."));
		util_out("%s\n", _("printing: the print server here keeps no "
		    "copy of what is printed (PreserveJobFiles No)"));
	} else if (keeps == 1) {
		util_out("%s\n", _("The print server keeps a readable copy of "
		    "each print on this computer: ask whoever looks after it "
		    "to stop that."));
		if (seconds > 0)
			util_out(ngettext("printing: the print server here keeps "
			    "a clear copy of each printed dossier for %ld hour: "
			    "set PreserveJobFiles No in cupsd.conf\n",
			    "printing: the print server here keeps a clear copy "
			    "of each printed dossier for %ld hours: set "
			    "PreserveJobFiles No in cupsd.conf\n", (seconds +
			    3599) / 3600), (seconds + 3599) / 3600);
		else
			util_out("%s\n", _("printing: the print server here keeps "
			    "a clear copy of each printed dossier as long as its "
			    "job history: set PreserveJobFiles No in cupsd.conf"));
	} else {
		util_out("%s\n", _("Whether the print server keeps a copy of "
		    "each print cannot be read: ask whoever looks after the "
		    "computer."));
		util_out("%s\n", _("printing: whether the print server keeps "
		    "copies cannot be read (cupsd.conf): ask for "
		    "PreserveJobFiles No"));
	}
}

/* Whether the print command has a printer to print on, in plain words,
 * then in lpstat's, for whoever looks after the computer: the screens and
 * print say only what happened and what to do. */
static void
printer_said(const struct conf *conf)
{
	char said[256];
	int says;

	if (conf->print_command == NULL || strncmp(conf->print_command, "lp",
	    2) != 0)
		return;		/* another print command: not lp's business */
	says = print_server_says(conf->printer, said, sizeof(said));
	if (says == -1)
		return;
	if (says == 0)
		util_out("%s\n", _("Printing has a printer to print on."));
	else if (conf->printer != NULL)
		util_out("%s\n", _("The printer the configuration names does "
		    "not take documents on this computer: ask whoever looks "
		    "after it to check it, or to fix printer in the "
		    "configuration."));
	else
		util_out("%s\n", _("No printer is chosen by default on this "
		    "computer: ask whoever looks after it to choose one "
		    "(lpoptions -d PRINTER), or name one with printer in the "
		    "configuration."));
	util_out(_("printer: lpstat says “%s”\n"), said);
}

/* The dictionary for spelling, tried for real: the spelling process is
 * started, asked a word, and ended; or why there is none. */
static void
spelling_said(const struct conf *conf)
{
	const char *name = spell_dictionary(conf->spelling);
	const char *word = "carnet";
	size_t len = strlen(word);
	unsigned char right = 0;
	struct error err;
	struct spell *sp;

	if ((sp = spell_start(name, &err)) == NULL) {
		util_out("%s\n", _("No spelling dictionary is in use."));
		util_out(_("spelling: %s\n"), err.text);
		return;
	}
	/* spell_known() waits for the dictionary to be read. */
	if (spell_known(sp, &word, &len, 1, &right) == -1) {
		util_out("%s\n", _("No spelling dictionary is in use."));
		util_out(_("spelling: the dictionary %s cannot be read\n"),
		    spell_path(sp));
	} else {
		util_out("%s\n", _("A spelling dictionary answers, in a "
		    "process of its own that can open nothing."));
		util_out(_("spelling: %s (%s), sealed\n"), name,
		    spell_path(sp));
	}
	spell_stop(sp);
}

/* The last backup, and where the screens look for a drive to make one. */
static void
backup_said(const struct cli *c, struct store *st)
{
	char **roots = drives_roots(c->conf->drives), *place, date[UTIL_DATE_MAX];
	const char *grant;
	time_t at = store_last_backup(st, &place);
	size_t i;

	if (at != 0) {
		util_datetime(date, sizeof(date), at);
		util_out(_("last backup: %s, to %s\n"), date, place);
	} else
		util_out("%s\n", _("last backup: none yet (carnet backup DEST, "
		    "or ^B in the screens with a USB key plugged in)"));
	free(place);
	for (i = 0; roots[i] != NULL; i++) {
		grant = drives_grant(roots[i]);
		if (grant == roots[i])
			util_out(_("drives: %s (where the screens look for a USB "
			    "key; writable in the sandbox)\n"), roots[i]);
		else if (grant != NULL)
			util_out(_("drives: %s (not there yet: the desktop makes "
			    "it with the first key; writable in the sandbox "
			    "through %s)\n"), roots[i], grant);
	}
	drives_roots_free(roots);
}

/* PATH cut into its folder (".", "/" or the folder) and its name: the
 * copy to free, which *DIR and *NAME point into. */
static char *
folder_and_name(const char *path, const char **dir, const char **name)
{
	char *copy = xstrdup(path), *slash = strrchr(copy, '/');

	*dir = ".";
	*name = copy;
	if (slash != NULL) {
		*slash = '\0';
		*dir = slash == copy ? "/" : copy;
		*name = slash + 1;
	}
	return copy;
}

/* Beside the notebook is writable in the sandbox (its journal, a copy
 * being written): a notebook kept in the home folder itself makes all of
 * it writable, ~/.profile included. */
static void
notebook_folder_said(const char *path)
{
	const char *dir, *name;
	char *copy = folder_and_name(path, &dir, &name);

	if (conf_holds_home(dir))
		util_out(_("notebook's folder: %s holds the home folder, which "
		    "the sandbox then makes writable: keep the notebook in a "
		    "folder of its own (by default ~/.local/share/carnet)\n"),
		    dir);
	free(copy);
}

/* The notebooks a restore put aside (NAME.before-restore-DATE): kept
 * until she decides, and said until then, with how to remove them. */
static void
kept_said(const char *path)
{
	const char *dir, *base;
	char *copy = folder_and_name(path, &dir, &base), *prefix;
	struct dirent *e;
	size_t len, n = 0;
	DIR *d;

	prefix = xasprintf("%s.before-restore-", base);
	len = strlen(prefix);
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			const char *end = e->d_name + strlen(e->d_name);

			if (strncmp(e->d_name, prefix, len) != 0 ||
			    (end - e->d_name > 4 && (strcmp(end - 4, "-wal") ==
			    0 || strcmp(end - 4, "-shm") == 0)))
				continue;
			util_out(_("kept aside by a restore: %s/%s (the notebook "
			    "as it was; it opens with its own passphrase: "
			    "carnet -f FILE; remove it with rm once you are "
			    "sure)\n"), strcmp(dir, "/") == 0 ? "" : dir,
			    e->d_name);
			n++;
		}
		closedir(d);
	}
	if (n == 0)
		util_out("%s\n", _("kept aside by a restore: none"));
	free(prefix);
	free(copy);
}

/* The PDFs carnet made that are still on disk, NOT encrypted: how many,
 * and where, for her to delete them. */
static void
pdfs_said(struct store *st)
{
	struct pdf_made *pdfs;
	struct error err;
	char date[UTIL_DATE_MAX];
	size_t n, i;

	if (pdfs_on_disk(st, &pdfs, &n, &err) == -1) {
		util_out(_("PDFs made by carnet: cannot be read (%s)\n"),
		    err.text);
		return;
	}
	if (n == 0)
		util_out("%s\n", _("PDFs made by carnet still on disk: none"));
	else
		util_out(ngettext("PDFs made by carnet still on disk, NOT "
		    "encrypted: %zu; delete it once printed:\n", "PDFs made by "
		    "carnet still on disk, NOT encrypted: %zu; delete them once "
		    "printed:\n", n), n);
	for (i = 0; i < n; i++) {
		util_date(date, sizeof(date), pdfs[i].made);
		util_out("  %s  %s%s\n", date, pdfs[i].path, pdfs[i].asked ?
		    "" : _(" (was it printed? not answered yet)"));
	}
	store_pdfs_free(pdfs, n);
}

/* What the socket filter closes, and what the sandbox leaves open: a
 * sentence she can repeat to whoever looks after the computer, then the
 * technical lines for them. */
static void
sockets_said(void)
{
	util_out("%s\n", sandbox_sockets() == 1 ? _("Nothing leaves this "
	    "computer through carnet but what it sends to the printer.") :
	    _("carnet sends nothing anywhere but to the printer, though this "
	    "computer cannot hold it to that as tightly."));
	if (sandbox_sockets() == 1)
		util_out("%s\n", _("sockets: no UDP, raw or packet socket "
		    "(seccomp)"));
	else if (sandbox_sockets() == 2)
		util_out("%s\n", _("sockets: no raw or packet socket; UDP allowed "
		    "to look up the print server's name (CUPS_SERVER or "
		    "ServerName)"));
	else
		util_out("%s\n", _("sockets: not filtered on this architecture"));
	util_out("%s\n", _("What the shutting in leaves possible would need a "
	    "flaw in carnet, or someone already at this computer as you."));
	util_out(_("still possible: TCP to port %d of any address (Landlock "
	    "knows no address), Unix sockets with a path, and a program "
	    "beside the notebook run through ld.so or sh\n"),
	    SANDBOX_CUPS_PORT);
}

int
cli_check(const struct cli *c, struct store *st)
{
	struct error err;
	long pages;
	char *folder;
	int made;

	if (notebook_check(store_notebook(st), &pages, &err) == -1) {
		util_warn("%s", err.text);
		return err.status;
	}
	/* A plain sentence for her, then the technical lines for whoever
	 * looks after the computer. */
	util_out("%s\n", _("The notebook is intact: every note reads back, and "
	    "nothing was changed outside carnet."));
	util_out(ngettext("ok: %ld page checked, all of it decrypts\n",
	    "ok: %ld pages checked, all of them decrypt\n", pages), pages);
	util_out("%s\n", _("The notes are encrypted by SQLCipher, a "
	    "well-known library, with a key only the passphrase gives."));
	util_out(_("library: %s\n"), notebook_library());
	{
		const char *stuck;

		/* Removed when it opened, and said then. */
		if (notebook_swept(store_notebook(st), &stuck) > 0 ||
		    stuck != NULL)
			util_out(_("copies left by an interrupted passphrase "
			    "change or backup: removed %zu%s%s\n"),
			    notebook_swept(store_notebook(st), NULL), stuck !=
			    NULL ? _("; NOT removed, to remove by hand:\n") :
			    "", stuck != NULL ? stuck : "");
		else
			util_out("%s\n", _("copies left by an interrupted "
			    "passphrase change or backup: none"));
	}
	util_out("%s\n", c->confined >= 4 ? _("carnet is shut in: it writes only "
	    "beside the notebook and where it is asked to, and talks to "
	    "nothing but the printer.") : c->confined > 0 ? _("carnet is "
	    "shut in: it writes only beside the notebook and where it is "
	    "asked to; this computer cannot keep it off the network.") :
	    c->confined == 0 ? _("This computer cannot shut carnet in: the "
	    "passphrase alone protects the notes.") : c->confined == -1 ?
	    _("carnet could not be shut in this time: the passphrase alone "
	    "protects the notes.") : _("carnet is not shut in: the "
	    "configuration says so (sandbox = no)."));
	/* Whoever looks after the machine can see the protection holds. */
	if (c->confined >= 4)	/* ABI 4 brought the network rules */
		util_out(_("sandbox: Landlock (ABI %d): writing only beside the "
		    "notebook, no network but the printer's\n"), c->confined);
	else if (c->confined > 0)
		util_out(_("sandbox: Landlock (ABI %d): writing only beside the "
		    "notebook; this kernel cannot close the network\n"),
		    c->confined);
	else if (c->confined == 0)
		util_out("%s\n", _("sandbox: none, this kernel has no Landlock"));
	else if (c->confined == -1)
		util_out("%s\n", _("sandbox: could not be set: carnet runs "
		    "unconfined"));
	else
		util_out("%s\n", _("sandbox: off (sandbox = no in the "
		    "configuration)"));
	if (c->confined >= 0)
		sockets_said();
	notebook_folder_said(c->path);
	kept_said(c->path);
	pdfs_said(st);
	spelling_said(c->conf);
	printer_said(c->conf);
	spool_said(c->conf);
	folder = conf_pdf_folder(c->conf, 0, &made);
	if (folder == NULL)
		util_out("%s\n", _("PDF folder: none (no HOME): set pdf_folder "
		    "for the screens to save PDFs without a printer"));
	else if (conf_holds_home(folder))
		util_out(_("PDF folder: %s: it holds the home folder, which the "
		    "sandbox never makes writable; set pdf_folder to a folder "
		    "of its own\n"), folder);
	else if (!util_is_folder(folder))
		util_out(_("PDF folder: %s (made by the screens when they "
		    "start; writable in the sandbox)\n"), folder);
	else
		util_out(_("PDF folder: %s (where the screens save a PDF when "
		    "there is no printer; writable in the sandbox)\n"), folder);
	free(folder);
	backup_said(c, st);
	return EXIT_OK;
}

/*
 * main.c - where carnet starts: the process is hardened, the language
 * chosen, the options and the configuration read, the notebook's place
 * decided; then a command runs (cli.c).
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "conf.h"
#include "secret.h"
#include "ui.h"
#include "util.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* -f, then $CARNET_FILE, then the configuration, then the XDG place. */
static char *
notebook_place(const char *option, const struct conf *conf)
{
	const char *env = getenv("CARNET_FILE"), *data, *home;

	if (option != NULL)
		return xstrdup(option);
	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	if (conf->notebook != NULL)
		return xstrdup(conf->notebook);
	if ((data = getenv("XDG_DATA_HOME")) != NULL && data[0] == '/')
		return xasprintf("%s/carnet/carnet.db", data);
	if ((home = getenv("HOME")) == NULL || home[0] == '\0')
		util_die(EXIT_ERROR, _("neither HOME nor XDG_DATA_HOME is set: "
		    "say where the notebook is with -f FILE"));
	return xasprintf("%s/.local/share/carnet/carnet.db", home);
}

int
main(int argc, char *argv[])
{
	struct conf conf;
	struct cli cli;
	const char *localedir = getenv("CARNET_LOCALEDIR");
	char *confpath, *path, *built = NULL;
	long lock_after;
	int first, rc, utf8_missing = 0;

	secret_harden_process();
	setlocale(LC_ALL, "");
	/* Notes are UTF-8, and so is every message (below).  Under a locale
	 * whose characters cannot hold them (LANG=C, Latin-1), curses would
	 * drop what is typed ("café" kept as "caf"): characters then follow
	 * C.UTF-8, the messages still the locale's language. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL)
		utf8_missing = 1;
	/* Run from its build folder, carnet speaks its language at once:
	 * "make" leaves the catalogue beside it. */
	if ((localedir == NULL || localedir[0] == '\0') && (built =
	    util_beside_program("locale/fr/LC_MESSAGES/carnet.mo")) != NULL) {
		/* The folder that holds it: .../locale. */
		built[strlen(built) - strlen("/fr/LC_MESSAGES/carnet.mo")] =
		    '\0';
		localedir = built;
	}
	bindtextdomain("carnet", localedir != NULL && localedir[0] != '\0' ?
	    localedir : LOCALEDIR);
	free(built);
	bind_textdomain_codeset("carnet", "UTF-8");
	textdomain("carnet");

	if ((rc = cli_options(&cli, argc, argv, &first)) != -1)
		return rc;
	conf_init(&conf);
	if ((confpath = conf_path()) != NULL)
		conf_load(&conf, confpath, stderr);
	free(confpath);
	path = notebook_place(cli.file, &conf);
	cli.path = path;
	cli.conf = &conf;

	lock_after = cli.lock_after != -1 ? cli.lock_after : conf.lock_after;
	if (first < argc)
		rc = cli_run(&cli, argc - first, argv + first);
	else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		util_warn(_("no command, and no terminal to show the notebook "
		    "on"));
		cli_usage(stderr);
		rc = EXIT_USAGE;
	} else if (utf8_missing) {
		util_warn(_("this locale cannot hold every character of a note, "
		    "and C.UTF-8 is missing: set LANG to a UTF-8 locale (for "
		    "example fr_FR.UTF-8)"));
		rc = EXIT_ERROR;
	} else
		rc = ui_run(path, &conf, lock_after);
	free(path);
	conf_free(&conf);
	return rc;
}

/*
 * main.c - where carnet starts: the process is hardened, the language
 * chosen, the options and the configuration read, the notebook's place
 * decided; then a command runs (cli.c).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "conf.h"
#include "notebook.h"
#include "secret.h"
#include "ui.h"
#include "util.h"

#ifndef VERSION
#define VERSION "unknown"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static void
usage(void)
{
	cli_usage(stderr);
	exit(EXIT_USAGE);
}

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
	const char *file = NULL, *localedir = getenv("CARNET_LOCALEDIR");
	char *confpath, *path;
	long long fd, lock_after = -1;
	int i, rc;

	secret_harden_process();
	setlocale(LC_ALL, "");
	bindtextdomain("carnet", localedir != NULL && localedir[0] != '\0' ?
	    localedir : LOCALEDIR);
	bind_textdomain_codeset("carnet", "UTF-8");
	textdomain("carnet");

	cli.passfd = -1;
	cli.confined = -2;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			cli_usage(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "-V") == 0 ||
		    strcmp(argv[i], "--version") == 0) {
			printf("carnet %s\n%s\n", VERSION,
			    notebook_library());
			return EXIT_OK;
		} else if (strcmp(argv[i], "-f") == 0) {
			if (++i == argc || argv[i][0] == '\0')
				usage();
			file = argv[i];
		} else if (strcmp(argv[i], "--lock-after") == 0) {
			if (++i == argc || util_number(argv[i], 0, 1L << 30,
			    &lock_after) == -1) {
				util_warn(_("--lock-after needs a number of "
				    "seconds"));
				usage();
			}
		} else if (strcmp(argv[i], "--passphrase-fd") == 0) {
			if (++i == argc || util_number(argv[i], 0, 1 << 20,
			    &fd) == -1) {
				util_warn(_("--passphrase-fd needs a file "
				    "descriptor number"));
				usage();
			}
			cli.passfd = (int)fd;
		} else {
			util_warn(_("unknown option “%s”"), argv[i]);
			usage();
		}
	}

	conf_init(&conf);
	if ((confpath = conf_path()) != NULL)
		conf_load(&conf, confpath, stderr);
	free(confpath);
	path = notebook_place(file, &conf);
	cli.path = path;
	cli.conf = &conf;

	if (lock_after == -1)
		lock_after = conf.lock_after;
	if (i < argc)
		rc = cli_run(&cli, argc - i, argv + i);
	else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		util_warn(_("no command, and no terminal to show the notebook "
		    "on"));
		cli_usage(stderr);
		rc = EXIT_USAGE;
	} else
		rc = ui_run(path, &conf, (long)lock_after);
	free(path);
	conf_free(&conf);
	return rc;
}

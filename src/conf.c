/*
 * conf.c - the configuration file.  A table maps each key to its type and
 * field, so that every key is parsed the same way; conf_init() sets the
 * defaults, which carnet(5) lists.  A bad line never stops carnet: it is
 * reported with its number and the default stays.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "util.h"

enum kind { TEXT, PATH, SECONDS, DAYS, SWITCH };

static const struct key {
	const char	*name;
	enum kind	 kind;
	size_t		 offset;
} keys[] = {
	{ "notebook",		PATH,	 offsetof(struct conf, notebook) },
	{ "lock_after",		SECONDS, offsetof(struct conf, lock_after) },
	{ "print_command",	TEXT,	 offsetof(struct conf, print_command) },
	{ "printer",		TEXT,	 offsetof(struct conf, printer) },
	{ "print_timeout",	SECONDS, offsetof(struct conf, print_timeout) },
	{ "worker",		TEXT,	 offsetof(struct conf, worker) },
	{ "service",		TEXT,	 offsetof(struct conf, service) },
	{ "retention_days",	DAYS,	 offsetof(struct conf, retention_days) },
	{ "contact",		TEXT,	 offsetof(struct conf, contact) },
	{ "notice",		PATH,	 offsetof(struct conf, notice) },
	{ "pdf_folder",		PATH,	 offsetof(struct conf, pdf_folder) },
	{ "drives",		PATH,	 offsetof(struct conf, drives) },
	{ "backup_days",	DAYS,	 offsetof(struct conf, backup_days) },
	{ "sandbox",		SWITCH,	 offsetof(struct conf, sandbox) },
	{ "discreet",		SWITCH,	 offsetof(struct conf, discreet) },
	{ "spelling",		TEXT,	 offsetof(struct conf, spelling) },
};

void
conf_init(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	c->lock_after = 300;
	c->print_command = xstrdup("lp");
	/* lp hands the job to the print server and ends: a minute is far
	 * more than it takes, and less than someone waits before giving up
	 * on a frozen screen. */
	c->print_timeout = 60;
	c->retention_days = 730;
	c->backup_days = 7;
	c->sandbox = 1;
}

void
conf_free(struct conf *c)
{
	free(c->notebook);
	free(c->print_command);
	free(c->printer);
	free(c->worker);
	free(c->service);
	free(c->contact);
	free(c->notice);
	free(c->pdf_folder);
	free(c->drives);
	free(c->spelling);
	memset(c, 0, sizeof(*c));
}

static char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

char *
conf_expand(const char *value)
{
	const char *home = getenv("HOME");

	if (value[0] == '~' && (value[1] == '/' || value[1] == '\0') &&
	    home != NULL)
		return xasprintf("%s%s", home, value + 1);
	return xstrdup(value);
}

/* The documents folder xdg-user-dirs names ("$HOME/Documents", in
 * French too), or NULL. */
static char *
xdg_documents(void)
{
	const char *config = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *path, line[1024], *value = NULL, *end;
	FILE *fp;

	if (home == NULL)
		return NULL;
	path = config != NULL && config[0] == '/' ?
	    xasprintf("%s/user-dirs.dirs", config) :
	    xasprintf("%s/.config/user-dirs.dirs", home);
	fp = fopen(path, "re");
	free(path);
	if (fp == NULL)
		return NULL;
	while (value == NULL && fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, "XDG_DOCUMENTS_DIR=\"", 19) != 0 ||
		    (end = strrchr(line + 19, '"')) == NULL)
			continue;
		*end = '\0';
		value = strncmp(line + 19, "$HOME", 5) == 0 ?
		    xasprintf("%s%s", home, line + 24) : xstrdup(line + 19);
	}
	fclose(fp);
	return value;
}

int
conf_holds_home(const char *path)
{
	const char *home = getenv("HOME");
	char *real_path, *real_home;
	size_t len;
	int holds = 0;

	if (path == NULL || home == NULL)
		return 0;
	if ((real_path = realpath(path, NULL)) == NULL)
		return 0;
	if ((real_home = realpath(home, NULL)) != NULL) {
		len = strlen(real_path);
		holds = strcmp(real_path, real_home) == 0 ||
		    strcmp(real_path, "/") == 0 ||
		    (strncmp(real_home, real_path, len) == 0 &&
		    real_home[len] == '/');
		free(real_home);
	}
	free(real_path);
	return holds;
}

char *
conf_pdf_folder(const struct conf *c, int create, int *made)
{
	const char *home = getenv("HOME");
	char *path;

	*made = 0;
	if (c->pdf_folder != NULL)
		return xstrdup(c->pdf_folder);
	/* A documents folder "disabled" in user-dirs.dirs is the home
	 * folder itself: never that one. */
	if ((path = xdg_documents()) != NULL && conf_holds_home(path)) {
		free(path);
		path = NULL;
	}
	if (path == NULL && home != NULL)
		path = xasprintf("%s/Documents", home);
	if (path == NULL || util_is_folder(path) || !create)
		return path;
	if (mkdir(path, 0700) == 0) {
		*made = 1;
		return path;
	}
	free(path);
	return NULL;
}

static int
set(struct conf *c, const struct key *k, const char *value, const char *name,
    long line, FILE *errors)
{
	char **text = (char **)(void *)((char *)c + k->offset);
	long *number = (long *)(void *)((char *)c + k->offset);
	long long v;

	switch (k->kind) {
	case TEXT:
	case PATH:
		free(*text);
		*text = value[0] == '\0' ? NULL : k->kind == PATH ?
		    conf_expand(value) : xstrdup(value);
		if (k->offset == offsetof(struct conf, print_command) &&
		    *text == NULL)
			*text = xstrdup("lp");
		return 0;
	case SECONDS:
	case DAYS:
		if (util_number(value, 0, k->kind == DAYS ? 365000 : LONG_MAX /
		    2, &v) == -1) {
			fprintf(errors, _("%s:%ld: “%s” needs a whole number "
			    "(%s), not “%s”; the default is kept\n"), name, line,
			    k->name, k->kind == DAYS ? _("days") : _("seconds"),
			    value);
			return -1;
		}
		*number = (long)v;
		return 0;
	case SWITCH:
		if (strcmp(value, "yes") == 0 || strcmp(value, "oui") == 0)
			*number = 1;
		else if (strcmp(value, "no") == 0 || strcmp(value, "non") == 0)
			*number = 0;
		else {
			fprintf(errors, _("%s:%ld: “%s” is yes or no, not “%s”; "
			    "the default is kept\n"), name, line, k->name,
			    value);
			return -1;
		}
		return 0;
	}
	return -1;
}

int
conf_parse(struct conf *c, FILE *fp, const char *name, FILE *errors)
{
	char buf[4096], *line, *eq, *key, *value;
	long lineno = 0;
	size_t i;
	int bad = 0;

	while (fgets(buf, sizeof(buf), fp) != NULL) {
		lineno++;
		if (strchr(buf, '\n') == NULL && !feof(fp)) {
			int ch;

			while ((ch = fgetc(fp)) != EOF && ch != '\n')
				;
			fprintf(errors, _("%s:%ld: line too long, ignored\n"),
			    name, lineno);
			bad++;
			continue;
		}
		line = trim(buf);
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if ((eq = strchr(line, '=')) == NULL) {
			fprintf(errors, _("%s:%ld: expected “key = value”, "
			    "ignored\n"), name, lineno);
			bad++;
			continue;
		}
		*eq = '\0';
		key = trim(line);
		value = trim(eq + 1);
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strcmp(key, keys[i].name) == 0)
				break;
		if (i == sizeof(keys) / sizeof(keys[0])) {
			fprintf(errors, _("%s:%ld: unknown key “%s”, "
			    "ignored\n"), name, lineno, key);
			bad++;
			continue;
		}
		if (set(c, &keys[i], value, name, lineno, errors) == -1)
			bad++;
	}
	return bad;
}

int
conf_load(struct conf *c, const char *path, FILE *errors)
{
	struct stat st;
	FILE *fp;
	int fd, bad;

	/* O_NONBLOCK and a regular file only: a FIFO or a device put in
	 * its place must not hang carnet at start-up. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)) ==
	    -1) {
		if (errno == ENOENT)
			return 0;
		fprintf(errors, _("%s: cannot read the configuration: %s; "
		    "the defaults are used\n"), path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		fprintf(errors, _("%s: the configuration is not a regular "
		    "file; the defaults are used\n"), path);
		return -1;
	}
	if ((fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		fprintf(errors, _("%s: cannot read the configuration: %s; "
		    "the defaults are used\n"), path, strerror(errno));
		return -1;
	}
	bad = conf_parse(c, fp, path, errors);
	fclose(fp);
	return bad;
}

char *
conf_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/carnet/config", xdg);
	if (home != NULL && home[0] != '\0')
		return xasprintf("%s/.config/carnet/config", home);
	return NULL;
}

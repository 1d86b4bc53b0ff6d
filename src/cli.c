/*
 * cli.c - the commands of carnet(1) that run without the screens.  Each is
 * an entry of the table below (name, arguments, handler, how it opens the
 * notebook); cli_run() finds it, checks its arguments, asks the passphrase,
 * opens the notebook and calls it.  Records go to standard output, one a
 * line; messages to standard error.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "exchange.h"
#include "notebook.h"
#include "print.h"
#include "prompt.h"
#include "sandbox.h"
#include "store.h"
#include "util.h"

/* Passphrases longer than the format allows are still read whole, so
 * that the refusal can say why. */
#define PASS_READ_MAX	1024
#define TRIES		3
#define NOTE_MAX	(64L * 1024 * 1024)
#define PAGE_HITS	50

enum opening { NONE, SHARED, EXCLUSIVE };
/* Where a command writes, besides the notebook: told to the sandbox. */
enum output { NO_OUTPUT, OUTPUT_OPERAND, OUTPUT_OPTION, UNCONFINED };

struct command {
	const char	*name;
	const char	*args;		/* as in the synopsis */
	const char	*help;
	int		 min, max;	/* operands; -1: any number */
	enum opening	 opens;
	enum output	 writes;
	int		(*run)(struct cli *, struct store *, int, char **);
};

static int cmd_init(struct cli *, struct store *, int, char **);
static int cmd_passwd(struct cli *, struct store *, int, char **);
static int cmd_ls(struct cli *, struct store *, int, char **);
static int cmd_new(struct cli *, struct store *, int, char **);
static int cmd_add(struct cli *, struct store *, int, char **);
static int cmd_show(struct cli *, struct store *, int, char **);
static int cmd_search(struct cli *, struct store *, int, char **);
static int cmd_rm(struct cli *, struct store *, int, char **);
static int cmd_backup(struct cli *, struct store *, int, char **);
static int cmd_print(struct cli *, struct store *, int, char **);
static int cmd_purge(struct cli *, struct store *, int, char **);
static int cmd_notice(struct cli *, struct store *, int, char **);
static int cmd_import(struct cli *, struct store *, int, char **);
static int cmd_export(struct cli *, struct store *, int, char **);
static int cmd_check(struct cli *, struct store *, int, char **);

static const struct command commands[] = {
	{ "init", "[--kdf-memory MiB] [--kdf-passes N]",
	    N_("create a new notebook"), 0, 4, NONE, UNCONFINED,
	    cmd_init },
	{ "passwd", "", N_("change the passphrase"), 0, 0, NONE, UNCONFINED,
	    cmd_passwd },
	{ "ls", "[--review]", N_("list the dossiers (--review: those to "
	    "review for retention)"), 0, 1, SHARED, NO_OUTPUT, cmd_ls },
	{ "new", "NAME", N_("create a dossier and print its number"), 1, -1,
	    SHARED, NO_OUTPUT, cmd_new },
	{ "add", "DOSSIER", N_("add a note read from standard input"), 1, 1,
	    SHARED, NO_OUTPUT, cmd_add },
	{ "show", "DOSSIER", N_("print a dossier's notes, oldest first"), 1,
	    1, SHARED, NO_OUTPUT, cmd_show },
	{ "search", "QUERY", N_("search every note, accents ignored"), 1, -1,
	    SHARED, NO_OUTPUT, cmd_search },
	{ "print", "DOSSIER [--all] [--for-person] [-o FILE.pdf]",
	    N_("put the notes not yet on paper (or all) on the printer"), 1, 5,
	    SHARED, OUTPUT_OPTION, cmd_print },
	{ "purge", "[-y] DOSSIER|--all [--older-than DAYS]",
	    N_("destroy the notes already on paper"), 1, 4, SHARED,
	    NO_OUTPUT, cmd_purge },
	{ "notice", "[-o FILE.pdf]", N_("print the information notice for "
	    "the people written about"), 0, 2, NONE, OUTPUT_OPTION,
	    cmd_notice },
	{ "import", "DIR", N_("add the notes of a folder per dossier, a file "
	    "per note"), 1, 1, SHARED, NO_OUTPUT, cmd_import },
	{ "export", "DIR", N_("write every note out, a folder per dossier "
	    "(NOT encrypted)"), 1, 1, SHARED, OUTPUT_OPERAND, cmd_export },
	{ "rm", "[-y] DOSSIER", N_("destroy a dossier and all its notes"), 1,
	    2, SHARED, NO_OUTPUT, cmd_rm },
	{ "backup", "DEST", N_("write an encrypted copy, then check it"), 1,
	    1, SHARED, OUTPUT_OPERAND, cmd_backup },
	{ "check", "", N_("verify the notebook's integrity"), 0, 0, SHARED,
	    NO_OUTPUT, cmd_check },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

void
cli_usage(FILE *fp)
{
	size_t i;

	fprintf(fp, _("usage: %s [-hV] [-f FILE] [--lock-after SECONDS] "
	    "[--passphrase-fd N] [COMMAND [ARG ...]]\n"), util_progname);
	fputs(_("commands:\n"), fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-7s %s\n  %-7s   %s\n", commands[i].name,
		    commands[i].args, "", _(commands[i].help));
}

static int
report(const struct error *err)
{
	util_warn("%s", err->text);
	return err->status;
}

/*
 * Text from the notebook may hold control characters; on a terminal they
 * are shown, not obeyed (cat -v style), so that a note cannot move the
 * cursor or retitle the window.  Piped output stays as stored.
 */
static void
put_text(const char *s, size_t len, int tty)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	if (!tty) {
		fwrite(s, 1, len, stdout);
		return;
	}
	for (i = 0; i < len; i++) {
		if ((p[i] < 0x20 && p[i] != '\n' && p[i] != '\t') ||
		    p[i] == 0x7f)
			printf("^%c", p[i] ^ 0x40);
		else if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)	/* C1 controls */
			printf("^[%c", p[++i] - 0x40);
		else
			putchar(p[i]);
	}
}

static void
put_str(const char *s, int tty)
{
	put_text(s, strlen(s), tty);
}

/* Read a passphrase: the next line of --passphrase-fd, or the terminal. */
static struct secret *
ask_pass(struct cli *c, const char *question, struct error *err)
{
	struct secret *s = secret_new(PASS_READ_MAX);
	int rc;

	if (c->passfd != -1) {
		rc = secret_read_line(s, c->passfd);
		if (rc == 0)
			return s;
		error_set(err, EXIT_USAGE, rc == -2 ? _("the passphrase on "
		    "descriptor %d is too long") : _("no passphrase could be "
		    "read from descriptor %d"), c->passfd);
	} else if (!prompt_available())
		error_set(err, EXIT_USAGE, _("there is no terminal to ask the "
		    "passphrase on: give it with --passphrase-fd"));
	else if (prompt_passphrase(question, s) == 0)
		return s;
	else
		error_set(err, EXIT_USAGE, _("no passphrase was typed"));
	secret_free(s);
	return NULL;
}

/* A new passphrase: twice on a terminal, until it is acceptable. */
static struct secret *
ask_new_pass(struct cli *c, struct error *err)
{
	struct secret *pass, *again;
	const char *why;
	int i;

	for (i = 0; i < TRIES; i++) {
		if ((pass = ask_pass(c, _("New passphrase: "), err)) == NULL)
			return NULL;
		if ((why = notebook_pass_refusal(pass)) != NULL) {
			secret_free(pass);
			if (c->passfd != -1) {
				error_set(err, EXIT_ERROR, "%s", why);
				return NULL;
			}
			util_warn("%s", why);
			continue;
		}
		if (c->passfd != -1)
			return pass;
		if ((again = ask_pass(c, _("Once more, to be sure: "), err)) ==
		    NULL) {
			secret_free(pass);
			return NULL;
		}
		if (wipe_same(pass->bytes, pass->len, again->bytes,
		    again->len)) {
			secret_free(again);
			return pass;
		}
		secret_free(pass);
		secret_free(again);
		util_warn(_("the two passphrases differ"));
	}
	error_set(err, EXIT_ERROR, _("no acceptable passphrase was given"));
	return NULL;
}

/* Open the notebook, asking the passphrase (again on a terminal after a
 * wrong one).  Tells "not a notebook" before asking anything. */
static struct notebook *
open_notebook(struct cli *c, enum notebook_mode mode, const char *question,
    struct error *err)
{
	struct notebook *nb = NULL;
	struct secret *pass;
	char *q;
	int i;

	if (notebook_probe(c->path, err) == -1)
		return NULL;
	q = xasprintf(question, c->path);
	for (i = 0; i < TRIES && nb == NULL; i++) {
		if ((pass = ask_pass(c, q, err)) == NULL)
			break;
		nb = notebook_open(c->path, pass, mode, err);
		secret_free(pass);
		if (nb == NULL && (err->status != EXIT_PASSPHRASE ||
		    c->passfd != -1))
			break;
		if (nb == NULL && i + 1 < TRIES)
			util_warn("%s", err->text);
	}
	free(q);
	return nb;
}

static int
parse_kdf(int argc, char **argv, struct kdf *kdf, struct error *err)
{
	long long mib = -1, passes = -1;
	long long *target;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--kdf-memory") == 0)
			target = &mib;
		else if (strcmp(argv[i], "--kdf-passes") == 0)
			target = &passes;
		else
			return error_set(err, EXIT_USAGE, _("unknown option "
			    "“%s”"), argv[i]);
		if (i + 1 == argc || util_number(argv[++i], 0, 1 << 30,
		    target) == -1)
			return error_set(err, EXIT_USAGE, _("%s needs a number"),
			    argv[i - (i + 1 == argc ? 0 : 1)]);
	}
	if (mib == -1 || passes == -1)
		notebook_kdf_calibrate(kdf);
	if (mib == -1)
		mib = (1LL << kdf->mem_log2) / 1024;
	if (passes == -1)
		passes = kdf->passes;
	return notebook_kdf_from(kdf, mib, passes, err);
}

static int
cmd_init(struct cli *c, struct store *unused, int argc, char **argv)
{
	struct error err;
	struct kdf kdf;
	struct secret *pass;
	struct notebook *nb;
	struct store *st;
	struct stat sb;

	(void)unused;
	if (parse_kdf(argc, argv, &kdf, &err) == -1)
		return report(&err);
	if (stat(c->path, &sb) == 0 && !(S_ISREG(sb.st_mode) &&
	    sb.st_size == 0)) {
		util_warn(_("%s already exists: nothing was changed"), c->path);
		return EXIT_ERROR;
	}
	if (util_make_parent(c->path, &err) == -1)
		return report(&err);
	if (c->passfd == -1 && prompt_available())
		fprintf(stderr, _("Creating the notebook %s.\nChoose a "
		    "passphrase of at least %d characters; a few words are "
		    "easiest to remember.\nWithout it nobody, not even you, "
		    "can read the notes again.\n"), c->path,
		    NOTEBOOK_PASS_MIN_CHARS);
	if ((pass = ask_new_pass(c, &err)) == NULL)
		return report(&err);
	nb = notebook_create(c->path, pass, &kdf, &err);
	secret_free(pass);
	if (nb == NULL || (st = store_attach(nb, &err)) == NULL)
		return report(&err);
	store_close(st);
	fprintf(stderr, _("Notebook created: %s\n"), c->path);
	return EXIT_OK;
}

static int
cmd_passwd(struct cli *c, struct store *unused, int argc, char **argv)
{
	struct error err;
	struct notebook *nb;
	struct secret *pass;

	(void)unused, (void)argc, (void)argv;
	if ((nb = open_notebook(c, NOTEBOOK_EXCLUSIVE,
	    _("Current passphrase for %s: "), &err)) == NULL)
		return report(&err);
	if ((pass = ask_new_pass(c, &err)) == NULL) {
		notebook_close(nb);
		return report(&err);
	}
	if (notebook_passwd(nb, pass, &err) == -1) {
		secret_free(pass);
		return report(&err);
	}
	secret_free(pass);
	fprintf(stderr, _("The passphrase has been changed.\n"));
	return EXIT_OK;
}

static int
cmd_ls(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	struct dossier *list;
	size_t n, i;
	char date[64];
	int tty = isatty(STDOUT_FILENO);
	time_t idle = 0;

	if (argc == 1 && strcmp(argv[0], "--review") != 0) {
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	/* To review: no note for longer than the retention time. */
	if (argc == 1)
		idle = util_now() - (time_t)c->conf->retention_days * 86400;
	if (store_dossiers(st, NULL, 1, idle, &list, &n, &err) == -1)
		return report(&err);
	for (i = 0; i < n; i++) {
		if (list[i].last != 0)
			util_date(date, sizeof(date), list[i].last);
		else
			snprintf(date, sizeof(date), "-");
		printf("%lld\t", list[i].id);
		put_str(list[i].name, tty);
		printf("\t%ld\t%s\n", list[i].notes, date);
	}
	if (n == 0 && isatty(STDERR_FILENO))
		fprintf(stderr, _("No dossier yet: create one with “carnet new "
		    "NAME”.\n"));
	store_dossiers_free(list, n);
	return EXIT_OK;
}

/* Operands joined by spaces: "carnet new Marie Dupont" needs no quotes.
 * A name or search words: give it back with wipe_free(). */
static char *
join(int argc, char **argv)
{
	size_t len = 1;
	char *s;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = wipe_alloc(len);
	s[0] = '\0';
	for (i = 0; i < argc; i++) {
		if (i > 0)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

static int
cmd_new(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	long long id;
	char *name = join(argc, argv), *start = name, *end;

	(void)c;
	while (*start == ' ')
		start++;
	end = start + strlen(start);
	while (end > start && end[-1] == ' ')
		*--end = '\0';
	if (store_dossier_new(st, start, &id, &err) == -1) {
		wipe_free(name);
		return report(&err);
	}
	wipe_free(name);
	printf("%lld\n", id);
	return EXIT_OK;
}

/* All of standard input, up to NOTE_MAX bytes, to give back with
 * wipe_free().  NULL with a message when it cannot be read. */
static char *
read_input(size_t *len, struct error *err)
{
	size_t cap = 4096, n = 0;
	char *buf = wipe_alloc(cap);
	ssize_t got;

	for (;;) {
		if (n == cap) {
			if (cap >= (size_t)NOTE_MAX) {
				wipe_free(buf);
				error_set(err, EXIT_ERROR, _("the note is longer "
				    "than %ld MiB: nothing was saved"),
				    NOTE_MAX / 1024 / 1024);
				return NULL;
			}
			buf = wipe_grow(buf, cap *= 2);
		}
		got = read(STDIN_FILENO, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			wipe_free(buf);
			error_set(err, EXIT_ERROR, _("cannot read the note: %s"),
			    strerror(errno));
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	/* The newline that ends the last line is not part of the note. */
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	*len = n;
	return buf;
}

static int
cmd_add(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	struct dossier d;
	long long id;
	size_t len;
	char *body;
	int rc = EXIT_OK;

	(void)c, (void)argc;
	if (store_dossier_find(st, argv[0], &d, &err) == -1)
		return report(&err);
	if (isatty(STDIN_FILENO))
		fprintf(stderr, _("Write the note for “%s”, then press Ctrl-D "
		    "on a line of its own.\n"), d.name);
	if ((body = read_input(&len, &err)) == NULL) {
		store_dossier_free(&d);
		return report(&err);
	}
	if (store_note_add(st, d.id, body, len, util_now(), &id, &err) == -1)
		rc = report(&err);
	else if (isatty(STDERR_FILENO))
		fprintf(stderr, _("Note added to “%s”.\n"), d.name);
	wipe_free(body);
	store_dossier_free(&d);
	return rc;
}

static int
cmd_show(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	struct dossier d;
	struct note *notes;
	size_t n, i;
	long long from = 0;
	char date[64], other[64];
	int tty = isatty(STDOUT_FILENO);

	(void)c, (void)argc;
	if (store_dossier_find(st, argv[0], &d, &err) == -1)
		return report(&err);
	put_str(d.name, tty);
	printf(ngettext(" — %ld note\n", " — %ld notes\n", d.notes), d.notes);
	do {
		if (store_notes(st, d.id, 0, from, 200, &notes, &n, &err) ==
		    -1) {
			store_dossier_free(&d);
			return report(&err);
		}
		for (i = 0; i < n; i++) {
			util_datetime(date, sizeof(date), notes[i].created);
			printf("\n%s", date);
			if (notes[i].updated != notes[i].created) {
				util_datetime(other, sizeof(other),
				    notes[i].updated);
				printf(_(" (changed %s)"), other);
			}
			if (notes[i].printed != 0) {
				util_date(other, sizeof(other),
				    notes[i].printed);
				printf(_(" (on paper since %s)"), other);
			}
			putchar('\n');
			put_text(notes[i].body, notes[i].len, tty);
			putchar('\n');
		}
		if (n > 0)
			from = notes[n - 1].id;
		store_notes_free(notes, n);
	} while (n == 200);
	store_dossier_free(&d);
	return EXIT_OK;
}

/* A snippet on one line; matches between \1 and \2, shown in bold on a
 * terminal and between brackets elsewhere. */
static void
put_snippet(const char *s, int tty)
{
	const char *p;

	for (p = s; *p != '\0'; p++) {
		if (*p == '\1')
			fputs(tty ? "\033[1m" : "[", stdout);
		else if (*p == '\2')
			fputs(tty ? "\033[0m" : "]", stdout);
		else if (*p == '\n' || *p == '\r' || *p == '\t')
			putchar(' ');
		else
			put_text(p, 1, tty);
	}
}

static int
cmd_search(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	struct hit *hits;
	size_t n, i, total = 0, notes;
	long long before = 0;
	char date[64], *query = join(argc, argv);
	int tty = isatty(STDOUT_FILENO);

	(void)c;
	do {
		if (store_search(st, query, before, PAGE_HITS, "\1", "\2",
		    &hits, &n, &err) == -1) {
			wipe_free(query);
			return report(&err);
		}
		for (i = 0, notes = 0; i < n; i++) {
			put_str(hits[i].name, tty);
			if (hits[i].note == 0) {
				printf("\t-\t%s\n", _("(the dossier's name)"));
				continue;
			}
			notes++;
			before = hits[i].note;
			util_datetime(date, sizeof(date), hits[i].created);
			printf("\t%s\t", date);
			put_snippet(hits[i].snippet, tty);
			putchar('\n');
		}
		total += n;
		store_hits_free(hits, n);
	} while (notes == PAGE_HITS);
	if (total == 0)
		fprintf(stderr, _("Nothing found for “%s”.\n"), query);
	wipe_free(query);
	return EXIT_OK;
}

static int
cmd_rm(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	struct dossier d;
	char answer[64], *question;
	int yes = 0, rc;
	const char *key;

	(void)c;
	if (argc == 2 && strcmp(argv[0], "-y") == 0)
		yes = 1, key = argv[1];
	else if (argc == 1 && strcmp(argv[0], "-y") != 0)
		key = argv[0];
	else {
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (store_dossier_find(st, key, &d, &err) == -1)
		return report(&err);
	if (!yes) {
		if (!prompt_available()) {
			store_dossier_free(&d);
			util_warn(_("no terminal to confirm on: nothing was "
			    "destroyed (add -y to destroy without asking)"));
			return EXIT_USAGE;
		}
		question = xasprintf(ngettext("Destroy the dossier “%s” and its "
		    "%ld note? This cannot be undone. [y/N] ", "Destroy the "
		    "dossier “%s” and its %ld notes? This cannot be undone. "
		    "[y/N] ", d.notes), d.name, d.notes);
		rc = prompt_line(question, answer, sizeof(answer));
		free(question);
		if (rc == -1 || !prompt_is_yes(answer)) {
			store_dossier_free(&d);
			fprintf(stderr, _("Nothing was destroyed.\n"));
			return EXIT_OK;
		}
	}
	rc = store_dossier_delete(st, d.id, &err);
	if (rc == 0)
		fprintf(stderr, _("The dossier “%s” was destroyed.\n"), d.name);
	store_dossier_free(&d);
	return rc == 0 ? EXIT_OK : report(&err);
}

/* Options of print, purge and notice: flags, and values after them. */
static int
take(int argc, char **argv, const char *const *flags, int *set,
    const char *const *with, const char **values, const char **operand)
{
	int i, k, known;

	for (i = 0; i < argc; i++) {
		known = 0;
		for (k = 0; flags != NULL && flags[k] != NULL; k++)
			if (strcmp(argv[i], flags[k]) == 0)
				set[k] = known = 1;
		for (k = 0; with != NULL && with[k] != NULL; k++)
			if (strcmp(argv[i], with[k]) == 0) {
				if (i + 1 == argc)
					return -1;
				values[k] = argv[++i];
				known = 1;
			}
		if (known)
			continue;
		if (argv[i][0] == '-' || operand == NULL || *operand != NULL)
			return -1;
		*operand = argv[i];
	}
	return 0;
}

static void
warn_unencrypted(const char *path)
{
	fprintf(stderr, _("Written to %s. This file is NOT encrypted: print "
	    "it, then delete it.\n"), path);
}

static int
cmd_print(struct cli *c, struct store *st, int argc, char **argv)
{
	static const char *const flags[] = { "--all", "--for-person", NULL };
	static const char *const with[] = { "-o", NULL };
	struct print_request rq;
	struct print_result res;
	struct dossier d;
	struct error err;
	const char *output = NULL, *key = NULL;
	int set[2] = { 0, 0 };

	if (take(argc, argv, flags, set, with, &output, &key) == -1 ||
	    key == NULL) {
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (store_dossier_find(st, key, &d, &err) == -1)
		return report(&err);
	memset(&rq, 0, sizeof(rq));
	rq.dossier = d.id;
	rq.all = set[0];
	rq.for_person = set[1];
	rq.output = output;
	if (print_dossier(st, c->conf, &rq, &res, &err) == -1) {
		store_dossier_free(&d);
		return report(&err);
	}
	if (res.notes == 0)
		fprintf(stderr, _("Nothing to print: every note of “%s” is "
		    "already on paper (--all prints them all).\n"), d.name);
	else if (output != NULL)
		warn_unencrypted(output);
	else
		fprintf(stderr, ngettext("%d page sent to the printer.\n",
		    "%d pages sent to the printer.\n", res.pages), res.pages);
	store_dossier_free(&d);
	return EXIT_OK;
}

static int
cmd_purge(struct cli *c, struct store *st, int argc, char **argv)
{
	static const char *const flags[] = { "-y", "--all", NULL };
	static const char *const with[] = { "--older-than", NULL };
	const char *days = NULL, *key = NULL;
	char answer[64], *question;
	struct dossier d;
	struct error err;
	long long n = 0;
	long count;
	int set[2] = { 0, 0 }, r;

	(void)c;
	if (take(argc, argv, flags, set, with, &days, &key) == -1 ||
	    (key == NULL) == !set[1] || (days != NULL && util_number(days, 0,
	    365000, &n) == -1)) {
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	memset(&d, 0, sizeof(d));
	if (key != NULL && store_dossier_find(st, key, &d, &err) == -1)
		return report(&err);
	if (!set[0]) {
		if (!prompt_available()) {
			store_dossier_free(&d);
			util_warn(_("no terminal to confirm on: nothing was "
			    "destroyed (add -y to destroy without asking)"));
			return EXIT_USAGE;
		}
		question = key != NULL ? xasprintf(_("Destroy the notes of "
		    "“%s” that are already on paper? This cannot be undone. "
		    "[y/N] "), d.name) : xstrdup(_("Destroy the notes of every "
		    "dossier that are already on paper? This cannot be undone. "
		    "[y/N] "));
		r = prompt_line(question, answer, sizeof(answer));
		free(question);
		if (r == -1 || !prompt_is_yes(answer)) {
			store_dossier_free(&d);
			fprintf(stderr, _("Nothing was destroyed.\n"));
			return EXIT_OK;
		}
	}
	r = store_purge(st, d.id, util_now() - (time_t)n * 86400, &count,
	    &err);
	store_dossier_free(&d);
	if (r == -1)
		return report(&err);
	fprintf(stderr, ngettext("%ld note on paper was destroyed.\n",
	    "%ld notes on paper were destroyed.\n", count), count);
	return EXIT_OK;
}

static int
cmd_notice(struct cli *c, struct store *unused, int argc, char **argv)
{
	static const char *const with[] = { "-o", NULL };
	struct print_result res;
	struct error err;
	const char *output = NULL;

	(void)unused;
	if (take(argc, argv, NULL, NULL, with, &output, NULL) == -1) {
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (print_notice(c->conf, output, &res, &err) == -1)
		return report(&err);
	if (output != NULL)
		fprintf(stderr, _("Notice written to %s.\n"), output);
	else
		fprintf(stderr, ngettext("%d page sent to the printer.\n",
		    "%d pages sent to the printer.\n", res.pages), res.pages);
	return EXIT_OK;
}

static int
cmd_import(struct cli *c, struct store *st, int argc, char **argv)
{
	struct exchange_report r;
	struct error err;
	size_t i;
	int rc;

	(void)c, (void)argc;
	rc = exchange_import(st, argv[0], isatty(STDERR_FILENO), &r, &err);
	if (rc == -1) {
		exchange_report_free(&r);
		util_warn("%s", err.text);
		util_warn(_("nothing was imported"));
		return err.status;
	}
	/* Three counts, each with its own plural. */
	fprintf(stderr, ngettext("Imported %zu note", "Imported %zu notes",
	    r.notes), r.notes);
	fprintf(stderr, ngettext(" (%zu new dossier)", " (%zu new dossiers)",
	    r.dossiers), r.dossiers);
	fprintf(stderr, ngettext("; %zu was already there.\n",
	    "; %zu were already there.\n", r.already), r.already);
	if (r.nbad > 0) {
		fprintf(stderr, ngettext("%zu file was skipped:\n",
		    "%zu files were skipped:\n", r.nbad), r.nbad);
		for (i = 0; i < r.nbad; i++)
			fprintf(stderr, "  %s\n", r.bad[i]);
	}
	exchange_report_free(&r);
	return EXIT_OK;
}

static int
cmd_export(struct cli *c, struct store *st, int argc, char **argv)
{
	struct exchange_report r;
	struct error err;

	(void)c, (void)argc;
	if (exchange_export(st, argv[0], &r, &err) == -1)
		return report(&err);
	fprintf(stderr, _("Exported %zu notes of %zu dossiers to %s.\nThese "
	    "files are NOT encrypted: keep them safe, and delete them when "
	    "they are no longer needed.\n"), r.notes, r.dossiers, argv[0]);
	return EXIT_OK;
}

static int
cmd_backup(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	char *written;

	(void)c, (void)argc;
	if (notebook_backup(store_notebook(st), argv[0], &written, &err) == -1)
		return report(&err);
	fprintf(stderr, _("Encrypted copy written and checked: %s\n"),
	    written);
	free(written);
	return EXIT_OK;
}

static int
cmd_check(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	long pages;

	(void)argc, (void)argv;
	if (notebook_check(store_notebook(st), &pages, &err) == -1)
		return report(&err);
	printf(ngettext("ok: %ld page checked, all of it decrypts\n",
	    "ok: %ld pages checked, all of them decrypt\n", pages), pages);
	printf(_("library: %s\n"), notebook_library());
	/* Whoever looks after the machine can see the protection holds. */
	if (c->confined >= 4)	/* ABI 4 brought the network rules */
		printf(_("sandbox: Landlock (ABI %d): writing only beside the "
		    "notebook, no network but the printer's\n"), c->confined);
	else if (c->confined > 0)
		printf(_("sandbox: Landlock (ABI %d): writing only beside the "
		    "notebook; this kernel cannot close the network\n"),
		    c->confined);
	else if (c->confined == 0)
		printf("%s\n", _("sandbox: none, this kernel has no Landlock"));
	else if (c->confined == -1)
		printf("%s\n", _("sandbox: could not be set: carnet runs "
		    "unconfined"));
	else
		printf("%s\n", _("sandbox: off (sandbox = no in the "
		    "configuration)"));
	return EXIT_OK;
}

/* The file or folder the command will write, for the sandbox. */
static const char *
output_of(const struct command *cmd, int argc, char **argv)
{
	int i;

	if (cmd->writes == OUTPUT_OPERAND)
		for (i = 0; i < argc; i++)
			if (argv[i][0] != '-')
				return argv[i];
	if (cmd->writes == OUTPUT_OPTION)
		for (i = 0; i + 1 < argc; i++)
			if (strcmp(argv[i], "-o") == 0)
				return argv[i + 1];
	return NULL;
}

int
cli_run(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = NULL;
	struct error err;
	struct notebook *nb;
	struct store *st = NULL;
	size_t i;
	int rc, operands = argc - 1;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		util_warn(_("unknown command “%s”"), argv[0]);
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (operands < cmd->min || (cmd->max != -1 && operands > cmd->max)) {
		fprintf(stderr, _("usage: %s %s %s\n"), util_progname,
		    cmd->name, cmd->args);
		return EXIT_USAGE;
	}
	if (cmd->opens != NONE) {
		nb = open_notebook(c, cmd->opens == EXCLUSIVE ?
		    NOTEBOOK_EXCLUSIVE : NOTEBOOK_SHARED,
		    _("Passphrase for %s: "), &err);
		if (nb != NULL && store_outdated(nb) && isatty(STDERR_FILENO))
			fprintf(stderr, "%s %s\n", _("Updating the notebook for "
			    "this carnet…"), _("(up to a minute for a large "
			    "one)"));
		if (nb == NULL || (st = store_attach(nb, &err)) == NULL)
			return report(&err);
	}
	if (cmd->writes != UNCONFINED && c->conf->sandbox)
		c->confined = sandbox_confine(c->path, output_of(cmd, operands,
		    argv + 1), c->conf->print_command);
	rc = cmd->run(c, st, operands, argv + 1);
	store_close(st);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		util_warn(_("cannot write the output:"));
		rc = EXIT_ERROR;
	}
	return rc;
}

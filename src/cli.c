/*
 * cli.c - the commands of carnet(1) that run without the screens.  Each is
 * an entry of the table below (name, arguments, handler, how it opens the
 * notebook); cli_run() finds it, checks its arguments, asks the passphrase,
 * opens the notebook and calls it.  Records go to standard output, one a
 * line; messages to standard error.
 *
 * Longer than the other rooms on purpose: each command is a
 * short handler beside its table row, and keeping them with the table
 * lets one file show the whole command line.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "cli.h"
#include "drives.h"
#include "newpass.h"
#include "notebook.h"
#include "print.h"
#include "prompt.h"
#include "sandbox.h"
#include "store.h"
#include "util.h"
#include "when.h"

#ifndef VERSION
#define VERSION "unknown"
#endif

#define TRIES		3
#define PAGE_HITS	50	/* search hits read at a time */
#define PAGE_NOTES	200	/* notes of a dossier read at a time */

/* NONE: the command opens the notebook itself (init, passwd), or not at
 * all (notice). */
enum opening { NONE, SHARED };
/* Where a command writes, besides the notebook: told to the sandbox. */
enum output { NO_OUTPUT, OUTPUT_OPERAND, OUTPUT_OPTION, UNCONFINED };

/* Every option, by a name the compiler checks (arg(a, O_ALL)); what is
 * typed is in option_words[]. */
enum opt {
	O_NONE,		/* the end of a command's options */
	O_KDF_MEMORY, O_KDF_PASSES, O_REVIEW, O_ANOTHER, O_DATE, O_ALL,
	O_FOR_PERSON, O_OUTPUT, O_TODAY, O_YES, O_OLDER_THAN, O_HELP,
	O_VERSION, O_FILE, O_LOCK_AFTER, O_PASSPHRASE_FD, O_DRY_RUN, O_COUNT
};

static const struct {
	const char	*word;		/* "--all", "-o" */
	const char	*alias;		/* "--help" for "-h" */
} option_words[O_COUNT] = {
	[O_KDF_MEMORY] = { "--kdf-memory", NULL },
	[O_KDF_PASSES] = { "--kdf-passes", NULL },
	[O_REVIEW] = { "--review", NULL },
	[O_ANOTHER] = { "--another", NULL },
	[O_DATE] = { "--date", NULL },
	[O_ALL] = { "--all", NULL },
	[O_FOR_PERSON] = { "--for-person", NULL },
	[O_OUTPUT] = { "-o", NULL },
	[O_TODAY] = { "--today", NULL },
	[O_YES] = { "-y", NULL },
	[O_OLDER_THAN] = { "--older-than", NULL },
	[O_HELP] = { "-h", "--help" },
	[O_VERSION] = { "-V", "--version" },
	[O_FILE] = { "-f", NULL },
	[O_LOCK_AFTER] = { "--lock-after", NULL },
	[O_PASSPHRASE_FD] = { "--passphrase-fd", NULL },
	[O_DRY_RUN] = { "--dry-run", NULL },
};

/* An option: a flag, or one followed by a text or a whole number in
 * [min, max].  Options and operands may come in any order. */
enum option_kind { FLAG, TEXT, NUMBER };
struct option {
	enum opt		 id;
	enum option_kind	 kind;
	long long		 min, max;
};
#define OPTIONS_MAX	6

/* A command line read against a command's options. */
struct command;
struct args {
	const struct command	*cmd;
	const struct option	*options;
	const char		*given[OPTIONS_MAX];	/* NULL: not given;
							 * "" for a flag */
	long long		 number[OPTIONS_MAX];
	int			 argc;			/* the operands */
	char			**argv;
};

struct command {
	const char	*name;
	/* As in the synopsis; its words in capitals are translated (the
	 * options are not). */
	const char	*usage;
	const char	*help;
	struct option	 options[OPTIONS_MAX];
	int		 min, max;	/* operands; -1: any number */
	enum opening	 opens;
	enum output	 writes;	/* OUTPUT_OPTION: the value of -o */
	int		(*run)(struct cli *, struct store *,
			    const struct args *);
	/* Operands and options that go together, checked before the
	 * passphrase is asked: 0 when they do. */
	int		(*misused)(const struct args *);
};

static int cmd_init(struct cli *, struct store *, const struct args *);
static int cmd_passwd(struct cli *, struct store *, const struct args *);
static int cmd_ls(struct cli *, struct store *, const struct args *);
static int cmd_new(struct cli *, struct store *, const struct args *);
static int cmd_add(struct cli *, struct store *, const struct args *);
static int cmd_show(struct cli *, struct store *, const struct args *);
static int cmd_search(struct cli *, struct store *, const struct args *);
static int cmd_rm(struct cli *, struct store *, const struct args *);
static int cmd_mv(struct cli *, struct store *, const struct args *);
static int cmd_backup(struct cli *, struct store *, const struct args *);
static int cmd_print(struct cli *, struct store *, const struct args *);
static int cmd_purge(struct cli *, struct store *, const struct args *);
static int cmd_notice(struct cli *, struct store *, const struct args *);
static int cmd_words(struct cli *, struct store *, const struct args *);
static int cmd_import(struct cli *, struct store *, const struct args *);
static int cmd_export(struct cli *, struct store *, const struct args *);
static int cmd_check(struct cli *, struct store *, const struct args *);
static int cmd_restore(struct cli *, struct store *, const struct args *);
static int purge_misused(const struct args *);
static int add_misused(const struct args *);
static int print_misused(const struct args *);
static int words_misused(const struct args *);

#define DAYS_MAX	365000		/* --older-than: a thousand years */

static const struct command commands[] = {
	{ .name = "init", .usage = N_("[--kdf-memory MiB] [--kdf-passes N]"),
	    .help = N_("create a new notebook"),
	    .options = { { O_KDF_MEMORY, NUMBER, 0, 1 << 30 },
		{ O_KDF_PASSES, NUMBER, 0, 1 << 30 } },
	    .min = 0, .max = 0, .opens = NONE, .writes = UNCONFINED,
	    .run = cmd_init },
	{ .name = "passwd", .usage = "",
	    .help = N_("change the passphrase"),
	    .min = 0, .max = 0, .opens = NONE, .writes = UNCONFINED,
	    .run = cmd_passwd },
	{ .name = "ls", .usage = N_("[--review]"),
	    .help = N_("list the dossiers (--review: those to review for "
		"retention)"),
	    .options = { { O_REVIEW, FLAG, 0, 0 } },
	    .min = 0, .max = 0, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_ls },
	{ .name = "new", .usage = N_("[--another] NAME"),
	    .help = N_("create a dossier and print its number (--another: "
		"even if one has that name)"),
	    .options = { { O_ANOTHER, FLAG, 0, 0 } },
	    .min = 1, .max = -1, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_new },
	{ .name = "add", .usage = N_("DOSSIER [--date WHEN]"),
	    .help = N_("add a note read from standard input, dated now or "
		"WHEN (\"yesterday 14h30\")"),
	    .options = { { O_DATE, TEXT, 0, 0 } },
	    .min = 1, .max = 1, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_add, .misused = add_misused },
	{ .name = "show", .usage = N_("DOSSIER"),
	    .help = N_("print a dossier's notes, oldest first"),
	    .min = 1, .max = 1, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_show },
	{ .name = "search", .usage = N_("QUERY"),
	    .help = N_("search every note, accents ignored"),
	    .min = 1, .max = -1, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_search },
	{ .name = "print", .usage = N_("DOSSIER|--today [--all] [--for-person] "
	    "[-o FILE.pdf]"),
	    .help = N_("put the notes not yet on paper (or all) on the "
		"printer; --today: those written today, every dossier"),
	    .options = { { O_ALL, FLAG, 0, 0 },
		{ O_FOR_PERSON, FLAG, 0, 0 },
		{ O_OUTPUT, TEXT, 0, 0 },
		{ O_TODAY, FLAG, 0, 0 } },
	    .min = 0, .max = 1, .opens = SHARED, .writes = OUTPUT_OPTION,
	    .run = cmd_print, .misused = print_misused },
	{ .name = "purge", .usage = N_("[-y] DOSSIER|--all [--older-than DAYS]"),
	    .help = N_("destroy the notes already on paper"),
	    .options = { { O_YES, FLAG, 0, 0 },
		{ O_ALL, FLAG, 0, 0 },
		{ O_OLDER_THAN, NUMBER, 0, DAYS_MAX } },
	    .min = 0, .max = 1, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_purge, .misused = purge_misused },
	{ .name = "notice", .usage = N_("[-o FILE.pdf]"),
	    .help = N_("print the information notice for the people written "
		"about"),
	    .options = { { O_OUTPUT, TEXT, 0, 0 } },
	    .min = 0, .max = 0, .opens = NONE, .writes = OUTPUT_OPTION,
	    .run = cmd_notice },
	{ .name = "import", .usage = N_("[--dry-run] DIR|DOCUMENT"),
	    .help = N_("add the notes of a folder per dossier (text files, "
		"or .docx, .odt, .doc documents), or of documents named after "
		"each person"),
	    .options = { { O_DRY_RUN, FLAG, 0, 0 } },
	    .min = 1, .max = 1, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_import },
	{ .name = "restore", .usage = N_("[-y] COPY"),
	    .help = N_("put a backup in place of the notebook, which is kept "
		"aside"),
	    .options = { { O_YES, FLAG, 0, 0 } },
	    .min = 1, .max = 1, .opens = NONE, .writes = NO_OUTPUT,
	    .run = cmd_restore },
	{ .name = "export", .usage = N_("DIR"),
	    .help = N_("write every note out, a folder per dossier (NOT "
		"encrypted)"),
	    .min = 1, .max = 1, .opens = SHARED, .writes = OUTPUT_OPERAND,
	    .run = cmd_export },
	{ .name = "rm", .usage = N_("[-y] DOSSIER [NOTE]"),
	    .help = N_("destroy a dossier and all its notes, or one note"),
	    .options = { { O_YES, FLAG, 0, 0 } },
	    .min = 1, .max = 2, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_rm },
	{ .name = "words", .usage = N_("[rm WORD ...]"),
	    .help = N_("list my words, the words added to spelling (rm: take "
		"some out)"),
	    .min = 0, .max = -1, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_words, .misused = words_misused },
	{ .name = "mv", .usage = N_("DOSSIER NOTE TO"),
	    .help = N_("move a note to another dossier"),
	    .min = 3, .max = 3, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_mv },
	{ .name = "backup", .usage = N_("DEST"),
	    .help = N_("write an encrypted copy, then check it"),
	    .min = 1, .max = 1, .opens = SHARED, .writes = OUTPUT_OPERAND,
	    .run = cmd_backup },
	{ .name = "check", .usage = "",
	    .help = N_("verify the notebook's integrity"),
	    .min = 0, .max = 0, .opens = SHARED, .writes = NO_OUTPUT,
	    .run = cmd_check },
};

/* carnet's own options, before the command. */
static const struct option main_options[OPTIONS_MAX] = {
	{ O_HELP, FLAG, 0, 0 },
	{ O_VERSION, FLAG, 0, 0 },
	{ O_FILE, TEXT, 0, 0 },
	{ O_LOCK_AFTER, NUMBER, 0, 1L << 30 },
	{ O_PASSPHRASE_FD, NUMBER, 0, 1 << 20 },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* A command's synopsis in the user's language ("" has no translation:
 * gettext would give its catalogue's header). */
static const char *
usage_words(const struct command *cmd)
{
	return cmd->usage[0] != '\0' ? _(cmd->usage) : "";
}

void
cli_usage(FILE *fp)
{
	size_t i;

	fprintf(fp, _("usage: %s [-hV] [-f FILE] [--lock-after SECONDS] "
	    "[--passphrase-fd N] [COMMAND [ARG ...]]\n"), util_progname);
	fputs(_("commands:\n"), fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-7s %s\n  %-7s   %s\n", commands[i].name,
		    usage_words(&commands[i]), "", _(commands[i].help));
}

/* A command's own synopsis line; the usage exit status. */
static int
usage_of(const struct command *cmd)
{
	util_say(_("usage: %s %s %s\n"), util_progname, cmd->name,
	    usage_words(cmd));
	return EXIT_USAGE;
}

static int
report(const struct error *err)
{
	util_warn("%s", err->text);
	return err->status;
}

static int
option_index(const struct option *options, const char *word)
{
	const char *alias;
	int i;

	for (i = 0; i < OPTIONS_MAX && options[i].id != O_NONE; i++) {
		alias = option_words[options[i].id].alias;
		if (strcmp(word, option_words[options[i].id].word) == 0 ||
		    (alias != NULL && strcmp(word, alias) == 0))
			return i;
	}
	return -1;
}

/* Where option ID is among A's options: a command asking for one it does
 * not declare is carnet's bug, never the user's. */
static int
option_at(const struct args *a, enum opt id)
{
	int i;

	for (i = 0; i < OPTIONS_MAX && a->options[i].id != O_NONE; i++)
		if (a->options[i].id == id)
			return i;
	fprintf(stderr, "carnet: bug: option %s is not one of this "
	    "command's\n", option_words[id].word);
	abort();
}

/*
 * The one reader of command lines: ARGV against OPTIONS, into A.  With
 * IN_ORDER, the first operand ends the options (carnet's own, before the
 * command); otherwise options and operands mix, and "--" ends the
 * options.  The operands are A's argc and argv (free A->argv).  -1 with
 * a message for an unknown option or a missing or wrong value.
 */
static int
args_read(const struct option *options, int argc, char **argv,
    int in_order, struct args *a, struct error *err)
{
	int i, k, options_end = 0;

	memset(a, 0, sizeof(*a));
	a->options = options;
	a->argv = xcalloc((size_t)argc + 1, sizeof(*a->argv));
	for (i = 0; i < argc; i++) {
		if (options_end || argv[i][0] != '-' || argv[i][1] == '\0') {
			if (in_order)
				break;
			a->argv[a->argc++] = argv[i];
			continue;
		}
		if (strcmp(argv[i], "--") == 0) {
			options_end = 1;
			if (in_order) {
				i++;
				break;
			}
			continue;
		}
		if ((k = option_index(options, argv[i])) == -1)
			return error_set(err, EXIT_USAGE, _("unknown option "
			    "“%s”"), argv[i]);
		if (options[k].kind == FLAG) {
			a->given[k] = "";
			continue;
		}
		if (i + 1 == argc || argv[i + 1][0] == '\0')
			return error_set(err, EXIT_USAGE, options[k].kind ==
			    NUMBER ? _("%s needs a number") : _("%s needs a "
			    "value"), argv[i]);
		a->given[k] = argv[++i];
		if (options[k].kind == NUMBER && util_number(argv[i],
		    options[k].min, options[k].max, &a->number[k]) == -1)
			return error_set(err, EXIT_USAGE, _("%s needs a whole "
			    "number from %lld to %lld"), argv[i - 1],
			    options[k].min, options[k].max);
	}
	if (in_order)
		while (i < argc)
			a->argv[a->argc++] = argv[i++];
	return 0;
}

/* The value given to option ID ("" for a flag), or NULL. */
static const char *
arg(const struct args *a, enum opt id)
{
	return a->given[option_at(a, id)];
}

/* Option ID's number, or OTHERWISE when it was not given. */
static long long
arg_number(const struct args *a, enum opt id, long long otherwise)
{
	int k = option_at(a, id);

	return a->given[k] == NULL ? otherwise : a->number[k];
}

/*
 * Text from the notebook may hold control characters; on a terminal they
 * are shown, not obeyed (util_shown()), so that a note cannot move the
 * cursor or retitle the window.  Piped output stays as stored.
 */
static void
put_text(const char *s, size_t len, int tty)
{
	char *shown;

	if (!tty) {
		fwrite(s, 1, len, stdout);
		return;
	}
	shown = util_shown(s, len, UTIL_SHOWN_LINES);
	fputs(shown, stdout);
	wipe_free(shown);
}

static void
put_str(const char *s, int tty)
{
	put_text(s, strlen(s), tty);
}

/* Read a passphrase into S: the next line of --passphrase-fd, or the
 * terminal.  0, or -1 with ERR. */
static int
read_pass(struct cli *c, const char *question, struct secret *s,
    struct error *err)
{
	int rc;

	if (c->passfd != -1) {
		if ((rc = secret_read_line(s, c->passfd)) == 0)
			return 0;
		return error_set(err, EXIT_USAGE, rc == -2 ? _("the passphrase "
		    "on descriptor %d is too long") : _("no passphrase could "
		    "be read from descriptor %d"), c->passfd);
	}
	if (!prompt_available())
		return error_set(err, EXIT_USAGE, _("there is no terminal to "
		    "ask the passphrase on: give it with --passphrase-fd"));
	if (prompt_passphrase(question, s) == 0)
		return 0;
	return error_set(err, EXIT_USAGE, _("no passphrase was typed"));
}

struct secret *
cli_ask_pass(struct cli *c, const char *question, struct error *err)
{
	struct secret *s = secret_new(NOTEBOOK_PASS_READ_MAX);

	if (read_pass(c, question, s, err) == 0)
		return s;
	secret_free(s);
	return NULL;
}

/* newpass_ask()'s dialog on the command line: why the last was refused
 * on standard error, then the question. */
static int
new_pass_step(void *arg, enum newpass_step step, const char *why,
    struct secret *s, struct error *err)
{
	if (step == NEWPASS_REFUSED)
		util_warn("%s", why);
	else if (step == NEWPASS_DIFFER)
		util_warn(_("the two passphrases differ"));
	return read_pass(arg, step == NEWPASS_CONFIRM ? _("Once more, to be "
	    "sure: ") : _("New passphrase: "), s, err);
}

struct secret *
cli_ask_new_pass(struct cli *c, struct error *err)
{
	struct newpass_dialog d = { new_pass_step, c, c->passfd == -1,
	    c->passfd == -1 ? TRIES : 1 };

	return newpass_ask(&d, err);
}

/* Copies a passphrase change or a backup killed halfway left, beyond the
 * BEFORE already said: removed, or to remove by hand. */
static void
leftovers_said(const struct notebook *nb, size_t before)
{
	const char *stuck;
	size_t n = notebook_swept(nb, &stuck) - before;

	if (n > 0)
		util_warn(ngettext("removed %zu copy of the notebook that an "
		    "interrupted passphrase change or backup had left", "removed "
		    "%zu copies of the notebook that an interrupted passphrase "
		    "change or backup had left", n), n);
	if (stuck != NULL && before == 0)
		util_warn(_("these copies of the notebook, left by an "
		    "interrupted passphrase change or backup, could not be "
		    "removed: remove them by hand\n%s"), stuck);
}

struct notebook *
cli_open_with(struct cli *c, const char *path, enum notebook_mode mode,
    const char *question, const struct secret *first, struct secret **used,
    struct error *err)
{
	struct notebook *nb = NULL;
	struct secret *pass;
	int i;

	if (used != NULL)
		*used = NULL;
	if (first != NULL && ((nb = notebook_open(path, first, mode, err)) !=
	    NULL || err->status != EXIT_PASSPHRASE))
		return nb;
	for (i = 0; i < TRIES && nb == NULL; i++) {
		if ((pass = cli_ask_pass(c, question, err)) == NULL)
			break;
		nb = notebook_open(path, pass, mode, err);
		if (nb != NULL && used != NULL)
			*used = pass;
		else
			secret_free(pass);
		if (nb == NULL && (err->status != EXIT_PASSPHRASE ||
		    c->passfd != -1))
			break;
		if (nb == NULL && i + 1 < TRIES)
			util_warn("%s", err->text);
	}
	return nb;
}

/* Open the notebook, asking the passphrase (again on a terminal after a
 * wrong one).  Tells "not a notebook" before asking anything. */
static struct notebook *
open_notebook(struct cli *c, enum notebook_mode mode, const char *question,
    struct error *err)
{
	struct notebook *nb;
	char *q;

	if (notebook_probe(c->path, err) == -1)
		return NULL;
	q = xasprintf(question, c->path);
	nb = cli_open_with(c, c->path, mode, q, NULL, NULL, err);
	free(q);
	if (nb != NULL)
		leftovers_said(nb, 0);
	return nb;
}

/* The Argon2id cost asked for, or calibrated for what is not given. */
static int
kdf_of(const struct args *a, struct kdf *kdf, struct error *err)
{
	long long mib = arg_number(a, O_KDF_MEMORY, -1);
	long long passes = arg_number(a, O_KDF_PASSES, -1);

	if (mib == -1 || passes == -1)
		notebook_kdf_calibrate(kdf);
	if (mib == -1)
		mib = (1LL << kdf->mem_log2) / 1024;
	if (passes == -1)
		passes = kdf->passes;
	return notebook_kdf_from(kdf, mib, passes, err);
}

static int
cmd_init(struct cli *c, struct store *unused, const struct args *a)
{
	struct error err;
	struct kdf kdf;
	struct secret *pass;
	struct notebook *nb;
	struct store *st;
	struct stat sb;

	(void)unused;
	if (kdf_of(a, &kdf, &err) == -1)
		return report(&err);
	if (stat(c->path, &sb) == 0 && !(S_ISREG(sb.st_mode) &&
	    sb.st_size == 0)) {
		util_warn(_("%s already exists: nothing was changed"), c->path);
		return EXIT_ERROR;
	}
	if (util_make_parent(c->path, &err) == -1)
		return report(&err);
	if (c->passfd == -1 && prompt_available())
		util_say(_("Creating the notebook %s.\nChoose a "
		    "passphrase of at least %d characters; a few words are "
		    "easiest to remember.\nWithout it nobody, not even you, "
		    "can read the notes again.\n"), c->path,
		    NOTEBOOK_PASS_MIN_CHARS);
	if ((pass = cli_ask_new_pass(c, &err)) == NULL)
		return report(&err);
	nb = notebook_create(c->path, pass, &kdf, &err);
	secret_free(pass);
	if (nb == NULL || (st = store_attach(nb, &err)) == NULL)
		return report(&err);
	store_close(st);
	util_say(_("Notebook created: %s\n"), c->path);
	return EXIT_OK;
}

static int
cmd_passwd(struct cli *c, struct store *unused, const struct args *a)
{
	struct error err;
	struct notebook *nb;
	struct secret *pass;

	(void)unused, (void)a;
	if ((nb = open_notebook(c, NOTEBOOK_EXCLUSIVE,
	    _("Current passphrase for %s: "), &err)) == NULL)
		return report(&err);
	if ((pass = cli_ask_new_pass(c, &err)) == NULL) {
		notebook_close(nb);
		return report(&err);
	}
	if (notebook_passwd(nb, pass, &err) == -1) {
		secret_free(pass);
		return report(&err);
	}
	secret_free(pass);
	util_say(_("The passphrase has been changed.\n"));
	return EXIT_OK;
}

static int
cmd_ls(struct cli *c, struct store *st, const struct args *a)
{
	return cli_ls(c, st, arg(a, O_REVIEW) != NULL);
}

/* "rm" and its words, or nothing: said before the passphrase. */
static int
words_misused(const struct args *a)
{
	if (a->argc == 0 || (strcmp(a->argv[0], "rm") == 0 && a->argc > 1))
		return 0;
	util_warn(_("words: \"rm WORD ...\" takes words out; without it, "
	    "words lists them"));
	return 1;
}

static int
cmd_words(struct cli *c, struct store *st, const struct args *a)
{
	return cli_words(c, st, a->argc, a->argv);
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
cmd_new(struct cli *c, struct store *st, const struct args *a)
{
	struct error err;
	long long id;
	char *name = join(a->argc, a->argv), *start = name, *end;
	int rc;

	(void)c;
	while (*start == ' ')
		start++;
	end = start + strlen(start);
	while (end > start && end[-1] == ' ')
		*--end = '\0';
	if ((rc = store_dossier_new(st, start, arg(a, O_ANOTHER) != NULL,
	    &id, &err)) != 0) {
		wipe_free(name);
		if (rc == STORE_SAME)
			util_warn("%s\n%s", err.text, _("If it is someone "
			    "else of that name: carnet new --another NAME"));
		return rc == STORE_SAME ? EXIT_ERROR : report(&err);
	}
	wipe_free(name);
	printf("%lld\n", id);
	return EXIT_OK;
}

/* All of standard input, up to STORE_NOTE_MAX bytes, to give back with
 * wipe_free().  NULL with a message when it cannot be read. */
static char *
read_input(size_t *len, struct error *err)
{
	size_t cap = 4096, n = 0;
	char *buf = wipe_alloc(cap);
	ssize_t got;

	for (;;) {
		if (n == cap) {
			if (cap >= (size_t)STORE_NOTE_MAX) {
				wipe_free(buf);
				error_set(err, EXIT_ERROR, _("the note is longer "
				    "than %ld MiB: nothing was saved"),
				    STORE_NOTE_MAX / 1024 / 1024);
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

/* --date WHEN, read before the passphrase is asked: 0 when it reads. */
static int
add_misused(const struct args *a)
{
	struct error err;
	time_t when;

	if (arg(a, O_DATE) == NULL || when_parse(arg(a, O_DATE),
	    util_now(), &when, &err) == 0)
		return 0;
	util_warn("%s", err.text);
	return 1;
}

static int
cmd_add(struct cli *c, struct store *st, const struct args *a)
{
	struct error err;
	struct dossier d;
	long long id;
	time_t now = util_now(), when = now;
	size_t len;
	char *body, date[128];
	int rc = EXIT_OK;

	(void)c;
	if (arg(a, O_DATE) != NULL && when_parse(arg(a, O_DATE), now,
	    &when, &err) == -1)
		return report(&err);
	if (store_dossier_find(st, a->argv[0], &d, &err) != 0)
		return report(&err);
	if (isatty(STDIN_FILENO))
		util_say(_("Write the note for “%s”, then press Ctrl-D "
		    "on a line of its own.\n"), d.person);
	if ((body = read_input(&len, &err)) == NULL) {
		store_dossier_free(&d);
		return report(&err);
	}
	if (store_note_add(st, d.id, body, len, when, now, &id, &err) == -1)
		rc = report(&err);
	else if (isatty(STDERR_FILENO)) {
		util_long_date(date, sizeof(date), when);
		util_say(_("Note added to “%s”, dated %s.\n"), d.person, date);
	}
	wipe_free(body);
	store_dossier_free(&d);
	return rc;
}

/* What print-then-destroy left of a dossier: a count and a date. */
static void
destroyed_said(const struct dossier *d)
{
	char date[UTIL_DATE_MAX];

	if (d->destroyed == 0)
		return;
	util_date(date, sizeof(date), d->destroyed_at);
	printf(ngettext("(%ld note put on paper, then destroyed here; the "
	    "last time on %s)\n", "(%ld notes put on paper, then destroyed "
	    "here; the last time on %s)\n", d->destroyed), d->destroyed,
	    date);
}

static int
cmd_show(struct cli *c, struct store *st, const struct args *a)
{
	struct error err;
	struct dossier d;
	struct note *notes;
	size_t n, i;
	long long from = 0;
	char date[UTIL_DATE_MAX], other[UTIL_MESSAGE_MAX];
	int tty = isatty(STDOUT_FILENO);

	(void)c;
	if (store_dossier_find(st, a->argv[0], &d, &err) != 0)
		return report(&err);
	put_str(d.person, tty);
	printf(ngettext(" — %ld note\n", " — %ld notes\n", d.notes), d.notes);
	destroyed_said(&d);
	do {
		if (store_notes(st, d.id, 0, from, PAGE_NOTES, &notes, &n,
		    &err) == -1) {
			store_dossier_free(&d);
			return report(&err);
		}
		for (i = 0; i < n; i++) {
			util_datetime(date, sizeof(date), notes[i].created);
			/* The number rm and mv take. */
			printf("\n%s ", date);
			printf(_("#%ld"), notes[i].number);
			util_note_history(other, sizeof(other),
			    notes[i].created, notes[i].written,
			    notes[i].updated, 0);
			fputs(other, stdout);
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
	} while (n == PAGE_NOTES);
	store_dossier_free(&d);
	return EXIT_OK;
}

/* A snippet on one line; matches between \1 and \2, shown in bold on a
 * terminal and between brackets elsewhere. */
static void
put_snippet(const char *s, int tty)
{
	const char *p = s, *end;

	for (;;) {
		/* A piece of text, whole: a character is never cut from its
		 * second byte, which is how a C1 control got through. */
		end = p + strcspn(p, "\1\2\n\r\t");
		put_text(p, (size_t)(end - p), tty);
		if (*end == '\0')
			break;
		if (*end == '\1')
			fputs(tty ? "\033[1m" : "[", stdout);
		else if (*end == '\2')
			fputs(tty ? "\033[0m" : "]", stdout);
		else
			putchar(' ');
		p = end + 1;
	}
}

static int
cmd_search(struct cli *c, struct store *st, const struct args *a)
{
	struct error err;
	struct hit *hits;
	size_t n, i, total = 0, notes;
	long long before = 0;
	char date[UTIL_DATE_MAX], *query = join(a->argc, a->argv);
	int tty = isatty(STDOUT_FILENO);

	(void)c;
	do {
		if (store_search(st, query, before, PAGE_HITS, "\1", "\2",
		    &hits, &n, &err) == -1) {
			wipe_free(query);
			return report(&err);
		}
		for (i = 0, notes = 0; i < n; i++) {
			put_str(hits[i].person, tty);
			if (hits[i].note == 0) {
				printf("\t-\t%s\n", _("(the dossier's name)"));
				continue;
			}
			notes++;
			before = hits[i].sort;
			util_datetime(date, sizeof(date), hits[i].created);
			printf("\t%s\t", date);
			put_snippet(hits[i].snippet, tty);
			putchar('\n');
		}
		total += n;
		store_hits_free(hits, n);
	} while (notes == PAGE_HITS);
	if (total == 0)
		util_say(_("Nothing found for “%s”.\n"), query);
	wipe_free(query);
	return EXIT_OK;
}

/* Ask QUESTION on the terminal unless -y was given: 1 to go on. */
int
cli_confirmed(int yes, const char *question, const char *no_terminal,
    const char *nothing)
{
	char answer[64];
	int rc;

	if (yes)
		return 1;
	if (!prompt_available()) {
		util_warn("%s", no_terminal);
		return -1;
	}
	rc = prompt_line(question, answer, sizeof(answer));
	if (rc == -1 || !prompt_is_yes(answer)) {
		util_say("%s", nothing);
		return 0;
	}
	return 1;
}

static int
confirmed(const struct args *a, const char *question)
{
	return cli_confirmed(arg(a, O_YES) != NULL, question, _("no terminal "
	    "to confirm on: nothing was destroyed (add -y to destroy without "
	    "asking)"), _("Nothing was destroyed.\n"));
}

/* The note a person names: DOSSIER's note number TEXT (as "show" gives
 * it). */
static int
note_named(struct store *st, const struct dossier *d, const char *text,
    struct note *n, struct error *err)
{
	long long number;

	if (util_number(text, 1, LONG_MAX, &number) == -1)
		return error_set(err, EXIT_USAGE, _("“%s” is not a note number "
		    "(see “carnet show”)"), text);
	return store_note_at(st, d->id, (long)number, n, err);
}

static int
rm_note(struct store *st, const struct args *a, const struct dossier *d)
{
	struct error err;
	struct note n;
	char date[UTIL_DATE_MAX], *head, *question, *shown;
	int rc;

	if (note_named(st, d, a->argv[1], &n, &err) == -1)
		return report(&err);
	util_datetime(date, sizeof(date), n.created);
	head = util_head(n.body);
	shown = util_shown(head, strlen(head), 0);
	question = wipe_asprintf(_("Destroy note %s of “%s”, of %s (“%s”)? "
	    "This cannot be undone. [y/N] "), a->argv[1], d->person, date,
	    shown);
	rc = confirmed(a, question);
	wipe_free(question);
	wipe_free(shown);
	wipe_free(head);
	if (rc == 1 && store_note_delete(st, n.id, n.revision, &err) != 0)
		rc = -2;
	else if (rc == 1)
		util_say(_("Note %s of “%s” was destroyed.\n"), a->argv[1],
		    d->person);
	store_note_free(&n);
	return rc == -2 ? report(&err) : rc == -1 ? EXIT_USAGE : EXIT_OK;
}

static int
cmd_rm(struct cli *c, struct store *st, const struct args *a)
{
	struct error err;
	struct dossier d;
	char *question;
	int rc;

	(void)c;
	if (store_dossier_find(st, a->argv[0], &d, &err) != 0)
		return report(&err);
	if (a->argc == 2) {
		rc = rm_note(st, a, &d);
		store_dossier_free(&d);
		return rc;
	}
	question = wipe_asprintf(ngettext("Destroy the dossier “%s” and its "
	    "%ld note? This cannot be undone. [y/N] ", "Destroy the dossier "
	    "“%s” and its %ld notes? This cannot be undone. [y/N] ", d.notes),
	    d.person, d.notes);
	rc = confirmed(a, question);
	wipe_free(question);
	if (rc == 1 && store_dossier_delete(st, d.id, arg(a, O_YES) != NULL ?
	    -1 : d.notes, &err) != 0)
		rc = -2;
	else if (rc == 1)
		util_say(_("The dossier “%s” was destroyed.\n"), d.person);
	store_dossier_free(&d);
	return rc == -2 ? report(&err) : rc == -1 ? EXIT_USAGE : EXIT_OK;
}

static int
cmd_mv(struct cli *c, struct store *st, const struct args *a)
{
	struct error err;
	struct dossier from, to;
	struct note n = { 0 };
	long number;
	int rc = EXIT_OK;

	(void)c;
	if (store_dossier_find(st, a->argv[0], &from, &err) != 0)
		return report(&err);
	if (store_dossier_find(st, a->argv[2], &to, &err) != 0) {
		store_dossier_free(&from);
		return report(&err);
	}
	if (note_named(st, &from, a->argv[1], &n, &err) == -1 ||
	    store_note_move(st, n.id, n.revision, to.id, &number, &err) != 0)
		rc = report(&err);
	else
		util_say(_("Note %s of “%s” moved to “%s”, where it is note "
		    "%ld.\n"), a->argv[1], from.person, to.person, number);
	store_note_free(&n);
	store_dossier_free(&from);
	store_dossier_free(&to);
	return rc;
}

static void
warn_unencrypted(const char *path)
{
	util_say(_("Written to %s. This file is NOT encrypted: print "
	    "it, then delete it.\n"), path);
}

/* A note changed while it printed, or before its PDF was said printed, is
 * not the note on paper: it was left unmarked, and this says which. */
static void
unmarked_said(const struct print_result *res)
{
	char said[256];

	if (print_unmarked(res, said, sizeof(said)) != NULL)
		util_say("%s\n", said);
}

/* A PDF written to a file is on paper once printed: ask, on a terminal,
 * so that "print, then destroy" works without a printer attached. */
static void
printed_yet(struct store *st, struct print_result *res)
{
	struct error err;
	char answer[64];

	if (res->marks == NULL || !prompt_available()) {
		if (res->marks != NULL)
			util_say("%s", _("Its notes are not marked as on paper "
			    "(no terminal to ask whether it was printed).\n"));
		return;
	}
	if (prompt_line(_("Print the PDF now. Was it printed? Its notes are "
	    "then marked as on paper. [y/N] "), answer, sizeof(answer)) ==
	    -1 || !prompt_is_yes(answer))
		util_say("%s", _("Its notes are not marked as on paper.\n"));
	else if (print_mark(st, res, &err) == -1)
		report(&err);
	else if (res->unmarked < res->notes) {
		util_say("%s", _("Its notes are marked as on paper.\n"));
		unmarked_said(res);
	} else
		unmarked_said(res);
}

/* One dossier, or --today (a dossier each on the printer, or one PDF
 * with -o): never both, never neither. */
static int
print_misused(const struct args *a)
{
	int today = arg(a, O_TODAY) != NULL;

	return (a->argc == 0) != today || (today && arg(a, O_FOR_PERSON) !=
	    NULL);
}

/* The end-of-day filing on the command line: what print_day() hands
 * over is printed, and tallied. */
struct day {
	struct cli	*c;
	struct store	*st;
	struct error	 err;
	int		 failed;
	int		 pages;
	size_t		 done;
};

static int
print_one_of_day(void *arg, const struct print_request *rq)
{
	struct day *day = arg;
	struct print_result res;

	if (print_dossier(day->st, day->c->conf, rq, &res, &day->err) == -1) {
		day->failed = 1;
		return -1;
	}
	day->pages += res.pages;
	day->done += res.notes > 0;
	unmarked_said(&res);
	print_result_free(&res);
	return 0;
}

/* The day as one PDF, each dossier from a new page. */
static int
print_today_pdf(struct store *st, struct cli *c,
    const struct print_request *rq)
{
	struct print_result res;
	struct error err;
	size_t n;

	if (print_day_pdf(st, c->conf, rq, &res, &n, &err) == -1)
		return report(&err);
	if (n == 0)
		util_say("%s", _("Nothing to print: no note written today, or "
		    "all of them already on paper (--all prints them all).\n"));
	else {
		util_say(ngettext("The day's notes, %zu dossier, each from a "
		    "new page.\n", "The day's notes, %zu dossiers, each from a "
		    "new page.\n", n), n);
		warn_unencrypted(rq->output);
		printed_yet(st, &res);
	}
	print_result_free(&res);
	return EXIT_OK;
}

static int
print_today(struct cli *c, struct store *st, const struct args *a)
{
	struct print_request rq;
	struct day day;
	size_t n;
	char dossiers[64];

	memset(&rq, 0, sizeof(rq));
	memset(&day, 0, sizeof(day));
	day.c = c;
	day.st = st;
	rq.all = arg(a, O_ALL) != NULL;
	rq.since = util_day_start(util_now());
	if ((rq.output = arg(a, O_OUTPUT)) != NULL)
		return print_today_pdf(st, c, &rq);
	if (print_day(st, &rq, print_one_of_day, &day, &n, &day.err) == -1 ||
	    day.failed)
		return report(&day.err);
	if (day.done == 0)
		util_say("%s", _("Nothing to print: no note written today, or "
		    "all of them already on paper (--all prints them all).\n"));
	else {
		snprintf(dossiers, sizeof(dossiers), ngettext("%zu dossier",
		    "%zu dossiers", day.done), day.done);
		util_say(ngettext("%d page sent to the printer, for %s.\n",
		    "%d pages sent to the printer, for %s.\n", day.pages),
		    day.pages, dossiers);
	}
	return EXIT_OK;
}

static int
cmd_print(struct cli *c, struct store *st, const struct args *a)
{
	struct print_request rq;
	struct print_result res;
	struct dossier d;
	struct error err;
	const char *output = arg(a, O_OUTPUT);

	if (arg(a, O_TODAY) != NULL)
		return print_today(c, st, a);
	if (store_dossier_find(st, a->argv[0], &d, &err) != 0)
		return report(&err);
	memset(&rq, 0, sizeof(rq));
	rq.dossier = d.id;
	rq.all = arg(a, O_ALL) != NULL;
	rq.for_person = arg(a, O_FOR_PERSON) != NULL;
	rq.output = output;
	if (print_dossier(st, c->conf, &rq, &res, &err) == -1) {
		store_dossier_free(&d);
		return report(&err);
	}
	if (res.notes == 0)
		util_say(_("Nothing to print: every note of “%s” is "
		    "already on paper (--all prints them all).\n"), d.person);
	else if (output != NULL) {
		warn_unencrypted(output);
		printed_yet(st, &res);
	} else {
		util_say(ngettext("%d page sent to the printer.\n",
		    "%d pages sent to the printer.\n", res.pages), res.pages);
		unmarked_said(&res);
	}
	print_result_free(&res);
	store_dossier_free(&d);
	return EXIT_OK;
}

/* One dossier, or --all: never both, never neither. */
static int
purge_misused(const struct args *a)
{
	return (a->argc == 0) == (arg(a, O_ALL) == NULL);
}

static int
cmd_purge(struct cli *c, struct store *st, const struct args *a)
{
	const char *key = a->argc > 0 ? a->argv[0] : NULL;
	char *question;
	struct dossier d;
	struct error err;
	long long days = arg_number(a, O_OLDER_THAN, 0);
	/* What was on paper when the question was asked: a note put on
	 * paper while it waits was not part of it. */
	time_t asked = util_now();
	long count;
	int r;

	(void)c;
	memset(&d, 0, sizeof(d));
	if (key != NULL && store_dossier_find(st, key, &d, &err) != 0)
		return report(&err);
	question = key != NULL ? wipe_asprintf(_("Destroy the notes of “%s” "
	    "that are already on paper? This cannot be undone. [y/N] "),
	    d.person) : wipe_asprintf("%s", _("Destroy the notes of every "
	    "dossier that are already on paper? This cannot be undone. "
	    "[y/N] "));
	r = confirmed(a, question);
	wipe_free(question);
	if (r != 1) {
		store_dossier_free(&d);
		return r == -1 ? EXIT_USAGE : EXIT_OK;
	}
	r = store_purge(st, d.id, asked - (time_t)days * UTIL_DAY, &count,
	    &err);
	store_dossier_free(&d);
	if (r == -1)
		return report(&err);
	util_say(ngettext("%ld note on paper was destroyed.\n",
	    "%ld notes on paper were destroyed.\n", count), count);
	return EXIT_OK;
}

static int
cmd_notice(struct cli *c, struct store *unused, const struct args *a)
{
	struct print_result res;
	struct error err;
	const char *output = arg(a, O_OUTPUT);

	(void)unused;
	if (print_notice(c->conf, output, NULL, &res, &err) == -1)
		return report(&err);
	if (output != NULL)
		util_say(_("Notice written to %s.\n"), output);
	else
		util_say(ngettext("%d page sent to the printer.\n",
		    "%d pages sent to the printer.\n", res.pages), res.pages);
	return EXIT_OK;
}

static int
cmd_import(struct cli *c, struct store *st, const struct args *a)
{
	return cli_import(c, st, a->argv[0], arg(a, O_DRY_RUN) != NULL);
}

static int
cmd_export(struct cli *c, struct store *st, const struct args *a)
{
	return cli_export(c, st, a->argv[0]);
}

static int
cmd_backup(struct cli *c, struct store *st, const struct args *a)
{
	struct backup_made made;
	struct error err;
	size_t swept = notebook_swept(store_notebook(st), NULL);
	int rc;

	(void)c;
	rc = backup_make(st, a->argv[0], &made, &err);
	leftovers_said(store_notebook(st), swept);
	if (rc == -1)
		return report(&err);
	util_say(_("Encrypted copy written and checked: %s\n"),
	    made.written);
	if (!made.recorded)
		util_warn("%s", made.unrecorded.text);
	if (made.same_disk)
		util_say("%s", _("It is on the same disk as the notebook: it "
		    "will not survive that disk. Make one on a USB key too.\n"));
	free(made.written);
	return EXIT_OK;
}

static int
cmd_check(struct cli *c, struct store *st, const struct args *a)
{
	(void)a;
	return cli_check(c, st);
}

static int
cmd_restore(struct cli *c, struct store *unused, const struct args *a)
{
	(void)unused;
	return cli_restore(c, a->argv[0], arg(a, O_YES) != NULL);
}

int
cli_options(struct cli *c, int argc, char **argv, int *first)
{
	struct args a;
	struct error err;
	int rc = -1;

	c->file = NULL;
	c->passfd = -1;
	c->lock_after = -1;
	c->confined = -2;
	if (args_read(main_options, argc - 1, argv + 1, 1, &a, &err) == -1) {
		util_warn("%s", err.text);
		cli_usage(stderr);
		rc = EXIT_USAGE;
	} else if (arg(&a, O_HELP) != NULL) {
		cli_usage(stdout);
		rc = EXIT_OK;
	} else if (arg(&a, O_VERSION) != NULL) {
		printf("carnet %s\n%s\n", VERSION, notebook_library());
		rc = EXIT_OK;
	} else {
		c->file = arg(&a, O_FILE);
		c->passfd = (int)arg_number(&a, O_PASSPHRASE_FD, -1);
		c->lock_after = (long)arg_number(&a, O_LOCK_AFTER, -1);
		*first = argc - a.argc;
	}
	free(a.argv);
	return rc;
}

int
cli_run(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = NULL;
	struct args a;
	struct error err;
	struct notebook *nb;
	struct store *st = NULL;
	const char *output = NULL;
	size_t i;
	int rc;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		util_warn(_("unknown command “%s”"), argv[0]);
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (args_read(cmd->options, argc - 1, argv + 1, 0, &a, &err) == -1) {
		free(a.argv);
		util_warn("%s", err.text);
		return usage_of(cmd);
	}
	a.cmd = cmd;
	if (a.argc < cmd->min || (cmd->max != -1 && a.argc > cmd->max) ||
	    (cmd->misused != NULL && cmd->misused(&a))) {
		free(a.argv);
		return usage_of(cmd);
	}
	if (cmd->opens != NONE) {
		nb = open_notebook(c, NOTEBOOK_SHARED, _("Passphrase for %s: "),
		    &err);
		if (nb != NULL && store_outdated(nb) && isatty(STDERR_FILENO))
			util_say("%s %s\n", _("Updating the notebook for "
			    "this carnet…"), _("(up to a minute for a large "
			    "one)"));
		if (nb == NULL || (st = store_attach(nb, &err)) == NULL) {
			free(a.argv);
			return report(&err);
		}
	}
	/* What the sandbox leaves writable besides the notebook. */
	if (cmd->writes == OUTPUT_OPERAND)
		output = a.argv[0];
	else if (cmd->writes == OUTPUT_OPTION)
		output = arg(&a, O_OUTPUT);
	if (cmd->writes != UNCONFINED && c->conf->sandbox) {
		const char *targets[] = { output, NULL };

		c->confined = sandbox_confine(c->path, targets,
		    c->conf->print_command);
		/* Never unconfined without a word (too few descriptors,
		 * for one, keep Landlock from being set up). */
		if (c->confined == -1)
			util_warn("%s", _("the sandbox could not be set up: "
			    "this command runs unconfined"));
	}
	rc = cmd->run(c, st, &a);
	store_close(st);
	free(a.argv);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		util_warn(_("cannot write the output:"));
		rc = EXIT_ERROR;
	}
	return rc;
}

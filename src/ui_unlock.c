/*
 * ui_unlock.c - the screen before the notebook is open: the first start
 * (create a notebook, passphrase twice), unlocking, and the locked screen,
 * which shows nothing but "carnet locked" and the passphrase prompt.
 * The passphrase goes straight from the keyboard into a locked, wiped
 * secret; nothing is echoed.
 */
#include <sys/stat.h>

#include <curses.h>
#include <limits.h>
#include <errno.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "newpass.h"
#include "notebook.h"
#include "screen.h"
#include "util.h"

/* Each entry of the bar. */
#define BAR_ENTRY_COLS	16

/* The passphrase being typed, and what the last key decided: the key
 * table's handlers work on these. */
static struct secret *typing;
static int answer;		/* 1 Enter, 0 quit, -1 go on */
/* What Enter does, as the bar says it: "Open", or "Create" on the first
 * start, "Go on" while the passphrase is changed. */
static const char *enter_does;

static void
accept_pass(struct frame *f)
{
	(void)f;
	answer = 1;
}

static void
give_up(struct frame *f)
{
	(void)f;
	answer = 0;
}

static void
erase_all(struct frame *f)
{
	(void)f;
	explicit_bzero(typing->bytes, typing->len);
	typing->len = 0;
}

static void
erase_one(struct frame *f)
{
	(void)f;
	while (typing->len > 0 && (typing->bytes[--typing->len] & 0xc0) ==
	    0x80)
		typing->bytes[typing->len] = 0;
	typing->bytes[typing->len] = 0;
}

static void
add(struct frame *f)
{
	char bytes[MB_LEN_MAX];
	mbstate_t mb;
	size_t n;

	memset(&mb, 0, sizeof(mb));
	n = wcrtomb(bytes, (wchar_t)f->key, &mb);
	if (n != (size_t)-1 && typing->len + n <= typing->cap) {
		memcpy(typing->bytes + typing->len, bytes, n);
		typing->len += n;
		typing->bytes[typing->len] = 0;
	}
	explicit_bzero(bytes, sizeof(bytes));
}

static const struct ui_key keys[] = {
	{ .key = '\r', .label = N_("Enter"), .text = N_("Open"),
	    .run = accept_pass, .bar = 1 },
	{ .key = UI_CTRL('q'), .label = "^Q", .text = N_("Quit"),
	    .run = give_up, .bar = 1 },
	{ .key = UI_CTRL('u'), .label = "^U",
	    .text = N_("Erase what was typed"), .run = erase_all },
	{ .key = KEY_BACKSPACE, .code = 1, .label = N_("Backspace"),
	    .text = N_("Erase a character"), .run = erase_one },
	{ .key = UI_TYPED, .label = N_("letters"),
	    .text = N_("The passphrase, never shown"), .run = add },
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

const struct screen screen_unlock = {
	.name = N_("The passphrase"),
	UI_KEYS(keys),
};

/* Where the prompt's marker goes. */
static int marker_y, marker_x;

/* That keys are received, never how many: a fixed marker once something
 * is typed, nothing while the field is empty; the cursor after it. */
static void
show_received(void)
{
	const char *marker = "●●●";

	move(marker_y, marker_x);
	clrtoeol();
	if (typing != NULL && typing->len > 0) {
		ui_text(marker_y, marker_x, COLS - marker_x - 1, marker,
		    strlen(marker), A_NORMAL);
		move(marker_y, marker_x + util_width(marker, strlen(marker)));
	} else
		move(marker_y, marker_x);
}

/* The page: a few centred lines, then the prompt at row *Y. */
static void
page(struct frame *f, const char *heading, const char *const *lines,
    const char *message, const char *prompt, int *y)
{
	const char *text;
	int row = LINES / 2 - 4, i, w, x;
	size_t k;

	erase();
	ui_title(f, heading, NULL);
	for (i = 0; lines[i] != NULL; i++, row++) {
		w = util_width(lines[i], strlen(lines[i]));
		ui_text(row, w < COLS ? (COLS - w) / 2 : 0, COLS, lines[i],
		    strlen(lines[i]), i == 0 ? A_BOLD : A_NORMAL);
	}
	if (message != NULL && message[0] != '\0')
		ui_text(row + 1, 2, COLS - 4, message, strlen(message), A_BOLD);
	*y = row + 3;
	ui_text(*y, 2, COLS - 4, prompt, strlen(prompt), A_NORMAL);
	/* Only this screen's keys in the bar: it has no global ones. */
	for (k = 0; k < NKEYS; k++) {
		if (!keys[k].bar)
			continue;
		text = keys[k].key == '\r' && enter_does != NULL ?
		    _(enter_does) : _(keys[k].text);
		x = (int)k * BAR_ENTRY_COLS;
		x += ui_text(LINES - 2, x, BAR_ENTRY_COLS, _(keys[k].label),
		    strlen(_(keys[k].label)), A_REVERSE);
		ui_text(LINES - 2, x + 1, BAR_ENTRY_COLS - 1, text,
		    strlen(text), A_NORMAL);
	}
	marker_y = *y;
	marker_x = 2 + util_width(prompt, strlen(prompt)) + 1;
	show_received();
	curs_set(1);
	refresh();
}

/*
 * Read a passphrase without echo into PASS.  1 on Enter, 0 to quit,
 * 2 when the terminal was resized (redraw, then call again: what was
 * typed is kept).
 */
static int
read_hidden(struct frame *f, struct secret *pass)
{
	size_t k;

	typing = pass;
	for (answer = -1; answer == -1; ) {
		if (ui_read_key(-1, &f->key, &f->code) != 1) {
			answer = 0;	/* a signal: quit */
			break;
		}
		if (f->code && f->key == KEY_RESIZE)
			break;
		for (k = 0; k < NKEYS; k++)
			if ((keys[k].key == f->key && keys[k].code == f->code) ||
			    (keys[k].key == UI_TYPED && ui_is_typed(f->key,
			    f->code))) {
				keys[k].run(f);
				break;
			}
		if (answer == -1) {
			show_received();
			refresh();
		}
	}
	f->key = 0;
	typing = NULL;
	return answer == -1 ? 2 : answer;
}

/* Ask until Enter (1) or quit (0), redrawing on resize. */
static int
ask(struct frame *f, const char *heading, const char *const *lines,
    const char *message, const char *prompt, struct secret *pass)
{
	int y, r;

	pass->len = 0;
	typing = pass;
	do {
		page(f, heading, lines, message, prompt, &y);
	} while ((r = read_hidden(f, pass)) == 2);
	curs_set(0);
	return r;
}

static void
busy(struct frame *f, const char *heading, const char *what, const char *more)
{
	const char *lines[] = { what, more, NULL };
	int y;

	page(f, heading, lines, NULL, "", &y);
	curs_set(0);
	refresh();
}

/* Copies of the notebook that a passphrase change or a backup killed
 * halfway left, removed when it opened: said on the first screen. */
static void
leftovers_said(struct frame *f, const struct notebook *nb)
{
	const char *stuck;
	size_t n = notebook_swept(nb, &stuck);

	if (stuck != NULL)
		ui_say(f, 1, _("A copy of the notebook left by an interrupted "
		    "passphrase change or backup could not be removed: %s"),
		    stuck);
	else if (n > 0)
		ui_say(f, 0, ngettext("%zu copy of the notebook left by an "
		    "interrupted passphrase change or backup was removed.",
		    "%zu copies of the notebook left by an interrupted "
		    "passphrase change or backup were removed.", n), n);
}

/* A file that cannot be opened: say why, and how to go on. */
static int
refuse(struct frame *f, const struct error *err)
{
	const char *lines[] = { _("This notebook cannot be opened."),
	    err->text, "", _("Check the path (carnet -f FILE), or restore a "
	    "backup."), NULL };
	int y, key, code;

	for (;;) {
		page(f, NULL, lines, NULL, "", &y);
		curs_set(0);
		if (ui_read_key(-1, &key, &code) != 1 || (!code &&
		    key == UI_CTRL('q')))
			return -1;
	}
}

/* newpass_ask()'s dialog on a page: HEADING and LINES above, then the
 * question, under the reason the last one was refused; FIRST is said
 * above the first question (why a creation failed), "" for nothing. */
struct new_page {
	struct frame		*f;
	const char		*heading;
	const char *const	*lines;
	const char		*first;
};

static int
new_pass_step(void *arg, enum newpass_step step, const char *why,
    struct secret *s, struct error *err)
{
	struct new_page *p = arg;
	const char *said = step == NEWPASS_FIRST ? p->first :
	    step == NEWPASS_REFUSED ? why : step == NEWPASS_DIFFER ?
	    _("The two passphrases differ: once more.") : "";

	(void)err;
	return ask(p->f, p->heading, p->lines, said, step == NEWPASS_CONFIRM ?
	    _("Once more, to be sure:") : _("New passphrase:"), s) == 1 ? 0 :
	    -1;
}

static struct secret *
new_pass(struct frame *f, const char *heading, const char *const *lines,
    const char *first)
{
	struct new_page page = { f, heading, lines, first };
	struct newpass_dialog d = { new_pass_step, &page, 1, 0 };
	struct error err;

	return newpass_ask(&d, &err);
}

static int
create(struct frame *f)
{
	const char *lines[] = { _("Welcome to carnet."), "",
	    _("There is no notebook yet at:"), f->path, "",
	    _("Choose a passphrase: at least 8 characters; a few words are "
	    "easiest to remember."), _("Without it nobody, not even you, can "
	    "read the notes again."), NULL };
	struct secret *pass;
	struct notebook *nb;
	struct error err;
	struct kdf kdf;
	char message[UTIL_MESSAGE_MAX] = "";

	enter_does = N_("Create");
	while ((pass = new_pass(f, _("new notebook"), lines, message)) !=
	    NULL) {
		busy(f, _("new notebook"), _("Creating the notebook (a few "
		    "seconds)…"), NULL);
		notebook_kdf_calibrate(&kdf);
		if (util_make_parent(f->path, &err) == 0 &&
		    (nb = notebook_create(f->path, pass, &kdf, &err)) !=
		    NULL && (f->st = store_attach(nb, &err)) != NULL) {
			secret_free(pass);
			enter_does = NULL;
			ui_say(f, 0, _("Notebook created. ^N makes a dossier."));
			return 0;
		}
		secret_free(pass);
		snprintf(message, sizeof(message), "%s", err.text);
	}
	enter_does = NULL;
	return -1;
}

int
ui_unlock(struct frame *f, int locked)
{
	const char *first[] = { _("carnet"), f->path, NULL };
	const char *lock[] = { _("carnet locked"), NULL };
	struct secret *pass;
	struct notebook *nb;
	struct error err;
	struct stat st;
	char message[UTIL_MESSAGE_MAX] = "";

	if (!locked && stat(f->path, &st) == -1 && errno == ENOENT)
		return create(f);
	if (notebook_probe(f->path, &err) == -1) {
		if (err.status == EXIT_NOTCARNET)
			return refuse(f, &err);
		snprintf(message, sizeof(message), "%s", err.text);
	}
	pass = secret_new(NOTEBOOK_PASS_READ_MAX);
	for (;;) {
		if (ask(f, locked ? NULL : _("open"), locked ? lock : first,
		    message, _("Passphrase:"), pass) == 0)
			break;
		f->unlock_pressed = ui_clock();
		busy(f, NULL, locked ? _("carnet locked") : f->path, NULL);
		nb = notebook_open(f->path, pass, NOTEBOOK_SHARED, &err);
		if (nb != NULL && store_outdated(nb))
			busy(f, NULL, _("Updating the notebook for this "
			    "carnet…"), _("(up to a minute for a large one)"));
		if (nb != NULL && (f->st = store_attach(nb, &err)) != NULL) {
			secret_free(pass);
			leftovers_said(f, nb);
			return 0;
		}
		if (err.status == EXIT_PASSPHRASE)
			snprintf(message, sizeof(message), "%s",
			    _("Wrong passphrase: try again."));
		else if (err.status == EXIT_NOTCARNET) {
			secret_free(pass);
			return refuse(f, &err);
		} else
			snprintf(message, sizeof(message), "%s", err.text);
	}
	secret_free(pass);
	return -1;
}

/* The notebook open again for the screens, with PASS, into f->st. */
static int
reopen(struct frame *f, const struct secret *pass, struct error *err)
{
	struct notebook *nb;

	nb = notebook_open(f->path, pass, NOTEBOOK_SHARED, err);
	return nb != NULL && (f->st = store_attach(nb, err)) != NULL ? 0 : -1;
}

static const char *const *
passwd_lines(void)
{
	static const char *lines[5];

	lines[0] = _("Change the passphrase");
	lines[1] = "";
	lines[2] = _("Close every other carnet window on this notebook first.");
	lines[3] = _("^Q gives up: the passphrase stays as it was.");
	lines[4] = NULL;
	return lines;
}

struct secret *
ui_passwd_current(struct frame *f)
{
	struct secret *old = secret_new(NOTEBOOK_PASS_READ_MAX);
	int r;

	enter_does = N_("Go on");
	r = ask(f, _("passphrase"), passwd_lines(), "", _("Current "
	    "passphrase:"), old);
	enter_does = NULL;
	if (r == 1)
		return old;
	secret_free(old);
	ui_say(f, 0, "%s", _("The passphrase is as it was."));
	return NULL;
}

int
ui_passwd(struct frame *f, struct secret *old)
{
	const char *const *lines = passwd_lines();
	struct secret *new = NULL;
	struct notebook *nb = NULL;
	struct error err;
	char message[UTIL_MESSAGE_MAX] = "";
	int rc = 1;		/* 1: not tried, 0 changed, -1 failed */

	f->message[0] = '\0';
	enter_does = N_("Go on");
	/* The current passphrase, proved by opening the notebook alone. */
	busy(f, _("passphrase"), _("Checking…"), NULL);
	while ((nb = notebook_open(f->path, old, NOTEBOOK_EXCLUSIVE,
	    &err)) == NULL) {
		snprintf(message, sizeof(message), "%s",
		    err.status == EXIT_PASSPHRASE ? _("Wrong passphrase: try "
		    "again.") : err.text);
		/* In use elsewhere: the right passphrase reopens it here. */
		if (err.status != EXIT_PASSPHRASE)
			goto given_up;
		if (ask(f, _("passphrase"), lines, message, _("Current "
		    "passphrase:"), old) == 0)
			goto given_up;
		busy(f, _("passphrase"), _("Checking…"), NULL);
	}
	message[0] = '\0';
	if ((new = new_pass(f, _("passphrase"), lines, "")) == NULL)
		goto given_up;
	busy(f, _("passphrase"), _("Changing the passphrase (a few "
	    "seconds)…"), NULL);
	/* Atomic: whatever happens, the file opens with one of the two. */
	rc = notebook_passwd(nb, new, &err);
	nb = NULL;		/* closed by notebook_passwd() */
	if (rc == 0 && reopen(f, new, &err) == 0) {
		ui_say(f, 0, "%s", _("The passphrase has been changed: it is "
		    "the new one from now on, backups made before keep the "
		    "old one."));
		goto done;
	}
	if (rc == -1)
		ui_say(f, 1, _("The passphrase was not changed: %s"), err.text);
given_up:
	if (nb == NULL && message[0] != '\0' && rc == 1)
		ui_say(f, 1, "%s", message);
	notebook_close(nb);
	if (old->len > 0 && reopen(f, old, &err) == 0) {
		if (f->message[0] == '\0')
			ui_say(f, 0, "%s", _("The passphrase is as it was."));
		goto done;
	}
	/* Not even the current passphrase: the locked screen asks it. */
	secret_free(old);
	secret_free(new);
	enter_does = NULL;
	return ui_unlock(f, 1);
done:
	enter_does = NULL;
	secret_free(old);
	secret_free(new);
	return 0;
}

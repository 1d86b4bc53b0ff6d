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
	/* A long message (a file that cannot be opened, why a change was
	 * given up) wraps, and the prompt goes below it. */
	if (message != NULL && message[0] != '\0')
		row += ui_paragraph(row + 1, 2, COLS - 4, message, 3, A_BOLD) -
		    1;
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

/* What ask() returns besides Enter (1) and quit (0). */
#define RESIZED		2
#define LOCKED		3

/*
 * Read a passphrase without echo into PASS, through the frame's wait, so
 * that the lock key and the idle lock work here too.  1 on Enter, 0 to
 * quit, RESIZED when the terminal was resized (redraw, then call again:
 * what was typed is kept), LOCKED when it locked meanwhile: what was
 * typed is wiped (and, the notebook open, it was closed and opened
 * again with the passphrase typed anew).
 */
static int
read_hidden(struct frame *f, struct secret *pass)
{
	size_t k;
	int r;

	typing = pass;
	for (answer = -1; answer == -1; ) {
		if ((r = f->wait_key(f, &f->key, &f->code)) != 1) {
			answer = r == 0 ? LOCKED : 0;	/* or a signal */
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
	if (answer == LOCKED) {
		explicit_bzero(pass->bytes, pass->cap);
		pass->len = 0;
	}
	return answer == -1 ? RESIZED : answer;
}

/* Ask until Enter (1), quit (0) or a lock (LOCKED), redrawing on resize.
 * What is typed is held (ui_hold()): a lock meanwhile wipes it. */
static int
ask(struct frame *f, const char *heading, const char *const *lines,
    const char *message, const char *prompt, struct secret *pass)
{
	int y, r;

	pass->len = 0;
	typing = pass;
	ui_hold(f, pass->bytes, pass->cap);
	do {
		page(f, heading, lines, message, prompt, &y);
	} while ((r = read_hidden(f, pass)) == RESIZED);
	ui_unhold(f, pass->bytes);
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
	int			 locked;	/* given up by a lock */
};

static int
new_pass_step(void *arg, enum newpass_step step, const char *why,
    struct secret *s, struct error *err)
{
	struct new_page *p = arg;
	const char *said = step == NEWPASS_FIRST ? p->first :
	    step == NEWPASS_REFUSED ? why : step == NEWPASS_DIFFER ?
	    _("The two passphrases differ: once more.") : "";

	int r;

	(void)err;
	r = ask(p->f, p->heading, p->lines, said, step == NEWPASS_CONFIRM ?
	    _("Once more, to be sure:") : _("New passphrase:"), s);
	p->locked = r == LOCKED;
	return r == 1 ? 0 : -1;
}

/* The new passphrase, or NULL: given up, or, *LOCKED set, by a lock. */
static struct secret *
new_pass(struct frame *f, const char *heading, const char *const *lines,
    const char *first, int *locked)
{
	struct new_page page = { f, heading, lines, first, 0 };
	struct newpass_dialog d = { new_pass_step, &page, 1, 0 };
	struct error err;
	struct secret *pass = newpass_ask(&d, &err);

	*locked = page.locked;
	return pass;
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
	int locked;

	enter_does = N_("Create");
	/* Locked (the idle delay, ^L) halfway: what was typed is gone,
	 * and the page starts again. */
	while ((pass = new_pass(f, _("new notebook"), lines, message,
	    &locked)) != NULL || locked) {
		if (pass == NULL) {
			message[0] = '\0';
			continue;
		}
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
	const char *saved_enter;
	char message[UTIL_MESSAGE_MAX] = "";
	int r;

	if (!locked && stat(f->path, &st) == -1 && errno == ENOENT)
		return create(f);
	/* Why the notebook was closed, when it was not a lock (^W given
	 * up): said on the page, then gone. */
	if (locked && f->message[0] != '\0') {
		snprintf(message, sizeof(message), "%s", f->message);
		explicit_bzero(f->message, sizeof(f->message));
	}
	if (notebook_probe(f->path, &err) == -1) {
		if (err.status == EXIT_NOTCARNET)
			return refuse(f, &err);
		snprintf(message, sizeof(message), "%s", err.text);
	}
	pass = secret_new(NOTEBOOK_PASS_READ_MAX);
	/* Called while another page waits (^W's, by a lock): its Enter is
	 * this page's "Open". */
	saved_enter = enter_does;
	enter_does = NULL;
	for (;;) {
		r = ask(f, locked ? NULL : _("open"), locked ? lock : first,
		    message, _("Passphrase:"), pass);
		if (r == 0)
			break;
		if (r == LOCKED) {	/* what was typed is wiped */
			message[0] = '\0';
			continue;
		}
		f->unlock_pressed = ui_clock();
		busy(f, NULL, locked ? _("carnet locked") : f->path, NULL);
		nb = notebook_open(f->path, pass, NOTEBOOK_SHARED, &err);
		if (nb != NULL && store_outdated(nb))
			busy(f, NULL, _("Updating the notebook for this "
			    "carnet…"), _("(up to a minute for a large one)"));
		if (nb != NULL && (f->st = store_attach(nb, &err)) != NULL) {
			secret_free(pass);
			leftovers_said(f, nb);
			enter_does = saved_enter;
			return 0;
		}
		if (err.status == EXIT_PASSPHRASE)
			snprintf(message, sizeof(message), "%s",
			    _("Wrong passphrase: try again."));
		else if (err.status == EXIT_NOTCARNET) {
			secret_free(pass);
			enter_does = saved_enter;
			return refuse(f, &err);
		} else
			snprintf(message, sizeof(message), "%s", err.text);
	}
	secret_free(pass);
	enter_does = saved_enter;
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
	/* Locked meanwhile: the notebook was closed and opened again. */
	if (r == 0)
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
	int waited = 0;		/* a page waited, the notebook closed */
	int locked = 0, r;

	f->message[0] = '\0';
	enter_does = N_("Go on");
	/* The current passphrase, proved by opening the notebook alone. */
	busy(f, _("passphrase"), _("Checking…"), NULL);
	while ((nb = notebook_open(f->path, old, NOTEBOOK_EXCLUSIVE,
	    &err)) == NULL) {
		snprintf(message, sizeof(message), "%s",
		    err.status == EXIT_PASSPHRASE ? _("Wrong passphrase: try "
		    "again.") : err.text);
		/* In use elsewhere: said, and nothing changed. */
		if (err.status != EXIT_PASSPHRASE)
			goto given_up;
		waited = 1;
		if ((r = ask(f, _("passphrase"), lines, message, _("Current "
		    "passphrase:"), old)) != 1) {
			locked = r == LOCKED;
			goto given_up;
		}
		busy(f, _("passphrase"), _("Checking…"), NULL);
	}
	message[0] = '\0';
	waited = 1;
	if ((new = new_pass(f, _("passphrase"), lines, "", &locked)) == NULL)
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
	notebook_close(nb);
	/*
	 * Straight from a check that found the notebook in use, no page
	 * having waited: the passphrase just typed opens it again, as it
	 * was.  Once a page waited with the notebook closed (^Q, a lock, a
	 * failure), only the passphrase typed anew opens it: a page left
	 * waiting never lets the next person in.
	 */
	if (!waited && reopen(f, old, &err) == 0) {
		ui_say(f, 1, "%s", message);
		goto done;
	}
	if (locked)
		explicit_bzero(f->message, sizeof(f->message));
	else if (f->message[0] == '\0')
		ui_say(f, 0, "%s", _("The passphrase is as it was; the notebook "
		    "was closed to change it: type it to open it again."));
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

/*
 * ui_unlock.c - what happens before the notebook is open, and while its
 * passphrase changes: the first start (create a notebook, passphrase
 * twice), unlocking, the locked page, which shows nothing but "carnet
 * locked" and the prompt, and ^W.  The pages themselves are
 * ui_passphrase.c's.
 */
#include <sys/stat.h>

#include <errno.h>
#include <string.h>

#include "newpass.h"
#include "notebook.h"
#include "screen.h"
#include "util.h"

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

/* A file that cannot be opened: say why, and how to go on; ^Q quits. */
static int
refuse(struct frame *f, const struct error *err)
{
	const char *lines[] = { _("This notebook cannot be opened."),
	    err->text, "", _("Check the path (carnet -f FILE), or restore a "
	    "backup: quit, then type carnet restore and the copy's path."),
	    NULL };
	int key, code, r;

	for (;;) {
		ui_show_page(f, NULL, lines);
		if ((r = f->wait_key(f, &key, &code)) == -1 || (r == 1 &&
		    !code && key == UI_CTRL('q')))
			return -1;
	}
}

/* newpass_ask()'s dialog on a page: HEADING and LINES above, then the
 * question, under the reason the last one was refused; FIRST is said
 * above the first question (why a creation failed), "" for nothing. */
struct new_page {
	struct frame		*f;
	const char		*enter;		/* what Enter does */
	const char		*heading;
	const char *const	*lines;
	const char		*first;
	int			 locked;	/* given up by a lock */
	int			 offer_restore;	/* the first start: ^R */
	int			 restore;	/* given up for ^R */
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
	/* The first start's first question also offers ^R. */
	r = (step == NEWPASS_FIRST || step == NEWPASS_REFUSED) &&
	    p->offer_restore ?
	    ui_ask_first_passphrase(p->f, p->heading, p->lines, said,
	    _("New passphrase:"), p->enter, s) :
	    ui_ask_passphrase(p->f, p->heading, p->lines, said,
	    step == NEWPASS_CONFIRM ? _("Once more, to be sure:") :
	    _("New passphrase:"), p->enter, s);
	p->locked = r == UI_LOCKED;
	p->restore = r == UI_RESTORE;
	return r == 1 ? 0 : -1;
}

/* The new passphrase, or NULL: given up, or, *AGAIN set, by a lock
 * (UI_LOCKED) or for ^R (UI_RESTORE). */
static struct secret *
new_pass(struct frame *f, const char *enter, const char *heading,
    const char *const *lines, const char *first, int offer_restore,
    int *again)
{
	struct new_page page = { f, enter, heading, lines, first, 0,
	    offer_restore, 0 };
	struct newpass_dialog d = { new_pass_step, &page, 1, 0 };
	struct error err;
	struct secret *pass = newpass_ask(&d, &err);

	*again = page.locked ? UI_LOCKED : page.restore ? UI_RESTORE : 0;
	return pass;
}

static int
create(struct frame *f)
{
	const char *lines[] = { _("Welcome to carnet."), "",
	    _("There is no notebook yet at:"), f->path, "",
	    _("Choose a passphrase: at least 8 characters; a few words are "
	    "easiest to remember."), _("Without it nobody, not even you, can "
	    "read the notes again."), "", _("A new computer? ^R takes your "
	    "notebook back from its backup."), NULL };
	struct secret *pass;
	struct notebook *nb;
	struct error err;
	struct kdf kdf;
	char message[UTIL_MESSAGE_MAX] = "";
	int again;

	/* Locked (the idle delay, ^L) halfway: what was typed is gone,
	 * and the page starts again.  ^R takes a notebook back instead. */
	while ((pass = new_pass(f, N_("Create"), _("new notebook"), lines,
	    message, 1, &again)) != NULL || again) {
		if (pass == NULL && again == UI_RESTORE &&
		    ui_restore_first(f) == 0)
			return 0;
		if (pass == NULL) {
			message[0] = '\0';
			continue;
		}
		ui_busy_page(f, _("new notebook"), _("Creating the notebook "
		    "(a few seconds)…"), NULL);
		notebook_kdf_calibrate(&kdf);
		if (util_make_parent(f->path, &err) == 0 &&
		    (nb = notebook_create(f->path, pass, &kdf, &err)) !=
		    NULL && (f->st = store_attach(nb, &err)) != NULL) {
			secret_free(pass);
			ui_say(f, 0, _("Notebook created. ^N makes a dossier."));
			return 0;
		}
		secret_free(pass);
		snprintf(message, sizeof(message), "%s", err.text);
	}
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
	for (;;) {
		r = ui_ask_passphrase(f, locked ? NULL : _("open"), locked ?
		    lock : first, message, _("Passphrase:"), NULL, pass);
		if (r == 0)
			break;
		if (r == UI_LOCKED) {	/* what was typed is wiped */
			message[0] = '\0';
			continue;
		}
		f->unlock_pressed = ui_clock();
		ui_busy_page(f, NULL, locked ? _("carnet locked") : f->path,
		    NULL);
		nb = notebook_open(f->path, pass, NOTEBOOK_SHARED, &err);
		if (nb != NULL && store_outdated(nb))
			ui_busy_page(f, NULL, _("Updating the notebook for "
			    "this carnet…"), _("(up to a minute for a large "
			    "one)"));
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

	r = ui_ask_passphrase(f, _("passphrase"), passwd_lines(), "",
	    _("Current passphrase:"), N_("Go on"), old);
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
	/* The current passphrase, proved by opening the notebook alone. */
	ui_busy_page(f, _("passphrase"), _("Checking…"), NULL);
	while ((nb = notebook_open(f->path, old, NOTEBOOK_EXCLUSIVE,
	    &err)) == NULL) {
		snprintf(message, sizeof(message), "%s",
		    err.status == EXIT_PASSPHRASE ? _("Wrong passphrase: try "
		    "again.") : err.text);
		/* In use elsewhere: said, and nothing changed. */
		if (err.status != EXIT_PASSPHRASE)
			goto given_up;
		waited = 1;
		if ((r = ui_ask_passphrase(f, _("passphrase"), lines, message,
		    _("Current passphrase:"), N_("Go on"), old)) != 1) {
			locked = r == UI_LOCKED;
			goto given_up;
		}
		ui_busy_page(f, _("passphrase"), _("Checking…"), NULL);
	}
	message[0] = '\0';
	waited = 1;
	if ((new = new_pass(f, N_("Go on"), _("passphrase"), lines, "", 0,
	    &locked)) == NULL)
		goto given_up;
	ui_busy_page(f, _("passphrase"), _("Changing the passphrase (a few "
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
	return ui_unlock(f, 1);
done:
	secret_free(old);
	secret_free(new);
	return 0;
}

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

#include "notebook.h"
#include "ui.h"
#include "util.h"


static const struct ui_key unlock_keys[] = {
	{ '\r', 0, N_("Enter"), N_("Open"), NULL, 1 },
	{ UI_CTRL('q'), 0, "^Q", N_("Quit"), NULL, 1 },
};

/* The frame: a few centred lines, then the prompt at row *Y. */
static void
frame(struct ui *ui, const char *heading, const char *const *lines,
    const char *message, const char *prompt, int *y)
{
	int row = LINES / 2 - 4, i, w;
	size_t k;

	erase();
	ui_title(ui, heading);
	for (i = 0; lines[i] != NULL; i++, row++) {
		w = ui_width(lines[i], strlen(lines[i]));
		ui_text(row, w < COLS ? (COLS - w) / 2 : 0, COLS, lines[i],
		    strlen(lines[i]), i == 0 ? A_BOLD : A_NORMAL);
	}
	if (message != NULL && message[0] != '\0')
		ui_text(row + 1, 2, COLS - 4, message, strlen(message), A_BOLD);
	*y = row + 3;
	ui_text(*y, 2, COLS - 4, prompt, strlen(prompt), A_NORMAL);
	/* Only the two keys of this screen: it has no global ones. */
	for (k = 0; k < sizeof(unlock_keys) / sizeof(unlock_keys[0]); k++) {
		int x = (int)k * 16;

		x += ui_text(LINES - 2, x, 16, _(unlock_keys[k].label),
		    strlen(_(unlock_keys[k].label)), A_REVERSE);
		ui_text(LINES - 2, x + 1, 15, _(unlock_keys[k].text),
		    strlen(_(unlock_keys[k].text)), A_NORMAL);
	}
	move(*y, 2 + ui_width(prompt, strlen(prompt)) + 1);
	curs_set(1);
	refresh();
}

/*
 * Read a passphrase without echo into PASS.  1 on Enter, 0 to quit,
 * 2 when the terminal was resized (redraw, then call again: what was
 * typed is kept).
 */
static int
read_hidden(struct secret *pass)
{
	char bytes[MB_LEN_MAX];
	mbstate_t mb;
	wint_t wc;
	size_t n;
	int rc;

	for (;;) {
		timeout(-1);
		rc = get_wch(&wc);
		if (rc == ERR)
			return 0;	/* a signal: quit */
		if (rc == KEY_CODE_YES) {
			if (wc == KEY_RESIZE)
				return 2;
			if (wc == KEY_ENTER)
				return 1;
			if (wc == KEY_BACKSPACE)
				goto erase;
			continue;
		}
		if (wc == '\r' || wc == '\n')
			return 1;
		if (wc == UI_CTRL('q'))
			return 0;
		if (wc == UI_CTRL('u')) {
			explicit_bzero(pass->bytes, pass->len);
			pass->len = 0;
			continue;
		}
		if (wc == 127 || wc == 8) {
erase:
			while (pass->len > 0 &&
			    (pass->bytes[--pass->len] & 0xc0) == 0x80)
				pass->bytes[pass->len] = 0;
			pass->bytes[pass->len] = 0;
			continue;
		}
		if (iswcntrl(wc))
			continue;
		memset(&mb, 0, sizeof(mb));
		n = wcrtomb(bytes, (wchar_t)wc, &mb);
		if (n != (size_t)-1 && pass->len + n <= pass->cap) {
			memcpy(pass->bytes + pass->len, bytes, n);
			pass->len += n;
			pass->bytes[pass->len] = 0;
		}
		explicit_bzero(bytes, sizeof(bytes));
		wc = 0;
	}
}

/* Ask until Enter (1) or quit (0), redrawing on resize. */
static int
ask(struct ui *ui, const char *heading, const char *const *lines,
    const char *message, const char *prompt, struct secret *pass)
{
	int y, r;

	pass->len = 0;
	do {
		frame(ui, heading, lines, message, prompt, &y);
	} while ((r = read_hidden(pass)) == 2);
	curs_set(0);
	return r;
}

static void
busy(struct ui *ui, const char *heading, const char *what, const char *more)
{
	const char *lines[] = { what, more, NULL };
	int y;

	frame(ui, heading, lines, NULL, "", &y);
	curs_set(0);
	refresh();
}

/* A file that cannot be opened: say why, and how to go on. */
static int
refuse(struct ui *ui, const struct error *err)
{
	const char *lines[] = { _("This notebook cannot be opened."),
	    err->text, "", _("Check the path (carnet -f FILE), or restore a "
	    "backup."), NULL };
	int y;
	wint_t wc;

	for (;;) {
		frame(ui, NULL, lines, NULL, "", &y);
		curs_set(0);
		timeout(-1);
		if (get_wch(&wc) == ERR || wc == UI_CTRL('q'))
			return -1;
	}
}

static int
create(struct ui *ui)
{
	const char *lines[] = { _("Welcome to carnet."), "",
	    _("There is no notebook yet at:"), ui->path, "",
	    _("Choose a passphrase: at least 8 characters; a few words are "
	    "easiest to remember."), _("Without it nobody, not even you, can "
	    "read the notes again."), NULL };
	struct secret *pass = secret_new(NOTEBOOK_PASS_READ_MAX), *again;
	struct notebook *nb;
	struct error err;
	struct kdf kdf;
	const char *why = NULL;
	char message[600] = "";

	again = secret_new(NOTEBOOK_PASS_READ_MAX);
	for (;;) {
		if (ask(ui, _("new notebook"), lines, message,
		    _("New passphrase:"), pass) == 0)
			break;
		if ((why = notebook_pass_refusal(pass)) != NULL) {
			snprintf(message, sizeof(message), "%s", why);
			continue;
		}
		if (ask(ui, _("new notebook"), lines, "", _("Once more, to be "
		    "sure:"), again) == 0)
			break;
		if (!wipe_same(again->bytes, again->len, pass->bytes,
		    pass->len)) {
			snprintf(message, sizeof(message), "%s",
			    _("The two passphrases differ: once more."));
			continue;
		}
		busy(ui, _("new notebook"), _("Creating the notebook (a few "
		    "seconds)…"), NULL);
		notebook_kdf_calibrate(&kdf);
		if (util_make_parent(ui->path, &err) == 0 &&
		    (nb = notebook_create(ui->path, pass, &kdf, &err)) !=
		    NULL && (ui->st = store_attach(nb, &err)) != NULL) {
			secret_free(pass);
			secret_free(again);
			ui_say(ui, 0, _("Notebook created. ^N makes a dossier."));
			return 0;
		}
		snprintf(message, sizeof(message), "%s", err.text);
	}
	secret_free(pass);
	secret_free(again);
	return -1;
}

int
ui_unlock(struct ui *ui, int locked)
{
	const char *first[] = { _("carnet"), ui->path, NULL };
	const char *lock[] = { _("carnet locked"), NULL };
	struct secret *pass;
	struct notebook *nb;
	struct error err;
	struct stat st;
	char message[600] = "";

	if (!locked && stat(ui->path, &st) == -1 && errno == ENOENT)
		return create(ui);
	if (notebook_probe(ui->path, &err) == -1) {
		if (err.status == EXIT_NOTCARNET)
			return refuse(ui, &err);
		snprintf(message, sizeof(message), "%s", err.text);
	}
	pass = secret_new(NOTEBOOK_PASS_READ_MAX);
	for (;;) {
		if (ask(ui, locked ? NULL : _("open"), locked ? lock : first,
		    message, _("Passphrase:"), pass) == 0)
			break;
		ui->unlock_pressed = ui_clock();
		busy(ui, NULL, locked ? _("carnet locked") : ui->path, NULL);
		nb = notebook_open(ui->path, pass, NOTEBOOK_SHARED, &err);
		if (nb != NULL && store_outdated(nb))
			busy(ui, NULL, _("Updating the notebook for this "
			    "carnet…"), _("(up to a minute for a large one)"));
		if (nb != NULL && (ui->st = store_attach(nb, &err)) != NULL) {
			secret_free(pass);
			return 0;
		}
		if (err.status == EXIT_PASSPHRASE)
			snprintf(message, sizeof(message), "%s",
			    _("Wrong passphrase: try again."));
		else if (err.status == EXIT_NOTCARNET) {
			secret_free(pass);
			return refuse(ui, &err);
		} else
			snprintf(message, sizeof(message), "%s", err.text);
	}
	secret_free(pass);
	return -1;
}

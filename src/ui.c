/*
 * ui.c - the frame of the terminal notebook: the main loop, the keys that
 * work everywhere, locking (on a key and when idle), and the widgets every
 * screen shares (title, key bar, message line, a line to type in).  The
 * screens themselves are in ui_*.c; start reading at ui_run().
 */
#include <curses.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "prompt.h"
#include "sandbox.h"
#include "text.h"
#include "ui.h"
#include "util.h"

/* Below this, the screens do not fit: "terminal too small". */
#define MIN_COLS	40
#define MIN_ROWS	10
#define BAR_ROWS	2

static volatile sig_atomic_t stop_signal;

/*
 * make bench measures the screens from inside: with $CARNET_BENCH naming
 * a file, the time from a key to the end of the redraw it causes is
 * appended there (numbers only, never text).
 */
static FILE *bench;

double
ui_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void
quit(struct ui *ui)
{
	ui->quit = 1;
}

const struct ui_key ui_global_keys[] = {
	{ UI_CTRL('f'), 0, "^F", N_("Search"), ui_go_search, 1 },
	{ UI_CTRL('l'), 0, "^L", N_("Lock"), ui_lock, 1 },
	{ UI_CTRL('g'), 0, "^G", N_("Help"), ui_go_help, 1 },
	{ KEY_F(1), 1, "F1", N_("Help"), ui_go_help, 0 },
	{ UI_CTRL('q'), 0, "^Q", N_("Quit"), quit, 1 },
};
const size_t ui_nglobal_keys = sizeof(ui_global_keys) /
    sizeof(ui_global_keys[0]);

int
ui_rows(void)
{
	return LINES;
}

int
ui_cols(void)
{
	return COLS;
}

int
ui_body_top(void)
{
	return 1;
}

/* Title, body, message line, key bar. */
int
ui_body_rows(void)
{
	return LINES - 1 - 1 - BAR_ROWS;
}

size_t
ui_char(const char *s, size_t len, mbstate_t *mb, wchar_t *wc, int *width)
{
	size_t n = mbrtowc(wc, s, len, mb);

	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		memset(mb, 0, sizeof(*mb));
		n = 1;
		*wc = L'?';
	}
	if (iswcntrl((wint_t)*wc))
		*wc = L'?';
	if ((*width = wcwidth(*wc)) < 0) {
		*wc = L'?';
		*width = 1;
	}
	return n;
}

/*
 * Draw LEN bytes of UTF-8 at (Y, X) in at most WIDTH columns and return the
 * columns used.  Control characters (a note may hold any) are shown as
 * '?', never sent to the terminal; wide characters take two columns.
 */
int
ui_text(int y, int x, int width, const char *s, size_t len, int attr)
{
	mbstate_t mb;
	wchar_t wc;
	size_t i = 0, n;
	int used = 0, w;

	memset(&mb, 0, sizeof(mb));
	if (y >= 0)
		move(y, x);
	attron(attr);
	while (i < len && used < width) {
		n = ui_char(s + i, len - i, &mb, &wc, &w);
		if (used + w > width)
			break;
		addnwstr(&wc, 1);
		used += w;
		i += n;
	}
	attroff(attr);
	return used;
}

int
ui_width(const char *s, size_t len)
{
	mbstate_t mb;
	wchar_t wc;
	size_t i = 0;
	int used = 0, w;

	memset(&mb, 0, sizeof(mb));
	while (i < len) {
		i += ui_char(s + i, len - i, &mb, &wc, &w);
		used += w;
	}
	return used;
}

/* What is shown of a dossier and a note must be read again. */
void
ui_reload_dossier(struct ui *ui)
{
	store_dossier_free(&ui->current);
	store_notes_free(ui->heads, ui->nheads);
	ui->heads = NULL;
	ui->nheads = 0;
	store_note_free(&ui->reading);
	text_free(ui->shown);
	ui->shown = NULL;
}

static int
bar_attr(struct ui *ui)
{
	return ui->colour ? COLOR_PAIR(1) | A_BOLD : A_REVERSE;
}

void
ui_title(struct ui *ui, const char *where)
{
	const char *name = "carnet";

	move(0, 0);
	attron(bar_attr(ui));
	hline(' ', COLS);
	attroff(bar_attr(ui));
	ui_text(0, 1, COLS - 2, name, strlen(name), bar_attr(ui));
	if (where != NULL) {
		ui_text(0, 7, 3, " — ", strlen(" — "), bar_attr(ui));
		ui_text(0, 10, COLS - 11, where, strlen(where), bar_attr(ui));
	}
}

/* Does the screen give global key K another meaning? */
static int
overridden(const struct ui_key *keys, size_t n, const struct ui_key *k)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (keys[i].key == k->key && keys[i].code == k->code)
			return 1;
	return 0;
}

static int
entry_width(const struct ui_key *k)
{
	return ui_width(_(k->label), strlen(_(k->label))) + 1 +
	    ui_width(_(k->text), strlen(_(k->text)));
}

/* Lay out (or, with DRAW 0, only count) the entries that fit in the bar's
 * rows; returns how many did. */
static size_t
pack(struct ui *ui, const struct ui_key **list, size_t n, int draw)
{
	size_t i;
	int row = 0, x = 0, w;

	for (i = 0; i < n; i++) {
		w = entry_width(list[i]);
		if (x > 0 && x + w > COLS) {
			if (++row == BAR_ROWS)
				break;
			x = 0;
		}
		if (draw) {
			ui_text(LINES - BAR_ROWS + row, x, COLS - x,
			    _(list[i]->label), strlen(_(list[i]->label)),
			    bar_attr(ui));
			ui_text(LINES - BAR_ROWS + row, x + w -
			    ui_width(_(list[i]->text), strlen(_(list[i]->text))),
			    COLS - x, _(list[i]->text), strlen(_(list[i]->text)),
			    A_NORMAL);
		}
		x += w + 2;
	}
	return i;
}

/* The keys of this screen, then the global ones, nano-style on two
 * rows: the label highlighted, then what it does.  When they do not all
 * fit, the screen's last ones give way (they are in the help): locking,
 * help and quitting are always shown. */
void
ui_bar(struct ui *ui, const struct ui_key *keys, size_t n)
{
	const struct ui_key *list[64];
	size_t i, count = 0, own;

	for (i = 0; i < n && count < 48; i++)
		if (keys[i].bar)
			list[count++] = &keys[i];
	own = count;
	for (i = 0; i < ui_nglobal_keys; i++)
		if (ui_global_keys[i].bar && !overridden(keys, n,
		    &ui_global_keys[i]))
			list[count++] = &ui_global_keys[i];
	while (own > 0 && pack(ui, list, count, 0) < count) {
		memmove(&list[own - 1], &list[own], (count - own) *
		    sizeof(list[0]));
		own--;
		count--;
	}
	pack(ui, list, count, 1);
}

void
ui_say(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof(ui->message), fmt, ap);
	va_end(ap);
	ui->message_error = error;
}

static void
draw_message(struct ui *ui)
{
	if (ui->message[0] == '\0')
		return;
	ui_text(LINES - BAR_ROWS - 1, 0, COLS, ui->message,
	    strlen(ui->message), ui->message_error ? A_BOLD : A_NORMAL);
}

/* Free and wipe everything the screens hold of the notebook's content. */
void
ui_forget(struct ui *ui)
{
	store_dossiers_free(ui->dossiers, ui->ndossiers);
	ui->dossiers = NULL;
	ui->ndossiers = 0;
	ui_reload_dossier(ui);
	store_hits_free(ui->hits, ui->nhits);
	ui->hits = NULL;
	ui->nhits = 0;
	ui->searched = 0;
	text_free(ui->text);
	ui->text = NULL;
	wipe_free(ui->clip);
	ui->clip = NULL;
	explicit_bzero(ui->filter, sizeof(ui->filter));
	explicit_bzero(ui->query, sizeof(ui->query));
	explicit_bzero(ui->message, sizeof(ui->message));
}

/*
 * Lock: forget the content, close the notebook (SQLite's memory is wiped
 * as it is freed, and the key with it), blank the terminal, and ask the
 * passphrase again.  The place (screen, dossier, note) is kept, as
 * numbers only.
 */
void
ui_lock(struct ui *ui)
{
	/* The text being written is kept as a draft first; unlocking
	 * brings it back from there. */
	if (ui->screen == UI_EDITOR)
		ui_editor_keep(ui, 1);
	ui_forget(ui);
	store_close(ui->st);
	ui->st = NULL;
	/* What deeper calls left on the stack goes too.  (On Debian 13 a
	 * note's first line still stays in a live frame above this one:
	 * tests/ui.t marks it TODO there.) */
	secret_wipe_stack();
	clear();
	refresh();
	if (ui_unlock(ui, 1) == -1)
		ui->quit = 1;
	if (ui->screen == UI_SEARCH || ui->screen == UI_HELP)
		ui->screen = ui->back;
	ui->last_key = time(NULL);
}

int
ui_key(struct ui *ui, int *key, int *code)
{
	wint_t wc;
	int rc;

	for (;;) {
		if (stop_signal || ui->quit)
			return -1;
		timeout(1000);
		rc = get_wch(&wc);
		if (stop_signal)
			return -1;
		if (rc == ERR) {
			if (ui->screen == UI_EDITOR)
				ui_editor_keep(ui, 0);
			if (ui->lock_after > 0 &&
			    time(NULL) - ui->last_key >= ui->lock_after) {
				ui_lock(ui);
				return ui->quit ? -1 : 0;
			}
			continue;
		}
		ui->last_key = time(NULL);
		if (rc == OK && wc == UI_CTRL('l')) {
			ui_lock(ui);
			return ui->quit ? -1 : 0;
		}
		*key = (int)wc;
		*code = rc == KEY_CODE_YES;
		return 1;
	}
}

int
ui_ask(struct ui *ui, const char *question, char *buf, size_t size)
{
	size_t len = strlen(buf), n;
	int key, code, y, x, r, qw;

	curs_set(1);
	for (;;) {
		y = LINES - BAR_ROWS - 1;
		move(y, 0);
		clrtoeol();
		qw = ui_text(y, 0, COLS - 2, question, strlen(question),
		    A_BOLD);
		/* The end of a long answer stays in view. */
		x = qw + 1;
		n = 0;
		while (ui_width(buf + n, len - n) > COLS - x - 1)
			n++;
		while (n < len && ((unsigned char)buf[n] & 0xc0) == 0x80)
			n++;
		ui_text(y, x, COLS - x - 1, buf + n, len - n, A_NORMAL);
		refresh();
		if ((r = ui_key(ui, &key, &code)) != 1) {
			curs_set(0);
			return r == 0 ? -1 : 0;
		}
		if (code && key == KEY_RESIZE)
			continue;
		if ((!code && (key == '\r' || key == '\n')) ||
		    (code && key == KEY_ENTER))
			break;
		if (!code && (key == UI_ESC || key == UI_CTRL('c') ||
		    key == UI_CTRL('q'))) {
			curs_set(0);
			return 0;
		}
		ui_line_key(buf, size, key, code);
		len = strlen(buf);
	}
	curs_set(0);
	return 1;
}

int
ui_line_key(char *buf, size_t size, int key, int code)
{
	char bytes[MB_LEN_MAX];
	mbstate_t mb;
	size_t len = strlen(buf), n;

	if ((code && key == KEY_BACKSPACE) || (!code && (key == 127 ||
	    key == 8))) {
		while (len > 0 && ((unsigned char)buf[--len] & 0xc0) == 0x80)
			;
		buf[len] = '\0';
		return 1;
	}
	if (code || iswcntrl((wint_t)key))
		return 0;
	memset(&mb, 0, sizeof(mb));
	n = wcrtomb(bytes, (wchar_t)key, &mb);
	if (n != (size_t)-1 && len + n < size) {
		memcpy(buf + len, bytes, n);
		buf[len + n] = '\0';
	}
	explicit_bzero(bytes, sizeof(bytes));
	return 1;
}

int
ui_yes_no(struct ui *ui, const char *question)
{
	char answer[8];
	int key, code, r, y = LINES - BAR_ROWS - 1;

	for (;;) {
		move(y, 0);
		clrtoeol();
		ui_text(y, 0, COLS, question, strlen(question), A_BOLD);
		refresh();
		if ((r = ui_key(ui, &key, &code)) != 1)
			return -1;
		if (code)
			continue;
		if (key == UI_ESC)
			return -1;
		answer[0] = (char)key;
		answer[1] = '\0';
		if (key < 128 && prompt_is_yes(answer))
			return 1;
		if (key < 128 && prompt_is_no(answer))
			return 0;
	}
}

void
ui_go_search(struct ui *ui)
{
	if (ui->screen != UI_SEARCH && ui->screen != UI_HELP)
		ui->back = ui->screen;
	ui->screen = UI_SEARCH;
}

void
ui_go_help(struct ui *ui)
{
	if (ui->screen != UI_SEARCH && ui->screen != UI_HELP)
		ui->back = ui->screen;
	ui->htop = 0;
	ui->screen = UI_HELP;
}

/* Each screen: how it draws, its key table, and what it does with the
 * keys the table leaves (moving, typing).  One row a screen, so that
 * drawing, the bar and the dispatch cannot disagree. */
static const struct screen {
	void			(*draw)(struct ui *);
	int			(*key)(struct ui *, int, int);
	const struct ui_key	*keys;
	const size_t		*nkeys;
} screens[] = {
	[UI_DOSSIERS] = { ui_dossiers_draw, ui_dossiers_key, ui_dossiers_keys,
	    &ui_ndossiers_keys },
	[UI_DOSSIER] = { ui_dossier_draw, ui_dossier_key, ui_dossier_keys,
	    &ui_ndossier_keys },
	[UI_NOTE] = { ui_note_draw, ui_note_key, ui_note_keys,
	    &ui_nnote_keys },
	[UI_SEARCH] = { ui_search_draw, ui_search_key, ui_search_keys,
	    &ui_nsearch_keys },
	[UI_HELP] = { ui_help_draw, ui_help_key, NULL, NULL },
	[UI_EDITOR] = { ui_editor_draw, ui_editor_key, ui_editor_keys,
	    &ui_neditor_keys },
};

static void
draw(struct ui *ui)
{
	const char *small = _("terminal too small");

	erase();
	if (LINES < MIN_ROWS || COLS < MIN_COLS) {
		ui_text(LINES / 2, 0, COLS, small, strlen(small), A_BOLD);
		refresh();
		return;
	}
	curs_set(0);
	screens[ui->screen].draw(ui);
	draw_message(ui);
	refresh();
}

static int
run_key(struct ui *ui, const struct ui_key *keys, size_t n, int key,
    int code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (keys[i].key == key && keys[i].code == code &&
		    keys[i].run != NULL) {
			keys[i].run(ui);
			return 1;
		}
	return 0;
}

static void
dispatch(struct ui *ui, int key, int code)
{
	const struct screen *sc = &screens[ui->screen];
	int handled = 0;

	ui->message[0] = '\0';
	if (LINES < MIN_ROWS || COLS < MIN_COLS) {
		/* Nothing is shown: only quitting and locking work. */
		run_key(ui, ui_global_keys, ui_nglobal_keys, key, code);
		return;
	}
	if (sc->keys != NULL)
		handled = run_key(ui, sc->keys, *sc->nkeys, key, code);
	if (!handled)
		handled = run_key(ui, ui_global_keys, ui_nglobal_keys, key,
		    code);
	if (!handled)
		handled = sc->key(ui, key, code);
	if (!handled)
		ui_say(ui, 0, _("That key does nothing here: ^G shows the "
		    "keys."));
}

static void
on_stop(int sig)
{
	stop_signal = sig;
}

/* Has the terminal sent something not read yet? */
static int
key_waiting(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	return poll(&p, 1, 0) > 0;
}

int
ui_run(const char *path, const struct conf *conf, long lock_after)
{
	struct ui ui;
	struct sigaction sa;
	double pressed = 0;
	int key, code, r;

	memset(&ui, 0, sizeof(ui));
	ui.path = path;
	ui.conf = conf;
	ui.lock_after = lock_after;
	ui.screen = ui.back = UI_DOSSIERS;

	/* Without SA_RESTART, a signal wakes get_wch(): the loop then
	 * closes the notebook properly. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		ui.colour = 1;
	}
	ui.last_key = time(NULL);
	if (getenv("CARNET_BENCH") != NULL)
		bench = fopen(getenv("CARNET_BENCH"), "ae");
	if (ui_unlock(&ui, 0) == 0) {
		if (conf->sandbox && sandbox_confine(path, NULL,
		    conf->print_command) == -1)
			ui_say(&ui, 1, "%s", _("The sandbox could not be set "
			    "up: carnet runs unconfined."));
		draw(&ui);
		if (bench != NULL)
			fprintf(bench, "unlock_to_list\t%.3f\n", ui_clock() -
			    ui.unlock_pressed);
		ui_editor_offer_drafts(&ui);
		while (!ui.quit && !stop_signal) {
			draw(&ui);
			/* Between keys, not while one waits: a search over a
			 * large notebook takes milliseconds, and the letters
			 * typed meanwhile must show at once. */
			if (ui_search_due(&ui) && !key_waiting()) {
				ui_search_run(&ui);
				draw(&ui);
				if (bench != NULL)
					fprintf(bench, "search_results\t%.3f\n",
					    ui_clock() - pressed);
			}
			r = ui_key(&ui, &key, &code);
			if (r == -1)
				break;
			if (r == 0 || (code && key == KEY_RESIZE))
				continue;
			pressed = ui_clock();
			dispatch(&ui, key, code);
			if (bench != NULL) {
				draw(&ui);
				fprintf(bench, "keystroke\t%.3f\n",
				    ui_clock() - pressed);
				fflush(bench);
			}
		}
	}
	if (bench != NULL)
		fclose(bench);
	/* A signal or a quit while writing: the text stays as a draft. */
	if (ui.screen == UI_EDITOR)
		ui_editor_keep(&ui, 1);
	ui_forget(&ui);
	store_close(ui.st);
	fputs("\033[?2004l", stdout);
	erase();
	refresh();
	endwin();
	return EXIT_OK;
}

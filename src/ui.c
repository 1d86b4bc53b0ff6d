/*
 * ui.c - the frame of the terminal notebook: the main loop, the keys that
 * work everywhere, the key bar, locking (on a key and when idle) and
 * resizing.  It knows the screens only through ui_screens[] and their
 * struct screen (screen.h); start reading at ui_run().
 */
#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drives.h"
#include "sandbox.h"
#include "screen.h"
#include "secret.h"
#include "ui.h"
#include "util.h"

/* Below this, the screens do not fit: "terminal too small". */
#define MIN_COLS	40
#define MIN_ROWS	10
/* The bar's two rows, and at most this many keys in it. */
#define BAR_ROWS	2
#define BAR_MAX		64
/* How long a key is waited for before the idle work (milliseconds). */
#define TICK_MS		1000

static volatile sig_atomic_t stop_signal;

/*
 * make bench measures the screens from inside: with $CARNET_BENCH naming
 * a file, the time from a key to the end of the redraw it causes is
 * appended there (numbers only, never text).
 */
static FILE *bench;
/* When the last key was read, by the loop or by a question a key
 * opened: a keystroke is timed from the key that caused the work, never
 * across the time a question waited for its answer. */
static double key_read_at;

/* The frame's own, beside what it hands the screens. */
static long lock_after;		/* seconds, 0 never */
static time_t last_key;

static void lock(struct frame *);

static void
quit(struct frame *f)
{
	/* A text waits (reading during writing): asked, as in the editor. */
	if (ui_writing(f) && !ui_editor_may_quit(f))
		return;
	f->quit = 1;
}

static const struct ui_key global_keys[] = {
	{ .key = UI_CTRL('f'), .label = "^F", .text = N_("Search"),
	    .run = ui_go_search, .bar = 1 },
	{ .key = UI_CTRL('l'), .label = "^L", .text = N_("Lock"),
	    .run = lock, .bar = 1 },
	{ .key = UI_CTRL('g'), .label = "^G", .text = N_("Help"),
	    .run = ui_go_help, .bar = 1 },
	{ .key = KEY_F(1), .code = 1, .label = "F1", .text = N_("Help"),
	    .run = ui_go_help },
	{ .key = UI_CTRL('q'), .label = "^Q", .text = N_("Quit"),
	    .run = quit, .bar = 1 },
};
#define NGLOBAL	(sizeof(global_keys) / sizeof(global_keys[0]))

static const struct screen *
current(const struct frame *f)
{
	return ui_screens[ui_here(f)->screen];
}

static int
matches(const struct ui_key *k, int key, int code)
{
	return k->key == key && k->code == code;
}

static const struct ui_key *
find_key(const struct ui_key *keys, size_t n, int key, int code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (matches(&keys[i], key, code))
			return &keys[i];
	return NULL;
}

/* ---- The bar ---- */

static int
entry_width(const struct ui_key *k)
{
	return util_width(_(k->label), strlen(_(k->label))) + 1 +
	    util_width(_(k->text), strlen(_(k->text)));
}

/* Lay out (or, with DRAW 0, only count) the entries that fit in the bar's
 * rows; returns how many did. */
static size_t
pack(struct frame *f, const struct ui_key **list, size_t n, int draw)
{
	const char *label, *text;
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
			label = _(list[i]->label);
			text = _(list[i]->text);
			ui_text(LINES - BAR_ROWS + row, x, COLS - x, label,
			    strlen(label), ui_bar_attr(f));
			ui_text(LINES - BAR_ROWS + row, x + w -
			    util_width(text, strlen(text)), COLS - x, text,
			    strlen(text), A_NORMAL);
		}
		x += w + 2;
	}
	return i;
}

/* The help's entry in every bar, by one name: "All the keys" says where
 * the keys the bar has no room for are (the help opens at the screen's
 * own keys).  Named "Help" on some screens and so on others, it read as
 * two things. */
static const struct ui_key more_keys = {
	.key = UI_CTRL('g'), .label = "^G", .text = N_("All the keys"),
	.run = ui_go_help, .bar = 1
};

/* The screen's keys, then the global ones it does not take over,
 * nano-style on two rows: the label highlighted, then what it does.  When
 * they do not all fit, the screen's last ones give way.  Locking, help
 * and quitting are always shown, the help as "all the keys". */
static void
draw_bar(struct frame *f, const struct screen *sc)
{
	const struct ui_key *list[BAR_MAX];
	size_t i, count = 0, own;

	for (i = 0; i < sc->nkeys && count < BAR_MAX - NGLOBAL; i++) {
		if (sc->keys[i].bar && (sc->keys[i].now == NULL ||
		    sc->keys[i].now(f)))
			list[count++] = &sc->keys[i];
	}
	own = count;
	for (i = 0; i < NGLOBAL; i++)
		if (global_keys[i].bar && find_key(sc->keys, sc->nkeys,
		    global_keys[i].key, global_keys[i].code) == NULL)
			list[count++] = &global_keys[i];
	for (i = own; i < count; i++)
		if (list[i]->key == UI_CTRL('g'))
			list[i] = &more_keys;
	for (;;) {
		if (own == 0 || pack(f, list, count, 0) == count)
			break;
		memmove(&list[own - 1], &list[own], (count - own) *
		    sizeof(list[0]));
		own--;
		count--;
	}
	pack(f, list, count, 1);
}

/* ---- Drawing ---- */

static int
too_small(void)
{
	return LINES < MIN_ROWS || COLS < MIN_COLS;
}

/* Load what the screen shows; a load may move to another screen (a
 * dossier destroyed meanwhile), which loads in turn. */
static void
load(struct frame *f)
{
	unsigned long was;
	size_t depth;
	int tries;

	for (tries = 0; tries < PLACE_DEPTH; tries++) {
		was = ui_here(f)->opened;
		depth = f->place.depth;
		if (current(f)->load != NULL)
			current(f)->load(f);
		if (ui_here(f)->opened == was && f->place.depth == depth)
			return;
	}
}

/* The opening whose content draw() last loaded (struct stop): repaint()
 * draws only that one, never a screen a key opened and that has not
 * loaded yet. */
static unsigned long loaded;

static int
draw_small(void)
{
	const char *small = _("terminal too small");

	if (!too_small())
		return 0;
	ui_text(LINES / 2, 0, COLS, small, strlen(small), A_BOLD);
	return 1;
}

static void
repaint(struct frame *f)
{
	erase();
	if (draw_small())
		return;
	draw_bar(f, current(f));
	if (current(f)->draw != NULL && f->st != NULL &&
	    ui_here(f)->opened == loaded)
		current(f)->draw(f);
}

static void
draw(struct frame *f)
{
	int y, x;

	erase();
	if (draw_small()) {
		refresh();
		return;
	}
	curs_set(0);
	load(f);
	loaded = ui_here(f)->opened;
	draw_bar(f, current(f));
	/* Every hook may be absent (screen.h). */
	if (current(f)->draw != NULL)
		current(f)->draw(f);
	ui_follow_selection();
	/* Over the screen's last rows when it is long, until the next key;
	 * the cursor stays where the screen left it. */
	if (f->message[0] != '\0') {
		getyx(stdscr, y, x);
		ui_message(f->message, f->message_error ? A_BOLD : A_NORMAL);
		move(y, x);
	}
	refresh();
}

/* ---- Locking ---- */

/* Every screen forgets what it holds of the notebook: after this, only
 * the place is left, as numbers. */
static void
forget(struct frame *f)
{
	size_t i;

	for (i = 0; i < SCREEN_COUNT; i++)
		if (ui_screens[i]->forget != NULL)
			ui_screens[i]->forget(f);
	for (i = 0; i < f->nheld; i++)
		explicit_bzero(f->held[i].p, f->held[i].len);
	f->nheld = 0;
	explicit_bzero(f->message, sizeof(f->message));
	loaded = 0;
}

/* Forget the content, close the notebook (SQLite's memory is wiped as it
 * is freed, and the key with it), blank the terminal: before a lock, and
 * before the passphrase is changed. */
static void
close_notebook(struct frame *f)
{
	forget(f);
	ui_spelling_stop();
	store_close(f->st);
	f->st = NULL;
	clear();
	refresh();
	/* What deeper calls left on the stack goes too, blanking the
	 * terminal included: ncurses 6.5 (Debian 13) leaves the text of the
	 * lines it clears in its frames, where ui_unlock()'s would keep it. */
	secret_wipe_stack();
	secret_wipe_heap();
}

/* The current passphrase first, the notebook open: given up, nothing was
 * closed; then closed, changed, and open again. */
static void
change_passphrase(struct frame *f)
{
	struct secret *old = ui_passwd_current(f);

	if (old != NULL) {
		close_notebook(f);
		if (ui_passwd(f, old) == -1)
			f->quit = 1;
	}
	last_key = time(NULL);
}

/* Lock: close the notebook, then ask the passphrase again. */
static void
lock(struct frame *f)
{
	close_notebook(f);
	if (ui_unlock(f, 1) == -1)
		f->quit = 1;
	else
		ui_spelling_begin(f);
	ui_close_transient(f);
	last_key = time(NULL);
}

/* The lock key is the global row that locks, wherever it is asked. */
static int
is_lock_key(int key, int code)
{
	const struct ui_key *k = find_key(global_keys, NGLOBAL, key, code);

	return k != NULL && k->run == lock;
}

/* The lock key or the idle delay, wherever a key is awaited: the notebook
 * open, it is locked (and asked for again before this returns); closed
 * (a passphrase page), the page is told, and wipes what was typed. */
static int
locked_meanwhile(struct frame *f)
{
	if (f->st != NULL)
		lock(f);
	last_key = time(NULL);
	return f->quit ? -1 : 0;
}

static int
wait_key(struct frame *f, int *key, int *code)
{
	int r;

	for (;;) {
		if (stop_signal || f->quit)
			return -1;
		r = ui_read_key(TICK_MS, key, code);
		if (stop_signal)
			return -1;
		if (r != 1) {
			if (f->st != NULL && current(f)->idle != NULL)
				current(f)->idle(f);
			if (lock_after > 0 &&
			    time(NULL) - last_key >= lock_after)
				return locked_meanwhile(f);
			continue;
		}
		last_key = time(NULL);
		key_read_at = ui_clock();
		if (is_lock_key(*key, *code))
			return locked_meanwhile(f);
		return 1;
	}
}

static int
interrupted(struct frame *f)
{
	int key, code;

	if (stop_signal)
		return 1;
	if (lock_after > 0 && time(NULL) - last_key >= lock_after) {
		f->lock_pending = 1;
		return 1;
	}
	/* Other keys are dropped: the screen says Esc and the lock work. */
	while (ui_read_key(0, &key, &code) == 1) {
		last_key = time(NULL);
		if (is_lock_key(key, code)) {
			f->lock_pending = 1;
			return 1;
		}
		if (!code && key == UI_ESC)
			return 1;
	}
	return 0;
}

/* ---- Keys ---- */

static int
run_key(struct frame *f, const struct ui_key *k)
{
	if (k == NULL)
		return 0;
	if (k->move != UI_NO_MOVE && current(f)->step != NULL)
		current(f)->step(f, k->move);
	else if (k->run != NULL)
		k->run(f);
	return 1;
}

static void
dispatch(struct frame *f, int key, int code)
{
	const struct screen *sc = current(f);

	f->message[0] = '\0';
	f->key = key;
	f->code = code;
	if (too_small()) {
		/* Nothing is shown: only quitting and locking work. */
		run_key(f, find_key(global_keys, NGLOBAL, key, code));
		return;
	}
	if (!run_key(f, find_key(sc->keys, sc->nkeys, key, code)) &&
	    !run_key(f, find_key(global_keys, NGLOBAL, key, code)) &&
	    !(ui_is_typed(key, code) && run_key(f, find_key(sc->keys,
	    sc->nkeys, UI_TYPED, 0))))
		ui_say(f, 0, _("That key does nothing here: ^G shows the "
		    "keys."));
	f->nheld = 0;
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

static void
start_curses(struct frame *f)
{
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
		f->colour = 1;
	}
}

/* The PDF folder stays writable (without a printer, a PDF is how notes
 * reach paper), and so do the folders USB keys are mounted in, where ^B
 * writes a backup: a key plugged in later is beneath them. */
static int
confine(struct frame *f)
{
	const char *targets[8], *grant;
	size_t n = 0, i;

	/* Never the home folder (conf_holds_home()). */
	if (f->pdf_folder != NULL && util_is_folder(f->pdf_folder) &&
	    !conf_holds_home(f->pdf_folder))
		targets[n++] = f->pdf_folder;
	for (i = 0; f->drive_roots[i] != NULL && n < 7; i++)
		if ((grant = drives_grant(f->drive_roots[i])) != NULL)
			targets[n++] = grant;
	targets[n] = NULL;
	return sandbox_confine(f->path, targets, f->conf->print_command);
}

static void
opened(struct frame *f)
{
	size_t i;

	for (i = 0; i < SCREEN_COUNT && f->st != NULL; i++)
		if (ui_screens[i]->opened != NULL)
			ui_screens[i]->opened(f);
	f->nheld = 0;
}

static void
loop(struct frame *f)
{
	const struct screen *sc;
	double pressed = 0;
	int key, code, r;

	while (!f->quit && !stop_signal) {
		draw(f);
		/* Between keys, not while one waits: a search over a large
		 * notebook takes milliseconds, and the letters typed
		 * meanwhile must show at once. */
		sc = current(f);
		if (sc->pending != NULL && sc->pending(f) && !key_waiting()) {
			sc->catch_up(f);
			draw(f);
			if (bench != NULL)
				fprintf(bench, "search_results\t%.3f\n",
				    ui_clock() - pressed);
		}
		r = wait_key(f, &key, &code);
		if (r == -1)
			break;
		if (r == 0 || (code && key == KEY_RESIZE))
			continue;
		pressed = key_read_at;
		dispatch(f, key, code);
		if (f->lock_pending) {
			f->lock_pending = 0;
			lock(f);
		}
		if (f->passwd_pending) {
			f->passwd_pending = 0;
			change_passphrase(f);
		}
		if (bench != NULL) {
			draw(f);
			fprintf(bench, "keystroke\t%.3f\n", ui_clock() -
			    key_read_at);
			fflush(bench);
		}
	}
}

/* The documents folder was made for the PDFs: said after what unlocking
 * said (copies left behind removed), not instead. */
static void
made_said(struct frame *f)
{
	char made[UTIL_MESSAGE_MAX];
	size_t len = strlen(f->message);

	snprintf(made, sizeof(made), _("The folder %s was made: PDFs saved "
	    "without a printer go there."), f->pdf_folder);
	if (len == 0)
		ui_say(f, 0, "%s", made);
	else
		snprintf(f->message + len, sizeof(f->message) - len, " %s",
		    made);
}

int
ui_run(const char *path, const struct conf *conf, long lock_seconds)
{
	struct frame f;
	struct sigaction sa;
	int made;

	memset(&f, 0, sizeof(f));
	f.path = path;
	f.conf = conf;
	ui_place_start(&f.place);
	f.screens = ui_screens;
	f.global_keys = global_keys;
	f.nglobal_keys = NGLOBAL;
	f.wait_key = wait_key;
	f.repaint = repaint;
	f.interrupted = interrupted;
	f.pdf_folder = conf_pdf_folder(conf, 1, &made);
	f.discreet = conf->discreet != 0;
	f.drive_roots = drives_roots(conf->drives);
	lock_after = lock_seconds;

	/* Without SA_RESTART, a signal wakes get_wch(): the loop then
	 * closes the notebook properly. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	start_curses(&f);
	last_key = time(NULL);
	if (getenv("CARNET_BENCH") != NULL)
		bench = fopen(getenv("CARNET_BENCH"), "ae");
	if (ui_unlock(&f, 0) == 0) {
		if (made)
			made_said(&f);
		if (conf->sandbox && confine(&f) == -1)
			ui_say(&f, 1, "%s", _("The sandbox could not be set "
			    "up: carnet runs unconfined."));
		ui_spelling_begin(&f);
		draw(&f);
		if (bench != NULL)
			fprintf(bench, "unlock_to_list\t%.3f\n", ui_clock() -
			    f.unlock_pressed);
		opened(&f);
		loop(&f);
	}
	if (bench != NULL)
		fclose(bench);
	/* A signal or a quit while writing: the text stays as a draft. */
	forget(&f);
	ui_spelling_stop();
	store_close(f.st);
	free(f.pdf_folder);
	drives_roots_free(f.drive_roots);
	fputs("\033[?2004l", stdout);
	erase();
	refresh();
	endwin();
	return EXIT_OK;
}

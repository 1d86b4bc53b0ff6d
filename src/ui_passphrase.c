/*
 * ui_passphrase.c - the passphrase asked on a page of its own, with
 * nothing of the notebook on screen: to open it, after a lock, on the
 * first start, and while it is changed.  What is typed goes straight from
 * the keyboard into a locked, wiped secret, is never echoed (a marker
 * says keys arrive, never how many), and is held: a lock meanwhile wipes
 * it.  The keys are waited for through the frame, so the lock key and the
 * idle lock work here as everywhere.
 */
#include <curses.h>
#include <limits.h>
#include <string.h>
#include <wchar.h>

#include "screen.h"
#include "secret.h"
#include "util.h"


/* The passphrase being typed, and what the last key decided: the key
 * table's handlers work on these. */
static struct secret *typing;
static int answer;		/* 1 Enter, 0 quit, -1 go on */
/* What Enter does, as the bar says it: "Open", or "Create" on the first
 * start, "Go on" while the passphrase is changed. */
static const char *enter_does;
/* The first start offers to take a notebook back from a backup (^R). */
static int restore_offered;

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
take_back(struct frame *f)
{
	(void)f;
	answer = UI_RESTORE;
}

static int
offering_restore(const struct frame *f)
{
	(void)f;
	return restore_offered;
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
	{ .key = UI_CTRL('r'), .label = "^R",
	    .text = N_("Restore"), .run = take_back, .bar = 1,
	    .now = offering_restore },
	{ .key = UI_CTRL('u'), .label = "^U",
	    .text = N_("Erase what was typed"), .run = erase_all },
	{ .key = KEY_BACKSPACE, .code = 1, .label = N_("Backspace"),
	    .text = N_("Erase a character"), .run = erase_one },
	{ .key = UI_TYPED, .label = N_("letters"),
	    .text = N_("The passphrase, never shown"), .run = add },
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

/* Not a screen the frame opens: a page over everything, asked by name
 * (ui_ask_passphrase()); its keys are listed in the help. */
const struct screen ui_passphrase_page = {
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

/* A line of a page wraps over this many rows at most. */
#define LINE_ROWS_MAX	4

/* The page: a few centred lines, then the prompt at row *Y. */
static void
page(struct frame *f, const char *heading, const char *const *lines,
    const char *message, const char *prompt, int *y, int bar)
{
	size_t starts[LINE_ROWS_MAX + 1], k, len;
	const char *text;
	int row = LINES / 2 - 4, i, w, x, r, rows, total = 0;

	erase();
	ui_title(f, heading, NULL);
	/* Each line centred, wrapped when it is wider than the screen (a
	 * sentence in French at 80 columns): the page starts higher so that
	 * the prompt stays above the bar. */
	for (i = 0; lines[i] != NULL; i++)
		total += lines[i][0] == '\0' ? 1 : ui_wrap(lines[i], COLS - 4,
		    starts, LINE_ROWS_MAX);
	if (row + total + 3 > LINES - 3 - (message != NULL &&
	    message[0] != '\0' ? 3 : 0))
		row = LINES - 3 - 3 - total - (message != NULL &&
		    message[0] != '\0' ? 3 : 0);
	if (row < 2)
		row = 2;
	for (i = 0; lines[i] != NULL; i++) {
		if (lines[i][0] == '\0') {
			row++;
			continue;
		}
		rows = ui_wrap(lines[i], COLS - 4, starts, LINE_ROWS_MAX);
		for (r = 0; r < rows; r++, row++) {
			len = starts[r + 1] - starts[r];
			while (len > 0 && lines[i][starts[r] + len - 1] == ' ')
				len--;
			w = util_width(lines[i] + starts[r], len);
			ui_text(row, w < COLS ? (COLS - w) / 2 : 0, COLS,
			    lines[i] + starts[r], len, i == 0 ? A_BOLD :
			    A_NORMAL);
		}
	}
	/* A long message (a file that cannot be opened, why a change was
	 * given up) wraps, and the prompt goes below it. */
	if (message != NULL && message[0] != '\0') {
		/* Said as a sentence, with its capital, as ui_say() says
		 * messages ("La phrase de passe est trop courte"). */
		char said[UTIL_MESSAGE_MAX];

		snprintf(said, sizeof(said), "%s", message);
		ui_capital(said);
		row += ui_paragraph(row + 1, 2, COLS - 4, said, 3, A_BOLD) - 1;
		explicit_bzero(said, sizeof(said));
	}
	*y = row + 3;
	ui_text(*y, 2, COLS - 4, prompt, strlen(prompt), A_NORMAL);
	/* Only this screen's keys in the bar: it has no global ones.  Each
	 * entry as wide as it is, two spaces between ("Entrée Continuer  ^Q
	 * Abandonner"); while the passphrase is changed (Enter goes on),
	 * ^Q gives the change up: it quits nothing. */
	for (k = 0, x = 0; bar && k < NKEYS; k++) {
		if (!keys[k].bar || (keys[k].now != NULL && !keys[k].now(f)))
			continue;
		text = keys[k].key == '\r' && enter_does != NULL ?
		    _(enter_does) : keys[k].run == give_up && enter_does !=
		    NULL && strcmp(enter_does, N_("Go on")) == 0 ?
		    _("Give up") : _(keys[k].text);
		x += ui_text(LINES - 2, x, COLS - x, _(keys[k].label),
		    strlen(_(keys[k].label)), A_REVERSE);
		x += 1 + ui_text(LINES - 2, x + 1, COLS - x - 1, text,
		    strlen(text), A_NORMAL) + 2;
	}
	marker_y = *y;
	marker_x = 2 + util_width(prompt, strlen(prompt)) + 1;
	show_received();
	curs_set(1);
	refresh();
}

/* What read_hidden() returns besides ui_ask_passphrase()'s answers. */
#define RESIZED		2

/*
 * Read a passphrase without echo into PASS, through the frame's wait, so
 * that the lock key and the idle lock work here too.  1 on Enter, 0 to
 * quit, RESIZED when the terminal was resized (redraw, then call again:
 * what was typed is kept), UI_LOCKED when it locked meanwhile: what was
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
			answer = r == 0 ? UI_LOCKED : 0;	/* or a signal */
			break;
		}
		if (f->code && f->key == KEY_RESIZE)
			break;
		for (k = 0; k < NKEYS; k++)
			if (((keys[k].key == f->key && keys[k].code == f->code) ||
			    (keys[k].key == UI_TYPED && ui_is_typed(f->key,
			    f->code))) && (keys[k].now == NULL ||
			    keys[k].now(f))) {
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
	if (answer == UI_LOCKED) {
		explicit_bzero(pass->bytes, pass->cap);
		pass->len = 0;
	}
	return answer == -1 ? RESIZED : answer;
}

/* Asked again by a lock while it waits (the ^W pages), the page keeps
 * what it was asking: the outer one gives up at once after. */
int
ui_ask_passphrase(struct frame *f, const char *heading,
    const char *const *lines, const char *message, const char *prompt,
    const char *enter, struct secret *pass)
{
	struct secret *outer_typing = typing;
	const char *outer_enter = enter_does;
	int outer_answer = answer, y, r;

	pass->len = 0;
	typing = pass;
	enter_does = enter;
	ui_hold(f, pass->bytes, pass->cap);
	do {
		page(f, heading, lines, message, prompt, &y, 1);
	} while ((r = read_hidden(f, pass)) == RESIZED);
	ui_unhold(f, pass->bytes);
	curs_set(0);
	typing = outer_typing;
	enter_does = outer_enter;
	answer = outer_answer;
	return r;
}

int
ui_ask_first_passphrase(struct frame *f, const char *heading,
    const char *const *lines, const char *message, const char *prompt,
    const char *enter, struct secret *pass)
{
	int r;

	restore_offered = 1;
	r = ui_ask_passphrase(f, heading, lines, message, prompt, enter, pass);
	restore_offered = 0;
	return r;
}

void
ui_show_page(struct frame *f, const char *heading, const char *const *lines)
{
	int y;

	page(f, heading, lines, NULL, "", &y, 1);
	curs_set(0);
	refresh();
}

void
ui_show_text(struct frame *f, const char *heading, const char *const *lines)
{
	int y;

	page(f, heading, lines, NULL, "", &y, 0);
	curs_set(0);
}

void
ui_busy_page(struct frame *f, const char *heading, const char *what,
    const char *more)
{
	const char *lines[] = { what, more, NULL };
	int y;

	page(f, heading, lines, NULL, "", &y, 0);
	curs_set(0);
	refresh();
}

/*
 * ui_help.c - every key, screen by screen, in the UI's language, made from
 * the same tables the frame dispatches with, so the two cannot disagree.
 */
#include <curses.h>
#include <string.h>

#include "screen.h"
#include "util.h"

/* The labels' column, how far the help is scrolled, and whether it was
 * brought to the keys of the screen it was opened from. */
#define LABEL_COLS	16
static size_t top;
static int placed;

static void
leave(struct frame *f)
{
	ui_close(f);
	top = 0;
	placed = 0;
}

static const struct ui_key help_keys[] = {
	{ .key = UI_ESC, .label = N_("Esc"), .text = N_("Back"),
	    .run = leave, .bar = 1 },
	{ .key = KEY_LEFT, .code = 1, .label = "←", .text = N_("Back"),
	    .run = leave },
	{ .key = 'q', .label = "q", .text = N_("Back"), .run = leave },
	UI_ARROW_ROWS,
	UI_LETTER_ROWS,
};

/* What the screens show besides words, said once, before the keys. */
static const struct {
	const char	*mark, *meaning;
} marks[] = {
	{ "^", N_("the Ctrl key: ^X is Ctrl and X together") },
	{ ">", N_("the line chosen (the arrows move it)") },
	{ "P", N_("a note already on paper") },
	{ N_("(closed)"), N_("a dossier closed (^T in the list shows them)") },
	{ "[…]", N_("what a search found") },
	{ N_("no. 12"), N_("a dossier's number: two people of one name, or "
	    "the discreet list") },
};
#define NMARKS	(sizeof(marks) / sizeof(marks[0]))

/* Has an earlier row of KEYS the text of row I? */
static int
said(const struct ui_key *keys, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (strcmp(keys[j].text, keys[i].text) == 0)
			return 1;
	return 0;
}

/* An entry's text wraps over this many rows at most. */
#define ENTRY_ROWS_MAX	4

/* The text of an entry from row Y on, as many of its rows as fall in
 * the body: the rows it takes. */
static int
entry_text(const char *text, int y, int draw)
{
	size_t starts[ENTRY_ROWS_MAX + 1];
	int rows = ui_wrap(text, COLS - LABEL_COLS - 5, starts,
	    ENTRY_ROWS_MAX), r;

	for (r = 0; draw && r < rows; r++)
		if (y + r >= ui_body_top() && y + r < ui_body_top() +
		    ui_body_rows())
			ui_text(y + r, 4 + LABEL_COLS, COLS - LABEL_COLS - 5,
			    text + starts[r], starts[r + 1] - starts[r],
			    A_NORMAL);
	return rows;
}

/* One entry per action, however many keys do it: the labels of every
 * row with the text of row I, then the text, wrapped; the rows it
 * takes. */
static int
action(const struct ui_key *keys, size_t n, size_t i, int y, int draw)
{
	const char *label;
	size_t j;
	int x = 3;

	for (j = i; draw && y >= ui_body_top() && y < ui_body_top() +
	    ui_body_rows() && j < n; j++) {
		if (strcmp(keys[j].text, keys[i].text) != 0)
			continue;
		label = _(keys[j].label);
		if (x > 3)
			x += 1;
		x += ui_text(y, x, 3 + LABEL_COLS - x, label, strlen(label),
		    A_REVERSE);
	}
	return entry_text(_(keys[i].text), y, draw);
}

/* Draw (DRAW 1) or count the help's lines from line FIRST on; *AT, when
 * not NULL, receives the line where screen WANTED's keys begin. */
static int
lines(const struct frame *f, int first, int draw, enum screen_id wanted,
    int *at)
{
	const struct ui_key *keys;
	const char *title = _("What the screens show");
	size_t s, i, n;
	int line = 0, y;

	y = ui_body_top() + line - first;
	if (draw && y >= ui_body_top() && y < ui_body_top() + ui_body_rows())
		ui_text(y, 1, COLS - 2, title, strlen(title), A_BOLD);
	line++;
	for (i = 0; i < NMARKS; i++) {
		y = ui_body_top() + line - first;
		if (draw && y >= ui_body_top() && y < ui_body_top() +
		    ui_body_rows())
			ui_text(y, 3, LABEL_COLS, _(marks[i].mark),
			    strlen(_(marks[i].mark)), A_BOLD);
		line += entry_text(_(marks[i].meaning), y, draw);
	}
	line++;

	/* The keys everywhere, each screen's, then the passphrase's page,
	 * which is not a screen. */
	for (s = 0; s <= SCREEN_COUNT + 1; s++) {
		if (s == 0) {
			title = N_("Everywhere");
			keys = f->global_keys;
			n = f->nglobal_keys;
		} else if (s <= SCREEN_COUNT) {
			title = f->screens[s - 1]->name;
			keys = f->screens[s - 1]->keys;
			n = f->screens[s - 1]->nkeys;
		} else {
			title = ui_passphrase_page.name;
			keys = ui_passphrase_page.keys;
			n = ui_passphrase_page.nkeys;
		}
		if (at != NULL && s > 0 && s <= SCREEN_COUNT &&
		    f->screens[s - 1] == f->screens[wanted])
			*at = line;
		y = ui_body_top() + line - first;
		if (draw && y >= ui_body_top() && y < ui_body_top() +
		    ui_body_rows())
			ui_text(y, 1, COLS - 2, _(title), strlen(_(title)),
			    A_BOLD);
		line++;
		for (i = 0; i < n; i++) {
			if (said(keys, i))
				continue;
			y = ui_body_top() + line - first;
			line += action(keys, n, i, y, draw);
		}
		line++;
	}
	return line;
}

static size_t
last_top(const struct frame *f)
{
	int total = lines(f, 0, 0, SCREEN_HELP, NULL);

	return total > ui_body_rows() ? (size_t)(total - ui_body_rows()) : 0;
}

/* Opened from a screen, the help starts at that screen's keys: the ones
 * its bar had no room for are the first shown. */
static void
draw(struct frame *f)
{
	int at = 0, rows = ui_body_rows(), total, pages, page;
	size_t last;
	char where[128];

	/* One count gives the length and where the screen's keys begin. */
	total = lines(f, 0, 0, ui_under(f)->screen, &at);
	last = total > rows ? (size_t)(total - rows) : 0;
	if (!placed) {
		top = (size_t)at;
		placed = 1;
	}
	if (top > last)
		top = last;
	/* Where one is in it: it scrolls (the last page may start less
	 * than a page after the one before). */
	pages = (total + rows - 1) / rows;
	page = top >= last ? pages : (int)top / rows + 1;
	/* The way on is said where there is one: down, then back up. */
	if (page < pages)
		snprintf(where, sizeof(where), _("Help: every key (%d/%d, ↓ "
		    "and PgDn scroll)"), page, pages);
	else if (pages > 1)
		snprintf(where, sizeof(where), _("Help: every key (%d/%d, ↑ "
		    "and PgUp go back)"), page, pages);
	else
		snprintf(where, sizeof(where), "%s", _("Help: every key"));
	ui_title(f, where, NULL);
	lines(f, (int)top, 1, SCREEN_HELP, NULL);
	move(ui_body_top(), 1);
	curs_set(1);
}

static void
move_help(struct frame *f, enum ui_move m)
{
	size_t last = last_top(f);

	ui_list_move(&top, last + 1, (size_t)ui_body_rows(), m);
}

const struct screen screen_help = {
	.name = N_("Help"),
	UI_KEYS(help_keys),
	.transient = 1,
	.draw = draw,
	.step = move_help,
};

/*
 * ui_widgets.c - what every screen draws with: text that never sends a
 * control to the terminal, the title, the message line, lists that move,
 * and the questions asked at the bottom.  Nothing here knows a screen.
 */
#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <unicase.h>
#include <unistr.h>

#include "prompt.h"
#include "screen.h"
#include "util.h"

/* The title row, then the body, the message row and the two bar rows. */
#define TITLE_ROWS	1
#define MESSAGE_ROWS	1
#define BAR_ROWS	2
/* Where the title's "where" starts: after "carnet — ". */
#define TITLE_WHERE	10

double
ui_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int
ui_body_top(void)
{
	return TITLE_ROWS;
}

int
ui_body_rows(void)
{
	return LINES - TITLE_ROWS - MESSAGE_ROWS - BAR_ROWS;
}

/* Control characters (a note may hold any) are shown as '?', never sent
 * to the terminal; wide characters take two columns. */
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
		n = util_char(s + i, len - i, &mb, &wc, &w);
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
ui_bar_attr(const struct frame *f)
{
	return f->colour ? COLOR_PAIR(1) | A_BOLD : A_REVERSE;
}

int
ui_fit_text(int y, int x, int width, const char *s, int attr)
{
	return ui_fit_len(y, x, width, s, strlen(s), attr);
}

int
ui_fit_len(int y, int x, int width, const char *s, size_t len, int attr)
{
	size_t fit;
	int used;

	if (width <= 0)
		return 0;
	fit = util_fit(s, len, width, &used);
	ui_text(y, x, width, s, fit, attr);
	if (fit < len)
		used += ui_text(y, x + used, 1, "…", strlen("…"), attr);
	return used;
}

int
ui_title_room(const char *right)
{
	return COLS - TITLE_WHERE - 1 - (right != NULL ?
	    util_width(right, strlen(right)) + 2 : 0);
}

void
ui_title(struct frame *f, const char *where, const char *right)
{
	const char *name = "carnet", *dash = " — ", *more = "…";
	int room = ui_title_room(right), rw, used;
	size_t fit;

	move(0, 0);
	attron(ui_bar_attr(f));
	hline(' ', COLS);
	attroff(ui_bar_attr(f));
	ui_text(0, 1, COLS - 2, name, strlen(name), ui_bar_attr(f));
	if (right != NULL) {
		rw = util_width(right, strlen(right));
		ui_text(0, COLS - rw - 1, rw, right, strlen(right),
		    ui_bar_attr(f));
	}
	if (where == NULL || room <= 1)
		return;
	ui_text(0, TITLE_WHERE - 3, 3, dash, strlen(dash), ui_bar_attr(f));
	fit = util_fit(where, strlen(where), room, &used);
	ui_text(0, TITLE_WHERE, room, where, fit, ui_bar_attr(f));
	if (fit < strlen(where))
		ui_text(0, TITLE_WHERE + used, 1, more, strlen(more),
		    ui_bar_attr(f));
}

/* The character of N bytes at S in capitals, into UPPER (SIZE bytes):
 * its length, or 0 when it does not fit (a capital may be longer). */
static size_t
upper_char(const char *s, size_t n, uint8_t *upper, size_t size)
{
	size_t len = size;
	uint8_t *got = u8_toupper((const uint8_t *)s, n, NULL, NULL, upper,
	    &len);

	if (got != NULL && got != upper) {
		free(got);	/* too long for UPPER */
		return 0;
	}
	return got != NULL ? len : 0;
}

/* Each word's first letter, in capitals, then a full stop: "Jean-Marc
 * Dupont" is "J.-M. D.". */
static void
initials(const char *name, char *buf, size_t size)
{
	size_t o = 0, len = strlen(name), i, n, upper_len;
	uint8_t upper[16];
	int start = 1, m;

	for (i = 0; i < len; i += n) {
		m = u8_mblen((const uint8_t *)name + i, len - i);
		n = m > 0 ? (size_t)m : 1;
		if (name[i] == ' ' || name[i] == '-') {
			if ((name[i] == '-' || !start) && o + 1 < size)
				buf[o++] = name[i];
			start = 1;
			continue;
		}
		if (!start)
			continue;
		start = 0;
		upper_len = upper_char(name + i, n, upper, sizeof(upper));
		if (upper_len > 0 && o + upper_len + 2 < size) {
			memcpy(buf + o, upper, upper_len);
			o += upper_len;
			buf[o++] = '.';
		}
	}
	while (o > 0 && (buf[o - 1] == ' ' || buf[o - 1] == '-'))
		o--;
	buf[o] = '\0';
}

const char *
ui_shown_name(const struct frame *f, long long id, const char *name,
    char *buf, size_t size)
{
	char letters[64];

	if (!f->discreet)
		return name;
	initials(name, letters, sizeof(letters));
	snprintf(buf, size, _("%s — no. %lld"), letters, id);
	return buf;
}

/* The row ui_highlight() drew in this drawing, for ui_follow_selection(). */
static int highlighted = -1;

void
ui_highlight(int y)
{
	move(y, 0);
	attron(A_REVERSE);
	hline(' ', COLS);
	/* In text too, not by the attribute alone: NO_COLOR, a monochrome
	 * terminal and a braille line see it. */
	mvaddch(y, 0, '>');
	attroff(A_REVERSE);
	highlighted = y;
}

void
ui_follow_selection(void)
{
	if (highlighted >= 0) {
		move(highlighted, 1);
		curs_set(1);
	}
	highlighted = -1;
}

static void	full_stop(char *, size_t);

void
ui_say(struct frame *f, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
	ui_capital(f->message);
	full_stop(f->message, sizeof(f->message));
	f->message_error = error;
}

/* A message ends as a sentence does: the store's do not (the command
 * line puts them after "carnet: "). */
static void
full_stop(char *s, size_t size)
{
	size_t len = strlen(s);
	char last;

	if (len == 0 || len + 2 > size)
		return;
	last = s[len - 1];
	if (last == '.' || last == '!' || last == '?' || last == ':' ||
	    last == ')' || last == ']' || (len >= 3 && strcmp(s + len - 3,
	    "…") == 0))
		return;
	s[len] = '.';
	s[len + 1] = '\0';
}

/* The store's and the command line's messages begin in lower case
 * ("carnet: there is…"); on a screen they are sentences. */
void
ui_capital(char *s)
{
	uint8_t upper[16];
	int n;

	if (s[0] == '\0')
		return;
	n = u8_mblen((const uint8_t *)s, strnlen(s, 4));
	/* In place only when the capital is as long as the letter. */
	if (n > 0 && upper_char(s, (size_t)n, upper, sizeof(upper)) ==
	    (size_t)n)
		memcpy(s, upper, (size_t)n);
}

/* Ctrl-arrows have no fixed curses code: found by name once. */
static int word_left = -1, word_right = -1;

static void
find_keys(void)
{
	const char *name;
	int c;

	word_left = word_right = 0;
	for (c = KEY_MAX; c < KEY_MAX + 512; c++) {
		if ((name = keyname(c)) == NULL)
			continue;
		if (strcmp(name, "kLFT5") == 0 || strcmp(name, "kLFT3") == 0)
			word_left = word_left ? word_left : c;
		if (strcmp(name, "kRIT5") == 0 || strcmp(name, "kRIT3") == 0)
			word_right = word_right ? word_right : c;
	}
	define_key("\033[200~", UI_PASTE);
	define_key("\033[201~", UI_PASTE_END);
}

int
ui_read_key(int timeout_ms, int *key, int *code)
{
	wint_t wc;
	int rc;

	if (word_left == -1)
		find_keys();
	timeout(timeout_ms);
	rc = get_wch(&wc);
	if (rc == ERR)
		return timeout_ms < 0 ? -1 : 0;
	*key = (int)wc;
	*code = rc == KEY_CODE_YES;
	wc = 0;
	/* One code for each key that has several. */
	if (!*code && (*key == 127 || *key == 8))
		*key = KEY_BACKSPACE, *code = 1;
	else if (*code && *key == KEY_ENTER)
		*key = '\r', *code = 0;
	else if (!*code && *key == '\n')
		*key = '\r';
	else if (*code && *key != 0 && *key == word_left)
		*key = UI_WORD_LEFT;
	else if (*code && *key != 0 && *key == word_right)
		*key = UI_WORD_RIGHT;
	return 1;
}

int
ui_is_typed(int key, int code)
{
	return !code && key > 0 && !iswcntrl((wint_t)key);
}

int
ui_line_key(char *buf, size_t size, int key, int code)
{
	char bytes[MB_LEN_MAX];
	mbstate_t mb;
	size_t len = strlen(buf), n;

	if (code && key == KEY_BACKSPACE) {
		while (len > 0 && ((unsigned char)buf[--len] & 0xc0) == 0x80)
			;
		buf[len] = '\0';
		return 1;
	}
	/* The whole line, as on a shell's prompt and the passphrase page
	 * (renaming once gave "martin dupontMartin Dupont"). */
	if (!code && key == UI_CTRL('u')) {
		explicit_bzero(buf, size);
		return 1;
	}
	if (!ui_is_typed(key, code))
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

static int
question_row(void)
{
	return LINES - BAR_ROWS - MESSAGE_ROWS;
}

void
ui_show_now(const char *what)
{
	move(question_row(), 0);
	clrtoeol();
	ui_text(question_row(), 0, COLS, what, strlen(what), A_BOLD);
	refresh();
}

void
ui_hold(struct frame *f, void *p, size_t len)
{
	if (f->nheld == UI_HELD_MAX)
		util_die(EXIT_ERROR, "ui_hold: more than %d", UI_HELD_MAX);
	f->held[f->nheld].p = p;
	f->held[f->nheld].len = len;
	f->nheld++;
}

void
ui_unhold(struct frame *f, const void *p)
{
	size_t i;

	for (i = 0; i < f->nheld; i++)
		if (f->held[i].p == p) {
			f->held[i] = f->held[--f->nheld];
			return;
		}
}

/* At most this many rows for a question, above the bar. */
#define QUESTION_ROWS_MAX	8
/* What an answer is given at least, beside the question's last row. */
#define ANSWER_COLS_MIN		20

/*
 * Where TEXT breaks into rows of at most WIDTH columns, at spaces where
 * it can: the byte each row starts at in STARTS (at most MAX rows), with
 * STARTS[n] the end.  Returns the number of rows.
 */
int
ui_wrap(const char *text, int width, size_t *starts, int max)
{
	size_t len = strlen(text), i = 0, space = 0, n;
	mbstate_t mb;
	wchar_t wc;
	int rows = 0, used = 0, w;

	memset(&mb, 0, sizeof(mb));
	starts[0] = 0;
	while (i < len && rows < max) {
		n = util_char(text + i, len - i, &mb, &wc, &w);
		if (used + w > width && i > starts[rows]) {
			/* Break after the last space, else here. */
			rows++;
			starts[rows] = space > starts[rows - 1] ? space : i;
			i = starts[rows];
			used = 0;
			space = 0;
			memset(&mb, 0, sizeof(mb));
			continue;
		}
		used += w;
		i += n;
		if (wc == L' ')
			space = i;
	}
	/* The row being filled ends the text; at MAX rows the rest is
	 * left out. */
	if (rows < max)
		starts[++rows] = len;
	return rows;
}

/* A paragraph's rows at most (ui_paragraph()). */
#define PARAGRAPH_ROWS_MAX	8
/* The message line's rows at most, as a question's: a message naming a
 * long name and a file takes what it needs; longer, it ends in "…". */
#define MESSAGE_ROWS_MAX	8

int
ui_paragraph(int y, int x, int width, const char *text, int max_rows,
    int attr)
{
	size_t starts[PARAGRAPH_ROWS_MAX + 1];
	int rows, i;

	if (max_rows > PARAGRAPH_ROWS_MAX)
		max_rows = PARAGRAPH_ROWS_MAX;
	if (max_rows < 1 || width < 1)
		return 0;
	rows = ui_wrap(text, width, starts, max_rows);
	for (i = 0; i < rows; i++)
		ui_text(y + i, x, width, text + starts[i], starts[i + 1] -
		    starts[i], attr);
	return rows;
}

void
ui_message(const char *message, int attr)
{
	size_t starts[MESSAGE_ROWS_MAX + 1];
	int rows, i, y, max = LINES - BAR_ROWS - 1;

	if (max > MESSAGE_ROWS_MAX)
		max = MESSAGE_ROWS_MAX;
	if (max < 1)
		return;
	rows = ui_wrap(message, COLS - 1, starts, max);
	y = LINES - BAR_ROWS - rows;
	for (i = 0; i < rows; i++) {
		move(y + i, 0);
		clrtoeol();
		/* Cut at the last row: said with "…". */
		if (i == rows - 1 && starts[rows] < strlen(message))
			ui_fit_len(y + i, 0, COLS - 1, message + starts[i],
			    strlen(message) - starts[i], attr);
		else
			ui_text(y + i, 0, COLS, message + starts[i],
			    starts[i + 1] - starts[i], attr);
	}
}

/*
 * Draw QUESTION over as many rows as it needs above the bar, so that its
 * answer keys are always on screen, and ANSWER (when not NULL) after it,
 * the end of a long answer in view.  Leaves the cursor after the answer.
 */
static void
draw_question(const char *question, const char *answer)
{
	size_t starts[QUESTION_ROWS_MAX + 1], len, n = 0;
	int rows, top, i, x = 0, y, room;

	rows = ui_wrap(question, COLS - 1, starts, QUESTION_ROWS_MAX);
	room = COLS - 1 - util_width(question + starts[rows - 1],
	    starts[rows] - starts[rows - 1]) - 1;
	/* A long answer, or a question filling its last row: the answer
	 * takes a row of its own. */
	if (answer != NULL && room < ANSWER_COLS_MIN && rows <
	    QUESTION_ROWS_MAX)
		rows++, starts[rows] = starts[rows - 1], room = COLS - 1;
	top = question_row() - rows + 1;
	if (top < ui_body_top())
		top = ui_body_top();
	for (i = 0, y = top; i < rows; i++, y++) {
		move(y, 0);
		clrtoeol();
		x = ui_text(y, 0, COLS - 1, question + starts[i], starts[i + 1] -
		    starts[i], A_BOLD);
	}
	y--;
	/* The cursor where the answer goes: a screen reader reads from
	 * there. */
	if (answer == NULL) {
		move(y, x + 1 < COLS ? x + 1 : COLS - 1);
		return;
	}
	x = x > 0 ? x + 1 : 0;
	len = strlen(answer);
	/* The end of a long answer stays in view. */
	while (util_width(answer + n, len - n) > COLS - x - 1)
		n++;
	while (n < len && ((unsigned char)answer[n] & 0xc0) == 0x80)
		n++;
	x += ui_text(y, x, COLS - x - 1, answer + n, len - n, A_NORMAL);
	move(y, x);
}

int
ui_ask(struct frame *f, const char *question, char *buf, size_t size)
{
	int key, code, r;

	ui_hold(f, buf, size);
	curs_set(1);
	for (r = 1;;) {
		f->repaint(f);
		draw_question(question, buf);
		refresh();
		if ((r = f->wait_key(f, &key, &code)) != 1) {
			r = r == 0 ? -1 : 0;
			break;
		}
		if (code && key == KEY_RESIZE)
			continue;
		if (!code && key == '\r')
			break;
		if (!code && (key == UI_ESC || key == UI_CTRL('c') ||
		    key == UI_CTRL('q'))) {
			r = 0;
			break;
		}
		ui_line_key(buf, size, key, code);
	}
	curs_set(0);
	ui_unhold(f, buf);
	return r;
}

static int
yes_no(struct frame *f, const char *question, int other)
{
	char answer[2];
	int key, code;

	for (;;) {
		f->repaint(f);
		draw_question(question, NULL);
		refresh();
		if (f->wait_key(f, &key, &code) != 1)
			return -1;
		if (code || key >= 128)
			continue;
		if (key == UI_ESC)
			return -1;
		if (other != 0 && key == other)
			return 2;
		answer[0] = (char)key;
		answer[1] = '\0';
		if (prompt_is_yes(answer))
			return 1;
		if (prompt_is_no(answer))
			return 0;
	}
}

int
ui_choose(struct frame *f, const char *question, const char *keys)
{
	int key, code;

	curs_set(1);
	for (;;) {
		f->repaint(f);
		draw_question(question, NULL);
		refresh();
		if (f->wait_key(f, &key, &code) != 1) {
			key = -1;
			break;
		}
		if (code || key >= 128 || key == 0)
			continue;
		if (key == UI_ESC) {
			key = 0;
			break;
		}
		if (strchr(keys, key) != NULL)
			break;
	}
	curs_set(0);
	return key;
}

int
ui_yes_no(struct frame *f, const char *question)
{
	int r;

	curs_set(1);
	r = yes_no(f, question, 0);
	curs_set(0);
	return r;
}

int
ui_yes_no_or(struct frame *f, const char *question, int other)
{
	int r;

	curs_set(1);
	r = yes_no(f, question, other);
	curs_set(0);
	return r;
}

void
ui_list_move(size_t *sel, size_t count, size_t page, enum ui_move m)
{
	size_t last = count ? count - 1 : 0;

	switch (m) {
	case UI_UP:
		*sel = *sel > 0 ? *sel - 1 : 0;
		break;
	case UI_DOWN:
		*sel = *sel < last ? *sel + 1 : last;
		break;
	case UI_PAGE_UP:
		*sel = *sel > page ? *sel - page : 0;
		break;
	case UI_PAGE_DOWN:
		*sel = *sel + page < last ? *sel + page : last;
		break;
	case UI_TOP:
		*sel = 0;
		break;
	case UI_BOTTOM:
		*sel = last;
		break;
	case UI_NO_MOVE:
		break;
	}
}

void
ui_list_follow(size_t sel, size_t *top, size_t rows)
{
	if (sel < *top)
		*top = sel;
	if (rows > 0 && sel >= *top + rows)
		*top = sel - rows + 1;
}


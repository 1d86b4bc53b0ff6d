/*
 * ui_search.c - search every note and every dossier's name as the words
 * are typed, accents and case ignored; the last word counts as a prefix.
 * Each hit shows its dossier, its date and an extract with the matches in
 * bold; Enter goes to the note.
 */
#include <curses.h>
#include <malloc.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "ui.h"
#include "util.h"

static void go(struct ui *);
static void leave(struct ui *);

const struct ui_key ui_search_keys[] = {
	{ '\r', 0, N_("Enter"), N_("Go to the note"), go, 1 },
	{ KEY_ENTER, 1, N_("Enter"), N_("Go to the note"), go, 0 },
	{ UI_ESC, 0, N_("Esc"), N_("Back"), leave, 1 },
	{ KEY_UP, 1, "↑ ↓", N_("Choose a result"), NULL, 0 },
	{ 0, 0, N_("letters"), N_("The words to find"), NULL, 0 },
};
const size_t ui_nsearch_keys = sizeof(ui_search_keys) /
    sizeof(ui_search_keys[0]);

static void
forget_hits(struct ui *ui)
{
	store_hits_free(ui->hits, ui->nhits);
	ui->hits = NULL;
	ui->nhits = 0;
	ui->ssel = ui->stop = 0;
	ui->more_hits = 0;
}

/* Results shown at once, two lines each under the query. */
static size_t
visible_hits(void)
{
	int rows = (ui_body_rows() - 2) / 2;

	return rows < 1 ? 1 : (size_t)rows;
}

/* The query as typed, ready for the index: the last word is not finished
 * yet, and counts as a prefix once it has three letters (one or two would
 * match most of the index, and take a second on a large notebook). */
static char *
typed_query(const char *query)
{
	size_t len = strlen(query);
	const char *last = strrchr(query, ' ');

	last = last != NULL ? last + 1 : query;
	return xasprintf("%s%s", query, query[len - 1] == ' ' ||
	    query[len - 1] == '*' || util_utf8_length(last, strlen(last)) < 3 ?
	    "" : "*");
}

/*
 * Fetch the next screenful of results, older than those already there.
 * Only what is seen is fetched (a snippet costs more than finding the
 * note), so each key typed stays quick on a large notebook; moving down
 * fetches more.
 */
static void
fetch(struct ui *ui)
{
	struct hit *page;
	struct error err;
	long long before = 0;
	size_t n, notes = 0, i, want = visible_hits();
	char *q;

	if (ui->nhits > 0 && (before = ui->hits[ui->nhits - 1].note) == 0)
		return;		/* only dossier names: no note matched */
	q = typed_query(ui->query);
	if (store_search(ui->st, q, before, want, "\1", "\2", &page, &n,
	    &err) == -1) {
		if (err.status != EXIT_USAGE)
			ui_say(ui, 1, "%s", err.text);
		n = 0;
		page = NULL;
	}
	explicit_bzero(q, strlen(q));
	free(q);
	for (i = 0; i < n; i++)
		notes += page[i].note != 0;
	ui->more_hits = notes == want;
	if (n == 0)
		return;
	ui->hits = xreallocarray(ui->hits, ui->nhits + n, sizeof(*page));
	memcpy(ui->hits + ui->nhits, page, n * sizeof(*page));
	ui->nhits += n;
	free(page);	/* the strings now belong to ui->hits */
}

int
ui_search_due(const struct ui *ui)
{
	return ui->screen == UI_SEARCH && !ui->searched;
}

void
ui_search_run(struct ui *ui)
{
	forget_hits(ui);
	ui->searched = 1;
	if (ui->query[0] != '\0')
		fetch(ui);
}

/* Typed ahead, then Enter or an arrow: they act on the last query. */
static void
catch_up(struct ui *ui)
{
	if (!ui->searched)
		ui_search_run(ui);
}

/* Searches use megabytes for a moment: once the screen is left they are
 * given back, so that the process stays small for the rest of the day
 * (not at each key: that costs a millisecond). */
static void
done_searching(struct ui *ui)
{
	curs_set(0);
	forget_hits(ui);
	ui->searched = 0;
	explicit_bzero(ui->query, sizeof(ui->query));
	malloc_trim(0);
}

/* An extract on one line, the matches (between \1 and \2) in bold. */
static void
snippet(int y, int x, int width, const char *s)
{
	const char *p = s, *end;
	int attr = A_NORMAL, used = 0;
	char *flat;
	size_t i;

	flat = xstrdup(s);
	for (i = 0; flat[i] != '\0'; i++)
		if (flat[i] == '\n' || flat[i] == '\r' || flat[i] == '\t')
			flat[i] = ' ';
	p = flat;
	move(y, x);
	while (*p != '\0' && used < width) {
		if (*p == '\1' || *p == '\2') {
			attr = *p == '\1' ? A_BOLD | A_UNDERLINE : A_NORMAL;
			p++;
			continue;
		}
		end = p + strcspn(p, "\1\2");
		used += ui_text(-1, 0, width - used, p, (size_t)(end - p), attr);
		p = end;
	}
	explicit_bzero(flat, strlen(flat));
	free(flat);
}

void
ui_search_draw(struct ui *ui)
{
	const char *prompt = _("Search:");
	const char *hint = _("Type a few words: accents and capitals do not "
	    "matter.");
	const char *none = _("Nothing found.");
	char date[64];
	struct hit *h;
	int y, x, per, rows;
	size_t i;

	/* The results drawn may be those of the query a key ago: the new
	 * ones come as soon as no key is waiting (ui_run). */
	ui_title(ui, _("Search"));
	ui_bar(ui, ui_search_keys, ui_nsearch_keys);
	y = ui_body_top();
	x = 1 + ui_text(y, 1, COLS - 2, prompt, strlen(prompt), A_BOLD) + 1;
	ui_text(y, x, COLS - x - 1, ui->query, strlen(ui->query), A_NORMAL);
	if (ui->query[0] == '\0')
		ui_text(y + 2, 2, COLS - 4, hint, strlen(hint), A_DIM);
	else if (ui->nhits == 0)
		ui_text(y + 2, 2, COLS - 4, none, strlen(none), A_NORMAL);
	per = 2;
	rows = (ui_body_rows() - 2) / per;
	if (rows < 1)
		rows = 1;
	if (ui->ssel < ui->stop)
		ui->stop = ui->ssel;
	if (ui->ssel >= ui->stop + (size_t)rows)
		ui->stop = ui->ssel - (size_t)rows + 1;
	for (i = ui->stop; i < ui->nhits && i < ui->stop + (size_t)rows; i++) {
		h = &ui->hits[i];
		y = ui_body_top() + 2 + (int)(i - ui->stop) * per;
		x = 1 + ui_text(y, 1, COLS / 2, h->name, strlen(h->name),
		    i == ui->ssel ? A_REVERSE | A_BOLD : A_BOLD);
		if (h->note == 0) {
			ui_text(y, x + 2, COLS - x - 3, _("(the dossier's name)"),
			    strlen(_("(the dossier's name)")), A_DIM);
			continue;
		}
		util_datetime(date, sizeof(date), h->created);
		ui_text(y, x + 2, COLS - x - 3, date, strlen(date), A_DIM);
		snippet(y + 1, 3, COLS - 4, h->snippet);
	}
	/* The cursor where typing goes. */
	move(ui_body_top(), x = 1 + ui_width(prompt, strlen(prompt)) + 1 +
	    ui_width(ui->query, strlen(ui->query)));
	curs_set(1);
}

static void
leave(struct ui *ui)
{
	done_searching(ui);
	ui->screen = ui->back;
}

static void
go(struct ui *ui)
{
	struct hit *h;

	catch_up(ui);
	if (ui->nhits == 0)
		return;
	h = &ui->hits[ui->ssel];
	if (ui->dossier != h->dossier) {
		ui->nsel = ui->ntop = 0;
		ui->dossier = h->dossier;
	}
	ui_reload_dossier(ui);
	ui->ltop = 0;
	if (h->note != 0) {
		ui->note = h->note;
		ui->screen = UI_NOTE;
	} else
		ui->screen = UI_DOSSIER;
	done_searching(ui);
}

int
ui_search_key(struct ui *ui, int key, int code)
{
	if (code && (key == KEY_UP || key == KEY_DOWN))
		catch_up(ui);
	if (code && key == KEY_UP) {
		if (ui->ssel > 0)
			ui->ssel--;
		return 1;
	}
	if (code && key == KEY_DOWN) {
		if (ui->ssel + 1 == ui->nhits && ui->more_hits)
			fetch(ui);
		if (ui->ssel + 1 < ui->nhits)
			ui->ssel++;
		return 1;
	}
	if (!ui_line_key(ui->query, sizeof(ui->query), key, code))
		return 0;
	ui->searched = 0;
	return 1;
}

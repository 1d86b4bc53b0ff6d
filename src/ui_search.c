/*
 * ui_search.c - search every note and every dossier's name as the words
 * are typed, accents and case ignored; the last word counts as a prefix.
 * Each hit shows its dossier, its date and an extract with the matches in
 * bold; Enter goes to the note.
 */
#include <curses.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "util.h"

/* Each result takes two rows, under the query and a blank row. */
#define HIT_ROWS	2
#define QUERY_ROWS	2
/* The matches in a snippet are between these (store_search()). */
#define MATCH_OPEN	"\1"
#define MATCH_CLOSE	"\2"

/* Everything here is content: forget() wipes it whole. */
static struct {
	char		 query[UI_LINE_MAX];
	struct hit	*hits;
	size_t		 count, sel, top;
	int		 more;		/* the last page was full */
	int		 searched;	/* the hits are the query's */
} content;

/* The arrows were the last keys: the cursor on the result chosen, for a
 * screen reader; typing brings it back to the query. */
static int reading;

static void
forget_hits(void)
{
	store_hits_free(content.hits, content.count);
	content.hits = NULL;
	content.count = content.sel = content.top = 0;
	content.more = 0;
	reading = 0;
}

/* Searches use megabytes for a moment: once the screen is left they are
 * given back, so that the process stays small for the rest of the day
 * (not at each key: that costs a millisecond). */
static void
forget(struct frame *f)
{
	(void)f;
	forget_hits();
	explicit_bzero(&content, sizeof(content));
	malloc_trim(0);
}

/* Results shown at once. */
static size_t
visible_hits(void)
{
	int rows = (ui_body_rows() - QUERY_ROWS) / HIT_ROWS;

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
	return wipe_asprintf("%s%s", query, query[len - 1] == ' ' ||
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
fetch(struct frame *f)
{
	struct hit *page;
	struct error err;
	long long before = 0;
	size_t n, notes = 0, i, want = visible_hits();
	char *q;

	if (content.count > 0 && (before = content.hits[content.count -
	    1].sort) == 0)
		return;		/* only dossier names: no note matched */
	q = typed_query(content.query);
	if (store_search(f->st, q, before, want, MATCH_OPEN, MATCH_CLOSE,
	    &page, &n, &err) == -1) {
		if (err.status != EXIT_USAGE)
			ui_say(f, 1, "%s", err.text);
		n = 0;
		page = NULL;
	}
	wipe_free(q);
	for (i = 0; i < n; i++)
		notes += page[i].note != 0;
	content.more = notes == want;
	if (n == 0)
		return;
	content.hits = xreallocarray(content.hits, content.count + n,
	    sizeof(*page));
	memcpy(content.hits + content.count, page, n * sizeof(*page));
	content.count += n;
	free(page);	/* the strings now belong to content.hits */
}

static int
pending(struct frame *f)
{
	(void)f;
	return !content.searched;
}

static void
catch_up(struct frame *f)
{
	forget_hits();
	content.searched = 1;
	if (content.query[0] != '\0')
		fetch(f);
}

/* An extract on one line, the matches in bold. */
static void
snippet(int y, int x, int width, const char *s)
{
	const char *p, *end;
	int attr = A_NORMAL, used = 0;
	char *flat;
	size_t i;

	flat = wipe_dup(s, strlen(s));
	for (i = 0; flat[i] != '\0'; i++)
		if (flat[i] == '\n' || flat[i] == '\r' || flat[i] == '\t')
			flat[i] = ' ';
	p = flat;
	move(y, x);
	/* A match beyond the row: the words before it give way, "…"
	 * saying so, until it shows with some of what leads to it. */
	if ((end = strstr(p, MATCH_OPEN)) != NULL &&
	    util_width(p, (size_t)(end - p)) > width * 2 / 3) {
		while (p < end && util_width(p, (size_t)(end - p)) > width / 3)
			p += strcspn(p + 1, " ") + 1;
		used += ui_text(-1, 0, width, "…", strlen("…"), A_NORMAL);
	}
	while (*p != '\0' && used < width) {
		/* A match in brackets as well as in bold: the attribute
		 * alone is lost without colours and on a braille line. */
		if (*p == MATCH_OPEN[0] || *p == MATCH_CLOSE[0]) {
			if (*p == MATCH_CLOSE[0])
				used += ui_text(-1, 0, width - used, "]", 1,
				    attr);
			/* "[" only with room for a letter and its "]". */
			if (*p == MATCH_OPEN[0] && width - used < 3)
				break;
			attr = *p == MATCH_OPEN[0] ? A_BOLD | A_UNDERLINE :
			    A_NORMAL;
			if (*p == MATCH_OPEN[0])
				used += ui_text(-1, 0, width - used, "[", 1,
				    attr);
			p++;
			continue;
		}
		end = p + strcspn(p, MATCH_OPEN MATCH_CLOSE);
		/* Inside a match, the "]" keeps its column. */
		used += ui_text(-1, 0, width - used - (attr != A_NORMAL), p,
		    (size_t)(end - p), attr);
		p = end;
		if (attr != A_NORMAL && *p != MATCH_CLOSE[0])
			break;		/* cut inside the match */
	}
	/* A match cut by the edge still closes its bracket. */
	if (attr != A_NORMAL)
		ui_text(-1, 0, 1, "]", 1, attr);
	wipe_free(flat);
}

static void
draw_hit(const struct frame *f, const struct hit *h, int y, int selected)
{
	const char *what = _("(the dossier's name)"), *name;
	char date[UTIL_DATE_MAX], discreet[96];
	int x;

	name = f->discreet ? ui_shown_name(f, h->dossier, h->name, discreet,
	    sizeof(discreet)) : h->person;
	if (selected)
		ui_text(y, 0, 1, ">", 1, A_REVERSE | A_BOLD);
	x = 1 + ui_text(y, 1, COLS / 2, name, strlen(name),
	    selected ? A_REVERSE | A_BOLD : A_BOLD);
	if (h->note == 0) {
		ui_text(y, x + 2, COLS - x - 3, what, strlen(what), A_DIM);
		return;
	}
	util_datetime(date, sizeof(date), h->created);
	ui_text(y, x + 2, COLS - x - 3, date, strlen(date), A_DIM);
	snippet(y + 1, 3, COLS - 4, h->snippet);
}

static void
draw(struct frame *f)
{
	const char *prompt = _("Search:");
	const char *hint = _("Type a few words: accents and capitals do not "
	    "matter.");
	const char *none = _("Nothing found.");
	size_t rows = visible_hits(), i;
	int y = ui_body_top(), x;

	/* The results drawn may be those of the query a key ago: the new
	 * ones come as soon as no key is waiting (the frame's loop). */
	ui_title(f, _("Search"), ui_writing_hint(f));
	x = 1 + ui_text(y, 1, COLS - 2, prompt, strlen(prompt), A_BOLD) + 1;
	ui_text(y, x, COLS - x - 1, content.query, strlen(content.query),
	    A_NORMAL);
	if (content.query[0] == '\0')
		ui_text(y + QUERY_ROWS, 2, COLS - 4, hint, strlen(hint), A_DIM);
	else if (content.count == 0)
		ui_text(y + QUERY_ROWS, 2, COLS - 4, none, strlen(none),
		    A_NORMAL);
	ui_list_follow(content.sel, &content.top, rows);
	for (i = content.top; i < content.count && i < content.top + rows;
	    i++)
		draw_hit(f, &content.hits[i], y + QUERY_ROWS + (int)(i -
		    content.top) * HIT_ROWS, i == content.sel);
	/* The cursor where typing goes, or on the result chosen. */
	if (reading && content.count > 0)
		move(y + QUERY_ROWS + (int)(content.sel - content.top) *
		    HIT_ROWS, 1);
	else
		move(y, 1 + util_width(prompt, strlen(prompt)) + 1 +
		    util_width(content.query, strlen(content.query)));
	curs_set(1);
}

static void
leave(struct frame *f)
{
	curs_set(0);
	forget(f);
	ui_close(f);
}

/* Typed ahead, then Enter or an arrow: they act on the last query. */
static void
go(struct frame *f)
{
	struct hit *h;

	if (!content.searched)
		catch_up(f);
	if (content.count == 0)
		return;
	h = &content.hits[content.sel];
	ui_go_note(f, h->dossier, h->note);
	curs_set(0);
	forget(f);
}

static void
choose(struct frame *f, enum ui_move m)
{
	size_t want, had;

	if (!content.searched)
		catch_up(f);
	want = content.sel + (m == UI_DOWN ? 1 : visible_hits());
	/* Down past the last result read: the next ones, if any. */
	if (m == UI_DOWN || m == UI_PAGE_DOWN)
		do {
			had = content.count;
			if (content.more && want >= content.count)
				fetch(f);
		} while (content.count > had && want >= content.count);
	ui_list_move(&content.sel, content.count, visible_hits(), m);
	reading = 1;
}

static void
type(struct frame *f)
{
	if (ui_line_key(content.query, sizeof(content.query), f->key,
	    f->code))
		content.searched = 0;
	reading = 0;
}

static const struct ui_key keys[] = {
	{ .key = '\r', .label = N_("Enter"), .text = N_("Go to the note"),
	    .run = go, .bar = 1 },
	{ .key = UI_ESC, .label = N_("Esc"), .text = N_("Back"), .run = leave,
	    .bar = 1 },
	UI_MOVE_ROW(KEY_UP, 1, "↑", N_("Choose a result"), UI_UP),
	UI_MOVE_ROW(KEY_DOWN, 1, "↓", N_("Choose a result"), UI_DOWN),
	UI_MOVE_ROW(KEY_PPAGE, 1, "PgUp", N_("Page up"), UI_PAGE_UP),
	UI_MOVE_ROW(KEY_NPAGE, 1, "PgDn", N_("Page down"), UI_PAGE_DOWN),
	{ .key = UI_TYPED, .label = N_("letters"),
	    .text = N_("The words to find"), .run = type },
	{ .key = KEY_BACKSPACE, .code = 1, .label = N_("Backspace"),
	    .text = N_("Erase a letter"), .run = type },
};

const struct screen screen_search = {
	.name = N_("Search"),
	UI_KEYS(keys),
	.transient = 1,
	.draw = draw,
	.step = choose,
	.pending = pending,
	.catch_up = catch_up,
	.forget = forget,
};

/*
 * paper.c - the only room that knows fonts and pages.
 *
 * A document is laid out twice with pango on a cairo PDF surface: once to
 * count the pages (for "page N / M"), once for real into memory.  Each
 * note is a heading (its date and time) and one paragraph per line of
 * text, set ragged-right: pango does not hyphenate French, and justified
 * lines of a worker's notes (long words, addresses, names) opened gaps
 * of four spaces.  A heading is never left alone at the foot of a page;
 * a title never ends on a line of one or two words.
 * pango shapes any script the worker types (Arabic right to left,
 * Cyrillic) with the fonts fontconfig finds, and cairo embeds subsets of
 * them.  paper_send.c then hands the PDF to the print command, or to the
 * file a person named.  Start at paper_typeset().
 *
 * Built into carnet-paper.so, loaded by carnet only when it prints
 * (paper_load.c); the fuzzer and the benchmark link it directly.
 */
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "paper.h"

/* A4 in points, and the margins. */
#define PAGE_W		595.2756
#define PAGE_H		841.8898
#define LEFT		62.0
#define RIGHT		(PAGE_W - 62.0)
#define TOP		78.0
#define BOTTOM		(PAGE_H - 70.0)
#define BODY_W		(RIGHT - LEFT)

#define FONT_BODY	"Serif 11"
#define FONT_HEADING	"Sans Bold 10.5"
#define FONT_SMALL	"Sans 8.5"
#define FONT_SMALL_BOLD	"Sans Bold 8.5"
#define FONT_TITLE	"Sans Bold 18"

/*
 * The body's layouts, made while counting and drawn by the second pass:
 * laying out is half of a print's time (shaping in harfbuzz the most of
 * it), so each paragraph is laid out once.  Pango keeps about 45 bytes a
 * character of text; past KEEP_TEXT, what remains is laid out again
 * rather than held (a 1,000-note dossier fits).
 */
#define KEEP_TEXT	(2 * 1024 * 1024)

struct kept {
	PangoLayout	**layouts;
	const char	**texts;	/* what each was made of, to check */
	size_t		 *lens;
	size_t		  n, cap, next;
	size_t		  text;		/* bytes of text kept */
};

struct pen {
	const struct paper_doc	*doc;
	int			 french;	/* French spacing (layout()) */
	cairo_t			*cr;
	PangoContext		*context;	/* one for every layout */
	struct kept		*kept;
	int			 page;
	int			 pages;		/* 0 while counting: nothing drawn */
	double			 y;
	char			 printed[96];
};

static PangoLayout *
layout(struct pen *p, const char *font, const char *text, int len,
    double width)
{
	PangoLayout *l = pango_layout_new(p->context);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	size_t spaced_len;
	char *spaced;

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (p->french) {
		spaced = paper_french_spacing(text, len < 0 ? strlen(text) :
		    (size_t)len, &spaced_len);
		pango_layout_set_text(l, spaced, (int)spaced_len);
		wipe_free(spaced);
	} else
		pango_layout_set_text(l, text, len);
	return l;
}

/* A layout of the body's width that flows with the text (a note's
 * heading, a paragraph): made and kept while counting, taken back while
 * drawing, in the same order (struct kept). */
static PangoLayout *
body_layout(struct pen *p, const char *font, const char *text, int len)
{
	struct kept *k = p->kept;
	size_t bytes = len < 0 ? strlen(text) : (size_t)len;
	PangoLayout *l;

	if (p->pages > 0 && k->next < k->n) {
		if (k->texts[k->next] == text && k->lens[k->next] == bytes)
			return g_object_ref(k->layouts[k->next++]);
		k->next = k->n;		/* out of step: never again */
	}
	l = layout(p, font, text, len, BODY_W);
	if (p->pages == 0 && k->text + bytes <= KEEP_TEXT) {
		if (k->n == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 256;
			k->layouts = xreallocarray(k->layouts, k->cap,
			    sizeof(*k->layouts));
			k->texts = xreallocarray(k->texts, k->cap,
			    sizeof(*k->texts));
			k->lens = xreallocarray(k->lens, k->cap,
			    sizeof(*k->lens));
		}
		k->layouts[k->n] = g_object_ref(l);
		k->texts[k->n] = text;
		k->lens[k->n++] = bytes;
		k->text += bytes;
	}
	return l;
}

static void
kept_free(struct kept *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		g_object_unref(k->layouts[i]);
	free(k->layouts);
	free(k->texts);
	free(k->lens);
	memset(k, 0, sizeof(*k));
}

/* Draw TEXT on one line at (X, Y), aligned left, right or centred. */
static void
label(struct pen *p, const char *font, const char *text, double x, double y,
    PangoAlignment align, double width)
{
	PangoLayout *l;

	if (p->pages == 0)
		return;
	l = layout(p, font, text, -1, width);
	pango_layout_set_alignment(l, align);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

/*
 * The running header's name, whole: smaller when it does not fit, then
 * on two lines, never cut.  Isolated (U+2068 ... U+2069), a name in
 * Arabic or Hebrew keeps to the left, where a French reader looks, and
 * does not reorder what is around it.
 */
static void
header_name(struct pen *p, const char *name)
{
	static const char *const sizes[] = { "Sans 8.5", "Sans 7.5",
	    "Sans 6.5" };
	PangoLayout *l = NULL;
	char *isolated;
	size_t i;
	int w, h;

	if (p->pages == 0)
		return;
	isolated = xasprintf("\xe2\x81\xa8%s\xe2\x81\xa9", name);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (l != NULL)
			g_object_unref(l);
		l = layout(p, sizes[i], isolated, -1, BODY_W * 0.7);
		/* Left to right, as the page: not from the name's first
		 * letter, which would send an Arabic name to the right. */
		pango_layout_set_auto_dir(l, FALSE);
		if (pango_layout_get_line_count(l) == 1)
			break;
	}
	pango_layout_get_size(l, &w, &h);
	/* Its last line just above the rule, however many there are. */
	cairo_move_to(p->cr, LEFT, 51 - (double)h / PANGO_SCALE);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	free(isolated);
}

/* A thin line across the text's width, Y points down the page. */
static void
rule(struct pen *p, double y)
{
	if (p->pages == 0)
		return;
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, LEFT, y);
	cairo_line_to(p->cr, RIGHT, y);
	cairo_stroke(p->cr);
}

static void
page_begin(struct pen *p)
{
	p->page++;
	p->y = TOP;
	header_name(p, p->doc->name);
	/* The notice is for the person to keep: not confidential. */
	if (p->doc->notice == NULL)
		label(p, FONT_SMALL_BOLD, _("Confidential"), LEFT, 40,
		    PANGO_ALIGN_RIGHT, BODY_W);
	rule(p, 55);
}

static void
page_end(struct pen *p)
{
	char footer[256];

	if (p->pages > 0) {
		snprintf(footer, sizeof(footer), _("page %d / %d — printed on "
		    "%s"), p->page, p->pages, p->printed);
		label(p, FONT_SMALL, footer, LEFT, PAGE_H - 48,
		    PANGO_ALIGN_CENTER, BODY_W);
	}
	cairo_show_page(p->cr);
}

/* Room for HEIGHT more points on this page, or a new page. */
static void
room(struct pen *p, double height)
{
	if (p->y + height > BOTTOM && p->y > TOP) {
		page_end(p);
		page_begin(p);
	}
}

/* The height of the first N lines of L. */
static double
lines_height(PangoLayout *l, int n)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle r;
	double h = 0;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		h += (double)r.height / PANGO_SCALE;
	} while (--n > 0 && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return h;
}

/* Draw L line by line, breaking pages between lines. */
static void
flow(struct pen *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle r;
	double h;
	int baseline;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		baseline = pango_layout_iter_get_baseline(it);
		h = (double)r.height / PANGO_SCALE;
		room(p, h);
		if (p->pages > 0) {
			cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE,
			    p->y + (double)(baseline - r.y) / PANGO_SCALE);
			pango_cairo_show_layout_line(p->cr,
			    pango_layout_iter_get_line_readonly(it));
		}
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* One paragraph per line of TEXT; an empty line leaves a space.  FIRST,
 * when not NULL, is the first line already laid out (note()); it is
 * freed here. */
static void
paragraphs(struct pen *p, const char *text, size_t len, const char *font,
    PangoLayout *first)
{
	size_t start = 0, end;
	PangoLayout *l;

	while (start <= len) {
		end = start;
		while (end < len && text[end] != '\n')
			end++;
		if (end == start)
			p->y += 6;
		else {
			l = start == 0 && first != NULL ? first :
			    body_layout(p, font, text + start,
			    (int)(end - start));
			flow(p, l, LEFT);
			g_object_unref(l);
			p->y += 3;
		}
		start = end + 1;
	}
}

static void
note(struct pen *p, const struct paper_note *n)
{
	char date[128], history[300], heading[430];
	PangoLayout *h, *first = NULL;
	size_t first_len = 0;

	util_long_date(date, sizeof(date), n->created);
	util_note_history(history, sizeof(history), n->created, n->written,
	    n->updated, 1);
	snprintf(heading, sizeof(heading), "%s%s", date, history);
	h = body_layout(p, FONT_HEADING, heading, -1);
	while (first_len < n->len && n->body[first_len] != '\n')
		first_len++;
	if (first_len > 0)
		first = body_layout(p, FONT_BODY, n->body, (int)first_len);
	/* The heading and two lines of its text, or a new page. */
	p->y += 12;
	room(p, lines_height(h, 2) + 4 + (first != NULL ?
	    lines_height(first, 2) : 0));
	flow(p, h, LEFT);
	p->y += 4;
	g_object_unref(h);
	paragraphs(p, n->body, n->len, FONT_BODY, first);
}

/* The words on the last line of L. */
static int
last_line_words(PangoLayout *l)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(l,
	    pango_layout_get_line_count(l) - 1);
	const char *text = pango_layout_get_text(l) + line->start_index;
	int i, words = 0, in_word = 0;

	for (i = 0; i < line->length; i++) {
		if (text[i] != ' ' && !in_word)
			words++;
		in_word = text[i] != ' ';
	}
	return words;
}

/*
 * A title in FONT_TITLE: when it takes two lines or more, narrowed until
 * its last line holds three words (and no more lines), so that "et vos" /
 * "droits" reads "sujet," / "et vos droits".
 */
static void
title(struct pen *p, const char *text, int len)
{
	PangoLayout *l = layout(p, FONT_TITLE, text, len, BODY_W), *narrower;
	int lines = pango_layout_get_line_count(l);
	double width;

	for (width = BODY_W * 0.95; lines > 1 && last_line_words(l) < 3 &&
	    width > BODY_W * 0.5; width -= BODY_W * 0.05) {
		narrower = layout(p, FONT_TITLE, text, len, width);
		if (pango_layout_get_line_count(narrower) > lines) {
			g_object_unref(narrower);
			break;
		}
		g_object_unref(l);
		l = narrower;
	}
	flow(p, l, LEFT);
	g_object_unref(l);
}

/* The access copy begins with a few lines addressed to the person; her
 * notes follow on the same page. */
static void
cover(struct pen *p)
{
	char line[512];

	title(p, _("What is written about you"), -1);
	p->y += 12;
	/* The name isolated, as in the header (header_name()). */
	snprintf(line, sizeof(line), _("Dossier: %s"), "");
	snprintf(line + strlen(line), sizeof(line) - strlen(line),
	    "\xe2\x81\xa8%s\xe2\x81\xa9", p->doc->name);
	paragraphs(p, line, strlen(line), FONT_HEADING, NULL);
	snprintf(line, sizeof(line), _("Given to you on %s."), p->printed);
	paragraphs(p, line, strlen(line), FONT_BODY, NULL);
	if (p->doc->worker != NULL || p->doc->service != NULL) {
		snprintf(line, sizeof(line), _("Written by: %s%s%s"),
		    p->doc->worker ? p->doc->worker : "",
		    p->doc->worker && p->doc->service ? ", " : "",
		    p->doc->service ? p->doc->service : "");
		paragraphs(p, line, strlen(line), FONT_BODY, NULL);
	}
	p->y += 6;
	snprintf(line, sizeof(line), "%s", _("These pages hold every note "
	    "written about you, as they are kept today, oldest first. You may "
	    "ask for a note to be corrected or erased, and you may object to "
	    "notes being kept; say so to the person who gave you this "
	    "document."));
	paragraphs(p, line, strlen(line), FONT_BODY, NULL);
	/* A rule between what is said to her and her notes. */
	p->y += 6;
	rule(p, p->y);
	p->y += 6;
}

static void
notice(struct pen *p)
{
	const char *text = p->doc->notice, *nl = strchr(text, '\n');

	title(p, text, nl != NULL ? (int)(nl - text) : -1);
	p->y += 14;
	if (nl != NULL)
		paragraphs(p, nl + 1, strlen(nl + 1), FONT_BODY, NULL);
}

/* One pass over the whole PDF: each document of DOC's chain from a new
 * page, numbered on its own ("page 2 / 3" of its dossier), as PAGES[k]
 * says (NULL while counting); each one's count goes in COUNT[k]. */
static int
pass(const struct paper_doc *doc, cairo_surface_t *surface,
    const int *pages, int *count, struct kept *kept)
{
	struct pen p;
	const char *lang;
	size_t i, k;
	int ok;

	memset(&p, 0, sizeof(p));
	lang = setlocale(LC_MESSAGES, NULL);
	p.french = lang != NULL && strncmp(lang, "fr", 2) == 0;
	util_date(p.printed, sizeof(p.printed), doc->when);
	p.cr = cairo_create(surface);
	p.context = pango_cairo_create_context(p.cr);
	p.kept = kept;
	for (k = 0; doc != NULL; doc = doc->next, k++) {
		p.doc = doc;
		p.page = 0;
		p.pages = pages != NULL ? pages[k] : 0;
		page_begin(&p);
		if (doc->notice != NULL)
			notice(&p);
		else {
			if (doc->for_person)
				cover(&p);
			for (i = 0; i < doc->nnotes; i++)
				note(&p, &doc->notes[i]);
		}
		page_end(&p);
		count[k] = p.page;
	}
	ok = cairo_status(p.cr) == CAIRO_STATUS_SUCCESS;
	g_object_unref(p.context);
	cairo_destroy(p.cr);
	return ok ? 0 : -1;
}

static cairo_status_t
to_nowhere(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure, (void)data, (void)len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
to_memory(void *closure, const unsigned char *data, unsigned int len)
{
	struct paper_pdf *pdf = closure;
	unsigned char *bigger;
	size_t cap;

	if (pdf->len + len > pdf->cap) {
		cap = pdf->cap ? pdf->cap : 65536;
		while (cap < pdf->len + len)
			cap *= 2;
		/* Grown by hand, so that the old block is wiped. */
		bigger = xmalloc(cap);
		if (pdf->len > 0)
			memcpy(bigger, pdf->bytes, pdf->len);
		if (pdf->bytes != NULL) {
			explicit_bzero(pdf->bytes, pdf->cap);
			free(pdf->bytes);
		}
		pdf->bytes = bigger;
		pdf->cap = cap;
	}
	memcpy(pdf->bytes + pdf->len, data, len);
	pdf->len += len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface(cairo_write_func_t sink, void *closure, const struct paper_doc *doc)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(sink,
	    closure, PAGE_W, PAGE_H);
	struct tm tm;
	char date[32];

	/* A fixed creation date: the same notes give the same bytes. */
	if (gmtime_r(&doc->when, &tm) != NULL && strftime(date, sizeof(date),
	    "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
		cairo_pdf_surface_set_metadata(s,
		    CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	    "carnet");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "carnet");
	return s;
}

int
paper_typeset(const struct paper_doc *doc, struct paper_pdf *pdf,
    struct error *err)
{
	const struct paper_doc *d;
	struct kept kept;
	cairo_surface_t *s;
	int *pages, *counted;
	size_t n = 0, k;
	int rc;

	memset(pdf, 0, sizeof(*pdf));
	for (d = doc; d != NULL; d = d->next)
		n++;
	pages = xcalloc(n, sizeof(*pages));
	counted = xcalloc(n, sizeof(*counted));
	memset(&kept, 0, sizeof(kept));
	/* Twice: the first pass lays out and counts each document's pages,
	 * for the footers ("page 1 / 3") of the second, which draws. */
	s = surface(to_nowhere, NULL, doc);
	rc = pass(doc, s, NULL, pages, &kept);
	cairo_surface_destroy(s);
	if (rc == 0) {
		s = surface(to_memory, pdf, doc);
		rc = pass(doc, s, pages, counted, &kept);
		cairo_surface_finish(s);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
			rc = -1;
		cairo_surface_destroy(s);
		for (k = 0; k < n; k++)
			pdf->pages += counted[k];
	}
	kept_free(&kept);
	/* What pango and cairo held (the notes' text among it) goes back to
	 * the kernel rather than waiting in the heap. */
	malloc_trim(0);
	free(pages);
	free(counted);
	if (rc == -1) {
		paper_pdf_free(pdf);
		return error_set(err, EXIT_ERROR, _("the document could not be "
		    "typeset"));
	}
	return 0;
}

void
paper_pdf_free(struct paper_pdf *pdf)
{
	if (pdf->bytes != NULL) {
		explicit_bzero(pdf->bytes, pdf->cap);
		free(pdf->bytes);
	}
	memset(pdf, 0, sizeof(*pdf));
}

/* What paper_load() looks up in carnet-paper.so. */
const struct paper_module carnet_paper_module = {
	PAPER_ABI, paper_typeset, paper_pdf_free, paper_print, paper_save
};

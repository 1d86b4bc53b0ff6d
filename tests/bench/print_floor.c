/*
 * print_floor.c - the floor for printing: the least pango and cairo can
 * do to set the same notes as carnet's paper room, in the same fonts on
 * the same A4 page, into a PDF in memory.  One pass, one layout object
 * reused, a plain "page N" footer, no French spacing, no kept headings,
 * no access copy: what is left is shaping, breaking lines and writing
 * the PDF, which carnet cannot avoid either.  Linked into bench.c, which
 * hands both the same notes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "paper.h"
#include "print_floor.h"

#define PAGE_W	595.2756
#define PAGE_H	841.8898
#define LEFT	62.0
#define TOP	78.0
#define BOTTOM	(PAGE_H - 70.0)
#define BODY_W	(PAGE_W - 124.0)

struct sink {
	unsigned char	*bytes;
	size_t		 len, cap;
};

struct floor_pen {
	cairo_t			*cr;
	PangoLayout		*l, *margin;	/* the text, the header and footer */
	PangoFontDescription	*body, *heading, *small;
	const char		*name;
	double			 y;
	int			 page;
};

static cairo_status_t
to_sink(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;

	if (s->len + len > s->cap) {
		s->cap = (s->len + len) * 2;
		s->bytes = realloc(s->bytes, s->cap);
	}
	memcpy(s->bytes + s->len, data, len);
	s->len += len;
	return CAIRO_STATUS_SUCCESS;
}

static void
set(struct floor_pen *p, PangoFontDescription *font, const char *text,
    int len)
{
	pango_layout_set_font_description(p->l, font);
	pango_layout_set_text(p->l, text, len);
}

static void
page_begin(struct floor_pen *p)
{
	p->page++;
	p->y = TOP;
	pango_layout_set_text(p->margin, p->name, -1);
	cairo_move_to(p->cr, LEFT, 40);
	pango_cairo_show_layout(p->cr, p->margin);
	cairo_move_to(p->cr, LEFT, 55);
	cairo_line_to(p->cr, PAGE_W - LEFT, 55);
	cairo_stroke(p->cr);
}

static void
page_end(struct floor_pen *p)
{
	char footer[32];

	snprintf(footer, sizeof(footer), "page %d", p->page);
	pango_layout_set_text(p->margin, footer, -1);
	cairo_move_to(p->cr, PAGE_W / 2 - 20, PAGE_H - 48);
	pango_cairo_show_layout(p->cr, p->margin);
	cairo_show_page(p->cr);
}

/* The layout's lines, a page break wherever one does not fit. */
static void
flow(struct floor_pen *p)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->l);
	PangoRectangle r;
	double h;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		h = (double)r.height / PANGO_SCALE;
		if (p->y + h > BOTTOM) {
			page_end(p);
			page_begin(p);
		}
		cairo_move_to(p->cr, LEFT, p->y +
		    (double)(pango_layout_iter_get_baseline(it) - r.y) /
		    PANGO_SCALE);
		pango_cairo_show_layout_line(p->cr,
		    pango_layout_iter_get_line_readonly(it));
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

size_t
print_floor(const char *name, const struct paper_note *notes, size_t n,
    int *pages)
{
	struct floor_pen p;
	struct sink sink = { NULL, 0, 0 };
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_sink,
	    &sink, PAGE_W, PAGE_H);
	const char *text, *end;
	char date[64];
	struct tm tm;
	time_t t;
	size_t i;

	memset(&p, 0, sizeof(p));
	p.cr = cairo_create(s);
	p.l = pango_cairo_create_layout(p.cr);
	pango_layout_set_width(p.l, (int)(BODY_W * PANGO_SCALE));
	pango_layout_set_wrap(p.l, PANGO_WRAP_WORD_CHAR);
	p.body = pango_font_description_from_string("Serif 11");
	p.heading = pango_font_description_from_string("Sans Bold 10.5");
	p.small = pango_font_description_from_string("Sans 8.5");
	p.margin = pango_cairo_create_layout(p.cr);
	pango_layout_set_font_description(p.margin, p.small);
	p.name = name;
	page_begin(&p);
	for (i = 0; i < n; i++) {
		t = (time_t)notes[i].created;
		localtime_r(&t, &tm);
		strftime(date, sizeof(date), "%A %e %B %Y, %H:%M", &tm);
		p.y += 12;
		set(&p, p.heading, date, -1);
		flow(&p);
		p.y += 4;
		for (text = notes[i].body; text < notes[i].body +
		    notes[i].len; text = end + 1) {
			end = memchr(text, '\n', (size_t)(notes[i].body +
			    notes[i].len - text));
			if (end == NULL)
				end = notes[i].body + notes[i].len;
			if (end == text) {
				p.y += 6;
				continue;
			}
			set(&p, p.body, text, (int)(end - text));
			flow(&p);
			p.y += 3;
		}
	}
	page_end(&p);
	*pages = p.page;
	pango_font_description_free(p.body);
	pango_font_description_free(p.heading);
	pango_font_description_free(p.small);
	g_object_unref(p.l);
	g_object_unref(p.margin);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	free(sink.bytes);
	return sink.len;
}

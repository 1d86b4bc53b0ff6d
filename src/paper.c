/*
 * paper.c - the only room that knows fonts and pages.
 *
 * A document is laid out twice with pango on a cairo PDF surface: once to
 * count the pages (for "page N / M"), once for real into memory.  Each
 * note is a heading (its date and time) and one justified paragraph per
 * line of text; a heading is never left alone at the foot of a page.
 * pango shapes any script the worker types (Arabic right to left,
 * Cyrillic) with the fonts fontconfig finds, and cairo embeds subsets of
 * them.  Then paper_print() hands the PDF to the print command, without a
 * shell and without a file.  Start at paper_typeset().
 *
 * Built into carnet-paper.so, loaded by carnet only when it prints
 * (paper_load.c); the fuzzer and the benchmark link it directly.
 */
#include <sys/wait.h>
#include <poll.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "paper.h"

extern char **environ;

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

struct pen {
	const struct paper_doc	*doc;
	int			 french;	/* French spacing (layout()) */
	cairo_t			*cr;
	int			 page;
	int			 pages;		/* 0 while counting */
	double			 y;
	char			 printed[96];
};

static PangoLayout *
layout(struct pen *p, const char *font, const char *text, int len,
    double width, int justify)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	size_t spaced_len;
	char *spaced;

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_justify(l, justify);
	if (p->french) {
		spaced = util_french_spacing(text, len < 0 ? strlen(text) :
		    (size_t)len, &spaced_len);
		pango_layout_set_text(l, spaced, (int)spaced_len);
		wipe_free(spaced);
	} else
		pango_layout_set_text(l, text, len);
	return l;
}

/* Draw TEXT on one line at (X, Y), aligned left, right or centred. */
static void
label(struct pen *p, const char *font, const char *text, double x, double y,
    PangoAlignment align, double width)
{
	PangoLayout *l = layout(p, font, text, -1, width, 0);

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
	char *isolated = xasprintf("\xe2\x81\xa8%s\xe2\x81\xa9", name);
	size_t i;
	int w, h;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (l != NULL)
			g_object_unref(l);
		l = layout(p, sizes[i], isolated, -1, BODY_W * 0.7, 0);
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
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, LEFT, 55);
	cairo_line_to(p->cr, RIGHT, 55);
	cairo_stroke(p->cr);
}

static void
page_end(struct pen *p)
{
	char footer[256];

	if (p->pages > 0)
		snprintf(footer, sizeof(footer), _("page %d / %d — printed on "
		    "%s"), p->page, p->pages, p->printed);
	else
		snprintf(footer, sizeof(footer), "page %d", p->page);
	label(p, FONT_SMALL, footer, LEFT, PAGE_H - 48, PANGO_ALIGN_CENTER,
	    BODY_W);
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
		cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE, p->y +
		    (double)(baseline - r.y) / PANGO_SCALE);
		pango_cairo_show_layout_line(p->cr,
		    pango_layout_iter_get_line_readonly(it));
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* One paragraph per line of TEXT; an empty line leaves a space.  The
 * first FIRST_KEEP points must stay with what comes before. */
static void
paragraphs(struct pen *p, const char *text, size_t len, const char *font)
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
			l = layout(p, font, text + start, (int)(end - start),
			    BODY_W, 1);
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
	PangoLayout *h, *first;
	size_t first_len = 0;

	util_long_date(date, sizeof(date), n->created);
	util_note_history(history, sizeof(history), n->created, n->written,
	    n->updated, 1);
	snprintf(heading, sizeof(heading), "%s%s", date, history);
	h = layout(p, FONT_HEADING, heading, -1, BODY_W, 0);
	while (first_len < n->len && n->body[first_len] != '\n')
		first_len++;
	first = layout(p, FONT_BODY, n->body, (int)first_len, BODY_W, 1);
	/* The heading and two lines of its text, or a new page. */
	p->y += 12;
	room(p, lines_height(h, 2) + 4 + (first_len ? lines_height(first, 2) :
	    0));
	flow(p, h, LEFT);
	p->y += 4;
	g_object_unref(h);
	g_object_unref(first);
	paragraphs(p, n->body, n->len, FONT_BODY);
}

/* The access copy's first page, addressed to the person. */
static void
cover(struct pen *p)
{
	char line[512];
	PangoLayout *l;

	p->y = PAGE_H / 4;
	l = layout(p, FONT_TITLE, _("What is written about you"), -1, BODY_W,
	    0);
	flow(p, l, LEFT);
	g_object_unref(l);
	p->y += 18;
	/* The name isolated, as in the header (header_name()). */
	snprintf(line, sizeof(line), _("Dossier: %s"), "");
	snprintf(line + strlen(line), sizeof(line) - strlen(line),
	    "\xe2\x81\xa8%s\xe2\x81\xa9", p->doc->name);
	paragraphs(p, line, strlen(line), FONT_HEADING);
	snprintf(line, sizeof(line), _("Given to you on %s."), p->printed);
	paragraphs(p, line, strlen(line), FONT_BODY);
	if (p->doc->worker != NULL || p->doc->service != NULL) {
		snprintf(line, sizeof(line), _("Written by: %s%s%s"),
		    p->doc->worker ? p->doc->worker : "",
		    p->doc->worker && p->doc->service ? ", " : "",
		    p->doc->service ? p->doc->service : "");
		paragraphs(p, line, strlen(line), FONT_BODY);
	}
	p->y += 12;
	snprintf(line, sizeof(line), "%s", _("These pages hold every note "
	    "written about you, as they are kept today, oldest first. You may "
	    "ask for a note to be corrected or erased, and you may object to "
	    "notes being kept; say so to the person who gave you this "
	    "document."));
	paragraphs(p, line, strlen(line), FONT_BODY);
	page_end(p);
	page_begin(p);
}

static void
notice(struct pen *p)
{
	const char *text = p->doc->notice, *nl = strchr(text, '\n');
	size_t title = nl != NULL ? (size_t)(nl - text) : strlen(text);
	PangoLayout *l = layout(p, FONT_TITLE, text, (int)title, BODY_W, 0);

	flow(p, l, LEFT);
	g_object_unref(l);
	p->y += 14;
	if (nl != NULL)
		paragraphs(p, nl + 1, strlen(nl + 1), FONT_BODY);
}

/* One pass over the whole document. */
static int
pass(const struct paper_doc *doc, cairo_surface_t *surface, int pages,
    int *count)
{
	struct pen p;
	const char *lang;
	size_t i;
	int ok;

	memset(&p, 0, sizeof(p));
	p.doc = doc;
	lang = setlocale(LC_MESSAGES, NULL);
	p.french = lang != NULL && strncmp(lang, "fr", 2) == 0;
	p.pages = pages;
	util_date(p.printed, sizeof(p.printed), doc->when);
	p.cr = cairo_create(surface);
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
	*count = p.page;
	ok = cairo_status(p.cr) == CAIRO_STATUS_SUCCESS;
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
	cairo_surface_t *s;
	int pages = 0, rc;

	memset(pdf, 0, sizeof(*pdf));
	s = surface(to_nowhere, NULL, doc);
	rc = pass(doc, s, 0, &pages);
	cairo_surface_destroy(s);
	if (rc == 0) {
		s = surface(to_memory, pdf, doc);
		rc = pass(doc, s, pages, &pdf->pages);
		cairo_surface_finish(s);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
			rc = -1;
		cairo_surface_destroy(s);
	}
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

/* COMMAND split into words; "lp" gets its options.  Returns argv. */
static char **
command_words(const char *command, const char *printer, char **copy)
{
	char **argv = xcalloc(strlen(command) / 2 + 10, sizeof(*argv));
	char *w, *save = NULL, *base;
	size_t n = 0;

	*copy = xstrdup(command);
	for (w = strtok_r(*copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	if (n > 0) {
		base = strrchr(argv[0], '/');
		base = base != NULL ? base + 1 : argv[0];
		if (strcmp(base, "lp") == 0) {
			/* A neutral title: the job list of the print server
			 * must not show whose dossier it is. */
			argv[n++] = "-s";
			argv[n++] = "-t";
			argv[n++] = "carnet";
			if (printer != NULL && printer[0] != '\0') {
				argv[n++] = "-d";
				argv[n++] = (char *)printer;
			}
		}
	}
	argv[n] = NULL;
	return argv;
}

/* Tenths of a second between two looks at the command and at STOP. */
#define TICK_MS		100
/* How long a stopped command has to end before it is killed. */
#define GRACE_MS	1000

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Ask PID to end, then make it, with every process it started (its
 * process group, which it leads): a print command stopped must not stay
 * behind holding the PDF, nor leave a child that writes it somewhere
 * once carnet has said nothing was printed. */
static void
end_command(pid_t pid, int *status)
{
	double until = now_ms() + GRACE_MS;

	kill(-pid, SIGTERM);
	while (waitpid(pid, status, WNOHANG) == 0) {
		if (now_ms() > until) {
			kill(-pid, SIGKILL);
			while (waitpid(pid, status, 0) == -1 && errno == EINTR)
				;
			return;
		}
		poll(NULL, 0, 10);
	}
	kill(-pid, SIGKILL);
}

/* Read what the command says into SAID (the rest is dropped); 0 at its
 * end, 1 when there may be more later. */
static int
listen_to(int out, char *said, size_t size, size_t *heard)
{
	char drop[256];
	ssize_t n;

	for (;;) {
		if (*heard < size - 1)
			n = read(out, said + *heard, size - 1 - *heard);
		else
			n = read(out, drop, sizeof(drop));
		if (n == 0)
			return 0;
		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 1 : 0;
		if (*heard < size - 1)
			*heard += (size_t)n;
	}
}

/*
 * Feed the PDF to the command on IN, keep the first line it says on OUT,
 * and wait for it to end, never longer than WAIT allows.  0 when it
 * ended (*STATUS; *BROKEN when it did not read the whole PDF), 1 when
 * it was stopped, 2 when its time was over.
 */
static int
feed(pid_t pid, int in, int out, const struct paper_pdf *pdf,
    const struct paper_wait *wait, char *said, size_t size, int *status,
    int *broken)
{
	double deadline = wait->seconds > 0 ? now_ms() + wait->seconds *
	    1000.0 : 0;
	struct pollfd p[2];
	size_t done = 0, heard = 0;
	ssize_t n;
	int result = 0;
	nfds_t nfds;

	fcntl(in, F_SETFL, O_NONBLOCK);
	fcntl(out, F_SETFL, O_NONBLOCK);
	for (;;) {
		nfds = 0;
		if (out != -1)
			p[nfds++] = (struct pollfd){ out, POLLIN, 0 };
		if (in != -1)
			p[nfds++] = (struct pollfd){ in, POLLOUT, 0 };
		poll(p, nfds, TICK_MS);
		if (in != -1) {
			n = write(in, pdf->bytes + done, pdf->len - done);
			if (n > 0)
				done += (size_t)n;
			else if (n < 0 && errno != EAGAIN && errno != EINTR)
				*broken = 1;
			if (done == pdf->len || *broken) {
				close(in);
				in = -1;
			}
		}
		if (out != -1 && !listen_to(out, said, size, &heard)) {
			close(out);
			out = -1;
		}
		if (waitpid(pid, status, WNOHANG) == pid) {
			/* What it said before it ended is in the pipe. */
			if (out != -1)
				listen_to(out, said, size, &heard);
			break;
		}
		if (wait->stop != NULL && wait->stop(wait->arg))
			result = 1;
		else if (deadline > 0 && now_ms() > deadline)
			result = 2;
		if (result != 0) {
			end_command(pid, status);
			break;
		}
	}
	if (in != -1) {
		close(in);
		*broken = 1;
	}
	if (out != -1)
		close(out);
	said[heard] = '\0';
	said[strcspn(said, "\n")] = '\0';
	return result;
}

/*
 * What the printing system's own words mean, in the user's language and
 * with what to do, for the messages lp gives most (CUPS says them in
 * English whatever the locale); NULL for the others, shown as they are.
 */
static const char *
print_failure_explained(const char *said)
{
	static const struct {
		const char	*words;
		const char	*meaning;
	} known[] = {
		{ "No default destination", N_("no printer is chosen by "
		    "default: choose one in the desktop's printer settings "
		    "(or lpoptions -d PRINTER), or name it with printer in "
		    "the configuration") },
		{ "does not exist", N_("the printer named does not exist: "
		    "check printer in the configuration (lpstat -p lists the "
		    "printers)") },
		{ "Unknown destination", N_("the printer named does not "
		    "exist: check printer in the configuration (lpstat -p "
		    "lists the printers)") },
		{ "not accepting jobs", N_("the printer refuses documents "
		    "for now (paused or disabled: lpstat -p says why)") },
		{ "Unable to connect", N_("the print server (CUPS) is not "
		    "running: start it, or ask for it to be started") },
		{ "scheduler is not running", N_("the print server (CUPS) is "
		    "not running: start it, or ask for it to be started") },
	};
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strstr(said, known[i].words) != NULL)
			return _(known[i].meaning);
	return NULL;
}

int
paper_print(const struct paper_pdf *pdf, const char *command,
    const char *printer, const struct paper_wait *wait, struct error *err)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	struct sigaction ignore, old;
	char **argv, *copy, said[512];
	int in[2], out[2], status = 0, rc, broken = 0, stopped;
	pid_t pid;

	argv = command_words(command, printer, &copy);
	if (argv[0] == NULL) {
		free(argv);
		free(copy);
		return error_set(err, EXIT_ERROR, _("no print command is set "
		    "(print_command in the configuration)"));
	}
	/* Out of descriptors: said to the caller, as every error of this
	 * module; the screens keep the text being written. */
	in[0] = in[1] = -1;
	if (pipe(in) == -1 || pipe(out) == -1) {
		error_set(err, EXIT_ERROR, _("cannot start the print command: "
		    "%s"), strerror(errno));
		if (in[0] != -1) {
			close(in[0]);
			close(in[1]);
		}
		free(argv);
		free(copy);
		return -1;
	}
	/* Only the child's copies, made by dup2, stay open across exec. */
	fcntl(in[0], F_SETFD, FD_CLOEXEC);
	fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fcntl(out[0], F_SETFD, FD_CLOEXEC);
	fcntl(out[1], F_SETFD, FD_CLOEXEC);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDERR_FILENO);
	/* In a process group of its own, that end_command() stops whole. */
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&attr, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(out[1]);
	if (rc != 0) {
		close(in[1]);
		close(out[0]);
		error_set(err, EXIT_ERROR, rc == ENOENT ? _("the print command "
		    "“%s” is not installed (for lp: the cups-client package)") :
		    _("the print command “%s” cannot be started: %s"), argv[0],
		    strerror(rc));
		free(argv);
		free(copy);
		return -1;
	}
	/* A command that stops reading must not kill carnet with SIGPIPE. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	stopped = feed(pid, in[1], out[0], pdf, wait, said, sizeof(said),
	    &status, &broken);
	sigaction(SIGPIPE, &old, NULL);
	if (stopped == 1)
		error_set(err, EXIT_ERROR, _("printing was stopped: nothing is "
		    "marked as on paper (what the printer already received may "
		    "still come out)"));
	else if (stopped == 2)
		error_set(err, EXIT_ERROR, _("the print command did not finish "
		    "within %ld seconds and was stopped: nothing is marked as "
		    "on paper (print_timeout in the configuration)"),
		    wait->seconds);
	else if (!broken && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		free(argv);
		free(copy);
		return 0;
	} else if (said[0] != '\0') {
		/* Its own full stop goes: ours ends the sentence. */
		while (said[0] != '\0' && said[strlen(said) - 1] == '.')
			said[strlen(said) - 1] = '\0';
		if (print_failure_explained(said) != NULL)
			error_set(err, EXIT_ERROR, _("the printer did not take "
			    "the document: %s (the printing system said: “%s”)"),
			    print_failure_explained(said), said);
		else
			error_set(err, EXIT_ERROR, _("the printer did not take "
			    "the document: %s"), said);
	}
	else
		error_set(err, EXIT_ERROR, _("the printer did not take the "
		    "document (“%s” stopped with status %d)"), argv[0],
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
		    WTERMSIG(status));
	free(argv);
	free(copy);
	return -1;
}

int
paper_save(const struct paper_pdf *pdf, const char *path, struct error *err)
{
	size_t done = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1)
		return error_set(err, EXIT_ERROR, errno == EEXIST ? _("%s "
		    "already exists: choose another name") : _("cannot create "
		    "%s: %s"), path, strerror(errno));
	while (done < pdf->len) {
		n = write(fd, pdf->bytes + done, pdf->len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
			    n < 0 ? strerror(errno) : "?");
			close(fd);
			unlink(path);
			return -1;
		}
		done += (size_t)n;
	}
	if (fsync(fd) == -1 || close(fd) == -1) {
		error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
		    strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

/* What paper_load() looks up in carnet-paper.so. */
const struct paper_module carnet_paper_module = {
	PAPER_ABI, paper_typeset, paper_pdf_free, paper_print, paper_save
};

/*
 * print.c - from the notebook to paper.  The notes are typeset in memory;
 * the PDF goes to the print command or, only when the user named one, to
 * a file; the notes are marked as on paper only once the print command
 * has accepted the job.  A file is not paper: saving one marks nothing.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "paper.h"
#include "print.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/carnet"
#endif
#define NOTICE_MAX	(64 * 1024)

/* The typesetting, loaded on the first print (paper_load.c). */
static const struct paper_module *paper;

/* Typeset DOC into PDF.  0, or -1 with a message. */
static int
typeset(const struct paper_doc *doc, struct paper_pdf *pdf,
    struct error *err)
{
	if ((paper = paper_load(err)) == NULL)
		return -1;
	return paper->typeset(doc, pdf, err);
}

static int
deliver(struct paper_pdf *pdf, const struct conf *conf, const char *output,
    const struct print_stop *stop, struct error *err)
{
	struct paper_wait wait = { conf->print_timeout, NULL, NULL };

	if (output != NULL)
		return paper->save(pdf, output, err);
	if (stop != NULL) {
		wait.stop = stop->stop;
		wait.arg = stop->arg;
	}
	return paper->print(pdf, conf->print_command, conf->printer, &wait,
	    err);
}

/*
 * A PDF written is not encrypted: the notebook remembers it (pdfs.h),
 * by its full path, with its notes as they went in, until the file is
 * gone.  Not remembered is only a failure to remember: the PDF is
 * written, and said.
 */
static void
recorded(struct store *st, const struct print_request *rq,
    long long dossier, time_t when, const struct note_mark *marks,
    size_t n, struct print_result *res)
{
	struct error why;
	char *full = realpath(rq->output, NULL);

	if (store_pdf_add(st, full != NULL ? full : rq->output, when, dossier,
	    marks == NULL, marks, marks != NULL ? n : 0, &res->pdf,
	    &why) == -1)
		res->pdf = 0;
	if (full != NULL) {
		explicit_bzero(full, strlen(full));
		free(full);
	}
}

/* One dossier's notes as they go on paper: the document, and each note
 * as it went in (MARKS, to mark it later only if still the same). */
struct gathered {
	struct dossier		 d;
	struct note		*notes;
	size_t			 n;
	struct paper_note	*pn;
	struct note_mark	*marks;
	struct paper_doc	 doc;
};

static void
gathered_free(struct gathered *g)
{
	free(g->pn);
	free(g->marks);
	store_notes_free(g->notes, g->n);
	store_dossier_free(&g->d);
	memset(g, 0, sizeof(*g));
}

/* RQ's notes (none: G->n 0).  0, or -1 with ERR. */
static int
gather(struct store *st, const struct conf *conf,
    const struct print_request *rq, struct gathered *g, struct error *err)
{
	size_t i;

	memset(g, 0, sizeof(*g));
	if (store_dossier_get(st, rq->dossier, &g->d, err) == -1)
		return -1;
	if (rq->note != 0) {
		g->notes = xcalloc(1, sizeof(*g->notes));
		if (store_note_get(st, rq->note, g->notes, err) == -1) {
			free(g->notes);
			g->notes = NULL;
			gathered_free(g);
			return -1;
		}
		g->n = 1;
		/* The note shown, in the dossier shown, or nothing: its page
		 * will bear the dossier's name. */
		if (g->notes->dossier != g->d.id || (rq->revision != 0 &&
		    g->notes->revision != rq->revision)) {
			gathered_free(g);
			return error_set(err, EXIT_ERROR, _("this note was "
			    "changed or moved in another window since it was "
			    "shown: nothing was printed; look at it again"));
		}
	} else if (store_notes_to_print(st, g->d.id, rq->all ||
	    rq->for_person, rq->since, &g->notes, &g->n, err) == -1) {
		gathered_free(g);
		return -1;
	}
	g->pn = xcalloc(g->n + 1, sizeof(*g->pn));
	g->marks = xcalloc(g->n + 1, sizeof(*g->marks));
	for (i = 0; i < g->n; i++) {
		g->pn[i] = (struct paper_note){ g->notes[i].created,
		    g->notes[i].written, g->notes[i].updated,
		    g->notes[i].body, g->notes[i].len };
		g->marks[i] = (struct note_mark){ g->notes[i].id,
		    g->notes[i].revision, g->notes[i].number, 0 };
	}
	/* Two people of one name: the page says which, by number. */
	g->doc.name = g->d.person;
	g->doc.worker = conf->worker;
	g->doc.service = conf->service;
	g->doc.when = util_now();
	g->doc.for_person = rq->for_person;
	g->doc.notes = g->pn;
	g->doc.nnotes = g->n;
	return 0;
}

/* The PDF of DOC, delivered (to the printer, or to RQ->output, then
 * recorded), into RES: MARKS (N of them) handed to RES for a file, marked
 * at once on paper.  0, or -1 with ERR. */
static int
put_on_paper(struct store *st, const struct conf *conf,
    const struct print_request *rq, const struct paper_doc *doc,
    long long dossier, struct note_mark **marks, size_t n,
    struct print_result *res, struct error *err)
{
	struct paper_pdf pdf;
	int rc = -1;

	if (typeset(doc, &pdf, err) == -1)
		return -1;
	res->pages = pdf.pages;
	res->notes = n;
	if (deliver(&pdf, conf, rq->output, &rq->stop, err) == 0) {
		rc = 0;
		/* Paper, not a file nor the person's copy: a file is marked
		 * once it is printed (print_mark()). */
		res->when = doc->when;
		if (rq->output != NULL)
			recorded(st, rq, dossier, res->when, rq->for_person ?
			    NULL : *marks, n, res);
		if (!rq->for_person) {
			res->marks = *marks;
			*marks = NULL;
		}
		if (rq->output == NULL && !rq->for_person)
			rc = print_mark(st, res, err);
	}
	paper->pdf_free(&pdf);
	return rc;
}

int
print_dossier(struct store *st, const struct conf *conf,
    const struct print_request *rq, struct print_result *res,
    struct error *err)
{
	struct gathered g;
	int rc;

	memset(res, 0, sizeof(*res));
	if (gather(st, conf, rq, &g, err) == -1)
		return -1;
	rc = g.n == 0 ? 0 : put_on_paper(st, conf, rq, &g.doc, g.d.id,
	    &g.marks, g.n, res, err);
	gathered_free(&g);
	return rc;
}

/* The day's dossiers gathered, in print_day()'s order, for one PDF. */
struct day_pdf {
	struct store		*st;
	const struct conf	*conf;
	struct gathered		*g;
	size_t			 kept, cap, notes;
	struct error		*err;
	int			 failed;
};

static int
gather_of_day(void *arg, const struct print_request *rq)
{
	struct day_pdf *day = arg;

	if (day->kept == day->cap)
		day->g = xreallocarray(day->g, day->cap = day->cap ? day->cap *
		    2 : 16, sizeof(*day->g));
	if (gather(day->st, day->conf, rq, &day->g[day->kept], day->err) ==
	    -1) {
		day->failed = 1;
		return -1;
	}
	if (day->g[day->kept].n == 0)
		gathered_free(&day->g[day->kept]);
	else
		day->notes += day->g[day->kept++].n;
	return 0;
}

int
print_day_pdf(struct store *st, const struct conf *conf,
    const struct print_request *rq, struct print_result *res,
    size_t *dossiers, struct error *err)
{
	struct day_pdf day = { st, conf, NULL, 0, 0, 0, err, 0 };
	struct note_mark *marks;
	size_t n, k, i;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	*dossiers = 0;
	if (print_day(st, rq, gather_of_day, &day, &n, err) == -1 ||
	    day.failed)
		rc = -1;
	else if (day.kept > 0) {
		/* One PDF, its documents chained once the array is whole:
		 * each dossier from a new page, all of one date. */
		for (k = 0; k < day.kept; k++) {
			day.g[k].doc.when = day.g[0].doc.when;
			day.g[k].doc.next = k + 1 < day.kept ?
			    &day.g[k + 1].doc : NULL;
		}
		/* Each dossier's notes as they went in, together. */
		marks = xcalloc(day.notes, sizeof(*marks));
		for (k = 0, n = 0; k < day.kept; k++)
			for (i = 0; i < day.g[k].n; i++)
				marks[n++] = day.g[k].marks[i];
		rc = put_on_paper(st, conf, rq, &day.g[0].doc, 0, &marks, n,
		    res, err);
		free(marks);
		*dossiers = day.kept;
	}
	for (k = 0; k < day.kept; k++)
		gathered_free(&day.g[k]);
	free(day.g);
	return rc;
}

int
print_day(struct store *st, const struct print_request *rq,
    int (*one)(void *, const struct print_request *), void *arg,
    size_t *dossiers, struct error *err)
{
	struct print_request each = *rq;
	long long *ids;
	size_t i;

	if (store_dossiers_since(st, rq->since, &ids, dossiers, err) == -1)
		return -1;
	for (i = 0; i < *dossiers; i++) {
		each.dossier = ids[i];
		if (one(arg, &each) == -1)
			break;
	}
	free(ids);
	return 0;
}

int
print_mark(struct store *st, struct print_result *res, struct error *err)
{
	if (res->marks == NULL)
		return 0;
	if (store_notes_printed(st, res->marks, res->notes, res->when,
	    &res->unmarked, err) == -1)
		return -1;
	res->marked = 1;
	/* Its question is answered. */
	if (res->pdf != 0 && store_pdf_asked(st, res->pdf, err) == -1)
		return -1;
	return 0;
}

const char *
print_unmarked(const struct print_result *res, char *buf, size_t size)
{
	char numbers[128];
	size_t i, len;

	if (!res->marked || res->unmarked == 0)
		return NULL;
	numbers[0] = '\0';
	for (i = 0; res->marks != NULL && i < res->notes; i++) {
		if (res->marks[i].marked)
			continue;
		len = strlen(numbers);
		if (len + 24 >= sizeof(numbers)) {
			snprintf(numbers + len, sizeof(numbers) - len, "%s…",
			    len > 0 ? ", " : "");
			break;
		}
		snprintf(numbers + len, sizeof(numbers) - len, "%s%ld",
		    len > 0 ? ", " : "", res->marks[i].number);
	}
	snprintf(buf, size, ngettext("Note %s was changed or moved "
	    "meanwhile: it is not marked as on paper.", "Notes %s were "
	    "changed or moved meanwhile: they are not marked as on paper.",
	    res->unmarked), numbers);
	return buf;
}

void
print_result_free(struct print_result *res)
{
	free(res->marks);
	res->marks = NULL;
}

/* Where the notice's text is read from: the worker's own, or the one
 * carnet ships. */
static char *
notice_path(const struct conf *conf)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	const char *lang = setlocale(LC_MESSAGES, NULL);
	char *own = NULL, *built;
	FILE *fp;

	if (conf->notice != NULL)
		return xstrdup(conf->notice);
	if (xdg != NULL && xdg[0] == '/')
		own = xasprintf("%s/carnet/notice.txt", xdg);
	else if (home != NULL && home[0] != '\0')
		own = xasprintf("%s/.config/carnet/notice.txt", home);
	if (own != NULL && (fp = fopen(own, "re")) != NULL) {
		fclose(fp);
		return own;
	}
	free(own);
	lang = lang != NULL && strncmp(lang, "fr", 2) == 0 ? "fr" : "en";
	own = xasprintf("notice.%s.txt", lang);
	built = util_data_file(own);
	free(own);
	return built;
}

/* TEXT with {worker}, {service}, {contact} and {retention} filled in;
 * what is not configured becomes a line to fill in by hand. */
static char *
fill(const char *text, const struct conf *conf)
{
	static const char blank[] = "____________________";
	char years[32], *out, *o;
	const char *value, *p, *end;
	size_t cap = strlen(text) + 1;

	snprintf(years, sizeof(years), "%ld", conf->retention_days / 365 > 0 ?
	    conf->retention_days / 365 : 1);
	for (p = text; (p = strchr(p, '{')) != NULL; p++)
		cap += 512;
	out = o = xmalloc(cap);
	for (p = text; *p != '\0'; ) {
		end = *p == '{' ? strchr(p, '}') : NULL;
		value = NULL;
		if (end != NULL) {
			if (strncmp(p, "{worker}", 8) == 0)
				value = conf->worker ? conf->worker : blank;
			else if (strncmp(p, "{service}", 9) == 0)
				value = conf->service ? conf->service : blank;
			else if (strncmp(p, "{contact}", 9) == 0)
				value = conf->contact ? conf->contact : blank;
			else if (strncmp(p, "{retention}", 11) == 0)
				value = years;
		}
		if (value != NULL) {
			size_t len = strlen(value) < 500 ? strlen(value) : 500;

			memcpy(o, value, len);
			o += len;
			p = end + 1;
		} else
			*o++ = *p++;
	}
	*o = '\0';
	return out;
}

int
print_notice(const struct conf *conf, const char *output,
    const struct print_stop *stop, struct print_result *res,
    struct error *err)
{
	struct paper_doc doc;
	struct paper_pdf pdf;
	char *path = notice_path(conf), *text, *filled;
	size_t len;
	FILE *fp;
	int rc = -1;

	memset(res, 0, sizeof(*res));
	if ((fp = fopen(path, "re")) == NULL) {
		error_set(err, EXIT_ERROR, _("cannot read the notice's text "
		    "%s: %s"), path, strerror(errno));
		free(path);
		return -1;
	}
	text = xmalloc(NOTICE_MAX + 1);
	len = fread(text, 1, NOTICE_MAX, fp);
	fclose(fp);
	text[len] = '\0';
	if (len == 0 || util_utf8_invalid(text, len) != -1) {
		error_set(err, EXIT_ERROR, _("the notice's text %s is empty or "
		    "not UTF-8"), path);
		free(text);
		free(path);
		return -1;
	}
	filled = fill(text, conf);
	memset(&doc, 0, sizeof(doc));
	/* Its running header names who gives it, not the program. */
	doc.name = conf->service != NULL ? conf->service : conf->worker !=
	    NULL ? conf->worker : "";
	doc.when = util_now();
	doc.notice = filled;
	if (typeset(&doc, &pdf, err) == 0) {
		res->pages = pdf.pages;
		res->notes = 1;
		rc = deliver(&pdf, conf, output, stop, err);
		paper->pdf_free(&pdf);
	}
	free(filled);
	free(text);
	free(path);
	return rc;
}

/* CUPS's default since 2.3: a job's file is kept a day after printing. */
#define CUPS_KEEPS_DEFAULT	UTIL_DAY
/* Larger than any cupsd.conf: what is beyond is not read. */
#define CUPSD_CONF_MAX		(1024 * 1024)

int
print_spool_keeps(long *seconds)
{
	const char *root = getenv("CUPS_SERVERROOT");
	char path[4096], line[512], word[64], value[64];
	struct stat sb;
	long long n;
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "%s/cupsd.conf", root != NULL ? root :
	    "/etc/cups");
	/* A regular file only, opened without waiting: a FIFO or a device
	 * put there would hold check, and the notebook, for ever. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) ==
	    -1)
		return -1;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    (fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		return -1;
	}
	*seconds = CUPS_KEEPS_DEFAULT;
	while (ftell(fp) < CUPSD_CONF_MAX && fgets(line, sizeof(line), fp) !=
	    NULL)
		if (sscanf(line, " %63s %63s", word, value) == 2 &&
		    strcasecmp(word, "PreserveJobFiles") == 0) {
			if (strcasecmp(value, "no") == 0 ||
			    strcasecmp(value, "off") == 0 ||
			    strcasecmp(value, "false") == 0)
				*seconds = 0;
			else if (util_number(value, 0, LONG_MAX, &n) == 0)
				*seconds = (long)n;
			else
				*seconds = -1;	/* yes: for as long as the
						 * job history */
		}
	fclose(fp);
	return *seconds != 0;
}

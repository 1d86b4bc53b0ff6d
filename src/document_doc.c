/*
 * document_doc.c - the text of an old Word document (.doc), from
 * antiword, or catdoc when antiword refuses it (document_int.h).
 *
 * Neither reads every file alone, as measured on the .doc files
 * LibreOffice writes (tests/data/documents/README): antiword refuses
 * small ones ("too small to handle"), and catdoc drops the start of a
 * paragraph that holds a comment and puts headers, footers and comments
 * after the text.  antiword loses nothing it accepts, so it is asked
 * first.  Each is given the file's path (catdoc copies a standard input
 * it cannot seek to a temporary file) and its text is read from a pipe:
 * nothing is written to the disk.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "document_int.h"
#include "run.h"
#include "util.h"

/* A converter never takes longer than this: a file made to send it
 * round in circles is given up, and said.  A 500-page document takes
 * antiword under a second. */
#define CONVERTER_SECONDS	30

/* What a converter said: its text (wiped), its complaint, how it ended. */
struct said {
	struct doc_text	 out;
	char		 err[512];
	size_t		 nerr;
	int		 status;	/* run_program()'s */
	int		 too_big;
};

static int
keep(const char *buf, size_t len, int is_err, void *context)
{
	struct said *s = context;

	if (is_err) {
		size_t room = sizeof(s->err) - 1 - s->nerr;

		if (len > room)
			len = room;
		memcpy(s->err + s->nerr, buf, len);
		s->nerr += len;
		s->err[s->nerr] = '\0';
		return 0;
	}
	if (s->out.len + len > (size_t)DOC_PART_MAX) {
		s->too_big = 1;
		return 1;
	}
	doc_text_put(&s->out, buf, len);
	return 0;
}

/* Run ARGV, its output and its complaints into S; -1 with errno when it
 * could not be started. */
static int
run(char *const argv[], struct said *s)
{
	memset(s, 0, sizeof(*s));
	s->status = run_program(argv, CONVERTER_SECONDS, keep, s);
	return s->status == -1 ? -1 : 0;
}

static void
said_free(struct said *s)
{
	wipe_free(s->out.s);
	explicit_bzero(s->err, sizeof(s->err));
}

/* antiword's table row: "|cell |cell |". */
static int
table_line(const char *s, size_t len)
{
	return len >= 2 && s[0] == '|' && s[len - 1] == '|';
}

/* Cells of a row, trimmed; a row whose first cell is empty continues
 * the row before (a cell of several lines). */
static void
add_row(struct doc_blocks *bs, const char *s, size_t len, int continues)
{
	struct doc_block *b;
	size_t start = 1, i, n, col = 0;

	if (!continues)
		blocks_start(bs, 1);
	b = &bs->b[bs->n - 1];
	for (i = 1; i < len; i++) {
		if (s[i] != '|')
			continue;
		n = i - start;
		while (n > 0 && s[start + n - 1] == ' ')
			n--;
		if (!continues)
			blocks_cell(bs);
		if (col < b->ncell && n > 0) {
			struct doc_text *t = &b->cell[col];

			if (continues && t->len > 0)
				doc_text_put(t, "\n", 1);
			doc_text_put(t, s + start, n);
		}
		col++;
		start = i + 1;
	}
}

/* The converter's text as blocks: a line, a paragraph; antiword's
 * tables as rows. */
static void
lines_to_blocks(const struct doc_text *t, struct doc_blocks *bs)
{
	const char *p = t->s, *end = t->s + t->len, *nl;
	size_t len;
	int row = 0;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		len = (size_t)((nl != NULL ? nl : end) - p);
		while (len > 0 && (*p == '\f' || *p == '\r')) {
			p++;
			len--;
		}
		if (table_line(p, len)) {
			size_t first = strspn(p + 1, " ");

			add_row(bs, p, len, row && p[1 + first] == '|');
			row = 1;
		} else {
			blocks_start(bs, 0);
			blocks_put(bs, p, len);
			row = 0;
		}
		p = nl != NULL ? nl + 1 : end;
	}
}

int
document_doc(const char *path, struct doc_blocks *bs, const char **why)
{
	char *antiword[] = { "antiword", "-w", "0", "-m", "UTF-8.txt",
	    (char *)path, NULL };
	char *catdoc[] = { "catdoc", "-w", "-d", "utf-8", (char *)path, NULL };
	struct said a, c;

	memset(bs, 0, sizeof(*bs));
	if (run(antiword, &a) == -1) {
		*why = strerror(errno);
		return -1;
	}
	if (a.status == 0 && !a.too_big && a.out.len > 0) {
		lines_to_blocks(&a.out, bs);
		said_free(&a);
		return 0;
	}
	if (strstr(a.err, "encrypted") != NULL) {
		said_free(&a);
		*why = _("protected by a password: open it and save it "
		    "without one");
		return -1;
	}
	if (run(catdoc, &c) == -1) {
		said_free(&a);
		*why = strerror(errno);
		return -1;
	}
	if (c.status == 0 && !c.too_big) {
		lines_to_blocks(&c.out, bs);
		said_free(&a);
		said_free(&c);
		return 0;
	}
	if (a.status == RUN_LATE || c.status == RUN_LATE)
		*why = _("reading it did not end within half a minute: the "
		    "document may be damaged; open it and save it as .docx "
		    "or .odt");
	else if (a.status == RUN_NOT_FOUND && c.status == RUN_NOT_FOUND)
		*why = _("reading a .doc needs antiword or catdoc: ask for "
		    "them to be installed (Debian packages antiword and "
		    "catdoc), or save the document as .docx or .odt");
	else if (a.too_big || c.too_big)
		*why = _("its text is bigger than a note may be");
	else
		*why = _("not a Word document antiword or catdoc can read: "
		    "open it and save it as .docx or .odt");
	said_free(&a);
	said_free(&c);
	return -1;
}

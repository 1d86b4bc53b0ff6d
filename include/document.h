/*
 * document.h - the notes inside a word processor's document: .docx and
 * .odt read in memory (libzip, libxml2), .doc through antiword or
 * catdoc over a pipe.  No file is ever extracted or written.
 */
#ifndef CARNET_DOCUMENT_H
#define CARNET_DOCUMENT_H

#include <stddef.h>
#include <time.h>

/* One entry: the text after a date that heads a paragraph or a table's
 * row, up to the next.  BODY is wiped memory. */
struct doc_note {
	time_t		 when;
	char		*body;
	size_t		 len;
};

struct document {
	struct doc_note	*note;
	size_t		 n;
	size_t		 undated;	/* lines before the first date: the
					 * first note, dated DATE */
	time_t		 date;		/* the document's: its file's time */
};

/* Is NAME a document carnet reads (by its ending, in any case)? */
int	document_is(const char *name);
/* The dated entries of the document at PATH, whose file was last
 * changed at MTIME (the date of what no date heads).  0, or -1 with
 * *WHY: protected by a password, damaged or truncated, a compressed bomb,
 * a DTD, a member's name that climbs out, no program for .doc... */
int	document_read(const char *path, struct document *, const char **why);
void	document_free(struct document *);

/* For the fuzzer and the unit tests: the same from a .docx or .odt
 * already in memory. */
int	document_from_zip(const char *data, size_t len, time_t date,
	    struct document *, const char **why);

#endif

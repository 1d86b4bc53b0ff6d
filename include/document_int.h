/*
 * document_int.h - what the document readers share (document.c for
 * .docx and .odt, document_doc.c for .doc): the text they find, as
 * paragraphs and table rows, and its cutting into dated entries
 * (document_notes.c).  All of it in wiped memory.
 */
#ifndef CARNET_DOCUMENT_INT_H
#define CARNET_DOCUMENT_INT_H

#include <stddef.h>
#include <time.h>

#include "document.h"

/* The biggest part of a document read (a document.xml, or what a
 * converter prints): a note's limit. */
#define DOC_PART_MAX	(64L * 1024 * 1024)

struct doc_text {
	char		*s;
	size_t		 len;
};

/* A paragraph (one cell), or a table's row (a cell per column). */
struct doc_block {
	struct doc_text	*cell;
	size_t		 ncell;
	int		 row;
};

struct doc_blocks {
	struct doc_block *b;
	size_t		 n;
};

/* LEN bytes of S at the end of T, NUL-ended. */
void	doc_text_put(struct doc_text *, const char *s, size_t len);
/* A new paragraph or row; a new cell in the last row; text at the end of
 * the last cell. */
void	blocks_start(struct doc_blocks *, int row);
void	blocks_cell(struct doc_blocks *);
void	blocks_put(struct doc_blocks *, const char *, size_t);
/* The last cell's text so far (for "- " before a list item). */
size_t	blocks_here(const struct doc_blocks *);
void	blocks_free(struct doc_blocks *);

/* Cut the blocks into dated entries: a paragraph that starts with a date
 * starts an entry; a row whose first cell is a date is one entry; what
 * comes before the first date is an entry of DATE. */
void	blocks_split(const struct doc_blocks *, time_t date,
	    struct document *);

/* The text part of a .docx (WORD) or of an .odt, as XML: what
 * document_from_zip() reads once the zip is open (the fuzzer's door). */
int	document_from_xml(const char *xml, size_t len, int word, time_t date,
	    struct document *, const char **why);

/* .doc: the text antiword (or catdoc) gives of PATH, as blocks.  0, or
 * -1 with *WHY. */
int	document_doc(const char *path, struct doc_blocks *, const char **why);

#endif

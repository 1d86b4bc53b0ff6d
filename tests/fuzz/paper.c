/* libFuzzer target: the paper layout of arbitrary text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paper.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct paper_note note;
	struct paper_doc doc;
	struct paper_pdf pdf;
	struct error err;

	/* Notes are valid UTF-8 without NUL: the store refuses the rest. */
	if (size > 20000 || memchr(data, 0, size) != NULL ||
	    util_utf8_invalid((const char *)data, size) != -1)
		return 0;
	memset(&doc, 0, sizeof(doc));
	note.created = note.written = note.updated = 1700000000;
	note.body = (const char *)data;
	note.len = size;
	doc.name = size > 0 ? "Fuzz" : "";
	doc.when = 1700000000;
	doc.notes = &note;
	doc.nnotes = 1;
	if (paper_typeset(&doc, &pdf, &err) == 0)
		paper_pdf_free(&pdf);
	return 0;
}

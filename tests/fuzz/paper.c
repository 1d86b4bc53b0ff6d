/* libFuzzer target: the paper layout of arbitrary text, under arbitrary
 * dates: the input's first 24 bytes are the note's three dates (a
 * notebook changed by hand may hold any), the rest its text. */
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
	int64_t dates[3] = { 1700000000, 1700000000, 1700000000 };

	if (size >= sizeof(dates)) {
		memcpy(dates, data, sizeof(dates));
		data += sizeof(dates);
		size -= sizeof(dates);
	}
	/* Notes are valid UTF-8 without NUL: the store refuses the rest. */
	if (size > 20000 || memchr(data, 0, size) != NULL ||
	    util_utf8_invalid((const char *)data, size) != -1)
		return 0;
	memset(&doc, 0, sizeof(doc));
	note.created = (time_t)dates[0];
	note.written = (time_t)dates[1];
	note.updated = (time_t)dates[2];
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

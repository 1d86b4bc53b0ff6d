/* libFuzzer target: a word processor's document as import reads it
 * (document.c, document_notes.c), any bytes: the first says how they
 * are taken (a .docx or .odt file, a .docx's text part, an .odt's). */
#include <stdint.h>
#include <string.h>

#include "document_int.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document d;
	const char *why = NULL;
	size_t i;
	int rc;

	if (size == 0)
		return 0;
	if (data[0] % 3 == 0)
		rc = document_from_zip((const char *)data + 1, size - 1, 0, &d,
		    &why);
	else
		rc = document_from_xml((const char *)data + 1, size - 1,
		    data[0] % 3 == 1, 0, &d, &why);
	if (rc == -1 && why == NULL)
		__builtin_trap();	/* a refusal always says why */
	if (rc == 0) {
		/* Entries are never empty, and hold no carriage return. */
		for (i = 0; i < d.n; i++)
			if (d.note[i].len == 0 ||
			    memchr(d.note[i].body, '\0', d.note[i].len) != NULL)
				__builtin_trap();
		document_free(&d);
	}
	return 0;
}

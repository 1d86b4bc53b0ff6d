/* libFuzzer target: a note's words as spelling cuts them, and each judged
 * as French writes it (spell_words.c), on any bytes a note may hold. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spell.h"

/* A dictionary that knows the words without an "x". */
static int
known(const char *word, void *context)
{
	(void)context;
	return strchr(word, 'x') == NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct spell_word *w;
	size_t n = spell_words(text, size, &w), i, end = 0;

	for (i = 0; i < n; i++) {
		/* In order, apart, inside the text, never empty. */
		if (w[i].len == 0 || w[i].start < end || w[i].start +
		    w[i].len > size)
			__builtin_trap();
		end = w[i].start + w[i].len;
		(void)spell_judge(text + w[i].start, w[i].len, known, NULL);
	}
	free(w);
	return 0;
}

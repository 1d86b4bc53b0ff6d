/*
 * libFuzzer target: the text buffer under random edit sequences.  Each
 * input byte picks an operation; whatever happens, the buffer stays valid
 * UTF-8 and every move stays on a character boundary.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct text *t;
	size_t i, pos = 0, len, n;
	char *all;

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = 1;
	}
	t = text_new();
	for (i = 0; i < size; i++) {
		len = text_len(t);
		if (pos > len)
			abort();
		switch (data[i] % 12) {
		case 0:
		case 1:
			n = size - i - 1 < 8 ? size - i - 1 : 8;
			pos += text_insert(t, pos, (const char *)data + i + 1, n);
			i += n;
			break;
		case 2:
			text_delete(t, text_prev(t, pos), pos);
			pos = text_prev(t, pos);
			break;
		case 3:
			text_delete(t, pos, text_next(t, pos));
			break;
		case 4:
			pos = text_next(t, pos);
			break;
		case 5:
			pos = text_prev(t, pos);
			break;
		case 6:
			pos = text_word_next(t, pos);
			break;
		case 7:
			pos = text_word_prev(t, pos);
			break;
		case 8:
			text_undo(t, &pos);
			break;
		case 9:
			text_redo(t, &pos);
			break;
		case 10:
			pos = text_row_next(t, text_row_start(t, pos, 1 +
			    data[i] % 40), 1 + data[i] % 40);
			break;
		case 11:
			text_seal(t);
			pos = len ? (size_t)data[i] * 7919 % len : 0;
			pos = text_line_start(t, pos);
			break;
		}
		if (pos > text_len(t))
			pos = text_len(t);
	}
	all = text_copy(t, 0, text_len(t));
	if (util_utf8_invalid(all, text_len(t)) != -1)
		abort();
	wipe_free(all);
	text_free(t);
	return 0;
}

/* libFuzzer target: a name cleaned and keyed (names.c), as any bytes
 * typed or imported as a folder's name may be. */
#include <stdint.h>
#include <string.h>

#include "names.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err;
	char *typed, *kept, *key;

	typed = wipe_dup((const char *)data, size);
	if ((kept = names_clean(typed, 200, &err)) != NULL) {
		key = names_key(kept);
		/* The key of a kept name is never longer than a name can
		 * grow to in UTF-8 (each character four bytes at most). */
		if (strlen(key) > 4 * 200 * 4)
			__builtin_trap();
		wipe_free(key);
		wipe_free(kept);
	}
	wipe_free(names_key(typed));
	wipe_free(typed);
	return 0;
}

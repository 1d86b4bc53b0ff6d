/*
 * cli_words.c - "carnet words": my words, the words the worker added to
 * spelling (a in the editor's suggestions), one a line; "rm" takes some
 * out.  They live in the notebook alone (store_word.c).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "store.h"
#include "util.h"

int
cli_words(struct cli *c, struct store *st, int argc, char **argv)
{
	struct error err;
	char **words, *shown;
	size_t n, i;
	int k, r, status = EXIT_OK;

	(void)c;
	if (argc == 0) {
		if (store_words(st, &words, &n, &err) == -1) {
			util_warn("%s", err.text);
			return err.status;
		}
		for (i = 0; i < n; i++) {
			shown = util_shown(words[i], strlen(words[i]), 0);
			util_out("%s\n", shown);
			wipe_free(shown);
		}
		store_words_free(words, n);
		return EXIT_OK;
	}
	/* "rm" and at least a word: cli.c checked (words_misused()). */
	for (k = 1; k < argc; k++) {
		if ((r = store_word_remove(st, argv[k], &err)) == -1) {
			util_warn("%s", err.text);
			return err.status;
		}
		shown = util_shown(argv[k], strlen(argv[k]), 0);
		if (r == 1) {
			util_warn(_("“%s” is not in my words"), shown);
			status = EXIT_ERROR;
		} else
			util_say(_("“%s” is no longer in my words.\n"), shown);
		wipe_free(shown);
	}
	return status;
}

/* libFuzzer target: a damaged dictionary.  The bytes are written as a
 * .aff beside a small .dic, then carnet starts its spelling process on
 * them (spell.c) and asks it a word and suggestions, as the editor does:
 * whatever Hunspell makes of it in its own process (refusal, a crash),
 * carnet is told "spelling is off" and goes on, never crashes.  Slow (a
 * process a run): the corpus holds a real .aff's beginning. */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spell.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char folder[4096];
	static int made;
	const char *word = "enfnat";
	size_t len = strlen(word);
	unsigned char right;
	char path[4200], **list;
	struct error err;
	struct spell *sp;
	FILE *fp;
	int n;

	if (!made) {
		/* In the fuzzing's own folder (run.sh sets TMPDIR). */
		snprintf(folder, sizeof(folder), "%s/dictionary-XXXXXX",
		    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
		if (mkdtemp(folder) == NULL)
			return 0;
		setenv("DICPATH", folder, 1);
		snprintf(path, sizeof(path), "%s/xx_XX.dic", folder);
		if ((fp = fopen(path, "w")) == NULL)
			return 0;
		fputs("3\nenfant/S\nmaison\nrendez-vous\n", fp);
		fclose(fp);
		made = 1;
	}
	snprintf(path, sizeof(path), "%s/xx_XX.aff", folder);
	if ((fp = fopen(path, "w")) == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	if ((sp = spell_start("xx_XX", &err)) == NULL)
		return 0;	/* refused: said, and nothing else */
	if (spell_known(sp, &word, &len, 1, &right) == 0 &&
	    (n = spell_suggest(sp, word, len, &list)) >= 0)
		spell_list_free(list, n);
	spell_stop(sp);
	return 0;
}

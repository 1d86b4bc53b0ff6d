/*
 * spelling CORPUS AFF DIC RUNS - spelling's side of the benchmarks:
 * carnet's path (the words cut as French writes them, asked of the
 * spelling process over its pipe, spell.c) beside its floor, Hunspell
 * called directly in this process on the same words.  Prints
 * "operation\tmedian ms\tp95 ms\tmax ms", the floors as "floor:...".
 */
#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell.h>

#include "spell.h"
#include "timing.h"

/* A note of about 5,000 words: the corpus's first notes, end to end. */
static char *
long_note(const char *corpus, size_t *len)
{
	char *text = malloc(1 << 20), path[4096], *sub;
	struct dirent **d, **f;
	size_t n = 0;
	int nd, nf, i, j, words = 0;
	FILE *fp;

	if (text == NULL || (nd = scandir(corpus, &d, NULL, alphasort)) < 0)
		return NULL;
	for (i = 0; i < nd && words < 5000; i++) {
		if (d[i]->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", corpus, d[i]->d_name);
		if ((nf = scandir(path, &f, NULL, alphasort)) < 0)
			continue;
		for (j = 0; j < nf && words < 5000; j++) {
			sub = f[j]->d_name;
			if (sub[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s", corpus,
			    d[i]->d_name, sub);
			if ((fp = fopen(path, "r")) == NULL)
				continue;
			n += fread(text + n, 1, (1 << 20) - n - 1, fp);
			fclose(fp);
			text[n] = '\0';
			words = 0;
			for (char *p = text; *p != '\0'; p++)
				words += (p == text || p[-1] == ' ' ||
				    p[-1] == '\n') && *p != ' ' && *p != '\n';
		}
	}
	*len = n;
	return text;
}

/* The words of TEXT, as NUL-terminated copies. */
static char **
words_of(const char *text, size_t len, size_t *n, size_t **lens)
{
	struct spell_word *w;
	char **out;
	size_t i;

	*n = spell_words(text, len, &w);
	out = calloc(*n, sizeof(*out));
	*lens = calloc(*n, sizeof(**lens));
	for (i = 0; i < *n; i++) {
		out[i] = strndup(text + w[i].start, w[i].len);
		(*lens)[i] = w[i].len;
	}
	free(w);
	return out;
}

int
main(int argc, char *argv[])
{
	struct sample mark, mark_bare, first, suggest, suggest_bare;
	struct spell *sp;
	struct error err;
	Hunhandle *h;
	unsigned char *right;
	char *text, **words, **list, bad[64];
	size_t len, n, *lens, i, screen;
	int r, runs, k, m;
	double t;

	if (argc != 5) {
		fputs("usage: spelling CORPUS AFF DIC RUNS\n", stderr);
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	runs = atoi(argv[4]);
	if ((text = long_note(argv[1], &len)) == NULL)
		return 1;
	words = words_of(text, len, &n, &lens);
	right = calloc(n, 1);
	printf("# spelling: a note of %zu words, %zu bytes\n", n, len);
	sample_init(&mark);
	sample_init(&mark_bare);
	sample_init(&first);
	sample_init(&suggest);
	sample_init(&suggest_bare);
	h = Hunspell_create(argv[2], argv[3]);
	/* What the editor's first screen shows: 22 rows of 78 columns. */
	screen = n < 300 ? n : 300;
	for (r = 0; r < runs; r++) {
		/* From opening the editor to its first marks: the process
		 * started, its dictionary read, the first screen asked. */
		t = now_ms();
		if ((sp = spell_start("fr_FR", &err)) == NULL) {
			fprintf(stderr, "spelling: %s\n", err.text);
			return 1;
		}
		spell_known(sp, (const char *const *)words, lens, screen,
		    right);
		sample_add(&first, now_ms() - t);
		/* The whole note, as a pasted page is marked. */
		t = now_ms();
		spell_known(sp, (const char *const *)words, lens, n, right);
		sample_add(&mark, now_ms() - t);
		t = now_ms();
		for (i = 0; i < n; i++)
			right[i] = Hunspell_spell(h, words[i]) != 0;
		sample_add(&mark_bare, now_ms() - t);
		/* Suggestions for a word with two letters swapped. */
		for (k = 0; k < 5; k++) {
			i = (size_t)(r * 5 + k) * 37 % n;
			snprintf(bad, sizeof(bad), "%s", words[i]);
			if (strlen(bad) > 3) {
				char c = bad[1];

				bad[1] = bad[2];
				bad[2] = c;
			}
			t = now_ms();
			m = spell_suggest(sp, bad, strlen(bad), &list);
			sample_add(&suggest, now_ms() - t);
			spell_list_free(list, m);
			t = now_ms();
			m = Hunspell_suggest(h, &list, bad);
			sample_add(&suggest_bare, now_ms() - t);
			Hunspell_free_list(h, &list, m);
		}
		spell_stop(sp);
	}
	sample_print("spelling: editor opened to first marks", &first);
	sample_print("spelling: marking a 5,000-word note", &mark);
	sample_print("floor:spelling: marking a 5,000-word note", &mark_bare);
	sample_print("spelling: a suggestion", &suggest);
	sample_print("floor:spelling: a suggestion", &suggest_bare);
	Hunspell_destroy(h);
	return 0;
}

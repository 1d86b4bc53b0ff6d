/* unit/spell.c - which words of a note spelling checks, and how a word
 * is judged as French is written (spell_words.c), with a dictionary of a
 * few words: no Hunspell here. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "spell.h"
#include "tap.h"

/* The words of TEXT, joined by "|". */
static char *
cut(const char *text)
{
	static char out[1024];
	struct spell_word *w;
	size_t n = spell_words(text, strlen(text), &w), i, o = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			out[o++] = '|';
		memcpy(out + o, text + w[i].start, w[i].len);
		o += w[i].len;
	}
	out[o] = '\0';
	free(w);
	return out;
}

static const char *const dictionary[] = { "enfant", "il", "ici",
    "rendez-vous", "peut-être", "donne", "moi", "aujourd'hui", "cœur",
    "Jean", "Marc", "mère", NULL };

static int
known(const char *word, void *asked)
{
	size_t i;

	(*(int *)asked)++;
	for (i = 0; dictionary[i] != NULL; i++)
		if (strcmp(word, dictionary[i]) == 0)
			return 1;
	return 0;
}

static int
judge(const char *word)
{
	int asked = 0;

	return spell_judge(word, strlen(word), known, &asked);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	is_str(cut("L’enfant est venu, qu'il dit."), "L’enfant|est|venu|qu'il|dit",
	    "words: elisions whole with either apostrophe, punctuation aside");
	is_str(cut("rendez-vous peut-être « cœur » Æsop"),
	    "rendez-vous|peut-être|cœur|Æsop",
	    "hyphenated words whole; œ and æ are letters; quotes aside");
	is_str(cut("RDV 14h30 le 12/03, 2e étage, 01 23 45 67 89"),
	    "RDV|le|étage",
	    "times, dates, ordinals and telephone numbers are left alone");
	is_str(cut("écrire à marie.curie@cmp.fr ou www.caf.fr ou "
	    "https://caf.fr/aides"), "écrire|à|ou|ou",
	    "e-mail and web addresses are left alone");
	is_str(cut("- tiret -seul mot- 'cité'"), "tiret|seul|mot|cité",
	    "a hyphen or an apostrophe at a word's edge is no part of it");
	is_str(cut(""), "", "an empty note has no word");
	is_str(cut("\xff\xfe mot"), "mot", "bytes that are not UTF-8 are no word");

	ok(judge("enfant"), "a known word is right");
	ok(!judge("enfnat"), "an unknown word is not");
	ok(judge("l’enfant") && judge("L'enfant") && judge("qu'il") &&
	    judge("jusqu’ici"), "after an elision, the word is checked "
	    "(both apostrophes, a capital)");
	ok(!judge("l'enfnat"), "and a misspelt one is still found");
	ok(!judge("x'enfant"), "an apostrophe that elides nothing is no elision");
	ok(judge("aujourd’hui"), "a word with an apostrophe of its own, whole");
	ok(judge("rendez-vous") && judge("peut‐être"),
	    "hyphenated words as the dictionary holds them (either hyphen)");
	ok(judge("donne-moi") && judge("Jean-Marc") && judge("mère-enfant"),
	    "a hyphenated word it does not hold: right when each part is");
	ok(!judge("donne-moa"), "and not when a part is wrong");
	{
		char lon[SPELL_WORD_MAX + 8];

		memset(lon, 'a', sizeof(lon) - 1);
		lon[sizeof(lon) - 1] = '\0';
		ok(judge(lon), "a run too long to be a word is not marked");
	}

	/* What "a" adds and "i" ignores: the word past its elision. */
	ok(spell_elided("l’enfnat", strlen("l’enfnat")) == strlen("l’") &&
	    spell_elided("L'enfnat", 8) == 2 &&
	    spell_elided("Qu'ile", 6) == 3 &&
	    spell_elided("jusqu’isi", strlen("jusqu’isi")) == strlen("jusqu’"),
	    "an elided word is added from past its apostrophe");
	ok(spell_elided("aujourd'hui", 11) == 0 &&
	    spell_elided("x'enfnat", 8) == 0 && spell_elided("l'", 2) == 0 &&
	    spell_elided("Dupont", 6) == 0 &&
	    spell_elided("Jean-Marc", 9) == 0,
	    "a word with no elision is added whole");
	return done();
}
